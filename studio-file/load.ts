import { readFileSync } from "node:fs";
import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, Node, parseDocument, YAMLError } from "yaml";
import { redactSignatures } from "../common/redact";
import { UNKNOWN } from "../common/unknowns";
import { asValidLayout, checkLayout, CheckOptions, PathProblem } from "./validate";
import { StudioFileDefinition } from "./schema";

/** A problem in a layout, where an editor or a CI log can jump to it. */
export interface LayoutProblem {
  file: string;
  /** 1-based; absent for a layout given as an object. */
  line?: number;
  column?: number;
  /** Where in the layout: sources.RV02.vodUrl, episodeGroups.night.items[1].vodUrl. */
  property: string;
  message: string;
  /** A warning does not refuse the file (an episode that started already); absent, the problem is an error. */
  severity?: "warning";
}

/**
 * A layout read and checked: the layout when it has no problems; its warnings either way (an
 * episode that started already, say), which do not refuse it, for a command to print and a
 * program to log.
 */
export type LoadedLayout =
  | { file: string; layout: StudioFileDefinition; problems: []; warnings: LayoutProblem[] }
  | { file: string; layout?: undefined; problems: LayoutProblem[]; warnings: LayoutProblem[] };

/** What loading takes besides the file: the moment the schedule is checked against (`now`, default Date.now()). */
export type LoadOptions = CheckOptions;

/** `file:line:column property: message` (`... property: warning: message` for a warning), the form editors and CI logs link. */
export function formatProblem(problem: LayoutProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}:${problem.column}`;
  return `${where} ${problem.property || "(file)"}: ${problem.severity === "warning" ? "warning: " : ""}${problem.message}`;
}

/** Thrown by {@link loadLayout}: every problem of the layout, one per line. */
export class LayoutError extends Error {
  constructor(public readonly problems: LayoutProblem[]) {
    super(`the studio file has ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n${problems.map(formatProblem).join("\n")}`);
    this.name = "LayoutError";
  }
}

/** Parses a layout's text (YAML, or JSON, which YAML reads too) and checks it. `file` only names it in problems. */
export function parseLayout(text: string, file: string, options: LoadOptions = {}): LoadedLayout {
  const lineCounter = new LineCounter();
  // A byte-order mark would shift every column of the first line.
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  // uniqueKeys: a position listed twice is an error, not a silent "last one wins"; merge: `<<: *anchor` shares settings.
  const document = parseDocument(source, { lineCounter, uniqueKeys: true, merge: true, prettyErrors: false });
  const at = (offset: number, property: string, message: string): LayoutProblem => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col, property, message: redactSignatures(message) };
  };

  const syntaxProblems = [...document.errors, ...document.warnings].map((error) => {
    const known = describeYamlError(error, document.contents, source, (offset) => lineCounter.linePos(offset).line);
    return at(error.pos[0], known?.property ?? "", known?.message ?? firstLine(error.message));
  });
  const olderYaml = document.directives.yaml.explicit && document.directives.yaml.version !== "1.2";
  if (olderYaml) {
    syntaxProblems.push(at(0, "", `use YAML 1.2: remove the %YAML ${document.directives.yaml.version} line (YAML 1.1 reads on and off as true and false, and times as dates).`));
  }
  // Only keys listed twice still leave a document worth checking: report its other problems too.
  if (document.errors.some((error) => error.code !== "DUPLICATE_KEY") || document.warnings.length > 0 || olderYaml) {
    return { file, problems: sortByPlace(syntaxProblems), warnings: [] };
  }
  const value: unknown = document.toJS({ maxAliasCount: 100 }) ?? {};
  const checked = checkLayout(value, options);
  const placed = (problem: PathProblem) => at(offsetOf(document.contents, problem), propertyPath(problem.path), problem.message);
  const problems = [...syntaxProblems, ...checked.problems.map(placed)];
  const warnings = sortByPlace(checked.warnings.map((warning): LayoutProblem => ({ ...placed(warning), severity: "warning" })));
  return problems.length > 0 ? { file, problems: sortByPlace(problems), warnings } : { file, layout: asValidLayout(value), problems: [], warnings };
}

/** The YAML library's messages that a layout's author needs in the layout's own terms. */
function describeYamlError(
  error: YAMLError,
  root: unknown,
  source: string,
  lineOf: (offset: number) => number,
): { property: string; message: string } | undefined {
  if (error.code === "DUPLICATE_KEY") {
    const path = pathOfKeyAt(root, error.pos[0]);
    const key = path?.[path.length - 1] ?? source.slice(error.pos[0], error.pos[1]);
    const first = path ? firstKeyOffset(root, path) : undefined;
    const where = first === undefined ? "" : ` (first on line ${lineOf(first)})`;
    return {
      property: path ? propertyPath(path) : "",
      message: `${String(key)} is listed twice${where}; keep one of them.`,
    };
  }
  if (error.code === "MULTIPLE_DOCS") {
    return { property: "", message: "a studio file holds one studio: remove the second --- and what follows, or move it to a file of its own." };
  }
  if (error.code === "TAG_RESOLVE_FAILED") {
    return { property: "", message: `${firstLine(error.message)}: a studio file uses plain YAML values; remove the tag.` };
  }
  return undefined;
}
/** Reads and checks a layout file. */
export function readLayoutFile(path: string, options: LoadOptions = {}): LoadedLayout {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    return { file: path, problems: [{ file: path, property: "", message: `cannot read the file: ${reason}.` }], warnings: [] };
  }
  return parseLayout(text, path, options);
}

/**
 * Checks a layout given as an object (no lines to point at). A program may put Outputs in it (a
 * URL from `config.requireSecret`, say): those are checked by the resources once known, as any
 * value unknown at preview is.
 */
export function checkLayoutObject(value: unknown, name: string, options: LoadOptions = {}): LoadedLayout {
  const checked = checkLayout(asCheckable(value), options);
  const named = (problem: PathProblem): LayoutProblem => ({ file: name, property: propertyPath(problem.path), message: problem.message });
  const problems = checked.problems.map(named);
  const warnings = checked.warnings.map((warning): LayoutProblem => ({ ...named(warning), severity: "warning" }));
  return problems.length > 0 ? { file: name, problems, warnings } : { file: name, layout: value as StudioFileDefinition, problems: [], warnings };
}

/** What {@link loadLayout} takes besides the layout. */
export interface LoadLayoutOptions extends LoadOptions {
  /** Called with each warning, which does not refuse the layout: a program logs it (pulumi.log.warn). */
  onWarning?: (warning: LayoutProblem) => void;
}

/**
 * A file path or an object: the layout, or a {@link LayoutError} with every problem. Warnings go to
 * `options.onWarning` (ignored without one), whether or not the layout has problems.
 */
export function loadLayout(layout: string | object, name = "layout", options: LoadLayoutOptions = {}): StudioFileDefinition {
  const { onWarning, ...checkOptions } = options;
  const loaded = typeof layout === "string" ? readLayoutFile(layout, checkOptions) : checkLayoutObject(layout, name, checkOptions);
  if (onWarning) loaded.warnings.forEach((warning) => onWarning(warning));
  if (loaded.layout === undefined) throw new LayoutError(loaded.problems);
  return loaded.layout;
}

/** The value with Outputs and promises as the unknown marker, and Dates as the text the resources send. */
function asCheckable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (isPending(value)) return UNKNOWN;
  if (Array.isArray(value)) return value.map(asCheckable);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, asCheckable(inner)]));
  }
  return value;
}

/** An Output or a promise (without importing @pulumi/pulumi, which the command-line tool does not need). */
function isPending(value: unknown): boolean {
  return typeof value === "object" && value !== null &&
    ((value as { __pulumiOutput?: unknown }).__pulumiOutput === true || typeof (value as { then?: unknown }).then === "function");
}

/** sources.RV02.vodUrl, episodeGroups.night.items[1].vodUrl */
function propertyPath(path: (string | number)[]): string {
  return path
    .map((key, index) => (typeof key === "number" ? `[${key}]` : index === 0 ? key : `.${key}`))
    .join("");
}

/**
 * The offset a problem points at: the value at its path, or its key when the key itself is wrong;
 * when the path ends early (a required property left out), the deepest entry that exists.
 */
function offsetOf(root: unknown, problem: PathProblem, which: "first" | "last" = "last"): number {
  let node: unknown = root;
  let best = rangeStart(root) ?? 0;
  for (const [index, segment] of problem.path.entries()) {
    const last = index === problem.path.length - 1;
    if (isMap(node)) {
      const pairs = node.items.filter((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      // A key listed twice: its last value is the one read, and so the one any problem is about.
      const pair = which === "first" ? pairs[0] : pairs[pairs.length - 1];
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

/** The path of the map key that starts at `offset`, e.g. ["sources", "RV01"]. */
function pathOfKeyAt(node: unknown, offset: number, path: (string | number)[] = []): (string | number)[] | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const here = [...path, String(pair.key.value)];
      if (rangeStart(pair.key) === offset) return here;
      const inner = pathOfKeyAt(pair.value, offset, here);
      if (inner) return inner;
    }
  } else if (isSeq(node)) {
    for (const [index, item] of node.items.entries()) {
      const inner = pathOfKeyAt(item, offset, [...path, index]);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** Where a key first appears, for "listed twice (first at ...)". */
function firstKeyOffset(root: unknown, path: (string | number)[]): number | undefined {
  return offsetOf(root, { path, atKey: true, message: "" }, "first");
}

function sortByPlace(problems: LayoutProblem[]): LayoutProblem[] {
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

function rangeStart(node: unknown): number | undefined {
  return isNode(node) ? (node as Node).range?.[0] : undefined;
}

function firstLine(message: string): string {
  return message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
}
