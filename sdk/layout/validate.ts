import { checkInputs, describeValue, InputSpec } from "../../provider/shared/check";
import { LOCATION_ID_PATTERN, videoResourceSpec } from "../../provider/video-resource/schema";
import {
  CONFIG_KEY_PATTERN,
  GROUP_NAME_PATTERN,
  GROUP_NAME_RULE,
  layoutCasterSchema,
  layoutEpisodeGroupFields,
  layoutSourceFields,
  LOCATION_KEY_RULE,
  StudioLayoutDefinition,
} from "./schema";

/**
 * Checks a layout's content. Sources and groups go through the resources' own checkInputs, so a
 * layout problem reads exactly as the resource's preview error would.
 */

/** One problem, placed by its path in the layout; `atKey` points at the key itself (a misspelt or extra key). */
export interface PathProblem {
  path: (string | number)[];
  atKey?: boolean;
  message: string;
}

const TOP_LEVEL_KEYS = ["$schema", "caster", "sources", "episodeGroups"];

// Same rules as the resources, less what the layout supplies itself (casterId, locationId).
const sourceSpec = {
  fields: layoutSourceFields,
  rules: videoResourceSpec.rules,
} as unknown as InputSpec<Record<string, unknown>>;
// The studio always comes from `caster`, so the domain and callback default from its config.
const episodeGroupSpec = { fields: layoutEpisodeGroupFields, rules: [] } as unknown as InputSpec<Record<string, unknown>>;

/** Every problem of a parsed layout; none means it is a valid {@link StudioLayoutDefinition}. */
export function findLayoutProblems(value: unknown): PathProblem[] {
  if (!isPlainObject(value)) {
    return [{ path: [], message: `a layout is a mapping with caster, sources and episodeGroups, got ${kindOf(value)}.` }];
  }
  const problems: PathProblem[] = [];
  for (const key of Object.keys(value)) {
    if (!TOP_LEVEL_KEYS.includes(key)) {
      const likely = TOP_LEVEL_KEYS.find((known) => known.toLowerCase() === key.toLowerCase());
      problems.push({
        path: [key],
        atKey: true,
        message: likely
          ? `${key} is not a layout key: use ${likely}.`
          : `${key} is not a layout key; remove it, or use one of caster, sources, episodeGroups.`,
      });
    }
  }
  if (value.$schema !== undefined && typeof value.$schema !== "string") {
    problems.push({ path: ["$schema"], message: `$schema ${describeValue(value.$schema)} must be the schema's path or URL, as text.` });
  }
  if (value.caster !== undefined) problems.push(...casterProblems(value.caster));
  problems.push(...entriesProblems(value, "sources", LOCATION_ID_PATTERN, LOCATION_KEY_RULE, (location, entry) =>
    checkInputs(sourceSpec, entry).map((failure) => ({ failure, path: ["sources", location] }))));
  problems.push(...entriesProblems(value, "episodeGroups", GROUP_NAME_PATTERN, GROUP_NAME_RULE, (name, entry) =>
    checkInputs(episodeGroupSpec, entry).map((failure) => ({ failure, path: ["episodeGroups", name] }))));
  return problems;
}

/** Narrows a layout that {@link findLayoutProblems} found no problem in. */
export function asValidLayout(value: unknown): StudioLayoutDefinition {
  return value as StudioLayoutDefinition;
}

function casterProblems(caster: unknown): PathProblem[] {
  if (layoutCasterSchema.safeParse(caster).success) return [];
  if (!isPlainObject(caster)) {
    return [{ path: ["caster"], message: `caster must be { casterId: <studio ID> } or { config: <stack config key> }, got ${kindOf(caster)}.` }];
  }
  const keys = Object.keys(caster);
  const extra = keys.find((key) => key !== "casterId" && key !== "config");
  if (extra) {
    return [{ path: ["caster", extra], atKey: true, message: `${extra} is not a caster key; give casterId (the studio's ID) or config (a stack config key holding it).` }];
  }
  if (keys.length !== 1) {
    return [{ path: ["caster"], message: "caster takes one of casterId and config, not both and not neither: keep the one that says where the studio's ID is." }];
  }
  if (keys[0] === "config") {
    return [{
      path: ["caster", "config"],
      message: `config ${describeValue(caster.config)} is not allowed: use a stack config key such as casterId or my-project:casterId (pattern ${CONFIG_KEY_PATTERN}).`,
    }];
  }
  const [failure] = checkInputs({ fields: { casterId: layoutCasterSchema.options[0].shape.casterId }, rules: [] }, caster);
  return [{ path: ["caster", "casterId"], message: failure.reason }];
}

function entriesProblems(
  layout: Record<string, unknown>,
  section: "sources" | "episodeGroups",
  keyPattern: RegExp,
  keyRule: string,
  check: (key: string, entry: Record<string, unknown>) => { failure: { property: string; reason: string; path?: (string | number)[] }; path: string[] }[],
): PathProblem[] {
  const entries = layout[section];
  if (entries === undefined || entries === null) return [];
  const what = section === "sources" ? "position (RV01: { resourceName, ... })" : "group name (evening-loop: { startTime, items })";
  if (!isPlainObject(entries)) {
    return [{ path: [section], message: `${section} is a mapping keyed by ${what}, got ${kindOf(entries)}.` }];
  }
  const problems: PathProblem[] = [];
  for (const [key, entry] of Object.entries(entries)) {
    if (!keyPattern.test(key)) {
      problems.push({ path: [section, key], atKey: true, message: `${JSON.stringify(key)} is not allowed as a key of ${section}: ${keyRule}` });
    }
    if (!isPlainObject(entry)) {
      problems.push({ path: [section, key], message: `${section}.${key} must be a mapping of its properties, got ${kindOf(entry)}.` });
      continue;
    }
    for (const { failure, path } of check(key, entry)) {
      const unknownKey = !(failure.property in (section === "sources" ? layoutSourceFields : layoutEpisodeGroupFields));
      problems.push({ path: [...path, ...(failure.path ?? [failure.property])], atKey: unknownKey, message: failure.reason });
    }
  }
  return problems;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  return `${typeof value} ${describeValue(value)}`;
}
