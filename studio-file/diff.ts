import { connectionKey, describeConnections } from "../spec/fields/connection";
import { redactSignatures } from "../common/redact";
import { toApiTime } from "../spec/api-facts";
import { caster as casterKind, CasterInputs, changesNeedingStop as needingStop } from "../spec/kinds/caster";
import { casterEpisodeGroup } from "../spec/kinds/caster-episode-group";
import { casterVideoResource, isFile } from "../spec/kinds/caster-video-resource";
import { comparable, FieldSpec, replacedOnChange } from "../spec/kinds/kind";
import { compositionChanges, hasComposition } from "./diff-composition";
import { hasEpisodes, scheduleChanges } from "./diff-schedule";
import {
  isNewStudio, LayoutCaster, LayoutEpisodeGroup, LayoutSource, LayoutStudio, PlainStudioLayout, SOURCE_KINDS, sourcePropertyOf,
  StudioLayoutDefinition, withSecretsAsText,
} from "./schema";
import {
  capitalize, clock, delayPhrase, describeCaster, duration, isUtcZone, joinAnd, momentPhrase, quote, repeatPhrase, sentence, standbyKind, studioType,
  templatePhrase,
} from "./words";

/**
 * What a change to a studio layout does on air, in words a reviewer can check without reading the
 * layout file: `caster-layout diff OLD NEW` prints it as a pull-request comment.
 *
 * Every decision mirrors what `pulumi up` will do with the Studio component: sources are its
 * children by position, groups by name, and the kinds' own rules (spec/kinds: defaults, what a
 * change replaces, a group is always replaced) decide what is a change and what a replacement.
 */

const REPLACED_ON_CHANGE = replacedOnChange(casterVideoResource);

/** A source's settings in the providers' normal form (the kind's spec), so that a setting written out at its default is no change. */
function normalize(source: LayoutSource): NormalSource {
  return comparable(casterVideoResource, source) as unknown as NormalSource;
}

interface NormalSource {
  resourceName: string;
  beginOffset: number;
  endOffset: number;
  repeatNum: number;
  ptsCallbackInterval: number;
  fixedDelayDuration: number;
}

export type LayoutChangeAction = "add" | "remove" | "update" | "replace" | "move";

export interface LayoutChange {
  /** "studio", a position ("RV07"), "episode group night", "layout pip", "component RC01", "scene PGM"; for a move or rename, where it ends up. */
  subject: string;
  action: LayoutChangeAction;
  /** Where a moved source or a renamed group was, in the same form as `subject`. */
  from?: string;
  /** One plain sentence. */
  summary: string;
  /** Plain sentences that the summary leaves out; empty when it says everything. */
  details: string[];
}

type Sources = Record<string, LayoutSource>;
type Groups = Record<string, LayoutEpisodeGroup>;

/**
 * What changes on air from `before` to `after`: the studio first, then sources by position, groups
 * by name, layouts by name, components by position, what PGM and PVW show (diff-composition.ts),
 * and the schedule's episodes in the order they start (diff-schedule.ts).
 */
export function diffLayouts(layoutBefore: StudioLayoutDefinition, layoutAfter: StudioLayoutDefinition): LayoutChange[] {
  // A URL kept in a stack secret is compared, and shown, by its key: this tool never reads secrets.
  const before = withSecretsAsText(layoutBefore);
  const after = withSecretsAsText(layoutAfter);
  const studio = studioChanges(before, after);
  const studioMoves = studio.studioMoves;
  const studioChangesWithComposition = studio.changes.map((change) => studioMoves && (hasComposition(after) || hasEpisodes(after))
    ? { ...change, details: [...change.details, ...madeAgainThere(after)] }
    : change);
  const sources = bySubject(sourceChanges(before.sources ?? {}, after.sources ?? {}, studioMoves));
  const composition = compositionChanges(before, after, studioMoves);
  const replaced = (changes: LayoutChange[], prefix: string) =>
    new Set(changes.filter((change) => change.action === "replace").map((change) => change.subject.slice(prefix.length)));
  const changes = [
    ...connectionChanges(before, after),
    ...studioChangesWithComposition,
    ...sources,
    ...bySubject(groupChanges(before.episodeGroups ?? {}, after.episodeGroups ?? {}, after.timeZone ?? before.timeZone)),
    ...composition,
    // The schedule last: it shows the sources and components above, by their positions.
    ...scheduleChanges(before, after, {
      studioMoves,
      replacedSources: replaced(sources, ""),
      replacedComponents: replaced(composition.filter((change) => change.subject.startsWith("component ")), "component "),
    }),
  ];
  // Names and item names are free text too: nothing that looks like a signature leaves this module.
  return changes.map(redactChange);
}

// ---------------------------------------------------------------------------------------------
// The connection

/**
 * A new `connection:` moves nothing: `pulumi up` reads every object through it and stores it, or
 * fails when an object is not found there (another account or region). A reviewer sees it first.
 */
function connectionChanges(before: PlainStudioLayout, after: PlainStudioLayout): LayoutChange[] {
  if (isNothing(before) || connectionKey(before.connection) === connectionKey(after.connection)) return [];
  const shown = describeConnections(before.connection, after.connection);
  return [{
    subject: "connection",
    action: "update",
    summary: `Everything in the file is reached through ${shown.after} instead of ${shown.before}.`,
    details: ["Nothing is moved: `pulumi up` checks that each object is found through the new connection, and fails, changing nothing, where it is not (another account or region)."],
  }];
}

// ---------------------------------------------------------------------------------------------
// The studio

/**
 * The studio's change, if any, and whether everything on it moves to another studio (so every
 * source and group is made again there). A studio the layout makes (`caster: { new: ... }`) is a
 * child of the component like the sources: its settings change in place, or replace it, as the
 * Caster kind's spec says.
 */
function studioChanges(before: PlainStudioLayout, after: PlainStudioLayout): { changes: LayoutChange[]; studioMoves: boolean } {
  const [old, next] = [before.caster, after.caster];
  // A layout that did not exist (OLD is /dev/null or an empty file) has nothing on air to move:
  // the new one's studio is where everything is added, not a studio that everything moves to.
  if (isNothing(before)) return { changes: isNewStudio(next) ? [addStudioChange(next.new)] : [], studioMoves: false };
  if (isNewStudio(old) && isNewStudio(next)) {
    const change = newStudioUpdate(old.new, next.new);
    return { changes: change ? [change] : [], studioMoves: change?.action === "replace" };
  }
  if (isNewStudio(old)) {
    return { changes: [isNothing(after) ? deleteStudioChange(old.new) : leaveNewStudioChange(old.new, next)], studioMoves: !isNothing(after) };
  }
  if (isNewStudio(next)) return { changes: [toNewStudioChange(old, next.new)], studioMoves: true };
  if (sameCaster(old, next)) return { changes: [], studioMoves: false };
  return { changes: [studioChange(old, next)], studioMoves: true };
}

function sameCaster(before: LayoutCaster | undefined, after: LayoutCaster | undefined): boolean {
  return describeCaster(before) === describeCaster(after);
}

/** A file with no studio, no sources, no groups, nothing on screen and no episode: what `/dev/null` reads as. */
function isNothing(layout: PlainStudioLayout): boolean {
  return layout.caster === undefined
    && Object.keys(layout.sources ?? {}).length === 0
    && Object.keys(layout.episodeGroups ?? {}).length === 0
    && !hasComposition(layout)
    && !hasEpisodes(layout);
}

/** What else is made again on the studio everything moves to. */
function madeAgainThere(after: PlainStudioLayout): string[] {
  return [
    ...(hasComposition(after) ? ["Its layouts, components and scene bindings are made again there too."] : []),
    ...(hasEpisodes(after) ? ["Its episodes are made again there too; the API refuses to add one that has started already."] : []),
  ];
}


function studioChange(before: LayoutCaster | undefined, after: LayoutCaster | undefined): LayoutChange {
  const details = [capitalize(`it was ${describeCaster(before)}.`)];
  // A config key or the program's argument may well hold the same ID as before; only then does nothing move.
  const knownBoth = before !== undefined && after !== undefined && "casterId" in before && "casterId" in after;
  if (!knownBoth) details.push("If both name the same studio ID, nothing is replaced.");
  return {
    subject: "studio",
    action: "replace",
    summary: `Every source and episode group moves to ${describeCaster(after)}: all are replaced.`,
    details,
  };
}

// A studio the layout makes ---------------------------------------------------------------------

/** The properties whose change makes a new studio (the Caster kind's spec). */
const STUDIO_REPLACED_ON_CHANGE = replacedOnChange(casterKind);

/**
 * A new studio's settings in a reviewer's words, in the order they are listed. `running` and
 * `allowStopOnAir` are said in sentences of their own; a property missing here is named as the
 * kind names it.
 */
const STUDIO_SETTING_NAMES: Partial<Record<keyof LayoutStudio, string>> = {
  casterName: "name",
  normType: "type",
  casterTemplate: "output template",
  chargeType: "billing",
  resourceGroupId: "resource group",
  domainName: "streaming domain",
  callbackUrl: "callback URL",
  sideOutputUrl: "relay URL",
  sideOutputUrls: "relay URLs",
  delaySeconds: "delay",
  liveTemplates: "live transcoding templates",
  recording: "recording",
  standbyLiveStreamUrl: "standby live stream",
  standbyMaterialId: "standby file",
  standbyImageUrl: "standby image",
  autoSwitchToStandby: "automatic switch to standby",
  programName: "program name",
  programEffect: "program",
  channelMode: "channel mode",
};
/** Said in the outline of a new studio, or in sentences of their own, rather than listed as settings. */
const STUDIO_OUTLINE = new Set(["casterName", "normType", "casterTemplate", "running", "allowStopOnAir"]);

function settingName(property: string): string {
  return STUDIO_SETTING_NAMES[property as keyof LayoutStudio] ?? property;
}

/** `studio "Evening show"`, or `the studio` when it has no name. */
function studioLabel(studio: LayoutStudio): string {
  return studio.casterName ? `studio ${quote(studio.casterName)}` : "the studio";
}

/** `"Evening show", a general studio, lp_sd (standard definition)` */
function studioOutline(studio: LayoutStudio): string {
  const name = studio.casterName ? `${quote(studio.casterName)}, ` : "";
  return `${name}a ${studioType(studio.normType)}, output ${templatePhrase(studio.casterTemplate)}`;
}

/** A setting's value as a reviewer reads it. */
function studioValue(property: string, value: unknown): string {
  if (value === undefined) return "the studio's own";
  if (value === "") return "none";
  switch (property) {
    case "normType":
      return `${studioType(value as number)} (${value})`;
    case "casterTemplate":
      return templatePhrase(String(value));
    case "delaySeconds":
      return delayPhrase(value as number);
    case "programEffect":
      return value === 1 ? "in effect" : "held";
    case "recording":
      return recordingPhrase(value as NonNullable<LayoutStudio["recording"]>);
    case "casterName":
    case "programName":
      return quote(String(value));
  }
  if (typeof value === "boolean") return value ? "on" : "off";
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.map((item) => displayValue(String(item))).join(", ");
  return displayValue(String(value));
}

/** "to OSS bucket media (oss-cn-shanghai.aliyuncs.com) as m3u8 and mp4" */
function recordingPhrase(recording: NonNullable<LayoutStudio["recording"]>): string {
  return `to OSS bucket ${recording.ossBucket} (${recording.ossEndpoint}) as ${joinAnd(recording.formats.map((format) => format.format))}`;
}

/** The settings a new studio declares beyond its outline, one sentence each. */
function studioSettings(studio: LayoutStudio): string[] {
  const lines = Object.keys(STUDIO_SETTING_NAMES)
    .filter((property) => !STUDIO_OUTLINE.has(property) && property !== "chargeType")
    .filter((property) => studio[property as keyof LayoutStudio] !== undefined)
    .map((property) => `${capitalize(settingName(property))}: ${studioValue(property, studio[property as keyof LayoutStudio])}.`);
  const standby = standbyKind(studio);
  if (standby !== undefined && studio.autoSwitchToStandby === undefined) lines.push(`The standby ${standby} is switched to by hand (autoSwitchToStandby is not set).`);
  lines.push(studio.running === true
    ? "The studio will start (goes on air) once it is made."
    : "The studio stays stopped (running is not true): nothing goes on air.");
  if (studio.allowStopOnAir === true) lines.push("allowStopOnAir is true: a later change that needs the studio stopped may take it off air for a moment.");
  return lines;
}

function addStudioChange(studio: LayoutStudio): LayoutChange {
  return {
    subject: "studio",
    action: "add",
    summary: `A new studio is made: ${studioOutline(studio)}.`,
    details: studioSettings(studio),
  };
}

/** What happens to a studio on air that is deleted: the provider stops it, then deletes it (`protect: true` is the guard). */
function onAirDeletion(studio: LayoutStudio, which: string): string[] {
  if (studio.running !== true) return [];
  return [`${capitalize(which)} is on air: it is stopped (goes off air) and deleted.`];
}

/**
 * What happens to the old studio of a replacement: one that stays declared on air is taken off air
 * by it, which the provider's preview refuses unless allowStopOnAir, as it does a change that
 * needs a stop.
 */
function onAirReplacement(before: LayoutStudio, after: LayoutStudio): string[] {
  if (before.running !== true || after.running !== true) return onAirDeletion(before, "the old studio");
  return [after.allowStopOnAir === true
    ? "The old studio is on air; allowStopOnAir is true, so it is stopped (goes off air) and deleted."
    : "The old studio is on air and allowStopOnAir is not set, so the preview refuses this change and the studio stays on air: set allowStopOnAir: true, or running: false first."];
}

function deleteStudioChange(studio: LayoutStudio): LayoutChange {
  return {
    subject: "studio",
    action: "remove",
    summary: `The ${describeStudioMade(studio)} is deleted.`,
    details: onAirDeletion(studio, "it"),
  };
}

/** `studio "Evening show" that this file made` */
function describeStudioMade(studio: LayoutStudio): string {
  return `${studio.casterName ? `studio ${quote(studio.casterName)}` : "studio"} that this file made`;
}

/** From a studio the layout made to an existing one: everything moves, and the made studio is deleted. */
function leaveNewStudioChange(studio: LayoutStudio, after: LayoutCaster | undefined): LayoutChange {
  return {
    subject: "studio",
    action: "replace",
    summary: `Every source and episode group moves to ${describeCaster(after)}: all are replaced, and the ${describeStudioMade(studio)} is deleted.`,
    details: onAirDeletion(studio, "that studio"),
  };
}

/** From an existing studio to one the layout makes: the new studio is made and everything is made again there. */
function toNewStudioChange(before: LayoutCaster | undefined, studio: LayoutStudio): LayoutChange {
  return {
    subject: "studio",
    action: "replace",
    summary: "A new studio is made, and every source and episode group moves there: all are made again on it.",
    details: [
      `The new studio: ${studioOutline(studio)}.`,
      ...studioSettings(studio),
      capitalize(`${describeCaster(before)}, where they were, is left as it is, without them: this file did not make it.`),
    ],
  };
}

interface StudioDifference {
  property: string;
  /** "delay 3 s → 5 s", "will start (goes on air)" */
  phrase: string;
  /** Why a replacement: "its type changes from general studio (1) to carousel studio (6)". */
  reason: string;
}

/**
 * The studio's changes as the provider sees them: both sides in the kind's normal form (a setting
 * the new layout leaves out is not managed, so not compared).
 */
function studioDifferences(before: LayoutStudio, after: LayoutStudio): StudioDifference[] {
  const old = comparable(casterKind, before, after);
  const next = comparable(casterKind, after);
  const differences: StudioDifference[] = [];
  for (const property of Object.keys(next)) {
    if (stableText(old[property]) === stableText(next[property])) continue;
    if (property === "running") {
      const phrase = next.running === true ? "will start (goes on air)" : "will stop (goes off air)";
      differences.push({ property, phrase, reason: phrase });
      continue;
    }
    const [name, from, to] = [settingName(property), studioValue(property, old[property]), studioValue(property, next[property])];
    differences.push(old[property] === undefined
      ? { property, phrase: `${name} set to ${to} (until now the studio's own)`, reason: `its ${name} is set to ${to}` }
      : { property, phrase: `${name} ${from} → ${to}`, reason: `its ${name} changes from ${from} to ${to}` });
  }
  return differences;
}

/** The changes that the API takes only while the studio is stopped: the kind's fields marked `needsStop`. */
function changesNeedingStop(before: LayoutStudio, after: LayoutStudio): { property: string; phrase: string }[] {
  return needingStop(before as Partial<CasterInputs>, after as Partial<CasterInputs>).map((property) => property === "domainName"
    ? { property, phrase: `streaming domain ${displayValue(before.domainName as string)} → ${displayValue(after.domainName as string)}` }
    : { property, phrase: `${settingName(property)} turned on` });
}

/** Settings the old layout declared and the new one leaves out: from now on the studio's own. */
function releasedSettings(before: LayoutStudio, after: LayoutStudio): string[] {
  return Object.entries(casterKind.fields as Record<string, FieldSpec>)
    .filter(([property, field]) => field.whenOmitted === "not compared" && before[property as keyof LayoutStudio] !== undefined && after[property as keyof LayoutStudio] === undefined)
    .map(([property]) => `${capitalize(settingName(property))} is no longer managed: the studio keeps ${studioValue(property, before[property as keyof LayoutStudio])}.`);
}

function newStudioUpdate(before: LayoutStudio, after: LayoutStudio): LayoutChange | undefined {
  const differences = studioDifferences(before, after);
  if (differences.length === 0) return undefined;
  const label = studioLabel(after);
  const released = releasedSettings(before, after);
  const replacing = differences.filter((difference) => STUDIO_REPLACED_ON_CHANGE.has(difference.property));
  if (replacing.length > 0) {
    return {
      subject: "studio",
      action: "replace",
      summary: `${capitalize(label)} is replaced because ${joinAnd(replacing.map((difference) => difference.reason))}: `
        + "a new studio is made, and every source and episode group is made again there.",
      details: [
        ...differences.filter((difference) => !replacing.includes(difference)).map(differenceSentence),
        ...onAirReplacement(before, after),
      ],
    };
  }
  const phrases = differences.map((difference) => difference.phrase);
  const staysOnAir = before.running === true && after.running === true;
  const needs = staysOnAir ? changesNeedingStop(before, after) : [];
  if (needs.length > 0) {
    const allowed = after.allowStopOnAir === true;
    return {
      subject: "studio",
      action: "update",
      summary: `${capitalize(joinAnd(needs.map((need) => need.phrase)))}: ${label} must stop; allowStopOnAir is ${allowed
        ? "true, so `pulumi up` stops it, changes it and starts it again (off air meanwhile)."
        : "not set, so the preview refuses this change and the studio stays on air: set allowStopOnAir: true, or running: false first."}`,
      details: [
        ...differences.filter((difference) => !needs.some((need) => need.property === difference.property)).map(differenceSentence),
        ...released,
      ],
    };
  }
  if (phrases.length === 1) {
    const running = differences[0].property === "running";
    return {
      subject: "studio",
      action: "update",
      summary: running ? `${capitalize(label)} ${phrases[0]}.` : `${capitalize(label)}: ${phrases[0]}.`,
      details: released,
    };
  }
  return {
    subject: "studio",
    action: "update",
    summary: `${capitalize(label)} is updated in place (${phrases.length} changes).`,
    details: [...differences.map(differenceSentence), ...released],
  };
}

/** "Delay 3 s → 5 s.", "The studio will start (goes on air)." */
function differenceSentence(difference: StudioDifference): string {
  return difference.property === "running" ? `The studio ${difference.phrase}.` : sentence(difference.phrase);
}

/** JSON with keys in order, so that a setting written in another order is no change. */
function stableText(value: unknown): string {
  return JSON.stringify(value, (_key, inner) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner) ?? "undefined";
}

// ---------------------------------------------------------------------------------------------
// Sources

function sourceChanges(before: Sources, after: Sources, studioMoves: boolean): LayoutChange[] {
  const removed = Object.keys(before).filter((position) => !(position in after)).sort();
  const added = Object.keys(after).filter((position) => !(position in before)).sort();
  const moves = pairMoves(removed, added, before, after);
  const moved = new Set(moves.flatMap(({ from, to }) => [from, to]));
  const changes: LayoutChange[] = moves.map(({ from, to }) => moveChange(from, to, before[from], after[to]));
  for (const position of removed.filter((p) => !moved.has(p))) changes.push(removeSourceChange(position, before[position]));
  for (const position of added.filter((p) => !moved.has(p))) changes.push(addSourceChange(position, after[position]));
  for (const position of Object.keys(after).filter((p) => p in before)) {
    const change = sourceUpdate(position, before[position], after[position], studioMoves);
    if (change) changes.push(change);
  }
  return changes;
}

/**
 * Pairs each source gone from a position with one new at another position that is plainly the
 * same source: the same name first, then the same thing played. A move is a removal and an
 * addition for Pulumi, and the reviewer must see the two as one.
 */
function pairMoves(removed: string[], added: string[], before: Sources, after: Sources): { from: string; to: string }[] {
  const pairs: { from: string; to: string }[] = [];
  const free = new Set(added);
  const sameName = (from: string, to: string) => before[from].resourceName === after[to].resourceName;
  const samePlaying = (from: string, to: string) => playingKey(before[from]) === playingKey(after[to]);
  for (const matches of [sameName, samePlaying]) {
    for (const from of removed) {
      if (pairs.some((pair) => pair.from === from)) continue;
      const to = [...free].find((candidate) => matches(from, candidate));
      if (to === undefined) continue;
      pairs.push({ from, to });
      free.delete(to);
    }
  }
  return pairs;
}

/** The kind and value a source plays; a URL signed anew is still the same file. */
function playingKey(source: LayoutSource): string {
  const property = sourcePropertyOf(source);
  return `${property}=${redactSignatures(String(source[property]))}`;
}

function moveChange(from: string, to: string, before: LayoutSource, after: LayoutSource): LayoutChange {
  return {
    subject: to,
    action: "move",
    from,
    summary: `${quote(after.resourceName)} moves from ${from} to ${to} (removed at ${from} and added at ${to}).`,
    details: sourceDifferences(before, after).map((difference) => sentence(difference.phrase)),
  };
}

function addSourceChange(position: string, source: LayoutSource): LayoutChange {
  return {
    subject: position,
    action: "add",
    summary: `Source added at ${position}: ${quote(source.resourceName)} (${SOURCE_KINDS[sourcePropertyOf(source)]}).`,
    details: [sentence(`plays ${describePlaying(source)}`), ...sourceSettings(source).map(sentence)],
  };
}

function removeSourceChange(position: string, source: LayoutSource): LayoutChange {
  return {
    subject: position,
    action: "remove",
    summary: `Source removed from ${position}: ${quote(source.resourceName)} (${SOURCE_KINDS[sourcePropertyOf(source)]}).`,
    details: [sentence(`it played ${describePlaying(source)}`)],
  };
}

/** The settings a new source has beyond what it plays, leaving out the API's defaults. */
function sourceSettings(source: LayoutSource): string[] {
  const settings = normalize(source);
  const lines: string[] = [];
  if (isFile(source)) {
    if (settings.beginOffset !== 0) lines.push(beginPhrase(settings.beginOffset));
    if (settings.endOffset !== 0) lines.push(endPhrase(settings.endOffset));
    if (settings.repeatNum !== 0) lines.push(repeatPhrase(settings.repeatNum));
  }
  if (settings.ptsCallbackInterval !== 0) lines.push(`reports its playback position (PTS callback) every ${duration(settings.ptsCallbackInterval)}`);
  if (settings.fixedDelayDuration !== 0) lines.push(`has a fixed delay of ${settings.fixedDelayDuration} ms`);
  if (source.importId !== undefined) lines.push(`adopts the existing source ${source.importId} instead of adding a new one`);
  return lines;
}

/** One changed property of a source, as a phrase that follows the source's name. */
interface SourceDifference {
  property: string;
  phrase: string;
}

function sourceUpdate(position: string, before: LayoutSource, after: LayoutSource, studioMoves: boolean): LayoutChange | undefined {
  const differences = sourceDifferences(before, after);
  if (differences.length === 0) return undefined;
  const renamedOnly = differences.length === 1 && differences[0].property === "resourceName";
  const label = renamedOnly ? position : `${position} ${quote(after.resourceName)}`;
  const phrases = differences.map((difference) => difference.phrase);
  if (studioMoves) {
    return {
      subject: position,
      action: "replace",
      summary: phrases.length === 1
        ? `${label} is replaced on the new studio, and ${phrases[0]}.`
        : `${label} is replaced on the new studio, with ${phrases.length} changes.`,
      details: phrases.length === 1 ? [] : phrases.map(sentence),
    };
  }
  const replacing = differences.filter((difference) => REPLACED_ON_CHANGE.has(difference.property));
  if (replacing.length > 0) {
    const others = differences.filter((difference) => !replacing.includes(difference));
    return {
      subject: position,
      action: "replace",
      summary: `${label} is replaced because ${joinAnd(replacing.map((difference) => difference.phrase))}; it is briefly off air.`,
      details: others.map((difference) => sentence(difference.phrase)),
    };
  }
  return {
    subject: position,
    action: "update",
    summary: phrases.length === 1 ? `${label} ${phrases[0]}.` : `${label} is updated in place (${phrases.length} changes).`,
    details: phrases.length === 1 ? [] : phrases.map(sentence),
  };
}

/**
 * The source's changes as the provider sees them: both sides in the provider's normal form, so a
 * setting written out at its default is no change. importId is left out, as the provider leaves
 * it out: it only decides how a source is first brought under management.
 */
function sourceDifferences(before: LayoutSource, after: LayoutSource): SourceDifference[] {
  const old = normalize(before);
  const next = normalize(after);
  const differences: SourceDifference[] = [];
  if (old.resourceName !== next.resourceName) {
    differences.push({ property: "resourceName", phrase: `renamed from ${quote(old.resourceName)} to ${quote(next.resourceName)}` });
  }
  const playing = playingPhrase(before, after);
  if (playing) differences.push({ property: sourcePropertyOf(after), phrase: playing });
  // A file's settings mean nothing once the source plays a stream or an image.
  if (isFile(after)) {
    if (old.beginOffset !== next.beginOffset) differences.push({ property: "beginOffset", phrase: `now ${beginPhrase(next.beginOffset)}` });
    if (old.endOffset !== next.endOffset) differences.push({ property: "endOffset", phrase: `now ${endPhrase(next.endOffset)}` });
    if (old.repeatNum !== next.repeatNum) differences.push({ property: "repeatNum", phrase: `now ${repeatPhrase(next.repeatNum)}` });
  }
  if (old.ptsCallbackInterval !== next.ptsCallbackInterval) {
    differences.push({ property: "ptsCallbackInterval", phrase: ptsPhrase(old.ptsCallbackInterval, next.ptsCallbackInterval) });
  }
  if (old.fixedDelayDuration !== next.fixedDelayDuration) {
    differences.push({
      property: "fixedDelayDuration",
      phrase: `its fixed delay changes from ${old.fixedDelayDuration} ms to ${next.fixedDelayDuration} ms`,
    });
  }
  return differences;
}

function playingPhrase(before: LayoutSource, after: LayoutSource): string | undefined {
  const oldProperty = sourcePropertyOf(before);
  const newProperty = sourcePropertyOf(after);
  const oldValue = String(before[oldProperty]);
  const newValue = String(after[newProperty]);
  if (oldProperty === newProperty && oldValue === newValue) return undefined;
  if (oldProperty === newProperty && redactSignatures(oldValue) === redactSignatures(newValue)) {
    // Printing both would show two identical masked URLs: say what actually differs.
    return `now plays the same ${SOURCE_KINDS[newProperty]} with a new signature`;
  }
  const previous = oldProperty === newProperty ? displayValue(oldValue) : describePlaying(before);
  return `now plays ${describePlaying(after)} instead of ${previous}`;
}

/** "the VOD file https://…/a.mp4", "the media asset 4f2c…" */
function describePlaying(source: LayoutSource): string {
  const property = sourcePropertyOf(source);
  return `the ${SOURCE_KINDS[property]} ${displayValue(String(source[property]))}`;
}


function beginPhrase(beginOffset: number): string {
  return beginOffset === 0 ? "starts at the beginning of the file" : `starts ${duration(beginOffset)} into the file`;
}

/** endOffset: 0 plays the whole file, a negative value counts back from its last frame. */
function endPhrase(endOffset: number): string {
  if (endOffset === 0) return "plays to the end of the file";
  if (endOffset < 0) return `ends ${duration(-endOffset)} before the end of the file`;
  return `ends at ${clock(endOffset)}`;
}


function ptsPhrase(before: number, after: number): string {
  if (after === 0) return "no longer reports its playback position (PTS callback)";
  const now = `now reports its playback position (PTS callback) every ${duration(after)}`;
  return before === 0 ? now : `${now} instead of every ${duration(before)}`;
}

// ---------------------------------------------------------------------------------------------
// Episode groups

/** `zone`: the file's timeZone, in which times are given besides UTC. */
function groupChanges(before: Groups, after: Groups, zone?: string): LayoutChange[] {
  const removed = Object.keys(before).filter((name) => !(name in after)).sort();
  const added = Object.keys(after).filter((name) => !(name in before)).sort();
  const renames = pairRenames(removed, added, before, after);
  const renamed = new Set(renames.flatMap(({ from, to }) => [from, to]));
  const changes: LayoutChange[] = renames.map(({ from, to }) => groupRenameChange(from, to));
  for (const name of removed.filter((n) => !renamed.has(n))) changes.push(removeGroupChange(name, before[name], zone));
  for (const name of added.filter((n) => !renamed.has(n))) changes.push(addGroupChange(name, after[name], zone));
  for (const name of Object.keys(after).filter((n) => n in before)) {
    const change = groupReplace(name, before[name], after[name], zone);
    if (change) changes.push(change);
  }
  return changes;
}

/** Groups whose content is the same under a new name: for the reviewer a rename, for Pulumi a replacement. */
function pairRenames(removed: string[], added: string[], before: Groups, after: Groups): { from: string; to: string }[] {
  const pairs: { from: string; to: string }[] = [];
  const free = new Set(added);
  for (const from of removed) {
    const to = [...free].find((candidate) => groupDifferences(before[from], after[candidate]).reasons.length === 0);
    if (to === undefined) continue;
    pairs.push({ from, to });
    free.delete(to);
  }
  return pairs;
}

function groupSubject(name: string): string {
  return `episode group ${name}`;
}

function groupRenameChange(from: string, to: string): LayoutChange {
  return {
    subject: groupSubject(to),
    action: "replace",
    from: groupSubject(from),
    summary: `Episode group ${quote(from)} is renamed to ${quote(to)} with the same items and start time: it is replaced.`,
    details: [],
  };
}

function addGroupChange(name: string, group: LayoutEpisodeGroup, zone?: string): LayoutChange {
  return {
    subject: groupSubject(name),
    action: "add",
    summary: `Episode group ${quote(name)} added: ${groupOutline(group, zone)}.`,
    details: [...group.items.map((item, index) => `Item ${index + 1}: ${quote(item.itemName)}, ${displayValue(item.vodUrl)}.`), ...groupSettings(group)],
  };
}

function removeGroupChange(name: string, group: LayoutEpisodeGroup, zone?: string): LayoutChange {
  return {
    subject: groupSubject(name),
    action: "remove",
    summary: `Episode group ${quote(name)} removed: it had ${groupOutline(group, zone)}.`,
    details: [],
  };
}

/** "3 items from 2026-12-24 20:00 UTC, looping" */
function groupOutline(group: LayoutEpisodeGroup, zone?: string): string {
  const count = group.items.length === 1 ? "1 item" : `${group.items.length} items`;
  return `${count} from ${displayTime(group.startTime, zone)}, ${(group.repeatNum ?? 0) === -1 ? "looping" : "played once"}`;
}

const GROUP_SETTING_NAMES = {
  domainName: "streaming domain",
  callbackUrl: "callback URL",
  sideOutputUrl: "output URL",
} as const;
type GroupSetting = keyof typeof GROUP_SETTING_NAMES;
const GROUP_SETTINGS = Object.keys(GROUP_SETTING_NAMES) as GroupSetting[];

function groupSettings(group: LayoutEpisodeGroup): string[] {
  const lines = GROUP_SETTINGS.filter((setting) => group[setting] !== undefined)
    .map((setting) => `${capitalize(GROUP_SETTING_NAMES[setting])}: ${displayValue(String(group[setting]))}.`);
  if (group.regionId !== undefined) lines.push(`Region: ${group.regionId}.`);
  return lines;
}

function groupReplace(name: string, before: LayoutEpisodeGroup, after: LayoutEpisodeGroup, zone?: string): LayoutChange | undefined {
  const { reasons, details } = groupDifferences(before, after, zone);
  if (reasons.length === 0) return undefined;
  return {
    subject: groupSubject(name),
    action: "replace",
    summary: `Episode group ${quote(name)} replaced because ${joinAnd(reasons)}.`,
    details,
  };
}

/**
 * Why a group is replaced (short clauses for the summary; items last, as they end in a list) and
 * what exactly changes. Compared as the provider compares: start times as instants, repeatNum with
 * its default, and a studio default left out of the new layout not compared at all.
 */
function groupDifferences(before: LayoutEpisodeGroup, after: LayoutEpisodeGroup, zone?: string): { reasons: string[]; details: string[] } {
  const reasons: string[] = [];
  const details: string[] = [];
  const oldStart = toApiTime(before.startTime);
  const newStart = toApiTime(after.startTime);
  if (oldStart !== newStart) reasons.push(`its start time moves from ${displayTime(before.startTime, zone)} to ${displayTime(after.startTime, zone)}`);
  const oldRepeat = before.repeatNum ?? 0;
  const newRepeat = after.repeatNum ?? 0;
  if (oldRepeat !== newRepeat) reasons.push(newRepeat === -1 ? "it now loops" : "it now plays once, no longer looping");
  if (before.regionId !== after.regionId) {
    reasons.push(`its region changes from ${before.regionId ?? "the provider's default"} to ${after.regionId ?? "the provider's default"}`);
  }
  for (const setting of GROUP_SETTINGS) {
    const settingName = GROUP_SETTING_NAMES[setting];
    const oldValue = before[setting];
    const newValue = after[setting];
    if (newValue === undefined && casterEpisodeGroup.fields[setting].whenOmitted === "not compared") {
      // Not compared; but a group replaced anyway is created again with the studio's own.
      if (oldValue !== undefined) details.push(`${capitalize(settingName)}: now the studio's own instead of ${displayValue(oldValue)}.`);
      continue;
    }
    if (oldValue === newValue) continue;
    reasons.push(`its ${settingName} changes`);
    details.push(oldValue === undefined
      ? `${capitalize(settingName)}: ${displayValue(newValue!)} instead of the studio's own (no change if that is already the studio's own).`
      : `${capitalize(settingName)}: ${displayValue(newValue!)} instead of ${displayValue(oldValue)}.`);
  }
  const items = itemDifferences(before.items, after.items);
  if (items.length > 0) {
    const short = items.map((item) => item.short);
    const listedInSummary = short.length <= 3;
    reasons.push(listedInSummary ? `its items changed: ${short.join(", ")}` : `its items changed (${short.length} changes)`);
    // A detail that would only repeat the summary's words is left out.
    details.push(...items.filter((item) => !(listedInSummary && item.detail === `${item.short}.`)).map((item) => item.detail));
  }
  // A replacement only for a studio default left out is no replacement: the provider ignores it.
  return { reasons, details: reasons.length === 0 ? [] : details };
}

type Item = LayoutEpisodeGroup["items"][number];

interface ItemDifference {
  /** For the summary: "\"Highlights\" added". */
  short: string;
  detail: string;
}

/**
 * Items have no key of their own, so they are matched as a reviewer would: identical first, then
 * by name (its file changed), then by file (renamed); the rest are added or removed.
 */
function itemDifferences(before: Item[], after: Item[]): ItemDifference[] {
  const pairs = matchItems(before, after);
  const matchedBefore = new Set(pairs.map(([old]) => old));
  const matchedAfter = new Set(pairs.map(([, next]) => next));
  const differences: ItemDifference[] = [];
  before.forEach((item, index) => {
    if (matchedBefore.has(index)) return;
    differences.push({ short: `${quote(item.itemName)} removed`, detail: `${quote(item.itemName)} removed (was item ${index + 1}, ${displayValue(item.vodUrl)}).` });
  });
  after.forEach((item, index) => {
    if (matchedAfter.has(index)) return;
    differences.push({ short: `${quote(item.itemName)} added`, detail: `${quote(item.itemName)} added as item ${index + 1}: ${displayValue(item.vodUrl)}.` });
  });
  for (const [old, next] of pairs) differences.push(...itemChanges(before[old], after[next]));
  if (isReordered(pairs)) {
    differences.push({
      short: "the order changes",
      detail: `New order: ${after.map((item) => quote(item.itemName)).join(", ")} (was ${before.map((item) => quote(item.itemName)).join(", ")}).`,
    });
  }
  return differences;
}

function matchItems(before: Item[], after: Item[]): [number, number][] {
  const pairs: [number, number][] = [];
  const freeAfter = new Set(after.map((_, index) => index));
  const passes: ((a: Item, b: Item) => boolean)[] = [
    (a, b) => a.itemName === b.itemName && a.vodUrl === b.vodUrl,
    (a, b) => a.itemName === b.itemName,
    (a, b) => redactSignatures(a.vodUrl) === redactSignatures(b.vodUrl),
  ];
  for (const matches of passes) {
    before.forEach((item, old) => {
      if (pairs.some(([paired]) => paired === old)) return;
      const next = [...freeAfter].find((candidate) => matches(item, after[candidate]));
      if (next === undefined) return;
      pairs.push([old, next]);
      freeAfter.delete(next);
    });
  }
  return pairs.sort(([a], [b]) => a - b);
}

function itemChanges(before: Item, after: Item): ItemDifference[] {
  const changes: ItemDifference[] = [];
  if (before.itemName !== after.itemName) {
    changes.push({ short: `${quote(before.itemName)} renamed to ${quote(after.itemName)}`, detail: `${quote(before.itemName)} renamed to ${quote(after.itemName)}.` });
  }
  if (before.vodUrl !== after.vodUrl) {
    const resigned = redactSignatures(before.vodUrl) === redactSignatures(after.vodUrl);
    changes.push(resigned
      ? { short: `${quote(after.itemName)} has a new signature`, detail: `${quote(after.itemName)} plays the same file with a new signature.` }
      : {
        short: `${quote(after.itemName)} plays another file`,
        detail: `${quote(after.itemName)} now plays ${displayValue(after.vodUrl)} instead of ${displayValue(before.vodUrl)}.`,
      });
  }
  return changes;
}

/** Whether the items found on both sides play in another order; items added or removed do not count. */
function isReordered(pairs: [number, number][]): boolean {
  return pairs.some(([, next], index) => index > 0 && next < pairs[index - 1][1]);
}

// ---------------------------------------------------------------------------------------------
// Words

/** A URL with its signature masked and marked, so the reviewer knows why it shows ***. */
function displayValue(value: string): string {
  const masked = redactSignatures(value);
  return masked === value ? value : `${masked} (signed URL)`;
}

/**
 * "2026-12-24 20:00 UTC": one zone for every time, so two times can be compared at a glance; with
 * the file's timeZone, in that zone too: "2026-12-25 04:00 Asia/Shanghai (20:00 UTC)".
 */
function displayTime(value: string, zone?: string): string {
  if (zone !== undefined && !isUtcZone(zone)) return momentPhrase(Date.parse(value), zone);
  const [date, time] = toApiTime(value).replace(/Z$/, "").split("T");
  return `${date} ${time.replace(/:00$/, "")} UTC`;
}






function bySubject(changes: LayoutChange[]): LayoutChange[] {
  return [...changes].sort((a, b) => (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0));
}

function redactChange(change: LayoutChange): LayoutChange {
  return { ...change, summary: redactSignatures(change.summary), details: change.details.map(redactSignatures) };
}

// ---------------------------------------------------------------------------------------------
// Markdown

const ACTION_WORDS: Record<LayoutChangeAction, string> = {
  add: "added",
  remove: "removed",
  move: "moved",
  replace: "replaced",
  update: "updated in place",
};

/**
 * The changes as a pull-request comment. Plain enough to read in a terminal too: URLs go in code
 * spans so that a masked signature's *** is never read as emphasis and nothing is auto-linked.
 */
export function formatChanges(changes: LayoutChange[], options: { before?: string; after?: string; adopting?: number } = {}): string {
  const lines: string[] = [];
  const count = changes.length === 1 ? "1 change" : `${changes.length} changes`;
  lines.push(changes.length === 0 ? "### Studio file" : `### Studio file: ${count} on air`, "");
  if (options.before !== undefined || options.after !== undefined) {
    lines.push(`Comparing ${options.before ?? "the old file"} with ${options.after ?? "the new file"}.`, "");
  }
  if (options.adopting) {
    const objects = options.adopting === 1 ? "1 existing object" : `${options.adopting} existing objects`;
    lines.push(`The first \`pulumi up\` adopts ${objects} (adopt section): it takes them over instead of making new ones.`, "");
  }
  if (changes.length === 0) {
    lines.push("No change on air.");
    return lines.join("\n") + "\n";
  }
  lines.push(`${capitalize(tally(changes))}.`, "");
  for (const change of changes) {
    lines.push(`- ${markdownLine(change.summary)}`);
    for (const detail of change.details) lines.push(`  - ${markdownLine(detail)}`);
  }
  return lines.join("\n") + "\n";
}

/** How many existing objects a file's `adopt` section takes over (its studio and every entry of its sections). */
export function adoptedObjects(layout: StudioLayoutDefinition): number {
  const adopt = layout.adopt;
  if (!adopt) return 0;
  const sections = [adopt.sources, adopt.layouts, adopt.components, adopt.episodes, adopt.episodeGroups];
  return (adopt.caster ? 1 : 0) + sections.reduce((total, ids) => total + Object.keys(ids ?? {}).length, 0);
}

/** "1 added, 2 replaced, 1 updated in place" */
function tally(changes: LayoutChange[]): string {
  return (Object.keys(ACTION_WORDS) as LayoutChangeAction[])
    .map((action) => [changes.filter((change) => change.action === action).length, ACTION_WORDS[action]] as const)
    .filter(([number]) => number > 0)
    .map(([number, words]) => `${number} ${words}`)
    .join(", ");
}

/**
 * One list entry of the comment. Names are free text from the pull request: a line break must not
 * start a list entry of its own, `@name` must not notify anyone, and `<` must not open HTML.
 */
function markdownLine(text: string): string {
  const flat = redactSignatures(text).replace(/\s*[\r\n]+\s*/g, " ");
  return codeUrls(flat).replace(/@(?=\w)/g, "@\u2060").replace(/</g, "&lt;");
}

const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"`]+/gi;

function codeUrls(text: string): string {
  return text.replace(URL_IN_TEXT, (match) => {
    // Sentence punctuation after a URL is not part of it.
    const url = match.replace(/[.,;:)]+$/, "");
    return `\`${url}\`${match.slice(url.length)}`;
  });
}
