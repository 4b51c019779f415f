import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { parseLayout, formatProblem } from "../../studio-file/load";

/**
 * Every example a reader copies is code that the tests hold: each docs/examples/*.ts (and each
 * TypeScript block of the README) type-checks against the SDK as a user's program imports it, and
 * each docs/examples/*.studio.yaml (and each studio file block of the README) passes the studio
 * file's validation, warnings included. A renamed property breaks a test, not a reader.
 */
const ROOT = path.join(__dirname, "..", "..");
const EXAMPLES = path.join(ROOT, "docs", "examples");
const README = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");

/** The fenced blocks of one language in a Markdown text. */
function blocks(text: string, language: string): string[] {
  return [...text.matchAll(new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\``, "gm"))].map((match) => match[1]);
}

const exampleFiles = (suffix: string) => fs.readdirSync(EXAMPLES).filter((file) => file.endsWith(suffix)).map((file) => path.join(EXAMPLES, file));

/** Every program: the example files, and the README's blocks as files beside them (so that they resolve the same way). */
const programs = new Map<string, string>([
  ...exampleFiles(".ts").map((file) => [file, fs.readFileSync(file, "utf8")] as const),
  ...blocks(README, "ts").map((code, index) => [path.join(EXAMPLES, `__readme_block_${index}__.ts`), code] as const),
]);

/** The package's name resolves to the SDK's sources, as the installed package resolves to their build. */
function typeCheck(): Map<string, string[]> {
  const config = ts.parseJsonConfigFileContent(ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile).config, ts.sys, ROOT).options;
  const options: ts.CompilerOptions = { ...config, noEmit: true, baseUrl: ROOT, paths: { "pulumi-alicloud-caster": ["sdk/index.ts"] } };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile;
  host.readFile = (name) => programs.get(path.resolve(name)) ?? readFile(name);
  host.fileExists = (name) => programs.has(path.resolve(name)) || ts.sys.fileExists(name);
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (name, language, onError) => {
    const text = programs.get(path.resolve(name));
    return text === undefined ? getSourceFile(name, language, onError) : ts.createSourceFile(name, text, language);
  };
  const program = ts.createProgram([...programs.keys()], options, host);
  const results = new Map<string, string[]>();
  for (const file of programs.keys()) {
    const source = program.getSourceFile(file)!;
    const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
    results.set(file, diagnostics.map((diagnostic) => {
      const at = diagnostic.start === undefined ? "" : `:${source.getLineAndCharacterOfPosition(diagnostic.start).line + 1}`;
      return `${path.relative(ROOT, file)}${at}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
    }));
  }
  return results;
}

describe("the documentation's examples", () => {
  const checked = typeCheck();

  test("there are examples, and the README has TypeScript and studio file blocks", () => {
    expect(exampleFiles(".ts").length).toBeGreaterThanOrEqual(8);
    expect(blocks(README, "ts").length).toBeGreaterThanOrEqual(2);
    expect(blocks(README, "yaml").length).toBeGreaterThanOrEqual(1);
  });

  test.each([...programs.keys()].map((file) => [path.relative(ROOT, file)]))("%s type-checks against the SDK", (file) => {
    expect(checked.get(path.join(ROOT, file))).toEqual([]);
  });

  test("a program with a misspelt property does not type-check (the check can fail)", () => {
    const broken = path.join(EXAMPLES, "__broken__.ts");
    programs.set(broken, 'import { CasterVideoResource } from "pulumi-alicloud-caster";\nnew CasterVideoResource("x", { casterId: "c", resourceName: "n", locationId: "RV01", liveStreamURL: "rtmp://h/a" });\n');
    try {
      expect(typeCheck().get(broken)?.join("\n")).toMatch(/liveStreamURL/);
    } finally {
      programs.delete(broken);
    }
  });

  const studioFiles: [string, string][] = [
    ...exampleFiles(".studio.yaml").map((file) => [path.relative(ROOT, file), fs.readFileSync(file, "utf8")] as [string, string]),
    ...blocks(README, "yaml").filter((code) => /^caster:/m.test(code)).map((code, index) => [`README.md studio file block ${index + 1}`, code] as [string, string]),
  ];

  test.each(studioFiles)("%s is a valid studio file, without warnings", (name, text) => {
    const loaded = parseLayout(text, name);
    expect([...loaded.problems, ...loaded.warnings].map(formatProblem)).toEqual([]);
  });

  test("every kind's studio file and the README's are among them", () => {
    expect(studioFiles.filter(([name]) => name.startsWith("README")).length).toBeGreaterThanOrEqual(1);
    expect(studioFiles.length).toBeGreaterThanOrEqual(9);
  });
});
