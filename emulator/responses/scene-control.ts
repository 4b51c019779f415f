import { restartCaster, startScene, stopScene } from "../models/scene-control";
import { OperationHandler } from "./operation";

/** Actions on a running broadcast; the rules are in models/scene-control.ts. */

export const StartCasterScene: OperationHandler<"StartCasterScene"> = (call) => {
  const casterId = call.params.required("CasterId");
  const sceneId = call.params.required("SceneId");
  const scene = call.backend.change(call.uid, (account) => startScene(account, casterId, sceneId, call.nowMs));
  return { StreamUrl: scene.streamUrl };
};

export const StopCasterScene: OperationHandler<"StopCasterScene"> = (call) => {
  const casterId = call.params.required("CasterId");
  const sceneId = call.params.required("SceneId");
  call.backend.change(call.uid, (account) => stopScene(account, casterId, sceneId, call.nowMs));
  return {};
};

export const RestartCaster: OperationHandler<"RestartCaster"> = (call) => {
  const casterId = call.params.required("CasterId");
  call.backend.change(call.uid, (account) => restartCaster(account, casterId, call.nowMs));
  return {};
};
