import Ajv from "ajv";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { SCHEMA_FILE, studioLayoutJsonSchema, studioLayoutJsonSchemaText } from "./json-schema";
import { findLayoutProblems } from "./validate";

const REPO = join(__dirname, "..");

describe("the layout's JSON Schema", () => {
  test("the shipped file is the one the zod schemas generate (run `npm run schema` after changing them)", () => {
    expect(readFileSync(join(REPO, SCHEMA_FILE), "utf8")).toBe(studioLayoutJsonSchemaText());
  });

  // Editors check with the JSON Schema, the package with zod: both must say yes and no alike.
  const validateWithJsonSchema = new Ajv({ allErrors: true, strict: false }).compile(studioLayoutJsonSchema());
  const source = { resourceName: "Camera", liveStreamUrl: "rtmp://push.example.com/live/cam" };
  const group = { startTime: "2030-12-24T20:00:00Z", items: [{ itemName: "Opening", vodUrl: "https://media.example.com/a.mp4" }] };
  const cases: [string, unknown, boolean][] = [
    ["the example studio", parse(readFileSync(join(REPO, "examples", "studio", "studio.yaml"), "utf8")), true],
    ["an empty layout", {}, true],
    ["a studio from config", { caster: { config: "casterId" }, sources: { RV01: source } }, true],
    ["a position without two digits", { sources: { RV1: source } }, false],
    ["position RV00", { sources: { RV00: source } }, false],
    ["a source with no name", { sources: { RV01: { liveStreamUrl: source.liveStreamUrl } } }, false],
    ["a source with two things to play", { sources: { RV01: { ...source, imageId: "logo1" } } }, false],
    ["a source with nothing to play", { sources: { RV01: { resourceName: "Nothing" } } }, false],
    ["a misspelt property", { sources: { RV01: { ...source, locationid: "RV01" } } }, false],
    ["a fixed delay over 5000 ms", { sources: { RV01: { ...source, fixedDelayDuration: 6000 } } }, false],
    ["a fractional offset", { sources: { RV01: { resourceName: "F", vodUrl: "https://m.example.com/f.mp4", beginOffset: 1.5 } } }, false],
    ["a group with no items", { episodeGroups: { night: { ...group, items: [] } } }, false],
    ["a group repeating twice", { episodeGroups: { night: { ...group, repeatNum: 2 } } }, false],
    ["an upper-case group name", { episodeGroups: { Night: group } }, false],
    ["a group with its own ClientToken", { episodeGroups: { night: { ...group, clientToken: "t" } } }, false],
    ["casterId and config together", { caster: { casterId: "a", config: "b" } }, false],
    ["an unknown top-level key", { studio: {} }, false],
    ["sections left empty", { sources: null, episodeGroups: null }, true],
    ["URLs from stack secrets", { sources: { RV01: { resourceName: "Cam", liveStreamUrl: { secret: "camUrl" } } }, episodeGroups: { night: { ...group, items: [{ itemName: "A", vodUrl: { secret: "aUrl" } }] } } }, true],
    ["a secret reference without its key", { sources: { RV01: { resourceName: "Cam", liveStreamUrl: { sekret: "camUrl" } } } }, false],
    ["a secret reference for an ID", { sources: { RV01: { resourceName: "Cam", materialId: { secret: "asset" } } } }, false],
    ["an item with an extra key", { episodeGroups: { night: { ...group, items: [{ ...group.items[0], extra: 1 }] } } }, false],
    ["a source with a __-key", { sources: { RV01: { ...source, __provider: "x" } } }, false],
  ];

  test.each(cases)("%s: JSON Schema and zod agree (valid: %s)", (_name, layout, valid) => {
    expect(findLayoutProblems(layout).length === 0).toBe(valid);
    expect(validateWithJsonSchema(layout)).toBe(valid);
  });

  const items = (count: number) => Array.from({ length: count }, (_, index) => ({ itemName: `Part ${index + 1}`, vodUrl: "https://media.example.com/a.mp4" }));
  test.each([
    ["a name on two lines", { sources: { RV01: { ...source, resourceName: "Main\ncamera" } } }, false],
    ["a name with an ANSI escape", { sources: { RV01: { ...source, resourceName: "\u001b[31mCamera" } } }, false],
    ["a name of spaces only", { sources: { RV01: { ...source, resourceName: "   " } } }, false],
    ["an item name with a bell", { episodeGroups: { night: { ...group, items: [{ ...group.items[0], itemName: "A\u0007" }] } } }, false],
    ["a name with accents, CJK and emoji", { sources: { RV01: { ...source, resourceName: "Café 主机位 🎥" } } }, true],
    ["a begin offset of 2^31", { sources: { RV01: { resourceName: "F", vodUrl: "https://m.example.com/f.mp4", beginOffset: 2 ** 31 } } }, false],
    ["an end offset of -2^31", { sources: { RV01: { resourceName: "F", vodUrl: "https://m.example.com/f.mp4", endOffset: -(2 ** 31) } } }, true],
    ["a group of 100 items", { episodeGroups: { night: { ...group, items: items(100) } } }, true],
    ["a group of 101 items", { episodeGroups: { night: { ...group, items: items(101) } } }, false],
  ])("%s: JSON Schema and zod agree (valid: %s) (issue 10)", (_name, layout, valid) => {
    expect(findLayoutProblems(layout).length === 0).toBe(valid);
    expect(validateWithJsonSchema(layout)).toBe(valid);
  });

  test("carries the resources' descriptions, for editor hover text", () => {
    const schema = studioLayoutJsonSchema() as { properties: { sources: { anyOf: { additionalProperties?: { properties: Record<string, { description?: string }> } }[] } } };
    const source = schema.properties.sources.anyOf.find((option) => option.additionalProperties)?.additionalProperties;
    expect(source?.properties.repeatNum.description).toBe("0 plays a file once, -1 loops it, n repeats it n times");
  });
});
