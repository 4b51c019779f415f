import Ajv from "ajv";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { IMAGE_FILE_EXTENSIONS, LIVE_STREAM_PROTOCOLS, VOD_FILE_EXTENSIONS } from "../model/api-facts";
import { caster } from "../model/kinds/caster";
import { casterEpisodeGroup, episodeItemSchema } from "../model/kinds/caster-episode-group";
import { casterVideoResource } from "../model/kinds/caster-video-resource";
import { KindSpec } from "../model/kinds/kind";
import { SCHEMA_FILE, studioLayoutJsonSchema, studioLayoutJsonSchemaText, UrlRule, urlPattern, urlRuleOf } from "./json-schema";
import { checkLayout, findLayoutProblems } from "./validate";

const REPO = join(__dirname, "..");

/** Every URL field of the kinds a file uses, by name, with its rule as json-schema.ts reads it. */
function urlFields(): { name: string; schema: z.ZodType; rule: UrlRule }[] {
  const unwrap = (schema: z.ZodType): z.ZodType => (schema instanceof z.ZodOptional ? unwrap(schema.unwrap() as z.ZodType) : schema);
  const fieldsOf = (kind: KindSpec) => Object.entries(kind.fields).flatMap(([name, field]) => {
    const schema = unwrap(field.schema);
    return schema instanceof z.ZodArray ? [[`${kind.type}.${name}[]`, schema.element as z.ZodType] as const] : [[`${kind.type}.${name}`, schema] as const];
  });
  return [...fieldsOf(casterVideoResource), [`CasterEpisodeGroup.items[].vodUrl`, episodeItemSchema.shape.vodUrl] as const, ...fieldsOf(casterEpisodeGroup), ...fieldsOf(caster)]
    .flatMap(([name, schema]) => {
      const rule = urlRuleOf(schema);
      return rule ? [{ name, schema, rule }] : [];
    });
}

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

  const reel = { resourceName: "Reel", vodUrl: "https://media.example.com/reel.mp4" };
  const news = { episodeName: "News", locationId: "RV01", startTime: "2030-12-24T20:00:00+08:00", endTime: "2030-12-24T21:00:00+08:00" };
  const scheduled = (episodes: Record<string, unknown>, parts: Record<string, unknown> = {}) =>
    onScreen({ sources: { ...screenSources, RV02: reel }, episodes, timeZone: "Asia/Shanghai", ...parts });
  test.each([
    ["a day's schedule", scheduled({ news, late: { ...news, locationId: "RV02", components: ["RC01"], switchType: "ContentFirst", startTime: "2030-12-24T21:00:00+08:00", endTime: "2030-12-24T22:00:00+08:00" } }), true],
    ["an episode of components only", scheduled({ ident: { episodeName: "Ident", episodeType: "Component", components: ["RC01"], startTime: news.startTime, endTime: news.endTime } }), true],
    ["the schedule left empty", scheduled({}, { episodes: null }), true],
    ["an episode with no name", scheduled({ news: { ...news, episodeName: undefined } }), false],
    ["an episode with no end", scheduled({ news: { ...news, endTime: undefined } }), false],
    ["an upper-case episode name", scheduled({ News: news }), false],
    ["an episode by the source's ID", scheduled({ news: { ...news, resourceId: "abc" } }), false],
    ["a Resource episode without a source", scheduled({ news: { ...news, locationId: undefined, episodeType: "Resource", components: ["RC01"] } }), false],
    ["a Component episode with a source", scheduled({ news: { ...news, episodeType: "Component", components: ["RC01"] } }), false],
    ["a Component episode with no component", scheduled({ news: { ...news, locationId: undefined, components: [] } }), false],
    ["a Component episode waiting for content", scheduled({ news: { ...news, locationId: undefined, components: ["RC01"], switchType: "ContentFirst" } }), false],
    ["an episode showing a component twice", scheduled({ news: { ...news, components: ["RC01", "RC01"] } }), false],
    ["a switch type the API does not know", scheduled({ news: { ...news, switchType: "Later" } }), false],
    ["a time zone that is not text", scheduled({ news }, { timeZone: 8 }), false],
  ])("%s: JSON Schema and zod agree (valid: %s) (the schedule)", (_name, layout, valid) => {
    const now = Date.parse("2030-12-23T00:00:00Z");
    expect(findLayoutProblems(layout, { now }).length === 0).toBe(valid);
    expect(validateWithJsonSchema(layout)).toBe(valid);
  });

  test("what only validate can see in a schedule: an IANA zone, a date that exists, references, overlaps, the lead time", () => {
    const now = Date.parse("2030-12-24T11:59:30Z");
    for (const file of [
      scheduled({ news }, { timeZone: "Asia/Shanghia" }),
      scheduled({ news: { ...news, startTime: "2030-02-30T20:00:00+08:00" } }),
      scheduled({ news: { ...news, locationId: "RV09" } }),
      scheduled({ news, talk: { ...news, startTime: "2030-12-24T20:30:00+08:00", endTime: "2030-12-24T21:30:00+08:00" } }),
      scheduled({ news: { ...news, endTime: news.startTime } }),
      scheduled({ live: { ...news, switchType: "ContentFirst" } }),
    ]) {
      expect(validateWithJsonSchema(file)).toBe(true);
      expect(findLayoutProblems(file, { now: Date.parse("2030-12-23T00:00:00Z") })).toHaveLength(1);
    }
    // The lead time is validate's too, as a warning: the file cannot tell a new episode from one made before.
    expect(findLayoutProblems(scheduled({ news }), { now })).toEqual([]);
    expect(checkLayout(scheduled({ news }), { now }).warnings).toHaveLength(1);
  });

  test("what only validate can see: what the sections refer to, a source shown twice, a URL the parser refuses", () => {
    // A JSON Schema cannot follow a name to another section, compare two items' properties, or
    // parse a URL: an editor accepts these, validate refuses them.
    for (const file of [
      onScreen({ layouts: { pip: { videoLayers: [{ locationId: "RV09", position: [0, 0] }] } } }),
      onScreen({ scenes: { pgm: { layout: "split" } } }),
      onScreen({ layouts: { pip: { videoLayers: [{ locationId: "RV01", position: [0, 0] }, { locationId: "RV01", position: [0.5, 0.5] }] } } }),
      onScreen({ caster: { casterId: "LIVEPRODUCER_POST-cn-0pp1czt1234" }, sources: { ...screenSources, RV01: { ...source, importId: "LIVEPRODUCER_POST-cn-other:abc" } } }),
      { sources: { RV01: { resourceName: "Cam", liveStreamUrl: "rtmp://[bad/live" } } },
    ]) {
      expect(validateWithJsonSchema(file)).toBe(true);
      expect(findLayoutProblems(file)).toHaveLength(1);
    }
  });

  // Issue 16: what validate knows that a schema can say, the schema says too.
  const vod = { resourceName: "Reel", vodUrl: "https://media.example.com/reel.mp4" };
  const newStudio = (parts: Record<string, unknown>) => ({ caster: { new: { ...studio, ...parts } } });
  test.each([
    ["an ftp:// live stream", { sources: { RV01: { ...source, liveStreamUrl: "ftp://push.example.com/live/cam" } } }, false],
    ["a live stream in capitals", { sources: { RV01: { ...source, liveStreamUrl: "RTMP://push.example.com:1935/live/cam?auth_key=1-0-0-abc" } } }, true],
    ["an srt:// live stream", { sources: { RV01: { ...source, liveStreamUrl: "srt://push.example.com:9000?streamid=cam" } } }, true],
    ["a live stream without a host", { sources: { RV01: { ...source, liveStreamUrl: "rtmp:///live/cam" } } }, false],
    ["a live stream with only a port", { sources: { RV01: { ...source, liveStreamUrl: "rtmp://:1935/live/cam" } } }, false],
    ["a live stream with a space", { sources: { RV01: { ...source, liveStreamUrl: "rtmp://push.example.com/live/main cam" } } }, false],
    ["a .mov file", { sources: { RV01: { ...vod, vodUrl: "https://media.example.com/reel.mov" } } }, false],
    ["an rtmp:// file", { sources: { RV01: { ...vod, vodUrl: "rtmp://media.example.com/reel.mp4" } } }, false],
    ["a file with a query and capitals", { sources: { RV01: { ...vod, vodUrl: "HTTPS://user:pw@media.example.com/a/Reel.MP4?Expires=1&sig=x#t=10" } } }, true],
    ["a file named only in the query", { sources: { RV01: { ...vod, vodUrl: "https://media.example.com/play?file=reel.mp4" } } }, false],
    ["a .gif image", { sources: { RV01: { resourceName: "Logo", imageUrl: "https://media.example.com/logo.gif" } } }, false],
    ["a .jpeg image", { sources: { RV01: { resourceName: "Logo", imageUrl: "https://media.example.com/logo.jpeg" } } }, true],
    ["an item's .mov file", { episodeGroups: { night: { ...group, items: [{ itemName: "A", vodUrl: "https://media.example.com/a.mov" }] } } }, false],
    ["a group's ftp:// callback", { episodeGroups: { night: { ...group, callbackUrl: "ftp://hooks.example.com/a" } } }, false],
    ["a group's srt:// relay", { episodeGroups: { night: { ...group, sideOutputUrl: "srt://relay.example.com:9000" } } }, true],
    ["a group's artc:// relay", { episodeGroups: { night: { ...group, sideOutputUrl: "artc://relay.example.com/live/out" } } }, false],
    ["a start time without a zone", { episodeGroups: { night: { ...group, startTime: "2030-12-24T20:00:00" } } }, false],
    ["a start time with a compact offset", { episodeGroups: { night: { ...group, startTime: "2030-12-24T20:00:00.5+0800" } } }, true],
    ["a start time as a date only", { episodeGroups: { night: { ...group, startTime: "2030-12-24" } } }, false],
    ["three things to play", { sources: { RV01: { ...source, vodUrl: vod.vodUrl, imageId: "logo1" } } }, false],
    ["a live stream with a repeat count", { sources: { RV01: { ...source, repeatNum: -1 } } }, false],
    ["an image with a begin offset", { sources: { RV01: { resourceName: "Logo", imageId: "logo1", beginOffset: 100 } } }, false],
    ["a media asset that loops", { sources: { RV01: { resourceName: "Reel", materialId: "asset1", repeatNum: -1, beginOffset: 100, endOffset: -100 } } }, true],
    ["a file from a secret that loops", { sources: { RV01: { resourceName: "Reel", vodUrl: { secret: "reelUrl" }, repeatNum: -1 } } }, true],
    ["a new studio's https:// relay", newStudio({ sideOutputUrl: "https://relay.example.com/live/out" }), false],
    ["a new studio's http:// relay in the list", newStudio({ sideOutputUrls: ["rtmp://relay.example.com/a", "http://relay.example.com/b"] }), false],
    ["a new studio's .gif standby", newStudio({ standbyImageUrl: "https://media.example.com/standby.gif" }), false],
    ["a new studio with two standby sources", newStudio({ standbyLiveStreamUrl: "rtmp://push.example.com/live/standby", standbyImageId: "img1" }), false],
    ["a new studio with one standby source", newStudio({ standbyImageId: "img1", autoSwitchToStandby: true, standbySwitchAfterSeconds: 5 }), true],
    ["an m3u8 recording without its segments' name", newStudio({ recording: { ossEndpoint: "oss-cn-shanghai.aliyuncs.com", ossBucket: "shows", formats: [{ format: "m3u8" }] } }), false],
    ["an m3u8 recording with an empty segments' name", newStudio({ recording: { ossEndpoint: "oss-cn-shanghai.aliyuncs.com", ossBucket: "shows", formats: [{ format: "m3u8", sliceOssObjectPrefix: "" }] } }), false],
    ["an m3u8 recording with its segments' name", newStudio({ recording: { ossEndpoint: "oss-cn-shanghai.aliyuncs.com", ossBucket: "shows", formats: [{ format: "m3u8", sliceOssObjectPrefix: "record/{StreamName}/{Sequence}" }] } }), true],
    ["a sync group in streamer mode without its host", newStudio({ syncGroups: [{ mode: 0, resourceIds: ["a", "b"] }] }), false],
    ["a sync group in conference mode", newStudio({ syncGroups: [{ mode: 1, resourceIds: ["a", "b"] }] }), true],
  ])("%s: JSON Schema and zod agree (valid: %s) (issue 16)", (_name, layout, valid) => {
    expect(findLayoutProblems(layout).length === 0).toBe(valid);
    expect(validateWithJsonSchema(layout)).toBe(valid);
  });

  test.each([
    ["a fitted layer without a size", onScreen({ layouts: { pip: { videoLayers: [{ locationId: "RV01", position: [0, 0], fillMode: "fit" }] } } }), false],
    ["a fitted layer of width 0", onScreen({ layouts: { pip: { videoLayers: [{ locationId: "RV01", position: [0, 0], fillMode: "fit", widthNormalized: 0, heightNormalized: 1 }] } } }), false],
    ["a text component with an image and a caption", onScreen({ components: { RC01: { ...text, image: { materialId: "logo01" }, caption: {} } } }), false],
    ["scenes on a new studio that does not run", onScreen({ caster: { new: studio }, scenes: { pgm: { layout: "pip" } } }), false],
    ["scenes on a new studio that runs", onScreen({ caster: { new: { ...studio, running: true, domainName: "live.example.com" } }, scenes: { pgm: { layout: "pip" } } }), true],
    ["a new studio that runs without a domain", onScreen({ caster: { new: { ...studio, running: true } } }), false],
    ["an adopted studio that runs without a domain declared", onScreen({ caster: { new: { ...studio, running: true } }, adopt: { caster: "LIVEPRODUCER_POST-cn-0pp1czt1234" } }), true],
    ["scenes left empty on a new studio", onScreen({ caster: { new: studio }, scenes: {} }), true],
    ["an episode group on a new studio without a domain", onScreen({ caster: { new: studio }, episodeGroups: { night: group } }), false],
    ["an episode group with its own domain on a new studio without one", onScreen({ caster: { new: studio }, episodeGroups: { night: { ...group, domainName: "live.example.com" } } }), true],
    ["an episode group on a new studio with a domain", onScreen({ caster: { new: { ...studio, domainName: "live.example.com" } }, episodeGroups: { night: group } }), true],
    ["an episode group on an adopted studio without a domain declared", onScreen({ caster: { new: studio }, adopt: { caster: "LIVEPRODUCER_POST-cn-0pp1czt1234" }, episodeGroups: { night: group } }), true],
    ["a new studio adopted with its sources", onScreen({ caster: { new: studio }, adopt: { caster: "LIVEPRODUCER_POST-cn-0pp1czt1234", sources: { RV01: "res-1" } } }), true],
    ["a new studio's sources adopted without it", onScreen({ caster: { new: studio }, adopt: { sources: { RV01: "res-1" } } }), false],
    ["a new studio's sources adopted with its caster left empty", onScreen({ caster: { new: studio }, adopt: { caster: null, layouts: { pip: "lay-1" } } }), false],
    ["adopted sources of an existing studio", onScreen({ adopt: { sources: { RV01: "res-1" } } }), true],
  ])("%s: JSON Schema and zod agree (valid: %s) (issue 16)", (_name, layout, valid) => {
    expect(findLayoutProblems(layout).length === 0).toBe(valid);
    expect(validateWithJsonSchema(layout)).toBe(valid);
  });

  test.each([
    ["a Resource episode given components too", scheduled({ news: { ...news, episodeType: "Resource", components: ["RC01"] } }), true],
    ["a Resource episode without a source or components", scheduled({ news: { ...news, locationId: undefined, episodeType: "Resource" } }), false],
    ["an episode with neither a source nor components", scheduled({ news: { ...news, locationId: undefined } }), false],
    ["an episode ending without a zone", scheduled({ news: { ...news, endTime: "2030-12-24T21:00:00" } }), false],
  ])("%s: JSON Schema and zod agree (valid: %s) (issue 16, the schedule)", (_name, layout, valid) => {
    expect(findLayoutProblems(layout, { now: Date.parse("2030-12-23T00:00:00Z") }).length === 0).toBe(valid);
    expect(validateWithJsonSchema(layout)).toBe(valid);
  });

  describe("each URL field's pattern, read off its zod check", () => {
    const fields = urlFields();
    test("finds every URL field of the file, with the API's protocols and file types", () => {
      const rules = Object.fromEntries(fields.map(({ name, rule }) => [name, [rule.protocols.join(" "), rule.extensions?.join(" ")]]));
      expect(rules).toEqual({
        "CasterVideoResource.liveStreamUrl": [LIVE_STREAM_PROTOCOLS.join(" "), undefined],
        "CasterVideoResource.vodUrl": ["http: https:", VOD_FILE_EXTENSIONS.join(" ")],
        "CasterVideoResource.imageUrl": ["http: https:", IMAGE_FILE_EXTENSIONS.join(" ")],
        "CasterEpisodeGroup.items[].vodUrl": ["http: https:", VOD_FILE_EXTENSIONS.join(" ")],
        "CasterEpisodeGroup.callbackUrl": ["http: https:", undefined],
        "CasterEpisodeGroup.sideOutputUrl": ["rtmp: rtmps: http: https: srt:", undefined],
        "Caster.callbackUrl": ["http: https:", undefined],
        "Caster.sideOutputUrl": ["rtmp:", undefined],
        "Caster.sideOutputUrls[]": ["rtmp:", undefined],
        "Caster.standbyLiveStreamUrl": [LIVE_STREAM_PROTOCOLS.join(" "), undefined],
        "Caster.standbyImageUrl": ["http: https:", IMAGE_FILE_EXTENSIONS.join(" ")],
      });
    });

    // URLs from parts, right and wrong: the pattern takes every one zod takes, and refuses what
    // zod refuses for its protocol, its host or its file type.
    const schemes = ["rtmp", "RTMPS", "Https", "http", "srt", "artc", "ftp", "file"];
    const authorities = ["media.example.com", "media.example.com:1935", "user:pw@media.example.com", "[::1]:80", "127.0.0.1", "", ":1935", "user@"];
    const paths = ["", "/", "/live/cam", "/a.mp4", "/dir/A.MP4?x=1&y=/b", "/a.mp4#t=1", "/a.mp4/", "/a.mov", "/a.png", "/logo.JPEG", "/.flv", "?file=a.mp4", "/a%2Emp4", "/a b.mp4", "/a\tb.ts", "\\a.mp4", "/a.ts?"];
    const corpus = schemes.flatMap((scheme) => authorities.flatMap((authority) => paths.map((path) => `${scheme}://${authority}${path}`)))
      .concat(["rtmp:/media.example.com/live", "rtmp:media.example.com", "media.example.com/a.mp4", " https://media.example.com/a.mp4", "https://media.example.com/a.mp4\n"]);
    test.each(fields.map(({ name, schema, rule }) => [name, schema, rule] as const))("%s", (_name, schema, rule) => {
      const pattern = new RegExp(urlPattern(rule), "u");
      // What the pattern says: the protocol, that there is a host, no blank, and the file type (a
      // backslash, which the URL parser reads as a slash in http(s) URLs, is left to validate).
      const breaksWhatThePatternSays = (url: string) => {
        if (url.includes("\\")) return false;
        const scheme = /^([a-z]+):\/\//i.exec(url)?.[1].toLowerCase();
        const authority = /^[a-z]+:\/\/([^/?#]*)/i.exec(url)?.[1] ?? "";
        const path = url.replace(/^[a-z]+:\/\/[^/?#]*/i, "").split(/[?#]/)[0].toLowerCase();
        return scheme === undefined || !rule.protocols.includes(`${scheme}:`) || /^(?:.*@)?(?::\d*)?$/.test(authority) || /\s/.test(url)
          || (rule.extensions !== undefined && !rule.extensions.some((extension) => path.endsWith(extension)));
      };
      for (const url of corpus) {
        const zodTakes = schema.safeParse(url).success;
        // Never stricter than validate; as strict where it speaks.
        if (zodTakes) expect([url, pattern.test(url)]).toEqual([url, true]);
        else if (breaksWhatThePatternSays(url)) expect([url, pattern.test(url)]).toEqual([url, false]);
      }
    });

    test("says what validate says when it refuses", () => {
      const liveStreamUrl = fields.find(({ name }) => name === "CasterVideoResource.liveStreamUrl");
      const found = findLayoutProblems({ sources: { RV01: { ...source, liveStreamUrl: "ftp://push.example.com/live/cam" } } });
      expect(found[0].message).toContain(liveStreamUrl?.rule.message);
    });
  });

  test("carries what applies when a property is left out, as a default the property takes", () => {
    const schema = studioLayoutJsonSchema();
    const found: Record<string, unknown> = {};
    const ajv = new Ajv({ strict: false });
    const walk = (node: unknown, path: string) => {
      if (typeof node !== "object" || node === null) return;
      if (!Array.isArray(node) && "default" in node) {
        const { default: value, ...rest } = node as Record<string, unknown>;
        expect([path, ajv.validate(rest, value)]).toEqual([path, true]);
        expect((node as { markdownDescription?: string }).markdownDescription).toContain(`Default: \`${typeof value === "string" ? value : JSON.stringify(value)}\``);
        found[path.replace(/\/(anyOf\/\d+|additionalProperties|properties|items)/g, "")] = value;
      }
      for (const [key, child] of Object.entries(node)) walk(child, `${path}/${key}`);
    };
    walk(schema, "");
    expect(found).toMatchObject({
      "/sources/repeatNum": 0,
      "/sources/endOffset": 0,
      "/episodeGroups/repeatNum": 0,
      "/episodes/switchType": "TimeFirst",
      "/caster/new/running": false,
      "/caster/new/chargeType": "PostPaid",
      "/components/effect": "none",
      "/components/layerOrder": "cover",
      "/components/geometry/anchor": "topLeft",
      "/components/geometry/transparency": 255,
      "/layouts/videoLayers/anchor": "topLeft",
      "/layouts/audioLayers/volumeRate": 1,
    });
    // "none" and other words are no default.
    expect(Object.keys(found)).not.toContain("/sources/liveStreamUrl");
    expect(Object.keys(found)).not.toContain("/sources/materialId");
    expect(Object.keys(found)).not.toContain("/caster/new/casterName");
  });

  test("reports a rule across fields in words, not as `oneOf`", () => {
    expect(studioLayoutJsonSchemaText()).not.toContain('"oneOf"');
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
