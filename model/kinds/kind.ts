import { z } from "zod";
import { KindRule } from "../rules";
import { declaresParameter, OperationSpec, OPERATIONS, ParamsOf, ReplyObject } from "../live-api";

/**
 * A resource kind, described once, as data: its properties (what is allowed, what each means, its
 * default, whether a change is made in place), how they map to the API's names, the operations
 * that create, read, modify and delete it, its ID, and its place in the studio file. The provider
 * (check, diff, the parameters it sends, what it reads back), the SDK's `Args` (generated), the
 * reference pages (docs/resources/, generated) and the studio file all read it.
 */
/**
 * The form of a kind's `provider` key: it is written into each resource's stored provider text as
 * a property name (sdk/serialized-provider.ts), and provider/stored-provider.ts answers names of
 * this form.
 */
export const PROVIDER_KEY_FORM = /^[a-z][A-Za-z]*$/;

export interface KindSpec<Fields extends Record<string, FieldSpec> = Record<string, FieldSpec>> {
  /** The Pulumi type name: `alicloud-caster:index:<type>` in the state. */
  type: string;
  /** What a broadcast engineer calls one, for messages and docs: "source", "episode group". */
  noun: string;
  /** The key of its implementation in provider/index.ts, stored in each resource's provider text. */
  provider: string;
  /** The class's doc comment: what it is, in a broadcast engineer's words. */
  doc: string;
  fields: Fields;
  /** Properties the API reports that the program does not set. */
  outputs: Record<string, OutputSpec>;
  operations: { create: Action; read: Action; update?: Action; delete: Action };
  /** The Pulumi ID: these properties' values, joined by ":" (the form `importId` takes too). */
  id: string[];
  /** Error codes that mean the object, or what holds it, is gone: delete takes them as done. */
  goneCodes: string[];
  /** Replacing deletes the old object first (one per location, or a ClientToken to free). */
  deleteBeforeReplace: boolean;
  /** The rules across properties, each with its JSON Schema where one can say it. */
  rules: KindRule<any>[];
  /** Its section in the studio file, and the line its reference page shows for it. */
  studioFile: { section: string; doc: string };
}

export type Action = keyof typeof OPERATIONS;

/** What a change of the property does to the object. */
export type OnChange =
  /** the API modifies it in place */
  | "update"
  /** the object is deleted and made again */
  | "replace"
  /** not compared: it matters only when the object is made or adopted */
  | "ignore";

export interface FieldSpec {
  /** What is allowed; `.optional()` when it may be left out. Its `.describe()` is the short form messages use. */
  schema: z.ZodType;
  /** What it means, for the SDK's doc comment and the reference page (Markdown, one paragraph). */
  doc: string;
  /** What a reviewer calls it, in the studio file's diff ("output template"); left out, its own name. */
  label?: string;
  /** What applies when it is left out; absent for a required property. */
  default?: string;
  onChange: OnChange;
  /** Why a change replaces (reference page, SDK). */
  onChangeNote?: string;
  /** The API's name of the property in requests and in the reply's item. */
  api?: string;
  /** For a list of objects: the API names of each item's fields (`Item.N.ItemName`). */
  itemApi?: Record<string, string>;
  /**
   * What the API reports when it is left out, so that an absent value never shows as a change.
   * `"not compared"`: the studio fills it in, so only a declared value is compared.
   */
  whenOmitted?: string | number | boolean | "not compared";
  /** The property applies only when one of these is set (a file's playback settings); otherwise it is compared as `whenOmitted`. */
  onlyWith?: readonly string[];
  /** The SDK's input type when it takes more than the provider (a Date for a time). */
  sdkType?: string;
  /** Stored as a secret when the value carries a signature or a password. */
  secretWhenSigned?: true;
  /** Not a user's property: the SDK fills it in (not in `Args`, not on the reference page). */
  internal?: true;
  /**
   * The API takes this change only while the object is stopped: `"turning on"` (a one-way switch
   * set to true) or `"any change"` of a declared value.
   */
  needsStop?: "turning on" | "any change";
}

export interface OutputSpec {
  doc: string;
  sdkType: string;
  api?: string;
}

/** One zod schema per property, for checkInputs. */
export function inputSchemas(kind: KindSpec): Record<string, z.ZodType> {
  return Object.fromEntries(Object.entries(kind.fields).map(([name, field]) => [name, field.schema]));
}

/** The properties whose change replaces the object. */
export function replacedOnChange(kind: KindSpec): ReadonlySet<string> {
  return new Set(Object.entries(kind.fields).filter(([, field]) => field.onChange === "replace").map(([name]) => name));
}

/**
 * The outputs that are parts of the Pulumi ID (a source's resourceId, a studio's casterId): what
 * the API gave the object when it was made. An in-place update keeps them, and they are known
 * wherever the ID is: the SDK takes them from the ID (see `outputsFromId` in sdk/kind-inputs.ts).
 */
export function idOutputs(kind: KindSpec): string[] {
  return kind.id.filter((name) => name in kind.outputs);
}

/**
 * What an in-place update of the object keeps as it was: the parts of its ID, and each property
 * whose change would replace the object instead (its position, its studio, its type). The diff
 * declares them as its `stables`.
 */
export function keptByUpdate(kind: KindSpec): string[] {
  return [...new Set([...kind.id, ...replacedOnChange(kind)])].sort();
}

/**
 * Every compared property in one normal form: a property left out is what the API reports for it
 * (or, where the studio fills it in, not compared), and one that applies only with another is
 * compared as left out without it. Two values in normal form differ only when the object would.
 */
export function comparable(kind: KindSpec, values: object, declaredValues: object = values): Record<string, unknown> {
  const props = values as Record<string, unknown>;
  const declared = declaredValues as Record<string, unknown>;
  const normal: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(kind.fields)) {
    if (field.onChange === "ignore") continue;
    if (field.whenOmitted === "not compared" && declared[name] === undefined) continue;
    normal[name] = normalValue(field, name, props);
  }
  return normal;
}

/** A property's value in normal form: what the API has when the program leaves it out. */
function normalValue(field: FieldSpec, name: string, props: Record<string, unknown>): unknown {
  const omitted = field.whenOmitted === "not compared" ? undefined : field.whenOmitted ?? (innerType(field.schema) === "number" ? 0 : "");
  const applies = !field.onlyWith || field.onlyWith.some((other) => props[other]);
  return applies ? (props[name] ?? omitted) : omitted;
}

/**
 * The parameters of an operation for these property values: each property with an API name that
 * the operation declares (model/live-api.ts), lists flattened as `Item.N.ItemName`. A property
 * that applies only with another is sent only with it. A property left out is sent as what the
 * API has for it when left out, so that removing a setting from the program resets it on a
 * modify; empty text stays out, as the official SDKs leave it out, and so does a property the
 * studio fills in.
 *
 * Typed as the operation's parameters, though only their names are checked, here, against the
 * spec: whether the kind's properties give every required one is its fields' business (the
 * emulator refuses a missing one with Missing{Name}, and the providers' tests run against it).
 */
export function requestParams<A extends Action>(kind: KindSpec, action: A, values: object): ParamsOf<A> {
  const props = values as Record<string, unknown>;
  const operation = OPERATIONS[action] as OperationSpec;
  const params: Record<string, string | number | boolean | undefined> = {};
  for (const [name, field] of Object.entries(kind.fields)) {
    if (!field.api) continue;
    const listOfValues = !field.itemApi && innerType(field.schema) === "array";
    const declaredAs = field.itemApi ? `${field.api}.N.${Object.values(field.itemApi)[0]}` : listOfValues ? `${field.api}.N` : field.api;
    if (!declaresParameter(operation, declaredAs)) continue;
    if (field.onlyWith && !field.onlyWith.some((other) => props[other])) continue;
    const value = field.onChange === "ignore" || field.whenOmitted === "not compared" ? props[name] : normalValue(field, name, props);
    if (listOfValues) {
      // `ComponentId.1`, `ComponentId.2`, … as the SDKs flatten a repeated parameter.
      (Array.isArray(value) ? value : []).forEach((item, index) => { params[`${field.api}.${index + 1}`] = item as string; });
    } else if (field.itemApi && Array.isArray(value)) {
      value.forEach((item: Record<string, unknown>, index) => {
        for (const [property, api] of Object.entries(field.itemApi as Record<string, string>)) {
          params[`${field.api}.${index + 1}.${api}`] = item[property] as string;
        }
      });
    } else if (value === "" || value === undefined) {
      // A parameter that must be present is sent empty: the API then uses its own default.
      const mustBePresent = operation.params.some((param) => param.name === field.api && param.required === "present");
      params[field.api] = mustBePresent ? "" : undefined;
    } else if (["string", "number", "boolean"].includes(typeof value)) {
      params[field.api] = value as string | number | boolean;
    }
  }
  return params as ParamsOf<A>;
}

/** The properties an item of the API's reply carries: its named fields, numbers as numbers, empty text as absent. */
export function propertiesFromReply(kind: KindSpec, item: Record<string, unknown>): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  const named = [...Object.entries(kind.fields), ...Object.entries(kind.outputs)];
  for (const [name, spec] of named) {
    if (!spec.api || !(spec.api in item)) continue;
    const value = item[spec.api];
    if (value === undefined || value === null || value === "") continue;
    props[name] = isNumberProperty(spec) ? Number(value) : value;
  }
  return props;
}

/** The Pulumi ID of an object: its ID properties joined by ":". */
export function formatId(kind: KindSpec, values: object): string {
  const props = values as Record<string, unknown>;
  return kind.id.map((name) => String(props[name])).join(":");
}

/** The ID properties of a Pulumi ID; an error says the form when it is not one. */
export function parseId(kind: KindSpec, id: string): Record<string, string> {
  const parts = kind.id.length === 1 ? [id] : splitOnFirst(id);
  if (parts.length !== kind.id.length || parts.some((part) => part === "")) {
    throw new Error(`"${id}" is not a ${kind.type} ID; it has the form ${kind.id.map((name) => `<${name}>`).join(":")}.`);
  }
  return Object.fromEntries(kind.id.map((name, index) => [name, parts[index]]));
}

function splitOnFirst(id: string): string[] {
  const separator = id.indexOf(":");
  return separator === -1 ? [id] : [id.slice(0, separator), id.slice(separator + 1)];
}

function isNumberProperty(spec: FieldSpec | OutputSpec): boolean {
  if ("schema" in spec) return innerType(spec.schema) === "number";
  return spec.sdkType === "number";
}

/** The zod type under `.optional()`: "string", "number", "array", … */
export function innerType(schema: z.ZodType): string {
  let current = schema as z.ZodType & { def: { type: string; innerType?: z.ZodType } };
  while (current.def.type === "optional" || current.def.type === "nullable" || current.def.type === "default") {
    current = current.def.innerType as typeof current;
  }
  return current.def.type;
}

/**
 * What the provider stores after reading an object back: each property the read operation's reply
 * carries (model/live-api.ts), numbers as numbers and a number the API leaves out as what it means
 * when left out; each property it does not carry (the API cannot report it) as the program
 * applied it (`applied`). Empty text is left out.
 */
export function stateFromReply(kind: KindSpec, reply: object, appliedValues: object): Record<string, unknown> {
  const item = reply as Record<string, unknown>;
  const applied = appliedValues as Record<string, unknown>;
  const reported = replyItemFields(kind);
  const state: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(kind.fields)) {
    if (field.api && reported.has(field.api)) {
      const value = item[field.api];
      const isNumber = innerType(field.schema) === "number";
      if (isNumber) state[name] = Number(value ?? field.whenOmitted ?? 0);
      else if (value !== undefined && value !== null && value !== "") state[name] = value;
    } else if (applied[name] !== undefined || field.onChange !== "ignore") {
      state[name] = applied[name] ?? (field.whenOmitted === "not compared" ? undefined : field.whenOmitted ?? (innerType(field.schema) === "number" ? 0 : undefined));
    }
  }
  for (const [name, output] of Object.entries(kind.outputs)) {
    const value = output.api ? item[output.api] : undefined;
    if (value !== undefined && value !== null && value !== "") state[name] = output.sdkType === "number" ? Number(value) : value;
  }
  return Object.fromEntries(Object.entries(state).filter(([, value]) => value !== undefined));
}

/** The API names in one item of the read operation's reply (the list's item, or the reply itself). */
export function replyItemFields(kind: KindSpec): ReadonlySet<string> {
  const reply = (OPERATIONS[kind.operations.read] as OperationSpec).reply;
  const item = firstListItem(reply) ?? reply;
  return new Set(Object.keys(item));
}

function firstListItem(shape: ReplyObject): ReplyObject | undefined {
  for (const type of Object.values(shape)) {
    if (Array.isArray(type) && typeof type[0] === "object" && !Array.isArray(type[0])) return type[0] as ReplyObject;
    if (typeof type === "object" && !Array.isArray(type)) {
      const inner = firstListItem(type);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** The zod schema of each property, typed property by property (for the studio file's schema). */
export function schemasOf<F extends Record<string, FieldSpec>>(kind: KindSpec<F>): { -readonly [K in keyof F]: F[K]["schema"] } {
  return inputSchemas(kind) as { -readonly [K in keyof F]: F[K]["schema"] };
}
