import * as fs from "node:fs";
import * as path from "node:path";
import { KINDS } from "../../model/kinds";
import { FieldSpec, KindSpec } from "../../model/kinds/kind";
import { connectionField } from "../../model/fields/connection";
import { changeWords, propertyTable } from "./kind-docs";

/**
 * The reference pages generated from the kinds' specs (KINDS): one page per kind under
 * docs/resources/, the page of the properties every kind shares, and the list of kinds on
 * docs/index.md. Each kind page takes its examples from docs/examples/<kind file name>.ts and
 * .studio.yaml (the tests compile and validate them) and, when there is one, its hand-written prose
 * from docs/examples/<kind file name>.md. `npm run docs` writes them; tools/generate/docs.test.ts
 * fails when a committed page is stale or a kind has no examples.
 */

export const EXAMPLES_DIR = path.join("docs", "examples");
export const RESOURCES_DIR = path.join("docs", "resources");
export const SHARED_PROPERTIES_PAGE = path.join(RESOURCES_DIR, "shared-properties.md");
export const DOCS_INDEX = path.join("docs", "index.md");
/** The shared page's prose, with the places the generator fills (`{{CONNECTION_DOC}}`, ...). */
export const SHARED_PROPERTIES_TEMPLATE = path.join("tools", "generate", "shared-properties.template.md");

const GENERATED = "<!-- Generated from model/kinds and docs/examples by `npm run docs`; edit those, not this file. -->";

/** A kind's file name, as in model/kinds/ and docs/examples/: CasterVideoResource → caster-video-resource. */
export function kindFileName(kind: KindSpec): string {
  return kind.type.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}

export function kindPagePath(kind: KindSpec): string {
  return path.join(RESOURCES_DIR, `${kindFileName(kind)}.md`);
}

/** The example files of a kind, relative to the repository's root; `prose` is optional. */
export function exampleFiles(kind: KindSpec): { typescript: string; studioFile: string; prose: string } {
  const base = path.join(EXAMPLES_DIR, kindFileName(kind));
  return { typescript: `${base}.ts`, studioFile: `${base}.studio.yaml`, prose: `${base}.md` };
}

export interface KindExamples {
  typescript: string;
  studioFile: string;
  prose?: string;
}

/** Reads a kind's examples; fails naming every file that a kind in KINDS lacks. */
export function readKindExamples(root: string, kind: KindSpec): KindExamples {
  const files = exampleFiles(kind);
  const missing = [files.typescript, files.studioFile].filter((file) => !fs.existsSync(path.join(root, file)));
  if (missing.length > 0) {
    throw new Error(
      `${kind.type} (model/kinds) has no ${missing.join(" and no ")}: every kind in KINDS needs a TypeScript example ` +
        `(a small Pulumi program importing from "pulumi-alicloud-caster") and its studio-file equivalent, named after the kind's file ` +
        `(${files.typescript}, ${files.studioFile}; optional prose: ${files.prose}).`,
    );
  }
  const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");
  return {
    typescript: read(files.typescript),
    studioFile: read(files.studioFile),
    prose: fs.existsSync(path.join(root, files.prose)) ? read(files.prose) : undefined,
  };
}

/** The properties every kind shares, documented once on the shared page rather than on each kind's. */
const isShared = ([name, field]: [string, FieldSpec]) => field === connectionField || name === "importId";

function ownFields(kind: KindSpec): [string, FieldSpec][] {
  return Object.entries(kind.fields).filter(([name, field]) => !field.internal && !isShared([name, field]));
}

/** The Pulumi ID's form: `<casterId>:<resourceId>`. */
export function idForm(kind: KindSpec): string {
  return kind.id.map((part) => `<${part}>`).join(":");
}

/** One kind's reference page. */
export function kindPage(kind: KindSpec, examples: KindExamples): string {
  const files = exampleFiles(kind);
  const importId = kind.fields.importId;
  const lines = [
    GENERATED,
    `# ${kind.type}`,
    "",
    kind.doc,
    "",
    `In a studio file: the \`${kind.studioFile.section}\` section, ${kind.studioFile.doc} ([the studio file guide](../studio-file.md)).`,
    "",
    "## Example",
    "",
    "A complete Pulumi program (`index.ts`):",
    "",
    "```ts",
    examples.typescript.trimEnd(),
    "```",
    "",
    `The same as a studio file, applied with \`new Studio("studio", { file: "studio.yaml" })\`:`,
    "",
    "```yaml",
    examples.studioFile.trimEnd(),
    "```",
    "",
    `Both are tested: [${path.basename(files.typescript)}](../examples/${path.basename(files.typescript)}) is compiled and ` +
      `[${path.basename(files.studioFile)}](../examples/${path.basename(files.studioFile)}) validated by \`npm test\`.`,
    "",
  ];
  if (examples.prose) lines.push(examples.prose.trimEnd(), "");
  lines.push(
    "## Inputs",
    "",
    propertyTable(kind, ownFields(kind)),
    "",
    `Every kind also takes [\`connection\`](shared-properties.md#connection) (another account, region or endpoint)` +
      (importId ? " and [`importId`](#adoption-and-import) (adopt an existing object)." : "."),
    "",
    "## Outputs",
    "",
    "| output | meaning |",
    "|---|---|",
    ...Object.entries(kind.outputs).map(([name, output]) => `| \`${name}\` | ${cell(output.doc)} |`),
    "",
    "Every input is an output too, as the provider stored it.",
    "",
    "## Adoption and import",
    "",
  );
  if (importId) {
    lines.push(
      `\`importId\`: ${importId.doc}`,
      "",
      `Default: ${importId.default ?? "none"}; ${changeWords(kind, importId)}. How adoption works for every kind: [Adopting existing objects](shared-properties.md#importid-adopting-existing-objects).`,
      "",
    );
  } else {
    lines.push(`A ${kind.noun} has no \`importId\` ([why some kinds need none](shared-properties.md#importid-adopting-existing-objects)).`, "");
  }
  lines.push(
    `The Pulumi ID is \`${idForm(kind)}\`. To read an existing ${kind.noun} without managing it: ` +
      `\`${kind.type}.get("name", "${idForm(kind)}")\` ([reading without managing](shared-properties.md#get-reading-without-managing)).`,
  );
  return `${lines.join("\n").trimEnd()}\n`;
}

/** docs/resources/shared-properties.md: `connection`, `importId` and `get`, which every kind has. */
export function sharedPropertiesPage(root: string, kinds: KindSpec[] = KINDS): string {
  const template = fs.readFileSync(path.join(root, SHARED_PROPERTIES_TEMPLATE), "utf8");
  const importIds = kinds
    .filter((kind) => kind.fields.importId)
    .map((kind) => `| [${kind.type}](${kindFileName(kind)}.md#adoption-and-import) | \`${idForm(kind)}\` |`);
  const noImportId = kinds.filter((kind) => !kind.fields.importId).map((kind) => `[${kind.type}](${kindFileName(kind)}.md)`);
  const fills: Record<string, string> = {
    CONNECTION_DOC: connectionField.doc,
    CONNECTION_DEFAULT: connectionField.default,
    CONNECTION_ON_CHANGE: `modified in place (${connectionField.onChangeNote})`,
    IMPORT_ID_TABLE: ["| kind | `importId`, the Pulumi ID |", "|---|---|", ...importIds].join("\n"),
    NO_IMPORT_ID: noImportId.length === 0 ? "Every kind takes one." : `${noImportId.join(", ")} ${noImportId.length === 1 ? "has" : "have"} none.`,
  };
  const text = template.replace(/\{\{(\w+)\}\}/g, (_match, key: string) => {
    if (!(key in fills)) throw new Error(`shared-properties.template.md names {{${key}}}, which the generator does not fill`);
    return fills[key];
  });
  return `${GENERATED}\n${text.trimEnd()}\n`;
}

const LIST_START = "<!-- resources:start (generated from model/kinds by `npm run docs`) -->";
const LIST_END = "<!-- resources:end -->";

/** The list of kinds on docs/index.md, each with its page. */
export function resourceList(kinds: KindSpec[] = KINDS): string {
  return [
    "| resource | what it is | studio file section |",
    "|---|---|---|",
    ...kinds.map((kind) => `| [${kind.type}](resources/${kindFileName(kind)}.md) | ${cell(kind.doc)} | \`${kind.studioFile.section}\` |`),
  ].join("\n");
}

/** docs/index.md with its list of kinds replaced by the generated one. */
export function withResourceList(index: string, kinds: KindSpec[] = KINDS): string {
  const start = index.indexOf(LIST_START);
  const end = index.indexOf(LIST_END);
  if (start === -1 || end === -1) throw new Error(`${DOCS_INDEX} has no ${LIST_START} … ${LIST_END} block`);
  return `${index.slice(0, start + LIST_START.length)}\n${resourceList(kinds)}\n${index.slice(end)}`;
}

/** Every generated page, by its path relative to the root: what `npm run docs` writes and the staleness test compares. */
export function generatedPages(root: string, kinds: KindSpec[] = KINDS): Map<string, string> {
  const pages = new Map<string, string>();
  for (const kind of kinds) pages.set(kindPagePath(kind), kindPage(kind, readKindExamples(root, kind)));
  pages.set(SHARED_PROPERTIES_PAGE, sharedPropertiesPage(root, kinds));
  pages.set(DOCS_INDEX, withResourceList(fs.readFileSync(path.join(root, DOCS_INDEX), "utf8"), kinds));
  return pages;
}

/** Writes the generated pages; returns their paths. A page of a kind no longer in KINDS is removed. */
export function writeKindPages(root: string, kinds: KindSpec[] = KINDS): string[] {
  const pages = generatedPages(root, kinds);
  const resources = path.join(root, RESOURCES_DIR);
  fs.mkdirSync(resources, { recursive: true });
  for (const file of fs.readdirSync(resources)) {
    if (!pages.has(path.join(RESOURCES_DIR, file))) fs.rmSync(path.join(resources, file));
  }
  for (const [file, text] of pages) fs.writeFileSync(path.join(root, file), text);
  return [...pages.keys()].map((file) => path.join(root, file));
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|");
}
