import { z } from "zod";
import { CheckFailure, CrossFieldRule, describeValue } from "../../common/check";
import { forbid, JsonSchema, withJsonSchema } from "../rules";
import {
  ASSET_ID_PATTERN,
  IMAGE_FILE_EXTENSIONS,
  INT32_MAX,
  INT32_MIN,
  LIVE_STREAM_PROTOCOLS,
  LOCATION_ID_PATTERN,
  LOCATION_ID_RULE,
  MAX_FIXED_DELAY_MS,
  MAX_RESOURCE_NAME_LENGTH,
  VOD_FILE_EXTENSIONS,
} from "../api-facts";
import { nameSchema } from "../fields/name";
import { urlSchema } from "../fields/url";
import { wholeNumber } from "../fields/numbers";
import { importIdField, importIdOfThisStudioRule } from "../fields/import-id";
import { connectionField } from "../fields/connection";
import { KindSpec, schemasOf } from "./kind";

/** A video source of a studio: a live stream, a file, a media asset or an image at a layout position. */

/** The properties that say what a source plays; exactly one is set. */
export const SOURCE_PROPERTIES = ["liveStreamUrl", "materialId", "vodUrl", "imageId", "imageUrl"] as const;
export type SourceProperty = (typeof SOURCE_PROPERTIES)[number];
/** The sources that play a file: only they have offsets and repeats. */
const FILE_SOURCES = ["vodUrl", "materialId"] as const;
export const FILE_ONLY_PROPERTIES = ["beginOffset", "endOffset", "repeatNum"] as const;

export const casterIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, {
    error: "use the studio's ID as the console or CreateCaster gives it, e.g. LIVEPRODUCER_POST-cn-0pp1czt1234.",
  })
  .describe("the production studio's ID, e.g. LIVEPRODUCER_POST-cn-0pp1czt1234");

const assetId = (what: string) =>
  z.string().regex(ASSET_ID_PATTERN, { error: `use the ${what} ID from the media library: 1 to 64 letters, digits, - or _.` });

const VOD_FILE_RULE = "use an http(s) URL of an MP4, FLV or TS file (the path must end in .mp4, .flv or .ts).";
export const vodUrlSchema = urlSchema(["http:", "https:"], VOD_FILE_RULE, VOD_FILE_EXTENSIONS);

const fields = {
  casterId: {
    schema: casterIdSchema,
    doc: "The production studio's ID, e.g. `LIVEPRODUCER_POST-cn-0pp1czt1234`.",
    onChange: "replace",
    onChangeNote: "then added to the new studio",
    api: "CasterId",
  },
  resourceName: {
    schema: nameSchema("the source a display name", MAX_RESOURCE_NAME_LENGTH)
      .describe(`the source's display name, 1 to ${MAX_RESOURCE_NAME_LENGTH} characters`),
    doc: `The source's display name in the studio, 1 to ${MAX_RESOURCE_NAME_LENGTH} characters on one line: not only spaces, no control characters (line breaks, tabs, ANSI escapes).`,
    onChange: "update",
    api: "ResourceName",
  },
  locationId: {
    schema: z.string().regex(LOCATION_ID_PATTERN, { error: LOCATION_ID_RULE }).describe("the layout position, RV01 to RV99"),
    doc: "The layout position, `RV01` to `RV99` (always two digits). A position holds one source.",
    onChange: "replace",
    onChangeNote: "so that a swap never collides",
    api: "LocationId",
  },
  liveStreamUrl: {
    schema: urlSchema(LIVE_STREAM_PROTOCOLS, "use a stream URL starting with rtmp://, rtmps://, http://, https://, artc:// or srt://.").optional()
      .describe("a live stream's URL"),
    doc: "A live stream's URL (rtmp, rtmps, http(s) FLV/HLS, artc or srt). A URL that carries a signature (`auth_key`, ...) or a password (`rtmp://user:password@host/...`) is stored as a secret.",
    default: "none",
    onChange: "update",
    api: "LiveStreamUrl",
    secretWhenSigned: true,
  },
  materialId: {
    schema: assetId("media asset").optional().describe("a media-library asset's ID"),
    doc: "A media-library asset's ID, for a file from the media library.",
    default: "none",
    onChange: "update",
    api: "MaterialId",
  },
  vodUrl: {
    schema: vodUrlSchema.optional().describe("the URL of an MP4, FLV or TS file"),
    doc: "The http(s) URL of an MP4, FLV or TS file that is not in the media library. A signed URL, or one with a password, is stored as a secret.",
    default: "none",
    onChange: "update",
    api: "VodUrl",
    secretWhenSigned: true,
  },
  imageId: {
    schema: assetId("image asset").optional().describe("an image asset's ID"),
    doc: "An image asset's ID, for an image source.",
    default: "none",
    onChange: "update",
    api: "ImageId",
  },
  imageUrl: {
    schema: urlSchema(["http:", "https:"],
      "use an http(s) URL of a JPG or PNG image (the path must end in .jpg, .jpeg or .png).", IMAGE_FILE_EXTENSIONS).optional()
      .describe("the URL of a JPG or PNG image"),
    doc: "The http(s) URL of a JPG or PNG image (at most 10 MB), for an image source. A signed URL, or one with a password, is stored as a secret.",
    default: "none",
    onChange: "update",
    api: "ImageUrl",
    secretWhenSigned: true,
  },
  // Ranges: 0 or more (beginOffset, ptsCallbackInterval) and -1 or more (repeatNum) from what the
  // page says the values mean; the upper ends, and endOffset's both, are int32 (assumed, api-facts).
  // repeatNum: the official Java SDK (com.aliyun.sdk.service.live20161101, Add/Modify
  // CasterVideoResourceRequest) also checks RepeatNum <= 60 before sending; neither the page nor
  // the C# SDK says so, so that is not enforced here.
  beginOffset: {
    schema: wholeNumber(0, INT32_MAX, `use whole milliseconds from the first frame, from 0 to ${INT32_MAX}.`).optional()
      .describe("where a file starts, in ms from the first frame"),
    doc: `Where playback of a file starts, in milliseconds from the first frame, 0 to ${INT32_MAX}. Files only.`,
    default: "0",
    onChange: "update",
    api: "BeginOffset",
    onlyWith: FILE_SOURCES,
  },
  endOffset: {
    schema: wholeNumber(INT32_MIN, INT32_MAX,
      `use whole milliseconds: positive from the first frame, negative back from the last, from ${INT32_MIN} to ${INT32_MAX}.`).optional()
      .describe("where a file ends, in ms; negative counts back from the last frame"),
    doc: "Where playback of a file ends, in milliseconds: positive from the first frame, negative back from the last frame. Files only.",
    default: "0 (the end of the file)",
    onChange: "update",
    api: "EndOffset",
    onlyWith: FILE_SOURCES,
  },
  repeatNum: {
    schema: wholeNumber(-1, INT32_MAX, `use 0 to play once, -1 to loop forever, or a positive number of repeats, at most ${INT32_MAX}.`).optional()
      .describe("0 plays a file once, -1 loops it, n repeats it n times"),
    doc: "How often a file plays: 0 once, -1 loops forever, n > 0 repeats n times. Files only.",
    default: "0",
    onChange: "update",
    api: "RepeatNum",
    onlyWith: FILE_SOURCES,
  },
  ptsCallbackInterval: {
    schema: wholeNumber(0, INT32_MAX, `use whole milliseconds from 0 to ${INT32_MAX}.`).optional()
      .describe("the PTS callback interval in ms"),
    doc: `The interval of PTS callbacks, in milliseconds, 0 to ${INT32_MAX}.`,
    default: "0",
    onChange: "update",
    api: "PtsCallbackInterval",
  },
  fixedDelayDuration: {
    schema: wholeNumber(0, MAX_FIXED_DELAY_MS, `use whole milliseconds from 0 to ${MAX_FIXED_DELAY_MS}.`).optional()
      .describe(`a fixed delay for caption sync, 0 to ${MAX_FIXED_DELAY_MS} ms`),
    doc: `A fixed delay for caption sync, in milliseconds, 0 to ${MAX_FIXED_DELAY_MS}. The API does not report it: what was applied is kept.`,
    default: "0",
    onChange: "replace",
    onChangeNote: "the API cannot modify it",
    api: "FixedDelayDuration",
  },
  importId: importIdField({
    noun: "source",
    form: "<casterId>:<resourceId>",
    example: "LIVEPRODUCER_POST-cn-0pp1czt1234:e5542d98-b08c-46bf-83e9-5b09d08c1234",
    withStudio: true,
    foundWith: "DescribeCasterVideoResources",
    adopting: "It must sit at `locationId`; it is modified to match these inputs only where it differs (ModifyCasterVideoResource), so a source that already matches is taken over with no call that changes anything.",
    default: "none: a new source is added",
  }),
  connection: connectionField,
} as const;

type Fields = typeof fields;
export type VideoResourceInputs = z.infer<z.ZodObject<{ -readonly [K in keyof Fields]: Fields[K]["schema"] }>>;

/** The words the check and the JSON Schema share, so that an editor and validate say the same. */
const SOURCE_LIST = SOURCE_PROPERTIES.join(", ");
const playsOneThing = (given: string) => `a source plays one thing, but ${given} are both set`;
const KEEP_ONE_SOURCE = `keep exactly one of ${SOURCE_LIST}.`;
const NO_SOURCE = `no source is set; set exactly one of ${SOURCE_LIST}`;
const onlyForFiles = (kind: string) => `applies only to files (vodUrl or materialId), not to ${kind}; remove it.`;

/**
 * A source plays exactly one thing, and only a file has offsets and repeats: in the JSON Schema a
 * chain of `if`s over SOURCE_PROPERTIES in order. The first one set forbids the later ones (each
 * reported at its key, as the check reports the second), and, unless it is a file, the file
 * settings; none set is reported at the position. A `oneOf` would say "Matches multiple schemas".
 */
function sourceChain(index = 0): JsonSchema {
  if (index === SOURCE_PROPERTIES.length) return { required: [SOURCE_PROPERTIES[0]], errorMessage: `${NO_SOURCE}.` };
  const property = SOURCE_PROPERTIES[index];
  const forbidden = [
    ...SOURCE_PROPERTIES.slice(index + 1).map((other) => forbid(other, `${playsOneThing(`${property} and ${other}`)}; ${KEEP_ONE_SOURCE}`)),
    ...(isFile({ [property]: true }) ? [] : FILE_ONLY_PROPERTIES.map((setting) => forbid(setting, `${setting} ${onlyForFiles(property)}`))),
  ];
  return { if: { required: [property] }, then: { allOf: forbidden }, else: sourceChain(index + 1) };
}

const exactlyOneSource = withJsonSchema<VideoResourceInputs>((known, unknown) => {
  const given = SOURCE_PROPERTIES.filter((name) => known[name] !== undefined);
  const pending = SOURCE_PROPERTIES.filter((name) => unknown.has(name));
  if (given.length > 1) {
    return {
      property: given[1],
      reason: `${playsOneThing(given.join(" and "))} (${given
        .map((name) => `${name}=${describeValue(known[name])}`)
        .join(", ")}); ${KEEP_ONE_SOURCE}`,
    };
  }
  if (given.length === 0 && pending.length === 0) {
    return {
      property: "liveStreamUrl",
      reason: `${NO_SOURCE} (a live stream, a media asset, a file URL, or an image).`,
    };
  }
  return undefined;
}, {
  // The file settings' rule is part of this chain: which source is set decides whether they apply.
  write: (json) => Object.assign(json, sourceChain()),
});

const fileSettingsOnlyForFiles: CrossFieldRule<VideoResourceInputs> = (known, unknown) => {
  if (SOURCE_PROPERTIES.some((name) => unknown.has(name))) return undefined;
  if (isFile(known)) return undefined;
  const misplaced = FILE_ONLY_PROPERTIES.find((name) => known[name] !== undefined);
  if (!misplaced) return undefined;
  const kind = SOURCE_PROPERTIES.find((name) => known[name] !== undefined) ?? "this source";
  const failure: CheckFailure = {
    property: misplaced,
    reason: `${misplaced} ${describeValue(known[misplaced])} ${onlyForFiles(kind)}`,
  };
  return failure;
};

/**
 * A source can be adopted only from its own studio: an importId whose studio is not casterId
 * fails here, at preview, rather than at create. Silent while either is unknown (or invalid,
 * which is reported on its own).
 */
export const importIdOfThisStudio: CrossFieldRule<VideoResourceInputs> = importIdOfThisStudioRule("source", "resourceId");

/** Whether a source plays a file (vodUrl or materialId), the only kind with offsets and repeats. */
export function isFile(props: { vodUrl?: unknown; materialId?: unknown }): boolean {
  return FILE_SOURCES.some((name) => Boolean(props[name]));
}

export const casterVideoResource: KindSpec<Fields> = {
  type: "CasterVideoResource",
  noun: "source",
  provider: "video",
  doc: "A video source of an ApsaraVideo Live production studio: a live stream, a file, a media asset or an image, placed at a layout position RV01–RV99. Exactly one of `liveStreamUrl`, `materialId`, `vodUrl`, `imageId` and `imageUrl` says what it plays.",
  fields,
  outputs: {
    resourceId: { doc: "The API's ResourceId of the source.", sdkType: "string", api: "ResourceId" },
    flvUrl: { doc: "The FLV address the studio serves a live input at, when the API reports one.", sdkType: "string | undefined", api: "FlvUrl" },
  },
  operations: {
    create: "AddCasterVideoResource",
    read: "DescribeCasterVideoResources",
    update: "ModifyCasterVideoResource",
    delete: "DeleteCasterVideoResource",
  },
  id: ["casterId", "resourceId"],
  goneCodes: ["InvalidResource.NotFound", "InvalidCaster.NotFound"],
  deleteBeforeReplace: true,
  rules: [exactlyOneSource, fileSettingsOnlyForFiles, importIdOfThisStudio],
  studioFile: { section: "sources", doc: "a map from a layout position (RV01–RV99) to the source there" },
};

/** Each property's zod schema, and the rules across them: what checkInputs takes. */
export const videoResourceFields = schemasOf(casterVideoResource);
export const videoResourceSpec = { fields: videoResourceFields, rules: casterVideoResource.rules };
export { LOCATION_ID_PATTERN, LOCATION_ID_RULE };
