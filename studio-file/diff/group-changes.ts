import { redactSignatures } from "../../common/redact";
import { toApiTime } from "../../model/api-facts";
import { casterEpisodeGroup } from "../../model/kinds/caster-episode-group";
import { LayoutEpisodeGroup } from "../schema";
import { GROUP_SETTING_NAMES, groupSettingsWords, STUDIO_DEFAULT_GROUP_SETTINGS } from "../setting-words";
import { capitalize, displayValue, isUtcZone, joinAnd, momentPhrase, quote, sentence } from "../words";
import { LayoutChange } from "./change";
import { isReordered, matchEntries, pairUp } from "./match";

/**
 * What changes in the episode groups, in words. The API cannot change a group, so any change
 * replaces it; a group under a new name with the same content is, for the reviewer, a rename.
 */

type Groups = Record<string, LayoutEpisodeGroup>;

/** `zone`: the file's timeZone, in which times are given besides UTC. */
export function groupChanges(before: Groups, after: Groups, zone?: string): LayoutChange[] {
  const { paired, removed, added, kept } = matchEntries(before, after, [(old, next) => groupDifferences(old, next).reasons.length === 0]);
  const changes: LayoutChange[] = paired.map(({ from, to }) => groupRenameChange(from, to));
  for (const name of removed) changes.push(removeGroupChange(name, before[name], zone));
  for (const name of added) changes.push(addGroupChange(name, after[name], zone));
  for (const name of kept) {
    const change = groupReplace(name, before[name], after[name], zone);
    if (change) changes.push(change);
  }
  return changes;
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
    details: [...group.items.map((item, index) => `Item ${index + 1}: ${quote(item.itemName)}, ${displayValue(item.vodUrl)}.`), ...groupSettingsWords(group, "change").map(sentence)],
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
  for (const setting of STUDIO_DEFAULT_GROUP_SETTINGS) {
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
  const matchedBefore = new Set(pairs.map(({ from }) => from));
  const matchedAfter = new Set(pairs.map(({ to }) => to));
  const differences: ItemDifference[] = [];
  before.forEach((item, index) => {
    if (matchedBefore.has(index)) return;
    differences.push({ short: `${quote(item.itemName)} removed`, detail: `${quote(item.itemName)} removed (was item ${index + 1}, ${displayValue(item.vodUrl)}).` });
  });
  after.forEach((item, index) => {
    if (matchedAfter.has(index)) return;
    differences.push({ short: `${quote(item.itemName)} added`, detail: `${quote(item.itemName)} added as item ${index + 1}: ${displayValue(item.vodUrl)}.` });
  });
  for (const { from, to } of pairs) differences.push(...itemChanges(before[from], after[to]));
  if (isReordered(pairs)) {
    differences.push({
      short: "the order changes",
      detail: `New order: ${after.map((item) => quote(item.itemName)).join(", ")} (was ${before.map((item) => quote(item.itemName)).join(", ")}).`,
    });
  }
  return differences;
}

/** Identical first, then by name (its file changed), then by file (renamed, or signed anew). */
function matchItems(before: Item[], after: Item[]): { from: number; to: number }[] {
  const passes: ((a: Item, b: Item) => boolean)[] = [
    (a, b) => a.itemName === b.itemName && a.vodUrl === b.vodUrl,
    (a, b) => a.itemName === b.itemName,
    (a, b) => redactSignatures(a.vodUrl) === redactSignatures(b.vodUrl),
  ];
  return pairUp(before.map((_, index) => index), after.map((_, index) => index), passes.map((same) => (old: number, next: number) => same(before[old], after[next])))
    .sort((a, b) => a.from - b.from);
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

/**
 * "2026-12-24 20:00 UTC": one zone for every time, so two times can be compared at a glance; with
 * the file's timeZone, in that zone too: "2026-12-25 04:00 Asia/Shanghai (20:00 UTC)".
 */
function displayTime(value: string, zone?: string): string {
  if (zone !== undefined && !isUtcZone(zone)) return momentPhrase(Date.parse(value), zone);
  const [date, time] = toApiTime(value).replace(/Z$/, "").split("T");
  return `${date} ${time.replace(/:00$/, "")} UTC`;
}
