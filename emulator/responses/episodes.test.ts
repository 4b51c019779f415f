import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { toApiTime } from "../../model/api-facts";
import { expectError, PopCall, startPacedEmulator } from "../../test/helpers/paced-emulator";
import { popClient } from "../../test/helpers/pop-client";
import { DEMO_ACCOUNT } from "../gateway/accounts";
import { RunningEmulator, startEmulator } from "../server";

const HOUR = 3_600_000;

/** AddCasterEpisode, ModifyCasterEpisode, DeleteCasterEpisode and DescribeCasterProgram over HTTP, with real signatures. */
describe("emulator episodes", () => {
  // Every call a second later on the emulator's clock (no QPS limit reached), from ten minutes back (test/helpers/paced-emulator.ts).
  let emulator: RunningEmulator;
  let call: PopCall;
  let other: PopCall;
  let state: () => string;
  let advanceClock: (ms: number) => void;
  let casterId: string;
  /** The studio's VOD source, live-stream source and two components. */
  let vod: string;
  let live: string;
  let text: string;
  let image: string;
  let token = 0;

  /** The emulator's clock now: the time of the last call it served (a paced call moves it on first). */
  const clock = () => Date.parse(emulator.calls().at(-1)!.at);
  /** A moment `ms` after the emulator's clock, in the API's format. */
  const later = (ms: number) => toApiTime(clock() + ms);
  /** Moves the emulator's clock so that the next (paced) call is served at exactly `time`. */
  const nextCallAt = (time: string) => advanceClock(Date.parse(time) - clock() - 1100);
  const add = (params: Record<string, unknown> = {}) => call("AddCasterEpisode", {
    CasterId: casterId, EpisodeName: "News", EpisodeType: "Resource", ResourceId: vod,
    StartTime: later(HOUR), EndTime: later(2 * HOUR), SwitchType: "TimeFirst", ...params,
  });
  const addComponents = (params: Record<string, unknown> = {}) => add({ EpisodeType: "Component", ResourceId: undefined, "ComponentId.1": text, ...params });
  const modify = (episodeId: string, params: Record<string, unknown>) => call("ModifyCasterEpisode", { CasterId: casterId, EpisodeId: episodeId, ...params });
  const program = async (params: Record<string, unknown> = {}) => (await call("DescribeCasterProgram", { CasterId: casterId, ...params })).body;
  const episode = async (episodeId: string) => (await program({ EpisodeId: episodeId })).Episodes.Episode[0];
  const ids = (body: Record<string, any>) => body.Episodes.Episode.map((e: { EpisodeId: string }) => e.EpisodeId);

  beforeAll(async () => {
    ({ emulator, call, other, state, advanceClock } = await startPacedEmulator());
  });
  afterAll(() => emulator.close());
  beforeEach(async () => {
    casterId = (await call("CreateCaster", { ClientToken: `episodes-${++token}`, NormType: 1, ChargeType: "PostPaid" })).body.CasterId;
    vod = (await call("AddCasterVideoResource", { CasterId: casterId, ResourceName: "reel", LocationId: "RV01", VodUrl: "https://media.example.com/reel.mp4" })).body.ResourceId;
    live = (await call("AddCasterVideoResource", { CasterId: casterId, ResourceName: "cam", LocationId: "RV02", LiveStreamUrl: "rtmp://push.example.com/app/cam" })).body.ResourceId;
    const component = async (locationId: string) => (await call("AddCasterComponent", {
      CasterId: casterId, ComponentType: "text", LocationId: locationId, ComponentLayer: "{}", TextLayerContent: `{"Text":"${locationId}"}`,
    })).body.ComponentId;
    text = await component("RC01");
    image = await component("RC02");
  });

  test("an episode is added, read through DescribeCasterProgram, modified and deleted", async () => {
    const startTime = later(HOUR);
    const endTime = later(2 * HOUR);
    const added = await add({ "ComponentId.1": text, "ComponentId.2": image, SwitchType: "ContentFirst", StartTime: startTime, EndTime: endTime });
    expect(added.status).toBe(200);
    expect(Object.keys(added.body).sort()).toEqual(["EpisodeId", "RequestId"]);
    const { EpisodeId } = added.body;

    const listed = await program();
    expect(listed).toMatchObject({ CasterId: casterId, ProgramName: "", ProgramEffect: 1, Total: 1 });
    expect(listed.Episodes.Episode).toEqual([{
      EpisodeId, EpisodeName: "News", EpisodeType: "Resource", ResourceId: vod, ComponentIds: { ComponentId: [text, image] },
      StartTime: startTime, EndTime: endTime, Status: 0, SwitchType: "ContentFirst",
    }]);

    // Only what is sent changes; EpisodeType is not a parameter of ModifyCasterEpisode, and one sent is ignored.
    const newEnd = later(3 * HOUR);
    const modified = await modify(EpisodeId, { EpisodeName: "Late news", EndTime: newEnd, "ComponentId.1": image, EpisodeType: "Component" });
    expect(modified.status).toBe(200);
    expect(Object.keys(modified.body).sort()).toEqual(["CasterId", "EpisodeId", "RequestId"]);
    expect(modified.body).toMatchObject({ CasterId: casterId, EpisodeId });
    expect(await episode(EpisodeId)).toEqual({
      EpisodeId, EpisodeName: "Late news", EpisodeType: "Resource", ResourceId: vod, ComponentIds: { ComponentId: [image] },
      StartTime: startTime, EndTime: newEnd, Status: 0, SwitchType: "ContentFirst",
    });
    const newStart = later(HOUR / 2);
    expect((await modify(EpisodeId, { StartTime: newStart, SwitchType: "TimeFirst", ResourceId: live })).status).toBe(200);
    expect(await episode(EpisodeId)).toMatchObject({ StartTime: newStart, EndTime: newEnd, SwitchType: "TimeFirst", ResourceId: live, EpisodeName: "Late news" });

    const deleted = await call("DeleteCasterEpisode", { CasterId: casterId, EpisodeId });
    expect(deleted.status).toBe(200);
    expect(Object.keys(deleted.body).sort()).toEqual(["CasterId", "EpisodeId", "RequestId"]);
    expect(deleted.body).toMatchObject({ CasterId: casterId, EpisodeId });
    expect(await program()).toMatchObject({ ProgramEffect: 0, Total: 0, Episodes: { Episode: [] } });
    expectError(await call("DeleteCasterEpisode", { CasterId: casterId, EpisodeId }), 404, "InvalidEpisode.NotFound");
    expectError(await modify(EpisodeId, { EpisodeName: "gone" }), 404, "InvalidEpisode.NotFound");
  });

  test("a Component episode shows its components, bottom to top, and ignores a ResourceId; EpisodeName may be left out", async () => {
    const { EpisodeId } = (await addComponents({ "ComponentId.1": image, "ComponentId.2": text, ResourceId: vod, EpisodeName: undefined })).body;
    expect(await episode(EpisodeId)).toMatchObject({
      EpisodeType: "Component", EpisodeName: "", ResourceId: "", ComponentIds: { ComponentId: [image, text] },
    });
    // A ResourceId sent to a Component episode is ignored too, even an unknown one.
    expect((await modify(EpisodeId, { ResourceId: "no-such-source", "ComponentId.1": text })).status).toBe(200);
    expect(await episode(EpisodeId)).toMatchObject({ EpisodeType: "Component", ResourceId: "", ComponentIds: { ComponentId: [text] } });
  });

  test("there is no ClientToken: the same call twice makes two episodes", async () => {
    const request = { StartTime: later(HOUR), EndTime: later(2 * HOUR) };
    const first = await add(request);
    const second = await add(request);
    expect(second.body.EpisodeId).not.toBe(first.body.EpisodeId);
    expect((await program()).Total).toBe(2);
  });

  const otherCaster = "LIVEPRODUCER_POST-cn-nosuchstudio1";
  // Every row has its five values (no message: undefined): a shorter row would make jest pass `done` as the fifth.
  test.each<[string, () => Record<string, unknown>, number, string, RegExp | undefined]>([
    ["an unknown studio", () => ({ CasterId: otherCaster }), 404, "InvalidCaster.NotFound", undefined],
    ["no SwitchType", () => ({ SwitchType: undefined }), 400, "MissingSwitchType", undefined],
    ["EpisodeType Video", () => ({ EpisodeType: "Video" }), 400, "InvalidParameter.Malformed", /EpisodeType/],
    ["a StartTime with a space", () => ({ StartTime: "2030-01-01 20:00:00" }), 400, "InvalidParameter.Malformed", /StartTime/],
    ["a StartTime with milliseconds", () => ({ StartTime: "2030-01-01T20:00:00.000Z" }), 400, "InvalidParameter.Malformed", /StartTime/],
    ["an EndTime with a zone offset", () => ({ EndTime: "2030-01-01T20:00:00+08:00" }), 400, "InvalidParameter.Malformed", /EndTime/],
    ["an EndTime on a day that does not exist", () => ({ StartTime: "2030-02-27T20:00:00Z", EndTime: "2030-02-30T20:00:00Z" }), 400, "InvalidParameter.Malformed", /EndTime/],
    ["a StartTime that has passed", () => ({ StartTime: later(-60_000) }), 400, "IncorrectStartTime", /StartTime .* is not after the current time/],
    ["an EndTime equal to the StartTime", () => ({ StartTime: later(HOUR), EndTime: later(HOUR) }), 400, "IncorrectStartTime", /EndTime .* is not after StartTime/],
    ["an EndTime before the StartTime", () => ({ StartTime: later(2 * HOUR), EndTime: later(HOUR) }), 400, "IncorrectStartTime", /EndTime .* is not after StartTime/],
    ["SwitchType Later", () => ({ SwitchType: "Later" }), 400, "InvalidParameter.Malformed", /SwitchType/],
    ["a Resource episode without ResourceId", () => ({ ResourceId: undefined }), 400, "MissingResourceId", undefined],
    ["an unknown ResourceId", () => ({ ResourceId: "no-such-source" }), 404, "InvalidResource.NotFound", undefined],
    ["ContentFirst on a live-stream source", () => ({ ResourceId: live, SwitchType: "ContentFirst" }), 400, "InvalidParameter.Malformed", /live stream/],
    ["a Component episode without components", () => ({ EpisodeType: "Component", ResourceId: undefined }), 400, "MissingComponentId", undefined],
    ["an unknown ComponentId.2", () => ({ "ComponentId.1": text, "ComponentId.2": "no-such-component" }), 404, "InvalidComponent.NotFound", undefined],
    ["a component named twice", () => ({ "ComponentId.1": text, "ComponentId.2": text }), 400, "InvalidParameter.Malformed", undefined],
    ["a gap in ComponentId.N", () => ({ "ComponentId.1": text, "ComponentId.3": image }), 400, "InvalidParameter.Malformed", undefined],
    ["an EpisodeName of 129 characters", () => ({ EpisodeName: "x".repeat(129) }), 400, "InvalidParameter.Malformed", undefined],
  ])("AddCasterEpisode with %s is refused with its code, and nothing is added", async (_case, overrides, status, code, message) => {
    const before = state();
    const reply = await add(overrides());
    expectError(reply, status, code);
    if (message) expect(reply.body.Message).toMatch(message);
    expect(state()).toBe(before);
  });

  test("ModifyCasterEpisode refuses what would break an episode, and changes nothing then", async () => {
    const { EpisodeId } = (await add()).body;
    const liveEpisode = (await add({ ResourceId: live })).body.EpisodeId;
    const before = state();
    const refused: [Record<string, unknown>, number, string][] = [
      [{ StartTime: later(-60_000) }, 400, "IncorrectStartTime"],
      [{ EndTime: later(HOUR / 2) }, 400, "IncorrectStartTime"],
      [{ StartTime: later(3 * HOUR) }, 400, "IncorrectStartTime"],
      [{ StartTime: "tomorrow" }, 400, "InvalidParameter.Malformed"],
      [{ SwitchType: "Later" }, 400, "InvalidParameter.Malformed"],
      [{ ResourceId: "no-such-source" }, 404, "InvalidResource.NotFound"],
      [{ "ComponentId.1": "no-such-component" }, 404, "InvalidComponent.NotFound"],
      [{ ResourceId: live, SwitchType: "ContentFirst" }, 400, "InvalidParameter.Malformed"],
    ];
    for (const [params, status, code] of refused) expectError(await modify(EpisodeId, params), status, code);
    expectError(await modify(liveEpisode, { SwitchType: "ContentFirst" }), 400, "InvalidParameter.Malformed");
    expectError(await modify("no-such-episode", { EpisodeName: "x" }), 404, "InvalidEpisode.NotFound");
    expectError(await call("ModifyCasterEpisode", { CasterId: otherCaster, EpisodeId, EpisodeName: "x" }), 404, "InvalidCaster.NotFound");
    expect(state()).toBe(before);
  });

  test("an episode's Status follows the clock: 0 before its start, 1 from its start, 2 from its end", async () => {
    const startTime = later(60_000);
    const endTime = later(120_000);
    const { EpisodeId } = (await add({ StartTime: startTime, EndTime: endTime })).body;
    const status = async () => (await episode(EpisodeId)).Status;
    expect(await status()).toBe(0);
    nextCallAt(startTime);
    expect(await status()).toBe(1);
    expect((await program({ Status: 1 })).Total).toBe(1);
    expect((await program({ Status: 0 })).Total).toBe(0);

    // While it plays, its start cannot move into the past, but its name and end can change (assumed), and
    // the same StartTime sent again is no move.
    expectError(await modify(EpisodeId, { StartTime: later(-1000) }), 400, "IncorrectStartTime");
    const newEnd = toApiTime(Date.parse(endTime) + 30_000);
    expect((await modify(EpisodeId, { EpisodeName: "Running late", EndTime: newEnd, StartTime: startTime })).status).toBe(200);
    expect(await episode(EpisodeId)).toMatchObject({ EpisodeName: "Running late", StartTime: startTime, EndTime: newEnd, Status: 1 });

    nextCallAt(newEnd);
    expect(await status()).toBe(2);
    expect((await program({ Status: 2 })).Total).toBe(1);
    // An episode that has ended can still be renamed.
    expect((await modify(EpisodeId, { EpisodeName: "Aired" })).status).toBe(200);
  });

  test("an episode is deleted whatever its status: a playing one too", async () => {
    const startTime = later(30_000);
    const { EpisodeId } = (await add({ StartTime: startTime, EndTime: later(HOUR) })).body;
    nextCallAt(startTime);
    expect((await episode(EpisodeId)).Status).toBe(1);
    expect((await call("DeleteCasterEpisode", { CasterId: casterId, EpisodeId })).status).toBe(200);
    expect((await program()).Total).toBe(0);
  });

  test("25 episodes: paged by PageNum and PageSize in StartTime order, Total 25; filters narrow Total", async () => {
    const base = clock() + HOUR;
    // Added in a shuffled order: the program is in StartTime order whatever the order of the calls.
    const order = Array.from({ length: 25 }, (_, n) => (n * 7) % 25);
    const byIndex: string[] = [];
    for (const n of order) {
      const component = n % 5 === 4;
      const reply = await add({
        EpisodeName: `Episode ${n}`, StartTime: toApiTime(base + n * HOUR), EndTime: toApiTime(base + n * HOUR + HOUR / 2),
        ...(component ? { EpisodeType: "Component", ResourceId: undefined, "ComponentId.1": text } : {}),
      });
      expect(reply.status).toBe(200);
      byIndex[n] = reply.body.EpisodeId;
    }

    const pages = [];
    for (const pageNum of [1, 2, 3, 4]) pages.push(await program({ PageNum: pageNum, PageSize: 10 }));
    expect(pages.map((page) => page.Total)).toEqual([25, 25, 25, 25]);
    expect(pages.map((page) => page.Episodes.Episode.length)).toEqual([10, 10, 5, 0]);
    expect(pages.flatMap(ids)).toEqual(byIndex);
    // Left out, PageNum is 1 and PageSize 10.
    expect(ids(await program())).toEqual(byIndex.slice(0, 10));

    expect(await program({ EpisodeId: byIndex[7] })).toMatchObject({ Total: 1, Episodes: { Episode: [{ EpisodeId: byIndex[7], EpisodeName: "Episode 7" }] } });
    const components = await program({ EpisodeType: "Component" });
    expect(components.Total).toBe(5);
    expect(ids(components)).toEqual([4, 9, 14, 19, 24].map((n) => byIndex[n]));
    expect((await program({ EpisodeType: "Resource", PageSize: 100 })).Total).toBe(20);
    expect((await program({ Status: 0, PageSize: 100 })).Total).toBe(25);
    expect((await program({ Status: 2 })).Total).toBe(0);

    // A time range lists the episodes that overlap it: episode 3 (which ends 30 minutes into its hour) from
    // 10 minutes into it, episodes 4 and 5, and 5 because it starts at the range's very end. Episode 2 ended before.
    const range = await program({ StartTime: toApiTime(base + 3 * HOUR + 10 * 60_000), EndTime: toApiTime(base + 5 * HOUR) });
    expect(range.Total).toBe(3);
    expect(ids(range)).toEqual([3, 4, 5].map((n) => byIndex[n]));
    // A range that touches an episode's end only does not overlap it: it ends when the range starts.
    expect(ids(await program({ StartTime: toApiTime(base + HOUR / 2), EndTime: toApiTime(base + HOUR / 2) }))).toEqual([]);
    // StartTime = EndTime = a moment: what plays then.
    expect(ids(await program({ StartTime: toApiTime(base + 6 * HOUR + 60_000), EndTime: toApiTime(base + 6 * HOUR + 60_000) }))).toEqual([byIndex[6]]);
    // One end of the range only.
    expect((await program({ StartTime: toApiTime(base + 20 * HOUR) })).Total).toBe(5);
    expect((await program({ EndTime: toApiTime(base + 4 * HOUR) })).Total).toBe(5);
    // Filters together, then paged: Total counts what passes the filters.
    const combined = await program({ EpisodeType: "Resource", StartTime: toApiTime(base + 10 * HOUR), PageNum: 2, PageSize: 5 });
    expect(combined.Total).toBe(12);
    expect(ids(combined)).toEqual([16, 17, 18, 20, 21].map((n) => byIndex[n]));
  });

  test.each<[string, Record<string, unknown>]>([
    ["Status 3", { Status: 3 }],
    ["EpisodeType Video", { EpisodeType: "Video" }],
    ["a malformed StartTime", { StartTime: "2030-01-01" }],
    ["a malformed EndTime", { EndTime: "2030-01-01T20:00:00+08:00" }],
    ["PageSize 101", { PageSize: 101 }],
    ["PageNum 0", { PageNum: 0 }],
  ])("DescribeCasterProgram with %s is InvalidParameter.Malformed", async (_case, params) => {
    expectError(await call("DescribeCasterProgram", { CasterId: casterId, ...params }), 400, "InvalidParameter.Malformed");
  });

  test("episodes and the episode groups' items are one program, in StartTime order, the items as before", async () => {
    // A new studio has no domain: the groups on the domain it is given are its own.
    const domainName = `${casterId.split("-").pop()!.toLowerCase()}.live.example.com`;
    await call("SetCasterConfig", { CasterId: casterId, DomainName: domainName });
    const base = clock() + HOUR;
    const first = (await add({ EpisodeName: "First", StartTime: toApiTime(base), EndTime: toApiTime(base + HOUR / 2) })).body.EpisodeId;
    const last = (await addComponents({ EpisodeName: "Last", StartTime: toApiTime(base + 2 * HOUR), EndTime: toApiTime(base + 3 * HOUR) })).body.EpisodeId;
    const group = await call("AddCasterEpisodeGroup", {
      ClientToken: `group-${token}`, DomainName: domainName, CallbackUrl: "http://callback.example.com/caster", SideOutputUrl: "",
      StartTime: toApiTime(base + HOUR), RepeatNum: 0,
      "Item.1.ItemName": "Opening", "Item.1.VodUrl": "https://media.example.com/opening.mp4",
      "Item.2.ItemName": "Feature", "Item.2.VodUrl": "https://media.example.com/feature.flv",
      "Item.3.ItemName": "Closing", "Item.3.VodUrl": "https://media.example.com/closing.ts",
    });
    const itemIds: string[] = group.body.ItemIds.ItemId;

    const listed = await program();
    expect(listed).toMatchObject({ ProgramEffect: 1, Total: 5 });
    expect(ids(listed)).toEqual([first, ...itemIds, last]);
    expect(listed.Episodes.Episode[1]).toEqual({
      EpisodeId: itemIds[0], EpisodeName: "Opening", EpisodeType: "Resource", ResourceId: "", ComponentIds: { ComponentId: [] },
      StartTime: toApiTime(base + HOUR), EndTime: "", Status: 0, SwitchType: "TimeFirst",
    });
    // The same filters and paging over both: an item has no end, so a range after its start still lists it.
    expect(ids(await program({ StartTime: toApiTime(base + 90 * 60_000) }))).toEqual([...itemIds, last]);
    expect(ids(await program({ PageNum: 2, PageSize: 2 }))).toEqual([itemIds[1], itemIds[2]]);
    expect(ids(await program({ EpisodeType: "Component" }))).toEqual([last]);
    expect(ids(await program({ EpisodeId: itemIds[2] }))).toEqual([itemIds[2]]);

    // With its episodes deleted, the studio's groups keep ProgramEffect 1.
    for (const episodeId of [first, last]) await call("DeleteCasterEpisode", { CasterId: casterId, EpisodeId: episodeId });
    expect(await program()).toMatchObject({ ProgramEffect: 1, Total: 3 });
    // An item is not an episode: DeleteCasterEpisode does not know it.
    expectError(await call("DeleteCasterEpisode", { CasterId: casterId, EpisodeId: itemIds[0] }), 404, "InvalidEpisode.NotFound");
  });

  test("deleting a component an episode shows takes it off the episode, as off a scene; deleting its source keeps the ResourceId", async () => {
    const { EpisodeId } = (await add({ "ComponentId.1": text, "ComponentId.2": image })).body;
    expect((await call("DeleteCasterComponent", { CasterId: casterId, ComponentId: text })).status).toBe(200);
    expect((await call("DeleteCasterVideoResource", { CasterId: casterId, ResourceId: vod })).status).toBe(200);
    expect(await episode(EpisodeId)).toMatchObject({ ResourceId: vod, ComponentIds: { ComponentId: [image] } });
    // The episode can still be renamed; naming the deleted source again is InvalidResource.NotFound.
    expect((await modify(EpisodeId, { EpisodeName: "Kept" })).status).toBe(200);
    expectError(await modify(EpisodeId, { ResourceId: vod }), 404, "InvalidResource.NotFound");
  });

  test("DeleteCaster deletes the studio's episodes with it", async () => {
    await add();
    await addComponents();
    expect((await call("DeleteCaster", { CasterId: casterId })).status).toBe(200);
    expect(emulator.state().accounts[DEMO_ACCOUNT.uid].casters[casterId]).toBeUndefined();
    expectError(await call("DescribeCasterProgram", { CasterId: casterId }), 404, "InvalidCaster.NotFound");
  });

  test("another account neither sees nor changes a studio's episodes", async () => {
    const { EpisodeId } = (await add()).body;
    const before = state();
    expectError(await other("DescribeCasterProgram", { CasterId: casterId }), 404, "InvalidCaster.NotFound");
    expectError(await other("DeleteCasterEpisode", { CasterId: casterId, EpisodeId }), 404, "InvalidCaster.NotFound");
    expectError(await other("ModifyCasterEpisode", { CasterId: casterId, EpisodeId, EpisodeName: "taken" }), 404, "InvalidCaster.NotFound");
    expectError(await other("AddCasterEpisode", {
      CasterId: casterId, EpisodeType: "Resource", ResourceId: vod, StartTime: later(HOUR), EndTime: later(2 * HOUR), SwitchType: "TimeFirst",
    }), 404, "InvalidCaster.NotFound");
    // In its own studio, the episode's ID is unknown.
    const own = (await other("CreateCaster", { ClientToken: `other-${token}`, NormType: 1, ChargeType: "PostPaid" })).body.CasterId;
    expectError(await other("DeleteCasterEpisode", { CasterId: own, EpisodeId }), 404, "InvalidEpisode.NotFound");
    expect((await other("DescribeCasterProgram", { CasterId: own })).body).toMatchObject({ Total: 0, ProgramEffect: 0 });
    const after = JSON.parse(state());
    expect(JSON.stringify(after.accounts[DEMO_ACCOUNT.uid])).toBe(JSON.stringify(JSON.parse(before).accounts[DEMO_ACCOUNT.uid]));
    expect((await episode(EpisodeId)).EpisodeName).toBe("News");
  });

  test("fault injection by Action: a lost AddCasterEpisode reply keeps the episode, a 500 on DeleteCasterEpisode changes nothing", async () => {
    emulator.setFaults({ rates: { AddCasterEpisode: { lostResponse: 1 }, DeleteCasterEpisode: { internalError: 1 } } });
    try {
      await expect(add({ EpisodeName: "Lost reply" })).rejects.toThrow();
      const episodes = Object.values(emulator.state().accounts[DEMO_ACCOUNT.uid].casters[casterId].episodes);
      expect(episodes.map((e) => e.episodeName)).toEqual(["Lost reply"]);
      const before = state();
      expectError(await call("DeleteCasterEpisode", { CasterId: casterId, EpisodeId: episodes[0].episodeId }), 500, "InternalError");
      expect(state()).toBe(before);
    } finally {
      emulator.setFaults({ rates: {} });
    }
  });

  test("four calls a second for each account: the fifth AddCasterEpisode within a second is Throttling.User", async () => {
    const unpaced = popClient(emulator.url);
    advanceClock(2000);
    const request = { CasterId: casterId, EpisodeType: "Resource", ResourceId: vod, StartTime: later(HOUR), EndTime: later(2 * HOUR), SwitchType: "TimeFirst" };
    const codes: string[] = [];
    for (let n = 0; n < 5; n++) {
      const reply = await unpaced("AddCasterEpisode", request);
      codes.push(reply.status === 200 ? "ok" : reply.body.Code);
    }
    expect(codes).toEqual(["ok", "ok", "ok", "ok", "Throttling.User"]);
  });
});

describe("episodes across a restart", () => {
  const tempState = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), "caster-episodes-")), "state.json");

  test("a restarted emulator with the same state file has every episode it acknowledged", async () => {
    const stateFile = tempState();
    let now = Date.now();
    const first = await startEmulator({ stateFile, clock: () => (now += 1100) });
    const call = popClient(first.url);
    const casterId = (await call("CreateCaster", { ClientToken: "keep", NormType: 1, ChargeType: "PostPaid" })).body.CasterId;
    const { ResourceId } = (await call("AddCasterVideoResource", { CasterId: casterId, ResourceName: "reel", LocationId: "RV01", VodUrl: "https://media.example.com/reel.mp4" })).body;
    const { ComponentId } = (await call("AddCasterComponent", { CasterId: casterId, ComponentType: "text", LocationId: "RC01", ComponentLayer: "{}", TextLayerContent: '{"Text":"kept"}' })).body;
    const start = Date.now() + HOUR;
    await call("AddCasterEpisode", {
      CasterId: casterId, EpisodeName: "Kept", EpisodeType: "Resource", ResourceId, "ComponentId.1": ComponentId,
      StartTime: toApiTime(start), EndTime: toApiTime(start + HOUR), SwitchType: "ContentFirst",
    });
    await call("AddCasterEpisode", {
      CasterId: casterId, EpisodeType: "Component", "ComponentId.1": ComponentId,
      StartTime: toApiTime(start + HOUR), EndTime: toApiTime(start + 2 * HOUR), SwitchType: "TimeFirst",
    });
    const acknowledged = (({ RequestId: _r, ...rest }) => rest)((await call("DescribeCasterProgram", { CasterId: casterId })).body);
    expect(acknowledged.Total).toBe(2);
    await first.close();

    const second = await startEmulator({ stateFile, clock: () => (now += 1100) });
    const again = popClient(second.url);
    expect((({ RequestId: _r, ...rest }) => rest)((await again("DescribeCasterProgram", { CasterId: casterId })).body)).toEqual(acknowledged);
    const episodeId = acknowledged.Episodes.Episode[0].EpisodeId;
    expect((await again("DeleteCasterEpisode", { CasterId: casterId, EpisodeId: episodeId })).status).toBe(200);
    await second.close();
  });

  test("a state file from before episodes were emulated still loads: its studios have none, and take new ones", async () => {
    const stateFile = tempState();
    const casterId = "LIVEPRODUCER_POST-cn-oldstudio02";
    const resourceId = "0b9c3a52-4c7e-4a51-9d0e-6f1f2a3b4c5d";
    // A studio as the emulator stored it before: no layouts, components or episodes.
    fs.writeFileSync(stateFile, JSON.stringify({
      format: 1,
      accounts: {
        [DEMO_ACCOUNT.uid]: {
          casters: {
            [casterId]: {
              casterId, casterName: "old", normType: 1, chargeType: "PostPaid", resourceGroupId: "", tags: [], status: 0,
              createTime: "2026-01-01T00:00:00Z", lastModified: "2026-01-01T00:00:00Z", startTime: "", ingestEndpoints: 99,
              config: { domainName: "oldstudio02.live.example.com", transcode: { casterTemplate: "lp_sd", liveTemplateIds: [] } },
              videoResources: {
                [resourceId]: {
                  resourceId, resourceName: "reel", locationId: "RV01", liveStreamUrl: "", vodUrl: "https://media.example.com/reel.mp4", flvUrl: "",
                  materialId: "", imageId: "", imageUrl: "", beginOffset: 0, endOffset: 0, repeatNum: 0, ptsCallbackInterval: 0, fixedDelayDuration: 0,
                },
              },
              scenes: {},
            },
          },
          casterClientTokens: {},
          episodeGroups: {},
          episodeGroupClientTokens: {},
        },
      },
    }));
    let now = Date.now();
    const emulator = await startEmulator({ stateFile, clock: () => (now += 1100) });
    const call = popClient(emulator.url);
    expect((await call("DescribeCasterProgram", { CasterId: casterId })).body).toMatchObject({ Total: 0, ProgramEffect: 0 });
    const start = Date.now() + HOUR;
    const added = await call("AddCasterEpisode", {
      CasterId: casterId, EpisodeType: "Resource", ResourceId: resourceId, StartTime: toApiTime(start), EndTime: toApiTime(start + HOUR), SwitchType: "TimeFirst",
    });
    expect(added.status).toBe(200);
    expect((await call("DescribeCasterProgram", { CasterId: casterId })).body).toMatchObject({ Total: 1, ProgramEffect: 1 });
    await emulator.close();
  });
});
