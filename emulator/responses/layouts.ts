import { errors } from "../errors";
import { addLayout, deleteLayout, listLayouts, modifyLayout } from "../models/layouts";
import { LayoutRecord } from "../models/state";
import { OperationHandler } from "./operation";

/**
 * Layouts. Requests carry every layer value as a string (`VideoLayer.1.HeightNormalized=0.5`,
 * `VideoLayer.1.PositionNormalized.1=0.1`); DescribeCasterLayouts answers numbers, in the SDK's
 * LayoutInDescribeCasterLayouts shapes.
 */

export const AddCasterLayout: OperationHandler<"AddCasterLayout"> = (call) => {
  const p = call.params;
  const casterId = p.required("CasterId");
  // AddCasterLayout's page: BlendList.N and MixList.N are required (as lists, MissingBlendList and MissingMixList).
  const blendList = p.values("BlendList");
  if (!blendList) throw errors.missingRequired("BlendList");
  const mixList = p.values("MixList");
  if (!mixList) throw errors.missingRequired("MixList");
  // The official metadata requires VideoLayer.N and AudioLayer.N as well (model/official/caster-operations.json).
  const input = { casterId, blendList, mixList, videoLayers: p.requiredObjects("VideoLayer"), audioLayers: p.requiredObjects("AudioLayer") };
  const layout = call.backend.change(call.uid, (account) => addLayout(account, input));
  return { LayoutId: layout.layoutId };
};

export const ModifyCasterLayout: OperationHandler<"ModifyCasterLayout"> = (call) => {
  const p = call.params;
  const input = {
    casterId: p.required("CasterId"),
    layoutId: p.required("LayoutId"),
    // The official metadata requires all four lists (model/official/caster-operations.json), as AddCasterLayout's; the
    // gateway has checked the value lists.
    blendList: p.values("BlendList"),
    mixList: p.values("MixList"),
    videoLayers: p.requiredObjects("VideoLayer"),
    audioLayers: p.requiredObjects("AudioLayer"),
  };
  const layout = call.backend.change(call.uid, (account) => modifyLayout(account, input));
  return { LayoutId: layout.layoutId };
};

export const DeleteCasterLayout: OperationHandler<"DeleteCasterLayout"> = (call) => {
  const casterId = call.params.required("CasterId");
  const layoutId = call.params.required("LayoutId");
  call.backend.change(call.uid, (account) => deleteLayout(account, casterId, layoutId));
  return { CasterId: casterId, LayoutId: layoutId };
};

export const DescribeCasterLayouts: OperationHandler<"DescribeCasterLayouts"> = (call) => {
  const casterId = call.params.required("CasterId");
  const layoutId = call.params.optional("LayoutId");
  const layouts = call.backend.read(call.uid, (account) => listLayouts(account, casterId, layoutId));
  return { Total: layouts.length, Layouts: { Layout: layouts.map(describeLayout) } };
};

function describeLayout(layout: LayoutRecord) {
  return {
    LayoutId: layout.layoutId,
    BlendList: { LocationId: layout.blendList },
    MixList: { LocationId: layout.mixList },
    VideoLayers: {
      VideoLayer: layout.videoLayers.map((layer) => ({
        FillMode: layer.fillMode,
        HeightNormalized: layer.heightNormalized,
        WidthNormalized: layer.widthNormalized,
        PositionRefer: layer.positionRefer,
        PositionNormalizeds: { Position: layer.positionNormalized },
        FixedDelayDuration: layer.fixedDelayDuration,
      })),
    },
    AudioLayers: {
      AudioLayer: layout.audioLayers.map((layer) => ({
        VolumeRate: layer.volumeRate,
        ValidChannel: layer.validChannel,
        FixedDelayDuration: layer.fixedDelayDuration,
      })),
    },
  };
}
