import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { popClient, PopReply } from "../../test/helpers/pop-client";
import { RunningEmulator, startEmulator } from "../server";

describe("emulator automatic show-list tasks", () => {
  let emulator: RunningEmulator;
  let call: ReturnType<typeof popClient>;
  let clockOffsetMs = 0;
  const now = () => Date.now() + clockOffsetMs;
  const expectError = (reply: PopReply, status: number, code: string) =>
    expect({ status: reply.status, code: reply.body.Code }).toEqual({ status, code });
  const initialize = (extra: Record<string, unknown> = {}) =>
    call("InitializeAutoShowListTask", {
      CasterConfig: '{"CasterTemplate":"lp_hd","LiveTemplates":["lhd","lsd"]}', DomainName: "live.example.com",
      StartTime: now() - 60_000, EndTime: now() + 3_600_000, ResourceIds: '["media-1 ","media-2"]', CallBackUrl: "https://hooks.example.com/caster", ...extra,
    });

  beforeAll(async () => {
    emulator = await startEmulator({ clock: now });
    call = popClient(emulator.url);
  });
  afterAll(() => emulator.close());
  beforeEach(() => {
    clockOffsetMs += 1100;
  });

  test("a task creates a show-list studio that plays its media on its domain, and is listed with the page's fields", async () => {
    const reply = await initialize();
    expect(reply.status).toBe(200);
    const casterId = reply.body.CasterId;
    const streams = JSON.parse(reply.body.StreamList);
    expect(streams.map((stream: { transcodeConfig: string }) => stream.transcodeConfig)).toEqual(["original", "original", "original", "lhd", "lhd", "lhd", "lsd", "lsd", "lsd"]);
    expect(streams[0]).toEqual({ videoFormat: "flv", transcodeConfig: "original", outputStreamUrl: expect.stringMatching(/^http:\/\/live\.example\.com\/caster\/.+\.flv$/) });
    const shows = (await call("DescribeShowList", { CasterId: casterId })).body.ShowListInfo.ShowList.Show;
    expect(shows.map((show: { ResourceInfo: { ResourceId: string } }) => show.ResourceInfo.ResourceId)).toEqual(["media-1", "media-2"]);
    expect((await call("DescribeCasters", { CasterId: casterId })).body.CasterList.Caster[0].NormType).toBe(6);
    const tasks = JSON.parse((await call("DescribeAutoShowListTasks", { CasterId: casterId })).body.AutoShowListTasks);
    expect(tasks).toEqual([{
      CasterId: casterId, Status: 1, StartTime: expect.any(Number), EndTime: expect.any(Number), ResourceIds: '["media-1","media-2"]',
      TranscodeConfig: { CasterTemplate: "lp_hd", LiveTemplate: ["lhd", "lsd"] },
    }]);
  });

  test("without CasterId every task of the account is listed; a task not yet started is Status 0; a studio without a task has none", async () => {
    const later = (await initialize({ StartTime: now() + 3_600_000, EndTime: now() + 7_200_000, ResourceIds: "" })).body.CasterId;
    const tasks = JSON.parse((await call("DescribeAutoShowListTasks", {})).body.AutoShowListTasks) as { CasterId: string; Status: number }[];
    expect(tasks.length).toBeGreaterThanOrEqual(2);
    expect(tasks.find((task) => task.CasterId === later)?.Status).toBe(0);
    const plain = (await call("CreateCaster", { ClientToken: "no-task", NormType: 6, ChargeType: "PostPaid" })).body.CasterId;
    expect((await call("DescribeAutoShowListTasks", { CasterId: plain })).body.AutoShowListTasks).toBe("[]");
    expectError(await call("DescribeAutoShowListTasks", { CasterId: "LIVEPRODUCER_POST-cn-nothinghere" }), 404, "InvalidCaster.NotFound");
  });

  test("bad settings are refused with the rule they break", async () => {
    expectError(await initialize({ CasterConfig: '{"LiveTemplates":["lhd"]}' }), 400, "MissingParameter");
    expectError(await initialize({ CasterConfig: '{"CasterTemplate":"lp_xx"}' }), 400, "InvalidParameter.Malformed");
    expectError(await initialize({ CasterConfig: '{"casterTemplate":"lp_hd"}' }), 400, "InvalidParameter.Malformed");
    expectError(await initialize({ CasterConfig: '{"CasterTemplate":"lp_hd","LiveTemplates":["nope"]}' }), 400, "InvalidParameter.Malformed");
    expectError(await initialize({ DomainName: "not a domain" }), 400, "InvalidParameter.Malformed");
    expectError(await initialize({ StartTime: 2_000, EndTime: 1_000 }), 400, "InvalidParameter.Malformed");
    expectError(await initialize({ StartTime: "soon" }), 400, "InvalidParameter.Malformed");
    expectError(await initialize({ ResourceIds: '["a","b","c","d"]' }), 400, "InvalidParameter.Malformed");
    expectError(await initialize({ ResourceIds: "media-1" }), 400, "InvalidParameter.Malformed");
    expectError(await initialize({ CallBackUrl: "ftp://hooks.example.com" }), 400, "InvalidParameter.Malformed");
  });
});

test("a task outlives the emulator, with its studio, in the state file", async () => {
  const directory = mkdtempSync(join(tmpdir(), "auto-show-list-"));
  const file = join(directory, "state.json");
  try {
    const first = await startEmulator({ stateFile: file });
    const { CasterId } = (await popClient(first.url)("InitializeAutoShowListTask", {
      CasterConfig: '{"CasterTemplate":"lp_sd"}', DomainName: "live.example.com", StartTime: 1_645_688_994_000, EndTime: 1_645_692_594_000,
    })).body;
    await first.close();
    const second = await startEmulator({ stateFile: file });
    const reply = await popClient(second.url)("DescribeAutoShowListTasks", { CasterId });
    await second.close();
    expect(JSON.parse(reply.body.AutoShowListTasks)).toEqual([{
      CasterId, Status: 0, StartTime: 1_645_688_994_000, EndTime: 1_645_692_594_000, ResourceIds: "[]", TranscodeConfig: { CasterTemplate: "lp_sd", LiveTemplate: [] },
    }]);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
});
