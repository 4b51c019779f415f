import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/**
 * The whole-studio check's rounds, each program run against Pulumi's mocks in a process of its own
 * (test/helpers/mocked-program.js), with the built package required by name: what is registered,
 * what waits for what, what is refused, and that each is said once. The engine's side, with the
 * real CLI and the emulator, is test/e2e/whole-studio-check.e2e.test.ts.
 */

interface Report {
  registered: string[];
  /** Each registered resource's dependsOn, by name. */
  dependencies: Record<string, string[]>;
  /** The program's failures, each error once, as Pulumi reports them. */
  refusals: string[];
  warnings: string[];
}

const RUNNER = path.join(__dirname, "..", "test", "helpers", "mocked-program.js");
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "studio-check-"));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

/**
 * Runs the program (JavaScript, with the package's classes in scope) and reports what happened.
 * With `underProject`, the program is `<project>/bin/<name>.js` beside a Pulumi.yaml in
 * `<project>`, run from `bin/`, as the engine runs a compiled program (`main: bin/index.js`).
 */
async function run(name: string, body: string, { underProject = false } = {}): Promise<Report> {
  const project = path.join(folder, name);
  const cwd = underProject ? path.join(project, "bin") : folder;
  if (underProject) {
    fs.mkdirSync(cwd, { recursive: true });
    fs.writeFileSync(path.join(project, "Pulumi.yaml"), `name: ${name}\nruntime: nodejs\nmain: bin/${name}.js\n`);
    // A file of the project's folder that the program in bin/ requires.
    fs.writeFileSync(path.join(project, "schedule.js"), [
      'const { CasterEpisode } = require("pulumi-alicloud-caster");',
      'const casterId = "LIVEPRODUCER_POST-cn-compiled";',
      'new CasterEpisode("late", { casterId, episodeName: "Late", locationId: "RV01", startTime: "2031-03-01T20:30:00Z", endTime: "2031-03-01T21:30:00Z" });',
    ].join("\n"));
  }
  const program = path.join(cwd, `${name}.js`);
  fs.writeFileSync(program, [
    'const { Caster, CasterChannel, CasterComponent, CasterEpisode, CasterLayout, CasterSceneBinding, CasterVideoResource, Studio } = require("pulumi-alicloud-caster");',
    'const camera = (casterId, locationId = "RV01") => ({ casterId, resourceName: "Camera", locationId, liveStreamUrl: "rtmp://push.example.com/live/camera" });',
    'const episode = (casterId, from, to) => ({ casterId, episodeName: "Show", locationId: "RV01", startTime: `2031-03-01T${from}:00Z`, endTime: `2031-03-01T${to}:00Z` });',
    body,
  ].join("\n"));
  const stdout = await new Promise<string>((resolve, reject) => {
    // Run from the programs' folder, so that messages name them as a user's would; the package resolves by name from the repository.
    execFile(process.execPath, [RUNNER, program], { cwd, env: { ...process.env, NODE_PATH: path.join(__dirname, "..", "node_modules") } }, (error, out, err) => {
      if (error && !out) reject(new Error(`${error.message}\n${err}`));
      else resolve(out);
    });
  });
  return JSON.parse(stdout) as Report;
}

describe("resources declared one by one are checked as one studio", () => {
  test("an overlap refuses every resource of the turn with one error that lists it once, with where the program declares it; nothing is registered", async () => {
    const report = await run("overlap", `
      const casterId = "LIVEPRODUCER_POST-cn-overlap";
      new CasterVideoResource("camera", camera(casterId));
      new CasterEpisode("news", episode(casterId, "20:00", "21:00"));
      new CasterEpisode("late", episode(casterId, "20:30", "21:30"));`);
    expect(report.registered).toEqual([]);
    expect(report.refusals).toEqual([
      "the studio's resources have 1 problem, found before any was sent:\n"
      + '- CasterEpisode "late" (overlap.js:8) startTime: episode "late", 2031-03-01 20:30–21:30 UTC, overlaps episode "news", 2031-03-01 20:00–21:00 UTC: '
      + 'the studio is on one episode at a time; start "late" at 2031-03-01 21:00 UTC or later, or end "news" by 2031-03-01 20:30 UTC.',
    ]);
  });

  test("a program the engine runs from a folder of its project (main: bin/index.js) is named from the project's folder, in bin/ and above it", async () => {
    // As a compiled program's source map names its source: `../index.ts`, above the folder the
    // engine runs it from.
    const report = await run("compiled", `
      const casterId = "LIVEPRODUCER_POST-cn-compiled";
      new CasterEpisode("news", episode(casterId, "20:00", "21:00"));
      require("../schedule.js");
      new CasterEpisode("later", episode(casterId, "22:30", "23:30"));
      new CasterEpisode("latest", episode(casterId, "23:00", "23:45"));`, { underProject: true });
    expect(report.registered).toEqual([]);
    expect(report.refusals).toHaveLength(1);
    expect(report.refusals[0]).toContain('- CasterEpisode "late" (schedule.js:3) startTime: ');
    expect(report.refusals[0]).toContain('- CasterEpisode "latest" (bin/compiled.js:9) startTime: ');
  });

  test("two studios are checked each on its own; a literal position of the program's own source waits for it", async () => {
    const report = await run("two-studios", `
      for (const casterId of ["LIVEPRODUCER_POST-cn-first", "LIVEPRODUCER_POST-cn-second"]) {
        new CasterVideoResource(casterId + "-camera", camera(casterId));
        new CasterEpisode(casterId + "-news", episode(casterId, "20:00", "21:00"));
      }`);
    expect(report.refusals).toEqual([]);
    expect(report.registered.sort()).toEqual(["LIVEPRODUCER_POST-cn-first-camera", "LIVEPRODUCER_POST-cn-first-news", "LIVEPRODUCER_POST-cn-second-camera", "LIVEPRODUCER_POST-cn-second-news"]);
    expect(report.dependencies["LIVEPRODUCER_POST-cn-first-news"]).toEqual(["LIVEPRODUCER_POST-cn-first-camera"]);
    expect(report.dependencies["LIVEPRODUCER_POST-cn-second-camera"]).toEqual([]);
  });

  test("a studio the program makes groups its resources by its casterId output; a value not known yet is no problem", async () => {
    const report = await run("unknown", `
      const pulumi = require("@pulumi/pulumi");
      const studio = new Caster("studio", { casterName: "New", normType: 1, casterTemplate: "lp_sd", running: true });
      const later = pulumi.output(new Promise((resolve) => setTimeout(() => resolve("2031-03-01T20:30:00Z"), 10)));
      new CasterVideoResource("camera", camera(studio.casterId));
      new CasterEpisode("news", episode(studio.casterId, "20:00", "21:00"));
      // Its start is an Output: left out of the timeline, not an error.
      new CasterEpisode("late", { ...episode(studio.casterId, "20:30", "21:30"), startTime: later });
      // The same times in another studio: no overlap.
      new CasterVideoResource("elsewhere-camera", camera("LIVEPRODUCER_POST-cn-elsewhere"));
      new CasterEpisode("elsewhere", episode("LIVEPRODUCER_POST-cn-elsewhere", "20:00", "21:00"));`);
    expect(report.refusals).toEqual([]);
    expect(report.registered.sort()).toEqual(["camera", "elsewhere", "elsewhere-camera", "late", "news", "studio"]);
  });

  test("resources declared in a later turn are checked with those declared before, which stay registered; each problem once", async () => {
    const report = await run("later", `
      const casterId = "LIVEPRODUCER_POST-cn-later";
      new CasterVideoResource("camera", camera(casterId));
      const news = new CasterEpisode("news", episode(casterId, "20:00", "21:00"));
      // Once the first ones are registered (a timer could fire before the first check on a busy machine).
      news.urn.apply(() => {
        new CasterEpisode("late", episode(casterId, "20:30", "21:30"));
        new CasterVideoResource("second-camera", camera(casterId));
      });`);
    expect(report.registered).toEqual(["camera", "news"]);
    expect(report.refusals).toHaveLength(1);
    expect(report.refusals[0]).toMatch(/^the studio's resources have 2 problems, found before any was sent:\n/);
    expect(report.refusals[0]).toContain('- CasterVideoResource "second-camera" (later.js:11) locationId: "RV01" is taken by CasterVideoResource "camera" (later.js:6) in the same studio: '
      + "a studio has one source per position; move one of them to a free position (RV02, RV03, RV04, ...).");
    expect(report.refusals[0]).toContain('- CasterEpisode "late" (later.js:10) startTime: episode "late"');
  });

  test("a layer over a position no source of the program holds is refused only when the program declares the studio's sources", async () => {
    const report = await run("dangling", `
      const layers = (casterId) => ({ casterId, videoLayers: [{ locationId: "RV09", position: [0, 0], widthNormalized: 1 }] });
      // No source of this studio in the program: the console's or another stack's, not checked.
      new CasterLayout("console-sources", layers("LIVEPRODUCER_POST-cn-console"));
      new CasterVideoResource("camera", camera("LIVEPRODUCER_POST-cn-held"));
      new CasterLayout("held", layers("LIVEPRODUCER_POST-cn-held"));`);
    expect(report.registered).toEqual([]);
    expect(report.refusals).toEqual([
      "the studio's resources have 1 problem, found before any was sent:\n"
      + '- CasterLayout "held" (dangling.js:9) videoLayers[0].locationId: locationId "RV09" is not a source of this studio\'s resources in the program: '
      + "the API takes a layout only over positions that hold sources; declare a CasterVideoResource at RV09 in this studio, or use RV01.",
    ]);
  });

  test("an episode and a scene binding name what they show by the resource: they take the IDs and wait for them; both forms at once is refused", async () => {
    const good = await run("references", `
      const casterId = "LIVEPRODUCER_POST-cn-references";
      const source = new CasterVideoResource("camera", camera(casterId));
      const lowerThird = new CasterComponent("lower-third", { casterId, locationId: "RC01", componentType: "text", text: { text: "News" }, geometry: { position: [0, 0], widthNormalized: 0.5 } });
      const pip = new CasterLayout("pip", { casterId, videoLayers: [{ locationId: source.locationId, position: [0, 0], widthNormalized: 1 }] });
      new CasterEpisode("news", { ...episode(casterId, "20:00", "21:00"), locationId: undefined, source, components: [lowerThird] });
      new CasterSceneBinding("pgm", { casterId, scene: "PGM", layout: pip, components: [lowerThird] });`);
    expect(good.refusals).toEqual([]);
    expect(good.dependencies.news.sort()).toEqual(["camera", "lower-third"]);
    expect(good.dependencies.pgm.sort()).toEqual(["lower-third", "pip"]);
    const twice = await run("references-twice", `
      const casterId = "LIVEPRODUCER_POST-cn-references";
      const source = new CasterVideoResource("camera", camera(casterId));
      new CasterEpisode("twice", { ...episode(casterId, "22:00", "23:00"), source });`);
    expect(twice.refusals).toEqual([
      "the studio's resources have 1 problem, found before any was sent:\n"
      + '- CasterEpisode "twice" (references-twice.js:7): source and locationId are both given: name the source once, by its resource (source) or by its ID or position; remove one.',
    ]);
  });

  test("a studio file's children are not checked again among themselves: its warning is said once; a resource beside it is checked with them", async () => {
    const file = `
      const soon = new Date(Date.now() + 30000).toISOString();
      new Studio("file", { definition: {
        caster: { casterId: "LIVEPRODUCER_POST-cn-file" },
        sources: { RV01: { resourceName: "Camera", liveStreamUrl: "rtmp://push.example.com/live/camera" } },
        episodes: { soon: { episodeName: "Soon", locationId: "RV01", startTime: soon, endTime: new Date(Date.now() + 3600000).toISOString() } },
      } });`;
    const alone = await run("file", file);
    expect(alone.refusals).toEqual([]);
    expect(alone.warnings.filter((warning) => warning.includes('episode "soon" starts in'))).toHaveLength(1);
    const beside = await run("beside-file", `${file}
      new CasterEpisode("beside", { ...episode("LIVEPRODUCER_POST-cn-file", "00:00", "00:00"),
        startTime: new Date(Date.now() + 600000).toISOString(), endTime: new Date(Date.now() + 1200000).toISOString() });`);
    expect(beside.refusals).toHaveLength(1);
    expect(beside.refusals[0]).toMatch(/^the studio's resources have 1 problem, found before any was sent:\n- CasterEpisode "beside" \(beside-file\.js:11\) startTime: episode "beside", .* overlaps episode "file-episode-soon"/);
    expect(beside.warnings.filter((warning) => warning.includes('episode "soon" starts in'))).toHaveLength(1);
  });

  test("channels: a Caster that leaves channelMode out keeps the studio's own, so an adopted studio's channels pass; a layout over a channel waits for it", async () => {
    const program = (caster: string) => `
      const studio = new Caster("studio", ${caster});
      const source = new CasterVideoResource("camera", camera(studio.casterId, "RV03"));
      new CasterChannel("channel", { casterId: studio.casterId, channelId: "RV07", source });
      new CasterLayout("on-channel", { casterId: studio.casterId, videoLayers: [{ locationId: "RV07", position: [0, 0], widthNormalized: 1 }] });`;
    const studio = 'casterName: "Desk", normType: 1, casterTemplate: "lp_sd"';
    const adopted = await run("channels-adopted", program(`{ ${studio}, importId: "LIVEPRODUCER_POST-cn-channels" }`));
    expect(adopted.refusals).toEqual([]);
    expect(adopted.dependencies["on-channel"]).toContain("channel");
    // Made new, a studio starts without channel mode (SetCasterConfig's ChannelEnable: 0 by default); false is false.
    for (const [name, caster] of [["channels-new", `{ ${studio} }`], ["channels-off", `{ ${studio}, channelMode: false, importId: "LIVEPRODUCER_POST-cn-channels" }`]]) {
      const refused = await run(name, program(caster));
      expect(refused.refusals).toHaveLength(1);
      expect(refused.refusals[0]).toMatch(/Caster "studio" \(.*\): channels exist in channel mode only .* the Caster's channelMode is (not set|false): set channelMode: true on the Caster, or remove the CasterChannels\./);
    }
    const moved = await run("channels-missing", program(`{ ${studio}, channelMode: true }`).replace('locationId: "RV07"', 'locationId: "RV08"'));
    expect(moved.refusals).toEqual([expect.stringContaining(
      'CasterLayout "on-channel" (channels-missing.js:8) videoLayers[0].locationId: locationId "RV08" is not a channel of this studio\'s resources in the program: '
      + "in a channel-mode studio a layout shows channels, each playing a source",
    )]);
  });
});

describe("a virtual studio's studio layouts are checked with the studio", () => {
  const desk = (casterId: string, layoutName = "News desk") => `{ casterId: ${casterId}, layoutName: ${JSON.stringify(layoutName)}, layoutType: "studio", `
    + 'background: { id: "set", materialId: "f080575eb5f4427684fc0715159a1234" }, chromaKeyInputs: [{ channelId: "RV01", color: "green", positionX: 0.1, positionY: 0.3, heightNormalized: 0.65 }] }';

  test("an episode group of a new Caster without a domain is refused before anything is sent; its own domain or the Caster's will do", async () => {
    const group = (extra: string) => `{ casterId: studio.casterId, startTime: "2031-03-01T20:00:00Z", items: [{ itemName: "Replay", vodUrl: "https://media.example.com/replay.ts" }]${extra} }`;
    const refused = await run("group-without-domain", `
      const { CasterEpisodeGroup } = require("pulumi-alicloud-caster");
      const studio = new Caster("studio", { casterName: "Evening show", normType: 1, casterTemplate: "lp_sd" });
      new CasterEpisodeGroup("night", ${group("")});`);
    expect(refused.registered).toEqual([]);
    expect(refused.refusals).toHaveLength(1);
    expect(refused.refusals[0]).toMatch(/CasterEpisodeGroup "night" \(group-without-domain\.js:\d+\)/);
    expect(refused.refusals[0]).toContain("neither the group's domainName nor the Caster's domainName is set: set domainName on the Caster, or on the CasterEpisodeGroup.");
    const ownDomain = await run("group-with-domain", `
      const { CasterEpisodeGroup } = require("pulumi-alicloud-caster");
      const studio = new Caster("studio", { casterName: "Evening show", normType: 1, casterTemplate: "lp_sd" });
      new CasterEpisodeGroup("night", ${group(', domainName: "live.example.com"')});`);
    expect(ownDomain.refusals).toEqual([]);
    const studioDomain = await run("studio-with-domain", `
      const { CasterEpisodeGroup } = require("pulumi-alicloud-caster");
      const studio = new Caster("studio", { casterName: "Evening show", normType: 1, casterTemplate: "lp_sd", domainName: "live.example.com" });
      new CasterEpisodeGroup("night", ${group("")});`);
    expect(studioDomain.refusals).toEqual([]);
    expect(studioDomain.registered.sort()).toEqual(["night", "studio"]);
  });

  test("a studio layout on a Caster declared with another normType is refused before anything is sent", async () => {
    const report = await run("general-studio-layout", `
      const { CasterStudioLayout } = require("pulumi-alicloud-caster");
      const studio = new Caster("studio", { casterName: "Evening show", normType: 1, casterTemplate: "lp_sd" });
      new CasterStudioLayout("desk", ${desk("studio.casterId")});`);
    expect(report.registered).toEqual([]);
    expect(report.refusals).toHaveLength(1);
    expect(report.refusals[0]).toContain('CasterStudioLayout "desk"');
    expect(report.refusals[0]).toContain("a studio layout needs a virtual studio (normType 4): AddStudioLayout refuses any other, and the studio's normType is 1; set normType: 4");
  });

  test("on a virtual studio it is registered; two of one name in the studio are refused, naming both", async () => {
    const fine = await run("virtual-studio-layout", `
      const { CasterStudioLayout } = require("pulumi-alicloud-caster");
      const studio = new Caster("studio", { casterName: "Virtual news", normType: 4, casterTemplate: "lp_hd" });
      new CasterStudioLayout("desk", ${desk("studio.casterId")});`);
    expect(fine.refusals).toEqual([]);
    expect(fine.registered.sort()).toEqual(["desk", "studio"]);
    const twice = await run("studio-layout-twice", `
      const { CasterStudioLayout } = require("pulumi-alicloud-caster");
      const casterId = "LIVEPRODUCER_POST-cn-virtual";
      new CasterStudioLayout("desk", ${desk("casterId")});
      new CasterStudioLayout("desk-again", ${desk("casterId")});`);
    expect(twice.registered).toEqual([]);
    expect(twice.refusals).toHaveLength(1);
    expect(twice.refusals[0]).toMatch(/CasterStudioLayout "desk-again" \(studio-layout-twice\.js:\d+\) layoutName: "News desk" is the name of CasterStudioLayout "desk" \(studio-layout-twice\.js:\d+\) in the same studio/);
  });
});
