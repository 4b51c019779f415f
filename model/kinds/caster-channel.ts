import { z } from "zod";
import { CHANNEL_ID_PATTERN, CHANNEL_ID_RULE, CHANNEL_PLAY_STATUS, FACE_BEAUTY_VALUES, INT32_MAX } from "../api-facts";
import { wholeNumber } from "../fields/numbers";
import { connectionField } from "../fields/connection";
import { casterIdSchema } from "./caster-video-resource";
import { KindSpec, schemasOf } from "./kind";

/**
 * A channel of a channel-mode studio (the Caster's `channelMode`, SetCasterConfig ChannelEnable 1)
 * and the video source it plays. In channel mode a layout's VideoLayer and MixList name channels,
 * not sources (SetCasterConfigRequest.ts, ChannelEnable: "Resources must first be assigned to a
 * Channel, and new layouts directly reference the Channel"), so a channel is what sits between a
 * source and the screen: SetCasterChannel puts a source on it, DescribeCasterChannels lists them.
 *
 * Which of SetCasterChannel's parameters are settings and which are operations of a broadcast:
 * the source (ResourceId) and the face retouching (FaceBeauty) are settings, declared and compared:
 * DescribeCasterChannels reports them. PlayStatus and SeekOffset are what an operator does during
 * the broadcast (pause a clip, jump in it): no reply reports them, so a declared value could never
 * be compared with what plays; they say how the source starts when it is put on the channel (made,
 * or moved to another source), and a change of them alone calls nothing.
 */

const fields = {
  casterId: {
    schema: casterIdSchema,
    doc: "The production studio's ID. The studio must be in channel mode (its Caster's `channelMode: true`): SetCasterChannel refuses a studio without channels.",
    onChange: "replace",
    api: "CasterId",
  },
  channelId: {
    schema: z.string().regex(CHANNEL_ID_PATTERN, { error: CHANNEL_ID_RULE }).describe("the channel, RV01 to RV12"),
    doc: "The channel, `RV01` to `RV12` (SetCasterChannel's ChannelId: the studio's channels are fixed when it is created). A channel plays one source; a layout of a channel-mode studio names it where it would name a source's position.",
    onChange: "replace",
    onChangeNote: "the old channel is freed first, so two channels never swap into a collision",
    api: "ChannelId",
  },
  resourceId: {
    schema: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: "use the source's ResourceId (a CasterVideoResource's resourceId output)." })
      .describe("the source the channel plays: a CasterVideoResource's resourceId"),
    doc: "The video source the channel plays: a CasterVideoResource's `resourceId` output, so that the engine makes the source first and frees the channel before it deletes the source. A change moves the channel to the other source (one SetCasterChannel).",
    onChange: "update",
    api: "ResourceId",
  },
  faceBeauty: {
    schema: z.enum(FACE_BEAUTY_VALUES, { error: "use \"0\" (all effects), \"1\" (skin smoothing), \"2\" (skin whitening), \"3\" (dark circle removal) or \"4\" (nasolabial fold removal)." }).optional()
      .describe("face retouching: 0 all, 1 smoothing, 2 whitening, 3 dark circles, 4 nasolabial folds"),
    doc: "Face retouching, as SetCasterChannel's FaceBeauty lists it: `\"0\"` all effects, `\"1\"` skin smoothing, `\"2\"` skin whitening, `\"3\"` dark circle removal, `\"4\"` nasolabial fold removal. The API has no value for none: left out, the channel keeps what it has.",
    label: "face retouching",
    default: "not managed: the channel's own value is kept",
    onChange: "update",
    api: "FaceBeauty",
    whenOmitted: "not compared",
  },
  playStatus: {
    schema: z.enum(Object.keys(CHANNEL_PLAY_STATUS) as ["play", "pause"], { error: "use play or pause." }).optional()
      .describe("whether a video file starts playing or paused on the channel"),
    doc: "Whether a video file starts playing (`play`) or paused (`pause`) when it is put on the channel (SetCasterChannel's PlayStatus; video files only, not live streams). An operation of the broadcast, not a setting: DescribeCasterChannels does not report it, so it is sent when the channel is set or moved to another source, and never compared.",
    label: "play status",
    default: "play",
    onChange: "ignore",
  },
  seekOffset: {
    schema: wholeNumber(0, INT32_MAX, `use whole milliseconds from the first frame, 0 to ${INT32_MAX}.`).optional()
      .describe("where a video file starts on the channel, in ms from its first frame"),
    doc: "Where a video file starts when it is put on the channel, in milliseconds from its first frame (SetCasterChannel's SeekOffset, 0 or more; video files only). An operation of the broadcast, as `playStatus` is: sent when the channel is set or moved, never compared.",
    label: "seek offset",
    default: "0",
    onChange: "ignore",
  },
  connection: connectionField,
} as const;

type Fields = typeof fields;
export type ChannelInputs = z.infer<z.ZodObject<{ -readonly [K in keyof Fields]: Fields[K]["schema"] }>>;

/** The settings that apply to a video file only (SetCasterChannelRequest.ts: "applies only to video files, not live streams"). */
export const FILE_ONLY_CHANNEL_SETTINGS = ["playStatus", "seekOffset"] as const;

export const casterChannel: KindSpec<Fields> = {
  type: "CasterChannel",
  noun: "channel",
  provider: "channel",
  doc: "A channel of a channel-mode studio (RV01 to RV12) and the video source it plays, with face retouching; where a video file starts, and whether it plays or waits, when it is put on the channel. Layouts of a channel-mode studio show channels, not sources.",
  fields,
  outputs: {
    rtmpUrl: { doc: "The channel's own output as RTMP (DescribeCasterChannels' RtmpUrl).", sdkType: "string", api: "RtmpUrl" },
    streamUrl: { doc: "The channel's own output for playback (DescribeCasterChannels' StreamUrl).", sdkType: "string", api: "StreamUrl" },
  },
  operations: { create: "SetCasterChannel", read: "DescribeCasterChannels", update: "SetCasterChannel", delete: "SetCasterChannel" },
  id: ["casterId", "channelId"],
  // The studio gone takes its channels with it.
  goneCodes: ["InvalidCaster.NotFound"],
  deleteBeforeReplace: true,
  rules: [],
  studioFile: { section: "channels", doc: "a channel-mode studio's channels (RV01 to RV12), each with the source it plays" },
};

export const channelFields = schemasOf(casterChannel);
