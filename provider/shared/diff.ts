import { diff as deepDiff } from "deep-diff";
import { isUnknown } from "../../common/unknowns";

export interface PropertyChanges {
  /** Top-level properties whose desired value differs (or is not known yet). */
  changed: string[];
  /** Those of them that the API cannot modify, so the resource must be replaced. */
  replaces: string[];
}

/**
 * Compares what the resource is (old outputs) with what the program asks for (new inputs), both
 * first put in the same normal form so that a default the API fills in never shows as a change.
 */
export function diffProperties<T extends object>(
  current: T,
  desired: T,
  replaceOnChange: ReadonlySet<string>,
): PropertyChanges {
  const changed = new Set<string>();
  for (const [name, value] of Object.entries(desired)) {
    if (isUnknown(value)) changed.add(name);
  }
  for (const difference of deepDiff(current, desired) ?? []) {
    const name = difference.path?.[0];
    if (typeof name === "string") changed.add(name);
  }
  const names = [...changed].sort();
  return { changed: names, replaces: names.filter((name) => replaceOnChange.has(name)) };
}
