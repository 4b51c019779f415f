import { POSITION_REFERS, VIDEO_LAYER_DEFAULTS } from "../model/api-facts";
import { withDefaults } from "../model/fields/nested";
import { CAPTION_LANGUAGE_FIELDS, GEOMETRY_FIELDS, TEXT_STYLE_FIELDS } from "../model/kinds/caster-component";
import { AUDIO_LAYER_FIELDS, AudioLayer, VIDEO_LAYER_FIELDS, VideoLayer } from "../model/kinds/caster-layout";
import { isNewStudio, FileComponent, FileLayout, LayoutCaster, SCENE_KEYS, SceneKey, PlainStudioFile } from "./schema";

/**
 * What is on screen, as `render` draws it and `diff` words it: where a layer or a component is
 * from its normalized position, anchor and size; the studio's aspect; the API's defaults for what a
 * layer or component leaves out. Pure geometry and words, no markup.
 */

/** How far along a box its anchor sits, [x, y] from its top-left corner (0, ½ or 1 of its width and height). */
export const ANCHOR_FACTORS: Record<(typeof POSITION_REFERS)[number], [number, number]> = {
  topLeft: [0, 0],
  topCenter: [0.5, 0],
  topRight: [1, 0],
  leftCenter: [0, 0.5],
  center: [0.5, 0.5],
  rightCenter: [1, 0.5],
  bottomLeft: [0, 1],
  bottomCenter: [0.5, 1],
  bottomRight: [1, 1],
};

/** What a layer or component leaves out is the API's default (model/api-facts.ts); a layer's and a component's anchor are the same. */
export const DEFAULT_ANCHOR = VIDEO_LAYER_DEFAULTS.anchor;

/**
 * A layer of size 0 (or left out) keeps its source's own size, which the file cannot know (it is the
 * source's resolution against the output's). It is drawn, and described, as a third of the
 * screen's width and height, marked "source size".
 */
export const SOURCE_SIZE_SHARE = 1 / 3;

/** A box on the screen, each value a share of the screen's width or height (0–1; may reach past the edges). */
export interface ScreenBox {
  x: number;
  y: number;
  width: number;
  height: number;
  /**
   * How its size is known: `declared` (both given), `source` (neither: the source's own size, drawn
   * at {@link SOURCE_SIZE_SHARE}), `source shape` (one given, the other following the source's shape,
   * taken to be the screen's).
   */
  size: "declared" | "source" | "source shape";
}

/** The box a position, anchor and size make: the anchor point of the box is at the position. */
export function screenBox(geometry: { position: readonly number[]; anchor?: string; widthNormalized?: number; heightNormalized?: number }): ScreenBox {
  const declaredWidth = geometry.widthNormalized ?? VIDEO_LAYER_DEFAULTS.widthNormalized;
  const declaredHeight = geometry.heightNormalized ?? VIDEO_LAYER_DEFAULTS.heightNormalized;
  let width = declaredWidth;
  let height = declaredHeight;
  let size: ScreenBox["size"] = "declared";
  if (width === 0 && height === 0) {
    width = height = SOURCE_SIZE_SHARE;
    size = "source";
  } else if (width === 0 || height === 0) {
    // The source keeps its shape; a source of the screen's own shape is as high, in shares, as it is wide.
    width = height = Math.max(width, height);
    size = "source shape";
  }
  const [ax, ay] = ANCHOR_FACTORS[(geometry.anchor ?? DEFAULT_ANCHOR) as keyof typeof ANCHOR_FACTORS] ?? [0, 0];
  return { x: geometry.position[0] - ax * width, y: geometry.position[1] - ay * height, width, height, size };
}

/** A video layer with every default written out (VIDEO_LAYER_DEFAULTS: topLeft, size 0, fillMode none, no delay). */
export type NormalVideoLayer = Required<VideoLayer>;
export type NormalAudioLayer = Required<AudioLayer>;

export function normalVideoLayer(layer: VideoLayer): NormalVideoLayer {
  return { locationId: layer.locationId, ...withDefaults(VIDEO_LAYER_FIELDS, layer) };
}

/** The audio layers, written out; left out, every video layer's source is heard at volume 1 on all channels (the kind's default). */
export function normalAudioLayers(layout: FileLayout): NormalAudioLayer[] {
  const layers: AudioLayer[] = layout.audioLayers ?? layout.videoLayers.map((layer) => ({ locationId: layer.locationId }));
  return layers.map((layer) => ({ locationId: layer.locationId, ...withDefaults(AUDIO_LAYER_FIELDS, layer) }));
}

/** A component's geometry, written out (COMPONENT_LAYER_DEFAULTS: topLeft, size 0, opaque). */
export function normalGeometry(geometry: FileComponent["geometry"]): Required<FileComponent["geometry"]> {
  return withDefaults(GEOMETRY_FIELDS, geometry);
}

/** A text's or caption's style as the API applies it: TEXT_STYLE_DEFAULTS for what is left out; colours in lower case. */
export function textStyle(style: { fontName?: string; sizeNormalized?: number; color?: string; borderColor?: string; borderWidthNormalized?: number }) {
  const written = withDefaults(TEXT_STYLE_FIELDS, style);
  return { ...written, color: written.color.toLowerCase(), borderColor: written.borderColor.toLowerCase() };
}

export function captionLanguages(caption: NonNullable<FileComponent["caption"]>) {
  return withDefaults(CAPTION_LANGUAGE_FIELDS, caption);
}

/** A text of size 0 is drawn at this share of the screen's height, marked "default size": the API's own size is not documented. */
export const DEFAULT_TEXT_SIZE_SHARE = 0.05;

// ---------------------------------------------------------------------------------------------
// The studio's screen

export interface Aspect {
  width: number;
  height: number;
  portrait: boolean;
  /** Whether the file says it (a studio it makes, with its template); otherwise 16:9 is assumed. */
  known: boolean;
}

/** 16:9, or 9:16 for a portrait template (`_v`); 16:9 assumed for a studio the file does not make. */
export function aspectOf(caster: LayoutCaster | undefined): Aspect {
  if (!isNewStudio(caster)) return { width: 16, height: 9, portrait: false, known: false };
  const portrait = /_v$/.test(caster.new.casterTemplate);
  return portrait ? { width: 9, height: 16, portrait, known: true } : { width: 16, height: 9, portrait, known: true };
}

// ---------------------------------------------------------------------------------------------
// Words

/** "top-left", "bottom", "centre", "full screen": where a box is, by its centre, in thirds of the screen. */
export function placeOf(box: Pick<ScreenBox, "x" | "y" | "width" | "height">): string {
  if (box.x <= 0.02 && box.y <= 0.02 && box.x + box.width >= 0.98 && box.y + box.height >= 0.98) return "full screen";
  const third = (value: number) => (value < 1 / 3 ? 0 : value <= 2 / 3 ? 1 : 2);
  const column = third(box.x + box.width / 2);
  const row = third(box.y + box.height / 2);
  const vertical = ["top", "", "bottom"][row];
  const horizontal = ["left", "", "right"][column];
  if (vertical === "" && horizontal === "") return "centre";
  return [vertical, horizontal].filter(Boolean).join("-");
}

/** 0.3 → "30%", 0.125 → "12.5%". */
export function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/** [0.05, 0.9] → "(0.05, 0.9)" */
export function point(position: readonly number[]): string {
  return `(${position.map((value) => String(Math.round(value * 1000) / 1000)).join(", ")})`;
}

/** The anchors in words: topLeft → "top-left corner", center → "centre". */
export function anchorWords(anchor: string): string {
  const words: Record<string, string> = {
    topLeft: "top-left corner", topCenter: "top edge's middle", topRight: "top-right corner",
    leftCenter: "left edge's middle", center: "centre", rightCenter: "right edge's middle",
    bottomLeft: "bottom-left corner", bottomCenter: "bottom edge's middle", bottomRight: "bottom-right corner",
  };
  return words[anchor] ?? anchor;
}

const COLOR_NAMES: Record<string, string> = {
  "0xffffff": "white", "0x000000": "black", "0xff0000": "red", "0x00ff00": "green", "0x0000ff": "blue",
  "0xffff00": "yellow", "0x00ffff": "cyan", "0xff00ff": "magenta", "0x808080": "grey",
};

/** "white (0xffffff)", "0x1e90ff" */
export function colorWords(color: string): string {
  const name = COLOR_NAMES[color.toLowerCase()];
  return name ? `${name} (${color.toLowerCase()})` : color.toLowerCase();
}

/** 0xRRGGBB → #rrggbb, for SVG. */
export function cssColor(color: string): string {
  return `#${color.slice(2).toLowerCase()}`;
}

/** What each scene shows, pgm first: the scenes the file binds. */
export function boundScenes(file: PlainStudioFile): { key: SceneKey; layout: string; components: string[] }[] {
  return SCENE_KEYS.flatMap((key) => {
    const scene = file.scenes?.[key];
    return scene ? [{ key, layout: scene.layout, components: scene.components ?? [] }] : [];
  });
}

/** "PGM (on air)", "PVW (preview)" */
export function sceneWords(key: SceneKey): string {
  return key === "pgm" ? "PGM" : "PVW";
}
