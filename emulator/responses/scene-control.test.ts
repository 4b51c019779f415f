import { expectError, PopCall, startPacedEmulator } from "../../test/helpers/paced-emulator";
import { RunningEmulator } from "../server";

/** StartCasterScene, StopCasterScene and RestartCaster over HTTP, with real signatures, and what DescribeCasterScenes shows of them. */
describe("emulator scene control", () => {
  let emulator: RunningEmulator;
  let call: PopCall;
  let other: PopCall;
  let state: () => string;
  let casterId: string;
  let token = 0;

  const scenes = async () => (await call("DescribeCasterScenes", { CasterId: casterId })).body.SceneList.Scene as { SceneId: string; Status: number; StreamUrl: string }[];
  const startable = { DomainName: "live.example.org", TranscodeConfig: JSON.stringify({ CasterTemplate: "lp_hd" }) };

  beforeAll(async () => {
    ({ emulator, call, other, state } = await startPacedEmulator());
  });
  afterAll(() => emulator.close());
  beforeEach(async () => {
    casterId = (await call("CreateCaster", { ClientToken: `scene-control-${++token}`, NormType: 1, ChargeType: "PostPaid" })).body.CasterId;
    await call("SetCasterConfig", { CasterId: casterId, ...startable });
  });

  test("a scene stops and starts again while the studio runs; DescribeCasterScenes shows its Status", async () => {
    await call("StartCaster", { CasterId: casterId });
    const [pvw, pgm] = await scenes();
    expect((await call("StopCasterScene", { CasterId: casterId, SceneId: pvw.SceneId })).status).toBe(200);
    expect((await scenes()).map((scene) => scene.Status)).toEqual([0, 1]);
    expectError(await call("StopCasterScene", { CasterId: casterId, SceneId: pvw.SceneId }), 400, "IncorrectSceneStatus");
    const started = await call("StartCasterScene", { CasterId: casterId, SceneId: pvw.SceneId });
    expect(started.body).toMatchObject({ StreamUrl: pvw.StreamUrl });
    expect((await scenes()).map((scene) => scene.Status)).toEqual([1, 1]);
    expectError(await call("StartCasterScene", { CasterId: casterId, SceneId: pgm.SceneId }), 400, "IncorrectSceneStatus");
    expectError(await call("StartCasterScene", { CasterId: casterId, SceneId: "no-such-scene" }), 404, "InvalidScene.NotFound");
    expectError(await other("StopCasterScene", { CasterId: casterId, SceneId: pvw.SceneId }), 404, "InvalidCaster.NotFound");
  });

  test("a studio that is not started: its scenes cannot start or stop, and it cannot restart", async () => {
    expectError(await call("RestartCaster", { CasterId: casterId }), 400, "IncorrectCasterStatus");
    expectError(await call("StartCasterScene", { CasterId: casterId, SceneId: "none-yet" }), 404, "InvalidScene.NotFound");
    await call("StartCaster", { CasterId: casterId });
    const [pvw] = await scenes();
    await call("StopCaster", { CasterId: casterId });
    const before = state();
    expectError(await call("StartCasterScene", { CasterId: casterId, SceneId: pvw.SceneId }), 400, "IncorrectCasterStatus");
    expectError(await call("StopCasterScene", { CasterId: casterId, SceneId: pvw.SceneId }), 400, "IncorrectCasterStatus");
    expect(state()).toBe(before);
  });

  test("RestartCaster starts every scene again with new URLs and a new StartTime", async () => {
    await call("StartCaster", { CasterId: casterId });
    const [pvw] = await scenes();
    await call("StopCasterScene", { CasterId: casterId, SceneId: pvw.SceneId });
    const startTime = (await call("DescribeCasters", { CasterId: casterId })).body.CasterList.Caster[0].StartTime;
    expect((await call("RestartCaster", { CasterId: casterId })).status).toBe(200);
    const after = await scenes();
    expect(after.map((scene) => scene.Status)).toEqual([1, 1]);
    expect(after[0].StreamUrl).not.toBe(pvw.StreamUrl);
    const caster = (await call("DescribeCasters", { CasterId: casterId })).body.CasterList.Caster[0];
    expect(caster).toMatchObject({ Status: 1 });
    expect(caster.StartTime).not.toBe(startTime);
  });
});
