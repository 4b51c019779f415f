import { errors } from "../errors";
import { findCaster } from "./casters";
import { apiTime } from "./ids";
import { startCaster, stopCaster } from "./scenes";
import { AccountState, CasterRecord, SceneRecord } from "./state";

/**
 * Acting on a running broadcast: one scene started or stopped (StartCasterScene, StopCasterScene), the whole studio
 * restarted (RestartCaster). The request models (github.com/aliyun/alibabacloud-typescript-sdk, live-20161101
 * StartCasterSceneRequest.ts: SceneId "takes effect only if the scene is a PVW scene") give the rules cited; the
 * refusals are the codes StopCaster's page lists for a scene (IncorrectSceneStatus, InvalidScene.NotFound), and, for a
 * studio that is not started, IncorrectCasterStatus (chosen: LIMITATIONS).
 */

/** A started studio's scene; a studio never started has none (InvalidScene.NotFound). */
function runningScene(account: AccountState, casterId: string, sceneId: string, action: string): { caster: CasterRecord; scene: SceneRecord } {
  const caster = findCaster(account, casterId);
  const scene = caster.scenes[sceneId];
  if (!scene) throw errors.sceneNotFound(`Scene ${sceneId} is not a scene of caster ${caster.casterId}`);
  if (caster.status !== 1) throw errors.casterNotStarted(caster.casterId, `start it with StartCaster before ${action}`);
  return { caster, scene };
}

/** StartCasterScene: a stopped scene of a running studio starts again, with the URLs it had; a started one is IncorrectSceneStatus. */
export function startScene(account: AccountState, casterId: string, sceneId: string, nowMs: number): SceneRecord {
  const { caster, scene } = runningScene(account, casterId, sceneId, "StartCasterScene");
  if (scene.status === 1) throw errors.sceneStatusIncorrect(`Scene ${sceneId} is already started`);
  scene.status = 1;
  caster.lastModified = apiTime(nowMs);
  return scene;
}

/** StopCasterScene: a started scene stops, the studio runs on (DescribeCasterScenes shows its Status 0); a stopped one is IncorrectSceneStatus. */
export function stopScene(account: AccountState, casterId: string, sceneId: string, nowMs: number): void {
  const { caster, scene } = runningScene(account, casterId, sceneId, "StopCasterScene");
  if (scene.status !== 1) throw errors.sceneStatusIncorrect(`Scene ${sceneId} is not started`);
  scene.status = 0;
  caster.lastModified = apiTime(nowMs);
}

/** RestartCaster: a running studio stops and starts again (its scenes all started, new URLs, a new StartTime). */
export function restartCaster(account: AccountState, casterId: string, nowMs: number): void {
  const caster = findCaster(account, casterId);
  if (caster.status !== 1) throw errors.casterNotStarted(caster.casterId, "RestartCaster restarts a running studio; start it with StartCaster");
  stopCaster(account, casterId, nowMs);
  startCaster(account, casterId, nowMs);
}
