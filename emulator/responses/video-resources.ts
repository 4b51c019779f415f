import {
  addVideoResource,
  deleteVideoResource,
  listVideoResources,
  modifyVideoResource,
  VideoSource,
} from "../models/video-resources";
import { VideoResourceRecord } from "../models/state";
import { RequestParams } from "./params";
import { OperationHandler } from "./operation";

export const AddCasterVideoResource: OperationHandler<"AddCasterVideoResource"> = (call) => {
  const p = call.params;
  const input = {
    casterId: p.required("CasterId"),
    resourceName: p.required("ResourceName"),
    locationId: p.optional("LocationId"),
    ...readSource(p),
    ...readPlayback(p),
    fixedDelayDuration: p.optionalInteger("FixedDelayDuration"),
  };
  const record = call.backend.change(call.uid, (account) => addVideoResource(account, input));
  return { ResourceId: record.resourceId };
};

export const ModifyCasterVideoResource: OperationHandler<"ModifyCasterVideoResource"> = (call) => {
  const p = call.params;
  const input = {
    casterId: p.required("CasterId"),
    resourceId: p.required("ResourceId"),
    resourceName: p.optional("ResourceName"),
    ...readSource(p),
    ...readPlayback(p),
  };
  const record = call.backend.change(call.uid, (account) => modifyVideoResource(account, input));
  return { CasterId: input.casterId, ResourceId: record.resourceId };
};

export const DeleteCasterVideoResource: OperationHandler<"DeleteCasterVideoResource"> = (call) => {
  const casterId = call.params.required("CasterId");
  const resourceId = call.params.required("ResourceId");
  call.backend.change(call.uid, (account) => deleteVideoResource(account, casterId, resourceId));
  return {};
};

export const DescribeCasterVideoResources: OperationHandler<"DescribeCasterVideoResources"> = (call) => {
  const casterId = call.params.required("CasterId");
  const resources = call.backend.read(call.uid, (account) => listVideoResources(account, casterId));
  return { Total: resources.length, VideoResources: { VideoResource: resources.map(describeVideoResource) } };
};

function readSource(p: RequestParams<"AddCasterVideoResource" | "ModifyCasterVideoResource">): VideoSource {
  return {
    liveStreamUrl: p.optional("LiveStreamUrl"),
    vodUrl: p.optional("VodUrl"),
    materialId: p.optional("MaterialId"),
    imageId: p.optional("ImageId"),
    imageUrl: p.optional("ImageUrl"),
  };
}

function readPlayback(p: RequestParams<"AddCasterVideoResource" | "ModifyCasterVideoResource">) {
  return {
    beginOffset: p.optionalInteger("BeginOffset"),
    endOffset: p.optionalInteger("EndOffset"),
    repeatNum: p.optionalInteger("RepeatNum"),
    ptsCallbackInterval: p.optionalInteger("PtsCallbackInterval"),
  };
}

/** FixedDelayDuration is not in the API's reply, so it is not here either. */
function describeVideoResource(record: VideoResourceRecord) {
  return {
    ResourceId: record.resourceId,
    ResourceName: record.resourceName,
    LocationId: record.locationId,
    LiveStreamUrl: record.liveStreamUrl,
    VodUrl: record.vodUrl,
    FlvUrl: record.flvUrl,
    MaterialId: record.materialId,
    ImageId: record.imageId,
    ImageUrl: record.imageUrl,
    BeginOffset: record.beginOffset,
    EndOffset: record.endOffset,
    RepeatNum: record.repeatNum,
    PtsCallbackInterval: record.ptsCallbackInterval,
  };
}
