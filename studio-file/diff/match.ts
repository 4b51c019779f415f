/**
 * Which entries of two studio files are the same, before anything is put in words. Pulumi sees a
 * section's entries by their keys (a source by its position, a group or a layout by its name), so
 * an entry under a new key is a removal and an addition for it; a reviewer must see the two as one
 * move or rename, so entries gone from one key are paired with entries new at another that are
 * plainly the same.
 */

export interface EntryMatch {
  /** Keys only the old file has, and no new entry is paired with; sorted. */
  removed: string[];
  /** Keys only the new file has, and no old entry is paired with; sorted. */
  added: string[];
  /** Keys both files have, in the new file's order. */
  kept: string[];
  /** An old entry and the same entry under its new key. */
  paired: { from: string; to: string }[];
}

/** `passes`: what makes two entries the same, most telling first; none pairs nothing. */
export function matchEntries<T>(before: Record<string, T>, after: Record<string, T>, passes: ((old: T, next: T) => boolean)[]): EntryMatch {
  const removed = Object.keys(before).filter((key) => !(key in after)).sort();
  const added = Object.keys(after).filter((key) => !(key in before)).sort();
  const paired = pairUp(removed, added, passes.map((same) => (from: string, to: string) => same(before[from], after[to])));
  const inPairs = new Set(paired.flatMap(({ from, to }) => [from, to]));
  return {
    removed: removed.filter((key) => !inPairs.has(key)),
    added: added.filter((key) => !inPairs.has(key)),
    kept: Object.keys(after).filter((key) => key in before),
    paired,
  };
}

/**
 * Pairs each of `gone` with at most one of `fresh`, pass by pass, so that an entry the same in every
 * respect is paired before one that is only alike; within a pass, in the order given.
 */
export function pairUp<K>(gone: K[], fresh: K[], passes: ((from: K, to: K) => boolean)[]): { from: K; to: K }[] {
  const pairs: { from: K; to: K }[] = [];
  const free = new Set(fresh);
  for (const matches of passes) {
    for (const from of gone) {
      if (pairs.some((pair) => pair.from === from)) continue;
      const to = [...free].find((candidate) => matches(from, candidate));
      if (to === undefined) continue;
      pairs.push({ from, to });
      free.delete(to);
    }
  }
  return pairs;
}

/** Whether the entries of a list found on both sides come in another order; entries added or removed do not count. */
export function isReordered(pairs: { from: number; to: number }[]): boolean {
  const byOld = [...pairs].sort((a, b) => a.from - b.from);
  return byOld.some(({ to }, index) => index > 0 && to < byOld[index - 1].to);
}

/** JSON with keys in order, so that a setting written in another order is no change. */
export function stableText(value: unknown): string {
  return JSON.stringify(value, (_key, inner) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner) ?? "undefined";
}
