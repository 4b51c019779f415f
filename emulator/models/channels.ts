import { CHANNEL_ID_PATTERN, CHANNEL_PLAY_STATUS, FACE_BEAUTY_VALUES } from "../../model/api-facts";
import { errors } from "../errors";
import { findCaster } from "./casters";
import { apiTime } from "./ids";
import { AccountState, CasterRecord, ChannelRecord } from "./state";

/**
 * A channel-mode studio's channels (SetCasterConfig ChannelEnable 1): SetCasterChannel puts a source in one,
 * DescribeCasterChannels lists them. The rules are the official request and reply models'
 * (github.com/aliyun/alibabacloud-typescript-sdk, live-20161101 SetCasterChannelRequest.ts,
 * DescribeCasterChannelsResponseBody.ts) and the page's
 * (https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-setcasterchannel, SET_CASTER_CHANNEL_PAGE).
 * No page was read for their errors: the codes are chosen (LIMITATIONS).
 */

const PLAY_STATUSES: number[] = Object.values(CHANNEL_PLAY_STATUS);
const FACE_BEAUTY: readonly string[] = FACE_BEAUTY_VALUES;

export interface ChannelInput {
  casterId: string;
  channelId: string;
  resourceId?: string;
  playStatus?: number;
  seekOffset?: number;
  faceBeauty?: string;
}

function channelStudio(account: AccountState, casterId: string): CasterRecord {
  const caster = findCaster(account, casterId);
  // SET_CASTER_CHANNEL_PAGE, ChannelId: "When channels are enabled, the layout references the channel IDs".
  if (caster.config.channelEnable !== 1) {
    throw errors.illegalOperation(`Caster ${caster.casterId} has no channels: enable them with SetCasterConfig ChannelEnable=1 first`);
  }
  return caster;
}

/**
 * SetCasterChannel: the channel's source and playback. SET_CASTER_CHANNEL_PAGE: "You can set a maximum of one resource
 * for each channel"; a setting left out keeps what the channel had (a new channel plays from the first frame).
 */
export function setChannel(account: AccountState, input: ChannelInput, nowMs: number): ChannelRecord {
  const caster = channelStudio(account, input.casterId);
  if (!CHANNEL_ID_PATTERN.test(input.channelId)) {
    throw errors.invalidParameter(`ChannelId ${JSON.stringify(input.channelId)} is not a channel: use RV01 to RV12`);
  }
  // An empty ResourceId frees the channel: the pages say nothing of freeing one; this is the
  // emulator's reading (LIMITATIONS), as a deleted source leaves its channel empty.
  if (input.resourceId && !caster.videoResources[input.resourceId]) throw errors.resourceNotFound(input.resourceId);
  if (input.playStatus !== undefined && !PLAY_STATUSES.includes(input.playStatus)) {
    throw errors.invalidParameter(`PlayStatus ${input.playStatus} is not 1 (play) or 0 (pause)`);
  }
  // SetCasterChannelRequest.ts, SeekOffset: "The value must be greater than or equal to 0".
  if (input.seekOffset !== undefined && input.seekOffset < 0) throw errors.invalidParameter(`SeekOffset ${input.seekOffset} is below 0`);
  if (input.faceBeauty !== undefined && !FACE_BEAUTY.includes(input.faceBeauty)) {
    throw errors.invalidParameter(`FaceBeauty ${JSON.stringify(input.faceBeauty)} is not 0, 1, 2, 3 or 4`);
  }
  const channel = (caster.channels[input.channelId] ??= { channelId: input.channelId, resourceId: "", playStatus: 1, seekOffset: 0, faceBeauty: "" });
  channel.resourceId = input.resourceId ?? channel.resourceId;
  channel.playStatus = input.playStatus ?? channel.playStatus;
  channel.seekOffset = input.seekOffset ?? channel.seekOffset;
  channel.faceBeauty = input.faceBeauty ?? channel.faceBeauty;
  caster.lastModified = apiTime(nowMs);
  return channel;
}

/** DescribeCasterChannels: the channels set, with the URLs of what each outputs on the studio's domain. */
export function listChannels(account: AccountState, casterId: string): (ChannelRecord & { rtmpUrl: string; streamUrl: string })[] {
  const caster = findCaster(account, casterId);
  const domain = caster.config.domainName;
  return Object.values(caster.channels).map((channel) => {
    const stream = `${caster.casterId}_${channel.channelId}`;
    return { ...channel, rtmpUrl: `rtmp://${domain}/caster/${stream}`, streamUrl: `http://${domain}/caster/${stream}.flv` };
  });
}
