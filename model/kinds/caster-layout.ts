import { z } from "zod";
import { CrossFieldRule, describeValue } from "../../common/check";
import { isSetTo, withJsonSchema } from "../rules";
import {
  AUDIO_CHANNELS, AUDIO_LAYER_DEFAULTS, FILL_MODES, LOCATION_ID_PATTERN, LOCATION_ID_RULE, MAX_FIXED_DELAY_MS, MAX_VOLUME_RATE, POSITION_REFERS,
  VIDEO_LAYER_DEFAULTS,
} from "../api-facts";
import { NestedSpec, placementFields } from "../fields/nested";
import { wholeNumber } from "../fields/numbers";
import { importIdField, importIdOfThisStudioRule } from "../fields/import-id";
import { casterIdSchema } from "./caster-video-resource";
import { connectionField } from "../fields/connection";
import { KindSpec, schemasOf } from "./kind";

/**
 * A layout: the screen composition a scene shows. Video layers (which source, where, how large,
 * anchored where, fit or not) from bottom to top, and audio layers (which source is heard, on
 * which channel, how loud).
 *
 * The pages, by the names the comments give them:
 * - ADD: https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-addcasterlayout
 * - SCALE: https://www.alibabacloud.com/help/en/live/how-do-i-scale-a-video-layer ("Valid values: 0–1"; 0 does not scale)
 * - ORDER: https://www.alibabacloud.com/help/faq-detail/61823.htm (BlendList "overlaid from bottom to top"; the
 *   layers "consistent with and in the same order as those specified in the BlendList parameter")
 */

export { AUDIO_CHANNELS, FILL_MODES, POSITION_REFERS };

const normalized = (what: string) =>
  z.number({ error: `use a number from 0 to 1: ${what} as a share of the screen.` })
    .min(0, { error: `use a number from 0 to 1: ${what} as a share of the screen.` })
    .max(1, { error: `use a number from 0 to 1: ${what} as a share of the screen.` });

export const videoLayerSchema = z.strictObject({
  locationId: z.string().regex(LOCATION_ID_PATTERN, { error: LOCATION_ID_RULE }),
  widthNormalized: normalized("the width").optional(),
  heightNormalized: normalized("the height").optional(),
  // Optional, as the API has it: VideoLayer.N.PositionNormalized defaults to [0,0] (the official
  // SDK's AddCasterLayoutRequest: "Default value: `[0,0]`").
  position: z.tuple([normalized("x"), normalized("y")], { error: "use [x, y], each from 0 to 1, e.g. [0.5, 0.5]." }).optional(),
  anchor: z.enum(POSITION_REFERS, { error: `use one of ${POSITION_REFERS.join(", ")}.` }).optional(),
  fillMode: z.enum(FILL_MODES, { error: "use none (keep the source's shape) or fit (fill the layer's box)." }).optional(),
  fixedDelayDuration: wholeNumber(0, MAX_FIXED_DELAY_MS, `use whole milliseconds from 0 to ${MAX_FIXED_DELAY_MS}.`).optional(),
}, { error: (issue) => issue.code === "unrecognized_keys"
  ? `a video layer has locationId, widthNormalized, heightNormalized, position, anchor, fillMode and fixedDelayDuration; remove ${issue.keys.join(", ")}.`
  : "each video layer is { locationId, position?: [x, y], widthNormalized?, heightNormalized?, anchor?, fillMode? }." });

export const audioLayerSchema = z.strictObject({
  locationId: z.string().regex(LOCATION_ID_PATTERN, { error: LOCATION_ID_RULE }),
  volumeRate: z.number().min(0, { error: `use a volume from 0 (mute) to ${MAX_VOLUME_RATE}; 1 keeps it.` })
    .max(MAX_VOLUME_RATE, { error: `use a volume from 0 (mute) to ${MAX_VOLUME_RATE}; 1 keeps it.` }).optional(),
  validChannel: z.enum(AUDIO_CHANNELS, { error: `use one of ${AUDIO_CHANNELS.join(", ")}.` }).optional(),
  fixedDelayDuration: wholeNumber(0, MAX_FIXED_DELAY_MS, `use whole milliseconds from 0 to ${MAX_FIXED_DELAY_MS}.`).optional(),
}, { error: (issue) => issue.code === "unrecognized_keys"
  ? `an audio layer has locationId, volumeRate, validChannel and fixedDelayDuration; remove ${issue.keys.join(", ")}.`
  : "each audio layer is { locationId, volumeRate?, validChannel? }." });

/** A video layer's fields besides its locationId (BlendList.N), as VideoLayer.N.* carries them. */
export const VIDEO_LAYER_FIELDS = {
  ...placementFields(VIDEO_LAYER_DEFAULTS),
  fillMode: { api: "FillMode", default: VIDEO_LAYER_DEFAULTS.fillMode, as: "text", label: "fill mode" },
  fixedDelayDuration: { api: "FixedDelayDuration", default: VIDEO_LAYER_DEFAULTS.fixedDelayDuration, as: "number", label: "delay" },
} as const satisfies NestedSpec;

/** An audio layer's fields besides its locationId (MixList.N), as AudioLayer.N.* carries them. */
export const AUDIO_LAYER_FIELDS = {
  volumeRate: { api: "VolumeRate", default: AUDIO_LAYER_DEFAULTS.volumeRate, as: "number", label: "volume" },
  validChannel: { api: "ValidChannel", default: AUDIO_LAYER_DEFAULTS.validChannel, as: "text", label: "channel" },
  fixedDelayDuration: { api: "FixedDelayDuration", default: AUDIO_LAYER_DEFAULTS.fixedDelayDuration, as: "number", label: "delay" },
} as const satisfies NestedSpec;

export type VideoLayer = z.infer<typeof videoLayerSchema>;
export type AudioLayer = z.infer<typeof audioLayerSchema>;

const fields = {
  casterId: {
    schema: casterIdSchema,
    doc: "The production studio's ID.",
    onChange: "replace",
    api: "CasterId",
  },
  videoLayers: {
    schema: z.array(videoLayerSchema, { error: "give a list of video layers." })
      .min(1, { error: "give at least one video layer: a layout shows something." })
      .describe("the video layers, bottom to top"),
    doc: "The picture, bottom to top: each layer shows the source at `locationId`, at `position` [x, y] (0–1, measured from `anchor`: topLeft (default), topCenter, topRight, leftCenter, center, rightCenter, bottomLeft, bottomCenter, bottomRight), `widthNormalized` / `heightNormalized` of the screen (0–1; 0 or left out keeps the source's size), `fillMode` `fit` to fill that box. The API's BlendList is this list's locations, in this order. In a channel-mode studio (the Caster's `channelMode`) `locationId` names a channel RV01 to RV12 that a CasterChannel sets (SetCasterConfig's ChannelEnable: \"new layouts directly reference the Channel\").",
    onChange: "update",
  },
  audioLayers: {
    // AudioLayer.N and MixList.N are required (the official SDK's AddCasterLayoutRequest): an empty
    // list would send none, which the API refuses.
    schema: z.array(audioLayerSchema, { error: "give a list of audio layers." })
      .min(1, { error: "give at least one audio layer (the API needs a MixList): leave audioLayers out to hear every video layer's source at volume 1, or list one with volumeRate 0 for silence." })
      .optional()
      .describe("the sources that are heard"),
    doc: "What is heard: each layer mixes the source at `locationId` in, at `volumeRate` (0–10, default 1) on `validChannel` (default `all`). The API's MixList is this list's locations, in this order.",
    default: "every video layer's source, at volume 1 on all channels (the API needs a MixList)",
    onChange: "update",
  },
  importId: importIdField({
    noun: "layout",
    form: "<casterId>:<layoutId>",
    example: "LIVEPRODUCER_POST-cn-0pp1czt1234:3f2a9c1e-55d0-4b7e-9a51-0c2b8e7d1234",
    withStudio: true,
    foundWith: "DescribeCasterLayouts",
    adopting: "Its layers are compared with these, every default written out, and ModifyCasterLayout is sent only when they differ, so a layout that already matches is taken over with no call that changes anything.",
    default: "none: a new layout is added",
  }),
  connection: connectionField,
} as const;

type Fields = typeof fields;
export type LayoutInputs = z.infer<z.ZodObject<{ -readonly [K in keyof Fields]: Fields[K]["schema"] }>>;

/** What a fit layer without both sizes lacks: said by the check and by the JSON Schema alike. */
const FIT_NEEDS_A_SIZE = "has fillMode fit without both sizes: fit fills the layer's box, so give it widthNormalized and heightNormalized above 0 (up to 1), or use fillMode none.";

/** "fit" fills the layer's box, so the box needs a size. */
const fitNeedsASize = withJsonSchema<LayoutInputs>((known) => {
  const index = (known.videoLayers ?? []).findIndex((layer) => layer.fillMode === "fit" && !(layer.widthNormalized && layer.heightNormalized));
  if (index === -1) return undefined;
  return {
    property: "videoLayers",
    path: ["videoLayers", index, "fillMode"],
    reason: `videoLayers[${index}] ${describeValue(known.videoLayers?.[index])} ${FIT_NEEDS_A_SIZE}`,
  };
}, {
  on: videoLayerSchema,
  write: (json) => Object.assign(json, {
    if: isSetTo("fillMode", "fit"),
    then: {
      allOf: [
        { required: ["widthNormalized", "heightNormalized"], errorMessage: `this layer ${FIT_NEEDS_A_SIZE}` },
        // A size of 0 is no box, as the check's falsy test has it.
        { properties: { widthNormalized: { exclusiveMinimum: 0 }, heightNormalized: { exclusiveMinimum: 0 } } },
      ],
    },
  }),
});

/** A source shown twice in one picture is one layer too many: the API's BlendList names a location once. */
const eachSourceOnce: CrossFieldRule<LayoutInputs> = (known) => {
  for (const list of ["videoLayers", "audioLayers"] as const) {
    const seen = new Map<string, number>();
    for (const [index, layer] of (known[list] ?? []).entries()) {
      const first = seen.get(layer.locationId);
      if (first !== undefined) {
        return {
          property: list,
          path: [list, index, "locationId"],
          reason: `${list}[${index}] and ${list}[${first}] both take ${layer.locationId}; a source is one layer of a layout: remove one, or use another position.`,
        };
      }
      seen.set(layer.locationId, index);
    }
  }
  return undefined;
};

export const casterLayout: KindSpec<Fields> = {
  type: "CasterLayout",
  provider: "layout",
  noun: "layout",
  doc: "A layout of a production studio: which sources are on screen, where, at what size, in which order, and which are heard. Scenes show a layout (CasterSceneBinding).",
  fields,
  outputs: {
    layoutId: { doc: "The API's LayoutId.", sdkType: "string", api: "LayoutId" },
  },
  operations: { create: "AddCasterLayout", read: "DescribeCasterLayouts", update: "ModifyCasterLayout", delete: "DeleteCasterLayout" },
  id: ["casterId", "layoutId"],
  goneCodes: ["InvalidLayout.NotFound", "InvalidCaster.NotFound"],
  deleteBeforeReplace: false,
  rules: [fitNeedsASize, eachSourceOnce, importIdOfThisStudioRule<LayoutInputs>("layout", "layoutId")],
  studioFile: { section: "layouts", doc: "a map from a layout's name to its video and audio layers" },
};

export const layoutFields = schemasOf(casterLayout);
export const layoutSpec = { fields: layoutFields, rules: casterLayout.rules };
