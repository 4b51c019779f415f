import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { popClient, PopReply } from "../../test/helpers/pop-client";
import { RunningEmulator, startEmulator } from "../server";

/** A studio as AddPlaylistItems demands it: NormType 3, lp_noTranscode, channels off, its program in effect. */
async function lightweightCarousel(call: ReturnType<typeof popClient>, clientToken: string): Promise<string> {
  const casterId = (await call("CreateCaster", { ClientToken: clientToken, NormType: 3, ChargeType: "PostPaid", CasterTemplate: "lp_noTranscode" })).body.CasterId as string;
  await call("SetCasterConfig", { CasterId: casterId, ProgramEffect: 1, TranscodeConfig: '{"CasterTemplate":"lp_noTranscode"}' });
  return casterId;
}

const items = (...names: string[]) => JSON.stringify(names.map((name) => ({ ItemName: name, ResourceType: "vod", ResourceValue: `media-${name}` })));

describe("emulator playlists", () => {
  let emulator: RunningEmulator;
  let call: ReturnType<typeof popClient>;
  let casterId: string;
  let clockOffsetMs = 0;
  let studio = 0;

  const expectError = (reply: PopReply, status: number, code: string) =>
    expect({ status: reply.status, code: reply.body.Code }).toEqual({ status, code });
  const itemNames = async (programId: string) =>
    ((await call("ListPlaylistItems", { ProgramId: programId })).body.ProgramItems as { ProgramItemName: string }[]).map((item) => item.ProgramItemName);
  const newStudio = async (normType: number) => {
    if (normType === 3) return lightweightCarousel(call, `playlist-${++studio}`);
    return (await call("CreateCaster", { ClientToken: `playlist-${++studio}`, NormType: normType, ChargeType: "PostPaid" })).body.CasterId as string;
  };

  beforeAll(async () => {
    emulator = await startEmulator({ clock: () => Date.now() + clockOffsetMs });
    call = popClient(emulator.url);
  });
  afterAll(() => emulator.close());
  beforeEach(async () => {
    clockOffsetMs += 1100;
    casterId = await newStudio(3);
  });

  test("the first add makes the studio's list with its settings; later adds append to it; each item is answered", async () => {
    const first = await call("AddPlaylistItems", { CasterId: casterId, ProgramItems: items("a", "b"), ProgramConfig: '[{"RepeatNumber":"-1","ProgramName":"loop"}]' });
    expect(first.status).toBe(200);
    const programId = first.body.ProgramId;
    expect(first.body.Items.SuccessItems.map((item: { ItemName: string }) => item.ItemName)).toEqual(["a", "b"]);
    expect(first.body.Items.FailedItems).toEqual([]);
    const second = await call("AddPlaylistItems", {
      CasterId: casterId,
      ProgramItems: JSON.stringify([{ ItemName: "c", ResourceType: "vod", ResourceValue: "m" }, { ItemName: "live", ResourceType: "live", ResourceValue: "m" }]),
    });
    expect(second.body.ProgramId).toBe(programId);
    expect(second.body.Items.FailedItems).toEqual([{ ItemId: "", ItemName: "live" }]);
    expect(await itemNames(programId)).toEqual(["a", "b", "c"]);
    const list = (await call("ListPlaylist", {})).body;
    expect(list.ProgramList.find((entry: { ProgramId: string }) => entry.ProgramId === programId)).toMatchObject({
      CasterId: casterId, ProgramName: "loop", RepeatNumber: -1, Status: 0,
    });
    const listed = (await call("ListPlaylistItems", { ProgramId: programId })).body;
    expect(listed.Total).toBe(3);
    expect(listed.ProgramItems[2]).toMatchObject({ Index: 2, ProgramId: programId, ProgramItemName: "c", ResourceType: "vod", ResourceValue: "m" });
  });

  test("EditPlaylist replaces the items and the settings sent; DeletePlaylistItems removes the ones named", async () => {
    const programId = (await call("AddPlaylistItems", { CasterId: casterId, ProgramItems: items("a", "b") })).body.ProgramId;
    const edited = await call("EditPlaylist", { ProgramId: programId, ProgramItems: items("x", "y", "z"), ProgramConfig: '{"ProgramName":"renamed"}' });
    expect(edited.body).toMatchObject({ CasterId: casterId, ProgramId: programId });
    expect(await itemNames(programId)).toEqual(["x", "y", "z"]);
    const ids = (await call("ListPlaylistItems", { ProgramId: programId })).body.ProgramItems.map((item: { ProgramItemId: string }) => item.ProgramItemId);
    expect((await call("ListPlaylistItems", { ProgramId: programId, ProgramItemIds: ids[1] })).body.Total).toBe(1);
    expect((await call("DeletePlaylistItems", { ProgramId: programId, ProgramItemIds: `${ids[0]},${ids[2]}` })).body.ProgramId).toBe(programId);
    expect(await itemNames(programId)).toEqual(["y"]);
    expectError(await call("DeletePlaylistItems", { ProgramId: programId, ProgramItemIds: `${ids[1]},${ids[0]}` }), 404, "InvalidProgramItem.NotFound");
    expect(await itemNames(programId)).toEqual(["y"]);
    expect((await call("ListPlaylist", { ProgramId: programId })).body.ProgramList[0].ProgramName).toBe("renamed");
  });

  test("StartPlaylist runs the list and answers its pull URLs; StopPlaylist stops it; DeletePlaylist deletes it", async () => {
    const programId = (await call("AddPlaylistItems", { CasterId: casterId, ProgramItems: items("a", "b") })).body.ProgramId;
    const ids = (await call("ListPlaylistItems", { ProgramId: programId })).body.ProgramItems.map((item: { ProgramItemId: string }) => item.ProgramItemId);
    const started = await call("StartPlaylist", { ProgramId: programId, ResumeMode: "Custom", StartItemId: ids[1], Offset: 1000 });
    expect(started.body.ProgramId).toBe(programId);
    expect(started.body.StreamInfo.Streams.Stream[0]).toMatchObject({ Quality: "original" });
    expect(started.body.StreamInfo.Streams.Stream[0].PullRtmpUrl).toMatch(/^rtmp:\/\//);
    expect((await call("ListPlaylist", { ProgramId: programId })).body.ProgramList[0].Status).toBe(1);
    expectError(await call("StartPlaylist", { ProgramId: programId, ResumeMode: "Custom" }), 400, "MissingParameter");
    expectError(await call("StartPlaylist", { ProgramId: programId, ResumeMode: "Custom", StartItemId: "nope" }), 404, "InvalidProgramItem.NotFound");
    expectError(await call("StartPlaylist", { ProgramId: programId, ResumeMode: "Later" }), 400, "InvalidParameter.Malformed");
    // DeletePlaylist's page: IncorrectPlaylistStatus.Inuse, "The Playlist is in use".
    expectError(await call("DeletePlaylist", { ProgramId: programId }), 400, "IncorrectPlaylistStatus.Inuse");
    expect((await call("StopPlaylist", { ProgramId: programId })).body.ProgramId).toBe(programId);
    expect((await call("ListPlaylist", { ProgramId: programId })).body.ProgramList[0].Status).toBe(0);
    expect((await call("DeletePlaylist", { ProgramId: programId })).body.ProgramId).toBe(programId);
    expectError(await call("ListPlaylistItems", { ProgramId: programId }), 404, "InvalidProgram.NotFound");
    // DeletePlaylist's and StopPlaylist's pages name an unknown list PlayListNotFound (404).
    expectError(await call("DeletePlaylist", { ProgramId: programId }), 404, "PlayListNotFound");
    expectError(await call("StopPlaylist", { ProgramId: programId }), 404, "PlayListNotFound");
  });

  test("a playlist is a NormType 3 studio's; malformed JSON is refused; an empty list has nothing to play", async () => {
    expectError(await call("AddPlaylistItems", { CasterId: await newStudio(1), ProgramItems: items("a") }), 401, "IllegalOperation");
    expectError(await call("AddPlaylistItems", { CasterId: casterId, ProgramItems: "[{" }), 400, "InvalidParameter.Malformed");
    expectError(await call("AddPlaylistItems", { CasterId: casterId, ProgramItems: "[]" }), 400, "InvalidParameter.Malformed");
    expectError(await call("AddPlaylistItems", { CasterId: casterId, ProgramItems: items("a"), ProgramConfig: '[{"RepeatNumber":"-2"}]' }), 400, "InvalidParameter.Malformed");
    expectError(await call("AddPlaylistItems", { CasterId: casterId, ProgramItems: items("a"), ProgramId: "no-such-list" }), 404, "InvalidProgram.NotFound");
    const programId = (await call("AddPlaylistItems", { CasterId: casterId, ProgramItems: items("a") })).body.ProgramId;
    const ids = (await call("ListPlaylistItems", { ProgramId: programId })).body.ProgramItems.map((item: { ProgramItemId: string }) => item.ProgramItemId);
    await call("DeletePlaylistItems", { ProgramId: programId, ProgramItemIds: ids[0] });
    expectError(await call("StartPlaylist", { ProgramId: programId }), 401, "IllegalOperation");
  });

  test("AddPlaylistItems holds its studio to lp_noTranscode, channels off and its program in effect; lp_noTranscode is a NormType 3 studio's only", async () => {
    const plain = (await call("CreateCaster", { ClientToken: `playlist-${++studio}`, NormType: 3, ChargeType: "PostPaid" })).body.CasterId as string;
    expectError(await call("AddPlaylistItems", { CasterId: plain, ProgramItems: items("a") }), 401, "IllegalOperation");
    await call("SetCasterConfig", { CasterId: plain, ProgramEffect: 1, TranscodeConfig: '{"CasterTemplate":"lp_noTranscode"}', ChannelEnable: 1 });
    expectError(await call("AddPlaylistItems", { CasterId: plain, ProgramItems: items("a") }), 401, "IllegalOperation");
    expectError(await call("CreateCaster", { ClientToken: `playlist-${++studio}`, NormType: 1, ChargeType: "PostPaid", CasterTemplate: "lp_noTranscode" }), 400, "InvalidParameter.Malformed");
    const general = await newStudio(1);
    expectError(await call("SetCasterConfig", { CasterId: general, TranscodeConfig: '{"CasterTemplate":"lp_noTranscode"}' }), 400, "InvalidParameter.Malformed");
  });

  test("DeletePlaylistItems takes its SDK model's JSON list of item IDs", async () => {
    const programId = (await call("AddPlaylistItems", { CasterId: casterId, ProgramItems: items("a", "b", "c") })).body.ProgramId;
    const ids = (await call("ListPlaylistItems", { ProgramId: programId })).body.ProgramItems.map((item: { ProgramItemId: string }) => item.ProgramItemId);
    expect((await call("DeletePlaylistItems", { ProgramId: programId, ProgramItemIds: JSON.stringify([ids[0], ids[2]]) })).status).toBe(200);
    expect(await itemNames(programId)).toEqual(["b"]);
    expectError(await call("DeletePlaylistItems", { ProgramId: programId, ProgramItemIds: "[1]" }), 400, "InvalidParameter.Malformed");
  });

  test("ListPlaylist pages by Page and PageSize", async () => {
    for (let made = 0; made < 3; made++) {
      clockOffsetMs += 1100;
      await call("AddPlaylistItems", { CasterId: await newStudio(3), ProgramItems: items("a") });
    }
    const all = (await call("ListPlaylist", { PageSize: 100 })).body;
    const second = (await call("ListPlaylist", { Page: 2, PageSize: 2 })).body;
    expect(second.Total).toBe(all.Total);
    expect(second.ProgramList).toEqual(all.ProgramList.slice(2, 4));
    expectError(await call("ListPlaylist", { PageSize: 101 }), 400, "InvalidParameter.Malformed");
  });

  test("a deleted studio's playlist goes with it", async () => {
    const programId = (await call("AddPlaylistItems", { CasterId: casterId, ProgramItems: items("a") })).body.ProgramId;
    await call("DeleteCaster", { CasterId: casterId });
    expectError(await call("ListPlaylistItems", { ProgramId: programId }), 404, "InvalidProgram.NotFound");
    expect((await call("ListPlaylist", { ProgramId: programId })).body.Total).toBe(0);
  });
});

test("a playlist outlives the emulator, in its state file", async () => {
  const directory = mkdtempSync(join(tmpdir(), "playlist-"));
  const file = join(directory, "state.json");
  try {
    const first = await startEmulator({ stateFile: file });
    const call = popClient(first.url);
    const casterId = await lightweightCarousel(call, "persisted");
    const programId = (await call("AddPlaylistItems", { CasterId: casterId, ProgramItems: items("kept") })).body.ProgramId;
    await first.close();
    const second = await startEmulator({ stateFile: file });
    const reply = await popClient(second.url)("ListPlaylistItems", { ProgramId: programId });
    await second.close();
    expect(reply.body.ProgramItems.map((item: { ProgramItemName: string }) => item.ProgramItemName)).toEqual(["kept"]);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
});
