import { PORTRAIT_TYPES } from "../model/api-facts";
import { withDefaults } from "../model/fields/nested";
import { FieldSpec } from "../model/kinds/kind";
import {
  casterStudioLayout, ChromaKeyInput, MEDIA_INPUT_FIELDS, MediaInput, STUDIO_LAYOUT_SETTINGS, StudioBackground,
} from "../model/kinds/caster-studio-layout";
import { anchorWords, percent, placeOf, point, ScreenBox, screenBox } from "./composition";
import { FileStudioLayout } from "./studio-layouts";
import { displayValue, joinAnd, quote } from "./words";

/**
 * A virtual studio's studio layout in words and in boxes, as the diff and the picture both say and
 * draw it: the background, each presenter keyed over it, each media input, and how they stack.
 */

/**
 * A presenter is placed by the top-left corner of their picture and sized by its height (the reply
 * model: "The material position is based on the upper-left corner"); the API gives no width, which
 * is the keyed picture's own. It is drawn this many times its height wide, in the screen's pixels.
 */
export const PRESENTER_WIDTH_PER_HEIGHT = { [PORTRAIT_TYPES.halfBody]: 0.75, [PORTRAIT_TYPES.fullBody]: 0.4, unknown: 0.5 } as const;

/**
 * What the background shows: "media-library image f08…", "image https://…", "source RV02". The
 * picture and the page draw no URL (`withUrl: false`: "an image by its URL"); the diff gives it, masked where signed.
 */
export function backgroundWords(background: StudioBackground, withUrl = true): string {
  if (background.materialId !== undefined) return `media-library image ${background.materialId}`;
  if (background.imageUrl !== undefined) return withUrl ? `image ${displayValue(background.imageUrl)}` : "an image by its URL";
  return `source ${background.locationId}`;
}

/** A media input's box on the set, with the API's anchor where it leaves it out (topLeft). */
export function mediaInputBox(input: MediaInput): ScreenBox {
  return screenBox({ ...normalMediaInput(input), position: input.position });
}

export function normalMediaInput(input: MediaInput): MediaInput & Required<Pick<MediaInput, "anchor" | "fillMode">> {
  const defaults = Object.fromEntries(Object.entries(MEDIA_INPUT_FIELDS).filter(([, field]) => "default" in field));
  return { ...input, ...withDefaults(defaults, input) } as MediaInput & Required<Pick<MediaInput, "anchor" | "fillMode">>;
}

/** A presenter's box on a screen of `aspect` (width / height): its width assumed from its height (PRESENTER_WIDTH_PER_HEIGHT). */
export function presenterBox(input: ChromaKeyInput, aspect: number): Pick<ScreenBox, "x" | "y" | "width" | "height"> {
  const shape = input.portraitType === undefined ? PRESENTER_WIDTH_PER_HEIGHT.unknown : PRESENTER_WIDTH_PER_HEIGHT[input.portraitType];
  return { x: input.positionX, y: input.positionY, width: (input.heightNormalized * shape) / aspect, height: input.heightNormalized };
}

/** "channel RV03", "media-library image f08…" */
export function mediaContentWords(input: MediaInput): string {
  return input.channelId !== undefined ? `channel ${input.channelId}` : `media-library image ${input.imageMaterialId}`;
}

/** `RV01, green key, its top-left corner at (0.1, 0.3), 65% of the set's height, half body` */
export function presenterWords(input: ChromaKeyInput): string {
  const parts = [
    `${input.channelId}, ${input.color} key`,
    `its top-left corner at ${point([input.positionX, input.positionY])}`,
    `${percent(input.heightNormalized)} of the set's height`,
  ];
  if (input.portraitType !== undefined) parts.push(input.portraitType === PORTRAIT_TYPES.fullBody ? "full body" : "half body");
  if (input.onlyAudio === true) parts.push("sound only");
  return parts.join(", ");
}

/** `channel RV03, top-right, 35% × 35% of the set, its top-left corner at (0.6, 0.15), keeping its shape` */
export function mediaInputWords(input: MediaInput): string {
  const normal = normalMediaInput(input);
  const box = mediaInputBox(input);
  const size = box.size === "declared"
    ? (box.width === box.height ? `${percent(box.width)} of the set` : `${percent(box.width)} × ${percent(box.height)} of the set`)
    : "its own size";
  return [mediaContentWords(input), placeOf(box), size, `its ${anchorWords(normal.anchor)} at ${point(input.position)}`, normal.fillMode === "fit" ? "filling its box (fit)" : "keeping its shape"].join(", ");
}

/** One layer of the set, bottom first: the background or a media input, by its place in the declaration. */
export type SetLayer = { type: "background" } | { type: "media"; index: number };

/**
 * The background and the media inputs, bottom first: as layerOrder names them, then any it does not
 * name in the order declared (background first). Presenters are not in it: the API keys them on top.
 */
export function setLayers(layout: FileStudioLayout): SetLayer[] {
  const media = layout.mediaInputs ?? [];
  const layers: SetLayer[] = [];
  const hasMedia = (index: number) => layers.some((layer) => layer.type === "media" && layer.index === index);
  const hasBackground = () => layers.some((layer) => layer.type === "background");
  for (const entry of layout.layerOrder ?? []) {
    if (entry.type === "background" && layout.background && !hasBackground()) layers.push({ type: "background" });
    const index = entry.type === "media" ? media.findIndex((input) => input.id === entry.id) : -1;
    if (index >= 0 && !hasMedia(index)) layers.push({ type: "media", index });
  }
  if (layout.background && !hasBackground()) layers.unshift({ type: "background" });
  media.forEach((_input, index) => {
    if (!hasMedia(index)) layers.push({ type: "media", index });
  });
  return layers;
}

/** "the background, then media 1 "clip"" */
export function setLayerWords(layout: FileStudioLayout, layer: SetLayer): string {
  if (layer.type === "background") return `the background${layout.background?.id ? ` ${quote(layout.background.id)}` : ""}`;
  const input = (layout.mediaInputs ?? [])[layer.index];
  return `media ${layer.index + 1}${input?.id ? ` ${quote(input.id)}` : ""}`;
}

/** What the layout is in one line: "studio: 2 presenters over a media-library image, 1 media input", "common: channel RV03 as it is". */
export function studioLayoutWords(layout: FileStudioLayout, withUrl = true): string {
  if (layout.layoutType === "common") return `common: channel ${layout.commonConfig?.channelId ?? "(none)"} as it is`;
  const presenters = layout.chromaKeyInputs?.length ?? 0;
  const media = layout.mediaInputs?.length ?? 0;
  return `studio: ${presenters} presenter${presenters === 1 ? "" : "s"} keyed over ${layout.background ? backgroundWords(layout.background, withUrl) : "no background"}`
    + `${media > 0 ? `, ${media} media input${media === 1 ? "" : "s"}` : ""}`;
}

/** Each sentence a reviewer needs of a layout: its background, presenters, media inputs and stacking. */
export function studioLayoutDetails(layout: FileStudioLayout, withUrl = true): string[] {
  if (layout.layoutType === "common") return [`Shows channel ${layout.commonConfig?.channelId ?? "(none)"} full screen.`];
  return [
    ...(layout.background ? [`Background: ${backgroundWords(layout.background, withUrl)}.`] : []),
    ...(layout.chromaKeyInputs ?? []).map((input, index) => `Presenter ${index + 1}: ${presenterWords(input)}.`),
    ...(layout.mediaInputs ?? []).map((input, index) => `Media ${index + 1}: ${mediaInputWords(input)}.`),
    ...((layout.mediaInputs?.length ?? 0) > 0 ? [`Stacking, bottom first: ${joinAnd(setLayers(layout).map((layer) => setLayerWords(layout, layer)))}, the presenters on top.`] : []),
  ];
}

/** What a reviewer calls a property of the layout: the kind's label, or its own name. */
export function studioLayoutLabel(property: keyof typeof casterStudioLayout.fields): string {
  return (casterStudioLayout.fields[property] as FieldSpec).label ?? property;
}

/** The settings the provider sends as JSON, by property. */
export const STUDIO_LAYOUT_SETTING_PROPERTIES = STUDIO_LAYOUT_SETTINGS.map((setting) => setting.property);
