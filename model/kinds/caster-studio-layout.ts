import { z } from "zod";
import { CrossFieldRule, describeValue } from "../../common/check";
import {
  ASSET_ID_PATTERN, CHANNEL_ID_PATTERN, CHANNEL_ID_RULE, CHROMA_KEY_COLORS, FILL_MODES, LAYER_ORDER_TYPES, LOCATION_ID_PATTERN, LOCATION_ID_RULE,
  MAX_STUDIO_LAYOUT_NAME_LENGTH, MEDIA_INPUT_DEFAULTS, PORTRAIT_TYPES, POSITION_REFERS, STUDIO_LAYOUT_TYPES,
} from "../api-facts";
import { choiceDecides, eachItem, exactlyOneOf } from "../rules";
import { importIdField, importIdOfThisStudioRule } from "../fields/import-id";
import { nameSchema } from "../fields/name";
import { NestedSpec } from "../fields/nested";
import { wholeNumber } from "../fields/numbers";
import { urlSchema } from "../fields/url";
import { connectionField } from "../fields/connection";
import { casterIdSchema } from "./caster-video-resource";
import { KindSpec, schemasOf } from "./kind";

/**
 * A virtual studio's studio layout (AddStudioLayout, ModifyStudioLayout, DeleteStudioLayout,
 * DescribeStudioLayouts; NormType 4 only, https://www.alibabacloud.com/help/en/live/developer-reference/api-addstudiolayout).
 * Its settings are JSON text in the API; here they are objects, each field as the official SDK's
 * models name and bound it (live-20161101 AddStudioLayoutRequest.ts: the settings and their
 * examples; DescribeStudioLayoutsResponseBody.ts: each field's valid values), and the provider
 * writes the JSON.
 */

const unit = (what: string) =>
  z.number({ error: `use a number from 0 to 1: ${what} as a share of the background.` })
    .min(0, { error: `use a number from 0 to 1: ${what} as a share of the background.` })
    .max(1, { error: `use a number from 0 to 1: ${what} as a share of the background.` });
const channelIdSchema = z.string().regex(CHANNEL_ID_PATTERN, { error: CHANNEL_ID_RULE });
/** The Id a background or a media input is known by in layerOrder (the SDK's examples: `"Id":"k12kj31****"`). */
const settingIdSchema = z.string().regex(/^[A-Za-z0-9_*-]{1,64}$/, { error: "use an ID of 1 to 64 letters, digits, - or _, e.g. backdrop." });
const assetIdSchema = z.string().regex(ASSET_ID_PATTERN, { error: "use the media-library ID of the image or video, e.g. f080575eb5f4427684fc0715159a1234." });

export const commonConfigSchema = z.strictObject({
  channelId: channelIdSchema,
}, { error: (issue) => issue.code === "unrecognized_keys" ? `commonConfig has only channelId; remove ${issue.keys.join(", ")}.` : "commonConfig is { channelId } (RV01 to RV12)." });

export const studioBackgroundSchema = z.strictObject({
  id: settingIdSchema.optional(),
  materialId: assetIdSchema.optional(),
  imageUrl: urlSchema(["http:", "https:"], "use the image's http(s) URL.").optional(),
  locationId: z.string().regex(LOCATION_ID_PATTERN, { error: LOCATION_ID_RULE }).optional(),
}, {
  error: (issue) => issue.code === "unrecognized_keys"
    ? `a background has id, and materialId, imageUrl or locationId; remove ${issue.keys.join(", ")}.`
    : "background is { id?, materialId | imageUrl | locationId }.",
});
export type StudioBackground = z.infer<typeof studioBackgroundSchema>;

export const chromaKeyInputSchema = z.strictObject({
  id: settingIdSchema.optional(),
  index: wholeNumber(1, undefined, "use a whole number of 1 or more: the input's number on screen.").optional(),
  channelId: channelIdSchema,
  color: z.enum(CHROMA_KEY_COLORS, { error: `use ${CHROMA_KEY_COLORS.join(", ")}: the screen behind the presenter (auto detects it, complex keys a real scene).` }),
  positionX: unit("x, from the left"),
  positionY: unit("y, from the top"),
  heightNormalized: unit("the presenter's height"),
  portraitType: z.union([z.literal(PORTRAIT_TYPES.halfBody), z.literal(PORTRAIT_TYPES.fullBody)], { error: "use 0 (half body) or 1 (full body)." }).optional(),
  onlyAudio: z.boolean({ error: "use true (only the sound is used) or false." }).optional(),
}, {
  error: (issue) => issue.code === "unrecognized_keys"
    ? `a chroma-key input has id, index, channelId, color, positionX, positionY, heightNormalized, portraitType and onlyAudio; remove ${issue.keys.join(", ")}.`
    : "each chroma-key input is { channelId, color, positionX, positionY, heightNormalized, index?, portraitType?, onlyAudio?, id? }.",
});
export type ChromaKeyInput = z.infer<typeof chromaKeyInputSchema>;

export const mediaInputSchema = z.strictObject({
  id: settingIdSchema.optional(),
  index: wholeNumber(1, undefined, "use a whole number of 1 or more: the input's number on screen.").optional(),
  channelId: channelIdSchema.optional(),
  imageMaterialId: assetIdSchema.optional(),
  position: z.tuple([unit("x"), unit("y")], { error: "use [x, y], each from 0 to 1." }),
  anchor: z.enum(POSITION_REFERS, { error: `use one of ${POSITION_REFERS.join(", ")}.` }).optional(),
  widthNormalized: unit("the width"),
  heightNormalized: unit("the height"),
  fillMode: z.enum(FILL_MODES, { error: `use ${FILL_MODES.join(" or ")}.` }).optional(),
}, {
  error: (issue) => issue.code === "unrecognized_keys"
    ? `a media input has id, index, channelId or imageMaterialId, position, anchor, widthNormalized, heightNormalized and fillMode; remove ${issue.keys.join(", ")}.`
    : "each media input is { channelId | imageMaterialId, position: [x, y], widthNormalized, heightNormalized, anchor?, fillMode?, index?, id? }.",
});
export type MediaInput = z.infer<typeof mediaInputSchema>;

export const layerOrderEntrySchema = z.strictObject({
  type: z.enum(LAYER_ORDER_TYPES, { error: "use background or media." }),
  id: settingIdSchema,
}, { error: "each layer is { type: background | media, id }: the id of the background or of a media input." });
export type LayerOrderEntry = z.infer<typeof layerOrderEntrySchema>;

/*
 * Each setting's fields as the API names them in its JSON (the request's and DescribeStudioLayouts'),
 * what a reviewer calls them, and what the API has when one is left out (the reply model's "Default value").
 */
export const COMMON_CONFIG_FIELDS = {
  channelId: { api: "ChannelId", as: "text", label: "channel" },
} as const satisfies NestedSpec;
export const BACKGROUND_FIELDS = {
  id: { api: "Id", as: "text", label: "ID" },
  materialId: { api: "MaterialId", as: "text", label: "image" },
  imageUrl: { api: "ImageUrl", as: "text", label: "image" },
  locationId: { api: "LocationId", as: "text", label: "source" },
} as const satisfies NestedSpec;
export const CHROMA_KEY_INPUT_FIELDS = {
  id: { api: "Id", as: "text", label: "ID" },
  index: { api: "Index", as: "number", label: "number" },
  channelId: { api: "ChannelId", as: "text", label: "channel" },
  color: { api: "Color", as: "text", label: "key colour" },
  positionX: { api: "PositionX", as: "number", label: "position" },
  positionY: { api: "PositionY", as: "number", label: "position" },
  heightNormalized: { api: "HeightNormalized", as: "number", label: "height" },
  portraitType: { api: "PortraitType", as: "number", label: "portrait" },
  onlyAudio: { api: "OnlyAudio", as: "boolean", label: "sound only" },
} as const satisfies NestedSpec;
export const MEDIA_INPUT_FIELDS = {
  id: { api: "Id", as: "text", label: "ID" },
  index: { api: "Index", as: "number", label: "number" },
  channelId: { api: "ChannelId", as: "text", label: "channel" },
  imageMaterialId: { api: "ImageMaterialId", as: "text", label: "image" },
  position: { api: "PositionNormalized", as: "point", label: "position" },
  anchor: { api: "PositionRefer", default: MEDIA_INPUT_DEFAULTS.anchor, as: "text", label: "anchor" },
  widthNormalized: { api: "WidthNormalized", as: "number", label: "width" },
  heightNormalized: { api: "HeightNormalized", as: "number", label: "height" },
  fillMode: { api: "FillMode", default: MEDIA_INPUT_DEFAULTS.fillMode, as: "text", label: "fill" },
} as const satisfies NestedSpec;
export const LAYER_ORDER_FIELDS = {
  type: { api: "Type", as: "text", label: "layer" },
  id: { api: "Id", as: "text", label: "ID" },
} as const satisfies NestedSpec;

/** Each JSON setting: the property, the API's parameter, its fields, and whether it is a list. */
export const STUDIO_LAYOUT_SETTINGS = [
  { property: "commonConfig", api: "CommonConfig", fields: COMMON_CONFIG_FIELDS, list: false },
  { property: "background", api: "BgImageConfig", fields: BACKGROUND_FIELDS, list: false },
  { property: "chromaKeyInputs", api: "ScreenInputConfigList", fields: CHROMA_KEY_INPUT_FIELDS, list: true },
  { property: "mediaInputs", api: "MediaInputConfigList", fields: MEDIA_INPUT_FIELDS, list: true },
  { property: "layerOrder", api: "LayerOrderConfigList", fields: LAYER_ORDER_FIELDS, list: true },
] as const;

const fields = {
  casterId: { schema: casterIdSchema, doc: "The production studio's ID: a virtual studio (NormType 4), as AddStudioLayout asks.", onChange: "replace", api: "CasterId" },
  layoutName: {
    schema: nameSchema("the studio layout a name", MAX_STUDIO_LAYOUT_NAME_LENGTH).describe("the studio layout's name, unique in its studio"),
    label: "name",
    doc: "The studio layout's name (AddStudioLayout's LayoutName, required). Names differ from layout to layout of a studio: a layout whose reply was lost is found again by its name.",
    onChange: "update",
    api: "LayoutName",
  },
  layoutType: {
    schema: z.enum(STUDIO_LAYOUT_TYPES, { error: "use common (one channel full screen) or studio (presenters keyed over a background)." })
      .describe("common (one channel) or studio (keyed presenters over a background)"),
    label: "type",
    doc: "`common`: one channel shown as it is (`commonConfig`); `studio`: chroma-keyed presenters (`chromaKeyInputs`) over a `background`, with optional `mediaInputs` and `layerOrder`.",
    onChange: "replace",
    onChangeNote: "ModifyStudioLayout takes no LayoutType",
    api: "LayoutType",
  },
  commonConfig: {
    schema: commonConfigSchema.optional().describe("a common layout's channel: { channelId }"),
    label: "channel",
    doc: "A common layout's channel: `{ channelId }`, `RV01` to `RV12` (CommonConfig). Required with `layoutType: common`, refused with `studio`.",
    default: "none",
    onChange: "update",
  },
  background: {
    schema: studioBackgroundSchema.optional().describe("a studio layout's background: { id?, materialId | imageUrl | locationId }"),
    doc: "What the set shows behind the presenters: `{ id?, materialId | imageUrl | locationId }` (BgImageConfig): a media-library image, an image URL or a video source's position. `id` names it in `layerOrder`. Required with `layoutType: studio`.",
    default: "none",
    onChange: "update",
  },
  chromaKeyInputs: {
    schema: z.array(chromaKeyInputSchema, { error: "give a list of { channelId, color, positionX, positionY, heightNormalized }." })
      .min(1, { error: "give at least one chroma-key input: a studio layout keys at least one presenter." })
      .optional()
      .describe("the presenters keyed over the background: [{ channelId, color, positionX, positionY, heightNormalized, ... }]"),
    label: "presenters",
    doc: "The presenters keyed out of their screen and placed on the set (ScreenInputConfigList): each `{ channelId (RV01–RV12), color (green, blue, auto, complex), positionX, positionY (0–1, from the top left), heightNormalized (0–1), index?, portraitType? (0 half body, 1 full body), onlyAudio?, id? }`. Required with `layoutType: studio`.",
    default: "none",
    onChange: "update",
  },
  mediaInputs: {
    schema: z.array(mediaInputSchema, { error: "give a list of { channelId | imageMaterialId, position, widthNormalized, heightNormalized }." }).optional()
      .describe("videos and images placed on the set: [{ channelId | imageMaterialId, position: [x, y], widthNormalized, heightNormalized, ... }]"),
    label: "media",
    doc: `Videos and images placed on the set (MediaInputConfigList): each \`{ channelId | imageMaterialId, position [x, y] (0–1), widthNormalized, heightNormalized (0–1), anchor? (default ${MEDIA_INPUT_DEFAULTS.anchor}), fillMode? (none, fit; default ${MEDIA_INPUT_DEFAULTS.fillMode}), index?, id? }\`. Only with \`layoutType: studio\`.`,
    default: "none",
    onChange: "update",
  },
  layerOrder: {
    schema: z.array(layerOrderEntrySchema, { error: "give a list of { type: background | media, id }." }).optional()
      .describe("the stacking of the background and media inputs, bottom first: [{ type, id }]"),
    label: "layer order",
    doc: "How the background and the media inputs stack, the first lowest (LayerOrderConfigList): each `{ type: background | media, id }`, naming the `id` of the background or of a media input. Presenters are not in it (the API keys them on top). Only with `layoutType: studio`.",
    default: "the API's order",
    onChange: "update",
  },
  importId: importIdField({
    noun: "studio layout",
    form: "<casterId>:<layoutId>",
    example: "LIVEPRODUCER_POST-cn-0pp1czt1234:445409ec-7eaa-461d-8f29-4bec2eb91234",
    withStudio: true,
    foundWith: "DescribeStudioLayouts",
    adopting: "Its `layoutType` must be the declared one; its name and settings are compared with these, and ModifyStudioLayout is sent only when they differ, so a layout that already matches is taken over with no call that changes anything.",
    default: "none: a new studio layout is added (refused when the studio has a layout of the same name)",
  }),
  connection: connectionField,
} as const;

type Fields = typeof fields;
export type StudioLayoutInputs = z.infer<z.ZodObject<{ -readonly [K in keyof Fields]: Fields[K]["schema"] }>>;

/** layerOrder names what the layout declares: the background's id, or a media input's, by its type. */
const layerOrderNamesDeclared: CrossFieldRule<StudioLayoutInputs> = (known, unknown) => {
  if (!known.layerOrder || unknown.has("background") || unknown.has("mediaInputs")) return undefined;
  const ids = { background: known.background?.id === undefined ? [] : [known.background.id], media: (known.mediaInputs ?? []).flatMap((input) => (input.id === undefined ? [] : [input.id])) };
  for (const [index, entry] of known.layerOrder.entries()) {
    // A background not declared at all is the layout type's rule to report.
    if (ids[entry.type].includes(entry.id) || (entry.type === "background" && known.background === undefined)) continue;
    const where = entry.type === "background" ? "the background's id" : "the id of a media input";
    return {
      property: "layerOrder",
      path: ["layerOrder", index, "id"],
      reason: `layerOrder[${index}] names ${entry.type} ${describeValue(entry.id)}, which is not ${where}${ids[entry.type].length > 0 ? ` (${ids[entry.type].map((id) => describeValue(id)).join(", ")})` : ""}; give it that id, or remove the entry.`,
    };
  }
  return undefined;
};

/** The ids of the background and the media inputs differ: layerOrder names them. */
const settingIdsDiffer: CrossFieldRule<StudioLayoutInputs> = (known) => {
  const seen = new Map<string, string>();
  const named: [string, (string | number)[], string | undefined][] = [
    ["background", ["background", "id"], known.background?.id],
    ...(known.mediaInputs ?? []).map((input, index): [string, (string | number)[], string | undefined] => [`mediaInputs[${index}]`, ["mediaInputs", index, "id"], input.id]),
  ];
  for (const [place, path, id] of named) {
    if (id === undefined) continue;
    const first = seen.get(id);
    if (first) return { property: String(path[0]), path, reason: `${place} and ${first} are both id ${describeValue(id)}: layerOrder names each by its id; rename one.` };
    seen.set(id, place);
  }
  return undefined;
};

export const casterStudioLayout: KindSpec<Fields> = {
  type: "CasterStudioLayout",
  noun: "studio layout",
  provider: "studioLayout",
  doc: "A virtual studio's studio layout (NormType 4, China site): a `common` layout shows one channel; a `studio` layout keys presenters out of their green or blue screen and places them, with videos and images, on a background.",
  fields,
  outputs: {
    layoutId: { doc: "The API's LayoutId.", sdkType: "string", api: "LayoutId" },
  },
  operations: { create: "AddStudioLayout", read: "DescribeStudioLayouts", update: "ModifyStudioLayout", delete: "DeleteStudioLayout" },
  id: ["casterId", "layoutId"],
  goneCodes: ["InvalidLayout.NotFound", "InvalidCaster.NotFound"],
  // The new layout takes the old one's name, which is unique in the studio.
  deleteBeforeReplace: true,
  rules: [
    choiceDecides<StudioLayoutInputs>("layoutType", {
      common: { needs: ["commonConfig"] },
      studio: { needs: ["background", "chromaKeyInputs"], takes: ["mediaInputs", "layerOrder"] },
    }),
    eachItem<StudioLayoutInputs, StudioBackground>("background", studioBackgroundSchema, exactlyOneOf<StudioBackground>(["materialId", "imageUrl", "locationId"], {
      conflict: "a background is one image or source",
      fix: "keep materialId, imageUrl or locationId",
      missing: "a background needs its image or source: set materialId (a media-library image), imageUrl or locationId (a video source's position).",
    })),
    eachItem<StudioLayoutInputs, MediaInput>("mediaInputs", mediaInputSchema, exactlyOneOf<MediaInput>(["channelId", "imageMaterialId"], {
      conflict: "a media input shows one channel or one image",
      fix: "keep channelId or imageMaterialId",
      missing: "a media input needs what it shows: set channelId (RV01 to RV12) or imageMaterialId (a media-library image).",
    })),
    settingIdsDiffer,
    layerOrderNamesDeclared,
    importIdOfThisStudioRule<StudioLayoutInputs>("studio layout", "layoutId"),
  ],
  studioFile: { section: "studioLayouts", doc: "a virtual studio's studio layouts: presenters keyed over a background, or one channel" },
};

export const studioLayoutFields = schemasOf(casterStudioLayout);
