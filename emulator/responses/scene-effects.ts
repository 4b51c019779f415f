import { effectUrgent, effectVideoResource } from "../models/scene-effects";
import { OperationHandler } from "./operation";

/** What a scene shows during a broadcast; the rules are in models/scene-effects.ts. */

export const EffectCasterVideoResource: OperationHandler<"EffectCasterVideoResource"> = (call) => {
  const casterId = call.params.required("CasterId");
  const sceneId = call.params.required("SceneId");
  const resourceId = call.params.required("ResourceId");
  call.backend.change(call.uid, (account) => effectVideoResource(account, casterId, sceneId, resourceId, call.nowMs));
  return {};
};

export const EffectCasterUrgent: OperationHandler<"EffectCasterUrgent"> = (call) => {
  const casterId = call.params.required("CasterId");
  const sceneId = call.params.required("SceneId");
  call.backend.change(call.uid, (account) => effectUrgent(account, casterId, sceneId, call.nowMs));
  return {};
};
