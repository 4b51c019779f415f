import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { popClient, PopReply } from "../../test/helpers/pop-client";
import { RunningEmulator, startEmulator } from "../server";

describe("emulator show lists", () => {
  let emulator: RunningEmulator;
  let call: ReturnType<typeof popClient>;
  let casterId: string;
  let clockOffsetMs = 0;
  let studio = 0;

  const names = async () =>
    ((await call("DescribeShowList", { CasterId: casterId })).body.ShowListInfo.ShowList.Show as { ShowName: string }[]).map((show) => show.ShowName);
  const add = async (showName: string, extra: Record<string, unknown> = {}) =>
    (await call("AddShowIntoShowList", { CasterId: casterId, ShowName: showName, ResourceType: "vod", ResourceUrl: `https://media.example.com/${showName}.mp4`, ...extra })).body.ShowId as string;
  const expectError = (reply: PopReply, status: number, code: string) =>
    expect({ status: reply.status, code: reply.body.Code }).toEqual({ status, code });

  beforeAll(async () => {
    emulator = await startEmulator({ clock: () => Date.now() + clockOffsetMs });
    call = popClient(emulator.url, undefined, undefined, { keepNames: true });
  });
  afterAll(() => emulator.close());
  beforeEach(async () => {
    clockOffsetMs += 1100;
    casterId = (await call("CreateCaster", { ClientToken: `show-list-${++studio}`, NormType: 6, ChargeType: "PostPaid" })).body.CasterId;
  });

  test("shows are added at the end or at Spot, and listed in playing order with the official reply's fields", async () => {
    const first = await add("a", { Duration: 20 });
    await add("c", { RepeatTimes: -1 });
    await add("b", { Spot: 1 });
    expect(await names()).toEqual(["a", "b", "c"]);
    const reply = (await call("DescribeShowList", { CasterId: casterId })).body;
    expect(reply.ShowListInfo.ShowList.Show[0]).toEqual({
      ShowId: first, ShowName: "a", Duration: 20,
      ResourceInfo: { ResourceType: "vod", ResourceUrl: "https://media.example.com/a.mp4", LiveInputType: 0 },
    });
    expect(reply.ShowListInfo.ShowListRepeatTimes).toBe(0);
    expect(JSON.parse(reply.ShowList)).toHaveLength(3);
  });

  test("a batch adds each valid show in order at Spot, and answers the others in failedList", async () => {
    await add("first");
    const reply = await call("AddShowIntoShowList", {
      CasterId: casterId, isBatchMode: true, Spot: 0,
      "showList.1.showName": "x", "showList.1.resourceType": "live", "showList.1.resourceUrl": "rtmp://push.example.com/app/x",
      "showList.2.showName": "bad", "showList.2.resourceType": "vod", "showList.2.resourceUrl": "https://m.example.com/b.mp4", "showList.2.duration": 5, "showList.2.repeatTimes": 1,
      "showList.3.showName": "y", "showList.3.resourceType": "pic", "showList.3.resourceId": "asset-1",
    });
    expect(reply.status).toBe(200);
    expect(reply.body.successfulShowIds.split(",")).toHaveLength(2);
    expect(JSON.parse(reply.body.failedList)).toEqual([{ showName: "bad", reason: "give only one of RepeatTimes and Duration" }]);
    expect(await names()).toEqual(["x", "y", "first"]);
  });

  test("ModifyShowList moves a show, sets the list's repeat and its priority show", async () => {
    const a = await add("a");
    await add("b");
    await add("c");
    expect((await call("ModifyShowList", { CasterId: casterId, ShowId: a, Spot: 2, RepeatTimes: -1 })).status).toBe(200);
    expect(await names()).toEqual(["b", "c", "a"]);
    await call("ModifyShowList", { CasterId: casterId, HighPriorityShowId: a, HighPriorityShowStartTime: "2030-01-01T20:00:00" });
    const info = (await call("DescribeShowList", { CasterId: casterId })).body.ShowListInfo;
    expect(info).toMatchObject({ ShowListRepeatTimes: -1, HighPriorityShowId: a, HighPriorityShowStartTime: "2030-01-01T20:00:00" });
    expectError(await call("ModifyShowList", { CasterId: casterId, ShowId: a, Spot: 4 }), 400, "InvalidParameter.Malformed");
    expectError(await call("ModifyShowList", { CasterId: casterId, ShowId: "nope", Spot: 0 }), 404, "InvalidShow.NotFound");
    expectError(await call("ModifyShowList", { CasterId: casterId, HighPriorityShowStartTime: "2030-01-01 20:00" }), 400, "InvalidParameter.Malformed");
  });

  test("a removed show is gone, with the priority it had; a batch answers unknown IDs in failedList", async () => {
    const a = await add("a");
    const b = await add("b");
    await call("ModifyShowList", { CasterId: casterId, HighPriorityShowId: a, HighPriorityShowStartTime: "2030-01-01T20:00:00" });
    expect((await call("RemoveShowFromShowList", { CasterId: casterId, ShowId: a })).body.ShowId).toBe(a);
    expect((await call("DescribeShowList", { CasterId: casterId })).body.ShowListInfo.HighPriorityShowId).toBeUndefined();
    expectError(await call("RemoveShowFromShowList", { CasterId: casterId, ShowId: a }), 404, "InvalidShow.NotFound");
    const batch = await call("RemoveShowFromShowList", { CasterId: casterId, isBatchMode: true, "showIdList.1": b, "showIdList.2": a });
    expect(batch.body.successfulShowIds).toBe(b);
    expect(JSON.parse(batch.body.failedList)).toEqual([{ showId: a, reason: `show ${a} is not in the show list` }]);
    expect(await names()).toEqual([]);
  });

  test("bad shows are refused with the rule they break", async () => {
    expectError(await call("AddShowIntoShowList", { CasterId: casterId, ShowName: "x", ResourceType: "film", ResourceUrl: "https://m.example.com/x.mp4" }), 400, "InvalidParameter.Malformed");
    expectError(await call("AddShowIntoShowList", { CasterId: casterId, ShowName: "x", ResourceType: "vod" }), 400, "InvalidParameter.Malformed");
    expectError(await call("AddShowIntoShowList", { CasterId: casterId, ShowName: "x", ResourceType: "vod", ResourceId: "v", Duration: 3, RepeatTimes: 0 }), 400, "InvalidParameter.Malformed");
    expectError(await call("AddShowIntoShowList", { CasterId: casterId, ShowName: "x", ResourceType: "vod", ResourceId: "v", Spot: 1 }), 400, "InvalidParameter.Malformed");
    expectError(await call("AddShowIntoShowList", { ShowName: "x" }), 400, "MissingCasterId");
    expectError(await call("DescribeShowList", { CasterId: "LIVEPRODUCER_POST-cn-nothinghere" }), 404, "InvalidCaster.NotFound");
  });

  test("the background is set, replaced and deleted; the high-priority show cannot change while the studio runs", async () => {
    await call("SetShowListBackground", { CasterId: casterId, ResourceType: "VOD", MaterialId: "bg-1" });
    expect((await call("DescribeShowList", { CasterId: casterId })).body.ShowListInfo.Background).toBe('{"MaterialId":"bg-1","resourceType":"VOD"}');
    expectError(await call("SetShowListBackground", { CasterId: casterId, ResourceType: "VOD", MaterialId: "bg-1", ResourceUrl: "https://m.example.com/bg.png" }), 400, "InvalidParameter.Malformed");
    await call("SetShowListBackground", { CasterId: casterId });
    expect((await call("DescribeShowList", { CasterId: casterId })).body.ShowListInfo.Background).toBeUndefined();
    const a = await add("a");
    expect((await call("PlayChoosenShow", { CasterId: casterId, ShowId: a })).body.ShowId).toBe(a);
    expect((await call("DescribeShowList", { CasterId: casterId })).body.ShowListInfo.CurrentShowId).toBe(a);
  });

  test("EditShowAndReplace cuts a show into a new VOD file, which the show then plays", async () => {
    const live = await add("feed", { ResourceType: "live", ResourceUrl: "rtmp://push.example.com/app/feed", Duration: 60 });
    const reply = await call("EditShowAndReplace", {
      CasterId: casterId, ShowId: live, StartTime: "2.0", EndTime: "5.0", StorageInfo: '{"StorageLocation":"bucket","FileName":"cut.mp4"}', UserData: "mine",
    });
    expect(reply.status).toBe(200);
    const job = JSON.parse(reply.body.JobInfo);
    expect(Object.keys(job).sort()).toEqual(["jobId", "mediaid", "vodId"]);
    expect((await call("DescribeShowList", { CasterId: casterId })).body.ShowListInfo.ShowList.Show[0]).toEqual({
      ShowId: live, ShowName: "feed", Duration: 60, ResourceInfo: { ResourceType: "vod", ResourceId: job.vodId, LiveInputType: 0 },
    });
    const picture = await add("card", { ResourceType: "pic" });
    expectError(await call("EditShowAndReplace", { CasterId: casterId, ShowId: picture }), 400, "InvalidParameter.Malformed");
    expectError(await call("EditShowAndReplace", { CasterId: casterId, ShowId: live, StartTime: 5, EndTime: 2 }), 400, "InvalidParameter.Malformed");
    expectError(await call("EditShowAndReplace", { CasterId: casterId, ShowId: live, StorageInfo: "bucket" }), 400, "InvalidParameter.Malformed");
    expectError(await call("EditShowAndReplace", { CasterId: casterId, ShowId: "nope" }), 404, "InvalidShow.NotFound");
  });
});

test("a show list outlives the emulator, in its state file", async () => {
  const directory = mkdtempSync(join(tmpdir(), "show-list-"));
  const file = join(directory, "state.json");
  try {
    const first = await startEmulator({ stateFile: file });
    const call = popClient(first.url);
    const casterId = (await call("CreateCaster", { ClientToken: "persisted", NormType: 6, ChargeType: "PostPaid" })).body.CasterId;
    await call("AddShowIntoShowList", { CasterId: casterId, ShowName: "kept", ResourceType: "vod", ResourceId: "v-1" });
    await first.close();
    const second = await startEmulator({ stateFile: file });
    const reply = await popClient(second.url)("DescribeShowList", { CasterId: casterId });
    await second.close();
    expect(reply.body.ShowListInfo.ShowList.Show.map((show: { ShowName: string }) => show.ShowName)).toEqual(["kept"]);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
});
