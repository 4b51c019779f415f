import { copyCaster } from "../models/caster-copy";
import { OperationHandler } from "./operation";

/** A studio copied; the rules are in models/caster-copy.ts. */
export const CopyCaster: OperationHandler<"CopyCaster"> = (call) => {
  const input = {
    srcCasterId: call.params.required("SrcCasterId"),
    casterName: call.params.required("CasterName"),
    clientToken: call.params.required("ClientToken"),
    regionId: call.params.optional("RegionId") ?? call.regionId,
  };
  const caster = call.backend.change(call.uid, (account) => copyCaster(account, input, call.nowMs));
  return { CasterId: caster.casterId };
};
