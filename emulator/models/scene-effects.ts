import { errors } from "../errors";
import { findCaster } from "./casters";
import { apiTime } from "./ids";
import { startedScene } from "./scene-config";
import { PGM } from "./scenes";
import { AccountState, SceneRecord } from "./state";

/**
 * Switching what a started scene shows during a broadcast: one video source (EffectCasterVideoResource) or the studio's
 * standby source (EffectCasterUrgent, the Urgent* settings of SetCasterConfig). The rules cited are the official request
 * models' (github.com/aliyun/alibabacloud-typescript-sdk, live-20161101 EffectCasterVideoResourceRequest.ts,
 * EffectCasterUrgentRequest.ts); no page was read for their errors: the codes are SetCasterSceneConfig's for a scene
 * and AddCasterVideoResource's for a source, the rest chosen (LIMITATIONS). DescribeCasterScenes has no field for the
 * source shown: the scene shows it in place of its layout, so its LayoutId is "" until a layout is set again.
 */

/** EffectCasterVideoResource: the studio's source (ResourceId, as DescribeCasterChannels lists it) fills the scene. */
export function effectVideoResource(account: AccountState, casterId: string, sceneId: string, resourceId: string, nowMs: number): SceneRecord {
  const caster = findCaster(account, casterId);
  const scene = startedScene(caster, sceneId, errors.sceneStatusIncorrect);
  if (!caster.videoResources[resourceId]) throw errors.resourceNotFound(resourceId);
  scene.layoutId = "";
  scene.effect = { kind: "videoResource", resourceId };
  caster.lastModified = apiTime(nowMs);
  return scene;
}

/**
 * EffectCasterUrgent: the PGM scene switches to the standby source. EffectCasterUrgentRequest.ts, SceneId: "This
 * parameter takes effect only if the scene is a PGM scene": a PVW scene is left as it is. A studio without a standby
 * source is refused as StartCaster refuses one without a domain (MissingParameter).
 */
export function effectUrgent(account: AccountState, casterId: string, sceneId: string, nowMs: number): SceneRecord {
  const caster = findCaster(account, casterId);
  const scene = startedScene(caster, sceneId, errors.sceneStatusIncorrect);
  const { urgentMaterialId, urgentImageId, urgentImageUrl, urgentLiveStreamUrl } = caster.config;
  if (!urgentMaterialId && !urgentImageId && !urgentImageUrl && !urgentLiveStreamUrl) {
    throw errors.missingParameter(
      `Caster ${caster.casterId} has no standby source: set UrgentMaterialId, UrgentImageId, UrgentImageUrl or UrgentLiveStreamUrl with SetCasterConfig first`);
  }
  if (scene.outputType !== PGM) return scene;
  scene.layoutId = "";
  scene.effect = { kind: "urgent" };
  caster.lastModified = apiTime(nowMs);
  return scene;
}
