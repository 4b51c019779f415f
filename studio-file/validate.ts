import { checkInputs, CheckFailure, describeValue, InputSpec } from "../common/check";
import {
  importIdOfThisStudio, LOCATION_ID_PATTERN, LOCATION_ID_RULE, SOURCE_PROPERTIES, videoResourceFields, videoResourceSpec,
} from "../spec/kinds/caster-video-resource";
import {
  CONFIG_KEY_PATTERN,
  CONFIG_KEY_RULE,
  GROUP_NAME_PATTERN,
  isSecretReference,
  SECRET_CAPABLE_GROUP_PROPERTIES,
  SECRET_CAPABLE_SOURCE_PROPERTIES,
  GROUP_NAME_RULE,
  layoutCasterSchema,
  layoutEpisodeGroupFields,
  layoutSourceFields,
  StudioLayoutDefinition,
  studioLayoutSchema,
} from "./schema";

/**
 * Checks a layout's content. Sources and groups go through the resources' own checkInputs, so a
 * layout problem reads exactly as the resource's preview error would, and every problem is found
 * in one pass.
 */

/** One problem, placed by its path in the layout; `atKey` points at the key itself (a misspelt or extra key). */
export interface PathProblem {
  path: (string | number)[];
  atKey?: boolean;
  message: string;
}

const TOP_LEVEL_KEYS = Object.keys(studioLayoutSchema.shape);
const CASTER_KEYS = ["casterId", "config"];

/** How each section of a layout is keyed and checked. */
interface Section {
  name: "sources" | "episodeGroups";
  keyPattern: RegExp;
  keyRule: string;
  /** What an entry is, for messages: "a source", "an episode group". */
  entry: string;
  /** What an entry must hold, for the message about an empty one. */
  needs: string;
  spec: InputSpec<Record<string, unknown>>;
  /** URL properties that may be `{ secret: <key> }`, each with a stand-in of the right shape for the checks. */
  secretStandIns: Record<string, string>;
}

/**
 * What a secret reference is checked as: a URL of the right form, so the rules across fields
 * (exactly one source, file-only settings) still hold; the URL itself is checked by the resource
 * once the secret is read.
 */
const STAND_IN = {
  stream: "rtmp://secret.invalid/stand-in",
  file: "https://secret.invalid/stand-in.mp4",
  image: "https://secret.invalid/stand-in.png",
  web: "https://secret.invalid/stand-in",
};

const SECTIONS: Section[] = [
  {
    name: "sources",
    keyPattern: LOCATION_ID_PATTERN,
    keyRule: LOCATION_ID_RULE,
    entry: "a source",
    needs: `resourceName and one of ${SOURCE_PROPERTIES.join(", ")}`,
    secretStandIns: { liveStreamUrl: STAND_IN.stream, vodUrl: STAND_IN.file, imageUrl: STAND_IN.image } satisfies Record<(typeof SECRET_CAPABLE_SOURCE_PROPERTIES)[number], string>,
    // The resource's own rules, less what the layout supplies itself (casterId, locationId).
    spec: { fields: layoutSourceFields, rules: videoResourceSpec.rules } as unknown as InputSpec<Record<string, unknown>>,
  },
  {
    name: "episodeGroups",
    keyPattern: GROUP_NAME_PATTERN,
    keyRule: GROUP_NAME_RULE,
    entry: "an episode group",
    needs: "startTime and items",
    secretStandIns: { callbackUrl: STAND_IN.web, sideOutputUrl: STAND_IN.stream } satisfies Record<(typeof SECRET_CAPABLE_GROUP_PROPERTIES)[number], string>,
    // The studio always comes from `caster`, so the domain and callback default from its config.
    spec: { fields: layoutEpisodeGroupFields, rules: [] } as unknown as InputSpec<Record<string, unknown>>,
  },
];

/** Every problem of a parsed layout; none means it is a valid {@link StudioLayoutDefinition}. */
export function findLayoutProblems(value: unknown): PathProblem[] {
  if (!isPlainObject(value)) {
    return [{ path: [], message: `a layout is a mapping with caster, sources and episodeGroups, got ${kindOf(value)}.` }];
  }
  const problems: PathProblem[] = unknownKeyProblems(value, [], TOP_LEVEL_KEYS, "a layout key");
  if (value.$schema !== undefined && typeof value.$schema !== "string") {
    problems.push({ path: ["$schema"], message: `$schema ${describeValue(value.$schema)} must be the schema's path or URL, as text.` });
  }
  if (value.caster !== undefined) problems.push(...casterProblems(value.caster));
  for (const section of SECTIONS) problems.push(...sectionProblems(value[section.name], section));
  problems.push(...importIdProblems(value));
  return problems;
}

/**
 * The rule across a source's importId and its studio, which in a layout is the file's `caster`:
 * checked when both are written in the file, silent when the studio comes from stack config or
 * the program (the resource checks it at preview, once the ID is known).
 */
function importIdProblems(layout: Record<string, unknown>): PathProblem[] {
  const caster = layout.caster;
  const sources = layout.sources;
  if (!isPlainObject(caster) || !isPlainObject(sources)) return [];
  const casterId = caster.casterId;
  if (!videoResourceFields.casterId.safeParse(casterId).success) return [];
  const problems: PathProblem[] = [];
  for (const [key, entry] of Object.entries(sources)) {
    if (!isPlainObject(entry) || !videoResourceFields.importId.safeParse(entry.importId).success || entry.importId === undefined) continue;
    const failure = importIdOfThisStudio({ casterId: casterId as string, importId: entry.importId as string }, new Set());
    if (failure) problems.push({ path: ["sources", key, failure.property], message: failure.reason });
  }
  return problems;
}

/**
 * Narrows a layout that {@link findLayoutProblems} passed. The layout's own zod schema must agree
 * (it is what the JSON Schema is made from); if it does not, that is a bug here, not in the file.
 */
export function asValidLayout(value: unknown): StudioLayoutDefinition {
  const parsed = studioLayoutSchema.safeParse(value);
  if (!parsed.success) {
    throw new Error(`pulumi-alicloud-caster: a layout passed the checks but not its schema (${parsed.error.issues[0].message}); please report this.`);
  }
  return value as StudioLayoutDefinition;
}

function casterProblems(caster: unknown): PathProblem[] {
  if (layoutCasterSchema.safeParse(caster).success) return [];
  if (!isPlainObject(caster)) {
    return [{ path: ["caster"], message: `caster must be { casterId: <studio ID> } or { config: <stack config key> }, got ${kindOf(caster)}.` }];
  }
  const misspelt = unknownKeyProblems(caster, ["caster"], CASTER_KEYS, "a caster key (casterId: the studio's ID, or config: a stack config key holding it)");
  if (misspelt.length > 0) return misspelt;
  const keys = Object.keys(caster);
  if (keys.length !== 1) {
    return [{ path: ["caster"], message: "caster takes one of casterId and config, not both and not neither: keep the one that says where the studio's ID is." }];
  }
  const field = layoutCasterSchema.options[keys[0] === "casterId" ? 0 : 1].shape;
  const failures = checkInputs({ fields: field, rules: [] } as unknown as InputSpec<Record<string, unknown>>, caster, "caster");
  return failures.map((failure) => ({ path: ["caster", failure.property], message: withYamlHint(failure.reason, caster[failure.property]) }));
}

function sectionProblems(entries: unknown, section: Section): PathProblem[] {
  // Left empty (`sources:`), a section has nothing in it.
  if (entries === undefined || entries === null) return [];
  if (!isPlainObject(entries)) {
    return [{ path: [section.name], message: `${section.name} is a mapping keyed by ${section.name === "sources" ? "position (RV01: { resourceName, ... })" : "group name (evening-loop: { startTime, items })"}, got ${kindOf(entries)}.` }];
  }
  const problems: PathProblem[] = [];
  for (const [key, entry] of Object.entries(entries)) {
    const path = [section.name, key];
    if (!section.keyPattern.test(key)) {
      problems.push({ path, atKey: true, message: `${JSON.stringify(key)} is not allowed as a key of ${section.name}: ${section.keyRule}` });
    }
    if (entry === null || entry === undefined) {
      problems.push({ path, atKey: true, message: `${section.name}.${key} is empty: give it ${section.needs}, or remove it.` });
      continue;
    }
    if (!isPlainObject(entry)) {
      problems.push({ path, message: `${section.name}.${key} must be a mapping of its properties (${section.needs}), got ${kindOf(entry)}.` });
      continue;
    }
    // checkInputs passes over __-keys, which Pulumi adds to a resource's inputs; a file has none.
    const reserved = Object.keys(entry).filter((name) => name.startsWith("__"));
    problems.push(...reserved.map((name) => ({ path: [...path, name], atKey: true, message: `${name} is not a property of ${section.entry}; remove it.` })));
    const { checkable, secretProblems, standIns } = setSecretsAside(entry, path, section);
    problems.push(...secretProblems);
    for (const failure of checkInputs(section.spec, checkable, section.entry)) {
      problems.push(entryProblem(path, failure, entry, section, standIns));
    }
  }
  return problems;
}

function entryProblem(path: string[], failure: CheckFailure, entry: Record<string, unknown>, section: Section, standIns: Map<string, string>): PathProblem {
  const misspelt = !(failure.property in section.spec.fields);
  const where = failure.path ?? [failure.property];
  const received = where.reduce<unknown>((inner, key) => (inner as Record<string | number, unknown> | undefined)?.[key], entry);
  let message = withYamlHint(failure.reason, received);
  for (const [standIn, secret] of standIns) message = message.split(JSON.stringify(standIn)).join(`{ secret: ${secret} }`);
  return { path: [...path, ...where], atKey: misspelt, message };
}

/**
 * Secret references, checked for their key and replaced by stand-ins, so the entry goes through the
 * resource's checks like any other; `standIns` maps each stand-in back to its key for messages.
 */
function setSecretsAside(entry: Record<string, unknown>, path: string[], section: Section) {
  const checkable: Record<string, unknown> = { ...entry };
  const secretProblems: PathProblem[] = [];
  const standIns = new Map<string, string>();
  const setAside = (value: unknown, where: (string | number)[], standIn: string): unknown => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
    const name = String(where[where.length - 1]);
    if (!isSecretReference(value)) {
      secretProblems.push({
        path: [...path, ...where],
        message: `${name} ${describeValue(value)} is not allowed: give the URL, or { secret: <stack config key> } for one kept in the stack's secret config.`,
      });
    } else if (!CONFIG_KEY_PATTERN.test(value.secret)) {
      secretProblems.push({ path: [...path, ...where, "secret"], message: `secret ${describeValue(value.secret)} is not allowed: ${CONFIG_KEY_RULE}` });
    } else {
      standIns.set(standIn, value.secret);
    }
    return standIn;
  };
  for (const [name, standIn] of Object.entries(section.secretStandIns)) {
    if (name in entry) checkable[name] = setAside(entry[name], [name], standIn);
  }
  if (section.name === "episodeGroups" && Array.isArray(entry.items)) {
    checkable.items = entry.items.map((item, index) =>
      typeof item === "object" && item !== null && "vodUrl" in item
        ? { ...item, vodUrl: setAside((item as { vodUrl: unknown }).vodUrl, ["items", index, "vodUrl"], STAND_IN.file) }
        : item);
  }
  return { checkable, secretProblems, standIns };
}

/** YAML reads 123 and true as a number and a boolean; a text property needs them quoted. */
function withYamlHint(message: string, received: unknown): string {
  if ((typeof received === "number" || typeof received === "boolean") && / must be a string, got /.test(message)) {
    return `${message} In YAML, quote it: "${String(received)}".`;
  }
  return message;
}

function unknownKeyProblems(value: Record<string, unknown>, path: string[], allowed: string[], what: string): PathProblem[] {
  return Object.keys(value)
    .filter((key) => !allowed.includes(key))
    .map((key) => {
      const likely = allowed.find((known) => known.toLowerCase() === key.toLowerCase());
      return {
        path: [...path, key],
        atKey: true,
        message: likely ? `${key} is not ${what}: use ${likely}.` : `${key} is not ${what}; remove it, or use one of ${allowed.join(", ")}.`,
      };
    });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  return `${typeof value} ${describeValue(value)}`;
}
