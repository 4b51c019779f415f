import { FileShow, FileShowList } from "../schema";
import { backgroundPhrase, listRepeatPhrase, priorityPhrase, showLengthPhrase, showPhrase, showResourcePhrase } from "../show-words";
import { capitalize, joinAnd, quote } from "../words";
import { LayoutChange } from "./change";
import { stableText } from "./match";

/**
 * What changes in the show list, in words. It is one CasterShowList, updated in place: a show is
 * known by its name, as the provider knows it; a show whose content changes is removed and added
 * again (the API cannot modify one), and only the shows out of order are moved, one call each.
 */

const SUBJECT = "show list";

export function showListChanges(before: FileShowList | null | undefined, after: FileShowList | null | undefined): LayoutChange[] {
  if (!before && !after) return [];
  if (!before) return [addChange(after as FileShowList)];
  if (!after) return [removeChange(before)];
  return updateChange(before, after);
}

function shows(count: number): string {
  return count === 1 ? "1 show" : `${count} shows`;
}

function addChange(list: FileShowList): LayoutChange {
  const priority = priorityPhrase(list);
  const background = backgroundPhrase(list.background);
  return {
    subject: SUBJECT,
    action: "add",
    summary: `Show list added: ${shows(list.shows.length)}, the list ${listRepeatPhrase(list)}.`,
    details: [
      ...list.shows.map((show, index) => `Show ${index + 1}: ${quote(show.showName)}, ${showPhrase(show)}.`),
      ...(priority ? [`Priority show: ${priority}.`] : []),
      ...(background ? [`Background: ${background}.`] : []),
    ],
  };
}

function removeChange(list: FileShowList): LayoutChange {
  return {
    subject: SUBJECT,
    action: "remove",
    summary: `Show list removed: its ${shows(list.shows.length)} (${joinAnd(list.shows.map((show) => quote(show.showName)))}) are taken off the studio's list${list.background ? ", and its background" : ""}.`,
    details: [],
  };
}

/** One difference: a short clause for the summary, and its sentence for the details. */
interface Difference {
  short: string;
  detail: string;
}

function updateChange(before: FileShowList, after: FileShowList): LayoutChange[] {
  const differences = [...showDifferences(before.shows, after.shows), ...settingDifferences(before, after)];
  if (differences.length === 0) return [];
  const listed = differences.length <= 3;
  return [{
    subject: SUBJECT,
    action: "update",
    summary: listed
      ? `Show list updated in place: ${joinAnd(differences.map((difference) => difference.short))}.`
      : `Show list updated in place (${differences.length} changes).`,
    details: differences.map((difference) => difference.detail),
  }];
}

/** Shows by name: added, removed, changed (removed and added again), then those moved. */
function showDifferences(before: FileShow[], after: FileShow[]): Difference[] {
  const old = new Map(before.map((show) => [show.showName, show]));
  const next = new Map(after.map((show) => [show.showName, show]));
  const same = (name: string) => stableText(old.get(name)) === stableText(next.get(name));
  const differences: Difference[] = [];
  after.forEach((show, index) => {
    if (old.has(show.showName)) return;
    differences.push({ short: `${quote(show.showName)} added`, detail: `${quote(show.showName)} added as show ${index + 1}: ${showPhrase(show)}.` });
  });
  before.forEach((show, index) => {
    if (next.has(show.showName)) return;
    differences.push({ short: `${quote(show.showName)} removed`, detail: `${quote(show.showName)} removed (was show ${index + 1}, ${showPhrase(show)}).` });
  });
  for (const show of after) {
    if (!old.has(show.showName) || same(show.showName)) continue;
    const was = old.get(show.showName) as FileShow;
    const changes = [
      ...(showResourcePhrase(show) !== showResourcePhrase(was) ? [`plays ${showResourcePhrase(show)} instead of ${showResourcePhrase(was)}`] : []),
      ...(showLengthPhrase(show) !== showLengthPhrase(was) ? [`plays ${showLengthPhrase(show)} instead of ${showLengthPhrase(was)}`] : []),
      // What the file does not say in words (the API's type label) changed.
      ...(stableText({ ...show, liveInputType: undefined }) === stableText({ ...was, liveInputType: undefined }) ? [`has liveInputType ${show.liveInputType ?? 0} instead of ${was.liveInputType ?? 0}`] : []),
    ];
    differences.push({
      short: `${quote(show.showName)} changed`,
      detail: `${quote(show.showName)} now ${joinAnd(changes)}: a show cannot be modified, so it is removed and added again.`,
    });
  }
  const kept = (list: FileShow[]) => list.map((show) => show.showName).filter((name) => old.has(name) && next.has(name) && same(name));
  const moved = outOfOrder(kept(before), kept(after));
  if (moved.length > 0) {
    differences.push({
      short: moved.length === 1 ? `${quote(moved[0])} moved` : `${joinAnd(moved.map(quote))} moved`,
      detail: `New order: ${after.map((show) => quote(show.showName)).join(", ")} (was ${before.map((show) => quote(show.showName)).join(", ")}).`,
    });
  }
  return differences;
}

/**
 * The names of `to` that move when `from` becomes it: all but a longest run already in order, as
 * the provider moves them (each one ModifyShowList).
 */
function outOfOrder(from: string[], to: string[]): string[] {
  const rank = from.map((name) => to.indexOf(name));
  // Longest increasing subsequence, O(n²): a show list is short enough for a review.
  const length = rank.map(() => 1);
  const previous = rank.map(() => -1);
  rank.forEach((value, index) => {
    for (let earlier = 0; earlier < index; earlier++) {
      if (rank[earlier] < value && length[earlier] + 1 > length[index]) {
        length[index] = length[earlier] + 1;
        previous[index] = earlier;
      }
    }
  });
  const staying = new Set<string>();
  for (let index = length.indexOf(Math.max(0, ...length)); index !== -1; index = previous[index]) staying.add(from[index]);
  return to.filter((name) => !staying.has(name));
}

/** The list's own settings: how often it plays, its priority show, its background. */
function settingDifferences(before: FileShowList, after: FileShowList): Difference[] {
  const differences: Difference[] = [];
  if ((before.repeatTimes ?? 0) !== (after.repeatTimes ?? 0)) {
    const phrase = `the list now ${listRepeatPhrase(after)}`;
    differences.push({ short: phrase, detail: `${capitalize(phrase)} (it ${listRepeatPhrase(before)}).` });
  }
  const [oldPriority, newPriority] = [priorityPhrase(before), priorityPhrase(after)];
  if (newPriority !== undefined && newPriority !== oldPriority) {
    differences.push({
      short: `the priority show is now ${quote(after.highPriorityShow as string)}`,
      detail: `Priority show: ${newPriority}${oldPriority ? ` instead of ${oldPriority}` : ""}; the API takes it only before the list starts playing.`,
    });
  } else if (newPriority === undefined && oldPriority !== undefined) {
    // The API cannot unset it: left out, the list keeps what it has (the kind's field doc).
    differences.push({
      short: "the priority show is no longer declared",
      detail: `The priority show is no longer declared, but the API cannot unset it: the list keeps ${oldPriority}.`,
    });
  }
  const [oldBackground, newBackground] = [backgroundPhrase(before.background), backgroundPhrase(after.background)];
  if (stableText(before.background) !== stableText(after.background)) {
    differences.push(newBackground === undefined
      ? { short: "the background is removed", detail: `The background is removed (was ${oldBackground}).` }
      : { short: "the background changes", detail: `Background: ${newBackground}${oldBackground ? ` instead of ${oldBackground}` : ""}.` });
  }
  return differences;
}
