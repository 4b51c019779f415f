import { z } from "zod";
import { FieldSpec, KindSpec } from "../../model/kinds/kind";
import { KINDS } from "../../model/kinds";

/**
 * What the kinds' specs generate: the SDK's `Args` interfaces (sdk/generated/args.ts) and the
 * property tables of the reference pages (tools/generate/kind-pages.ts). `npm run docs` writes
 * them; tools/generate/docs.test.ts fails when a committed copy is stale.
 */

const GENERATED_BANNER = "// Generated from model/kinds by `npm run docs`; edit the kind's spec, not this file.";

/** sdk/generated/args.ts: one `<Type>Args` interface per kind, each property with its doc comment. */
export function sdkArgsSource(kinds: KindSpec[] = KINDS): string {
  const lines = [
    GENERATED_BANNER,
    'import type * as pulumi from "@pulumi/pulumi";',
    'import type { EpisodeItemArgs } from "../caster-episode-group";',
    'import type { ShowArgs } from "../caster-show-list";',
    'import type { PlaylistItemArgs } from "../caster-playlist";',
    "",
  ];
  for (const kind of kinds) {
    lines.push(...docComment([`The inputs of a {@link ${kind.type}}.`, "", kind.doc], ""));
    lines.push(`export interface ${kind.type}Args {`);
    for (const [name, field] of userFields(kind)) {
      lines.push(...docComment(propertyDoc(kind, field), "  "));
      lines.push(`  ${name}${isOptional(field.schema) ? "?" : ""}: pulumi.Input<${field.sdkType ?? tsType(field.schema)}>;`);
    }
    lines.push("}", "");
  }
  for (const kind of kinds) lines.push(...outputsInterface(kind));
  return `${lines.join("\n").trimEnd()}\n`;
}

/**
 * `<Type>Outputs`: what a resource of the kind carries after a create, a refresh or a `get`, each
 * with its doc comment; the SDK class merges it in (`interface <Type> extends <Type>Outputs`), so
 * that an editor documents `source.resourceId` as it documents the inputs. Every property the
 * program leaves out may be absent, so an optional input is an optional output.
 */
function outputsInterface(kind: KindSpec): string[] {
  const lines = docComment([`The outputs of a {@link ${kind.type}}: the API's IDs and what it reports, and each input as the provider stored it.`], "");
  lines.push(`export interface ${kind.type}Outputs {`);
  for (const [name, output] of Object.entries(kind.outputs)) {
    lines.push(...docComment([output.doc], "  "), `  readonly ${name}: pulumi.Output<${output.sdkType}>;`);
  }
  for (const [name, field] of userFields(kind)) {
    if (name in kind.outputs) continue;
    const type = storedType(field);
    lines.push(...docComment([field.doc], "  "), `  readonly ${name}: pulumi.Output<${isOptional(field.schema) ? `${type} | undefined` : type}>;`);
  }
  lines.push("}", "");
  return lines;
}

/** The type of a property as the provider stores it: the schema's, without the SDK's conveniences (a Date, an Output inside a list). */
function storedType(field: FieldSpec): string {
  try {
    return tsType(field.schema, plain);
  } catch {
    return field.sdkType as string;
  }
}

/** The table of a kind's properties (by default all a user gives), for its reference page. */
export function propertyTable(kind: KindSpec, fields: [string, FieldSpec][] = userFields(kind)): string {
  return [
    "| property | meaning | default | on change |",
    "|---|---|---|---|",
    ...fields.map(([name, field]) =>
      `| \`${name}\` | ${cell(field.doc)} | ${cell(field.default ?? "required")} | ${changeWords(kind, field)} |`),
  ].join("\n");
}

function userFields(kind: KindSpec): [string, FieldSpec][] {
  return Object.entries(kind.fields).filter(([, field]) => !field.internal);
}

function propertyDoc(kind: KindSpec, field: FieldSpec): string[] {
  const change = changeWords(kind, field);
  return [field.doc, field.default === undefined ? `${capitalize(change)}.` : `@default ${field.default}. ${capitalize(change)}.`];
}

/** What a change of the field does, in words: "modified in place", "changing it replaces the source". */
export function changeWords(kind: KindSpec, field: FieldSpec): string {
  const noun = kind.noun;
  if (field.onChange === "update") return `modified in place${field.onChangeNote ? ` (${field.onChangeNote})` : ""}`;
  if (field.onChange === "ignore") return `not compared: it matters only when the ${noun} is made`;
  const how = kind.deleteBeforeReplace ? ", the old one deleted first" : "";
  return `changing it replaces the ${noun}${how}${field.onChangeNote ? ` (${field.onChangeNote})` : ""}`;
}

function docComment(paragraphs: string[], indent: string): string[] {
  const lines = [`${indent}/**`];
  for (const paragraph of paragraphs) {
    if (paragraph === "") {
      lines.push(`${indent} *`);
      continue;
    }
    for (const line of wrap(paragraph, 100 - indent.length - 3)) lines.push(`${indent} * ${line}`);
  }
  lines.push(`${indent} */`);
  return lines;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

function isOptional(schema: z.ZodType): boolean {
  return (schema as unknown as { def: { type: string } }).def.type === "optional";
}

/** A nested value's type: an Input of it, so that an Output may stand in its place. */
function nested(schema: z.ZodType): string {
  return `pulumi.Input<${tsType(schema)}>`;
}

/** A nested value's type in an output: the value itself. */
function plain(schema: z.ZodType): string {
  return tsType(schema, plain);
}

/** The TypeScript type a zod schema accepts, for the SDK's inputs (each nested value through `inner`). */
export function tsType(schema: z.ZodType, inner: (schema: z.ZodType) => string = nested): string {
  const def = (schema as unknown as { def: Record<string, unknown> & { type: string } }).def;
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
      return tsType(def.innerType as z.ZodType, inner);
    case "string":
    case "number":
    case "boolean":
      return def.type;
    case "literal":
      return (def.values as unknown[]).map((value) => JSON.stringify(value)).join(" | ");
    case "enum":
      return Object.values(def.entries as Record<string, string>).map((value) => JSON.stringify(value)).join(" | ");
    case "union":
      return (def.options as z.ZodType[]).map((option) => tsType(option, inner)).join(" | ");
    case "tuple":
      return `[${(def.items as z.ZodType[]).map((item) => tsType(item, inner)).join(", ")}]`;
    case "array": {
      const element = inner(def.element as z.ZodType);
      return element.includes(" | ") && !element.startsWith("pulumi.Input<") ? `(${element})[]` : `${element}[]`;
    }
    case "object": {
      // Inside a list or an object, each value may be an Output too (a source's locationId, a layout's layoutId).
      const shape = def.shape as Record<string, z.ZodType>;
      return `{ ${Object.entries(shape).map(([key, value]) => `${key}${isOptional(value) ? "?" : ""}: ${inner(value)}`).join("; ")} }`;
    }
    case "custom": {
      // A custom check that words its own message (connection.assumeRole.externalId, so as not to
      // quote a secret) declares its JSON type in its meta, as the studio file's JSON schema reads it.
      const declared = (schema.meta() as { type?: unknown } | undefined)?.type;
      if (declared === "string" || declared === "number" || declared === "boolean") return declared;
      throw new Error(`no TypeScript type for a zod custom without a meta type: give it .meta({ type }) or the field an sdkType`);
    }
    default:
      throw new Error(`no TypeScript type for a zod ${def.type}: give the field an sdkType`);
  }
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|");
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
