import { expectError, PopCall, startPacedEmulator } from "../../test/helpers/paced-emulator";
import { RunningEmulator } from "../server";

/** EffectCasterVideoResource, EffectCasterUrgent and CopyCasterSceneConfig over HTTP, with real signatures, and what DescribeCasterScenes shows of them. */
describe("emulator scene effects", () => {
  let emulator: RunningEmulator;
  let call: PopCall;
  let other: PopCall;
  let state: () => string;
  let casterId: string;
  let resourceId: string;
  let layoutId: string;
  let token = 0;

  const scenes = async () => (await call("DescribeCasterScenes", { CasterId: casterId })).body.SceneList.Scene as { SceneId: string; LayoutId: string }[];
  const startable = { DomainName: "live.example.org", TranscodeConfig: JSON.stringify({ CasterTemplate: "lp_hd" }) };

  beforeAll(async () => {
    ({ emulator, call, other, state } = await startPacedEmulator());
  });
  afterAll(() => emulator.close());
  beforeEach(async () => {
    casterId = (await call("CreateCaster", { ClientToken: `scene-effects-${++token}`, NormType: 1, ChargeType: "PostPaid" })).body.CasterId;
    resourceId = (await call("AddCasterVideoResource", { CasterId: casterId, ResourceName: "cam", LocationId: "RV01", LiveStreamUrl: "rtmp://push.example.com/a/b" })).body.ResourceId;
    layoutId = (await call("AddCasterLayout", {
      CasterId: casterId, "BlendList.1": "RV01", "MixList.1": "RV01",
      "VideoLayer.1.HeightNormalized": 1, "VideoLayer.1.WidthNormalized": 1, "VideoLayer.1.PositionNormalized.1": 0, "VideoLayer.1.PositionNormalized.2": 0,
      "AudioLayer.1.VolumeRate": 1,
    })).body.LayoutId;
  });

  test("a source fills a started scene in place of its layout, until a layout is set again", async () => {
    await call("SetCasterConfig", { CasterId: casterId, ...startable });
    await call("StartCaster", { CasterId: casterId });
    const [pvw] = await scenes();
    await call("SetCasterSceneConfig", { CasterId: casterId, SceneId: pvw.SceneId, LayoutId: layoutId });
    expect((await call("EffectCasterVideoResource", { CasterId: casterId, SceneId: pvw.SceneId, ResourceId: resourceId })).status).toBe(200);
    expect((await scenes())[0].LayoutId).toBe("");
    await call("UpdateCasterSceneConfig", { CasterId: casterId, SceneId: pvw.SceneId, LayoutId: layoutId });
    expect((await scenes())[0].LayoutId).toBe(layoutId);

    const before = state();
    expectError(await call("EffectCasterVideoResource", { CasterId: casterId, SceneId: pvw.SceneId, ResourceId: "no-such-source" }), 404, "InvalidResource.NotFound");
    expectError(await call("EffectCasterVideoResource", { CasterId: casterId, SceneId: "no-such-scene", ResourceId: resourceId }), 404, "InvalidScene.NotFound");
    expectError(await other("EffectCasterVideoResource", { CasterId: casterId, SceneId: pvw.SceneId, ResourceId: resourceId }), 404, "InvalidCaster.NotFound");
    await call("StopCasterScene", { CasterId: casterId, SceneId: pvw.SceneId });
    const stopped = state();
    expectError(await call("EffectCasterVideoResource", { CasterId: casterId, SceneId: pvw.SceneId, ResourceId: resourceId }), 400, "IncorrectSceneStatus");
    expect(state()).toBe(stopped);
    expect(before).not.toBe(stopped);
  });

  test("the PGM scene switches to the standby source; a PVW scene stays; a studio without one is refused", async () => {
    await call("SetCasterConfig", { CasterId: casterId, ...startable });
    await call("StartCaster", { CasterId: casterId });
    const [pvw, pgm] = await scenes();
    for (const scene of [pvw, pgm]) await call("SetCasterSceneConfig", { CasterId: casterId, SceneId: scene.SceneId, LayoutId: layoutId });
    const before = state();
    expectError(await call("EffectCasterUrgent", { CasterId: casterId, SceneId: pgm.SceneId }), 400, "MissingParameter");
    expect(state()).toBe(before);

    await call("StopCaster", { CasterId: casterId });
    await call("SetCasterConfig", { CasterId: casterId, ...startable, UrgentImageUrl: "https://media.example.com/card.png" });
    await call("StartCaster", { CasterId: casterId });
    for (const scene of [pvw, pgm]) await call("SetCasterSceneConfig", { CasterId: casterId, SceneId: scene.SceneId, LayoutId: layoutId });
    expect((await call("EffectCasterUrgent", { CasterId: casterId, SceneId: pgm.SceneId })).status).toBe(200);
    expect((await call("EffectCasterUrgent", { CasterId: casterId, SceneId: pvw.SceneId })).status).toBe(200);
    expect((await scenes()).map((scene) => scene.LayoutId)).toEqual([layoutId, ""]);
    expectError(await call("EffectCasterUrgent", { CasterId: casterId, SceneId: "no-such-scene" }), 404, "InvalidScene.NotFound");
  });

  test("CopyCasterSceneConfig: the PVW scene's layout, components and source to the started PGM scene", async () => {
    await call("SetCasterConfig", { CasterId: casterId, ...startable });
    await call("StartCaster", { CasterId: casterId });
    const [pvw, pgm] = await scenes();
    const copy = (FromSceneId: string, ToSceneId: string) => call("CopyCasterSceneConfig", { CasterId: casterId, FromSceneId, ToSceneId });
    await call("SetCasterSceneConfig", { CasterId: casterId, SceneId: pvw.SceneId, LayoutId: layoutId });
    expect((await copy(pvw.SceneId, pgm.SceneId)).status).toBe(200);
    expect((await scenes()).map((scene) => scene.LayoutId)).toEqual([layoutId, layoutId]);
    await call("EffectCasterVideoResource", { CasterId: casterId, SceneId: pvw.SceneId, ResourceId: resourceId });
    await copy(pvw.SceneId, pgm.SceneId);
    expect((await scenes()).map((scene) => scene.LayoutId)).toEqual(["", ""]);

    const before = state();
    expectError(await copy(pgm.SceneId, pvw.SceneId), 400, "InvalidParameter.Malformed");
    expectError(await copy(pvw.SceneId, pvw.SceneId), 400, "InvalidParameter.Malformed");
    expectError(await copy("no-such-scene", pgm.SceneId), 404, "InvalidScene.NotFound");
    await call("StopCasterScene", { CasterId: casterId, SceneId: pgm.SceneId });
    const stopped = state();
    expectError(await copy(pvw.SceneId, pgm.SceneId), 400, "IncorrectSceneStatus");
    expect(state()).toBe(stopped);
    expect(before).not.toBe(stopped);
  });
});
