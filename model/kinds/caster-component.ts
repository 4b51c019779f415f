import { z } from "zod";
import { forbid, isSetTo, withJsonSchema } from "../rules";
import {
  ASSET_ID_PATTERN, CAPTION_DEFAULTS, CAPTION_LANGUAGES, COMPONENT_LAYER_DEFAULTS, TEXT_STYLE_DEFAULTS, COLOR_PATTERN, COMPONENT_EFFECTS, COMPONENT_LAYER_ORDERS, COMPONENT_LOCATION_ID_PATTERN,
  COMPONENT_LOCATION_ID_RULE, COMPONENT_TYPES, LOCATION_ID_PATTERN, LOCATION_ID_RULE, MAX_FONT_NAME_LENGTH, MAX_TRANSPARENCY, POSITION_REFERS,
} from "../api-facts";
import { nameSchema } from "../fields/name";
import { NestedSpec, placementFields } from "../fields/nested";
import { wholeNumber } from "../fields/numbers";
import { importIdField, importIdOfThisStudioRule } from "../fields/import-id";
import { casterIdSchema } from "./caster-video-resource";
import { connectionField } from "../fields/connection";
import { KindSpec, schemasOf } from "./kind";

/**
 * A component: an overlay a scene shows over its layout, a text, an image or a caption, at a
 * component position RC01–RC99 (one per position) with its own geometry and effect
 * (AddCasterComponent, https://www.alibabacloud.com/help/en/live/developer-reference/api-addcastercomponent).
 */

const normalized = (what: string) =>
  z.number({ error: `use a number from 0 to 1: ${what} as a share of the screen.` })
    .min(0, { error: `use a number from 0 to 1: ${what} as a share of the screen.` })
    .max(1, { error: `use a number from 0 to 1: ${what} as a share of the screen.` });
const color = z.string().regex(COLOR_PATTERN, { error: "use a colour as 0xRRGGBB, e.g. 0xffffff for white." });

export const componentGeometrySchema = z.strictObject({
  position: z.tuple([normalized("x"), normalized("y")], { error: "use [x, y], each from 0 to 1." }),
  anchor: z.enum(POSITION_REFERS, { error: `use one of ${POSITION_REFERS.join(", ")}.` }).optional(),
  widthNormalized: normalized("the width").optional(),
  heightNormalized: normalized("the height").optional(),
  transparency: wholeNumber(0, MAX_TRANSPARENCY, `use 0 (invisible) to ${MAX_TRANSPARENCY} (opaque).`).optional(),
}, { error: "geometry is { position: [x, y], anchor?, widthNormalized?, heightNormalized?, transparency? }." });

const textStyle = {
  fontName: z.string().min(1).max(MAX_FONT_NAME_LENGTH, { error: `use a font's name of at most ${MAX_FONT_NAME_LENGTH} characters.` }).optional(),
  sizeNormalized: normalized("the text size").optional(),
  color: color.optional(),
  borderColor: color.optional(),
  borderWidthNormalized: normalized("the border width").optional(),
};

export const textSchema = z.strictObject({
  text: z.string().min(1, { error: "give the text to show." }),
  ...textStyle,
}, { error: "text is { text, fontName?, sizeNormalized?, color?, borderColor?, borderWidthNormalized? }." });

export const imageSchema = z.strictObject({
  materialId: z.string().regex(ASSET_ID_PATTERN, { error: "use the image's media-library asset ID." }),
}, { error: "image is { materialId }." });

export const captionSchema = z.strictObject({
  sourceLocationId: z.string().regex(LOCATION_ID_PATTERN, { error: LOCATION_ID_RULE }).optional(),
  sourceLanguage: z.enum(CAPTION_LANGUAGES, { error: `use one of ${CAPTION_LANGUAGES.join(", ")}.` }).optional(),
  targetLanguage: z.enum(CAPTION_LANGUAGES, { error: `use one of ${CAPTION_LANGUAGES.join(", ")}.` }).optional(),
  showSourceLanguage: z.boolean().optional(),
  ...textStyle,
}, { error: "caption is { sourceLocationId?, sourceLanguage?, targetLanguage?, showSourceLanguage?, fontName?, sizeNormalized?, color?, ... }." });

/** The geometry's fields, as ComponentLayer carries them. */
export const GEOMETRY_FIELDS = {
  ...placementFields(COMPONENT_LAYER_DEFAULTS),
  transparency: { api: "Transparency", default: COMPONENT_LAYER_DEFAULTS.transparency, as: "number", label: "opacity" },
} as const satisfies NestedSpec;

/** A text's or a caption's style, as TextLayerContent and CaptionLayerContent carry it. */
export const TEXT_STYLE_FIELDS = {
  fontName: { api: "FontName", default: TEXT_STYLE_DEFAULTS.fontName, as: "text", label: "font" },
  sizeNormalized: { api: "SizeNormalized", default: TEXT_STYLE_DEFAULTS.sizeNormalized, as: "number", label: "size" },
  color: { api: "Color", default: TEXT_STYLE_DEFAULTS.color, as: "text", label: "colour" },
  borderColor: { api: "BorderColor", default: TEXT_STYLE_DEFAULTS.borderColor, as: "text", label: "border" },
  borderWidthNormalized: { api: "BorderWidthNormalized", default: TEXT_STYLE_DEFAULTS.borderWidthNormalized, as: "number", label: "border" },
} as const satisfies NestedSpec;

/** A text component's content (TextLayerContent). */
export const TEXT_FIELDS = {
  text: { api: "Text", as: "text", label: "text" },
  ...TEXT_STYLE_FIELDS,
} as const satisfies NestedSpec;

/** A caption's languages (CaptionLayerContent). */
export const CAPTION_LANGUAGE_FIELDS = {
  sourceLanguage: { api: "SourceLan", default: CAPTION_DEFAULTS.sourceLanguage, as: "text", label: "languages" },
  targetLanguage: { api: "TargetLan", default: CAPTION_DEFAULTS.targetLanguage, as: "text", label: "languages" },
  showSourceLanguage: { api: "ShowSourceLan", default: CAPTION_DEFAULTS.showSourceLanguage, as: "boolean", label: "original language" },
} as const satisfies NestedSpec;

/** A caption component's content (CaptionLayerContent): the source captioned, its languages, its style. */
export const CAPTION_FIELDS = {
  sourceLocationId: { api: "LocationId", as: "text", label: "source" },
  ...CAPTION_LANGUAGE_FIELDS,
  ...TEXT_STYLE_FIELDS,
} as const satisfies NestedSpec;

const fields = {
  casterId: { schema: casterIdSchema, doc: "The production studio's ID.", onChange: "replace", api: "CasterId" },
  locationId: {
    schema: z.string().regex(COMPONENT_LOCATION_ID_PATTERN, { error: COMPONENT_LOCATION_ID_RULE }).describe("the component position, RC01 to RC99"),
    doc: "The component position, `RC01` to `RC99`. A position holds one component.",
    onChange: "replace",
    onChangeNote: "so that a swap never collides",
    api: "LocationId",
  },
  componentName: {
    schema: nameSchema("the component a name", 128).optional(),
    doc: "The component's name in the console.",
    default: "its ComponentId",
    onChange: "update",
    api: "ComponentName",
    whenOmitted: "not compared",
  },
  componentType: {
    schema: z.enum(COMPONENT_TYPES, { error: `use one of ${COMPONENT_TYPES.join(", ")}.` }).describe("text, image or caption"),
    doc: "What the component shows: `text`, `image` or `caption`; set the property of the same name.",
    onChange: "update",
    api: "ComponentType",
  },
  geometry: {
    schema: componentGeometrySchema.describe("where the component is and how large"),
    doc: "Where it is: `position` [x, y] (0–1) from `anchor` (default topLeft), `widthNormalized` / `heightNormalized` (0–1), `transparency` 0–255 (default 255, opaque). The API's ComponentLayer.",
    onChange: "update",
  },
  effect: {
    schema: z.enum(COMPONENT_EFFECTS, { error: `use one of ${COMPONENT_EFFECTS.join(", ")}.` }).optional(),
    doc: "How it moves: `none`, `animateH` (scrolls across), `animateV` (scrolls up).",
    default: "none",
    onChange: "update",
    api: "Effect",
    whenOmitted: "none",
  },
  layerOrder: {
    schema: z.enum(COMPONENT_LAYER_ORDERS, { error: `use cover (over the picture) or background.` }).optional(),
    doc: "Over the picture (`cover`) or under it (`background`). Set only when the component is added: the API does not report it.",
    default: "cover",
    onChange: "replace",
    onChangeNote: "ModifyCasterComponent cannot change it",
    api: "LayerOrder",
  },
  text: {
    schema: textSchema.optional(),
    doc: `A text component's text and style: \`{ text, fontName?, sizeNormalized?, color? (0xRRGGBB), borderColor?, borderWidthNormalized? }\`; left out, the style is the API's: ${TEXT_STYLE_DEFAULTS.fontName}, ${TEXT_STYLE_DEFAULTS.color}, size 0, no border.`,
    default: "none",
    onChange: "update",
  },
  image: { schema: imageSchema.optional(), doc: "An image component's media-library image: `{ materialId }`.", default: "none", onChange: "update" },
  caption: {
    schema: captionSchema.optional(),
    doc: "A caption component: which source is captioned (`sourceLocationId`), from and to which language (`cn`, `en`, `es`, `ru`), and its text style.",
    default: "none",
    onChange: "update",
  },
  importId: importIdField({
    noun: "component",
    form: "<casterId>:<componentId>",
    example: "LIVEPRODUCER_POST-cn-0pp1czt1234:9b1c4d2e-7f3a-4e8b-8c1d-2a3b4c5d1234",
    withStudio: true,
    foundWith: "DescribeCasterComponents",
    adopting: "It must sit at `locationId`; its settings are compared with these, defaults written out, and ModifyCasterComponent is sent only when they differ, so a component that already matches is taken over with no call that changes anything. `layerOrder`, which the API does not report, is taken as declared.",
    default: "none: a new component is added",
  }),
  connection: connectionField,
} as const;

type Fields = typeof fields;
export type ComponentInputs = z.infer<z.ZodObject<{ -readonly [K in keyof Fields]: Fields[K]["schema"] }>>;

/** What a component of `type` lacks without its content: said by the check and by the JSON Schema alike. */
const needsItsContent = (type: string) => `a ${type} component needs its ${type} property; set ${type}.`;
/** What `other` set on a component of `type` is: said by the check and by the JSON Schema alike. */
const notItsType = (other: string, type: string) => `${other} is set, but componentType is ${type}; remove ${other}, or set componentType to ${other}.`;

/** The content property named by componentType is set, and no other. */
const contentOfItsType = withJsonSchema<ComponentInputs>((known, unknown) => {
  if (known.componentType === undefined) return undefined;
  const type = known.componentType;
  if (known[type] === undefined && !unknown.has(type)) {
    return { property: type, reason: needsItsContent(type) };
  }
  const other = COMPONENT_TYPES.find((name) => name !== type && known[name] !== undefined);
  if (other) return { property: other, reason: notItsType(other, type) };
  return undefined;
}, {
  write: (json) => {
    json.allOf = COMPONENT_TYPES.map((type) => ({
      if: isSetTo("componentType", type),
      then: {
        allOf: [
          { required: [type], errorMessage: needsItsContent(type) },
          ...COMPONENT_TYPES.filter((other) => other !== type).map((other) => forbid(other, notItsType(other, type))),
        ],
      },
    }));
  },
});

export const casterComponent: KindSpec<Fields> = {
  type: "CasterComponent",
  provider: "component",
  noun: "component",
  doc: "An overlay of a production studio: a text, an image or a caption at a component position RC01–RC99, with its geometry and effect. Scenes show components over their layout (CasterSceneBinding).",
  fields,
  outputs: {
    componentId: { doc: "The API's ComponentId.", sdkType: "string", api: "ComponentId" },
  },
  operations: { create: "AddCasterComponent", read: "DescribeCasterComponents", update: "ModifyCasterComponent", delete: "DeleteCasterComponent" },
  id: ["casterId", "componentId"],
  goneCodes: ["InvalidComponent.NotFound", "InvalidCaster.NotFound"],
  deleteBeforeReplace: true,
  rules: [contentOfItsType, importIdOfThisStudioRule<ComponentInputs>("component", "componentId")],
  studioFile: { section: "components", doc: "a map from a component position (RC01–RC99) to the overlay there" },
};

export const componentFields = schemasOf(casterComponent);
