import { deleteSceneConfig, sceneAudio, setSceneConfig, updateSceneAudio, updateSceneConfig } from "../models/scene-config";
import { OperationHandler } from "./operation";

/** What a scene shows (its layout and components) and plays (its audio). DescribeCasterScenes is in casters.ts. */

export const SetCasterSceneConfig: OperationHandler<"SetCasterSceneConfig"> = (call) => {
  const p = call.params;
  const input = {
    casterId: p.required("CasterId"),
    sceneId: p.required("SceneId"),
    layoutId: p.optional("LayoutId"),
    componentIds: p.values("ComponentId"),
  };
  call.backend.change(call.uid, (account) => setSceneConfig(account, input));
  return {};
};

export const UpdateCasterSceneConfig: OperationHandler<"UpdateCasterSceneConfig"> = (call) => {
  const p = call.params;
  const input = {
    casterId: p.required("CasterId"),
    sceneId: p.required("SceneId"),
    layoutId: p.required("LayoutId"),
    componentIds: p.values("ComponentId"),
  };
  call.backend.change(call.uid, (account) => updateSceneConfig(account, input));
  return {};
};

export const DeleteCasterSceneConfig: OperationHandler<"DeleteCasterSceneConfig"> = (call) => {
  const p = call.params;
  const casterId = p.required("CasterId");
  const sceneId = p.required("SceneId");
  const type = p.required("Type");
  call.backend.change(call.uid, (account) => deleteSceneConfig(account, casterId, sceneId, type));
  return {};
};

export const DescribeCasterSceneAudio: OperationHandler<"DescribeCasterSceneAudio"> = (call) => {
  const casterId = call.params.required("CasterId");
  const sceneId = call.params.required("SceneId");
  const audio = call.backend.read(call.uid, (account) => sceneAudio(account, casterId, sceneId));
  return {
    CasterId: casterId,
    FollowEnable: audio.followEnable,
    MixList: { LocationId: audio.mixList },
    // Filter has no field in the SDK's reply.
    AudioLayers: {
      AudioLayer: audio.audioLayers.map((layer) => ({
        VolumeRate: layer.volumeRate,
        ValidChannel: layer.validChannel,
        FixedDelayDuration: layer.fixedDelayDuration,
      })),
    },
  };
};

export const UpdateCasterSceneAudio: OperationHandler<"UpdateCasterSceneAudio"> = (call) => {
  const p = call.params;
  const input = {
    casterId: p.required("CasterId"),
    sceneId: p.required("SceneId"),
    followEnable: p.optionalInteger("FollowEnable"),
    mixList: p.values("MixList"),
    audioLayers: p.objects("AudioLayer"),
  };
  call.backend.change(call.uid, (account) => updateSceneAudio(account, input));
  return {};
};
