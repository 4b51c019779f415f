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
  const studio = { normType: 1, casterTemplate: "lp_sd" };
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
    ["a new studio", { caster: { new: studio }, sources: { RV01: source } }, true],
    ["a new studio with all it can declare", { caster: { new: {
      ...studio, casterName: "Evening show", chargeType: "PostPaid", resourceGroupId: "rg-acfmxazb4ph6aiy", domainName: "live.example.com",
      callbackUrl: "https://hooks.example.com/studio", sideOutputUrl: "rtmp://relay.example.com/live/out", sideOutputUrls: ["rtmp://relay.example.com/live/a"],
      delaySeconds: 3, liveTemplates: ["lsd", "daobo-lhd"], recording: { ossEndpoint: "oss-cn-shanghai.aliyuncs.com", ossBucket: "shows", formats: [{ format: "mp4" }] },
      standbyLiveStreamUrl: "rtmp://push.example.com/live/standby", autoSwitchToStandby: true, programName: "Evening", programEffect: 1,
      channelMode: false, running: true, allowStopOnAir: true,
    } } }, true],
    ["a new studio's URLs from stack secrets", { caster: { new: { ...studio, callbackUrl: { secret: "hookUrl" }, standbyImageUrl: { secret: "standbyImage" } } } }, true],
    ["a new studio without its template", { caster: { new: { normType: 1 } } }, false],
    ["a new studio of normType 2", { caster: { new: { ...studio, normType: 2 } } }, false],
    ["a new studio with a delay over 300 s", { caster: { new: { ...studio, delaySeconds: 301 } } }, false],
    ["a new studio with its own ClientToken", { caster: { new: { ...studio, clientToken: "t" } } }, false],
    ["a new studio with a misspelt property", { caster: { new: { ...studio, castername: "x" } } }, false],
    ["a new studio beside a studio ID", { caster: { new: studio, casterId: "LIVEPRODUCER_POST-cn-0pp1czt1234" } }, false],
    ["a secret reference for the standby file's ID", { caster: { new: { ...studio, standbyMaterialId: { secret: "asset" } } } }, false],
    ["a new studio left empty", { caster: { new: null } }, false],
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

  const screenSources = { RV01: source, RV02: { ...source, resourceName: "Guest" } };
  const pip = { videoLayers: [{ locationId: "RV01", position: [0, 0], widthNormalized: 1, heightNormalized: 1, fillMode: "fit" }, { locationId: "RV02", position: [0.95, 0.95], anchor: "bottomRight", widthNormalized: 0.3, heightNormalized: 0.3 }] };
  const text = { componentType: "text", geometry: { position: [0.05, 0.85], widthNormalized: 0.6, heightNormalized: 0.1 }, text: { text: "Live", color: "0xffffff" } };
  const onScreen = (parts: Record<string, unknown>) => ({ caster: { casterId: "LIVEPRODUCER_POST-cn-0pp1czt1234" }, sources: screenSources, layouts: { pip }, components: { RC01: text }, ...parts });
  test.each([
    ["layouts, components and both scenes", onScreen({ scenes: { pgm: { layout: "pip", components: ["RC01"] }, pvw: { layout: "pip" } } }), true],
    ["an image and a caption", onScreen({ components: { RC02: { componentType: "image", geometry: { position: [0, 0] }, image: { materialId: "logo01" } }, RC03: { componentType: "caption", geometry: { position: [0, 0] }, caption: { sourceLocationId: "RV01", targetLanguage: "en" } } } }), true],
    ["sections left empty", onScreen({ layouts: null, components: null, scenes: null }), true],
    ["a position past the screen", onScreen({ layouts: { pip: { videoLayers: [{ locationId: "RV01", position: [1.5, 0] }] } } }), false],
    ["an anchor the API does not know", onScreen({ layouts: { pip: { videoLayers: [{ locationId: "RV01", position: [0, 0], anchor: "middleLeft" }] } } }), false],
    ["a layout with no video layer", onScreen({ layouts: { pip: { videoLayers: [] } } }), false],
    ["a volume over 10", onScreen({ layouts: { pip: { ...pip, audioLayers: [{ locationId: "RV01", volumeRate: 11 }] } } }), false],
    ["an upper-case layout name", onScreen({ layouts: { PIP: pip } }), false],
    ["component position RC100", onScreen({ components: { RC100: text } }), false],
    ["a text component with an image", onScreen({ components: { RC01: { ...text, image: { materialId: "logo01" } } } }), false],
    ["a text component without its text", onScreen({ components: { RC01: { componentType: "text", geometry: text.geometry } } }), false],
    ["a colour without 0x", onScreen({ components: { RC01: { ...text, text: { text: "Live", color: "#ffffff" } } } }), false],
    ["a component given its own position", onScreen({ components: { RC01: { ...text, locationId: "RC01" } } }), false],
    ["a scene named PGM", onScreen({ scenes: { PGM: { layout: "pip" } } }), false],
    ["a scene without its layout", onScreen({ scenes: { pgm: { components: ["RC01"] } } }), false],
    ["a scene showing a component twice", onScreen({ scenes: { pgm: { layout: "pip", components: ["RC01", "RC01"] } } }), false],
  ])("%s: JSON Schema and zod agree (valid: %s) (issue 13)", (_name, layout, valid) => {
    expect(findLayoutProblems(layout).length === 0).toBe(valid);
    expect(validateWithJsonSchema(layout)).toBe(valid);
  });

  test("what only validate can see: what the sections refer to, and a studio that runs", () => {
    // A JSON Schema cannot follow a name to another section: an editor accepts these, validate refuses them.
    for (const file of [
      onScreen({ layouts: { pip: { videoLayers: [{ locationId: "RV09", position: [0, 0] }] } } }),
      onScreen({ scenes: { pgm: { layout: "split" } } }),
      onScreen({ caster: { new: { normType: 1, casterTemplate: "lp_sd" } }, scenes: { pgm: { layout: "pip" } } }),
    ]) {
      expect(validateWithJsonSchema(file)).toBe(true);
      expect(findLayoutProblems(file)).toHaveLength(1);
    }
  });

  test("carries the resources' descriptions, for editor hover text", () => {
    const schema = studioLayoutJsonSchema() as { properties: { sources: { anyOf: { additionalProperties?: { properties: Record<string, { description?: string }> } }[] } } };
    const source = schema.properties.sources.anyOf.find((option) => option.additionalProperties)?.additionalProperties;
    expect(source?.properties.repeatNum.description).toBe("0 plays a file once, -1 loops it, n repeats it n times");
  });

  test("carries the Caster kind's descriptions for a new studio, and its required properties", () => {
    type Properties = { properties: Record<string, { description?: string }>; required?: string[] };
    const schema = studioLayoutJsonSchema() as { properties: { caster: { anyOf: { properties?: { new?: Properties } }[] } } };
    const studio = schema.properties.caster.anyOf.find((option) => option.properties?.new)?.properties?.new;
    expect(studio?.properties.delaySeconds.description).toBe("the output delay, 0 to 300 seconds");
    expect(studio?.properties.callbackUrl.description).toBe("the studio's callback URL, or { secret: <stack config key> }");
    expect(studio?.required).toEqual(["normType", "casterTemplate"]);
    expect(Object.keys(studio?.properties ?? {})).not.toContain("clientToken");
  });
});
