import * as path from "node:path";
import * as ts from "typescript";
import { KINDS } from "../model/kinds";
import { fileComponentFields, fileLayoutFields, layoutEpisodeGroupFields, layoutSourceFields, layoutStudioFields } from "../studio-file/schema";
import { readmeStudioExample } from "../test/helpers/readme";

/**
 * What an editor shows on hover, asked of TypeScript's own language service over the SDK as a user
 * imports it: every output of every resource class, and every property of every section of a
 * Studio's `definition`, has a doc comment.
 */
const ROOT = path.join(__dirname, "..");
const PROBE = path.join(__dirname, "__hover_probe__.ts");
/** The README's Studio example, as a file beside the SDK that imports it by its relative path instead of the package's name. */
const README_EXAMPLE = path.join(__dirname, "__readme_example__.ts");
const readmeExample = readmeStudioExample().replace('from "pulumi-alicloud-caster"', 'from "./index"');

interface Probe { label: string; code: string; names: string[] }

const outputProbes: Probe[] = KINDS.map((kind, index) => {
  const names = [...Object.keys(kind.outputs), ...Object.entries(kind.fields).filter(([, field]) => !field.internal).map(([name]) => name)];
  return { label: `every output of ${kind.type}`, code: `declare const resource${index}: ${kind.type};\n${names.map((name) => `resource${index}.${name};`).join("\n")}`, names };
});

const SECTIONS = [
  ["caster.new", "caster: { new: ENTRY }", layoutStudioFields],
  ["sources", "sources: { RV01: ENTRY }", layoutSourceFields],
  ["episodeGroups", "episodeGroups: { loop: ENTRY }", { ...layoutEpisodeGroupFields, items: undefined }],
  ["layouts", "layouts: { pip: ENTRY }", fileLayoutFields],
  ["components", "components: { RC01: ENTRY }", fileComponentFields],
] as const;
const sectionProbes: Probe[] = SECTIONS.map(([section, shape, fields], index) => {
  const names = Object.keys(fields);
  // Every property written once (as `never`, so that each type-checks whatever it is), then hovered.
  const entry = `{ ${names.map((name) => `${name}: undefined as never`).join(", ")} }`;
  return { label: `every property of a Studio definition's ${section}`, code: `export const definition${index}: StudioDefinition = { ${shape.replace("ENTRY", entry)} };`, names };
});

const probes = [...outputProbes, ...sectionProbes];
const header = `import { ${KINDS.map((kind) => kind.type).join(", ")} } from "./index";\nimport type { StudioDefinition } from "./index";\n`;
const text = header + probes.map((probe) => probe.code).join("\n") + "\n";

// One language service for every probe: it reads the SDK's sources once.
const options = ts.parseJsonConfigFileContent(ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile).config, ts.sys, ROOT).options;
const read = (name: string) => (name === PROBE ? text : name === README_EXAMPLE ? readmeExample : ts.sys.readFile(name));
const service = ts.createLanguageService({
  getScriptFileNames: () => [PROBE, README_EXAMPLE],
  getScriptVersion: () => "1",
  getScriptSnapshot: (name) => {
    const content = read(name);
    return content === undefined ? undefined : ts.ScriptSnapshot.fromString(content);
  },
  getCurrentDirectory: () => ROOT,
  getCompilationSettings: () => options,
  getDefaultLibFileName: ts.getDefaultLibFilePath,
  fileExists: (name) => name === PROBE || name === README_EXAMPLE || ts.sys.fileExists(name),
  readFile: read,
});

describe("the SDK's types document what an editor shows", () => {
  test("the probe type-checks: each name it hovers exists", () => {
    expect(service.getSemanticDiagnostics(PROBE).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"))).toEqual([]);
  });

  test("the README's Studio example type-checks against the SDK", () => {
    expect(readmeExample).toContain('import { Studio } from "./index";');
    const diagnostics = [...service.getSyntacticDiagnostics(README_EXAMPLE), ...service.getSemanticDiagnostics(README_EXAMPLE)];
    expect(diagnostics.map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"))).toEqual([]);
  });

  test.each(probes.map((probe) => [probe.label, probe] as const))("%s", (_label, probe) => {
    const start = text.indexOf(probe.code);
    // Each name where the probe writes it: after `.`, or before `:`.
    const undocumented = probe.names.filter((name) => {
      const at = start + probe.code.search(new RegExp(`(?<=\\.)${name}\\b|\\b${name}(?=: )`));
      return ts.displayPartsToString(service.getQuickInfoAtPosition(PROBE, at)?.documentation).trim() === "";
    });
    expect(undocumented).toEqual([]);
  });
});
