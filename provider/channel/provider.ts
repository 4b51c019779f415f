import { CHANNEL_PLAY_STATUS } from "../../model/api-facts";
import { casterChannel as kind, ChannelInputs } from "../../model/kinds/caster-channel";
import { propertiesFromReply } from "../../model/kinds/kind";
import { itemsOf, Listed, ListItem, LiveClient, ParamsOf, ReplyOf } from "../client/live-client";
import { formatId, kindProvider, parseId } from "../kind-provider";
import { liveClient } from "../runtime";
import { studioListing } from "../shared/studio-listing";

/** What the provider stores for a channel: the inputs as the API has them, and the channel's own output URLs. */
export interface ChannelOutputs extends ChannelInputs {
  rtmpUrl?: string;
  streamUrl?: string;
}

/** One item of DescribeCasterChannels. */
export type ApiChannel = Listed<ListItem<ReplyOf<"DescribeCasterChannels">["Channels"], "Channel">, "ChannelId">;

/** A studio's channels, as DescribeCasterChannels lists them (a freed channel with ResourceId ""). */
export const channels = studioListing({
  describe: "DescribeCasterChannels",
  items: (reply) => itemsOf(reply.Channels?.Channel, "ChannelId"),
  idOf: (channel) => channel.ChannelId,
  noun: "channel",
});

/**
 * The CasterChannel dynamic provider. A channel is a slot the studio has, not an object it makes:
 * SetCasterChannel sets it whole (create, update), and, with an empty ResourceId, frees it
 * (delete). It has no ClientToken and needs none: the channel ends as sent however often the call
 * is repeated, so the client sends it again after a lost reply (model/live-api.ts: "safe").
 */
export const channelProvider = kindProvider<ChannelInputs, ChannelOutputs>(kind, {
  async create(inputs) {
    const client = liveClient();
    // What the channel was before: the listing the creates of the studio's other channels share (a
    // Set of another channel does not change this one; a free of this one, a delete, is seen).
    const current = await channels.find(client, inputs.casterId, inputs.channelId, "before-create");
    // A channel that already plays this source as declared (a studio file exported from a live
    // studio) is taken as it is: playing and seeking are the operator's, not a difference.
    const outs = current && !differs(current, inputs) ? outputsOf(inputs, current) : await setChannel(client, inputs);
    return { id: formatId(kind, outs), outs };
  },

  async read(id, props) {
    const { casterId, channelId } = parseId(kind, id);
    const current = await channels.find(liveClient(), casterId, channelId, "refresh");
    // A freed channel (no source) is the channel deleted.
    if (!current?.ResourceId) return {};
    return { id, props: outputsOf({ ...props, casterId, channelId }, current) };
  },

  async update(_id, _olds, news) {
    return { outs: await setChannel(liveClient(), news) };
  },

  changed(props) {
    if (props.casterId) channels.changed(liveClient(), props.casterId);
  },

  // Freeing a channel is SetCasterChannel with no source: the pages name no other way (LIMITATIONS).
  async deleteParams(id) {
    const { casterId, channelId } = parseId(kind, id);
    return { CasterId: casterId, ChannelId: channelId, ResourceId: "" };
  },
});

/** Whether the channel, as listed, plays another source or with other retouching than declared. */
function differs(current: ApiChannel, inputs: ChannelInputs): boolean {
  return current.ResourceId !== inputs.resourceId || (inputs.faceBeauty !== undefined && current.FaceBeauty !== inputs.faceBeauty);
}

/** SetCasterChannel with every declared setting, then the channel as listed. */
async function setChannel(client: LiveClient, inputs: ChannelInputs): Promise<ChannelOutputs> {
  const params: ParamsOf<"SetCasterChannel"> = {
    CasterId: inputs.casterId,
    ChannelId: inputs.channelId,
    ResourceId: inputs.resourceId,
    FaceBeauty: inputs.faceBeauty,
    PlayStatus: inputs.playStatus === undefined ? undefined : CHANNEL_PLAY_STATUS[inputs.playStatus],
    SeekOffset: inputs.seekOffset,
  };
  await channels.change(client, inputs.casterId, "SetCasterChannel", params);
  return outputsOf(inputs, await channels.readBack(client, inputs.casterId, inputs.channelId));
}

/** The declared inputs with what DescribeCasterChannels reports of the channel (its source, retouching, URLs). */
function outputsOf(inputs: ChannelInputs, channel: ApiChannel): ChannelOutputs {
  return { ...inputs, ...propertiesFromReply(kind, channel as Record<string, unknown>) } as ChannelOutputs;
}
