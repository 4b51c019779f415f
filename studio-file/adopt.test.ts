import Ajv from "ajv";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "./cli/caster-studio";
import { adoptedObjects, diffStudioFiles, formatChanges } from "./diff";
import { studioLayoutJsonSchema } from "./json-schema";
import { formatProblem, parseLayout } from "./load";
import { StudioFileDefinition, withSecretsAsText } from "./schema";
import { findLayoutProblems } from "./validate";

/**
 * The `adopt` section (issue 15): what the first `pulumi up` of a file exported from a live studio
 * takes over instead of making new. Each key names an entry the file declares, each ID has the
 * API's form, and the studio is adopted only where the file makes one.
 */

const STUDIO = "LIVEPRODUCER_POST-cn-0pp1czt1234";
/** A day before the file's episode. */
const NOW = Date.parse("2030-12-23T00:00:00Z");
const lines = (...text: string[]) => `${text.join("\n")}\n`;
const problemsOf = (text: string) => parseLayout(text, "studio.yaml", { now: NOW }).problems.map(formatProblem);

/** A studio file with one entry in each section; `caster` and `adopt` given as their YAML lines. */
const studioFile = (caster: string[], adopt: string[]) => lines(
  ...caster,
  "sources:",
  "  RV01: { resourceName: Main camera, liveStreamUrl: 'rtmp://push.example.com/live/main' }",
  "episodeGroups:",
  "  evening-loop: { startTime: '2030-12-24T23:00:00Z', items: [{ itemName: Replay, vodUrl: 'https://media.example.com/replay.ts' }] }",
  "layouts:",
  "  pip: { videoLayers: [{ locationId: RV01, position: [0, 0] }] }",
  "components:",
  "  RC01: { componentType: text, geometry: { position: [0, 0] }, text: { text: Live } }",
  "episodes:",
  "  evening-news: { episodeName: Evening news, locationId: RV01, startTime: '2030-12-24T20:00:00Z', endTime: '2030-12-24T21:00:00Z' }",
  ...adopt,
);
const NEW_STUDIO = ["caster:", "  new: { casterName: Evening show, normType: 1, casterTemplate: lp_sd, domainName: live.example.com, running: true }"];
/** A started studio with no domain declared: an adopted one may have its own, a new one has none (issue 29). */
const RUNNING_WITHOUT_DOMAIN = ["caster:", "  new: { casterName: Evening show, normType: 1, casterTemplate: lp_sd, running: true }"];
const EVERYTHING = [
  "# Written by `caster-studio export`: the first `pulumi up` takes these existing objects over",
  "# instead of making new ones. Remove this section once that has run.",
  "adopt:",
  `  caster: ${STUDIO}`,
  "  sources: { RV01: e5542d98-b08c-46bf-83e9-5b09d08c1234 }",
  "  layouts: { pip: 3f2a9c1e-55d0-4b7e-9a51-0c2b8e7d1234 }",
  "  components: { RC01: 9b1c4d2e-7f3a-4e8b-8c1d-2a3b4c5d1234 }",
  "  episodes: { evening-news: 77aa3b1c-2d4e-4f5a-8b6c-7d8e9f0a1234 }",
  "  episodeGroups: { evening-loop: 5D3E8A1B-7C2F-4E6D-9A0B-1C2D3E4F1234 }",
];

describe("the adopt section", () => {
  test("a file exported from a live studio: valid, and the section comes back as written", () => {
    const loaded = parseLayout(studioFile(NEW_STUDIO, EVERYTHING), "studio.yaml", { now: NOW });
    expect(loaded.problems.map(formatProblem)).toEqual([]);
    expect(loaded.layout?.adopt).toEqual({
      caster: STUDIO,
      sources: { RV01: "e5542d98-b08c-46bf-83e9-5b09d08c1234" },
      layouts: { pip: "3f2a9c1e-55d0-4b7e-9a51-0c2b8e7d1234" },
      components: { RC01: "9b1c4d2e-7f3a-4e8b-8c1d-2a3b4c5d1234" },
      episodes: { "evening-news": "77aa3b1c-2d4e-4f5a-8b6c-7d8e9f0a1234" },
      episodeGroups: { "evening-loop": "5D3E8A1B-7C2F-4E6D-9A0B-1C2D3E4F1234" },
    });
    // Carried through for the tools that read the file without its secrets.
    expect(withSecretsAsText(loaded.layout!).adopt).toEqual(loaded.layout?.adopt);
    // Removed afterwards, nothing else changes: the rest of the file stays valid.
    expect(problemsOf(studioFile(NEW_STUDIO, []))).toEqual([]);
  });

  test("running without a domain: an adopted studio may have its own, a new one is refused (issue 29)", () => {
    expect(problemsOf(studioFile(RUNNING_WITHOUT_DOMAIN, EVERYTHING))).toEqual([]);
    expect(problemsOf(studioFile(RUNNING_WITHOUT_DOMAIN, []))).toEqual([
      "studio.yaml:2:3 caster.new.domainName: running true starts the studio, and StartCaster needs a streaming domain (SetCasterConfig's DomainName: \"Configure the domain name before you start the production studio\"), which a new studio does not have, but domainName is not set; set domainName to the domain the studio outputs on (e.g. live.example.com), or set running: false.",
      // Its episode group plays on the studio's domain too: an adopted studio has its own, a new one none.
      expect.stringMatching(/^studio\.yaml:\d+:3 episodeGroups\.evening-loop: an episode group plays on a streaming domain, .* set caster\.new\.domainName, or domainName on the group\.$/),
    ]);
    // The JSON Schema an editor checks with says the same.
    const validate = new Ajv({ allErrors: true, strict: false }).compile(studioLayoutJsonSchema());
    const studio = { new: { casterName: "Evening show", normType: 1, casterTemplate: "lp_sd", running: true } };
    expect(validate({ caster: studio, adopt: { caster: STUDIO } })).toBe(true);
    expect(validate({ caster: studio })).toBe(false);
    expect(validate({ caster: { new: { ...studio.new, domainName: "live.example.com" } } })).toBe(true);
  });

  test("each key names an entry the file declares, in the section of that name", () => {
    expect(problemsOf(studioFile([`caster: { casterId: ${STUDIO} }`], [
      "adopt:",
      "  sources: { RV01: e5542d98, RV05: abc }",
      "  layouts: { split: 3f2a9c1e }",
      "  components: { RC02: 9b1c4d2e }",
      "  episodes: { late-show: 77aa3b1c }",
      "  episodeGroups: { night-loop: 5D3E8A1B }",
    ]))).toEqual([
      "studio.yaml:13:30 adopt.sources.RV05: RV05 is not a source of this file: adopt takes over what the file declares; add sources.RV05, or use RV01.",
      "studio.yaml:14:14 adopt.layouts.split: split is not a layout of this file: adopt takes over what the file declares; add layouts.split, or use pip.",
      "studio.yaml:15:17 adopt.components.RC02: RC02 is not a component of this file: adopt takes over what the file declares; add components.RC02, or use RC01.",
      "studio.yaml:16:15 adopt.episodes.late-show: late-show is not an episode of this file: adopt takes over what the file declares; add episodes.late-show, or use evening-news.",
      "studio.yaml:17:20 adopt.episodeGroups.night-loop: night-loop is not an episode group of this file: adopt takes over what the file declares; add episodeGroups.night-loop, or use evening-loop.",
    ]);
  });

  test("the studio is adopted only where the file makes one; an existing studio is not the file's to manage", () => {
    const adoptStudio = ["adopt:", `  caster: ${STUDIO}`];
    const refused = (studio: string) => `studio.yaml:13:3 adopt.caster: adopt.caster "${STUDIO}" takes over a studio that this file makes (caster: { new: … }), but this file's studio is ${studio}: remove adopt.caster, or declare the studio as caster: { new: { … } }.`;
    expect(problemsOf(studioFile([`caster: { casterId: ${STUDIO} }`], adoptStudio))).toEqual([refused("an existing one (casterId or config), which the file does not manage")]);
    expect(problemsOf(studioFile(["caster: { config: casterId }"], adoptStudio))).toEqual([refused("an existing one (casterId or config), which the file does not manage")]);
    expect(problemsOf(studioFile(["caster: { config: casterId }"], adoptStudio).replace("caster: { config: casterId }\n", "")))
      .toEqual([refused("not declared in it").replace("13:3", "12:3")]);
    // A studio the file makes new has nothing to take over unless it is adopted itself.
    expect(problemsOf(studioFile(NEW_STUDIO, ["adopt:", "  layouts: { pip: 3f2a9c1e }"]))).toEqual([
      "studio.yaml:14:14 adopt.layouts.pip: adopt.layouts.pip takes over an existing layout, but the studio this file makes is new and has none: add adopt.caster with the existing studio's CasterId, or remove adopt.layouts.pip.",
    ]);
  });

  test("IDs have the API's form; the section has only its own keys; a source is adopted once", () => {
    expect(problemsOf(studioFile([`caster: { casterId: ${STUDIO} }`], [
      "adopt:",
      "  sources: { RV01: e5542d98 }",
      "  layouts: { pip: 'has spaces' }",
      "  components: { RC01: 12345 }",
      "  episodes: [evening-news]",
      "  groups: { evening-loop: 5D3E8A1B }",
    ]).replace("'rtmp://push.example.com/live/main' }", `'rtmp://push.example.com/live/main', importId: '${STUDIO}:e5542d98' }`))).toEqual([
      "studio.yaml:13:20 adopt.sources.RV01: sources.RV01 is adopted twice, here and by its importId \"LIVEPRODUCER_POST-cn-0pp1czt1234:e5542d98\": give its ID once; remove sources.RV01.importId.",
      "studio.yaml:14:19 adopt.layouts.pip: pip \"has spaces\" is not allowed: use the layout's LayoutId as DescribeCasterLayouts gives it: 1 to 64 letters, digits, - or _.",
      "studio.yaml:15:23 adopt.components.RC01: RC01 12345 is not allowed: use the component's ComponentId as text; in YAML, quote it: \"12345\".",
      "studio.yaml:16:13 adopt.episodes: adopt.episodes is a mapping from a key of episodes to the existing episode's EpisodeId, got a list.",
      "studio.yaml:17:3 adopt.groups: groups is not a section of adopt; remove it, or use one of caster, sources, layouts, components, episodes, episodeGroups, showList, playlist, studioLayouts.",
    ]);
    expect(problemsOf(studioFile([`caster: { casterId: ${STUDIO} }`], ["adopt: [RV01]"]))).toEqual([
      "studio.yaml:12:8 adopt: adopt is a mapping of what the first `pulumi up` takes over (caster, sources, layouts, components, episodes, episodeGroups), got a list.",
    ]);
    // Left empty, as when its last line is removed, it adopts nothing.
    expect(problemsOf(studioFile([`caster: { casterId: ${STUDIO} }`], ["adopt:", "  sources:"]))).toEqual([]);
  });

  const validateWithJsonSchema = new Ajv({ allErrors: true, strict: false }).compile(studioLayoutJsonSchema());
  const source = { resourceName: "Camera", liveStreamUrl: "rtmp://push.example.com/live/cam" };
  const studio = { normType: 1, casterTemplate: "lp_sd" };
  test.each([
    ["a new studio adopted with its source", { caster: { new: studio }, sources: { RV01: source }, adopt: { caster: STUDIO, sources: { RV01: "e5542d98" } } }, true],
    ["an existing studio's source adopted", { caster: { casterId: STUDIO }, sources: { RV01: source }, adopt: { sources: { RV01: "e5542d98" } } }, true],
    ["the section left empty", { caster: { casterId: STUDIO }, adopt: null }, true],
    ["adopt.caster with an existing studio", { caster: { casterId: STUDIO }, adopt: { caster: STUDIO } }, false],
    ["adopt.caster with no studio", { adopt: { caster: STUDIO } }, false],
    ["an ID with a space", { caster: { casterId: STUDIO }, sources: { RV01: source }, adopt: { sources: { RV01: "e5542d98 x" } } }, false],
    ["a position that is not one", { caster: { casterId: STUDIO }, sources: { RV01: source }, adopt: { sources: { RV1: "e5542d98" } } }, false],
    ["an unknown section", { caster: { casterId: STUDIO }, adopt: { studios: {} } }, false],
    ["an importId in a layout", { caster: { casterId: STUDIO }, sources: { RV01: source }, layouts: { pip: { videoLayers: [{ locationId: "RV01", position: [0, 0] }], importId: `${STUDIO}:x` } } }, false],
  ])("%s: JSON Schema and zod agree", (_name, layout, valid) => {
    expect(findLayoutProblems(layout).length === 0).toBe(valid);
    expect(validateWithJsonSchema(layout)).toBe(valid);
  });

  test("caster-studio diff says in one line what the first pulumi up adopts", () => {
    const after = parseLayout(studioFile(NEW_STUDIO, EVERYTHING), "studio.yaml", { now: NOW }).layout as StudioFileDefinition;
    expect(adoptedObjects(after)).toBe(6);
    expect(adoptedObjects({ ...after, adopt: undefined })).toBe(0);
    const comment = formatChanges(diffStudioFiles({}, after), { before: "/dev/null", after: "studio.yaml", adopting: adoptedObjects(after) });
    expect(comment).toContain("Comparing /dev/null with studio.yaml.\n\nThe first `pulumi up` adopts 6 existing objects (adopt section): it takes them over instead of making new ones.\n\n");
    // Removing the section is no change on air.
    expect(diffStudioFiles(after, { ...after, adopt: undefined })).toEqual([]);
  });

  test("the command: diff prints that line, validate takes the file", () => {
    const folder = mkdtempSync(join(tmpdir(), "adopt-"));
    const [before, exported] = [join(folder, "before.yaml"), join(folder, "studio.yaml")];
    writeFileSync(before, studioFile(NEW_STUDIO, []));
    writeFileSync(exported, studioFile(NEW_STUDIO, EVERYTHING));
    const run = (args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = main(args, { out: (text) => out.push(text), err: (text) => err.push(text) });
      return { code, out: out.join(""), err: err.join("") };
    };
    const diffed = run(["diff", before, exported]);
    expect(diffed.code).toBe(0);
    expect(diffed.out).toContain("The first `pulumi up` adopts 6 existing objects (adopt section)");
    expect(run(["diff", exported, before]).out).not.toContain("adopts");
    expect(run(["validate", exported]).code).toBe(0);
  });
});
