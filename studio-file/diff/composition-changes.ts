import { isDeepStrictEqual } from "node:util";
import { COMPONENT_DEFAULTS, MAX_TRANSPARENCY } from "../../model/api-facts";
import { CAPTION_LANGUAGE_FIELDS, casterComponent, TEXT_STYLE_FIELDS } from "../../model/kinds/caster-component";
import { casterLayout } from "../../model/kinds/caster-layout";
import { casterSceneBinding } from "../../model/kinds/caster-scene-binding";
import { replacedOnChange } from "../../model/kinds/kind";
import {
  anchorWords, captionLanguages, colorWords, normalAudioLayers, normalGeometry, normalVideoLayer, NormalAudioLayer, NormalVideoLayer, percent,
  placeOf, point, ScreenBox, screenBox, textStyle,
} from "../composition";
import { bySubject, LayoutChange } from "./change";
import { matchEntries } from "./match";
import { FileComponent, FileLayout, PlainStudioFile, SCENE_KEYS, SceneKey } from "../schema";
import { capitalize, joinAnd, quote, sentence } from "../words";

/**
 * What changes on screen, in words: layouts by name, components by position, then what PGM and
 * PVW show. As for sources and groups, every decision mirrors what `pulumi up` will do with the
 * Studio component's children: the kinds' specs say what a change replaces (a component's
 * layerOrder) and what is modified in place (a layout's layers, a component's content and
 * geometry, a scene's layout and components); what a layer or a component leaves out is compared
 * as the API's default, so writing a default out is no change.
 */

/** What replaces a component: the CasterComponent kind's fields with onChange "replace" (its position is its key here). */
const COMPONENT_REPLACED_ON_CHANGE = replacedOnChange(casterComponent);
/** A layout's layers, and a scene's layout and components, change in place: the kinds say so, and a test holds them to it. */
export const MODIFIED_IN_PLACE = {
  layout: ["videoLayers", "audioLayers"].filter((field) => !replacedOnChange(casterLayout).has(field)),
  scene: ["layoutId", "componentIds"].filter((field) => !replacedOnChange(casterSceneBinding).has(field)),
};

type Layouts = Record<string, FileLayout>;
type Components = Record<string, FileComponent>;

/** The composition's changes: layouts, components, then scenes (PGM first). */
export function compositionChanges(before: PlainStudioFile, after: PlainStudioFile, studioMoves: boolean): LayoutChange[] {
  const words = new Names(before, after);
  const layouts = layoutChanges(before.layouts ?? {}, after.layouts ?? {}, studioMoves, words);
  const components = componentChanges(before.components ?? {}, after.components ?? {}, studioMoves, words);
  const replacedComponents = new Set(components.filter((change) => change.action === "replace").map((change) => change.subject.replace(/^component /, "")));
  const movedComponents = new Map(components.filter((change) => change.action === "move").map((change) => [change.from!.replace(/^component /, ""), change.subject.replace(/^component /, "")]));
  const renamedLayouts = new Map(layouts.filter((change) => change.from !== undefined).map((change) => [layoutOf(change.from!), layoutOf(change.subject)]));
  return [
    ...bySubject(layouts),
    ...bySubject(components),
    ...sceneChanges(before, after, studioMoves, { replacedComponents, movedComponents, renamedLayouts }, words),
  ];
}

/** Whether a file declares anything on screen. */
export function hasComposition(file: PlainStudioFile): boolean {
  return Object.keys(file.layouts ?? {}).length > 0 || Object.keys(file.components ?? {}).length > 0
    || SCENE_KEYS.some((key) => file.scenes?.[key] !== undefined);
}

const layoutOf = (subject: string) => subject.replace(/^layout /, "");

/** How a reviewer calls a source and a component: by name, from the new file, else the old one. */
class Names {
  constructor(private readonly before: PlainStudioFile, private readonly after: PlainStudioFile) {}

  /** "Guest camera", or "RV04" when neither file names the source. */
  source(location: string): string {
    return this.after.sources?.[location]?.resourceName ?? this.before.sources?.[location]?.resourceName ?? location;
  }

  /** "Guest camera (RV04)" */
  sourceAt(location: string): string {
    const name = this.source(location);
    return name === location ? location : `${name} (${location})`;
  }

  /** `RC01 "Lower third"`, `RC02` */
  component(position: string, component?: FileComponent): string {
    const name = component?.componentName ?? this.after.components?.[position]?.componentName ?? this.before.components?.[position]?.componentName;
    return name ? `${position} ${quote(name)}` : position;
  }
}

// ---------------------------------------------------------------------------------------------
// Layouts

interface NormalLayout {
  video: NormalVideoLayer[];
  audio: NormalAudioLayer[];
}

function normalLayout(layout: FileLayout): NormalLayout {
  return { video: layout.videoLayers.map(normalVideoLayer), audio: normalAudioLayers(layout) };
}

function layoutChanges(before: Layouts, after: Layouts, studioMoves: boolean, names: Names): LayoutChange[] {
  // The same layers under a new name: for the reviewer a rename, for Pulumi a new child; on a new studio, everything is new.
  const { paired, removed, added, kept } = matchEntries(before, after, studioMoves ? [] : [(old, next) => isDeepStrictEqual(normalLayout(old), normalLayout(next))]);
  const changes: LayoutChange[] = paired.map(({ from, to }) => ({
    subject: `layout ${to}`,
    action: "replace",
    from: `layout ${from}`,
    summary: `Layout ${quote(from)} is renamed to ${quote(to)} with the same layers: it is made again under its new name, and the old one deleted.`,
    details: [],
  }));
  for (const from of removed) {
    changes.push({
      subject: `layout ${from}`,
      action: "remove",
      summary: `Layout ${quote(from)} removed (it showed ${joinAnd(before[from].videoLayers.map((layer) => names.source(layer.locationId)))}).`,
      details: [],
    });
  }
  for (const name of added) changes.push(addLayoutChange(name, after[name], names));
  for (const name of kept) {
    const phrases = layoutDifferences(before[name], after[name], names);
    if (phrases.length === 0) continue;
    const label = `Layout ${quote(name)}`;
    if (studioMoves) {
      changes.push({
        subject: `layout ${name}`, action: "replace",
        summary: `${label} is made again on the new studio${phrases.length === 1 ? `, and ${phrases[0]}` : `, with ${phrases.length} changes`}.`,
        details: phrases.length === 1 ? [] : phrases.map(sentence),
      });
      continue;
    }
    changes.push({
      subject: `layout ${name}`,
      action: "update",
      summary: phrases.length === 1 ? `${label}: ${phrases[0]}.` : `${label} is modified in place (${phrases.length} changes).`,
      details: phrases.length === 1 ? [] : phrases.map(sentence),
    });
  }
  return changes;
}

function addLayoutChange(name: string, layout: FileLayout, names: Names): LayoutChange {
  const layers = layout.videoLayers.map(normalVideoLayer);
  return {
    subject: `layout ${name}`,
    action: "add",
    summary: `Layout ${quote(name)} added, bottom to top: ${layers.map((layer) => `${names.source(layer.locationId)} ${shortPlacement(screenBox(layer))}`).join("; ")}.`,
    details: [
      ...layers.map((layer, index) => `Layer ${index + 1}: ${names.sourceAt(layer.locationId)}, ${placement(layer)}.`),
      `Heard: ${normalAudioLayers(layout).map((layer) => heard(layer, names)).join("; ")}.`,
    ],
  };
}

/** "full screen", "at the bottom-right, 30% of the screen", "at the top-left, at its source's own size" */
function shortPlacement(box: ScreenBox): string {
  const where = placeOf(box);
  if (where === "full screen") return where;
  return `${where === "centre" ? "in the centre" : `at the ${where}`}, ${sizePhrase(box)}`;
}

/** Where a layer is, all of it: "bottom-right, 30% of the screen, its bottom-right corner at (0.96, 0.93), filling its box (fit)" */
function placement(layer: NormalVideoLayer): string {
  const box = screenBox(layer);
  const parts = [shortPlacement(box), `its ${anchorWords(layer.anchor)} at ${point(layer.position)}`];
  parts.push(layer.fillMode === "fit" ? "filling its box (fit)" : "keeping its shape");
  if (layer.fixedDelayDuration > 0) parts.push(`delayed ${layer.fixedDelayDuration} ms`);
  return parts.join(", ");
}

function sizePhrase(box: ScreenBox): string {
  if (box.size === "source") return "at its source's own size";
  if (box.size === "source shape") return `${percent(box.width)} of the screen in its source's shape`;
  return box.width === box.height ? `${percent(box.width)} of the screen` : `${percent(box.width)} × ${percent(box.height)} of the screen`;
}

function heard(layer: NormalAudioLayer, names: Names): string {
  const parts = [names.sourceAt(layer.locationId)];
  if (layer.volumeRate !== 1) parts.push(layer.volumeRate === 0 ? "muted" : `at ${percent(layer.volumeRate)} volume`);
  if (layer.validChannel !== "all") parts.push(layer.validChannel === "leftChannel" ? "on the left channel" : "on the right channel");
  if (layer.fixedDelayDuration > 0) parts.push(`delayed ${layer.fixedDelayDuration} ms`);
  return parts.join(" ");
}

/** A layout's changes as phrases that follow `Layout "pip": `: layers by source, their order, what is heard. */
function layoutDifferences(before: FileLayout, after: FileLayout, names: Names): string[] {
  const old = normalLayout(before);
  const next = normalLayout(after);
  const phrases: string[] = [];
  const oldAt = new Map(old.video.map((layer) => [layer.locationId, layer]));
  const nextAt = new Map(next.video.map((layer) => [layer.locationId, layer]));
  for (const layer of next.video) {
    const was = oldAt.get(layer.locationId);
    if (!was) {
      phrases.push(`${names.sourceAt(layer.locationId)} is now shown, ${shortPlacement(screenBox(layer))}`);
      continue;
    }
    const changes = layerChanges(was, layer);
    if (changes.length > 0) phrases.push(`${names.source(layer.locationId)} ${joinAnd(changes)}`);
  }
  for (const layer of old.video) {
    if (!nextAt.has(layer.locationId)) phrases.push(`${names.sourceAt(layer.locationId)} is no longer shown`);
  }
  const kept = (list: NormalVideoLayer[], other: Map<string, NormalVideoLayer>) => list.map((layer) => layer.locationId).filter((location) => other.has(location));
  const oldOrder = kept(old.video, nextAt);
  const newOrder = kept(next.video, oldAt);
  if (oldOrder.join() !== newOrder.join()) {
    const list = (order: string[]) => order.map((location) => names.source(location)).join(", ");
    phrases.push(`the layers, bottom to top, are now ${list(newOrder)} (were ${list(oldOrder)})`);
  }
  phrases.push(...audioDifferences(old.audio, next.audio, names));
  return phrases;
}

/** One layer's changes, as phrases after its name: "moves from top-left to bottom-right", "grows from 25% to 30% of the width". */
function layerChanges(before: NormalVideoLayer, after: NormalVideoLayer): string[] {
  const phrases = [...moveAndSize(before, after)];
  if (before.fillMode !== after.fillMode) phrases.push(after.fillMode === "fit" ? "now fills its box (fit)" : "now keeps its shape in its box (fillMode none)");
  if (before.fixedDelayDuration !== after.fixedDelayDuration) {
    phrases.push(`is delayed ${after.fixedDelayDuration} ms instead of ${before.fixedDelayDuration} ms`);
  }
  return phrases;
}

type Placed = { position: readonly number[]; anchor: string; widthNormalized: number; heightNormalized: number };

/** Where a box moves and how its size changes, from positions, anchors and sizes as the screen shows them. */
function moveAndSize(before: Placed, after: Placed): string[] {
  const phrases: string[] = [];
  const [old, next] = [screenBox(before), screenBox(after)];
  const moved = !near(old.x, next.x) || !near(old.y, next.y);
  const reanchored = before.anchor !== after.anchor;
  if (moved) {
    const [from, to] = [placeOf(old), placeOf(next)];
    const anchorNote = reanchored ? ` (now placed by its ${anchorWords(after.anchor)})` : "";
    phrases.push(from !== to
      ? `moves from ${from} to ${to}${anchorNote}`
      : reanchored
        ? `moves within the ${from === "centre" ? "centre" : from} (now placed by its ${anchorWords(after.anchor)} at ${point(after.position)})`
        : `moves from ${point(before.position)} to ${point(after.position)}, still ${from === "full screen" ? "full screen" : `at the ${from}`}`);
  } else if (reanchored || !isDeepStrictEqual([...before.position], [...after.position])) {
    phrases.push(`is now placed by its ${anchorWords(after.anchor)} at ${point(after.position)} (the same place on screen)`);
  }
  phrases.push(...sizeChanges(old, next));
  return phrases;
}

function sizeChanges(old: ScreenBox, next: ScreenBox): string[] {
  if (old.size === "source" && next.size !== "source") return [`now takes ${sizePhrase(next).replace(/^at /, "")} instead of its source's own size`];
  if (next.size === "source" && old.size !== "source") return [`now keeps its source's own size instead of ${sizePhrase(old)}`];
  const widthChanged = !near(old.width, next.width);
  const heightChanged = !near(old.height, next.height);
  if (!widthChanged && !heightChanged) return [];
  const verb = (from: number, to: number) => (to > from ? "grows" : "shrinks");
  if (widthChanged) {
    const sameShape = near(old.height / old.width, next.height / next.width);
    const width = `${verb(old.width, next.width)} from ${percent(old.width)} to ${percent(next.width)} of the width`;
    return [sameShape || !heightChanged ? width : `${width}, and from ${percent(old.height)} to ${percent(next.height)} of the height`];
  }
  return [`${verb(old.height, next.height)} from ${percent(old.height)} to ${percent(next.height)} of the height`];
}

function near(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-9;
}

function audioDifferences(before: NormalAudioLayer[], after: NormalAudioLayer[], names: Names): string[] {
  const phrases: string[] = [];
  const oldAt = new Map(before.map((layer) => [layer.locationId, layer]));
  const nextAt = new Map(after.map((layer) => [layer.locationId, layer]));
  for (const layer of after) {
    const was = oldAt.get(layer.locationId);
    if (!was) {
      phrases.push(`${heard(layer, names)} is now heard`);
      continue;
    }
    const changes: string[] = [];
    if (was.volumeRate !== layer.volumeRate) {
      changes.push(layer.volumeRate === 0 ? "is muted" : `is heard at ${percent(layer.volumeRate)} volume instead of ${percent(was.volumeRate)}`);
    }
    if (was.validChannel !== layer.validChannel) changes.push(`is heard on ${channelWords(layer.validChannel)} instead of ${channelWords(was.validChannel)}`);
    if (was.fixedDelayDuration !== layer.fixedDelayDuration) changes.push(`its sound is delayed ${layer.fixedDelayDuration} ms instead of ${was.fixedDelayDuration} ms`);
    if (changes.length > 0) phrases.push(`${names.source(layer.locationId)} ${joinAnd(changes)}`);
  }
  for (const layer of before) {
    if (!nextAt.has(layer.locationId)) phrases.push(`${names.sourceAt(layer.locationId)} is no longer heard`);
  }
  const order = (list: NormalAudioLayer[], other: Map<string, NormalAudioLayer>) => list.map((layer) => layer.locationId).filter((location) => other.has(location)).join();
  if (phrases.length === 0 && order(before, nextAt) !== order(after, oldAt)) phrases.push("its audio layers are listed in another order (what is heard stays the same)");
  return phrases;
}

function channelWords(channel: string): string {
  return channel === "leftChannel" ? "the left channel" : channel === "rightChannel" ? "the right channel" : "both channels";
}

// ---------------------------------------------------------------------------------------------
// Components

/** A component in the API's terms, every default written out, so that a default written out is no change. */
function normalComponent(component: FileComponent) {
  return {
    componentType: component.componentType,
    geometry: normalGeometry(component.geometry),
    effect: component.effect ?? COMPONENT_DEFAULTS.effect,
    layerOrder: component.layerOrder ?? COMPONENT_DEFAULTS.layerOrder,
    text: component.text ? { text: component.text.text, ...textStyle(component.text) } : undefined,
    image: component.image ? { materialId: component.image.materialId } : undefined,
    caption: component.caption
      ? { sourceLocationId: component.caption.sourceLocationId ?? "", ...captionLanguages(component.caption), ...textStyle(component.caption) }
      : undefined,
  };
}

function componentChanges(before: Components, after: Components, studioMoves: boolean, names: Names): LayoutChange[] {
  // The same overlay at another position: for Pulumi a delete and a create, for the reviewer a move.
  const { paired, removed, added, kept } = matchEntries(before, after, [(old, next) => isDeepStrictEqual(normalComponent(old), normalComponent(next))]);
  const changes: LayoutChange[] = paired.map(({ from, to }) => ({
    subject: `component ${to}`,
    action: "move",
    from: `component ${from}`,
    summary: `${after[to].componentName ? quote(after[to].componentName!) : `The ${after[to].componentType} component`} moves from ${from} to ${to} (removed at ${from} and added at ${to}).`,
    details: [],
  }));
  for (const from of removed) {
    changes.push({
      subject: `component ${from}`,
      action: "remove",
      summary: `Component ${names.component(from, before[from])} removed (it showed ${content(before[from], names)}).`,
      details: [],
    });
  }
  for (const position of added) {
    const component = after[position];
    changes.push({
      subject: `component ${position}`,
      action: "add",
      summary: `Component ${names.component(position, component)} added: ${content(component, names)}, ${componentPlacement(component)}.`,
      details: componentSettings(component),
    });
  }
  for (const position of kept) {
    const differences = componentDifferences(before[position], after[position], names);
    if (differences.length === 0) continue;
    const label = `Component ${names.component(position, after[position])}`;
    const phrases = differences.map((difference) => difference.phrase);
    const replacing = differences.filter((difference) => COMPONENT_REPLACED_ON_CHANGE.has(difference.property));
    if (studioMoves || replacing.length > 0) {
      const why = studioMoves ? "it is made again on the new studio" : `${joinAnd(replacing.map((difference) => difference.phrase))}, which ModifyCasterComponent cannot change`;
      changes.push({
        subject: `component ${position}`,
        action: "replace",
        summary: `${label} is replaced because ${why}; the scenes that show it are set again.`,
        details: differences.filter((difference) => !replacing.includes(difference)).map((difference) => sentence(difference.phrase)),
      });
      continue;
    }
    changes.push({
      subject: `component ${position}`,
      action: "update",
      summary: phrases.length === 1 ? `${label}: ${phrases[0]}.` : `${label} is modified in place (${phrases.length} changes).`,
      details: phrases.length === 1 ? [] : phrases.map(sentence),
    });
  }
  return changes;
}

/** "the text "Live from Hangzhou"", "the image asset brand-logo", "captions of Main camera (RV01), en → cn" */
function content(component: FileComponent, names: Names): string {
  if (component.text) return `the text ${quote(component.text.text)}`;
  if (component.image) return `the image asset ${component.image.materialId}`;
  if (component.caption) {
    const languages = captionLanguages(component.caption);
    const of = component.caption.sourceLocationId ? ` of ${names.sourceAt(component.caption.sourceLocationId)}` : "";
    return `captions${of}, ${languageWords(languages.sourceLanguage, languages.targetLanguage)}`;
  }
  return `a ${component.componentType}`;
}

function languageWords(source: string, target: string): string {
  return target ? `${source} → ${target}` : `in ${source}`;
}

/** "bottom-left, 55% × 10% of the screen" */
function componentPlacement(component: FileComponent): string {
  const box = screenBox(normalGeometry(component.geometry));
  return shortPlacement(box).replace("at its source's own size", "at its content's own size");
}

/** What an added component sets beyond its content and place, the API's defaults left out. */
function componentSettings(component: FileComponent): string[] {
  const normal = normalComponent(component);
  const lines: string[] = [];
  const style = normal.text ?? normal.caption;
  if (style) {
    lines.push(`${capitalize(colorWords(style.color))}, ${style.sizeNormalized === 0 ? "the API's default size" : `${percent(style.sizeNormalized)} of the screen's height`}, ${TEXT_STYLE_FIELDS.fontName.label} ${style.fontName}.`);
  }
  if (normal.geometry.transparency !== MAX_TRANSPARENCY) lines.push(`${percent(normal.geometry.transparency / MAX_TRANSPARENCY)} opaque.`);
  if (normal.effect !== "none") lines.push(normal.effect === "animateH" ? "Scrolls across (animateH)." : "Scrolls up (animateV).");
  if (normal.layerOrder === "background") lines.push("Under the picture (layerOrder background).");
  return lines;
}

interface ComponentDifference {
  /** The kind's property it is a change of. */
  property: string;
  phrase: string;
}

/** A component's changes as the provider compares them: both sides in normal form; a name left out is not compared. */
function componentDifferences(before: FileComponent, after: FileComponent, names: Names): ComponentDifference[] {
  const [old, next] = [normalComponent(before), normalComponent(after)];
  const differences: ComponentDifference[] = [];
  if (after.componentName !== undefined && before.componentName !== after.componentName) {
    differences.push({ property: "componentName", phrase: before.componentName ? `renamed from ${quote(before.componentName)} to ${quote(after.componentName)}` : `named ${quote(after.componentName)}` });
  }
  if (old.componentType !== next.componentType) {
    differences.push({ property: "componentType", phrase: `now shows ${content(after, names)} instead of ${content(before, names)}` });
  } else {
    differences.push(...contentDifferences(old, next, names));
  }
  const geometry = geometryPhrases(old.geometry, next.geometry);
  if (geometry.length > 0) differences.push({ property: "geometry", phrase: joinAnd(geometry) });
  if (old.effect !== next.effect) {
    const effect = { none: "no longer moves", animateH: "now scrolls across (animateH)", animateV: "now scrolls up (animateV)" }[next.effect];
    differences.push({ property: "effect", phrase: effect });
  }
  if (old.layerOrder !== next.layerOrder) {
    differences.push({ property: "layerOrder", phrase: next.layerOrder === "background" ? "it moves under the picture (layerOrder background)" : "it moves over the picture (layerOrder cover)" });
  }
  return differences;
}

function contentDifferences(old: ReturnType<typeof normalComponent>, next: ReturnType<typeof normalComponent>, names: Names): ComponentDifference[] {
  const differences: ComponentDifference[] = [];
  if (old.text && next.text) {
    if (old.text.text !== next.text.text) differences.push({ property: "text", phrase: `its text changes from ${quote(old.text.text)} to ${quote(next.text.text)}` });
    differences.push(...styleDifferences(old.text, next.text, "text"));
  }
  if (old.image && next.image && old.image.materialId !== next.image.materialId) {
    differences.push({ property: "image", phrase: `now shows the image asset ${next.image.materialId} instead of ${old.image.materialId}` });
  }
  if (old.caption && next.caption) {
    const [was, is] = [old.caption, next.caption];
    if (was.sourceLocationId !== is.sourceLocationId) {
      const of = (location: string) => (location ? names.sourceAt(location) : "no source");
      differences.push({ property: "caption", phrase: `now captions ${of(is.sourceLocationId)} instead of ${of(was.sourceLocationId)}` });
    }
    if (was.sourceLanguage !== is.sourceLanguage || was.targetLanguage !== is.targetLanguage) {
      differences.push({ property: "caption", phrase: `its ${CAPTION_LANGUAGE_FIELDS.sourceLanguage.label} change from ${languageWords(was.sourceLanguage, was.targetLanguage)} to ${languageWords(is.sourceLanguage, is.targetLanguage)}` });
    }
    if (was.showSourceLanguage !== is.showSourceLanguage) {
      differences.push({ property: "caption", phrase: is.showSourceLanguage ? "now also shows the original language" : "no longer shows the original language" });
    }
    differences.push(...styleDifferences(was, is, "caption"));
  }
  return differences;
}

function styleDifferences(old: ReturnType<typeof textStyle>, next: ReturnType<typeof textStyle>, property: "text" | "caption"): ComponentDifference[] {
  const { color, sizeNormalized, fontName, borderColor } = TEXT_STYLE_FIELDS;
  const phrases: string[] = [];
  if (old.color !== next.color) phrases.push(`its ${color.label} changes from ${colorWords(old.color)} to ${colorWords(next.color)}`);
  if (old.sizeNormalized !== next.sizeNormalized) {
    const size = (value: number) => (value === 0 ? "the API's default size" : `${percent(value)} of the screen's height`);
    const [from, to] = [old.sizeNormalized, next.sizeNormalized];
    phrases.push(from !== 0 && to !== 0 ? `its ${sizeNormalized.label} changes from ${percent(from)} to ${percent(to)} of the screen's height` : `its ${sizeNormalized.label} changes from ${size(from)} to ${size(to)}`);
  }
  if (old.fontName !== next.fontName) phrases.push(`its ${fontName.label} changes from ${old.fontName} to ${next.fontName}`);
  if (old.borderColor !== next.borderColor || old.borderWidthNormalized !== next.borderWidthNormalized) {
    phrases.push(next.borderWidthNormalized === 0 || next.borderColor === ""
      ? `it loses its ${borderColor.label}`
      : `its ${borderColor.label} is now ${colorWords(next.borderColor)}, ${percent(next.borderWidthNormalized)} wide`);
  }
  return phrases.map((phrase) => ({ property, phrase }));
}

function geometryPhrases(old: ReturnType<typeof normalGeometry>, next: ReturnType<typeof normalGeometry>): string[] {
  const phrases = moveAndSize(old, next).map((phrase) => phrase.replace(/source's own size/g, "content's own size"));
  if (old.transparency !== next.transparency) {
    const opacity = (value: number) => (value === MAX_TRANSPARENCY ? "opaque" : value === 0 ? "invisible" : `${percent(value / MAX_TRANSPARENCY)} opaque`);
    phrases.push(`is now ${opacity(next.transparency)} (was ${opacity(old.transparency)})`);
  }
  return phrases;
}

// ---------------------------------------------------------------------------------------------
// Scenes

/** What happens to what scenes show: components replaced, moved to another position, layouts renamed. */
interface Followed {
  replacedComponents: ReadonlySet<string>;
  /** From position → to position. */
  movedComponents: ReadonlyMap<string, string>;
  /** From name → to name. */
  renamedLayouts: ReadonlyMap<string, string>;
}

function sceneChanges(before: PlainStudioFile, after: PlainStudioFile, studioMoves: boolean, followed: Followed, names: Names): LayoutChange[] {
  const { replacedComponents, movedComponents, renamedLayouts } = followed;
  const changes: LayoutChange[] = [];
  for (const key of SCENE_KEYS) {
    const [old, next] = [before.scenes?.[key], after.scenes?.[key]];
    const scene = sceneName(key);
    const subject = `scene ${scene}`;
    const listed = (positions: string[]) => joinAnd(positions.map((position) => names.component(position)));
    if (!old && !next) continue;
    if (!old && next) {
      const over = next.components ?? [];
      changes.push({
        subject, action: "add",
        summary: `${scene} now shows layout ${quote(next.layout)}${over.length === 0 ? ", with no components" : `, with ${listed(over)} over it${over.length > 1 ? " (bottom to top)" : ""}`}.`,
        details: key === "pgm" ? ["PGM is what goes on air."] : [],
      });
      continue;
    }
    if (old && !next) {
      changes.push({
        subject, action: "remove",
        summary: `${scene} is no longer bound by this file: its layout and components are cleared (DeleteCasterSceneConfig)${key === "pgm" ? ", and nothing of this file is on air" : ""}.`,
        details: [],
      });
      continue;
    }
    const [was, is] = [old!, next!];
    const phrases: string[] = [];
    if (was.layout !== is.layout) {
      const renamed = renamedLayouts.get(was.layout) === is.layout;
      phrases.push(`now shows layout ${quote(is.layout)} (was ${quote(was.layout)}${renamed ? ", the same layers under a new name" : ""})`);
    }
    const [oldList, newList] = [was.components ?? [], is.components ?? []];
    // A component that moved to another position, shown at its new one: the same overlay.
    const follows = [...movedComponents].filter(([from, to]) => oldList.includes(from) && newList.includes(to) && !oldList.includes(to) && !newList.includes(from));
    const oldSeen = oldList.map((position) => follows.find(([from]) => from === position)?.[1] ?? position);
    for (const [from, to] of follows) phrases.push(`shows ${names.component(to)} at its new position (was ${from})`);
    const gained = newList.filter((position) => !oldSeen.includes(position));
    const lost = oldSeen.filter((position) => !newList.includes(position));
    if (gained.length > 0) phrases.push(`${phrases.length > 0 ? "also" : "now also"} shows ${listed(gained)}`);
    if (lost.length > 0) phrases.push(`no longer shows ${listed(lost)}`);
    const keptOld = oldSeen.filter((position) => newList.includes(position));
    const keptNew = newList.filter((position) => oldSeen.includes(position));
    if (keptOld.join() !== keptNew.join()) {
      phrases.push(`now shows its components in another order, bottom to top: ${newList.join(", ")} (was ${oldList.join(", ")})`);
    }
    if (phrases.length > 0) {
      changes.push({ subject, action: studioMoves ? "replace" : "update", summary: `${scene} ${joinAnd(phrases)}.`, details: [] });
      continue;
    }
    // Unchanged in the file, but what it shows is made again: the binding takes the new IDs.
    const remade = newList.filter((position) => replacedComponents.has(position));
    if (remade.length > 0 && !studioMoves) {
      changes.push({
        subject, action: "update",
        summary: `${scene} is set again, to show the new ${listed(remade)} (replaced), with the same layout and components.`,
        details: [],
      });
    }
  }
  return changes;
}

function sceneName(key: SceneKey): string {
  return key.toUpperCase();
}
