import { z } from "zod";
import { CheckFailure, CrossFieldRule, describeValue, InputSpec } from "../shared/check";
import { nameSchema } from "../shared/name";
import { urlSchema } from "../shared/url";
import { parseVideoResourceId } from "./id";

/** The rules for a video source's inputs, as data: one zod schema per property, and the rules across them. */

export const LOCATION_ID_PATTERN = /^RV(0[1-9]|[1-9][0-9])$/;
export const LOCATION_ID_RULE = "use a layout position from RV01 to RV99, always two digits (RV07, not RV7).";
/** The public docs give no limit; the emulator assumes the same one (see emulator/README.md). */
export const MAX_RESOURCE_NAME_LENGTH = 128;
/**
 * Documented: "The value range is [0-5000]" (FixedDelayDuration, AddCasterVideoResource,
 * https://www.alibabacloud.com/help/en/live/developer-reference/api-addcastervideoresource, where
 * it sits one row down, on ImageId, as every description on that page does).
 */
export const MAX_FIXED_DELAY_MS = 5000;
/**
 * The API's integer parameters are 32-bit: the page types BeginOffset, EndOffset, RepeatNum and
 * PtsCallbackInterval as integer, and the official SDKs declare them as 32-bit ints (C# `int?`,
 * C++ `int`, Java `Integer`; OwnerId, a 64-bit value, is `long`). The page gives no range for
 * those four, so the int32 range bounds them: an assumption, which the emulator shares
 * (emulator/README.md, LIMITATIONS).
 */
export const INT32_MIN = -(2 ** 31);
export const INT32_MAX = 2 ** 31 - 1;
export const VOD_FILE_EXTENSIONS = [".mp4", ".flv", ".ts"] as const;
export const IMAGE_FILE_EXTENSIONS = [".jpg", ".jpeg", ".png"] as const;
const LIVE_STREAM_PROTOCOLS = ["rtmp:", "rtmps:", "http:", "https:", "artc:", "srt:"];

/** The properties that say what a source plays; exactly one is set. */
export const SOURCE_PROPERTIES = ["liveStreamUrl", "materialId", "vodUrl", "imageId", "imageUrl"] as const;
export type SourceProperty = (typeof SOURCE_PROPERTIES)[number];
/** Playback settings that only a file (vodUrl or materialId) has. */
export const FILE_ONLY_PROPERTIES = ["beginOffset", "endOffset", "repeatNum"] as const;

export const casterIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, {
    error: "use the studio's ID as the console or CreateCaster gives it, e.g. LIVEPRODUCER_POST-cn-0pp1czt1234.",
  })
  .describe("the production studio's ID, e.g. LIVEPRODUCER_POST-cn-0pp1czt1234");

const assetId = (what: string) =>
  z.string().regex(/^[0-9A-Za-z_-]{1,64}$/, { error: `use the ${what} ID from the media library: 1 to 64 letters, digits, - or _.` });

const wholeNumber = (min: number | undefined, max: number | undefined, allowed: string) => {
  let schema = z.number().int({ error: allowed });
  if (min !== undefined) schema = schema.min(min, { error: allowed });
  if (max !== undefined) schema = schema.max(max, { error: allowed });
  return schema;
};

export const videoResourceFields = {
  casterId: casterIdSchema,
  resourceName: nameSchema("the source a display name", MAX_RESOURCE_NAME_LENGTH)
    .describe(`the source's display name, 1 to ${MAX_RESOURCE_NAME_LENGTH} characters`),
  locationId: z.string().regex(LOCATION_ID_PATTERN, { error: LOCATION_ID_RULE }).describe("the layout position, RV01 to RV99"),
  liveStreamUrl: urlSchema(LIVE_STREAM_PROTOCOLS, "use a stream URL starting with rtmp://, rtmps://, http://, https://, artc:// or srt://.").optional()
    .describe("a live stream's URL"),
  materialId: assetId("media asset").optional().describe("a media-library asset's ID"),
  vodUrl: urlSchema(["http:", "https:"],
    "use an http(s) URL of an MP4, FLV or TS file (the path must end in .mp4, .flv or .ts).", VOD_FILE_EXTENSIONS).optional()
    .describe("the URL of an MP4, FLV or TS file"),
  imageId: assetId("image asset").optional().describe("an image asset's ID"),
  imageUrl: urlSchema(["http:", "https:"],
    "use an http(s) URL of a JPG or PNG image (the path must end in .jpg, .jpeg or .png).", IMAGE_FILE_EXTENSIONS).optional()
    .describe("the URL of a JPG or PNG image"),
  // Ranges: 0 or more (beginOffset, ptsCallbackInterval) and -1 or more (repeatNum) from what the
  // page says the values mean; the upper ends, and endOffset's both, are int32 (assumed, above).
  // repeatNum: the official Java SDK (com.aliyun.sdk.service.live20161101, Add/Modify
  // CasterVideoResourceRequest) also checks RepeatNum <= 60 before sending; neither the page nor
  // the C# SDK says so, so that is not enforced here.
  beginOffset: wholeNumber(0, INT32_MAX, `use whole milliseconds from the first frame, from 0 to ${INT32_MAX}.`).optional()
    .describe("where a file starts, in ms from the first frame"),
  endOffset: wholeNumber(INT32_MIN, INT32_MAX,
    `use whole milliseconds: positive from the first frame, negative back from the last, from ${INT32_MIN} to ${INT32_MAX}.`).optional()
    .describe("where a file ends, in ms; negative counts back from the last frame"),
  repeatNum: wholeNumber(-1, INT32_MAX, `use 0 to play once, -1 to loop forever, or a positive number of repeats, at most ${INT32_MAX}.`).optional()
    .describe("0 plays a file once, -1 loops it, n repeats it n times"),
  ptsCallbackInterval: wholeNumber(0, INT32_MAX, `use whole milliseconds from 0 to ${INT32_MAX}.`).optional()
    .describe("the PTS callback interval in ms"),
  fixedDelayDuration: wholeNumber(0, MAX_FIXED_DELAY_MS, `use whole milliseconds from 0 to ${MAX_FIXED_DELAY_MS}.`).optional()
    .describe(`a fixed delay for caption sync, 0 to ${MAX_FIXED_DELAY_MS} ms`),
  importId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}:[A-Za-z0-9_-]{1,64}$/, {
      error: "use <casterId>:<resourceId> of the existing source, e.g. LIVEPRODUCER_POST-cn-0pp1czt1234:e5542d98-b08c-46bf-83e9-5b09d08c1234.",
    })
    .optional()
    .describe("an existing source to adopt, <casterId>:<resourceId>"),
};

const videoResourceObject = z.object(videoResourceFields);
export type VideoResourceInputs = z.infer<typeof videoResourceObject>;

const exactlyOneSource: CrossFieldRule<VideoResourceInputs> = (known, unknown) => {
  const given = SOURCE_PROPERTIES.filter((name) => known[name] !== undefined);
  const pending = SOURCE_PROPERTIES.filter((name) => unknown.has(name));
  if (given.length > 1) {
    return {
      property: given[1],
      reason: `a source plays one thing, but ${given.join(" and ")} are both set (${given
        .map((name) => `${name}=${describeValue(known[name])}`)
        .join(", ")}); keep exactly one of ${SOURCE_PROPERTIES.join(", ")}.`,
    };
  }
  if (given.length === 0 && pending.length === 0) {
    return {
      property: "liveStreamUrl",
      reason: `no source is set; set exactly one of ${SOURCE_PROPERTIES.join(", ")} (a live stream, a media asset, a file URL, or an image).`,
    };
  }
  return undefined;
};

const fileSettingsOnlyForFiles: CrossFieldRule<VideoResourceInputs> = (known, unknown) => {
  if (SOURCE_PROPERTIES.some((name) => unknown.has(name))) return undefined;
  const isFile = known.vodUrl !== undefined || known.materialId !== undefined;
  if (isFile) return undefined;
  const misplaced = FILE_ONLY_PROPERTIES.find((name) => known[name] !== undefined);
  if (!misplaced) return undefined;
  const kind = SOURCE_PROPERTIES.find((name) => known[name] !== undefined) ?? "this source";
  const failure: CheckFailure = {
    property: misplaced,
    reason: `${misplaced} ${describeValue(known[misplaced])} applies only to files (vodUrl or materialId), not to ${kind}; remove it.`,
  };
  return failure;
};

/**
 * A source can be adopted only from its own studio: an importId whose studio is not casterId
 * fails here, at preview, rather than at create. Silent while either is unknown (or invalid,
 * which is reported on its own).
 */
export const importIdOfThisStudio: CrossFieldRule<VideoResourceInputs> = (known) => {
  if (known.importId === undefined || known.casterId === undefined) return undefined;
  const { casterId: studio } = parseVideoResourceId(known.importId);
  if (studio === known.casterId) return undefined;
  return {
    property: "importId",
    reason: `importId ${describeValue(known.importId)} names studio ${studio}, but casterId is ${describeValue(known.casterId)}: `
      + `use "${known.casterId}:<resourceId>" to adopt a source of this studio, or set casterId to ${studio}.`,
  };
};

export const videoResourceSpec: InputSpec<VideoResourceInputs> = {
  fields: videoResourceFields,
  rules: [exactlyOneSource, fileSettingsOnlyForFiles, importIdOfThisStudio],
};

/** Properties the API cannot modify: a change deletes the source and adds it again. */
export const REPLACE_ON_CHANGE: ReadonlySet<string> = new Set(["casterId", "locationId", "fixedDelayDuration"]);
