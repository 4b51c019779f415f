import * as fs from "node:fs";
import * as path from "node:path";
import { OPERATIONS as SERVED } from "../../emulator/responses";
import { emulatorOperationTable, liveApiReference, SDK_ARGS_FILE, withOperationTable } from "./docs";
import { sdkArgsSource } from "./kind-docs";
import { KINDS } from "../../model/kinds";
import { KindSpec } from "../../model/kinds/kind";
import { exampleFiles, generatedPages, kindPagePath, readKindExamples, RESOURCES_DIR } from "./kind-pages";

/** The documents generated from the spec are committed; these fail when a copy is stale (fix: `npm run docs`). */
describe("documents generated from the spec (model/live-api.ts, model/kinds)", () => {
  const root = path.join(__dirname, "..", "..");

  test("docs/live-api.md is up to date", () => {
    expect(fs.readFileSync(path.join(root, "docs", "live-api.md"), "utf8")).toBe(liveApiReference());
  });

  test("the emulator README's operation table is up to date", () => {
    const readme = fs.readFileSync(path.join(root, "emulator", "README.md"), "utf8");
    expect(readme).toBe(withOperationTable(readme, emulatorOperationTable(Object.values(SERVED))));
  });

  test("the SDK's Args are up to date", () => {
    expect(fs.readFileSync(path.join(root, SDK_ARGS_FILE), "utf8")).toBe(sdkArgsSource());
  });

  // Each kind's page, the shared properties' page and the list of kinds on docs/index.md.
  test.each([...generatedPages(root).entries()])("%s is up to date", (file, text) => {
    expect(fs.readFileSync(path.join(root, file), "utf8")).toBe(text);
  });

  test("every kind in KINDS has its page, and docs/resources holds no page of a kind that is gone", () => {
    const pages = fs.readdirSync(path.join(root, RESOURCES_DIR)).map((file) => path.join(RESOURCES_DIR, file)).sort();
    expect(pages).toEqual([...generatedPages(root).keys()].filter((file) => file.startsWith(RESOURCES_DIR)).sort());
    for (const kind of KINDS) expect(pages).toContain(kindPagePath(kind));
  });

  test.each(KINDS.map((kind) => [kind.type, kind] as const))("%s has its example files, and its example declares it", (_type, kind) => {
    const examples = readKindExamples(root, kind);
    expect(examples.typescript).toContain(`new ${kind.type}(`);
    expect(examples.typescript).toContain('from "pulumi-alicloud-caster"');
    expect(examples.studioFile).toMatch(new RegExp(`^${kind.studioFile.section}:`, "m"));
  });

  test("a kind without its examples fails, naming the files it needs", () => {
    const newKind = { ...KINDS[0], type: "CasterNewKind" } as KindSpec;
    const { typescript, studioFile } = exampleFiles(newKind);
    expect(typescript).toBe(path.join("docs", "examples", "caster-new-kind.ts"));
    expect(() => readKindExamples(root, newKind)).toThrow(`CasterNewKind (model/kinds) has no ${typescript} and no ${studioFile}: every kind in KINDS needs`);
    expect(() => generatedPages(root, [...KINDS, newKind])).toThrow(/caster-new-kind\.ts/);
  });
});
