import { redactSignatures } from "../../common/redact";

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

/** Changes of one kind in the order a reviewer looks one up: by subject. */
export function bySubject(changes: LayoutChange[]): LayoutChange[] {
  return [...changes].sort((a, b) => (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0));
}

export function redactChange(change: LayoutChange): LayoutChange {
  return { ...change, summary: redactSignatures(change.summary), details: change.details.map(redactSignatures) };
}
