import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import {
  AUDIO_LAYER_DEFAULTS, CAPTION_DEFAULTS, COMPONENT_DEFAULTS, COMPONENT_LAYER_DEFAULTS, COMPONENT_TYPES,
  IMAGE_FILE_EXTENSIONS, LIVE_STREAM_PROTOCOLS, TEXT_STYLE_DEFAULTS, VIDEO_LAYER_DEFAULTS, VOD_FILE_EXTENSIONS,
} from "../model/api-facts";
import { ISO_TIME_WITH_ZONE } from "../model/fields/iso-time";
import { NAME_PATTERN } from "../model/fields/name";
import { CONTROL_CHARACTERS } from "../model/fields/text";
import { caster as casterKind } from "../model/kinds/caster";
import { captionSchema, casterComponent, componentGeometrySchema, textSchema } from "../model/kinds/caster-component";
import { casterEpisode } from "../model/kinds/caster-episode";
import { casterSceneBinding } from "../model/kinds/caster-scene-binding";
import { casterEpisodeGroup, startTimeSchema } from "../model/kinds/caster-episode-group";
import { audioLayerSchema, casterLayout, videoLayerSchema } from "../model/kinds/caster-layout";
import { backgroundSchema, casterShowList, showSchema } from "../model/kinds/caster-show-list";
import { casterVideoResource } from "../model/kinds/caster-video-resource";
import { FieldSpec, KindSpec } from "../model/kinds/kind";
import {
  ADOPT_SECTIONS, fileAdoptSchema, fileBackgroundSchema, fileComponentSchema, fileEpisodeSchema, fileSceneSchema, fileShowSchema,
  layoutSourceSchema, layoutStudioSchema, NEW_STUDIO_KEY, SCENE_KEYS, studioLayoutSchema,
} from "./schema";
import { FILE_RULE_WORDS, KEYED_SECTION_NAMES, KEYED_SECTIONS } from "./sections";

/** Where the package ships the schema; editors reach it as node_modules/pulumi-alicloud-caster/<this>. */
export const SCHEMA_FILE = "studio-layout.schema.json";

type Json = Record<string, unknown>;

/**
 * The layout's JSON Schema, generated from the resources' zod schemas. Draft 7, the newest draft
 * every common editor plugin (yaml-language-server among them) understands.
 *
 * zod writes what its schemas declare (types, ranges, regexes, enums, descriptions); what it cannot
 * write is added here from the same sources, so that an editor flags what `caster-studio validate`
 * refuses wherever a JSON Schema can say so:
 * - each URL's protocols and file types, as a `pattern` read off its zod check, which is asked
 *   which of the API's protocols and file types (model/api-facts.ts) it takes; a start or end
 *   time's form, ISO_TIME_WITH_ZONE;
 * - the rules across fields, as `if`/`then` chains rather than `oneOf`, so that an editor names the
 *   property that breaks one instead of "Matches multiple schemas";
 * - what applies when a property is left out (`default`, and in the hover text), from the kinds'
 *   field specs and the API's layer and text defaults;
 * - the messages `validate` gives, as the keywords yaml-language-server shows instead of its own
 *   (`patternErrorMessage`, `errorMessage`, `markdownDescription`); other tools ignore them.
 */
export function studioLayoutJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(studioLayoutSchema, {
    target: "draft-7",
    unrepresentable: "any",
    override: ({ zodSchema, jsonSchema }) => {
      const json = jsonSchema as Json;
      const zod = zodSchema as unknown as z.ZodType;
      carryMessages(zod, json);
      carryStringRules(zod, json);
      carryDefaults(zod, json);
      for (const rule of CROSS_FIELD_RULES.get(defOf(zod)) ?? []) rule(json);
    },
  });
  return { $id: `https://unpkg.com/pulumi-alicloud-caster/${SCHEMA_FILE}`, title: "Studio file", ...schema };
}

/** The schema file's text, as committed and shipped. */
export function studioLayoutJsonSchemaText(): string {
  return `${JSON.stringify(studioLayoutJsonSchema(), null, 2)}\n`;
}

/** Writes the shipped schema file (`npm run schema`). */
export function writeSchemaFile(root: string): string {
  const path = join(root, SCHEMA_FILE);
  writeFileSync(path, studioLayoutJsonSchemaText());
  return path;
}

// zod's internals, as far as they are read here ---------------------------------------------------

interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  error?: unknown;
}

function defOf(schema: z.ZodType): { type: string; checks?: { _zod: { def: CheckDef } }[]; error?: unknown } {
  return schema._zod.def as never;
}

function checksOf(schema: z.ZodType): CheckDef[] {
  return (defOf(schema).checks ?? []).map((check) => check._zod.def);
}

/** The schema inside `.optional()` and `.nullable()`. */
function unwrap(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodOptional || schema instanceof z.ZodNullable ? unwrap(schema.unwrap() as z.ZodType) : schema;
}

/** A zod message that does not depend on the value (`{ error: "use …" }`), or undefined. */
function fixedMessage(error: unknown): string | undefined {
  if (typeof error !== "function") return undefined;
  const text = (issue: object) => {
    try {
      const said = (error as (issue: object) => unknown)(issue);
      return typeof said === "string" ? said : (said as { message?: unknown } | undefined)?.message;
    } catch {
      return undefined;
    }
  };
  const first = text({ code: "invalid_type", input: undefined, keys: [], path: [] });
  const second = text({ code: "invalid_value", input: "\u0007 something else", keys: ["x"], path: [] });
  return typeof first === "string" && first === second ? first : undefined;
}

/** zod's first message about `value`. */
function messageFor(schema: z.ZodType, value: unknown): string {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error(`pulumi-alicloud-caster: ${JSON.stringify(value)} was expected to fail its schema; please report this.`);
  return parsed.error.issues[0].message;
}

// Messages ------------------------------------------------------------------------------------------

/** A name's rule: its zod message says what is wrong with the very name, so it is written here once. */
const NAME_RULE = "use one line of visible text: no line breaks, tabs, escapes or other control characters, and not only spaces.";

/**
 * The messages validate gives for a wrong value, for an editor to show instead of its own ("String
 * does not match the pattern of …"): a regex's message, and an enum's, a literal's or a type's.
 * Objects keep the editor's own messages, which name the missing or unknown property.
 */
function carryMessages(schema: z.ZodType, json: Json): void {
  const def = defOf(schema);
  if (def.type === "string") {
    const regex = checksOf(schema).find((check) => check.format === "regex" && check.pattern?.source === json.pattern);
    if (regex?.pattern?.source === NAME_PATTERN.source) json.patternErrorMessage = NAME_RULE;
    else if (regex && fixedMessage(regex.error) !== undefined) json.patternErrorMessage = fixedMessage(regex.error);
  }
  if (def.type === "object" || def.type === "record") return;
  const message = fixedMessage(def.error);
  if (message === undefined) return;
  // A union of literals (normType: 1 or 6) reads as one list of values, as an enum does.
  if (def.type === "union" && Array.isArray(json.anyOf) && json.anyOf.every((option: Json) => "const" in option && Object.keys(option).every((key) => key === "const" || key === "type"))) {
    const values = (json.anyOf as Json[]).map((option) => option.const);
    delete json.anyOf;
    const types = [...new Set(values.map((value) => typeof value))];
    json.type = types.length === 1 ? types[0] : types;
    json.enum = values;
  }
  if (def.type === "union" && json.anyOf !== undefined) return;
  json.errorMessage = message;
}

/** Each keyed section's map, and adopt's, with the rule of its keys (`propertyNames`), as validate words it (studio-file/sections.ts). */
const KEY_RULES = new Map<z.ZodType, string>(KEYED_SECTION_NAMES.flatMap((section) => [
  [unwrap(studioLayoutSchema.shape[section]), KEYED_SECTIONS[section].keyRule],
  [unwrap(fileAdoptSchema.shape[section]), KEYED_SECTIONS[section].keyRule],
]));

// URLs and times --------------------------------------------------------------------------------

/** A URL field's rule, as its zod check has it. */
export interface UrlRule {
  protocols: string[];
  /** The file types its path must end in; undefined: any path. */
  extensions?: string[];
  /** What validate says of a URL that breaks the rule. */
  message: string;
}

/**
 * The protocols and file types the API's URLs take (model/api-facts.ts): every URL field of the kinds
 * takes some of these, and nothing else (a field that took more would fail the generation).
 */
const KNOWN_PROTOCOLS: readonly string[] = LIVE_STREAM_PROTOCOLS;
const KNOWN_EXTENSIONS: readonly string[] = [...VOD_FILE_EXTENSIONS, ...IMAGE_FILE_EXTENSIONS];
const probeUrl = (protocol: string, extension = "") => `${protocol}//media.example.com/path/file${extension}`;

/**
 * The URL rule of a zod string schema with a check of its own (model/fields/url.ts), read off by
 * asking it which of the known protocols and file types it takes; undefined when it takes no URL.
 */
export function urlRuleOf(schema: z.ZodType): UrlRule | undefined {
  if (defOf(schema).type !== "string" || !checksOf(schema).some((check) => check.check === "custom")) return undefined;
  const accepts = (value: string) => schema.safeParse(value).success;
  const protocols = KNOWN_PROTOCOLS.filter((protocol) => ["", ...KNOWN_EXTENSIONS].some((extension) => accepts(probeUrl(protocol, extension))));
  if (protocols.length === 0) return undefined;
  const anyPath = protocols.every((protocol) => accepts(probeUrl(protocol)));
  const extensions = anyPath ? undefined : KNOWN_EXTENSIONS.filter((extension) => protocols.some((protocol) => accepts(probeUrl(protocol, extension))));
  const example = extensions?.[0] ?? "";
  // The pattern can only say what was asked: a field that takes another protocol or file type, or
  // some protocols only with some types, needs this function taught first.
  const unknown = [probeUrl("x-other:", example), ...(extensions ? [probeUrl(protocols[0], ".x-other")] : [])].filter(accepts);
  const partial = protocols.flatMap((protocol) => (extensions ?? [""]).map((extension) => probeUrl(protocol, extension))).filter((url) => !accepts(url));
  if (unknown.length > 0 || partial.length > 0) {
    throw new Error(`pulumi-alicloud-caster: a URL field takes ${[...unknown, ...partial].join(", ")} against what its JSON Schema pattern would say; teach studio-file/json-schema.ts.`);
  }
  return { protocols, extensions, message: messageFor(schema, probeUrl("x-other:", example)) };
}

/** `mp4` → `[mM][pP]4`: the URL check reads the scheme and the file type in any case. */
function anyCase(text: string): string {
  return text.replace(/[a-z]/gi, (letter) => `[${letter.toLowerCase()}${letter.toUpperCase()}]`);
}

/**
 * The rule as a pattern (ECMAScript, as JSON Schema's, with or without the `u` flag): one of the
 * protocols (any case), a host after `//` (after any `user@`, not only a port), a path that ends in
 * one of the file types (any case) before any query or fragment (a `\` starts the path as the URL
 * parser reads http(s)), and no whitespace or control character anywhere. A URL the URL parser
 * would still refuse is validate's to find.
 */
export function urlPattern(rule: Pick<UrlRule, "protocols" | "extensions">): string {
  const scheme = `(?:${rule.protocols.map((protocol) => anyCase(protocol.replace(/:$/, ""))).join("|")})`;
  const noBlank = `(?![\\s\\S]*[\\s${CONTROL_CHARACTERS}])`;
  // As url.ts reads the host: what stands between `//` and the first / ? or # after any `user@`.
  const authority = "//(?:[^/?#]*@)?(?!(?::\\d*)?(?:[/?#]|$))[^/?#@]*";
  const rest = rule.extensions
    ? `[/\\\\][^?#]*(?:${rule.extensions.map((extension) => anyCase(extension.replace(/\./g, "\\."))).join("|")})(?:[?#][\\s\\S]*)?`
    : "(?:[/\\\\?#][\\s\\S]*)?";
  return `^${noBlank}${scheme}:${authority}${rest}$`;
}

/** A time with its zone, in a group or an episode: its form; whether the date exists is validate's. */
const TIME_PATTERN = ISO_TIME_WITH_ZONE.source;

function carryStringRules(schema: z.ZodType, json: Json): void {
  if (defOf(schema) === defOf(startTimeSchema)) {
    json.pattern = TIME_PATTERN;
    json.patternErrorMessage = messageFor(startTimeSchema, "2030-12-24T20:00:00");
    return;
  }
  const rule = urlRuleOf(schema);
  if (!rule) return;
  json.pattern = urlPattern(rule);
  json.patternErrorMessage = rule.message;
}

// Defaults --------------------------------------------------------------------------------------

/** What applies when a property is left out: a value, with a note on what it means. */
export interface LeftOut {
  value: unknown;
  note?: string;
}

/**
 * A field spec's default as a value where it is one: `whenOmitted` (what the API reports), else
 * `default` when it reads as a number or a boolean ("0", "false", "0 (the end of the file)") or
 * names one of an enum's values ("cover"); both only when the field's schema takes the value.
 * Words ("none", "the studio's DomainName (needs casterId)") are the README's: they speak of the
 * resource's inputs, which in a file may not apply.
 */
export function leftOutOf(field: FieldSpec): LeftOut | undefined {
  const takes = (value: unknown) => value !== undefined && field.schema.safeParse(value).success;
  if (field.whenOmitted !== undefined && field.whenOmitted !== "not compared" && takes(field.whenOmitted)) return { value: field.whenOmitted };
  const [, text, note] = /^(\S+)(?: \((.*)\))?$/.exec(field.default ?? "") ?? [];
  if (text === undefined) return undefined;
  const inner = unwrap(field.schema);
  const value = /^(-?\d+(\.\d+)?|true|false)$/.test(text) ? JSON.parse(text)
    : inner instanceof z.ZodEnum && (inner.options as unknown[]).includes(text) ? text
      : inner instanceof z.ZodLiteral && inner.values.has(text as never) ? text : undefined;
  return takes(value) ? { value, note } : undefined;
}

const KINDS: KindSpec[] = [casterKind, casterVideoResource, casterEpisodeGroup, casterLayout, casterComponent, casterEpisode, casterShowList];

/** Each field schema of the kinds, with what applies when it is left out. */
const FIELD_DEFAULTS = new Map<z.ZodType, LeftOut>(KINDS.flatMap((kind) => Object.values(kind.fields)
  .map((field) => [field.schema, leftOutOf(field)] as const)
  .filter((entry): entry is readonly [z.ZodType, LeftOut] => entry[1] !== undefined)));

/** The API's defaults inside a layer, a component's geometry, its text and its caption (model/api-facts.ts). */
const OBJECT_DEFAULTS = new Map<object, Record<string, unknown>>([
  [defOf(videoLayerSchema), VIDEO_LAYER_DEFAULTS],
  [defOf(audioLayerSchema), AUDIO_LAYER_DEFAULTS],
  [defOf(componentGeometrySchema), COMPONENT_LAYER_DEFAULTS],
  [defOf(textSchema), TEXT_STYLE_DEFAULTS],
  [defOf(captionSchema), { ...TEXT_STYLE_DEFAULTS, ...CAPTION_DEFAULTS }],
  [defOf(fileComponentSchema), COMPONENT_DEFAULTS],
]);

function describeLeftOut(json: Json, leftOut: LeftOut): void {
  json.default = leftOut.value;
  const value = typeof leftOut.value === "string" ? leftOut.value : JSON.stringify(leftOut.value);
  const said = `Default: \`${value}\`${leftOut.note ? ` (${leftOut.note})` : ""}.`;
  json.markdownDescription = typeof json.description === "string" ? `${json.description}\n\n${said}` : said;
}

function carryDefaults(schema: z.ZodType, json: Json): void {
  const leftOut = FIELD_DEFAULTS.get(schema);
  if (leftOut) describeLeftOut(json, leftOut);
  const defaults = OBJECT_DEFAULTS.get(defOf(schema));
  if (!defaults || !(schema instanceof z.ZodObject)) return;
  const properties = (json.properties ?? {}) as Record<string, Json>;
  const required = (json.required ?? []) as string[];
  for (const [name, value] of Object.entries(defaults)) {
    const field = schema.shape[name] as z.ZodType | undefined;
    if (!field || !properties[name] || required.includes(name) || !field.safeParse(value).success) continue;
    // Kept apart from the field's own JSON, which another object may share.
    properties[name] = { ...properties[name] };
    if (properties[name].default === undefined) describeLeftOut(properties[name], { value });
  }
}

// Rules across fields ---------------------------------------------------------------------------

/** The studio file's own rules across sections. */
function fileRules(): Json[] {
  const adoptSections = Object.keys(ADOPT_SECTIONS) as (keyof typeof ADOPT_SECTIONS)[];
  return [
    // The studio is adopted only where the file makes one: adopt.caster needs caster: { new: … }.
    {
      if: { required: ["adopt"], properties: { adopt: { type: "object", required: ["caster"] } } },
      then: {
        required: ["caster"],
        properties: { caster: { required: [NEW_STUDIO_KEY], errorMessage: ADOPTS_A_NEW_STUDIO } },
        errorMessage: ADOPTS_A_NEW_STUDIO,
      },
    },
    // A studio the file makes new has nothing in it to take over, unless it is adopted itself.
    {
      if: {
        required: ["caster", "adopt"],
        properties: {
          caster: { required: [NEW_STUDIO_KEY] },
          adopt: { type: "object", anyOf: [{ not: { required: ["caster"] } }, { properties: { caster: { type: "null" } } }] },
        },
      },
      then: {
        properties: {
          adopt: {
            properties: Object.fromEntries(adoptSections.map((section) => [section, {
              additionalProperties: false,
              errorMessage: `this ${FILE_RULE_WORDS.nothingToTakeOver.what(ADOPT_SECTIONS[section].noun)}: ${FILE_RULE_WORDS.nothingToTakeOver.fix("it")}`,
            }])),
          },
        },
      },
    },
    // Scenes exist on a started studio only: a studio the file makes must run.
    {
      if: {
        required: ["caster", "scenes"],
        properties: {
          caster: { required: [NEW_STUDIO_KEY], properties: { [NEW_STUDIO_KEY]: { type: "object" } } },
          scenes: { type: "object", anyOf: SCENE_KEYS.map((key) => ({ required: [key], properties: { [key]: { type: "object" } } })) },
        },
      },
      then: {
        properties: {
          caster: {
            properties: {
              [NEW_STUDIO_KEY]: {
                required: ["running"],
                properties: { running: { const: true, errorMessage: SCENES_NEED_A_RUNNING_STUDIO } },
                errorMessage: SCENES_NEED_A_RUNNING_STUDIO,
              },
            },
          },
        },
      },
    },
    // A group that names no domain plays on its studio's: a studio the file makes, not adopted, needs one.
    {
      if: {
        required: ["caster", "episodeGroups"],
        properties: {
          caster: { required: [NEW_STUDIO_KEY], properties: { [NEW_STUDIO_KEY]: { type: "object", not: { required: ["domainName"] } } } },
          episodeGroups: { type: "object", not: { additionalProperties: { required: ["domainName"] } } },
        },
        not: { required: ["adopt"], properties: { adopt: { type: "object", required: ["caster"], properties: { caster: { type: "string" } } } } },
      },
      then: {
        properties: {
          caster: { properties: { [NEW_STUDIO_KEY]: { required: ["domainName"], errorMessage: GROUPS_NEED_A_DOMAIN } } },
        },
      },
    },
  ];
}

const ADOPTS_A_NEW_STUDIO = `adopt.caster ${FILE_RULE_WORDS.adoptsANewStudio.what}: ${FILE_RULE_WORDS.adoptsANewStudio.fix}`;
const GROUPS_NEED_A_DOMAIN = `${FILE_RULE_WORDS.groupsNeedADomain.why}: ${FILE_RULE_WORDS.groupsNeedADomain.fix}`;
const SCENES_NEED_A_RUNNING_STUDIO = `${FILE_RULE_WORDS.scenesNeedARunningStudio.why}: ${FILE_RULE_WORDS.scenesNeedARunningStudio.fix}`;

/**
 * The studio file's entry of a kind: where a rule's JSON Schema goes when the rule names no zod
 * schema of its own. Kept here, as the kinds do not know the file's schemas (studio-file/schema.ts
 * is built from theirs).
 */
const FILE_ENTRY_OF_KIND = new Map<KindSpec, z.ZodType>([
  [casterVideoResource, layoutSourceSchema],
  [casterComponent, fileComponentSchema],
  [casterKind, layoutStudioSchema],
  [casterEpisode, fileEpisodeSchema],
  [casterSceneBinding, fileSceneSchema],
]);

/** A kind's item schema and the file's form of it, where the file takes a secret reference for its URL. */
const FILE_FORM_OF_ITEM = new Map<z.ZodType, z.ZodType>([
  [showSchema, fileShowSchema],
  [backgroundSchema, fileBackgroundSchema],
]);

/**
 * A rule of the studio that does not hold for an adopted one (`adopt.caster`, its importId): carried
 * by the file's root, which sees both caster: { new: … } and adopt, and applied where adopt names no studio.
 */
function exceptAdoptedStudio(write: (json: Json) => void): (json: Json) => void {
  return (json) => {
    const fragment: Json = {};
    write(fragment);
    json.allOf = [...(json.allOf as Json[] | undefined) ?? [], {
      if: {
        required: ["caster"],
        properties: { caster: { required: [NEW_STUDIO_KEY], properties: { [NEW_STUDIO_KEY]: { type: "object" } } } },
        not: { required: ["adopt"], properties: { adopt: { type: "object", required: ["caster"], properties: { caster: { type: "string" } } } } },
      },
      then: { properties: { caster: { properties: { [NEW_STUDIO_KEY]: fragment } } } },
    }];
  };
}

/** The kinds' rules that carry a JSON Schema, by the zod schema whose JSON carries them. */
const KIND_RULES = [...KINDS, casterSceneBinding].flatMap((kind) => kind.rules.flatMap((rule): [z.ZodType, (json: Json) => void][] => {
  if (!rule.jsonSchema) return [];
  if (rule.jsonSchema.exceptAdopted) {
    if (kind !== casterKind) throw new Error(`pulumi-alicloud-caster: a ${kind.type} rule holds except when adopted, which the studio file says of its studio only; please report this.`);
    return [[studioLayoutSchema, exceptAdoptedStudio(rule.jsonSchema.write)]];
  }
  const on = rule.jsonSchema.on;
  const carrier = on !== undefined ? FILE_FORM_OF_ITEM.get(on) ?? on : FILE_ENTRY_OF_KIND.get(kind);
  if (!carrier) throw new Error(`pulumi-alicloud-caster: a ${kind.type} rule has a JSON Schema but no schema of the studio file to carry it; please report this.`);
  return [[carrier, rule.jsonSchema.write]];
}));

/**
 * The rules across fields, by the zod schema whose JSON carries them (by its definition, which a
 * copy made by `.describe()` shares): the kinds' own, the file's own, and its keys'.
 */
const CROSS_FIELD_RULES = ([
  ...KIND_RULES,
  [studioLayoutSchema, (json) => { json.allOf = [...(json.allOf as Json[] | undefined) ?? [], ...fileRules()]; }],
  ...[...KEY_RULES].map(([record, rule]) => [record, (json: Json) => {
    if (json.propertyNames && typeof json.propertyNames === "object") json.propertyNames = { ...json.propertyNames, patternErrorMessage: rule };
  }] as [z.ZodType, (json: Json) => void]),
] as [z.ZodType, (json: Json) => void][]).reduce((rules, [schema, rule]) => rules.set(defOf(schema), [...rules.get(defOf(schema)) ?? [], rule]), new Map<object, ((json: Json) => void)[]>());
