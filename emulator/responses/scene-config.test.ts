import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { popClient } from "../../test/helpers/pop-client";
import { expectError, PopCall, startPacedEmulator } from "../../test/helpers/paced-emulator";
import { DEMO_ACCOUNT } from "../gateway/accounts";
import { RunningEmulator, startEmulator } from "../server";

/**
 * What scenes show and play: SetCasterSceneConfig, UpdateCasterSceneConfig, DeleteCasterSceneConfig,
 * DescribeCasterScenes' LayoutId and ComponentIds, DescribeCasterSceneAudio, UpdateCasterSceneAudio;
 * and layouts, components and scenes across a restart. Over HTTP, with real signatures.
 */
/** What a studio needs to start: a domain and a transcoding template. */
const startable = { DomainName: "live.example.org", TranscodeConfig: JSON.stringify({ CasterTemplate: "lp_hd" }) };

describe("emulator scene configuration", () => {
  // Every call a second later on the emulator's clock (no QPS limit reached), from ten minutes back (test/helpers/paced-emulator.ts).
  let emulator: RunningEmulator;
  let call: PopCall;
  let other: PopCall;
  let state: () => string;
  let casterId: string;
  let pvw: string;
  let pgm: string;
  let layoutId: string;
  let components: string[];
  let token = 0;

  const set = (params: Record<string, unknown>) => call("SetCasterSceneConfig", { CasterId: casterId, SceneId: pvw, ...params });
  const update = (params: Record<string, unknown>) => call("UpdateCasterSceneConfig", { CasterId: casterId, SceneId: pvw, LayoutId: layoutId, ...params });
  const scene = async (sceneId = pvw) => (await call("DescribeCasterScenes", { CasterId: casterId, SceneId: sceneId })).body.SceneList.Scene[0];
  const shows = async (sceneId = pvw) => {
    const { LayoutId, ComponentIds } = await scene(sceneId);
    return { layoutId: LayoutId, componentIds: ComponentIds.componentId };
  };
  const audio = async (sceneId = pvw) => (await call("DescribeCasterSceneAudio", { CasterId: casterId, SceneId: sceneId })).body;
  const updateAudio = (params: Record<string, unknown>) => call("UpdateCasterSceneAudio", { CasterId: casterId, SceneId: pvw, ...params });

  /** A studio with sources at RV01–RV03, two layouts' worth of positions, three text components, and, unless told, started. */
  async function studio(client: typeof call, options: { start?: boolean } = {}) {
    const id = (await client("CreateCaster", { ClientToken: `scenes-${++token}`, NormType: 1, ChargeType: "PostPaid" })).body.CasterId;
    // A new studio has no domain, and StartCaster needs one (and a template: SetCasterConfig replaces the whole configuration).
    await client("SetCasterConfig", { CasterId: id, ...startable });
    for (const location of ["RV01", "RV02", "RV03"]) {
      await client("AddCasterVideoResource", { CasterId: id, ResourceName: location, LocationId: location, LiveStreamUrl: `rtmp://push.example.com/app/${location}` });
    }
    const layout = (await client("AddCasterLayout", { CasterId: id, "BlendList.1": "RV01", "MixList.1": "RV01", "VideoLayer.1.FillMode": "none", "AudioLayer.1.ValidChannel": "all" })).body.LayoutId;
    const texts: string[] = [];
    for (const location of ["RC01", "RC02", "RC03"]) {
      texts.push((await client("AddCasterComponent", { CasterId: id, ComponentType: "text", LocationId: location, ComponentLayer: "{}", TextLayerContent: `{"Text":"${location}"}` })).body.ComponentId);
    }
    let scenes: { pvw: string; pgm: string } = { pvw: "", pgm: "" };
    if (options.start !== false) {
      const started = (await client("StartCaster", { CasterId: id })).body;
      scenes = { pvw: started.PvwSceneInfos.SceneInfo[0].SceneId, pgm: started.PgmSceneInfos.SceneInfo[0].SceneId };
    }
    return { id, layout, texts, ...scenes };
  }

  beforeAll(async () => {
    ({ emulator, call, other, state } = await startPacedEmulator());
  });
  afterAll(() => emulator.close());
  beforeEach(async () => {
    ({ id: casterId, layout: layoutId, texts: components, pvw, pgm } = await studio(call));
  });

  describe("SetCasterSceneConfig", () => {
    test("sets the layout and the components, bottom to top, as DescribeCasterScenes shows them", async () => {
      const reply = await set({ LayoutId: layoutId, "ComponentId.1": components[2], "ComponentId.2": components[0] });
      expect(reply.status).toBe(200);
      expect(Object.keys(reply.body)).toEqual(["RequestId"]);
      expect(await shows()).toEqual({ layoutId, componentIds: [components[2], components[0]] });
      // The other scene is untouched.
      expect(await shows(pgm)).toEqual({ layoutId: "", componentIds: [] });
    });

    test("replaces everything: what is left out is cleared", async () => {
      await set({ LayoutId: layoutId, "ComponentId.1": components[0], "ComponentId.2": components[1] });
      await set({ "ComponentId.1": components[2] });
      expect(await shows()).toEqual({ layoutId: "", componentIds: [components[2]] });
      await set({ LayoutId: layoutId });
      expect(await shows()).toEqual({ layoutId, componentIds: [] });
      await set({});
      expect(await shows()).toEqual({ layoutId: "", componentIds: [] });
    });

    test("an unknown layout or component, or a component twice, is refused and changes nothing", async () => {
      await set({ LayoutId: layoutId, "ComponentId.1": components[0] });
      const before = state();
      expectError(await set({ LayoutId: "no-such-layout" }), 404, "InvalidLayout.NotFound");
      expectError(await set({ LayoutId: layoutId, "ComponentId.1": "no-such-component" }), 404, "InvalidComponent.NotFound");
      expectError(await set({ "ComponentId.1": components[0], "ComponentId.2": components[0] }), 400, "InvalidParameter.Malformed");
      expectError(await set({ "ComponentId.1": components[0], "ComponentId.3": components[1] }), 400, "InvalidParameter.Malformed");
      expect(state()).toBe(before);
    });

    test("needs the scene: none before the first start (InvalidScene.NotFound), and started (IncorrectSceneStatus)", async () => {
      const idle = await studio(call, { start: false });
      expectError(await call("SetCasterSceneConfig", { CasterId: idle.id, SceneId: pvw, LayoutId: idle.layout }), 404, "InvalidScene.NotFound");
      expectError(await set({ SceneId: "no-such-scene" }), 404, "InvalidScene.NotFound");
      expectError(await set({ SceneId: undefined }), 400, "MissingSceneId");

      await set({ LayoutId: layoutId });
      expect((await call("StopCaster", { CasterId: casterId })).status).toBe(200);
      const before = state();
      expectError(await set({ LayoutId: layoutId, "ComponentId.1": components[0] }), 400, "IncorrectSceneStatus");
      expectError(await update({ "ComponentId.1": components[0] }), 400, "IncorrectSceneStatus");
      expect(state()).toBe(before);
      // A stopped scene keeps what it showed; started again, it can change.
      expect(await shows()).toEqual({ layoutId, componentIds: [] });
      await call("StartCaster", { CasterId: casterId });
      expect((await set({ "ComponentId.1": components[0] })).status).toBe(200);
    });
  });

  describe("UpdateCasterSceneConfig", () => {
    test("sets the layout and keeps the components unless they are sent", async () => {
      const second = (await call("AddCasterLayout", { CasterId: casterId, "BlendList.1": "RV02", "MixList.1": "RV02", "VideoLayer.1.FillMode": "none", "AudioLayer.1.ValidChannel": "all" })).body.LayoutId;
      await set({ LayoutId: layoutId, "ComponentId.1": components[0], "ComponentId.2": components[1] });
      expect((await update({ LayoutId: second })).status).toBe(200);
      expect(await shows()).toEqual({ layoutId: second, componentIds: [components[0], components[1]] });
      await update({ "ComponentId.1": components[2] });
      expect(await shows()).toEqual({ layoutId, componentIds: [components[2]] });
    });

    test("LayoutId is required; an unknown one is InvalidLayout.NotFound", async () => {
      expectError(await update({ LayoutId: undefined }), 400, "MissingLayoutId");
      expectError(await update({ LayoutId: "no-such-layout" }), 404, "InvalidLayout.NotFound");
      expectError(await update({ "ComponentId.1": "no-such-component" }), 404, "InvalidComponent.NotFound");
    });
  });

  describe("DeleteCasterSceneConfig", () => {
    test.each([
      ["Component", { layoutId: "layout", componentIds: [] }],
      ["Layout", { layoutId: "", componentIds: ["component"] }],
      ["All", { layoutId: "", componentIds: [] }],
    ])("Type %s clears that part of the scene", async (type, left) => {
      await set({ LayoutId: layoutId, "ComponentId.1": components[0] });
      expect((await call("DeleteCasterSceneConfig", { CasterId: casterId, SceneId: pvw, Type: type })).status).toBe(200);
      expect(await shows()).toEqual({
        layoutId: left.layoutId ? layoutId : "",
        componentIds: left.componentIds.length ? [components[0]] : [],
      });
    });

    test("a Type other than Component, Layout or All is InvalidParameter.Malformed; a stopped scene is IncorrectSceneStatus.Idle", async () => {
      expectError(await call("DeleteCasterSceneConfig", { CasterId: casterId, SceneId: pvw, Type: "layout" }), 400, "InvalidParameter.Malformed");
      expectError(await call("DeleteCasterSceneConfig", { CasterId: casterId, SceneId: pvw }), 400, "MissingType");
      await call("StopCaster", { CasterId: casterId });
      expectError(await call("DeleteCasterSceneConfig", { CasterId: casterId, SceneId: pvw, Type: "All" }), 400, "IncorrectSceneStatus.Idle");
    });
  });

  test("deleting a layout or a component takes it off the scenes that show it", async () => {
    await set({ LayoutId: layoutId, "ComponentId.1": components[0], "ComponentId.2": components[1] });
    await call("SetCasterSceneConfig", { CasterId: casterId, SceneId: pgm, LayoutId: layoutId, "ComponentId.1": components[1] });
    expect((await call("DeleteCasterComponent", { CasterId: casterId, ComponentId: components[1] })).status).toBe(200);
    expect(await shows()).toEqual({ layoutId, componentIds: [components[0]] });
    expect((await call("DeleteCasterLayout", { CasterId: casterId, LayoutId: layoutId })).status).toBe(200);
    expect(await shows()).toEqual({ layoutId: "", componentIds: [components[0]] });
    expect(await shows(pgm)).toEqual({ layoutId: "", componentIds: [] });
  });

  test("another account's studio is InvalidCaster.NotFound, and so are its layouts and components in one's own", async () => {
    expectError(await other("SetCasterSceneConfig", { CasterId: casterId, SceneId: pvw }), 404, "InvalidCaster.NotFound");
    expectError(await other("DescribeCasterSceneAudio", { CasterId: casterId, SceneId: pvw }), 404, "InvalidCaster.NotFound");
    expectError(await other("UpdateCasterSceneAudio", { CasterId: casterId, SceneId: pvw, FollowEnable: 0 }), 404, "InvalidCaster.NotFound");
    const mine = await studio(other);
    expectError(await other("SetCasterSceneConfig", { CasterId: mine.id, SceneId: mine.pvw, LayoutId: layoutId }), 404, "InvalidLayout.NotFound");
    expectError(await other("SetCasterSceneConfig", { CasterId: mine.id, SceneId: mine.pvw, "ComponentId.1": components[0] }), 404, "InvalidComponent.NotFound");
    // A scene of another studio is not this studio's.
    expectError(await other("SetCasterSceneConfig", { CasterId: mine.id, SceneId: pvw }), 404, "InvalidScene.NotFound");
  });

  describe("scene audio", () => {
    test("a new scene's audio follows the video and has no mix of its own", async () => {
      const reply = await audio();
      expect(reply).toEqual({ RequestId: reply.RequestId, CasterId: casterId, FollowEnable: 1, MixList: { LocationId: [] }, AudioLayers: { AudioLayer: [] } });
    });

    test("UpdateCasterSceneAudio sets the mix, described with numbers; what is left out stays", async () => {
      const reply = await updateAudio({
        FollowEnable: 0, "MixList.1": "RV01", "MixList.2": "RV02",
        "AudioLayer.1.VolumeRate": "0.5", "AudioLayer.1.ValidChannel": "rightChannel", "AudioLayer.1.FixedDelayDuration": "300",
        "AudioLayer.1.Filter": '{"enableAgc":0,"enableAns":1,"ansMode":1}',
      });
      expect(reply.status).toBe(200);
      expect(Object.keys(reply.body)).toEqual(["RequestId"]);
      expect(await audio()).toMatchObject({
        FollowEnable: 0,
        MixList: { LocationId: ["RV01", "RV02"] },
        AudioLayers: { AudioLayer: [{ VolumeRate: 0.5, ValidChannel: "rightChannel", FixedDelayDuration: 300 }, { VolumeRate: 1, ValidChannel: "all", FixedDelayDuration: 0 }] },
      });
      // A layer follows its position; FollowEnable left out stays.
      await updateAudio({ "MixList.1": "RV02", "MixList.2": "RV01", "AudioLayer.1.VolumeRate": "2" });
      expect(await audio()).toMatchObject({
        FollowEnable: 0,
        MixList: { LocationId: ["RV02", "RV01"] },
        AudioLayers: { AudioLayer: [{ VolumeRate: 2, ValidChannel: "all" }, { VolumeRate: 0.5, ValidChannel: "rightChannel", FixedDelayDuration: 300 }] },
      });
      await updateAudio({ FollowEnable: 1 });
      expect(await audio()).toMatchObject({ FollowEnable: 1, MixList: { LocationId: ["RV02", "RV01"] } });
      // The other scene's audio is its own.
      expect((await audio(pgm)).MixList.LocationId).toEqual([]);
    });

    test("bad values are refused and change nothing", async () => {
      await updateAudio({ "MixList.1": "RV01" });
      const before = state();
      expectError(await updateAudio({ FollowEnable: 2 }), 400, "InvalidParameter.Malformed");
      expectError(await updateAudio({ FollowEnable: "yes" }), 400, "InvalidParameter.Malformed");
      expectError(await updateAudio({ "AudioLayer.2.VolumeRate": "1" }), 400, "InvalidVideoLayersAndBlendListSize.Mismatch");
      expectError(await updateAudio({ "AudioLayer.1.VolumeRate": "11" }), 400, "InvalidParameter.Malformed");
      expectError(await updateAudio({ "AudioLayer.1.Filter": '{"enableAgc":2}' }), 400, "InvalidParameter.Malformed");
      expectError(await updateAudio({ "AudioLayer.1.Filter": '{"denoise":1}' }), 400, "InvalidParameter.Malformed");
      expectError(await updateAudio({ "AudioLayer.1.Filter": "on" }), 400, "InvalidParameter.Malformed");
      expectError(await updateAudio({ "MixList.1": "RV09" }), 404, "InvalidResource.NotFound");
      expectError(await updateAudio({ "MixList.1": "RV01", "MixList.2": "RV01" }), 400, "InvalidParameter.Malformed");
      expect(state()).toBe(before);
    });

    test("needs the scene, not a started one", async () => {
      const idle = await studio(call, { start: false });
      expectError(await call("DescribeCasterSceneAudio", { CasterId: idle.id, SceneId: pvw }), 404, "InvalidScene.NotFound");
      expectError(await call("UpdateCasterSceneAudio", { CasterId: idle.id, SceneId: pvw, FollowEnable: 0 }), 404, "InvalidScene.NotFound");
      await call("StopCaster", { CasterId: casterId });
      expect((await updateAudio({ FollowEnable: 0 })).status).toBe(200);
      expect((await audio()).FollowEnable).toBe(0);
    });
  });

  test("fault injection works for the new operations: a lost reply keeps the change, a 500 makes none", async () => {
    emulator.setFaults({ rates: { AddCasterLayout: { lostResponse: 1 }, SetCasterSceneConfig: { internalError: 1 } } });
    try {
      await expect(call("AddCasterLayout", { CasterId: casterId, "BlendList.1": "RV02", "MixList.1": "RV02", "VideoLayer.1.FillMode": "none", "AudioLayer.1.ValidChannel": "all" })).rejects.toThrow();
      expect(Object.keys(emulator.state().accounts[DEMO_ACCOUNT.uid].casters[casterId].layouts)).toHaveLength(2);
      const before = state();
      expectError(await set({ LayoutId: layoutId }), 500, "InternalError");
      expect(state()).toBe(before);
    } finally {
      emulator.setFaults({ rates: {} });
    }
  });
});

describe("layouts, components and scenes across a restart", () => {
  const tempState = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), "caster-scenes-")), "state.json");

  test("a restarted emulator has every layout, component and scene setting it acknowledged", async () => {
    const stateFile = tempState();
    let now = Date.now();
    const first = await startEmulator({ stateFile, clock: () => (now += 1100) });
    const call = popClient(first.url);
    const casterId = (await call("CreateCaster", { ClientToken: "keep", NormType: 1, ChargeType: "PostPaid" })).body.CasterId;
    await call("SetCasterConfig", { CasterId: casterId, ...startable });
    await call("AddCasterVideoResource", { CasterId: casterId, ResourceName: "cam", LocationId: "RV01", ImageId: "img1" });
    const { LayoutId } = (await call("AddCasterLayout", { CasterId: casterId, "BlendList.1": "RV01", "MixList.1": "RV01", "VideoLayer.1.HeightNormalized": "0.5", "VideoLayer.1.FillMode": "none", "AudioLayer.1.ValidChannel": "all" })).body;
    const { ComponentId } = (await call("AddCasterComponent", { CasterId: casterId, ComponentType: "text", LocationId: "RC01", ComponentLayer: "{}", TextLayerContent: '{"Text":"kept"}' })).body;
    const SceneId = (await call("StartCaster", { CasterId: casterId })).body.PgmSceneInfos.SceneInfo[0].SceneId;
    await call("SetCasterSceneConfig", { CasterId: casterId, SceneId, LayoutId, "ComponentId.1": ComponentId });
    await call("UpdateCasterSceneAudio", { CasterId: casterId, SceneId, FollowEnable: 0, "MixList.1": "RV01", "AudioLayer.1.VolumeRate": "0.5" });
    const read = async (client: typeof call) => ({
      layouts: (await client("DescribeCasterLayouts", { CasterId: casterId })).body.Layouts,
      components: (await client("DescribeCasterComponents", { CasterId: casterId })).body.Components,
      scenes: (await client("DescribeCasterScenes", { CasterId: casterId, SceneId })).body.SceneList.Scene.map((scene: Record<string, unknown>) => [scene.LayoutId, scene.ComponentIds]),
      audio: (({ RequestId: _r, ...rest }) => rest)((await client("DescribeCasterSceneAudio", { CasterId: casterId, SceneId })).body),
    });
    const acknowledged = await read(call);
    expect(acknowledged.scenes).toEqual([[LayoutId, { componentId: [ComponentId] }]]);
    await first.close();

    const second = await startEmulator({ stateFile, clock: () => (now += 1100) });
    expect(await read(popClient(second.url))).toEqual(acknowledged);
    await second.close();
  });

  test("a state file from before layouts and components were emulated still loads", async () => {
    const stateFile = tempState();
    const casterId = "LIVEPRODUCER_POST-cn-oldstudio01";
    const sceneId = "5f0e4a36-6d8e-4c8e-9b5b-0c7d3c1e2f10";
    // A studio and a scene as the emulator stored them before: no layouts, components or scene audio.
    fs.writeFileSync(stateFile, JSON.stringify({
      format: 1,
      accounts: {
        [DEMO_ACCOUNT.uid]: {
          casters: {
            [casterId]: {
              casterId, casterName: "old", normType: 1, chargeType: "PostPaid", resourceGroupId: "", tags: [], status: 1,
              createTime: "2026-01-01T00:00:00Z", lastModified: "2026-01-01T00:00:00Z", startTime: "2026-01-01T00:00:00Z", ingestEndpoints: 99,
              config: { domainName: "live.example.org", transcode: { casterTemplate: "lp_sd", liveTemplateIds: [] } },
              videoResources: {},
              scenes: {
                [sceneId]: {
                  sceneId, sceneName: "PVW", outputType: 0, status: 1, layoutId: "", componentIds: [],
                  streamUrl: "", rtmpUrl: "", streamInfos: [],
                },
              },
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
    expect((await call("DescribeCasterLayouts", { CasterId: casterId })).body.Total).toBe(0);
    expect((await call("DescribeCasterComponents", { CasterId: casterId })).body.Total).toBe(0);
    expect((await call("DescribeCasterSceneAudio", { CasterId: casterId, SceneId: sceneId })).body).toMatchObject({ FollowEnable: 1, MixList: { LocationId: [] } });
    expect((await call("SetCasterSceneConfig", { CasterId: casterId, SceneId: sceneId })).status).toBe(200);
    await emulator.close();
  });
});
