import { connectionKey, describeConnections } from "../../model/fields/connection";
import { caster as casterKind, CasterInputs, changesNeedingStop as needingStop } from "../../model/kinds/caster";
import { comparable, FieldSpec, replacedOnChange } from "../../model/kinds/kind";
import { isNewStudio, LayoutCaster, LayoutStudio, PlainStudioFile } from "../schema";
import { capitalize, delayPhrase, describeCaster, displayValue, joinAnd, quote, sentence, standbyKind, studioType, templatePhrase } from "../words";
import { LayoutChange } from "./change";
import { hasComposition } from "./composition-changes";
import { stableText } from "./match";
import { hasEpisodes } from "./schedule-changes";

/**
 * What changes in the connection and the studio, in words. A studio the file makes
 * (`caster: { new: ... }`) is a child of the Studio component like the sources: its settings change
 * in place, or replace it, as the Caster kind's spec says; any other change of studio moves
 * everything on it.
 */

// ---------------------------------------------------------------------------------------------
// The connection

/**
 * A new `connection:` moves nothing: `pulumi up` reads every object through it and stores it, or
 * fails when an object is not found there (another account or region). A reviewer sees it first.
 */
export function connectionChanges(before: PlainStudioFile, after: PlainStudioFile): LayoutChange[] {
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
export function studioChanges(before: PlainStudioFile, after: PlainStudioFile): { changes: LayoutChange[]; studioMoves: boolean } {
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
export function isNothing(layout: PlainStudioFile): boolean {
  return layout.caster === undefined
    && Object.keys(layout.sources ?? {}).length === 0
    && Object.keys(layout.episodeGroups ?? {}).length === 0
    && !hasComposition(layout)
    && !hasEpisodes(layout);
}

/** What else is made again on the studio everything moves to. */
export function madeAgainThere(after: PlainStudioFile): string[] {
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
 * A new studio's settings in a reviewer's words (the Caster kind's labels), in the order they are
 * listed. `running` and `allowStopOnAir` are said in sentences of their own; a property without a
 * label is named as the kind names it.
 */
const STUDIO_SETTING_NAMES: Partial<Record<keyof LayoutStudio, string>> = Object.fromEntries(
  Object.entries(casterKind.fields as Record<string, FieldSpec>).flatMap(([property, field]) => (field.label ? [[property, field.label]] : [])),
);
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
  /** The phrase says what the studio does ("will start", "moves …"): said of the studio, not as a setting. */
  ofTheStudio?: true;
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
      differences.push({ property, phrase, reason: phrase, ofTheStudio: true });
      continue;
    }
    const [name, from, to] = [settingName(property), studioValue(property, old[property]), studioValue(property, next[property])];
    if (property === "resourceGroupId") {
      // UpdateCasterResourceGroup (the Caster kind's spec): the studio itself moves, nothing is made again.
      const phrase = `moves in place ${old[property] === undefined ? "" : `from resource group ${from} `}to resource group ${to}: ` +
        "the same studio, with its sources and scenes; nothing is made again";
      differences.push({ property, phrase, reason: phrase, ofTheStudio: true });
      continue;
    }
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
    return {
      subject: "studio",
      action: "update",
      summary: differences[0].ofTheStudio ? `${capitalize(label)} ${phrases[0]}.` : `${capitalize(label)}: ${phrases[0]}.`,
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
  return difference.ofTheStudio ? `The studio ${difference.phrase}.` : sentence(difference.phrase);
}

