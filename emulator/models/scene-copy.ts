import { errors } from "../errors";
import { findCaster } from "./casters";
import { apiTime } from "./ids";
import { findScene, startedScene } from "./scene-config";
import { PGM, PVW } from "./scenes";
import { AccountState, SceneRecord } from "./state";

/**
 * CopyCasterSceneConfig: what the PVW scene shows goes to the PGM scene (the "take" of a broadcast). The official
 * request model (github.com/aliyun/alibabacloud-typescript-sdk, live-20161101 CopyCasterSceneConfigRequest.ts):
 * FromSceneId "must be a PVW scene", ToSceneId "must be a PGM scene"; another is InvalidParameter.Malformed (chosen: no
 * page names a code for it: its error table, https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-copycastersceneconfig,
 * is cut in the stored copy after InvalidCasterId.Malformed; the page adds "You can only copy the configuration from a
 * PVW scene to a PGM scene" and "must be in the same production studio", which one CasterId makes so). The
 * configuration is what SetCasterSceneConfig sets (the layout, the components) and what an Effect* call put on the
 * scene; the audio stays the destination's. The destination must be started, as SetCasterSceneConfig asks
 * (IncorrectSceneStatus).
 */
export function copySceneConfig(account: AccountState, casterId: string, fromSceneId: string, toSceneId: string, nowMs: number): SceneRecord {
  const caster = findCaster(account, casterId);
  const from = findScene(caster, fromSceneId);
  if (from.outputType !== PVW) throw errors.invalidParameter(`FromSceneId ${fromSceneId} is not the PVW scene`);
  const to = startedScene(caster, toSceneId, errors.sceneStatusIncorrect);
  if (to.outputType !== PGM) throw errors.invalidParameter(`ToSceneId ${toSceneId} is not the PGM scene`);
  to.layoutId = from.layoutId;
  to.componentIds = [...from.componentIds];
  if (from.effect) to.effect = { ...from.effect };
  else delete to.effect;
  caster.lastModified = apiTime(nowMs);
  return to;
}
