import { z } from "zod";
import { describeValue } from "../../common/check";
import { atMostOneOf, demandsWhen, isSetTo, JsonSchema, onlyWith, withJsonSchema } from "../rules";
import { ASSET_ID_PATTERN, IMAGE_FILE_EXTENSIONS, LIVE_STREAM_PROTOCOLS, MAX_CLIENT_TOKEN_LENGTH, RESOURCE_GROUP_ID_PATTERN } from "../api-facts";
import { clientTokenSchema, clientTokenScopeField } from "../fields/client-token";
import { importIdField } from "../fields/import-id";
import { nameSchema } from "../fields/name";
import { NestedSpec } from "../fields/nested";
import { wholeNumber } from "../fields/numbers";
import { urlSchema } from "../fields/url";
import { connectionField } from "../fields/connection";
import { FieldSpec, KindSpec, schemasOf } from "./kind";

/**
 * A production studio (CreateCaster), its configuration (SetCasterConfig, read back through
 * DescribeCasterConfig) and its run state (StartCaster / StopCaster).
 *
 * The pages, by the names the comments give them:
 * - CREATE: https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-createcaster
 * - SET_CONFIG: https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-setcasterconfig
 */

// The studio's enumerations and limits are API facts (model/api-facts.ts), which the emulator reads too.
export { CASTER_TEMPLATES, LIVE_TEMPLATES, MAX_DELAY_SECONDS, MAX_SIDE_OUTPUTS, NORM_TYPES, RECORD_FORMATS } from "../api-facts";
import { CASTER_TEMPLATES, CHARGE_TYPE, DOMAIN_NAME_PATTERN, LIVE_TEMPLATES, MAX_DELAY_SECONDS, MAX_OSS_OBJECT_PREFIX_BYTES, MAX_SIDE_OUTPUTS, NORM_TYPE, RECORD_FORMATS, SYNC_GROUP_MODE } from "../api-facts";
import { LIGHTWEIGHT_CAROUSEL_DEMANDS, NORM_TYPE_NAMES, NORM_TYPES, PLAYLIST_NORM_TYPE, VIRTUAL_STUDIO_NORM_TYPE } from "../api-facts";

type NormType = (typeof NORM_TYPES)[number];

/** "a, b or c": a list in a sentence. */
function inWords(items: string[], conjunction: string): string {
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}

const rtmpUrl = urlSchema(["rtmp:"], "use an rtmp:// URL: the studio relays over RTMP only.");

const ossObjectPrefixSchema = z.string().max(MAX_OSS_OBJECT_PREFIX_BYTES, { error: `use at most ${MAX_OSS_OBJECT_PREFIX_BYTES} bytes.` });

/** One recording format; the JSON Schema's m3u8 rule is carried by it. */
const recordingFormatSchema = z.strictObject({
  format: z.enum(RECORD_FORMATS, { error: `use one of ${RECORD_FORMATS.join(", ")}.` }),
  ossObjectPrefix: ossObjectPrefixSchema.optional(),
  sliceOssObjectPrefix: ossObjectPrefixSchema.optional(),
  cycleDurationSeconds: wholeNumber(0, undefined, "use whole seconds, 0 or more.").optional(),
}, {
  error: (issue) => issue.code === "unrecognized_keys"
    ? `a format has only format, ossObjectPrefix, sliceOssObjectPrefix and cycleDurationSeconds; remove ${issue.keys.join(", ")}.`
    : "give each format as { format, ossObjectPrefix?, sliceOssObjectPrefix?, cycleDurationSeconds? }.",
});

/** A recording format's fields, as RecordConfig's videoFormat takes them and DescribeCasterConfig's RecordFormat gives them. */
export const RECORDING_FORMAT_FIELDS = {
  format: { api: "Format", as: "text", label: "format" },
  ossObjectPrefix: { api: "OssObjectPrefix", as: "text", label: "object name" },
  sliceOssObjectPrefix: { api: "SliceOssObjectPrefix", as: "text", label: "segment name" },
  cycleDurationSeconds: { api: "CycleDuration", as: "number", label: "cycle" },
} as const satisfies NestedSpec;

/** One sync group; the JSON Schema's streamer rule is carried by it. */
const syncGroupSchema = z.strictObject({
  mode: z.union([z.literal(SYNC_GROUP_MODE.streamer), z.literal(SYNC_GROUP_MODE.conference)], { error: "use 0 (streamer: the sources follow the host) or 1 (conference: all in step)." }),
  hostResourceId: z.string().min(1).optional(),
  resourceIds: z.array(z.string().min(1)).min(1, { error: "give at least one source's resourceId." }),
}, { error: "each sync group is { mode, resourceIds, hostResourceId? }." });

const recordingSchema = z.strictObject({
  ossEndpoint: z.string().min(1, { error: "give the OSS endpoint, e.g. oss-cn-shanghai.aliyuncs.com." }),
  ossBucket: z.string().min(1, { error: "give the OSS bucket's name." }),
  formats: z.array(recordingFormatSchema)
    .min(1, { error: "give at least one format." }),
}, {
  error: (issue) => issue.code === "unrecognized_keys"
    ? `recording has only ossEndpoint, ossBucket and formats; remove ${issue.keys.join(", ")}.`
    : "give recording as { ossEndpoint, ossBucket, formats }.",
});

const fields = {
  casterName: {
    schema: nameSchema("the studio a name", 128).optional().describe("the studio's name"),
    label: "name",
    doc: "The studio's name in the console.",
    default: "none (the console shows the studio's ID)",
    onChange: "update",
    api: "CasterName",
  },
  normType: {
    schema: z.union(NORM_TYPES.map((type) => z.literal(type)) as unknown as [z.ZodLiteral<NormType>, z.ZodLiteral<NormType>], {
      error: `use ${inWords(NORM_TYPES.map((type) => `${type} for ${NORM_TYPE_NAMES[type]}`), "or")}.`,
    })
      .describe(NORM_TYPES.map((type) => `${type} ${NORM_TYPE_NAMES[type]}`).join(", ")),
    label: "type",
    doc: `1 a general studio; 6 a carousel (playlist) studio, which plays episode groups and takes no video sources; ${PLAYLIST_NORM_TYPE} a lightweight carousel studio (China site), the only one with a playlist (CasterPlaylist): it needs casterTemplate \`${LIGHTWEIGHT_CAROUSEL_DEMANDS.casterTemplate}\`, programEffect 1 and channel mode off; ${VIRTUAL_STUDIO_NORM_TYPE} a virtual studio (China site), the only one with studio layouts (CasterStudioLayout).`,
    onChange: "replace",
    onChangeNote: "a new studio: its sources and scenes are made again",
    api: "NormType",
  },
  casterTemplate: {
    schema: z.enum([...CASTER_TEMPLATES, LIGHTWEIGHT_CAROUSEL_DEMANDS.casterTemplate], {
      error: `use one of ${CASTER_TEMPLATES.join(", ")} (ld, sd, hd, ud; _v for portrait), or ${LIGHTWEIGHT_CAROUSEL_DEMANDS.casterTemplate} (no transcoding) for ${NORM_TYPE_NAMES[PLAYLIST_NORM_TYPE]}, normType ${PLAYLIST_NORM_TYPE}.`,
    })
      .describe("the output resolution template, e.g. lp_sd"),
    label: "output template",
    doc: `The output's resolution: \`lp_ld\`, \`lp_sd\`, \`lp_hd\`, \`lp_ud\` (low, standard, high, ultra definition), with \`_v\` for portrait; \`${LIGHTWEIGHT_CAROUSEL_DEMANDS.casterTemplate}\` (no transcoding) for a lightweight carousel studio (normType ${PLAYLIST_NORM_TYPE}), and only for it. Sent at creation and as the transcoding template of the configuration.`,
    onChange: "update",
    api: "CasterTemplate",
  },
  chargeType: {
    schema: z.literal(CHARGE_TYPE, { error: `use ${CHARGE_TYPE}: the only billing the API offers for a new studio.` }).optional(),
    label: "billing",
    doc: `How the studio is billed: \`${CHARGE_TYPE}\` (pay as you go), the only one CreateCaster takes.`,
    default: CHARGE_TYPE,
    onChange: "replace",
    api: "ChargeType",
    whenOmitted: CHARGE_TYPE,
  },
  resourceGroupId: {
    schema: z.string().regex(RESOURCE_GROUP_ID_PATTERN, { error: "use a resource group ID such as rg-acfmxazb4ph6aiy." }).optional(),
    label: "resource group",
    doc: "The resource group the studio belongs to. A change moves the studio to the new group in place (UpdateCasterResourceGroup): the same studio, with its sources, layouts, scenes and episodes. The account needs permission on both groups.",
    default: "the account's default group",
    onChange: "update",
    onChangeNote: "UpdateCasterResourceGroup moves the same studio, with everything on it, to the new group",
    api: "ResourceGroupId",
    whenOmitted: "not compared",
  },
  tags: {
    schema: z.record(z.string().min(1, { error: "use a key of 1 to 128 characters." }).max(128, { error: "use a key of 1 to 128 characters." }), z.string().max(128, { error: "use a value of at most 128 characters." }), { error: "give tags as { key: value }." }).optional()
      .describe("the studio's tags, { key: value }"),
    doc: "The studio's tags, `{ key: value }` (CreateCaster's Tag.N.Key / Tag.N.Value), keys and values up to 128 characters.",
    default: "none",
    onChange: "replace",
    onChangeNote: "the Caster operations set tags only when a studio is made",
    whenOmitted: "not compared",
    sdkType: "Record<string, string>",
  },
  domainName: {
    schema: z.string().regex(DOMAIN_NAME_PATTERN, { error: "use the studio's streaming domain, e.g. live.example.com." })
      .optional().describe("the studio's streaming domain"),
    label: "streaming domain",
    doc: "The streaming domain the studio outputs on. StartCaster needs one, and a new studio has none: `running: true` needs it, except on an adopted studio (importId) that already has one. Changing it needs the studio stopped.",
    default: "not managed: the studio's own value is kept (a new studio has none)",
    onChange: "update",
    api: "DomainName",
    whenOmitted: "not compared",
    // SetCasterConfig's page: "Configure the domain name before you start the production studio."
    needsStop: "any change",
  },
  callbackUrl: {
    schema: urlSchema(["http:", "https:"], "use an http(s) URL.").optional().describe("the studio's callback URL"),
    label: "callback URL",
    doc: "The http(s) URL that receives the studio's events. A signed URL is stored as a secret.",
    default: "not managed: the studio's own value is kept",
    onChange: "update",
    api: "CallbackUrl",
    whenOmitted: "not compared",
    secretWhenSigned: true,
  },
  sideOutputUrl: {
    schema: rtmpUrl.optional().describe("an RTMP relay of the output"),
    label: "relay URL",
    doc: "An rtmp:// address the program output is relayed to. A signed URL is stored as a secret.",
    default: "not managed: the studio's own value is kept",
    onChange: "update",
    api: "SideOutputUrl",
    whenOmitted: "not compared",
    secretWhenSigned: true,
  },
  sideOutputUrls: {
    schema: z.array(rtmpUrl, { error: "give a list of rtmp:// URLs." })
      .max(MAX_SIDE_OUTPUTS, { error: `use at most ${MAX_SIDE_OUTPUTS} relay URLs.` }).optional()
      .describe(`up to ${MAX_SIDE_OUTPUTS} RTMP relays`),
    label: "relay URLs",
    doc: `Up to ${MAX_SIDE_OUTPUTS} rtmp:// addresses the output is relayed to (SideOutputUrlList). A list with a signed URL is stored as a secret.`,
    default: "not managed: the studio's own value is kept",
    onChange: "update",
    api: "SideOutputUrlList",
    whenOmitted: "not compared",
    sdkType: "string[]",
  },
  delaySeconds: {
    schema: z.number().min(0, { error: `use 0 to ${MAX_DELAY_SECONDS} seconds.` })
      .max(MAX_DELAY_SECONDS, { error: `use 0 to ${MAX_DELAY_SECONDS} seconds.` }).optional()
      .describe(`the output delay, 0 to ${MAX_DELAY_SECONDS} seconds`),
    label: "delay",
    doc: `How long the output is held back, in seconds, 0 to ${MAX_DELAY_SECONDS} (Delay). 0 is no delay.`,
    default: "not managed: the studio's own value is kept",
    onChange: "update",
    api: "Delay",
    whenOmitted: "not compared",
  },
  liveTemplates: {
    schema: z.array(z.enum(LIVE_TEMPLATES, { error: `use ${LIVE_TEMPLATES.join(", ")}.` })).optional()
      .describe("the live transcoding templates of the output"),
    label: "live transcoding templates",
    doc: `The live transcoding templates the output is also served in: ${LIVE_TEMPLATES.map((name) => `\`${name}\``).join(", ")}.`,
    default: "not managed: the studio's own value is kept",
    onChange: "update",
    whenOmitted: "not compared",
  },
  recording: {
    schema: recordingSchema.optional().describe("where and how the output is recorded"),
    label: "recording",
    doc: "Recording of the output to OSS: `{ ossEndpoint, ossBucket, formats: [{ format: m3u8|flv|mp4, ossObjectPrefix?, sliceOssObjectPrefix?, cycleDurationSeconds? }] }`; m3u8 needs `sliceOssObjectPrefix`.",
    default: "not managed: the studio's own value is kept",
    onChange: "update",
    whenOmitted: "not compared",
  },
  standbyLiveStreamUrl: {
    schema: urlSchema(LIVE_STREAM_PROTOCOLS, "use a stream URL starting with rtmp://, rtmps://, http://, https://, artc:// or srt://.").optional()
      .describe("the standby live stream"),
    label: "standby live stream",
    doc: "A live stream the studio can switch to in an emergency (UrgentLiveStreamUrl). A signed URL is stored as a secret.",
    default: "not managed: the studio's own value is kept",
    onChange: "update",
    api: "UrgentLiveStreamUrl",
    whenOmitted: "not compared",
    secretWhenSigned: true,
  },
  standbyMaterialId: {
    schema: z.string().regex(ASSET_ID_PATTERN, { error: "use a media-library asset ID." }).optional().describe("the standby file"),
    label: "standby file",
    doc: "A media-library file the studio can switch to in an emergency (UrgentMaterialId).",
    default: "not managed: the studio's own value is kept",
    onChange: "update",
    api: "UrgentMaterialId",
    whenOmitted: "not compared",
  },
  standbyImageUrl: {
    schema: urlSchema(["http:", "https:"], "use an http(s) URL of a JPG or PNG image.", IMAGE_FILE_EXTENSIONS).optional()
      .describe("the standby image"),
    label: "standby image",
    doc: "An image the studio can switch to in an emergency (UrgentImageUrl). A signed URL is stored as a secret.",
    default: "not managed: the studio's own value is kept",
    onChange: "update",
    api: "UrgentImageUrl",
    whenOmitted: "not compared",
    secretWhenSigned: true,
  },
  standbyImageId: {
    schema: z.string().regex(ASSET_ID_PATTERN, { error: "use a media-library image ID." }).optional().describe("the standby image asset"),
    doc: "A media-library image the studio can switch to in an emergency (UrgentImageId).",
    default: "not managed: the studio's own value is kept",
    onChange: "update",
    api: "UrgentImageId",
    whenOmitted: "not compared",
  },
  standbySwitchAfterSeconds: {
    schema: z.number().positive({ error: "use a number of seconds above 0." }).optional()
      .describe("how long an interruption lasts before the switch"),
    doc: "How many seconds the program's input may break off before the studio switches to standby by itself (AutoSwitchUrgentConfig's eofThres).",
    default: "not managed: the studio's own value is kept",
    onChange: "update",
    whenOmitted: "not compared",
  },
  autoSwitchToStandby: {
    schema: z.boolean({ error: "use true or false." }).optional().describe("whether the studio switches to standby by itself"),
    label: "automatic switch to standby",
    doc: "Whether the studio switches to its standby source by itself when the program's input breaks off (AutoSwitchUrgentOn).",
    default: "not managed: the studio's own value is kept",
    onChange: "update",
    whenOmitted: "not compared",
  },
  syncGroups: {
    schema: z.array(syncGroupSchema).optional()
      .describe("groups of sources played in sync"),
    doc: "Groups of sources kept in sync (SyncGroupsConfig): `{ mode: 0 (streamer: the sources follow `hostResourceId`) or 1 (conference), resourceIds: [...] }`, with the sources' `resourceId` outputs.",
    default: "not managed: the studio's own value is kept",
    onChange: "update",
    whenOmitted: "not compared",
  },
  programName: {
    schema: nameSchema("the program a name", 128).optional().describe("the program's name"),
    label: "program name",
    doc: "The name of the studio's program (its schedule).",
    default: "not managed: the studio's own value is kept",
    onChange: "update",
    api: "ProgramName",
    whenOmitted: "not compared",
  },
  programEffect: {
    schema: z.union([z.literal(0), z.literal(1)], { error: "use 1 to put the program (schedule) in effect, 0 to hold it." }).optional(),
    label: "program",
    doc: "1 puts the studio's program (its schedule of episodes) in effect; 0 holds it.",
    default: "not managed: the studio's own value is kept",
    onChange: "update",
    api: "ProgramEffect",
    whenOmitted: "not compared",
  },
  channelMode: {
    schema: z.boolean({ error: "use true or false." }).optional().describe("whether the studio runs in channel mode"),
    label: "channel mode",
    doc: "Channel mode (ChannelEnable). One-way: once on, the API cannot turn it off; turning it on needs the studio stopped and discards its layouts.",
    default: "not managed: the studio's own value is kept",
    onChange: "update",
    whenOmitted: "not compared",
    // SetCasterConfig's page, ChannelEnable: "To enable Channel for the first time, the production studio must be stopped."
    needsStop: "turning on",
  },
  running: {
    schema: z.boolean({ error: "use true to start the studio (on air) or false to stop it." }).optional()
      .describe("whether the studio is started"),
    doc: "Whether the studio is started (StartCaster) or stopped (StopCaster). A started studio has its PVW and PGM scenes and is billed as running.",
    default: "false",
    onChange: "update",
    whenOmitted: false,
  },
  allowStopOnAir: {
    schema: z.boolean({ error: "use true or false." }).optional(),
    doc: "Allows a change that needs the studio stopped (turning channel mode on, changing the domain, or a change that replaces it) while it is on air: the studio is stopped, changed, and started again (one replaced is stopped and deleted). Without it the preview refuses such a change and the studio stays on air. It does not guard deleting the studio (`pulumi destroy`, or the studio taken out of the program), which stops it if it is on air, then deletes it: guard a production studio with Pulumi's `protect: true` on it and on everything in it (a Studio passes its own to all it declares).",
    default: "false",
    onChange: "update",
    onChangeNote: "stored only: no API call",
    whenOmitted: false,
  },
  clientToken: {
    schema: clientTokenSchema,
    doc: `The ClientToken of CreateCaster, printable ASCII, at most ${MAX_CLIENT_TOKEN_LENGTH} characters: a retry, a lost reply or a killed \`pulumi up\` never makes a second studio.`,
    default: "derived from the project, stack and resource name",
    onChange: "ignore",
    api: "ClientToken",
  },
  clientTokenScope: clientTokenScopeField,
  importId: importIdField({
    noun: "studio",
    form: "<casterId>",
    example: "LIVEPRODUCER_POST-cn-0pp1czt1234",
    withStudio: false,
    foundWith: "DescribeCasters, or the console",
    adopting: "What only a new studio could change (`normType`, `chargeType`, and `tags` when declared) must already be as declared; a declared `resourceGroupId` it is not in moves it there (UpdateCasterResourceGroup); its configuration is compared with what SetCasterConfig would send, and its run state with `running`: SetCasterConfig, StartCaster or StopCaster is sent only for what differs, so a studio that already matches is taken over with no call that changes anything.",
    default: "none: a new studio is made",
  }),
  connection: connectionField,
} as const;

type Fields = typeof fields;
export type CasterInputs = z.infer<z.ZodObject<{ -readonly [K in keyof Fields]: Fields[K]["schema"] }>>;
export type RecordingConfig = z.infer<typeof recordingSchema>;

/** The settings of the configuration a studio keeps when the program leaves them out. */
export const CONFIG_PROPERTIES = [
  "domainName", "callbackUrl", "sideOutputUrl", "sideOutputUrls", "delaySeconds", "liveTemplates", "recording",
  "standbyLiveStreamUrl", "standbyMaterialId", "standbyImageUrl", "standbyImageId", "standbySwitchAfterSeconds", "autoSwitchToStandby",
  "syncGroups", "programName", "programEffect", "channelMode",
] as const satisfies readonly (keyof Fields)[];

/** What m3u8 lacks without sliceOssObjectPrefix: said by the check and by the JSON Schema alike. */
const NEEDS_SEGMENT_NAMES = "sliceOssObjectPrefix, the name of its TS segments (e.g. \"record/{AppName}/{StreamName}/{UnixTimestamp}_{Sequence}\"); add it.";

/** A carousel studio (NormType 6) has no video sources and plays no standby; m3u8 needs its segments' name. */
const m3u8NeedsSegmentNames = withJsonSchema<CasterInputs>((known) => {
  const formats = known.recording?.formats ?? [];
  const index = formats.findIndex((format) => format.format === "m3u8" && !format.sliceOssObjectPrefix);
  if (index === -1) return undefined;
  return {
    property: "recording",
    path: ["recording", "formats", index, "sliceOssObjectPrefix"],
    reason: `recording.formats[${index}] records m3u8 ${describeValue(formats[index])}, which needs ${NEEDS_SEGMENT_NAMES}`,
  };
}, {
  on: recordingFormatSchema,
  write: (json) => Object.assign(json, {
    if: isSetTo("format", "m3u8"),
    // minLength: an empty prefix names no segment, as the check's falsy test has it.
    then: { required: ["sliceOssObjectPrefix"], properties: { sliceOssObjectPrefix: { minLength: 1 } }, errorMessage: `m3u8 needs ${NEEDS_SEGMENT_NAMES}` },
  }),
});

/** What a streamer group lacks without its host: said by the check and by the JSON Schema alike. */
const FOLLOWS_A_HOST = "follows a host: set its hostResourceId to the host source's resourceId, or use mode 1 (conference).";

/** Streamer mode follows its host: a group in mode 0 names it. */
const streamerNeedsHost = withJsonSchema<CasterInputs>((known) => {
  const index = (known.syncGroups ?? []).findIndex((group) => group.mode === SYNC_GROUP_MODE.streamer && !group.hostResourceId);
  if (index === -1) return undefined;
  return {
    property: "syncGroups",
    path: ["syncGroups", index, "hostResourceId"],
    reason: `syncGroups[${index}] is in streamer mode (0), which ${FOLLOWS_A_HOST}`,
  };
}, {
  on: syncGroupSchema,
  write: (json) => Object.assign(json, {
    if: isSetTo("mode", SYNC_GROUP_MODE.streamer),
    then: { required: ["hostResourceId"], errorMessage: `a sync group in streamer mode (0) ${FOLLOWS_A_HOST}` },
  }),
});

/** Only one standby source at a time: the studio switches to it, so it must be one thing. */
const oneStandby = atMostOneOf<CasterInputs>(
  ["standbyLiveStreamUrl", "standbyMaterialId", "standbyImageUrl", "standbyImageId"],
  { conflict: "a studio has one standby source", fix: "keep one" },
);

/**
 * What a playlist asks of its studio (AddPlaylistItems' CasterId, model/api-facts.ts LIGHTWEIGHT_CAROUSEL_DEMANDS):
 * refused at preview, where the playlist's first add would be refused after the studio is made.
 */
const LIGHTWEIGHT_CAROUSEL = "a lightweight carousel studio";
const lightweightCarouselRules = [
  ...demandsWhen<CasterInputs>("normType", PLAYLIST_NORM_TYPE, LIGHTWEIGHT_CAROUSEL, {
    casterTemplate: { value: LIGHTWEIGHT_CAROUSEL_DEMANDS.casterTemplate },
    programEffect: { value: LIGHTWEIGHT_CAROUSEL_DEMANDS.programEffect },
    // channelEnable 0: a new studio's channel mode is off, and the API cannot turn it off again.
    channelMode: { value: false, omittedIsFine: true },
  }),
  onlyWith<CasterInputs>("casterTemplate", LIGHTWEIGHT_CAROUSEL_DEMANDS.casterTemplate, "normType", PLAYLIST_NORM_TYPE, LIGHTWEIGHT_CAROUSEL),
];

/**
 * A started studio outputs on its domain: SET_CONFIG, DomainName: "Configure the domain name before
 * you start the production studio", and CreateCaster takes none (CreateCasterRequest.ts), so a new
 * studio has no domain and StartCaster refuses it. Refused at preview with 0 calls. An adopted
 * studio (importId) may have its own: the provider reads it at adoption and refuses there if it has none.
 */
const RUNNING_NEEDS_A_DOMAIN = "running true starts the studio, and StartCaster needs a streaming domain (SetCasterConfig's DomainName: \"Configure the domain name before you start the production studio\"), which a new studio does not have";
const RUNNING_NEEDS_A_DOMAIN_FIX = "set domainName to the domain the studio outputs on (e.g. live.example.com), or set running: false";
export const runningNeedsADomain = withJsonSchema<CasterInputs>((known, unknown) => {
  if (known.running !== true || known.domainName !== undefined || unknown.has("domainName")) return undefined;
  if (known.importId !== undefined || unknown.has("importId")) return undefined;
  return { property: "domainName", reason: `${RUNNING_NEEDS_A_DOMAIN}, but domainName is not set; ${RUNNING_NEEDS_A_DOMAIN_FIX}.` };
}, {
  exceptAdopted: true,
  write: (json) => {
    json.allOf = [...(json.allOf as JsonSchema[] | undefined) ?? [], {
      if: isSetTo("running", true),
      then: { required: ["domainName"], errorMessage: `${RUNNING_NEEDS_A_DOMAIN}; ${RUNNING_NEEDS_A_DOMAIN_FIX}.` },
    }];
  },
});

export const caster: KindSpec<Fields> = {
  type: "Caster",
  provider: "studio",
  noun: "studio",
  doc: "An ApsaraVideo Live production studio: made with CreateCaster, configured as a whole with SetCasterConfig (every declared setting; what is not declared keeps the studio's value), read back setting by setting, and started or stopped as `running` says.",
  fields,
  outputs: {
    casterId: { doc: "The studio's ID (CasterId), e.g. `LIVEPRODUCER_POST-cn-0pp1czt1234`.", sdkType: "string", api: "CasterId" },
    status: { doc: "The API's Status: 0 idle, 1 streaming.", sdkType: "number", api: "Status" },
    pvwSceneId: { doc: "The preview (PVW) scene's ID, once the studio has been started.", sdkType: "string | undefined" },
    pgmSceneId: { doc: "The program (PGM) scene's ID, once the studio has been started.", sdkType: "string | undefined" },
    pgmStreamUrl: { doc: "The program output's stream URL while the studio runs (a secret: it is signed).", sdkType: "string | undefined" },
  },
  operations: { create: "CreateCaster", read: "DescribeCasters", update: "SetCasterConfig", delete: "DeleteCaster" },
  id: ["casterId"],
  goneCodes: ["InvalidCaster.NotFound"],
  deleteBeforeReplace: false,
  rules: [m3u8NeedsSegmentNames, oneStandby, streamerNeedsHost, ...lightweightCarouselRules, runningNeedsADomain],
  studioFile: { section: "caster", doc: "the studio itself: an existing one by ID, or a new one with its configuration" },
};

export const casterFields = schemasOf(caster);

/** The declared changes the API takes only while the studio is stopped (the fields marked `needsStop`). */
export function changesNeedingStop(olds: Partial<CasterInputs>, news: Partial<CasterInputs>): (keyof CasterInputs)[] {
  return (Object.entries(caster.fields) as [keyof CasterInputs, FieldSpec][]).filter(([name, field]) => {
    if (field.needsStop === "turning on") return news[name] === true && olds[name] !== true;
    if (field.needsStop === "any change") return news[name] !== undefined && olds[name] !== undefined && news[name] !== olds[name];
    return false;
  }).map(([name]) => name);
}
export const casterSpec = { fields: casterFields, rules: caster.rules };

/**
 * Channel mode is one-way: SetCasterConfigRequest.ts (official SDK, live-20161101), ChannelEnable:
 * "Channel is disabled by default and cannot be disabled after it is enabled", and leaving it out
 * once on is InvalidCaster.ChannelDisableUnsupported. Refused, not a replacement: a replacement
 * would delete the studio with its sources, layouts and stream URLs for a switch that only looks
 * like a setting. Undefined when the change is allowed.
 */
export function channelModeTurnedOff(casterId: string, studioHas: Partial<CasterInputs>, declared: Partial<CasterInputs>): string | undefined {
  if (studioHas.channelMode !== true || declared.channelMode !== false) return undefined;
  return `channelMode false: studio ${casterId} has channel mode on, and the API cannot turn it off (SetCasterConfig's ChannelEnable: ` +
    "\"cannot be disabled after it is enabled\"). Keep channelMode: true or leave it out; a studio without channel mode is a new studio: " +
    "declare another Caster (and its sources, layouts and scenes), and remove this one once nothing uses it.";
}

