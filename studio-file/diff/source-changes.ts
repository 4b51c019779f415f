import { redactSignatures } from "../../common/redact";
import { casterVideoResource, isFile } from "../../model/kinds/caster-video-resource";
import { replacedOnChange } from "../../model/kinds/kind";
import { LayoutSource, SOURCE_KINDS, sourcePropertyOf } from "../schema";
import { normalSource, sourceSettingsWords, sourceSettingWords } from "../setting-words";
import { displayValue, duration, joinAnd, quote, sentence } from "../words";
import { LayoutChange } from "./change";
import { matchEntries } from "./match";

/**
 * What changes in the sources, in words. Sources are the Studio component's children by
 * position: a source at a new position is a move, one whose kind's spec says a change replaces
 * it is briefly off air, and every source is made again when the studio moves.
 */

const REPLACED_ON_CHANGE = replacedOnChange(casterVideoResource);

export function sourceChanges(before: Record<string, LayoutSource>, after: Record<string, LayoutSource>, studioMoves: boolean): LayoutChange[] {
  // The same name first, then the same thing played: a reviewer knows a source by either.
  const { paired, removed, added, kept } = matchEntries(before, after, [
    (old, next) => old.resourceName === next.resourceName,
    (old, next) => playingKey(old) === playingKey(next),
  ]);
  const changes: LayoutChange[] = paired.map(({ from, to }) => moveChange(from, to, before[from], after[to]));
  for (const position of removed) changes.push(removeSourceChange(position, before[position]));
  for (const position of added) changes.push(addSourceChange(position, after[position]));
  for (const position of kept) {
    const change = sourceUpdate(position, before[position], after[position], studioMoves);
    if (change) changes.push(change);
  }
  return changes;
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
    details: [sentence(`plays ${describePlaying(source)}`), ...sourceSettingsWords(source, "change").map(sentence)],
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
  const old = normalSource(before);
  const next = normalSource(after);
  const differences: SourceDifference[] = [];
  if (old.resourceName !== next.resourceName) {
    differences.push({ property: "resourceName", phrase: `renamed from ${quote(old.resourceName)} to ${quote(next.resourceName)}` });
  }
  const playing = playingPhrase(before, after);
  if (playing) differences.push({ property: sourcePropertyOf(after), phrase: playing });
  // A file's settings mean nothing once the source plays a stream or an image.
  if (isFile(after)) {
    if (old.beginOffset !== next.beginOffset) differences.push({ property: "beginOffset", phrase: `now ${sourceSettingWords("beginOffset", next.beginOffset, "change")}` });
    if (old.endOffset !== next.endOffset) differences.push({ property: "endOffset", phrase: `now ${sourceSettingWords("endOffset", next.endOffset, "change")}` });
    if (old.repeatNum !== next.repeatNum) differences.push({ property: "repeatNum", phrase: `now ${sourceSettingWords("repeatNum", next.repeatNum, "change")}` });
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

function ptsPhrase(before: number, after: number): string {
  if (after === 0) return "no longer reports its playback position (PTS callback)";
  const now = `now ${sourceSettingWords("ptsCallbackInterval", after, "change")}`;
  return before === 0 ? now : `${now} instead of every ${duration(before)}`;
}
