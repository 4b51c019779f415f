import { readFileSync } from "node:fs";
import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, Node, parseDocument } from "yaml";
import { asValidLayout, findLayoutProblems, PathProblem } from "./validate";
import { StudioLayoutDefinition } from "./schema";

/** A problem in a layout, where an editor or a CI log can jump to it. */
export interface LayoutProblem {
  file: string;
  /** 1-based; absent for a layout given as an object. */
  line?: number;
  column?: number;
  /** Where in the layout: sources.RV02.vodUrl, episodeGroups.night.items[1].vodUrl. */
  property: string;
  message: string;
}

export type LoadedLayout =
  | { file: string; layout: StudioLayoutDefinition; problems: [] }
  | { file: string; layout?: undefined; problems: LayoutProblem[] };

/** `file:line:column property: message`, the form editors and CI logs link. */
export function formatProblem(problem: LayoutProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}:${problem.column}`;
  return `${where} ${problem.property || "(layout)"}: ${problem.message}`;
}

/** Thrown by {@link loadLayout}: every problem of the layout, one per line. */
export class LayoutError extends Error {
  constructor(public readonly problems: LayoutProblem[]) {
    super(`the studio layout has ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n${problems.map(formatProblem).join("\n")}`);
    this.name = "LayoutError";
  }
}

/** Parses a layout's text (YAML, or JSON, which YAML reads too) and checks it. `file` only names it in problems. */
export function parseLayout(text: string, file: string): LoadedLayout {
  const lineCounter = new LineCounter();
  // uniqueKeys: a position listed twice is an error, not a silent "last one wins".
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const position = (offset: number) => lineCounter.linePos(offset);
  if (document.errors.length > 0) {
    return {
      file,
      problems: document.errors.map((error) => {
        const { line, col } = position(error.pos[0]);
        return { file, line, column: col, property: "", message: firstLine(error.message) };
      }),
    };
  }
  const value: unknown = document.toJS({ maxAliasCount: 100 }) ?? {};
  const problems = findLayoutProblems(value).map((problem): LayoutProblem => {
    const { line, col } = position(offsetOf(document.contents, problem));
    return { file, line, column: col, property: propertyPath(problem.path), message: problem.message };
  }).sort((a, b) => a.line! - b.line! || a.column! - b.column!);
  return problems.length > 0 ? { file, problems } : { file, layout: asValidLayout(value), problems: [] };
}

/** Reads and checks a layout file. */
export function readLayoutFile(path: string): LoadedLayout {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    return { file: path, problems: [{ file: path, property: "", message: `cannot read the layout: ${reason}.` }] };
  }
  return parseLayout(text, path);
}

/** Checks a layout given as an object (no lines to point at). */
export function checkLayoutObject(value: unknown, name: string): LoadedLayout {
  const problems = findLayoutProblems(value).map((problem): LayoutProblem => ({
    file: name,
    property: propertyPath(problem.path),
    message: problem.message,
  }));
  return problems.length > 0 ? { file: name, problems } : { file: name, layout: asValidLayout(value), problems: [] };
}

/** A file path or an object: the layout, or a {@link LayoutError} with every problem. */
export function loadLayout(layout: string | StudioLayoutDefinition, name = "layout"): StudioLayoutDefinition {
  const loaded = typeof layout === "string" ? readLayoutFile(layout) : checkLayoutObject(layout, name);
  if (loaded.layout === undefined) throw new LayoutError(loaded.problems);
  return loaded.layout;
}

/** sources.RV02.vodUrl, episodeGroups.night.items[1].vodUrl */
export function propertyPath(path: (string | number)[]): string {
  return path
    .map((key, index) => (typeof key === "number" ? `[${key}]` : index === 0 ? key : `.${key}`))
    .join("");
}

/**
 * The offset a problem points at: the value at its path, or its key when the key itself is wrong;
 * when the path ends early (a required property left out), the deepest entry that exists.
 */
function offsetOf(root: unknown, problem: PathProblem): number {
  let node: unknown = root;
  let best = rangeStart(root) ?? 0;
  for (const [index, segment] of problem.path.entries()) {
    const last = index === problem.path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      if (last && problem.atKey) return rangeStart(pair.key) ?? best;
      best = rangeStart(pair.key) ?? best;
      node = pair.value;
      if (last) return rangeStart(node) ?? best;
    } else if (isSeq(node) && typeof segment === "number" && node.items[segment] !== undefined) {
      node = node.items[segment];
      best = rangeStart(node) ?? best;
    } else {
      break;
    }
  }
  return best;
}

function rangeStart(node: unknown): number | undefined {
  return isNode(node) ? (node as Node).range?.[0] : undefined;
}

function firstLine(message: string): string {
  return message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
}
