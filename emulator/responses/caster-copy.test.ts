import { expectError, PopCall, startPacedEmulator } from "../../test/helpers/paced-emulator";
import { RunningEmulator } from "../server";

/** CopyCaster over HTTP, with real signatures: what the copy holds, and its ClientToken. */
describe("emulator CopyCaster", () => {
  let emulator: RunningEmulator;
  let call: PopCall;
  let other: PopCall;
  let state: () => string;

  beforeAll(async () => {
    ({ emulator, call, other, state } = await startPacedEmulator());
  });
  afterAll(() => emulator.close());

  test("an idle copy with the source's settings, sources and channels under new IDs; a retry gets the same copy", async () => {
    const source = (await call("CreateCaster", { ClientToken: "copy-source", NormType: 1, ChargeType: "PostPaid" })).body.CasterId;
    const resourceId = (await call("AddCasterVideoResource", {
      CasterId: source, ResourceName: "cam", LocationId: "RV01", LiveStreamUrl: "rtmp://push.example.com/a/b",
    })).body.ResourceId;
    await call("SetCasterConfig", {
      CasterId: source, CasterName: "Source", DomainName: "live.example.org", ChannelEnable: 1, Delay: 2,
      TranscodeConfig: JSON.stringify({ CasterTemplate: "lp_hd" }),
      SyncGroupsConfig: JSON.stringify([{ mode: 0, hostResourceId: resourceId, resourceIds: [resourceId] }]),
    });
    await call("SetCasterChannel", { CasterId: source, ChannelId: "RV01", ResourceId: resourceId });
    await call("StartCaster", { CasterId: source });

    const copy = (params: Record<string, string>) => call("CopyCaster", { SrcCasterId: source, CasterName: "Copy", ClientToken: "copy-1", ...params });
    const copied = (await copy({})).body.CasterId as string;
    expect(copied).not.toBe(source);
    expect((await copy({})).body.CasterId).toBe(copied);
    const before = state();
    expectError(await copy({ CasterName: "Other" }), 400, "IdempotentParameterMismatch");
    expectError(await copy({ ClientToken: "copy-source" }), 400, "IdempotentParameterMismatch");
    expect(state()).toBe(before);

    const caster = (await call("DescribeCasters", { CasterId: copied })).body.CasterList.Caster[0];
    expect(caster).toMatchObject({ CasterName: "Copy", Status: 0, NormType: 1 });
    const config = (await call("DescribeCasterConfig", { CasterId: copied })).body;
    expect(config).toMatchObject({ DomainName: "live.example.org", ChannelEnable: 1, Delay: 2 });
    const [resource] = (await call("DescribeCasterVideoResources", { CasterId: copied })).body.VideoResources.VideoResource;
    expect(resource).toMatchObject({ ResourceName: "cam", LocationId: "RV01" });
    expect(resource.ResourceId).not.toBe(resourceId);
    expect((await call("DescribeCasterChannels", { CasterId: copied })).body.Channels.Channel[0]).toMatchObject({ ChannelId: "RV01", ResourceId: resource.ResourceId });
    expect(config.SyncGroupsConfig.SyncGroup[0]).toMatchObject({ HostResourceId: resource.ResourceId, ResourceIds: { ResourceId: [resource.ResourceId] } });
    expect((await call("DescribeCasterScenes", { CasterId: copied })).body.Total).toBe(0);
  });

  test("a copy of a studio an automatic show-list task made is not that task's", async () => {
    const source = (await call("InitializeAutoShowListTask", {
      CasterConfig: '{"CasterTemplate":"lp_hd"}', DomainName: "live.example.com",
      StartTime: Date.now() - 3_600_000, EndTime: Date.now() + 3_600_000, ResourceIds: '["media-1"]',
    })).body.CasterId;
    const copied = (await call("CopyCaster", { SrcCasterId: source, CasterName: "Copy", ClientToken: "copy-task" })).body.CasterId;
    expect((await call("DescribeAutoShowListTasks", { CasterId: copied })).body.AutoShowListTasks).toBe("[]");
  });

  test("an unknown or another account's source is InvalidCaster.NotFound", async () => {
    const source = (await call("CreateCaster", { ClientToken: "copy-mine", NormType: 1, ChargeType: "PostPaid" })).body.CasterId;
    expectError(await other("CopyCaster", { SrcCasterId: source, CasterName: "Theirs", ClientToken: "copy-2" }), 404, "InvalidCaster.NotFound");
  });
});
