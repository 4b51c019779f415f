import { setCasterConfig } from "../models/caster-config";
import { createCaster, deleteCaster, findCaster, listCasters, moveCaster } from "../models/casters";
import { listScenes, PGM, PVW, startCaster, stopCaster, streamUrls } from "../models/scenes";
import { CasterConfigRecord, CasterRecord, SceneRecord } from "../models/state";
import { OperationHandler } from "./operation";

export const CreateCaster: OperationHandler<"CreateCaster"> = (call) => {
  const p = call.params;
  const input = {
    clientToken: p.required("ClientToken"),
    normType: p.requiredInteger("NormType"),
    chargeType: p.required("ChargeType"),
    casterName: p.optional("CasterName"),
    casterTemplate: p.optional("CasterTemplate"),
    resourceGroupId: p.optional("ResourceGroupId"),
    tags: p.list("Tag", ["Key", "Value"]).map((tag) => ({ key: tag.Key ?? "", value: tag.Value ?? "" })),
    regionId: p.optional("RegionId") ?? call.regionId,
  };
  const caster = call.backend.change(call.uid, (account) =>
    createCaster(account, input, call.casterDefaults, call.nowMs));
  return { CasterId: caster.casterId };
};

export const DescribeCasters: OperationHandler<"DescribeCasters"> = (call) => {
  const p = call.params;
  const pageNum = p.optionalInteger("PageNum") ?? 1;
  const pageSize = p.optionalInteger("PageSize") ?? 100;
  const filter = {
    casterId: p.optional("CasterId"),
    casterName: p.optional("CasterName"),
    status: p.optionalInteger("Status"),
    normType: p.optionalInteger("NormType"),
  };
  const casters = call.backend.read(call.uid, (account) => listCasters(account, filter));
  const page = casters.slice((pageNum - 1) * pageSize, pageNum * pageSize);
  return { Total: casters.length, CasterList: { Caster: page.map(describeCaster) } };
};

export const DeleteCaster: OperationHandler<"DeleteCaster"> = (call) => {
  const casterId = call.params.required("CasterId");
  call.backend.change(call.uid, (account) => deleteCaster(account, casterId));
  return { CasterId: casterId };
};

/** Everything SetCasterConfig stored, in the reply's shapes; a cleared object setting is left out. */
export const DescribeCasterConfig: OperationHandler<"DescribeCasterConfig"> = (call) => {
  const casterId = call.params.required("CasterId");
  const caster = call.backend.read(call.uid, (account) => findCaster(account, casterId));
  const config = caster.config;
  return {
    CasterId: caster.casterId,
    CasterName: caster.casterName,
    DomainName: config.domainName,
    CallbackUrl: config.callbackUrl,
    SideOutputUrl: config.sideOutputUrl,
    SideOutputUrlList: config.sideOutputUrlList,
    Delay: config.delay,
    ChannelEnable: config.channelEnable,
    ProgramEffect: config.programEffect,
    ProgramName: config.programName,
    // A string in the reply, a Boolean in SetCasterConfig; "false" when it was never set or cleared.
    AutoSwitchUrgentOn: config.autoSwitchUrgentOn || "false",
    AutoSwitchUrgentConfig: config.autoSwitchUrgentConfig,
    UrgentMaterialId: config.urgentMaterialId,
    UrgentImageId: config.urgentImageId,
    UrgentImageUrl: config.urgentImageUrl,
    UrgentLiveStreamUrl: config.urgentLiveStreamUrl,
    ...describeTranscode(config),
    ...describeRecord(config),
    ...(config.syncGroups.length > 0 ? {
      SyncGroupsConfig: {
        SyncGroup: config.syncGroups.map((group) => ({
          Mode: group.mode,
          ...(group.hostResourceId ? { HostResourceId: group.hostResourceId } : {}),
          ResourceIds: { ResourceId: group.resourceIds },
        })),
      },
    } : {}),
  };
};

export const SetCasterConfig: OperationHandler<"SetCasterConfig"> = (call) => {
  const p = call.params;
  const input = {
    casterId: p.required("CasterId"),
    casterName: p.optional("CasterName"),
    domainName: p.optional("DomainName"),
    callbackUrl: p.optional("CallbackUrl"),
    sideOutputUrl: p.optional("SideOutputUrl"),
    sideOutputUrlList: p.optional("SideOutputUrlList"),
    delay: p.optionalFloat("Delay"),
    channelEnable: p.optionalInteger("ChannelEnable"),
    programEffect: p.optionalInteger("ProgramEffect"),
    programName: p.optional("ProgramName"),
    autoSwitchUrgentOn: p.optionalBoolean("AutoSwitchUrgentOn"),
    autoSwitchUrgentConfig: p.optional("AutoSwitchUrgentConfig"),
    urgentMaterialId: p.optional("UrgentMaterialId"),
    urgentImageId: p.optional("UrgentImageId"),
    urgentImageUrl: p.optional("UrgentImageUrl"),
    urgentLiveStreamUrl: p.optional("UrgentLiveStreamUrl"),
    transcodeConfig: p.optional("TranscodeConfig"),
    recordConfig: p.optional("RecordConfig"),
    syncGroupsConfig: p.optional("SyncGroupsConfig"),
  };
  const caster = call.backend.change(call.uid, (account) => setCasterConfig(account, input, call.nowMs));
  return { CasterId: caster.casterId };
};

export const StartCaster: OperationHandler<"StartCaster"> = (call) => {
  const casterId = call.params.required("CasterId");
  const scenes = call.backend.change(call.uid, (account) => startCaster(account, casterId, call.nowMs));
  const sceneInfos = (outputType: number) => ({
    SceneInfo: scenes.filter((scene) => scene.outputType === outputType).map((scene) => ({
      SceneId: scene.sceneId,
      StreamUrl: scene.streamUrl,
      ...(scene.outputType === PGM ? { StreamInfos: describeStreamInfos(scene) } : {}),
    })),
  });
  return { PvwSceneInfos: sceneInfos(PVW), PgmSceneInfos: sceneInfos(PGM) };
};

export const StopCaster: OperationHandler<"StopCaster"> = (call) => {
  const casterId = call.params.required("CasterId");
  call.backend.change(call.uid, (account) => stopCaster(account, casterId, call.nowMs));
  return {};
};

export const UpdateCasterResourceGroup: OperationHandler<"UpdateCasterResourceGroup"> = (call) => {
  const casterId = call.params.required("CasterId");
  const newResourceGroupId = call.params.required("NewResourceGroupId");
  call.backend.change(call.uid, (account) => moveCaster(account, casterId, newResourceGroupId, call.nowMs));
  return {};
};

export const DescribeCasterScenes: OperationHandler<"DescribeCasterScenes"> = (call) => {
  const casterId = call.params.required("CasterId");
  const sceneId = call.params.optional("SceneId");
  const scenes = call.backend.read(call.uid, (account) => listScenes(account, casterId, sceneId));
  return {
    Total: scenes.length,
    SceneList: {
      Scene: scenes.map((scene) => ({
        SceneId: scene.sceneId,
        SceneName: scene.sceneName,
        // A string here, an integer in DescribeCasterStreamUrl, as the SDK's structs have them.
        OutputType: String(scene.outputType),
        Status: scene.status,
        StreamUrl: scene.streamUrl,
        LayoutId: scene.layoutId,
        ComponentIds: { componentId: scene.componentIds },
        StreamInfos: describeStreamInfos(scene),
      })),
    },
  };
};

export const DescribeCasterStreamUrl: OperationHandler<"DescribeCasterStreamUrl"> = (call) => {
  const casterId = call.params.required("CasterId");
  const scenes = call.backend.read(call.uid, (account) => streamUrls(account, casterId));
  return {
    CasterId: casterId,
    Total: scenes.length,
    CasterStreams: {
      CasterStream: scenes.map((scene) => ({
        SceneId: scene.sceneId,
        OutputType: scene.outputType,
        StreamUrl: scene.streamUrl,
        RtmpUrl: scene.rtmpUrl,
        StreamInfos: describeStreamInfos(scene),
      })),
    },
  };
};

function describeStreamInfos(scene: SceneRecord) {
  return {
    StreamInfo: scene.streamInfos.map((info) => ({
      VideoFormat: info.videoFormat,
      TranscodeConfig: info.transcodeConfig,
      OutputStreamUrl: info.outputStreamUrl,
    })),
  };
}

function describeTranscode(config: CasterConfigRecord) {
  const { casterTemplate, liveTemplateIds } = config.transcode;
  if (!casterTemplate && liveTemplateIds.length === 0) return {};
  return { TranscodeConfig: { CasterTemplate: casterTemplate, LiveTemplateIds: { LocationId: liveTemplateIds } } };
}

function describeRecord(config: CasterConfigRecord) {
  const record = config.record;
  if (!record) return {};
  return {
    RecordConfig: {
      OssEndpoint: record.ossEndpoint,
      OssBucket: record.ossBucket,
      OnDemand: record.onDemand,
      RecordFormat: {
        RecordFormat: record.formats.map((format) => ({
          Format: format.format,
          OssObjectPrefix: format.ossObjectPrefix,
          SliceOssObjectPrefix: format.sliceOssObjectPrefix,
          ...(format.cycleDuration ? { CycleDuration: format.cycleDuration } : {}),
        })),
      },
    },
  };
}

function describeCaster(caster: CasterRecord) {
  return {
    CasterId: caster.casterId,
    CasterName: caster.casterName,
    CasterTemplate: caster.config.transcode.casterTemplate,
    ChannelEnable: caster.config.channelEnable,
    ChargeType: caster.chargeType,
    CreateTime: caster.createTime,
    LastModified: caster.lastModified,
    NormType: caster.normType,
    PurchaseTime: caster.createTime,
    ResourceGroupId: caster.resourceGroupId,
    // Returned while the studio is streaming (DescribeCasters' StartTime).
    ...(caster.status === 1 ? { StartTime: caster.startTime } : {}),
    Status: caster.status,
    Tags: { tag: caster.tags.map((tag) => ({ TagKey: tag.key, TagValue: tag.value })) },
  };
}
