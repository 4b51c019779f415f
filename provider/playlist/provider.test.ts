import { configureForFixture, EmulatorFixture, startEmulatorFixture } from "../../test/helpers/emulator-fixture";
import { checkInputs } from "../../common/check";
import { casterPlaylist, PlaylistInputs, PlaylistItem, playlistFields } from "../../model/kinds/caster-playlist";
import { casterSpec } from "../../model/kinds/caster";
import { planPlaylist } from "./plan";
import { playlistProvider as provider, PlaylistOutputs } from "./provider";

const item = (itemName: string): PlaylistItem => ({ itemName, mediaId: `media-${itemName}` });
const items = (...names: string[]) => names.map(item);

/** The playlist against the emulator: real HTTP, real signatures, the emulator's own rules; the calls that change something counted. */
describe("CasterPlaylist provider", () => {
  let live: EmulatorFixture;
  let casterId: string;
  let studios = 0;

  /** A studio as AddPlaylistItems demands it: NormType 3, lp_noTranscode, channels off, its program in effect. */
  const lightweightCarousel = async () => {
    const id = (await live.client.call("CreateCaster", { ClientToken: `playlist-${++studios}-${Date.now()}`, NormType: 3, ChargeType: "PostPaid", CasterTemplate: "lp_noTranscode" })).CasterId as string;
    await live.client.call("SetCasterConfig", { CasterId: id, ProgramEffect: 1, TranscodeConfig: '{"CasterTemplate":"lp_noTranscode"}' });
    return id;
  };

  beforeEach(async () => {
    live = await startEmulatorFixture();
    configureForFixture(live);
    casterId = await lightweightCarousel();
  });
  afterEach(() => live.close());

  const changing = () => live.emulator.calls().map((call) => call.action).filter((action) => !/^(Describe|List)/.test(action));
  const names = async (programId: string) => ((await live.client.call("ListPlaylistItems", { ProgramId: programId })).ProgramItems ?? []).map((entry) => entry.ProgramItemName);
  const listed = async (programId: string) => (await live.client.call("ListPlaylist", { ProgramId: programId })).ProgramList?.[0];

  test("a playlist goes up in one AddPlaylistItems with its settings; the same inputs again send nothing", async () => {
    const inputs: PlaylistInputs = { casterId, programName: "Night loop", repeatNumber: -1, items: items("a", "b", "c") };
    const before = changing().length;
    const created = await provider.create(inputs);
    expect(changing().slice(before)).toEqual(["AddPlaylistItems"]);
    const outs = created.outs as PlaylistOutputs;
    expect(created.id).toBe(outs.programId);
    expect(outs.itemIds).toHaveLength(3);
    expect(await names(outs.programId)).toEqual(["a", "b", "c"]);
    expect(await listed(outs.programId)).toMatchObject({ CasterId: casterId, ProgramName: "Night loop", RepeatNumber: -1 });
    expect((await provider.diff(created.id, outs, inputs)).changes).toBe(false);
    const after = changing().length;
    await provider.update(created.id, outs, inputs);
    expect(changing().length).toBe(after);
  });

  test("items taken out are one DeletePlaylistItems, items added at the end one AddPlaylistItems (the others keep their IDs); a reorder or a new repeat is one EditPlaylist", async () => {
    const created = await provider.create({ casterId, items: items("a", "b", "c", "d") });
    let outs = created.outs as PlaylistOutputs;
    const step = async (news: PlaylistInputs) => {
      const before = changing().length;
      expect((await provider.diff(created.id, outs, news)).changes).toBe(true);
      outs = (await provider.update(created.id, outs, news)).outs as PlaylistOutputs;
      expect(await names(outs.programId)).toEqual(news.items.map((entry) => entry.itemName));
      return changing().slice(before);
    };
    const [, idOfB, , idOfD] = outs.itemIds;
    expect(await step({ casterId, items: items("b", "d") })).toEqual(["DeletePlaylistItems"]);
    expect(outs.itemIds).toEqual([idOfB, idOfD]);
    expect(await step({ casterId, items: items("b", "d", "e") })).toEqual(["AddPlaylistItems"]);
    expect(outs.itemIds.slice(0, 2)).toEqual([idOfB, idOfD]);
    expect(await step({ casterId, items: items("e", "b", "d") })).toEqual(["EditPlaylist"]);
    expect(await step({ casterId, items: items("e", "b", "d"), repeatNumber: 2 })).toEqual(["EditPlaylist"]);
    expect((await listed(outs.programId))?.RepeatNumber).toBe(2);
  });

  test("a lost reply to the first AddPlaylistItems: the studio's playlist is found by listing, and nothing is added twice", async () => {
    live.emulator.setFaults({ rates: { AddPlaylistItems: { lostResponse: 1 } } });
    const created = await provider.create({ casterId, items: items("a", "b") });
    live.emulator.setFaults({ rates: {} });
    expect(changing().filter((action) => action === "AddPlaylistItems")).toHaveLength(1);
    expect(await names((created.outs as PlaylistOutputs).programId)).toEqual(["a", "b"]);
    // A run cut short after the add: the next run's create (a new session) takes the playlist of declared items over, adding only what is missing.
    configureForFixture(live);
    const before = changing().length;
    const again = await provider.create({ casterId, items: items("a", "b", "c") });
    expect(again.id).toBe(created.id);
    expect(changing().slice(before)).toEqual(["AddPlaylistItems"]);
  });

  test("playlists of studios made side by side share one listing of the account's playlists; a second playlist of one studio in one program is refused", async () => {
    const others = [await lightweightCarousel(), await lightweightCarousel()];
    const accountListings = () => live.emulator.calls().filter((call) => call.action === "ListPlaylist" && call.params.ProgramId === undefined).length;
    const made = await Promise.all([casterId, ...others].map((studio, index) => provider.create({ casterId: studio, programName: `Loop ${index}`, repeatNumber: index - 1, items: items("a", "b") })));
    expect(new Set(made.map((playlist) => (playlist.outs as PlaylistOutputs).casterId))).toEqual(new Set([casterId, ...others]));
    expect(accountListings()).toBe(1);
    // What each create stored (its items as listed, its studio and settings as sent) is what a refresh reads.
    for (const playlist of made) expect((await provider.read(playlist.id, playlist.outs as PlaylistOutputs)).props).toEqual(playlist.outs);
    await expect(provider.create({ casterId, items: items("c") })).rejects.toThrow(
      `another playlist of this program is declared for studio ${casterId}: a studio has one playlist (AddPlaylistItems adds to it); declare its items in one CasterPlaylist.`,
    );
    expect(await names((made[0].outs as PlaylistOutputs).programId)).toEqual(["a", "b"]);
    // Deleted, and made again at once: the listing from before the delete, which still has the old playlist, is not taken for the studio's.
    await provider.delete(made[0].id, made[0].outs as PlaylistOutputs);
    const again = await provider.create({ casterId, items: items("c") });
    expect(again.id).not.toBe(made[0].id);
    expect(await names(again.id)).toEqual(["c"]);
  });

  test("a lost reply to an AddPlaylistItems that appends: the playlist is read again, and nothing is added twice", async () => {
    const created = await provider.create({ casterId, items: items("a", "b") });
    live.emulator.setFaults({ rates: { AddPlaylistItems: { lostResponse: 1, times: 1 } } });
    const before = changing().length;
    const outs = (await provider.update(created.id, created.outs as PlaylistOutputs, { casterId, items: items("a", "b", "c") })).outs as PlaylistOutputs;
    live.emulator.setFaults({ rates: {} });
    expect(changing().slice(before)).toEqual(["AddPlaylistItems"]);
    expect(await names(outs.programId)).toEqual(["a", "b", "c"]);
    expect(outs.itemIds).toHaveLength(3);
  });

  test("a playing playlist is stopped before it is deleted (DeletePlaylist refuses a list in use); a stopped one is deleted with one call", async () => {
    const playing = await provider.create({ casterId, items: items("a") });
    await live.client.call("StartPlaylist", { ProgramId: playing.id });
    let before = changing().length;
    await provider.delete(playing.id, playing.outs as PlaylistOutputs);
    expect(changing().slice(before)).toEqual(["StopPlaylist", "DeletePlaylist"]);
    expect(await listed(playing.id)).toBeUndefined();
    const stopped = await provider.create({ casterId, items: items("a") });
    before = changing().length;
    await provider.delete(stopped.id, stopped.outs as PlaylistOutputs);
    expect(changing().slice(before)).toEqual(["DeletePlaylist"]);
  });

  test("a playlist with items of other names is refused unless importId takes it over, with no call when it already matches", async () => {
    const theirs = (await live.client.call("AddPlaylistItems", { CasterId: casterId, ProgramItems: JSON.stringify([{ ItemName: "theirs", ResourceType: "vod", ResourceValue: "media-theirs" }]) })).ProgramId as string;
    await expect(provider.create({ casterId, items: items("a") })).rejects.toThrow(`does not declare ("theirs"). Set importId: "${theirs}"`);
    const before = changing().length;
    const adopted = await provider.create({ casterId, items: items("theirs"), importId: theirs });
    expect(adopted.id).toBe(theirs);
    expect(changing().length).toBe(before);
    const other = await lightweightCarousel();
    await expect(provider.create({ casterId: other, items: items("theirs"), importId: theirs })).rejects.toThrow(`importId ${theirs} is studio ${casterId}'s playlist, but casterId is ${other}`);
  });

  test("refresh reports the playlist as the API has it, and gone once it is deleted; delete deletes it", async () => {
    const created = await provider.create({ casterId, items: items("a", "b") });
    const outs = created.outs as PlaylistOutputs;
    await live.client.call("EditPlaylist", { ProgramId: outs.programId, ProgramItems: JSON.stringify([{ ItemName: "b", ResourceType: "vod", ResourceValue: "media-b" }]), ProgramConfig: '[{"RepeatNumber":"1","ProgramName":"x"}]' });
    expect((await provider.read(created.id, outs)).props).toMatchObject({ items: items("b"), repeatNumber: 1, programName: "x" });
    await provider.delete(created.id, outs);
    expect(await listed(outs.programId)).toBeUndefined();
    expect((await provider.read(created.id, outs)).id).toBeUndefined();
    // Already gone is what delete wants.
    await provider.delete(created.id, outs);
  });
});

describe("CasterPlaylist check", () => {
  const check = (inputs: Record<string, unknown>) => checkInputs({ fields: playlistFields, rules: casterPlaylist.rules }, inputs);

  test("every problem at once, each naming the item, the value and the fix", () => {
    const failures = check({
      casterId: "LIVEPRODUCER_POST-cn-0pp1czt1234",
      repeatNumber: -2,
      items: [{ itemName: "a", mediaId: "m-1" }, { itemName: "a", mediaId: "m-2" }, { itemName: "c", mediaId: "m-3", resourceType: "live" }],
    });
    expect(failures.map((failure) => failure.reason)).toEqual([
      expect.stringMatching(/^repeatNumber -2 .*use -1 \(loop forever\), 0 \(play once\) or N/),
      expect.stringMatching(/items\[2\].*a playlist item has only itemName and mediaId .*remove resourceType/),
    ]);
    expect(check({ casterId: "c-1", items: items("a", "a") }).map((failure) => failure.reason)).toEqual([
      'items[1] and items[0] are both named "a": an item is known by its name (that is how a lost reply is found again); rename one.',
    ]);
  });

  test("a lightweight carousel studio (normType 3) needs lp_noTranscode, programEffect 1 and channel mode off; lp_noTranscode is its only", () => {
    const caster = (inputs: Record<string, unknown>) => checkInputs(casterSpec, inputs).map((failure) => failure.reason);
    expect(caster({ normType: 3, casterTemplate: "lp_sd", channelMode: true })).toEqual([
      'normType 3 (a lightweight carousel studio) needs casterTemplate "lp_noTranscode", but it is "lp_sd"; set casterTemplate: "lp_noTranscode", or use another normType.',
      "normType 3 (a lightweight carousel studio) needs programEffect 1, but it is not set; set programEffect: 1, or use another normType.",
      "normType 3 (a lightweight carousel studio) needs channelMode false, but it is true; set channelMode: false, or use another normType.",
    ]);
    expect(caster({ normType: 3, casterTemplate: "lp_noTranscode", programEffect: 1 })).toEqual([]);
    expect(caster({ normType: 1, casterTemplate: "lp_noTranscode" })).toEqual([
      'casterTemplate "lp_noTranscode" is only for a lightweight carousel studio (normType 3), but normType is 1; use another casterTemplate, or set normType: 3.',
    ]);
  });
});

describe("planPlaylist", () => {
  const listedItems = (...names: string[]) => names.map((name) => ({ id: `id-${name}`, ...item(name) }));
  const settings = { programName: "", repeatNumber: 0 };

  test("the one call: a removal, an append, or an edit for anything else", () => {
    expect(planPlaylist(listedItems("a", "b"), settings, items("a", "b"), settings)).toBeUndefined();
    expect(planPlaylist(listedItems("a", "b", "c"), settings, items("b"), settings)).toEqual({ kind: "delete", itemIds: ["id-a", "id-c"] });
    expect(planPlaylist(listedItems("a"), settings, items("a", "b"), settings)).toEqual({ kind: "append", items: items("b") });
    expect(planPlaylist(listedItems("a", "b"), settings, items("b", "a"), settings)).toEqual({ kind: "edit" });
    expect(planPlaylist(listedItems("a", "b"), settings, items("b", "c"), settings)).toEqual({ kind: "edit" });
    expect(planPlaylist(listedItems("a"), settings, [{ itemName: "a", mediaId: "other" }], settings)).toEqual({ kind: "edit" });
    expect(planPlaylist(listedItems("a"), settings, items("a"), { programName: "", repeatNumber: -1 })).toEqual({ kind: "edit" });
  });
});
