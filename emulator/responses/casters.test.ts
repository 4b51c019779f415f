import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { redactSignatures } from "../../common/redact";
import { popClient } from "../../test/helpers/pop-client";
import { expectError, PopCall, startPacedEmulator } from "../../test/helpers/paced-emulator";
import { DEMO_ACCOUNT } from "../gateway/accounts";
import { RunningEmulator, startEmulator } from "../server";

/** SetCasterConfig, StartCaster, StopCaster and what they show, over HTTP with real signatures. */
describe("emulator studio configuration and lifecycle", () => {
  // Every call a second later on the emulator's clock, so that no QPS limit is reached (test/helpers/paced-emulator.ts).
  let emulator: RunningEmulator;
  let call: PopCall;
  let other: PopCall;
  let state: () => string;
  let casterId: string;
  let resourceId: string;
  let token = 0;

  const config = async () => (await call("DescribeCasterConfig", { CasterId: casterId })).body;
  /** What a studio needs to start: a domain and a transcoding template. */
  const startable = { DomainName: "live.example.org", TranscodeConfig: JSON.stringify({ CasterTemplate: "lp_hd", LiveTemplate: ["lld", "lsd"] }) };
  const set = (params: Record<string, unknown>) => call("SetCasterConfig", { CasterId: casterId, ...params });

  beforeAll(async () => {
    ({ emulator, call, other, state } = await startPacedEmulator());
  });
  afterAll(() => emulator.close());
  beforeEach(async () => {
    casterId = (await call("CreateCaster", { ClientToken: `studio-${++token}`, NormType: 1, ChargeType: "PostPaid", CasterTemplate: "lp_sd" })).body.CasterId;
    resourceId = (await call("AddCasterVideoResource", {
      CasterId: casterId, ResourceName: "cam", LocationId: "RV01", LiveStreamUrl: "rtmp://push.example.com/app/cam",
    })).body.ResourceId;
  });

  describe("SetCasterConfig", () => {
    const everything = {
      CasterName: "Evening show",
      DomainName: "live.example.org",
      CallbackUrl: "https://hooks.example.org/caster",
      SideOutputUrl: "rtmp://relay.example.org/app/main",
      SideOutputUrlList: JSON.stringify(["rtmp://cdn-a.example.org/app/s1", "rtmp://cdn-b.example.org/app/s2"]),
      Delay: "2.500000",
      ChannelEnable: 1,
      ProgramEffect: 1,
      ProgramName: "Night loop",
      AutoSwitchUrgentOn: true,
      AutoSwitchUrgentConfig: JSON.stringify({ eofThres: 3 }),
      UrgentMaterialId: "standby-reel",
      UrgentImageId: "standby-card",
      UrgentImageUrl: "https://media.example.org/standby.png",
      UrgentLiveStreamUrl: "rtmp://backup.example.org/app/standby",
      TranscodeConfig: JSON.stringify({ casterTemplate: "lp_hd", LiveTemplate: ["lld", "lhd"] }),
      RecordConfig: JSON.stringify({
        endpoint: "oss-cn-shanghai.aliyuncs.com", ossBucket: "recordings", interval: 5,
        videoFormat: [
          { Format: "m3u8", OssObjectPrefix: "record/{AppName}/{StreamName}/{StartTime}_{EndTime}", SliceOssObjectPrefix: "record/{AppName}/{StreamName}/{UnixTimestamp}", CycleDuration: 21600 },
          { Format: "flv", OssObjectPrefix: "record/{AppName}/{StreamName}/{StartTime}_{EndTime}" },
        ],
      }),
    };

    test("every setting is answered by DescribeCasterConfig, in the reply's shapes", async () => {
      const reply = await set({ ...everything, SyncGroupsConfig: JSON.stringify([{ mode: 1, resourceIds: [resourceId] }]) });
      expect(reply.status).toBe(200);
      expect(reply.body.CasterId).toBe(casterId);
      const { RequestId: _requestId, ...described } = await config();
      expect(described).toEqual({
        CasterId: casterId,
        CasterName: "Evening show",
        DomainName: "live.example.org",
        CallbackUrl: "https://hooks.example.org/caster",
        SideOutputUrl: "rtmp://relay.example.org/app/main",
        SideOutputUrlList: everything.SideOutputUrlList,
        Delay: 2.5,
        ChannelEnable: 1,
        ProgramEffect: 1,
        ProgramName: "Night loop",
        AutoSwitchUrgentOn: "true",
        AutoSwitchUrgentConfig: '{"eofThres":3}',
        UrgentMaterialId: "standby-reel",
        UrgentImageId: "standby-card",
        UrgentImageUrl: "https://media.example.org/standby.png",
        UrgentLiveStreamUrl: "rtmp://backup.example.org/app/standby",
        TranscodeConfig: { CasterTemplate: "lp_hd", LiveTemplateIds: { LocationId: ["lld", "lhd"] } },
        RecordConfig: {
          OssEndpoint: "oss-cn-shanghai.aliyuncs.com", OssBucket: "recordings", OnDemand: 0,
          RecordFormat: {
            RecordFormat: [
              { Format: "m3u8", OssObjectPrefix: "record/{AppName}/{StreamName}/{StartTime}_{EndTime}", SliceOssObjectPrefix: "record/{AppName}/{StreamName}/{UnixTimestamp}", CycleDuration: 21600 },
              { Format: "flv", OssObjectPrefix: "record/{AppName}/{StreamName}/{StartTime}_{EndTime}", SliceOssObjectPrefix: "" },
            ],
          },
        },
        SyncGroupsConfig: { SyncGroup: [{ Mode: 1, ResourceIds: { ResourceId: [resourceId] } }] },
      });
      // The name is the studio's name everywhere.
      expect((await call("DescribeCasters", { CasterId: casterId })).body.CasterList.Caster[0]).toMatchObject({
        CasterName: "Evening show", CasterTemplate: "lp_hd", ChannelEnable: 1,
      });
    });

    test("it replaces everything: a setting left out is cleared", async () => {
      expect((await set({ CallbackUrl: "https://hooks.example.org/a", Delay: 30, ProgramName: "B", RecordConfig: everything.RecordConfig })).status).toBe(200);
      expect(await config()).toMatchObject({ CallbackUrl: "https://hooks.example.org/a", Delay: 30, ProgramName: "B", RecordConfig: { OssBucket: "recordings" } });

      expect((await set({ CallbackUrl: "https://hooks.example.org/a" })).status).toBe(200);
      const after = await config();
      expect(after).toMatchObject({
        CallbackUrl: "https://hooks.example.org/a", Delay: 0, ProgramName: "", CasterName: "", DomainName: "", AutoSwitchUrgentOn: "false",
      });
      expect(after.RecordConfig).toBeUndefined();
      expect(after.TranscodeConfig).toBeUndefined();
      expect(after.SyncGroupsConfig).toBeUndefined();
    });

    test("a new studio's configuration: no domain (CreateCaster takes none), the callback, its creation template", async () => {
      expect(await config()).toMatchObject({
        DomainName: "",
        CallbackUrl: "http://callback.example.com/caster",
        TranscodeConfig: { CasterTemplate: "lp_sd", LiveTemplateIds: { LocationId: [] } },
        ChannelEnable: 0, Delay: 0, AutoSwitchUrgentOn: "false",
      });
    });

    test("the keys inside the JSON settings are read in either case, and the reply's own shapes are taken back", async () => {
      const reply = await set({
        TranscodeConfig: JSON.stringify({ CasterTemplate: "lp_ud_v", LiveTemplateIds: { LocationId: ["daobo-lld"] } }),
        RecordConfig: JSON.stringify({ OssEndpoint: "oss-cn-beijing.aliyuncs.com", OssBucket: "b", OnDemand: 7, VideoFormat: ["flv"] }),
        SyncGroupsConfig: JSON.stringify([{ Mode: 0, HostResourceId: resourceId, ResourceIds: [resourceId] }]),
        SideOutputUrlList: "rtmp://cdn.example.org/app/one",
      });
      expect(reply.status).toBe(200);
      expect(await config()).toMatchObject({
        TranscodeConfig: { CasterTemplate: "lp_ud_v", LiveTemplateIds: { LocationId: ["daobo-lld"] } },
        RecordConfig: { OssEndpoint: "oss-cn-beijing.aliyuncs.com", OssBucket: "b", OnDemand: 7, RecordFormat: { RecordFormat: [{ Format: "flv" }] } },
        SyncGroupsConfig: { SyncGroup: [{ Mode: 0, HostResourceId: resourceId, ResourceIds: { ResourceId: [resourceId] } }] },
        SideOutputUrlList: "rtmp://cdn.example.org/app/one",
      });
    });

    const tooManyOutputs = JSON.stringify(Array.from({ length: 21 }, (_, n) => `rtmp://cdn.example.org/app/s${n}`));
    test.each([
      ["a domain that is no domain", { DomainName: "not a domain" }, 400, "InvalidParameter.Malformed"],
      ["a callback that is not http(s)", { CallbackUrl: "ftp://hooks.example.org/caster" }, 400, "InvalidParameter.Malformed"],
      ["a side output that is not RTMP", { SideOutputUrl: "https://relay.example.org/app/main" }, 400, "InvalidParameter.Malformed"],
      ["21 side outputs", { SideOutputUrlList: tooManyOutputs }, 400, "InvalidParameter.Malformed"],
      ["a side output list with an SRT URL", { SideOutputUrlList: JSON.stringify(["srt://cdn.example.org:1105"]) }, 400, "InvalidParameter.Malformed"],
      ["a side output list that is broken JSON", { SideOutputUrlList: '["rtmp://cdn.example.org/app/s1"' }, 400, "InvalidParameter.Malformed"],
      ["a delay over 300 seconds", { Delay: "300.5" }, 400, "InvalidParameter.Malformed"],
      ["a negative delay", { Delay: "-1" }, 400, "InvalidParameter.Malformed"],
      ["a delay that is no number", { Delay: "soon" }, 400, "InvalidParameter.Malformed"],
      ["ChannelEnable 2", { ChannelEnable: 2 }, 400, "InvalidParameter.Malformed"],
      ["ProgramEffect 3", { ProgramEffect: 3 }, 400, "InvalidParameter.Malformed"],
      ["AutoSwitchUrgentOn yes", { AutoSwitchUrgentOn: "yes" }, 400, "InvalidParameter.Malformed"],
      ["AutoSwitchUrgentConfig broken JSON", { AutoSwitchUrgentConfig: "{eofThres:3}" }, 400, "InvalidParameter.Malformed"],
      ["AutoSwitchUrgentConfig eofThres 0", { AutoSwitchUrgentConfig: '{"eofThres":0}' }, 400, "InvalidParameter.Malformed"],
      ["AutoSwitchUrgentConfig with an unknown field", { AutoSwitchUrgentConfig: '{"eofThreshold":3}' }, 400, "InvalidParameter.Malformed"],
      ["a standby image that is a GIF", { UrgentImageUrl: "https://media.example.org/standby.gif" }, 400, "InvalidParameter.Malformed"],
      ["a standby stream with a file scheme", { UrgentLiveStreamUrl: "file:///etc/passwd" }, 400, "InvalidParameter.Malformed"],
      ["a malformed standby material ID", { UrgentMaterialId: "not an id!" }, 400, "InvalidParameter.Malformed"],
      ["TranscodeConfig that is no JSON", { TranscodeConfig: "lld" }, 400, "InvalidParameter.Malformed"],
      ["an unknown caster template", { TranscodeConfig: '{"CasterTemplate":"lp_4k"}' }, 400, "InvalidParameter.Malformed"],
      ["an unknown live template", { TranscodeConfig: '{"CasterTemplate":"lp_sd","LiveTemplate":["l4k"]}' }, 400, "InvalidParameter.Malformed"],
      ["TranscodeConfig with an unknown field", { TranscodeConfig: '{"CasterTemplate":"lp_sd","Bitrate":900}' }, 400, "InvalidParameter.Malformed"],
      ["RecordConfig without a bucket", { RecordConfig: '{"endpoint":"oss-cn-shanghai.aliyuncs.com","videoFormat":["flv"]}' }, 400, "InvalidParameter.Malformed"],
      ["RecordConfig without formats", { RecordConfig: '{"endpoint":"oss-cn-shanghai.aliyuncs.com","ossBucket":"b","videoFormat":[]}' }, 400, "InvalidParameter.Malformed"],
      ["a recording format that is AVI", { RecordConfig: '{"endpoint":"e","ossBucket":"b","videoFormat":["avi"]}' }, 400, "InvalidParameter.Malformed"],
      ["an m3u8 recording without segment names", { RecordConfig: '{"endpoint":"e","ossBucket":"b","videoFormat":[{"Format":"m3u8"}]}' }, 400, "InvalidParameter.Malformed"],
      ["RecordConfig OnDemand 5", { RecordConfig: '{"endpoint":"e","ossBucket":"b","OnDemand":5,"videoFormat":["flv"]}' }, 400, "InvalidParameter.Malformed"],
      ["a sync group of mode 2", { SyncGroupsConfig: '[{"mode":2,"resourceIds":["x"]}]' }, 400, "InvalidParameter.Malformed"],
      ["a streamer-mode sync group without a host", { SyncGroupsConfig: '[{"mode":0,"resourceIds":["x"]}]' }, 400, "InvalidParameter.Malformed"],
      ["a sync group that is not a list", { SyncGroupsConfig: '{"mode":1,"resourceIds":["x"]}' }, 400, "InvalidParameter.Malformed"],
      ["a sync group naming an unknown source", { SyncGroupsConfig: '[{"mode":1,"resourceIds":["no-such-source"]}]' }, 404, "InvalidResource.NotFound"],
      ["no CasterId", { CasterId: undefined }, 400, "MissingCasterId"],
      ["a malformed CasterId", { CasterId: "studio one" }, 400, "InvalidCasterId.Malformed"],
      ["an unknown studio", { CasterId: "LIVEPRODUCER_POST-cn-doesnotexist" }, 404, "InvalidCaster.NotFound"],
    ])("%s is refused with its code and changes nothing", async (_case, params, status, code) => {
      const before = state();
      expectError(await set(params), status, code);
      expect(state()).toBe(before);
    });

    test("channels are one-way: once enabled, leaving ChannelEnable out or 0 is InvalidCaster.ChannelDisableUnsupported", async () => {
      expect((await set({ ChannelEnable: 1 })).status).toBe(200);
      const before = state();
      expectError(await set({ CallbackUrl: "https://hooks.example.org/a" }), 400, "InvalidCaster.ChannelDisableUnsupported");
      expectError(await set({ ChannelEnable: 0 }), 400, "InvalidCaster.ChannelDisableUnsupported");
      expect(state()).toBe(before);
      expect((await set({ ChannelEnable: 1, ProgramName: "kept" })).status).toBe(200);
      expect(await config()).toMatchObject({ ChannelEnable: 1, ProgramName: "kept" });
    });

    test("while the studio runs: enabling channels and changing the domain are IncorrectCasterStatus.Inuse; other settings change", async () => {
      await set(startable);
      expect((await call("StartCaster", { CasterId: casterId })).status).toBe(200);
      const before = state();
      expectError(await set({ ...startable, ChannelEnable: 1 }), 400, "IncorrectCasterStatus.Inuse");
      expectError(await set({ ...startable, DomainName: "other.example.org" }), 400, "IncorrectCasterStatus.Inuse");
      expectError(await set({ TranscodeConfig: startable.TranscodeConfig }), 400, "IncorrectCasterStatus.Inuse");
      expect(state()).toBe(before);
      expect((await set({ ...startable, Delay: 10, ProgramName: "live" })).status).toBe(200);
      expect(await config()).toMatchObject({ Delay: 10, ProgramName: "live", DomainName: "live.example.org" });

      expect((await call("StopCaster", { CasterId: casterId })).status).toBe(200);
      expect((await set({ ...startable, ChannelEnable: 1, DomainName: "other.example.org" })).status).toBe(200);
    });

    test("another account's studio does not exist for the caller", async () => {
      expectError(await other("SetCasterConfig", { CasterId: casterId, ...startable }), 404, "InvalidCaster.NotFound");
      expectError(await other("StartCaster", { CasterId: casterId }), 404, "InvalidCaster.NotFound");
      expectError(await other("DescribeCasterScenes", { CasterId: casterId }), 404, "InvalidCaster.NotFound");
    });
  });

  describe("StartCaster and StopCaster", () => {
    test("a new studio does not start: it has a template but no domain until SetCasterConfig gives it one", async () => {
      // SetCasterConfig's page, DomainName: "Configure the domain name before you start the production studio."
      const fresh = await call("StartCaster", { CasterId: casterId });
      expectError(fresh, 400, "MissingParameter");
      expect(fresh.body.Message).toMatch(/no DomainName: set one with SetCasterConfig/);
      await set({ DomainName: startable.DomainName, TranscodeConfig: '{"CasterTemplate":"lp_sd"}' });
      expect((await call("StartCaster", { CasterId: casterId })).status).toBe(200);
    });

    test("a studio without a domain, or without a transcoding template, does not start: MissingParameter", async () => {
      await set({ TranscodeConfig: startable.TranscodeConfig });
      const noDomain = await call("StartCaster", { CasterId: casterId });
      expectError(noDomain, 400, "MissingParameter");
      expect(noDomain.body.Message).toMatch(/DomainName/);
      await set({ DomainName: startable.DomainName });
      const noTemplate = await call("StartCaster", { CasterId: casterId });
      expectError(noTemplate, 400, "MissingParameter");
      expect(noTemplate.body.Message).toMatch(/transcoding template/);
      await set({ DomainName: startable.DomainName, TranscodeConfig: '{"CasterTemplate":""}' });
      expectError(await call("StartCaster", { CasterId: casterId }), 400, "MissingParameter");
      const caster = emulator.state().accounts[DEMO_ACCOUNT.uid].casters[casterId];
      expect({ status: caster.status, scenes: caster.scenes }).toEqual({ status: 0, scenes: {} });
    });

    test("start makes the PVW and PGM scenes, runs them, and the studio shows as streaming", async () => {
      await set(startable);
      const started = await call("StartCaster", { CasterId: casterId });
      expect(started.status).toBe(200);
      const [pvw] = started.body.PvwSceneInfos.SceneInfo;
      const [pgm] = started.body.PgmSceneInfos.SceneInfo;
      expect(pvw.SceneId).not.toBe(pgm.SceneId);
      expect(pgm.StreamUrl).toMatch(/^http:\/\/live\.example\.org\/caster\/\w+\.flv\?auth_key=\d+-0-0-[0-9a-f]{32}$/);
      // No RtsUrl: the newest reply models of StartCaster, DescribeCasterScenes and DescribeCasterStreamUrl have none
      // (alibabacloud-typescript-sdk live-20161101/src/models/StartCasterResponseBody.ts, model/official/caster-operations.json).
      expect(pgm).not.toHaveProperty("RtsUrl");
      // One output per live template (lld, lsd) and format.
      expect(pgm.StreamInfos.StreamInfo.map((info: { TranscodeConfig: string; VideoFormat: string }) => `${info.TranscodeConfig}/${info.VideoFormat}`))
        .toEqual(["lld/flv", "lld/rtmp", "lld/m3u8", "lsd/flv", "lsd/rtmp", "lsd/m3u8"]);

      const scenes = await call("DescribeCasterScenes", { CasterId: casterId });
      expect(scenes.body.Total).toBe(2);
      expect(scenes.body.SceneList.Scene.map((scene: Record<string, unknown>) => [scene.SceneId, scene.SceneName, scene.OutputType, scene.Status]))
        .toEqual([[pvw.SceneId, "PVW", "0", 1], [pgm.SceneId, "PGM", "1", 1]]);
      expect(scenes.body.SceneList.Scene[1]).toMatchObject({ StreamUrl: pgm.StreamUrl, LayoutId: "", ComponentIds: { componentId: [] } });
      const one = await call("DescribeCasterScenes", { CasterId: casterId, SceneId: pgm.SceneId });
      expect(one.body.SceneList.Scene.map((scene: { SceneId: string }) => scene.SceneId)).toEqual([pgm.SceneId]);
      expect((await call("DescribeCasterScenes", { CasterId: casterId, SceneId: "no-such-scene" })).body.Total).toBe(0);

      const streams = await call("DescribeCasterStreamUrl", { CasterId: casterId });
      expect(streams.body).toMatchObject({ CasterId: casterId, Total: 2 });
      expect(streams.body.CasterStreams.CasterStream.map((stream: Record<string, unknown>) => [stream.SceneId, stream.OutputType, stream.StreamUrl]))
        .toEqual([[pvw.SceneId, 0, pvw.StreamUrl], [pgm.SceneId, 1, pgm.StreamUrl]]);
      expect(streams.body.CasterStreams.CasterStream[1].RtmpUrl).toMatch(/^rtmp:\/\/live\.example\.org\/caster\/\w+\?auth_key=/);

      const listed = (await call("DescribeCasters", { CasterId: casterId })).body.CasterList.Caster[0];
      expect(listed).toMatchObject({ Status: 1, CasterTemplate: "lp_hd" });
      expect(listed.StartTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      expect((await call("DescribeCasters", { Status: 1 })).body.CasterList.Caster.map((c: { CasterId: string }) => c.CasterId)).toContain(casterId);

      // A second start of a running studio is refused and changes nothing.
      const before = state();
      expectError(await call("StartCaster", { CasterId: casterId }), 400, "IncorrectCasterStatus.Inuse");
      expect(state()).toBe(before);
    });

    test("stop stops the scenes; a stopped studio starts again with the same scenes", async () => {
      await set(startable);
      const started = await call("StartCaster", { CasterId: casterId });
      expect((await call("StopCaster", { CasterId: casterId })).status).toBe(200);
      const scenes = (await call("DescribeCasterScenes", { CasterId: casterId })).body.SceneList.Scene;
      expect(scenes.map((scene: { Status: number }) => scene.Status)).toEqual([0, 0]);
      const listed = (await call("DescribeCasters", { CasterId: casterId })).body.CasterList.Caster[0];
      expect(listed.Status).toBe(0);
      expect(listed.StartTime).toBeUndefined();

      const before = state();
      expectError(await call("StopCaster", { CasterId: casterId }), 400, "IncorrectSceneStatus");
      expect(state()).toBe(before);

      const again = await call("StartCaster", { CasterId: casterId });
      expect(again.body.PgmSceneInfos.SceneInfo[0].SceneId).toBe(started.body.PgmSceneInfos.SceneInfo[0].SceneId);
      expect(again.body.PvwSceneInfos.SceneInfo[0].SceneId).toBe(started.body.PvwSceneInfos.SceneInfo[0].SceneId);
    });

    test("a studio never started has no scenes: DescribeCasterScenes is empty, StopCaster and DescribeCasterStreamUrl are InvalidScene.NotFound", async () => {
      expect((await call("DescribeCasterScenes", { CasterId: casterId })).body).toMatchObject({ Total: 0, SceneList: { Scene: [] } });
      expectError(await call("StopCaster", { CasterId: casterId }), 404, "InvalidScene.NotFound");
      expectError(await call("DescribeCasterStreamUrl", { CasterId: casterId }), 404, "InvalidScene.NotFound");
    });

    test("a running studio cannot be deleted (IncorrectCasterStatus.Inuse); stopped, it can", async () => {
      await set(startable);
      await call("StartCaster", { CasterId: casterId });
      const before = state();
      expectError(await call("DeleteCaster", { CasterId: casterId }), 400, "IncorrectCasterStatus.Inuse");
      expect(state()).toBe(before);
      await call("StopCaster", { CasterId: casterId });
      expect((await call("DeleteCaster", { CasterId: casterId })).status).toBe(200);
      expectError(await call("DescribeCasterScenes", { CasterId: casterId }), 404, "InvalidCaster.NotFound");
    });
  });

  test("URLs with passwords or signatures are masked in the call record and kept in the state", async () => {
    const secret = "Caster-config-canary-5e1f";
    const urls = {
      CallbackUrl: `https://hook:${secret}@hooks.example.org/caster?token=${secret}`,
      SideOutputUrl: `rtmp://relay.example.org/app/main?auth_key=1-0-0-${secret}`,
      SideOutputUrlList: JSON.stringify([`rtmp://cdn.example.org/app/s1?auth_key=1-0-0-${secret}`, `rtmp://user:${secret}@cdn.example.org/app/s2`]),
      UrgentLiveStreamUrl: `rtmp://standby:${secret}@backup.example.org/app/standby`,
      UrgentImageUrl: `https://media.example.org/standby.png?x-oss-signature=${secret}`,
    };
    emulator.clearCalls();
    expect((await set(urls)).status).toBe(200);
    const [record] = emulator.calls();
    for (const [name, value] of Object.entries(urls)) {
      expect(record.params[name]).toBe(redactSignatures(value));
      expect(record.params[name]).toContain("***");
    }
    expect(JSON.stringify(emulator.calls())).not.toContain(secret);
    expect(await (await fetch(`${emulator.url}/_emulator/calls`)).text()).not.toContain(secret);
    // The studio keeps, and answers, what it was given.
    expect(await config()).toMatchObject(urls);
  });
});

describe("emulator studio persistence", () => {
  const tempState = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), "caster-config-")), "state.json");

  test("configuration, status and scenes survive a restart", async () => {
    const stateFile = tempState();
    const first = await startEmulator({ stateFile });
    const call = popClient(first.url);
    const casterId = (await call("CreateCaster", { ClientToken: "persist", NormType: 1, ChargeType: "PostPaid" })).body.CasterId;
    await call("SetCasterConfig", {
      CasterId: casterId, CasterName: "kept", DomainName: "live.example.org", Delay: 12.5, AutoSwitchUrgentOn: false,
      TranscodeConfig: '{"CasterTemplate":"lp_ld","LiveTemplate":["lld"]}', RecordConfig: '{"endpoint":"e","ossBucket":"b","videoFormat":["mp4"]}',
    });
    await call("StartCaster", { CasterId: casterId });
    const config = (await call("DescribeCasterConfig", { CasterId: casterId })).body;
    const scenes = (await call("DescribeCasterScenes", { CasterId: casterId })).body;
    await first.close();

    const second = await startEmulator({ stateFile });
    const again = popClient(second.url);
    expect({ ...(await again("DescribeCasterConfig", { CasterId: casterId })).body, RequestId: "" }).toEqual({ ...config, RequestId: "" });
    expect({ ...(await again("DescribeCasterScenes", { CasterId: casterId })).body, RequestId: "" }).toEqual({ ...scenes, RequestId: "" });
    expect((await again("DescribeCasters", { CasterId: casterId })).body.CasterList.Caster[0]).toMatchObject({ Status: 1, CasterName: "kept" });
    expect((await again("StopCaster", { CasterId: casterId })).status).toBe(200);
    await second.close();
  });

  test("a state file from before SetCasterConfig was emulated is read: its studios get cleared settings and keep their template", async () => {
    const stateFile = tempState();
    const casterId = "LIVEPRODUCER_POST-cn-0ld5tate0001";
    fs.writeFileSync(stateFile, JSON.stringify({
      format: 1,
      accounts: {
        [DEMO_ACCOUNT.uid]: {
          casters: {
            [casterId]: {
              casterId, casterName: "old", normType: 1, chargeType: "PostPaid", casterTemplate: "lp_hd", resourceGroupId: "", tags: [],
              status: 0, createTime: "2026-01-01T00:00:00Z", lastModified: "2026-01-01T00:00:00Z", ingestEndpoints: 99,
              config: { domainName: "0ld5tate0001.live.example.com", callbackUrl: "http://callback.example.com/caster", sideOutputUrl: "", delay: 0 },
              videoResources: {},
            },
          },
          casterClientTokens: {},
        },
      },
    }));
    const emulator = await startEmulator({ stateFile });
    const call = popClient(emulator.url);
    expect((await call("DescribeCasterConfig", { CasterId: casterId })).body).toMatchObject({
      DomainName: "0ld5tate0001.live.example.com", ChannelEnable: 0, ProgramName: "",
      TranscodeConfig: { CasterTemplate: "lp_hd", LiveTemplateIds: { LocationId: [] } },
    });
    expect((await call("DescribeCasters", { CasterId: casterId })).body.CasterList.Caster[0].CasterTemplate).toBe("lp_hd");
    expect((await call("StartCaster", { CasterId: casterId })).status).toBe(200);
    await emulator.close();
  });
});
