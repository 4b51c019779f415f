import { isDeepStrictEqual } from "node:util";
import type { Show } from "../../model/kinds/caster-show-list";

/** A show the studio's list has: its ID, its name, and what it plays, in the kind's normal form. */
export interface ListedShow {
  id: string;
  name: string;
  show: Show;
}

/** One call of a plan, in the order it is sent. A move names its show: a show added by the plan has no ID before it is listed. */
export type ShowListStep =
  | { kind: "remove"; showIds: string[] }
  | { kind: "addBatch"; shows: Show[] }
  | { kind: "add"; show: Show; spot: number }
  | { kind: "move"; name: string; spot: number };

/**
 * The calls that make `current` (the list as DescribeShowList gives it) the `declared` list, as
 * few as can be: every show that is not declared, or differs from its declaration (a show cannot
 * be modified), goes in one removal; the missing shows are added either as one batch at the end
 * or each at its place, whichever makes fewer calls with the moves that follow; and only the
 * shows outside a longest run already in order are moved (ModifyShowList moves one at a time).
 * Shows are known by their names, which the kind's check makes unique.
 */
export function planShowList(current: ListedShow[], declared: Show[]): ShowListStep[] {
  const wanted = new Map(declared.map((show) => [show.showName, show]));
  const kept: string[] = [];
  const removed: string[] = [];
  for (const listed of current) {
    const declaration = wanted.get(listed.name);
    if (declaration && !kept.includes(listed.name) && isDeepStrictEqual(listed.show, declaration)) kept.push(listed.name);
    else removed.push(listed.id);
  }
  const target = declared.map((show) => show.showName);
  const missing = declared.filter((show) => !kept.includes(show.showName));
  const steps: ShowListStep[] = removed.length > 0 ? [{ kind: "remove", showIds: removed }] : [];

  // Each at its place: the shows kept are first put in order, then each missing one goes where it belongs.
  const keptMoves = moves(kept, target.filter((name) => kept.includes(name)));
  const eachAtItsPlace: ShowListStep[] = [
    ...keptMoves,
    ...missing.map((show): ShowListStep => ({ kind: "add", show, spot: target.indexOf(show.showName) })),
  ];
  // One batch at the end, then the moves that put everything in order.
  const batchAtTheEnd: ShowListStep[] = [
    { kind: "addBatch", shows: missing },
    ...moves([...kept, ...missing.map((show) => show.showName)], target),
  ];
  const chosen = missing.length > 1 && batchAtTheEnd.length < eachAtItsPlace.length ? batchAtTheEnd : eachAtItsPlace;
  return [...steps, ...chosen];
}

/**
 * The moves that turn the order `from` into `to` (the same names): the shows of a longest
 * subsequence already in order stay; each other one, in `to`'s order, is put right after the show
 * before it. A move takes the show out and puts it at `spot` of the others, as ModifyShowList does.
 */
function moves(from: string[], to: string[]): ShowListStep[] {
  const rank = new Map(to.map((name, index) => [name, index]));
  const staying = new Set(longestIncreasing(from.map((name) => rank.get(name) as number)).map((index) => from[index]));
  const order = [...from];
  const steps: ShowListStep[] = [];
  to.forEach((name, index) => {
    if (staying.has(name)) return;
    order.splice(order.indexOf(name), 1);
    const spot = index === 0 ? 0 : order.indexOf(to[index - 1]) + 1;
    order.splice(spot, 0, name);
    steps.push({ kind: "move", name, spot });
  });
  return steps;
}

/** The indexes of a longest strictly increasing subsequence (patience sorting, n log n). */
function longestIncreasing(values: number[]): number[] {
  const tails: number[] = [];
  const previous: number[] = new Array(values.length).fill(-1);
  values.forEach((value, index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (values[tails[middle]] < value) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[index] = tails[low - 1];
    tails[low] = index;
  });
  const result: number[] = [];
  for (let index = tails.length > 0 ? tails[tails.length - 1] : -1; index !== -1; index = previous[index]) result.unshift(index);
  return result;
}
