import { listChannels, setChannel } from "../models/channels";
import { OperationHandler } from "./operation";

/** A channel-mode studio's channels; the rules are in models/channels.ts. */

export const SetCasterChannel: OperationHandler<"SetCasterChannel"> = (call) => {
  const input = {
    casterId: call.params.required("CasterId"),
    channelId: call.params.required("ChannelId"),
    resourceId: call.params.optionalAllowingEmpty("ResourceId"),
    playStatus: call.params.optionalInteger("PlayStatus"),
    seekOffset: call.params.optionalInteger("SeekOffset"),
    faceBeauty: call.params.optional("FaceBeauty"),
  };
  call.backend.change(call.uid, (account) => setChannel(account, input, call.nowMs));
  return {};
};

export const DescribeCasterChannels: OperationHandler<"DescribeCasterChannels"> = (call) => {
  const casterId = call.params.required("CasterId");
  const channels = call.backend.read(call.uid, (account) => listChannels(account, casterId));
  return {
    Total: channels.length,
    Channels: {
      Channel: channels.map((channel) => ({
        ChannelId: channel.channelId, ResourceId: channel.resourceId, FaceBeauty: channel.faceBeauty,
        RtmpUrl: channel.rtmpUrl, StreamUrl: channel.streamUrl,
      })),
    },
  };
};
