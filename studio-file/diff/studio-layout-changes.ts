import { casterStudioLayout } from "../../model/kinds/caster-studio-layout";
import { FieldSpec } from "../../model/kinds/kind";
import { FileStudioLayout } from "../studio-layouts";
import {
  backgroundWords, mediaInputWords, presenterWords, setLayers, setLayerWords, studioLayoutDetails, studioLayoutLabel, studioLayoutWords,
} from "../studio-layout-words";
import { joinAnd, quote } from "../words";
import { bySubject, LayoutChange } from "./change";
import { stableText } from "./match";

/**
 * What changes in a virtual studio's studio layouts, in words. The Studio component knows a layout
 * by its layoutName (a new name is another layout: the old one is deleted, the new one added); the
 * kind's spec says what changes in place (one ModifyStudioLayout) and what replaces it (layoutType:
 * deleted first, so that the new one can take its name).
 */

type Property = keyof typeof casterStudioLayout.fields;
/** What the file compares: every property but the file's own (casterId, importId, connection). */
const COMPARED: Property[] = ["layoutName", "layoutType", "commonConfig", "background", "chromaKeyInputs", "mediaInputs", "layerOrder"];

const subjectOf = (layout: FileStudioLayout) => `studio layout ${quote(layout.layoutName)}`;

export function studioLayoutChanges(before: FileStudioLayout[], after: FileStudioLayout[]): LayoutChange[] {
  const old = new Map(before.map((layout) => [layout.layoutName, layout]));
  const next = new Map(after.map((layout) => [layout.layoutName, layout]));
  const changes: LayoutChange[] = [];
  for (const layout of after) {
    const was = old.get(layout.layoutName);
    if (!was) {
      changes.push({ subject: subjectOf(layout), action: "add", summary: `Studio layout ${quote(layout.layoutName)} added: ${studioLayoutWords(layout)}.`, details: studioLayoutDetails(layout) });
    } else {
      const change = changed(was, layout);
      if (change) changes.push(change);
    }
  }
  for (const layout of before) {
    if (next.has(layout.layoutName)) continue;
    changes.push({ subject: subjectOf(layout), action: "remove", summary: `Studio layout ${quote(layout.layoutName)} deleted (was ${studioLayoutWords(layout)}).`, details: [] });
  }
  return bySubject(changes);
}

function changed(before: FileStudioLayout, after: FileStudioLayout): LayoutChange | undefined {
  const values = (layout: FileStudioLayout) => layout as Record<string, unknown>;
  const differing = COMPARED.filter((property) => stableText(values(before)[property]) !== stableText(values(after)[property]));
  if (differing.length === 0) return undefined;
  const replaced = differing.filter((property) => (casterStudioLayout.fields[property] as FieldSpec).onChange === "replace");
  const labels = joinAnd(differing.map(studioLayoutLabel));
  if (replaced.length > 0) {
    return {
      subject: subjectOf(after),
      action: "replace",
      summary: `Studio layout ${quote(after.layoutName)} replaced: its ${joinAnd(replaced.map(studioLayoutLabel))} changes (${studioLayoutWords(before)} → ${studioLayoutWords(after)}).`,
      details: [
        `ModifyStudioLayout cannot change a layout's type: the old layout is deleted first, so that the new one can take its name, then the new one is added.`,
        ...studioLayoutDetails(after),
      ],
    };
  }
  return {
    subject: subjectOf(after),
    action: "update",
    summary: `Studio layout ${quote(after.layoutName)} updated in place (one ModifyStudioLayout): its ${labels} change${differing.length === 1 ? "s" : ""}.`,
    details: differing.flatMap((property) => settingDetails(property, before, after)),
  };
}

/** The sentences of one changed setting: what it was and what it is. */
function settingDetails(property: Property, before: FileStudioLayout, after: FileStudioLayout): string[] {
  switch (property) {
    case "commonConfig":
      return [`Channel: ${after.commonConfig?.channelId ?? "none"} instead of ${before.commonConfig?.channelId ?? "none"}.`];
    case "background":
      return [`Background: ${after.background ? backgroundWords(after.background) : "none"} instead of ${before.background ? backgroundWords(before.background) : "none"}.`];
    case "chromaKeyInputs":
      return listDetails("Presenter", before.chromaKeyInputs ?? [], after.chromaKeyInputs ?? [], presenterWords);
    case "mediaInputs":
      return listDetails("Media", before.mediaInputs ?? [], after.mediaInputs ?? [], mediaInputWords);
    case "layerOrder": {
      const stack = (layout: FileStudioLayout) => (layout.layerOrder ? joinAnd(setLayers(layout).map((layer) => setLayerWords(layout, layer))) : "the API's order");
      return [`Stacking, bottom first: ${stack(after)} (was ${stack(before)}).`];
    }
    default:
      return [`${studioLayoutLabel(property)}: ${String((after as Record<string, unknown>)[property])} instead of ${String((before as Record<string, unknown>)[property])}.`];
  }
}

/** Each entry of a list by its place: added, removed, or changed from what it was. */
function listDetails<T>(noun: string, before: T[], after: T[], words: (item: T) => string): string[] {
  const details: string[] = [];
  for (let index = 0; index < Math.max(before.length, after.length); index++) {
    const [was, is] = [before[index], after[index]];
    if (was === undefined) details.push(`${noun} ${index + 1} added: ${words(is)}.`);
    else if (is === undefined) details.push(`${noun} ${index + 1} removed (was ${words(was)}).`);
    else if (stableText(was) !== stableText(is)) details.push(`${noun} ${index + 1}: ${words(is)} (was ${words(was)}).`);
  }
  return details;
}
