import * as pulumi from "@pulumi/pulumi";
import { describeValue } from "../common/check";
import { UNKNOWN } from "../common/unknowns";
import { CHANNEL_ID_PATTERN, COMPONENT_LOCATION_ID_PATTERN, POSITIONS } from "../model/api-facts";
import { LOCATION_ID_PATTERN } from "../model/kinds/caster-video-resource";
import { crossEntryChecks, PathProblem, StudioTerms } from "../studio-file/validate";

/**
 * The whole-studio checks for resources declared one by one, as a studio file gets them.
 *
 * Each resource's own inputs are checked by its provider at preview. What no single resource can
 * see (two episodes on air at once, two sources at one position, a layout over a position no
 * source holds, scenes bound on a studio declared stopped) needs every resource of the studio. A
 * Pulumi program registers each resource as it is constructed, so the SDK classes hold their
 * registration back until the program has declared everything of this turn: each class declares
 * itself here, and registers with a `dependsOn` that waits for this check. Once the program's
 * synchronous part is over (the next turn of the event loop), the resources declared so far are
 * grouped by studio and checked with the studio file's own rules (studio-file/validate.ts,
 * `crossEntryChecks`), worded for resources. Every problem refuses the program before any of
 * these resources reaches the engine, so nothing is called; each is said once, with the
 * resource's name and where the program declared it.
 *
 * Why this and not a policy pack or the provider: a policy pack runs only where `--policy-pack` is
 * given, and the engine checks resources one at a time, each as it comes, so no step of its sees a
 * resource the program declares later. The program itself sees them all, before any is sent.
 *
 * A literal position (`locationId: "RV02"`) of a source this program declares in the same studio
 * waits for that source, as a reference by the resource (`source: camera`) does: the API looks the
 * position up when the episode, layout or caption is made.
 *
 * A value not known yet (a new studio's ID, another resource's output) is never an error: such a
 * value is left out of the checks. Resources declared in a later turn (inside an `apply`, after an
 * `await`) are checked with everything declared before them, in a round of their own.
 */

/** The kinds that take part, by their class names (which messages name). */
export type StudioKind = "Caster" | "CasterVideoResource" | "CasterLayout" | "CasterComponent" | "CasterSceneBinding" | "CasterEpisode" | "CasterEpisodeGroup" | "CasterShowList" | "CasterChannel" | "CasterPlaylist" | "CasterStudioLayout";

/** One resource as the program declared it. */
interface Declaration {
  kind: StudioKind;
  name: string;
  /** Its arguments, with references by resource already turned into positions. */
  args: Record<string, unknown>;
  /** The studio it is in: the casterId as written, or the identity of the Output that carries it. */
  studio: unknown;
  /** `file:line` of the program's `new`, for messages. */
  where?: string;
  /** What is wrong with its arguments as a whole (a source named twice), said with the round's problems. */
  problems: string[];
  /** A child of a Studio component, whose file check saw it with its siblings already. */
  checkedWithFile: boolean;
  resource?: pulumi.Resource;
}

/** What waits for the next check: each declaration and its gate. */
interface Waiting {
  declaration: Declaration;
  release: (dependsOn: pulumi.Resource[]) => void;
  refuse: (error: Error) => void;
}

const declarations: Declaration[] = [];
/** Other names of one studio: a Caster's `id` and its `casterId` output both name it. */
const sameStudio = new Map<unknown, unknown>();
const byResource = new WeakMap<pulumi.Resource, Declaration>();
/** The components whose children a studio file check has seen (sdk/studio.ts marks them). */
const fileCheckedComponents = new WeakSet<pulumi.Resource>();
let waiting: Waiting[] | undefined;
/** What was said already, so that a later round does not say it again. */
const said = new Set<string>();

/** A component that checks its children as one studio file: its children are not checked twice among themselves. */
export function markFileCheckedComponent(component: pulumi.Resource): void {
  fileCheckedComponents.add(component);
}

/**
 * Declares a resource of a studio: the options to register it with (its `dependsOn` waits for
 * the whole-studio check, and for the sources its literal positions name), and what to call once
 * the resource exists. A `get` (opts.id) reads, and is not checked.
 */
export function declareInStudio(
  kind: StudioKind,
  name: string,
  args: Record<string, unknown>,
  opts: pulumi.CustomResourceOptions | undefined,
  references: pulumi.Resource[] = [],
  problems: string[] = [],
): { opts: pulumi.CustomResourceOptions | undefined; declared: (resource: pulumi.Resource, ...studio: unknown[]) => void } {
  if (opts?.id !== undefined) return { opts, declared: () => undefined };
  const declaration: Declaration = {
    kind,
    name,
    args,
    studio: studioKey(args.casterId, args.connection),
    problems,
    where: programLine(),
    checkedWithFile: opts?.parent !== undefined && fileCheckedComponents.has(opts.parent),
  };
  const gate = new Promise<pulumi.Resource[]>((resolve, reject) => {
    if (waiting === undefined) {
      waiting = [];
      // The program's synchronous part declares its resources in this turn; the check runs after it.
      setImmediate(checkRound);
    }
    waiting.push({ declaration, release: resolve, refuse: reject });
  });
  const given = opts?.dependsOn;
  const dependsOn = gate.then((sources) => [...(given === undefined ? [] : [given]), ...references, ...sources]) as unknown as pulumi.Input<pulumi.Resource[]>;
  return {
    opts: { ...opts, dependsOn },
    declared: (resource, ...studio) => {
      declaration.resource = resource;
      if (studio.length > 0) {
        declaration.studio = studio[0];
        for (const other of studio.slice(1)) sameStudio.set(other, studio[0]);
      }
      byResource.set(resource, declaration);
      declarations.push(declaration);
    },
  };
}

/** A studio's identity: its ID as written, or the Output object that will carry it (one `studio.casterId` for all). */
function studioKey(casterId: unknown, connection: unknown): unknown {
  if (typeof casterId !== "string") return casterId;
  // One ID in two accounts or regions is two studios.
  return connection === undefined ? casterId : `${casterId} ${isPending(connection) ? "(connection not known)" : JSON.stringify(connection)}`;
}

/** The first line of the stack that is the program's, not this package's or Pulumi's. */
function programLine(): string | undefined {
  const stack = new Error().stack?.split("\n").slice(1) ?? [];
  for (const frame of stack) {
    const match = /\(?([^()\s]+):(\d+):\d+\)?$/.exec(frame.trim());
    if (!match) continue;
    const file = match[1];
    // This package's classes (the SDK's folder) and Pulumi's frames come between the program and here.
    if (file.startsWith("node:") || /[\\/]node_modules[\\/]/.test(file) || file.startsWith(SDK_FOLDER)) continue;
    return `${relativeToProgram(file)}:${match[2]}`;
  }
  return undefined;
}

const SDK_FOLDER = `${__dirname}${require("node:path").sep}`;

/**
 * A file of the program, relative to its project (the folder of its Pulumi.yaml), as the user sees
 * it in the repository. The engine runs a program in its `main` folder: for a program compiled to
 * `main: bin/index.js` that is `bin/`, and the source map names `../index.ts`.
 */
function relativeToProgram(file: string): string {
  const path = require("node:path") as typeof import("node:path");
  const relative = path.relative(projectFolder(), file);
  return relative.startsWith("..") ? file : relative;
}

let knownProjectFolder: string | undefined;

/**
 * The folder of the program's Pulumi.yaml: as the engine passes it (`--root-directory`, which
 * @pulumi/pulumi gives as `runtime.getRootDirectory()`, an absolute path; under mocks it is the
 * word "rootDirectory", and an older SDK has no such function); else the nearest folder at or
 * above the working folder that holds a Pulumi.yaml or Pulumi.yml; else the working folder.
 */
function projectFolder(): string {
  if (knownProjectFolder !== undefined) return knownProjectFolder;
  const path = require("node:path") as typeof import("node:path");
  const fromEngine = (pulumi.runtime as { getRootDirectory?: () => string }).getRootDirectory?.();
  knownProjectFolder = (fromEngine && path.isAbsolute(fromEngine) ? fromEngine : undefined) ?? projectFolderAbove(process.cwd()) ?? process.cwd();
  return knownProjectFolder;
}

function projectFolderAbove(start: string): string | undefined {
  const fs = require("node:fs") as typeof import("node:fs");
  const path = require("node:path") as typeof import("node:path");
  for (let folder = start; ; folder = path.dirname(folder)) {
    if (fs.existsSync(path.join(folder, "Pulumi.yaml")) || fs.existsSync(path.join(folder, "Pulumi.yml"))) return folder;
    if (path.dirname(folder) === folder) return undefined;
  }
}

/** The words of a program's resources for the studio file's rules. */
const PROGRAM_TERMS: StudioTerms = {
  holder: "this studio's resources in the program",
  declarer: "the program",
  add: (section, key) => ({
    sources: `declare a CasterVideoResource at ${key} in this studio`,
    layouts: `declare CasterLayout "${key}" in this studio`,
    components: `declare a CasterComponent at ${key} in this studio`,
    channels: `declare a CasterChannel for ${key} in this studio`,
  })[section],
  keysOfFileForm: false,
  studioRunning: { where: "the Caster's running", fix: "set running: true on the Caster, or remove the CasterSceneBindings." },
  studioChannelMode: { where: "the Caster's channelMode", fix: "set channelMode: true on the Caster, or remove the CasterChannels." },
  studioDomain: { where: "the Caster's domainName", fix: "set domainName on the Caster, or on the CasterEpisodeGroup." },
};

/** The section of the studio-file shape each kind fills, and how its entry is keyed. */
const SECTION_OF: Record<Exclude<StudioKind, "Caster">, { section: string; key: (declaration: Declaration) => string | undefined }> = {
  CasterVideoResource: { section: "sources", key: (d) => literal(d.args.locationId, LOCATION_ID_PATTERN) },
  CasterComponent: { section: "components", key: (d) => literal(d.args.locationId, COMPONENT_LOCATION_ID_PATTERN) },
  CasterLayout: { section: "layouts", key: (d) => d.name },
  CasterEpisode: { section: "episodes", key: (d) => d.name },
  CasterEpisodeGroup: { section: "episodeGroups", key: (d) => d.name },
  CasterSceneBinding: { section: "scenes", key: (d) => (typeof d.args.scene === "string" ? d.args.scene.toLowerCase() : undefined) },
  // Names nothing of the other sections; a second list of the studio is refused by its create (shows of other names).
  CasterShowList: { section: "showList", key: () => undefined },
  CasterChannel: { section: "channels", key: (d) => literal(d.args.channelId, CHANNEL_ID_PATTERN) },
  // Names nothing of the other sections; a second playlist of the studio is refused by its create (items of other names).
  CasterPlaylist: { section: "playlist", key: () => undefined },
  // Keyed by name: a studio layout is known by it (two of one name are refused as two at one position are).
  CasterStudioLayout: { section: "studioLayouts", key: (d) => (typeof d.args.layoutName === "string" ? d.args.layoutName : undefined) },
};

function literal(value: unknown, pattern: RegExp): string | undefined {
  return typeof value === "string" && pattern.test(value) ? value : undefined;
}

/** Checks every studio a declaration of this round is in, then releases or refuses the round's resources. */
function checkRound(): void {
  const round = waiting ?? [];
  waiting = undefined;
  const studioOf = (declaration: Declaration) => sameStudio.get(declaration.studio) ?? declaration.studio;
  const studios = new Set(round.map((entry) => studioOf(entry.declaration)));
  const problems: string[] = [];
  const warnings: string[] = [];
  const waitFor = new Map<Declaration, pulumi.Resource[]>();
  for (const { declaration } of round) {
    for (const problem of declaration.problems) problems.push(`${who(declaration)}: ${problem}`);
  }
  for (const studio of studios) {
    const members = declarations.filter((declaration) => studioOf(declaration) === studio);
    const shape = studioShape(members);
    const now = Date.now();
    const check = crossEntryChecks(shape.studio, now, PROGRAM_TERMS);
    for (const problem of [...shape.problems, ...check.problems.filter((p) => shape.relevant(p)).map((p) => shape.say(p))]) {
      if (!said.has(problem)) problems.push(problem);
    }
    for (const warning of check.warnings) {
      const subject = shape.subjectOf(warning);
      if (subject?.checkedWithFile || !shape.relevant(warning)) continue;
      // A new episode that has started is its provider's to refuse (it knows whether the episode is new); one made before stays.
      if (warning.finding === "started") continue;
      const text = shape.say(warning);
      if (!said.has(text)) warnings.push(text);
    }
    for (const [declaration, sources] of shape.waitFor) waitFor.set(declaration, sources);
  }
  for (const text of [...problems, ...warnings]) said.add(text);
  for (const warning of warnings) void pulumi.log.warn(warning);
  if (problems.length > 0) {
    // One error for every resource of the round: Pulumi reports an error object once, however many registrations it fails.
    const error = new pulumi.RunError(
      `the studio's resources have ${problems.length} problem${problems.length === 1 ? "" : "s"}, found before any was sent:\n${problems.map((p) => `- ${p}`).join("\n")}`,
    );
    for (const entry of round) entry.refuse(error);
    return;
  }
  for (const entry of round) entry.release(waitFor.get(entry.declaration) ?? []);
}

/**
 * The resources of one studio in the studio file's shape (sections keyed as the file keys them),
 * what only resources can get wrong (two at one position), and how a problem's path names its
 * resource.
 */
function studioShape(members: Declaration[]) {
  const studio: Record<string, Record<string, unknown>> = {};
  const entryOf = new Map<string, Declaration>();
  const problems: string[] = [];
  const waitFor = new Map<Declaration, pulumi.Resource[]>();
  const caster = members.find((member) => member.kind === "Caster");
  if (caster) {
    studio.caster = {
      new: {
        running: checkable(caster.args.running),
        normType: checkable(caster.args.normType),
        channelMode: checkable(caster.args.channelMode),
        domainName: checkable(caster.args.domainName),
      },
    };
    // A Caster that takes over a studio keeps the studio's own channel mode when it leaves channelMode out.
    if (caster.args.importId !== undefined) studio.adopt = { caster: checkable(caster.args.importId) };
  }
  for (const member of members) {
    if (member.kind === "Caster") continue;
    const { section, key } = SECTION_OF[member.kind];
    const entryKey = key(member);
    if (entryKey === undefined) continue;
    const taken = entryOf.get(`${section}/${entryKey}`);
    if (taken) {
      const free = section === "sources" || section === "components" ? freePositions(section, members) : [];
      if (!(taken.checkedWithFile && member.checkedWithFile)) problems.push(takenProblem(section, entryKey, taken, member, free));
      continue;
    }
    entryOf.set(`${section}/${entryKey}`, member);
    (studio[section] ??= {})[entryKey] = entryInFileTerms(member);
  }
  // Literal positions of this studio's own sources, or in channel mode its channels: wait for the
  // source or the channel, or the API finds nothing there.
  const heldAt = (position: unknown, sections: string[]) =>
    (typeof position === "string" ? sections.map((section) => entryOf.get(`${section}/${position}`)?.resource) : []);
  for (const member of members) {
    const positions = positionsNamed(member);
    const sections = member.kind === "CasterLayout" ? ["sources", "channels"] : ["sources"];
    const sources = positions.flatMap((position) => heldAt(position, sections)).filter((source): source is pulumi.Resource => source !== undefined && source !== member.resource);
    if (sources.length > 0) waitFor.set(member, [...new Set(sources)]);
  }
  const hasSources = Object.keys(studio.sources ?? {}).length > 0;
  const hasComponents = Object.keys(studio.components ?? {}).length > 0;
  const hasChannels = Object.keys(studio.channels ?? {}).length > 0;
  const subjectOf = (problem: PathProblem) => {
    const [section, key] = problem.path;
    if ((section === "scenes" || section === "channels") && key === undefined) return caster;
    return entryOf.get(`${String(section)}/${String(key)}`);
  };
  return {
    studio,
    problems,
    waitFor,
    subjectOf,
    /**
     * Whether the program holds what a reference problem is about: a position is dangling only when
     * the program declares this studio's sources (else they are the console's, or another stack's).
     */
    relevant(problem: PathProblem): boolean {
      switch (problem.finding) {
        case "missing source": return hasSources;
        case "missing component": return hasComponents;
        case "missing channel": return hasChannels;
        // A scene's layout is known here only as the program's own CasterLayout: never missing.
        case "missing layout": return false;
        default: return subjectOf(problem) !== undefined;
      }
    },
    say(problem: PathProblem): string {
      const subject = subjectOf(problem);
      const property = problem.path.slice(2).map((part) => (typeof part === "number" ? `[${part}]` : `.${part}`)).join("").replace(/^\./, "");
      return `${subject ? who(subject) : "the studio"}${property ? ` ${property}` : ""}: ${problem.message}`;
    },
  };
}

/** `CasterEpisode "news" (index.ts:12)`: the resource, and where the program declares it. */
function who(declaration: Declaration): string {
  return `${declaration.kind} "${declaration.name}"${declaration.where ? ` (${declaration.where})` : ""}`;
}

/** A second resource at a position of the studio that another holds. */
function takenProblem(section: string, position: string, first: Declaration, second: Declaration, free: string[]): string {
  const where = who;
  if (section === "studioLayouts") {
    return `${where(second)} layoutName: ${describeValue(position)} is the name of ${where(first)} in the same studio: a studio layout is known by its name (that is how a lost reply is found again); rename one.`;
  }
  if (section === "scenes") {
    return `${where(second)} scene: ${describeValue(position.toUpperCase())} is bound already by ${where(first)}: a scene shows one binding; keep one of the two.`;
  }
  const what = section === "sources" ? "source" : "component";
  return `${where(second)} locationId: ${describeValue(position)} is taken by ${where(first)} in the same studio: a studio has one ${what} per position; move one of them to a free position${free.length > 0 ? ` (${free.join(", ")}, ...)` : ""}.`;
}

/** The first few positions of the section that no resource of the studio holds. */
function freePositions(section: "sources" | "components", members: Declaration[]): string[] {
  const kind = section === "sources" ? "CasterVideoResource" : "CasterComponent";
  const held = new Set(members.filter((member) => member.kind === kind).map((member) => member.args.locationId));
  const prefix = section === "sources" ? "RV" : "RC";
  const all = Array.from({ length: POSITIONS }, (_, index) => `${prefix}${String(index + 1).padStart(2, "0")}`);
  return all.filter((position) => !held.has(position)).slice(0, 3);
}

/** The positions a resource names literally: they are looked up when it is made. */
function positionsNamed(member: Declaration): unknown[] {
  const args = member.args;
  switch (member.kind) {
    case "CasterEpisode":
      return [args.locationId];
    case "CasterLayout":
      return [args.videoLayers, args.audioLayers].flatMap((layers) => (Array.isArray(layers) ? layers.map((layer) => (isPlainObject(layer) ? layer.locationId : undefined)) : []));
    case "CasterComponent":
      return [isPlainObject(args.caption) ? args.caption.sourceLocationId : undefined];
    default:
      return [];
  }
}

/** A resource's arguments as the studio file's entry: episodes name their source and components by position. */
function entryInFileTerms(member: Declaration): Record<string, unknown> {
  const args = checkable(member.args) as Record<string, unknown>;
  if (member.kind === "CasterEpisode") {
    const { resourceId, componentIds, ...rest } = args;
    const source = sourceOfOutput(member.args.resourceId);
    const components = Array.isArray(member.args.componentIds) ? member.args.componentIds.map(componentOfOutput) : undefined;
    return {
      ...rest,
      ...(rest.locationId === undefined && resourceId !== undefined ? { locationId: source ?? UNKNOWN } : {}),
      ...(components !== undefined ? { components: components.map((position) => position ?? UNKNOWN) } : componentIds !== undefined ? { components: UNKNOWN } : {}),
    };
  }
  if (member.kind === "CasterLayout") {
    // A layer may name its source by the source's output (`camera.locationId`).
    const layers = (list: unknown) => (Array.isArray(list) ? list.map((layer) => (isPlainObject(layer)
      ? { ...(checkable(layer) as Record<string, unknown>), locationId: literal(layer.locationId, LOCATION_ID_PATTERN) ?? sourceOfOutput(layer.locationId) ?? checkable(layer.locationId) }
      : checkable(layer))) : checkable(list));
    return { ...args, videoLayers: layers(member.args.videoLayers), audioLayers: layers(member.args.audioLayers) };
  }
  if (member.kind === "CasterComponent" && isPlainObject(member.args.caption)) {
    const captioned = member.args.caption.sourceLocationId;
    return { ...args, caption: { ...(args.caption as Record<string, unknown>), sourceLocationId: literal(captioned, LOCATION_ID_PATTERN) ?? sourceOfOutput(captioned) ?? checkable(captioned) } };
  }
  if (member.kind === "CasterChannel") {
    // A channel names its source by the source's output (`camera.resourceId`): the file names it by position.
    const { resourceId, casterId: _casterId, channelId: _channelId, connection: _connection, ...rest } = args;
    return { ...rest, ...(resourceId !== undefined ? { source: sourceOfOutput(member.args.resourceId) ?? UNKNOWN } : {}) };
  }
  if (member.kind === "CasterSceneBinding") {
    const layout = declarationBehind(member.args.layoutId, "CasterLayout");
    const components = Array.isArray(member.args.componentIds) ? member.args.componentIds.map(componentOfOutput) : undefined;
    return {
      ...(layout ? { layout: layout.name } : {}),
      ...(components?.every((position) => position !== undefined) ? { components } : {}),
    };
  }
  return args;
}

/** The position of the source whose `resourceId` (or ID) this Output is, when it is one of the program's. */
function sourceOfOutput(value: unknown): string | undefined {
  const source = declarationBehind(value, "CasterVideoResource");
  return source ? literal(source.args.locationId, LOCATION_ID_PATTERN) : undefined;
}

function componentOfOutput(value: unknown): string | undefined {
  const component = declarationBehind(value, "CasterComponent");
  return component ? literal(component.args.locationId, COMPONENT_LOCATION_ID_PATTERN) : undefined;
}

/**
 * The program's resource of this kind an Output comes from (`camera.resourceId`, `pip.layoutId`):
 * an Output knows the resources it was made from.
 */
function declarationBehind(value: unknown, kind: StudioKind): Declaration | undefined {
  if (!pulumi.Output.isInstance(value)) return undefined;
  const resources = (value as unknown as { resources?: () => Set<pulumi.Resource> }).resources?.();
  if (!resources) return undefined;
  const found = [...resources].map((resource) => byResource.get(resource)).filter((declaration) => declaration?.kind === kind);
  return found.length === 1 ? found[0] : undefined;
}

/** Outputs and promises as the unknown marker, Dates as the text the resources send. */
function checkable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (isPending(value)) return UNKNOWN;
  if (Array.isArray(value)) return value.map(checkable);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, checkable(inner)]));
  return value;
}

function isPending(value: unknown): boolean {
  return pulumi.Output.isInstance(value) || value instanceof Promise || pulumi.Resource.isInstance(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !isPending(value) && !Array.isArray(value);
}
