import { copySceneConfig } from "../models/scene-copy";
import { OperationHandler } from "./operation";

/** The PVW scene's configuration to the PGM scene; the rules are in models/scene-copy.ts. */
export const CopyCasterSceneConfig: OperationHandler<"CopyCasterSceneConfig"> = (call) => {
  const casterId = call.params.required("CasterId");
  const fromSceneId = call.params.required("FromSceneId");
  const toSceneId = call.params.required("ToSceneId");
  call.backend.change(call.uid, (account) => copySceneConfig(account, casterId, fromSceneId, toSceneId, call.nowMs));
  return {};
};
