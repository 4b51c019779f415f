import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { SOURCE_PROPERTIES } from "../../model/kinds/caster-video-resource";
import { studioLayoutJsonSchema } from "../../studio-file/json-schema";
import { findLayoutProblems } from "../../studio-file/validate";
import { Diagnostic, Position, YamlLanguageServer } from "./lsp-client";

/**
 * Issue 16, "the editor knows what validate knows": the real yaml-language-server, driven over LSP
 * as an editor drives it, with the shipped schema named by the file's first line, as in the
 * README. Documents are opened, never written: they live beside this test only by their URI.
 */

const REPO = join(__dirname, "..", "..");
const HERE = join(REPO, "test", "editor");
const MODELINE = "# yaml-language-server: $schema=../../studio-layout.schema.json\n";
const EXAMPLE = join(REPO, "examples", "studio", "studio.yaml");

/** Where `needle` (the `occurrence`th, from 1) starts in `text`, as LSP counts: line and UTF-16 column, from 0. */
function at(text: string, needle: string, occurrence = 1): Position {
  let index = -1;
  for (let found = 0; found < occurrence; found++) {
    index = text.indexOf(needle, index + 1);
    if (index === -1) throw new Error(`${needle} is not in the document`);
  }
  const before = text.slice(0, index).split("\n");
  return { line: before.length - 1, character: before[before.length - 1].length };
}

const startOf = (diagnostic: Diagnostic) => diagnostic.range.start;

/** What validate says of the file, each message once. */
function validateSays(text: string): string[] {
  return findLayoutProblems(parse(text), { now: Date.parse("2030-01-01T00:00:00Z") }).map((problem) => problem.message);
}

describe("yaml-language-server with the shipped studio-layout.schema.json (issue 16)", () => {
  let server: YamlLanguageServer;
  let documents = 0;
  const open = (text: string) => server.open(join(HERE, `studio-${++documents}.yaml`), MODELINE + text);

  beforeAll(async () => {
    server = await YamlLanguageServer.start(REPO);
  }, 20_000);
  afterAll(async () => {
    await server?.stop();
  }, 10_000);

  const camera = "    resourceName: Camera\n";
  const group = (startTime: string) =>
    `episodeGroups:\n  night:\n    startTime: ${startTime}\n    items:\n      - itemName: Opening\n        vodUrl: https://media.example.com/opening.mp4\n`;

  test.each([
    ["an ftp:// live stream", `sources:\n  RV01:\n${camera}    liveStreamUrl: ftp://push.example.com/live/cam\n`, "ftp://"],
    ["a .mov file", `sources:\n  RV01:\n    resourceName: Reel\n    vodUrl: https://media.example.com/reel.mov\n`, "https://media"],
    ["a start time without a zone", group("2030-12-24T20:00:00"), "2030-12-24T20"],
  ])("flags %s at its value, in validate's words", async (_name, text, value) => {
    const { diagnostics } = await open(text);
    expect(diagnostics).toHaveLength(1);
    expect(startOf(diagnostics[0])).toEqual(at(MODELINE + text, value));
    const [said] = validateSays(text);
    expect(said).toContain(diagnostics[0].message);
    expect(diagnostics[0].message).toMatch(/^use /);
  }, 20_000);

  test("flags two sources at one position as that, not as 'Matches multiple schemas'", async () => {
    const text = `sources:\n  RV01:\n${camera}    liveStreamUrl: rtmp://push.example.com/live/cam\n    imageId: logo1\n`;
    const { diagnostics } = await open(text);
    expect(diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      `a source plays one thing, but liveStreamUrl and imageId are both set; keep exactly one of ${SOURCE_PROPERTIES.join(", ")}.`,
    ]);
    // At the second one's key, where validate reports it.
    expect(startOf(diagnostics[0])).toEqual(at(MODELINE + text, "imageId"));
  }, 20_000);

  test("flags two problems at once, each where it is", async () => {
    const text = `sources:\n  RV01:\n${camera}    liveStreamUrl: ftp://push.example.com/live/cam\n  RV02:\n    resourceName: Reel\n    vodUrl: https://media.example.com/reel.mov\n${group("2030-12-24T20:00:00")}`;
    const { diagnostics } = await open(text);
    const document = MODELINE + text;
    expect(diagnostics.map(startOf).sort((a, b) => a.line - b.line)).toEqual([
      at(document, "ftp://"),
      at(document, "https://media.example.com/reel.mov"),
      at(document, "2030-12-24T20"),
    ]);
    expect(validateSays(text)).toHaveLength(3);
  }, 20_000);

  test.each([
    ["a source with nothing to play", `sources:\n  RV01:\n${camera}`, "no source is set; set exactly one of"],
    ["a live stream with a repeat count", `sources:\n  RV01:\n${camera}    liveStreamUrl: rtmp://push.example.com/live/cam\n    repeatNum: -1\n`, "applies only to files (vodUrl or materialId), not to liveStreamUrl; remove it."],
    ["a text component with an image", "components:\n  RC01:\n    componentType: text\n    geometry: { position: [0, 0] }\n    text: { text: Live }\n    image: { materialId: logo01 }\n", "image is set, but componentType is text"],
    ["a Resource episode without a source", "episodes:\n  news:\n    episodeName: News\n    episodeType: Resource\n    startTime: 2030-12-24T20:00:00Z\n    endTime: 2030-12-24T21:00:00Z\n", "a Resource episode switches to a video source"],
    ["a fitted layer without a size", "sources:\n  RV01:\n    resourceName: Camera\n    liveStreamUrl: rtmp://push.example.com/live/cam\nlayouts:\n  full:\n    videoLayers:\n      - locationId: RV01\n        position: [0, 0]\n        fillMode: fit\n", "fit fills the layer's box, so give it widthNormalized and heightNormalized above 0 (up to 1), or use fillMode none."],
    ["a source position of one digit", `sources:\n  RV1:\n${camera}    liveStreamUrl: rtmp://push.example.com/live/cam\n`, "use a source position from RV01 to RV99"],
  ])("says what is wrong with %s, as validate does", async (_name, text, words) => {
    const { diagnostics } = await open(text);
    expect(diagnostics.map((diagnostic) => diagnostic.message)).toEqual([expect.stringContaining(words)]);
    expect(validateSays(text)).toEqual([expect.stringContaining(words)]);
  }, 20_000);

  test("finds nothing wrong with the example studio file", async () => {
    const text = readFileSync(EXAMPLE, "utf8");
    // The example's own first line names the schema, relative to examples/studio.
    const { diagnostics } = await server.open(EXAMPLE, text);
    expect(diagnostics).toEqual([]);
    expect(validateSays(text)).toEqual([]);
  }, 20_000);

  test("offers a source's properties inside sources.RV01, with their descriptions and defaults", async () => {
    const text = `sources:\n  RV01:\n${camera}    \n`;
    const { uri } = await open(text);
    const items = await server.completion(uri, { line: at(MODELINE + text, camera).line + 1, character: 4 });
    const documentation = Object.fromEntries(items.map((item) => [item.label, typeof item.documentation === "string" ? item.documentation : item.documentation?.value]));
    type Properties = Record<string, { description: string }>;
    const sources = (studioLayoutJsonSchema() as { properties: { sources: { anyOf: { additionalProperties?: { properties: Properties } }[] } } }).properties.sources;
    const properties = sources.anyOf.find((option) => option.additionalProperties)?.additionalProperties?.properties as Properties;
    for (const name of [...SOURCE_PROPERTIES, "beginOffset", "repeatNum", "fixedDelayDuration"]) {
      expect([name, documentation[name]]).toEqual([name, expect.stringContaining(properties[name].description)]);
    }
    expect(documentation.resourceName).toBeUndefined();
    expect(documentation.repeatNum).toContain("Default: `0`");
    expect(items.find((item) => item.label === "repeatNum")?.insertText).toBe("repeatNum: ${1:0}");
  }, 20_000);

  test("shows a property's default on hover", async () => {
    const text = `sources:\n  RV01:\n    resourceName: Reel\n    vodUrl: https://media.example.com/reel.mp4\n    endOffset: -1000\n${group("2030-12-24T20:00:00Z")}    repeatNum: -1\n`;
    const { uri, diagnostics } = await open(text);
    expect(diagnostics).toEqual([]);
    const hover = async (needle: string, occurrence = 1) => (await server.hover(uri, at(MODELINE + text, needle, occurrence)))?.contents.value;
    expect(await hover("endOffset")).toContain("where a file ends, in ms; negative counts back from the last frame\n\nDefault: `0` (the end of the file).");
    expect(await hover("repeatNum")).toContain("0 plays the list once, -1 loops it\n\nDefault: `0`.");
    const example = readFileSync(EXAMPLE, "utf8");
    const { uri: exampleUri } = await server.open(EXAMPLE.replace(/\.yaml$/, "-copy.yaml"), example);
    expect((await server.hover(exampleUri, at(example, "running: true")))?.contents.value).toContain("Default: `false`");
  }, 20_000);
});
