import { MAX_TRANSPARENCY } from "../../model/api-facts";
import {
  anchorWords, aspectOf, boundScenes, captionLanguages, cssColor, colorWords, DEFAULT_TEXT_SIZE_SHARE, normalAudioLayers, normalGeometry,
  normalVideoLayer, NormalVideoLayer, percent, placeOf, point, ScreenBox, screenBox, sceneWords, SOURCE_SIZE_SHARE, textStyle,
} from "../composition";
import {
  element, ellipsize, escapeXml, estimateTextWidth, FAINT, fits, Font, FONT_FAMILY, formatNumber, htmlElement, INK, joinMarkup, KIND_STYLES,
  Markup, MUTED, RULE, textElement, tooltip,
} from "./markup";
import { FileComponent, FileLayout, inChannelMode, LayoutSource, PlainStudioFile, SceneKey, SOURCE_KINDS, sourcePropertyOf } from "../schema";

/**
 * The screen, as a reviewer needs to see it: each layout drawn as a frame of the studio's aspect
 * (16:9, or 9:16 for a portrait template), every video layer at its normalized position and size
 * from its anchor, bottom to top, labelled with its source's name and kind, and the components a
 * scene shows over it (text as text, at its size and colour; images and captions as labelled
 * boxes) in the order the scene lists them; the frames that PGM and PVW show are marked.
 *
 * A layer of size 0 keeps its source's own size, which the file cannot know: it is drawn at a third
 * of the screen's width and height, dashed and marked "source size" (composition.ts's
 * SOURCE_SIZE_SHARE); with one of the two sizes given, the other follows the source's shape, taken
 * to be the screen's. A text of size 0 is drawn at 5% of the screen's height, marked "default size".
 */

/** Where the section goes in the picture. */
export interface SectionPlace {
  top: number;
  left: number;
  width: number;
}

/** One frame: a layout, the scenes that show it and the components over it (those scenes' list). */
export interface ScreenView {
  layout: string;
  scenes: SceneKey[];
  components: string[];
}

/**
 * The frames to draw: what PGM shows, then PVW (one frame when both show the same layout with the
 * same components), then every layout no scene shows, by name.
 */
export function screenViews(file: PlainStudioFile): ScreenView[] {
  const views: ScreenView[] = [];
  for (const scene of boundScenes(file)) {
    const same = views.find((view) => view.layout === scene.layout && view.components.join() === scene.components.join());
    if (same) same.scenes.push(scene.key);
    else views.push({ layout: scene.layout, scenes: [scene.key], components: scene.components });
  }
  const shown = new Set(views.map((view) => view.layout));
  for (const name of Object.keys(file.layouts ?? {}).sort()) {
    if (!shown.has(name)) views.push({ layout: name, scenes: [], components: [] });
  }
  return views.filter((view) => file.layouts?.[view.layout] !== undefined);
}

/** "2 layouts · 3 components · PGM and PVW bound", or "" for a file with none. */
export function compositionSummary(file: PlainStudioFile): string {
  const parts: string[] = [];
  const layouts = Object.keys(file.layouts ?? {}).length;
  const components = Object.keys(file.components ?? {}).length;
  const scenes = boundScenes(file).map((scene) => sceneWords(scene.key));
  if (layouts > 0) parts.push(`${layouts} layout${layouts === 1 ? "" : "s"}`);
  if (components > 0) parts.push(`${components} component${components === 1 ? "" : "s"}`);
  if (scenes.length > 0) parts.push(`${scenes.join(" and ")} bound`);
  return parts.join(" · ");
}

function hasComposition(file: PlainStudioFile): boolean {
  return compositionSummary(file) !== "";
}

// ---------------------------------------------------------------------------------------------
// Words shared by the picture's tooltips and the page's tables

/**
 * The source a layer's position shows: in a channel-mode file the layer names a channel, and shows
 * the source the channel plays (SetCasterConfig's ChannelEnable: "new layouts directly reference the
 * Channel"); otherwise the source at that position.
 */
function shownSource(file: PlainStudioFile, location: string): LayoutSource | undefined {
  if (inChannelMode(file)) {
    const channel = file.channels?.[location];
    return channel ? file.sources?.[channel.source] : undefined;
  }
  return file.sources?.[location];
}

/** `RV01 "Main camera"`, or in channel mode `channel RV01: RV03 "Main camera"`. */
function sourceLabel(file: PlainStudioFile, location: string): string {
  const source = shownSource(file, location);
  const channel = inChannelMode(file) ? file.channels?.[location] : undefined;
  if (channel) return `channel ${location}: ${channel.source}${source ? ` "${source.resourceName}"` : ""}`;
  return source ? `${location} "${source.resourceName}"` : location;
}

function sourceKind(file: PlainStudioFile, location: string): string | undefined {
  const source = shownSource(file, location);
  return source ? SOURCE_KINDS[sourcePropertyOf(source)] : undefined;
}

/** "30% × 30% of the screen", "its source's own size", "30% of the width, in its source's shape" */
export function sizeWords(box: ScreenBox): string {
  if (box.size === "source") return "its source's own size";
  if (box.size === "source shape") return `${percent(box.width)} of the screen, in its source's shape`;
  return box.width === box.height ? `${percent(box.width)} of the screen` : `${percent(box.width)} × ${percent(box.height)} of the screen`;
}

/** `bottom-right, 30% of the screen, its bottom-right corner at (0.96, 0.93), fit` */
export function layerWords(layer: NormalVideoLayer): string {
  const box = screenBox(layer);
  const where = placeOf(box);
  const parts = [...(where === "full screen" ? [where] : [where, sizeWords(box)]), `its ${anchorWords(layer.anchor)} at ${point(layer.position)}`];
  parts.push(layer.fillMode === "fit" ? "filling its box (fit)" : "keeping its shape");
  if (layer.fixedDelayDuration > 0) parts.push(`delayed ${layer.fixedDelayDuration} ms`);
  return parts.join(", ");
}

/** "Main camera (RV01)", "Guest camera (RV04) at 80% volume, left channel" */
function heardWords(file: PlainStudioFile, layout: FileLayout): string[] {
  return normalAudioLayers(layout).map((layer) => {
    const name = shownSource(file, layer.locationId)?.resourceName;
    const parts = [name ? `${name} (${layer.locationId})` : layer.locationId];
    if (layer.volumeRate !== 1) parts.push(layer.volumeRate === 0 ? "muted" : `at ${percent(layer.volumeRate)} volume`);
    if (layer.validChannel !== "all") parts.push(layer.validChannel === "leftChannel" ? "left channel" : "right channel");
    return parts.join(" ");
  });
}

/** "text "Live from Hangzhou"", "image brand-logo", "caption of RV01 "Main camera", en → cn" */
export function componentContent(file: PlainStudioFile, component: FileComponent): string {
  if (component.componentType === "text" && component.text) return `text "${component.text.text}"`;
  if (component.componentType === "image" && component.image) return `image ${component.image.materialId}`;
  if (component.componentType === "caption" && component.caption) {
    const languages = captionLanguages(component.caption);
    const of = component.caption.sourceLocationId ? ` of ${sourceLabel(file, component.caption.sourceLocationId)}` : "";
    return `caption${of}, ${languages.sourceLanguage}${languages.targetLanguage ? ` → ${languages.targetLanguage}` : ""}`;
  }
  return component.componentType;
}

function componentLabel(position: string, component: FileComponent): string {
  return component.componentName ? `${position} "${component.componentName}"` : position;
}

function componentWhere(component: FileComponent): string {
  const geometry = normalGeometry(component.geometry);
  const box = screenBox(geometry);
  const parts = [placeOf(box), sizeWords(box).replace("its source's own size", "its content's own size")];
  if (geometry.transparency !== MAX_TRANSPARENCY) parts.push(`${percent(geometry.transparency / MAX_TRANSPARENCY)} opaque`);
  if (component.layerOrder === "background") parts.push("under the picture (background)");
  if (component.effect === "animateH") parts.push("scrolling across");
  if (component.effect === "animateV") parts.push("scrolling up");
  return parts.join(", ");
}

// ---------------------------------------------------------------------------------------------
// The picture

const FRAME_GAP = 32;
const VIEW_HEADER = 28;
const VIEW_FOOTER = 44;
/** A portrait frame's height; landscape frames share the width two to a row. */
const PORTRAIT_FRAME_HEIGHT = 480;
const SCREEN_FILL = "#1b1f24";
const SCENE_STYLES: Record<SceneKey, { color: string; label: string }> = {
  pgm: { color: "#c62828", label: "PGM · ON AIR" },
  pvw: { color: "#2e7d32", label: "PVW · PREVIEW" },
};
const HEADING_FONT: Font = { size: 15, bold: true };
const VIEW_TITLE_FONT: Font = { size: 13, bold: true };
const BADGE_FONT: Font = { size: 10.5, bold: true };
const FOOTER_FONT: Font = { size: 11.5 };
const LAYER_HEAD_FONT: Font = { size: 11, bold: true };
const LAYER_NAME_FONT: Font = { size: 12 };
const LAYER_HINT_FONT: Font = { size: 10 };
const TAG_FONT: Font = { size: 10, bold: true };

interface Frame {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** `a` mixed with `b`, `share` of `a`: #rrggbb. */
function mix(a: string, b: string, share: number): string {
  const channel = (hex: string, index: number) => parseInt(hex.slice(1 + 2 * index, 3 + 2 * index), 16);
  return `#${[0, 1, 2].map((index) => Math.round(channel(a, index) * share + channel(b, index) * (1 - share)).toString(16).padStart(2, "0")).join("")}`;
}

/** A layer on the screen: its kind's colour, dark as a picture is, opaque as a layer is; its labels light. */
function layerColors(accent: string) {
  return { fill: mix(accent, SCREEN_FILL, 0.38), stroke: mix(accent, "#ffffff", 0.75), head: mix(accent, "#ffffff", 0.35), text: "#ffffff", hint: "#d0d7de" };
}

/** A box of the screen, in the picture's pixels. */
function onFrame(box: Pick<ScreenBox, "x" | "y" | "width" | "height">, frame: Frame): Frame {
  return { x: frame.x + box.x * frame.width, y: frame.y + box.y * frame.height, width: box.width * frame.width, height: box.height * frame.height };
}

/** The normalized box, for a test or a tool that reads the picture: "x y width height". */
function boxData(box: Pick<ScreenBox, "x" | "y" | "width" | "height">): string {
  return [box.x, box.y, box.width, box.height].map((value) => String(Math.round(value * 10000) / 10000)).join(" ");
}

/**
 * The section of the picture with the layouts, from `place.top`; undefined for a file without
 * layouts, components or scenes, whose picture is as before.
 */
export function compositionSection(file: PlainStudioFile, place: SectionPlace): { markup: Markup; bottom: number } | undefined {
  if (!hasComposition(file)) return undefined;
  const aspect = aspectOf(file.caster);
  const views = screenViews(file);
  const frameWidth = aspect.portrait ? (PORTRAIT_FRAME_HEIGHT * aspect.width) / aspect.height : (place.width - FRAME_GAP) / 2;
  const frameHeight = aspect.portrait ? PORTRAIT_FRAME_HEIGHT : (frameWidth * aspect.height) / aspect.width;
  const perRow = Math.max(1, Math.floor((place.width + FRAME_GAP) / (frameWidth + FRAME_GAP)));
  const blockHeight = VIEW_HEADER + frameHeight + VIEW_FOOTER;

  const headingY = place.top + 16;
  const template = aspect.known ? `the studio's ${aspect.width}:${aspect.height} screen` : "a 16:9 screen (the studio's template is not in this file)";
  const note = `Drawn to ${template}. Video layers bottom to top, numbered; components over them in the scene's order. `
    + `A dashed layer keeps its source's own size, drawn at ${percent(SOURCE_SIZE_SHARE)} of the screen.`;
  const parts: Markup[] = [
    textElement({ x: place.left, y: headingY, "font-size": HEADING_FONT.size, "font-weight": "bold", fill: INK }, "Layouts and scenes"),
    textElement({ x: place.left, y: headingY + 20, "font-size": 11, fill: MUTED, "font-style": "italic", "data-part": "screen-note" },
      ellipsize(note, place.width, { size: 11 })),
  ];
  const viewsTop = headingY + 34;
  views.forEach((view, index) => {
    const column = index % perRow;
    const row = Math.floor(index / perRow);
    const left = place.left + column * (frameWidth + FRAME_GAP);
    const top = viewsTop + row * (blockHeight + 12);
    parts.push(viewMarkup(file, view, index, { x: left, y: top + VIEW_HEADER, width: frameWidth, height: frameHeight }));
  });
  let bottom = viewsTop + Math.ceil(views.length / perRow) * (blockHeight + 12) - 12;
  if (views.length === 0) {
    parts.push(textElement({ x: place.left, y: viewsTop + 12, "font-size": 12, fill: MUTED, "data-part": "no-layouts" }, "No layouts in this file."));
    bottom = viewsTop + 18;
  }
  const unbound = Object.keys(file.components ?? {}).sort().filter((position) => !boundScenes(file).some((scene) => scene.components.includes(position)));
  if (unbound.length > 0) {
    const line = `Components in no scene: ${unbound.map((position) => `${componentLabel(position, file.components![position])} (${file.components![position].componentType})`).join(" · ")}`;
    parts.push(textElement({ x: place.left, y: bottom + 20, "font-size": FOOTER_FONT.size, fill: MUTED, "data-part": "unbound-components" },
      ellipsize(line, place.width, FOOTER_FONT)));
    bottom += 26;
  }
  return { markup: element("g", { "data-part": "screens" }, ...parts), bottom };
}

function viewMarkup(file: PlainStudioFile, view: ScreenView, index: number, frame: Frame): Markup {
  const layout = file.layouts![view.layout];
  const clipId = `screen-clip-${index + 1}`;
  const components = view.components.filter((position) => file.components?.[position] !== undefined);
  const under = components.filter((position) => file.components![position].layerOrder === "background");
  const over = components.filter((position) => file.components![position].layerOrder !== "background");
  const layers = layout.videoLayers.map(normalVideoLayer);

  // The heading: the layout's name, then a badge per scene that shows it.
  const titleText = `Layout "${view.layout}"`;
  const titleWidth = estimateTextWidth(titleText, VIEW_TITLE_FONT.size, true);
  const header: Markup[] = [textElement({
    x: frame.x, y: frame.y - 10, "font-size": VIEW_TITLE_FONT.size, "font-weight": "bold", fill: INK, "data-part": "view-title",
  }, ellipsize(titleText, frame.width * 0.55, VIEW_TITLE_FONT))];
  let badgeX = frame.x + Math.min(titleWidth, frame.width * 0.55) + 10;
  // A narrow (portrait) frame gets the badges' short form, "PGM", so that they stay above it.
  const badgeWidth = (label: string) => estimateTextWidth(label, BADGE_FONT.size, true) + 14;
  const fullWidth = view.scenes.reduce((sum, scene) => sum + badgeWidth(SCENE_STYLES[scene].label) + 6, 0);
  const short = badgeX + fullWidth > frame.x + frame.width;
  for (const scene of view.scenes) {
    const style = SCENE_STYLES[scene];
    const label = short ? sceneWords(scene) : style.label;
    const width = badgeWidth(label);
    header.push(element("g", { "data-scene": scene },
      element("rect", { x: badgeX, y: frame.y - 24, width, height: 18, rx: 9, fill: style.color }),
      textElement({ x: badgeX + width / 2, y: frame.y - 11, "font-size": BADGE_FONT.size, "font-weight": "bold", fill: "#ffffff", "text-anchor": "middle" }, label),
    ));
    badgeX += width + 6;
  }
  if (view.scenes.length === 0) {
    header.push(textElement({ x: badgeX, y: frame.y - 10, "font-size": 11, fill: FAINT, "data-part": "no-scene" }, "in no scene"));
  }

  const border = view.scenes.length > 0 ? SCENE_STYLES[view.scenes[0]].color : RULE;
  const footer = [
    `Heard: ${heardWords(file, layout).join(" · ") || "nothing"}`,
    components.length === 0
      ? (view.scenes.length === 0 ? "Components: none (no scene shows this layout)" : "Components: none")
      : `Components, bottom to top: ${components.map((position) => `${componentLabel(position, file.components![position])} (${file.components![position].componentType})`).join(" · ")}`,
  ];
  const sceneNames = view.scenes.map(sceneWords).join(" and ");
  return element("g", { "data-view": view.layout, "data-scenes": view.scenes.join(" ") },
    tooltip(`Layout "${view.layout}"${sceneNames ? `, shown on ${sceneNames}` : ", in no scene"}: ${layers.length} video layer${layers.length === 1 ? "" : "s"}, ${components.length} component${components.length === 1 ? "" : "s"}`),
    ...header,
    element("clipPath", { id: clipId }, element("rect", { x: frame.x, y: frame.y, width: frame.width, height: frame.height })),
    element("rect", { "data-part": "screen", x: frame.x, y: frame.y, width: frame.width, height: frame.height, fill: SCREEN_FILL }),
    element("g", { "clip-path": `url(#${clipId})` },
      ...under.map((position) => componentMarkup(file, position, file.components![position], frame)),
      ...layers.map((layer, layerIndex) => layerMarkup(file, layer, layerIndex, layers.length, frame)),
      ...over.map((position) => componentMarkup(file, position, file.components![position], frame)),
    ),
    element("rect", {
      "data-part": "screen-border", x: frame.x, y: frame.y, width: frame.width, height: frame.height, fill: "none",
      stroke: border, "stroke-width": view.scenes.length > 0 ? 3 : 1,
    }),
    ...footer.map((line, lineIndex) => textElement({
      x: frame.x, y: frame.y + frame.height + 17 + lineIndex * 16, "font-size": FOOTER_FONT.size, fill: MUTED, "data-part": "view-footer",
    }, ellipsize(line, frame.width, FOOTER_FONT))),
  );
}

function layerMarkup(file: PlainStudioFile, layer: NormalVideoLayer, index: number, count: number, frame: Frame): Markup {
  const box = screenBox(layer);
  const drawn = onFrame(box, frame);
  const source = shownSource(file, layer.locationId);
  const property = source ? sourcePropertyOf(source) : undefined;
  const accent = property ? KIND_STYLES[property].accent : MUTED;
  const colors = layerColors(accent);
  const kind = sourceKind(file, layer.locationId) ?? "no source";
  const order = index === 0 ? " (bottom)" : index === count - 1 ? " (top)" : "";
  const hints = [
    box.size === "source" ? "source size" : box.size === "source shape" ? "source's shape" : undefined,
    layer.fillMode === "fit" ? "fit" : "keeps its shape",
    layer.fixedDelayDuration > 0 ? `delay ${layer.fixedDelayDuration} ms` : undefined,
  ].filter((hint): hint is string => hint !== undefined).join(" · ");
  const innerWidth = drawn.width - 12;
  const lines: { text: string; font: Font; fill: string; part: string }[] = [
    { text: `${layer.locationId} · ${kind}`, font: LAYER_HEAD_FONT, fill: colors.head, part: "layer-head" },
    { text: source?.resourceName ?? "", font: LAYER_NAME_FONT, fill: colors.text, part: "layer-name" },
    { text: hints, font: LAYER_HINT_FONT, fill: colors.hint, part: "layer-hints" },
  ];
  const texts: Markup[] = [];
  let baseline = drawn.y + 15;
  for (const line of lines) {
    if (baseline + 3 > drawn.y + drawn.height - 4) break;
    const text = ellipsize(line.text, innerWidth, line.font);
    if (text !== "") {
      texts.push(textElement({
        x: drawn.x + 6, y: baseline, "font-size": line.font.size, ...(line.font.bold ? { "font-weight": "bold" } : {}), fill: line.fill, "data-part": line.part,
      }, text));
    }
    baseline += line.font.size + 4;
  }
  const number = String(index + 1);
  const badge = drawn.width >= 30 && drawn.height >= 30 ? [
    element("rect", { x: drawn.x + drawn.width - 22, y: drawn.y + drawn.height - 22, width: 18, height: 18, rx: 4, fill: accent }),
    textElement({
      x: drawn.x + drawn.width - 13, y: drawn.y + drawn.height - 9, "font-size": 11, "font-weight": "bold", fill: "#ffffff", "text-anchor": "middle", "data-part": "layer-order",
    }, number),
  ] : [];
  return element("g", { "data-layer": layer.locationId, "data-index": index + 1, "data-size": box.size, "data-box": boxData(box) },
    tooltip(`Layer ${index + 1} of ${count}${order}: ${sourceLabel(file, layer.locationId)} (${kind}), ${layerWords(layer)}`),
    element("rect", {
      "data-part": "layer-box", x: drawn.x, y: drawn.y, width: drawn.width, height: drawn.height,
      fill: colors.fill, stroke: colors.stroke, "stroke-width": 2,
      ...(box.size === "declared" ? {} : { "stroke-dasharray": "6 4" }),
    }),
    ...texts,
    ...badge,
  );
}

function componentMarkup(file: PlainStudioFile, position: string, component: FileComponent, frame: Frame): Markup {
  const geometry = normalGeometry(component.geometry);
  const opacity = geometry.transparency / MAX_TRANSPARENCY;
  const label = componentLabel(position, component);
  const title = tooltip(`${label}: ${componentContent(file, component)}; ${componentWhere(component)}`);
  if (component.componentType === "text" && component.text) {
    const style = textStyle(component.text);
    const defaultSize = style.sizeNormalized === 0;
    const fontSize = (defaultSize ? DEFAULT_TEXT_SIZE_SHARE : style.sizeNormalized) * frame.height;
    const sized = geometry.widthNormalized > 0 && geometry.heightNormalized > 0;
    // A text box of size 0 is as large as its text.
    const box = screenBox(sized ? geometry : {
      ...geometry,
      widthNormalized: estimateTextWidth(component.text.text, fontSize) / frame.width,
      heightNormalized: (fontSize * 1.3) / frame.height,
    });
    const drawn = onFrame(box, frame);
    const border = style.borderWidthNormalized > 0 && style.borderColor !== "" ? {
      stroke: cssColor(style.borderColor), "stroke-width": Math.max(0.5, style.borderWidthNormalized * fontSize), "paint-order": "stroke",
    } : {};
    return element("g", { "data-component": position, "data-type": "text", "data-box": boxData(box), ...(defaultSize ? { "data-size": "default" } : {}) },
      title,
      element("rect", {
        "data-part": "component-box", x: drawn.x, y: drawn.y, width: drawn.width, height: drawn.height,
        fill: "none", stroke: "#ffffff", "stroke-opacity": 0.55, "stroke-width": 1, "stroke-dasharray": "4 3",
      }),
      textElement({
        x: drawn.x, y: drawn.y + (drawn.height + fontSize * 0.7) / 2, "font-size": fontSize, fill: cssColor(style.color), "fill-opacity": opacity,
        "font-family": `${style.fontName}, ${FONT_FAMILY}`, "data-part": "component-text", ...border,
      }, component.text.text),
      componentTag(`${position} · text${defaultSize ? " · default size" : ""}`, drawn, frame),
    );
  }
  const box = screenBox(geometry);
  const drawn = onFrame(box, frame);
  const image = component.componentType === "image";
  const head = `${position} · ${component.componentType}${box.size === "source" ? " · own size" : ""}`;
  const details = [
    component.componentName ?? "",
    image ? `asset ${component.image?.materialId ?? ""}` : componentContent(file, component).replace(/^caption,? ?/, ""),
  ].filter((line) => line !== "");
  // As many lines as the box has room for, the last one taking what is left.
  const room = drawn.height >= 19 ? 1 + Math.floor((drawn.height - 19) / 14) : 0;
  const all = [room > 1 && !fits(head, drawn.width - 10, TAG_FONT) ? position : head, ...details];
  const rest = all.slice(Math.max(room - 1, 0)).join(" · ");
  const last = fits(rest, drawn.width - 10, { size: 11 }) ? rest : all[room - 1];
  const lines = room >= all.length ? all : room === 0 ? [] : [...all.slice(0, room - 1), last];
  const captionColor = component.caption ? cssColor(textStyle(component.caption).color) : "#ffffff";
  const texts: Markup[] = [];
  let baseline = drawn.y + 14;
  for (const [lineIndex, line] of lines.entries()) {
    const font = lineIndex === 0 ? TAG_FONT : { size: 11 };
    const text = ellipsize(line, drawn.width - 10, font);
    if (text !== "") {
      texts.push(textElement({
        x: drawn.x + 5, y: baseline, "font-size": font.size, ...(font.bold ? { "font-weight": "bold" } : {}),
        fill: image ? INK : captionColor, "data-part": "component-label",
      }, text));
    }
    baseline += font.size + 3;
  }
  const cross = image ? [
    element("path", {
      d: `M${formatNumber(drawn.x)},${formatNumber(drawn.y)} L${formatNumber(drawn.x + drawn.width)},${formatNumber(drawn.y + drawn.height)} M${formatNumber(drawn.x + drawn.width)},${formatNumber(drawn.y)} L${formatNumber(drawn.x)},${formatNumber(drawn.y + drawn.height)}`,
      stroke: "#8c959f", "stroke-width": 1, opacity: 0.5,
    }),
  ] : [];
  return element("g", { "data-component": position, "data-type": component.componentType, "data-box": boxData(box), ...(box.size === "declared" ? {} : { "data-size": box.size }) },
    title,
    element("rect", {
      "data-part": "component-box", x: drawn.x, y: drawn.y, width: drawn.width, height: drawn.height,
      fill: image ? "#ffffff" : "#000000", "fill-opacity": (image ? 0.88 : 0.6) * opacity,
      stroke: image ? "#6e7781" : captionColor, "stroke-width": 1.5, ...(box.size === "declared" ? {} : { "stroke-dasharray": "6 4" }),
    }),
    ...cross,
    ...texts,
  );
}

/** A text component's tag, above its box (below it when the box is at the top of the screen). */
function componentTag(text: string, box: Frame, frame: Frame): Markup {
  const width = Math.min(estimateTextWidth(text, TAG_FONT.size, true) + 10, frame.width);
  const above = box.y - 17 >= frame.y;
  const y = above ? box.y - 17 : box.y + box.height + 2;
  const x = Math.min(Math.max(box.x, frame.x), frame.x + frame.width - width);
  return element("g", { "data-part": "component-tag" },
    element("rect", { x, y, width, height: 15, rx: 3, fill: "#000000", "fill-opacity": 0.6 }),
    textElement({ x: x + 5, y: y + 11, "font-size": TAG_FONT.size, "font-weight": "bold", fill: "#ffffff" }, ellipsize(text, width - 8, TAG_FONT)),
  );
}

// ---------------------------------------------------------------------------------------------
// The page's tables

function sceneBadges(scenes: SceneKey[]): Markup {
  if (scenes.length === 0) return htmlElement("span", { class: "none" }, escapeXml("no scene"));
  return joinMarkup(scenes.map((scene) => htmlElement("span", { class: "scene", style: `background: ${SCENE_STYLES[scene].color}` }, escapeXml(SCENE_STYLES[scene].label))), "");
}

/** The layouts and components as tables: every layer and component in words, to read and search. */
export function compositionTables(file: PlainStudioFile): Markup[] {
  if (!hasComposition(file)) return [];
  const scenesOf = (layout: string) => boundScenes(file).filter((scene) => scene.layout === layout).map((scene) => scene.key);
  const layoutRows = Object.keys(file.layouts ?? {}).sort().map((name) => {
    const layout = file.layouts![name];
    const layers = layout.videoLayers.map(normalVideoLayer);
    return htmlElement("tr", { "data-layout": name },
      htmlElement("td", {}, escapeXml(name)),
      htmlElement("td", {}, sceneBadges(scenesOf(name))),
      htmlElement("td", {}, htmlElement("ol", {}, ...layers.map((layer) => htmlElement("li", {},
        escapeXml(`${sourceLabel(file, layer.locationId)} (${sourceKind(file, layer.locationId) ?? "no source"}): ${layerWords(layer)}`))))),
      htmlElement("td", {}, escapeXml(heardWords(file, layout).join("; ") || "nothing")),
    );
  });
  const componentRows = Object.keys(file.components ?? {}).sort().map((position) => {
    const component = file.components![position];
    const scenes = boundScenes(file).filter((scene) => scene.components.includes(position)).map((scene) => scene.key);
    return htmlElement("tr", { "data-component": position },
      htmlElement("td", { class: "position" }, escapeXml(position)),
      htmlElement("td", {}, escapeXml(component.componentName ?? "—")),
      htmlElement("td", {}, escapeXml(componentContent(file, component) + textFacts(component))),
      htmlElement("td", {}, escapeXml(componentWhere(component))),
      htmlElement("td", {}, sceneBadges(scenes)),
    );
  });
  const table = (part: string, headings: string[], rows: Markup[], none: string) => rows.length === 0
    ? htmlElement("p", { class: "none" }, escapeXml(none))
    : htmlElement("table", { "data-part": part },
      htmlElement("thead", {}, htmlElement("tr", {}, ...headings.map((heading) => htmlElement("th", {}, escapeXml(heading))))),
      htmlElement("tbody", {}, joinMarkup(rows)));
  return [
    htmlElement("h2", { id: "layouts" }, escapeXml("Layouts and scenes")),
    table("layouts", ["Layout", "Shown on", "Video layers, bottom to top", "Heard"], layoutRows, "No layouts in this file."),
    htmlElement("h2", { id: "components" }, escapeXml("Components")),
    table("components", ["Position", "Name", "Shows", "Where", "In scenes"], componentRows, "No components in this file."),
  ];
}

/** ", white (0xffffff), 6% of the screen's height, KaiTi" for a text or a caption. */
function textFacts(component: FileComponent): string {
  const content = component.text ?? component.caption;
  if (!content) return "";
  const style = textStyle(content);
  const size = style.sizeNormalized === 0 ? "the API's default size" : `${percent(style.sizeNormalized)} of the screen's height`;
  return `, ${colorWords(style.color)}, ${size}, ${style.fontName}`;
}
