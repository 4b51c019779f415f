import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/**
 * The installed command, as a pipeline runs it: the bin script of the built package, in a
 * child process, judged by its exit status and output.
 */
const REPO = path.join(__dirname, "..", "..");
const BIN = path.join(REPO, "bin", "caster-studio.js");
const EXAMPLE = path.join(REPO, "examples", "studio", "studio.yaml");

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "caster-studio-cli-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function caster(...args: string[]) {
  const result = spawnSync(BIN, args, { cwd: dir, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const GOOD = [
  "caster: { config: casterId }",
  "sources:",
  "  RV01: { resourceName: Main camera, liveStreamUrl: 'rtmp://push.example.com/live/main' }",
  "  RV02:",
  "    resourceName: Intro reel",
  "    vodUrl: https://media.example.com/intro.mp4",
  "episodeGroups:",
  "  night:",
  "    startTime: 2030-12-24T23:00:00Z",
  "    items: [{ itemName: Replay, vodUrl: 'https://media.example.com/replay.ts' }]",
  "",
].join("\n");

describe("caster-studio validate", () => {
  test("exits 0 for valid files, the example studio among them, each file's success line on stdout", () => {
    const good = write("good.yaml", GOOD);
    const result = caster("validate", EXAMPLE, good);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toBe(
      `${EXAMPLE}: valid (4 sources, 1 episode group, 2 layouts, 3 components, PGM and PVW bound, 4 episodes, a show list of 4 shows)\n${good}: valid (2 sources, 1 episode group)\n`);
  });

  test("exits 1 and lists every problem of every file as file:line:column property: message", () => {
    const good = write("still-good.yaml", GOOD);
    const bad = write("bad.yaml", GOOD.replace("RV02", "RV2").replace("replay.ts", "replay.mov"));
    const broken = write("broken.json", '{ "sources": { "RV01": ');
    const result = caster("validate", good, bad, broken);
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines).toEqual([
      // Each file in turn: the good one's success line, then each problem of the others.
      `${good}: valid (2 sources, 1 episode group)`,
      `${bad}:4:3 sources.RV2: "RV2" is not allowed as a key of sources: use a source position from RV01 to RV99, always two digits (RV07, not RV7).`,
      expect.stringMatching(new RegExp(`^${bad}:10:\\d+ episodeGroups\\.night\\.items\\[0\\]\\.vodUrl: items\\[0\\]\\.vodUrl "https://media\\.example\\.com/replay\\.mov" is not allowed`)),
      // A truncated file: each YAML syntax error the parser finds, at its place.
      expect.stringMatching(new RegExp(`^${broken}:1:\\d+ \\(file\\): `)),
      `${broken}:1:24 (file): Flow map must end with a }`,
    ]);
  });

  test("refuses what the API cannot take, each at its place with the value and the fix, as preview does (issue 10)", () => {
    const many = Array.from({ length: 101 }, (_, index) => `      - { itemName: "Part ${index + 1}", vodUrl: "https://media.example.com/${index + 1}.mp4" }`);
    const bad = write("api-limits.yaml", [
      "caster: { casterId: LIVEPRODUCER_POST-cn-0pp1czt1234 }",
      "sources:",
      "  RV01:",
      '    resourceName: "Main\\ncamera\\u001b[0m"',
      '    liveStreamUrl: "rtmp://push.example.com/live/main camera"',
      "  RV02:",
      '    resourceName: "   "',
      "    vodUrl: https://media.example.com/intro.mp4",
      "    beginOffset: 2147483648",
      "    importId: LIVEPRODUCER_POST-cn-other:e5542d98",
      "  RV03:",
      "    resourceName: Logo",
      "    imageUrl: https:///logo.png",
      "episodeGroups:",
      "  night:",
      "    startTime: 2031-02-30T20:00:00Z",
      '    items: [{ itemName: "Replay\\u0007", vodUrl: "https://media.example.com/replay.ts" }]',
      "  late:",
      "    startTime: 2031-01-01T24:00:00Z",
      "    items:",
      ...many,
      "",
    ].join("\n"));
    const result = caster("validate", bad);
    expect(result.code).toBe(1);
    expect(result.stdout.trimEnd().split("\n")).toEqual([
      `${bad}:4:19 sources.RV01.resourceName: resourceName "Main\\ncamera\\u001b[0m" is not allowed: it holds a line break (U+000A) at character 5; use one line of text without control characters.`,
      `${bad}:5:20 sources.RV01.liveStreamUrl: liveStreamUrl "rtmp://push.example.com/live/main camera" is not allowed: it holds a space at character 34; use the URL without whitespace or control characters (percent-encode a space in a path as %20).`,
      `${bad}:7:19 sources.RV02.resourceName: resourceName "   " is not allowed: it is only whitespace; give the source a display name with at least one visible character.`,
      `${bad}:9:18 sources.RV02.beginOffset: beginOffset 2147483648 is not allowed: use whole milliseconds from the first frame, from 0 to 2147483647.`,
      `${bad}:10:15 sources.RV02.importId: importId "LIVEPRODUCER_POST-cn-other:e5542d98" names studio LIVEPRODUCER_POST-cn-other, but casterId is "LIVEPRODUCER_POST-cn-0pp1czt1234": use "LIVEPRODUCER_POST-cn-0pp1czt1234:<resourceId>" to adopt a source of this studio, or set casterId to LIVEPRODUCER_POST-cn-other.`,
      `${bad}:13:15 sources.RV03.imageUrl: imageUrl "https:///logo.png" is not allowed: it has no host; give the server's host name after https://, as in https://<host>/<path>.`,
      `${bad}:16:16 episodeGroups.night.startTime: startTime "2031-02-30T20:00:00Z" is not allowed: February 2031 has 28 days, so day 30 does not exist; use an ISO 8601 time with its zone, e.g. 2026-12-24T20:00:00Z or 2026-12-25T04:00:00+08:00 (or pass a Date).`,
      `${bad}:17:25 episodeGroups.night.items[0].itemName: items[0].itemName "Replay\\u0007" is not allowed: it holds a bell (BEL, U+0007) at character 7; use one line of text without control characters.`,
      `${bad}:19:16 episodeGroups.late.startTime: startTime "2031-01-01T24:00:00Z" is not allowed: hour 24 does not exist (hours run from 00 to 23; midnight is 00:00 of the next day); use an ISO 8601 time with its zone, e.g. 2026-12-24T20:00:00Z or 2026-12-25T04:00:00+08:00 (or pass a Date).`,
      expect.stringMatching(new RegExp(`^${bad}:21:\\d+ episodeGroups\\.late\\.items: items \\[.* is not allowed: 101 items are more than the 100 a group takes; use at most 100, and split a longer schedule into groups that each start when the one before ends\\.$`)),
    ]);
  });

  test("a studio the file makes is checked too, every problem at its place (issue 12)", () => {
    const bad = write("new-studio.yaml", [
      "caster:",
      "  new:",
      "    casterName: Evening show",
      "    normType: 1",
      "    casterTemplate: lp_sd",
      "    domainName: live.example.com",
      "    delaySeconds: 500",
      "    standbyImageUrl: https://media.example.com/standby.gif",
      "    runing: true",
      GOOD.split("\n").slice(1).join("\n"),
    ].join("\n"));
    const result = caster("validate", bad);
    expect(result.code).toBe(1);
    expect(result.stdout.trimEnd().split("\n")).toEqual([
      `${bad}:7:19 caster.new.delaySeconds: delaySeconds 500 is not allowed: use 0 to 300 seconds.`,
      `${bad}:8:22 caster.new.standbyImageUrl: standbyImageUrl "https://media.example.com/standby.gif" is not allowed: use an http(s) URL of a JPG or PNG image.`,
      // The Caster kind's properties, every one of them, as the kind lists them.
      expect.stringMatching(new RegExp(`^${bad}:9:5 caster\\.new\\.runing: runing true is given, but runing is not a property of a studio; remove it, or use one of casterName, normType, casterTemplate, .*, running, allowStopOnAir\\.$`)),
    ]);
    const good = write("new-studio-good.yaml", fs.readFileSync(bad, "utf8").replace("500", "5").replace("standby.gif", "standby.png").replace("runing", "running"));
    expect(caster("validate", good)).toMatchObject({ code: 0, stdout: `${good}: valid (2 sources, 1 episode group)\n`, stderr: "" });
  });

  test("a missing file is a problem, not a crash", () => {
    expect(caster("validate", "nowhere.yaml")).toMatchObject({ code: 1, stdout: "nowhere.yaml (file): cannot read the file: no such file.\n" });
  });
});

describe("caster-studio render", () => {
  test("writes an SVG picture and an HTML page of the studio", () => {
    const svg = path.join(dir, "studio.svg");
    const html = path.join(dir, "studio.html");
    expect(caster("render", EXAMPLE, "--out", svg).code).toBe(0);
    expect(caster("render", EXAMPLE, "--out", html).code).toBe(0);
    const picture = fs.readFileSync(svg, "utf8");
    expect(picture).toMatch(/^(<\?xml[^>]*>\s*)?<svg /);
    for (const name of ["Main camera", "Intro reel", "Station logo", "evening-loop"]) expect(picture).toContain(name);
    // The example's layouts as the screen shows them, with the scenes that show them.
    expect(picture).toContain('<g data-view="pip" data-scenes="pgm">');
    expect(picture).toContain('<g data-view="split" data-scenes="pvw">');
    expect(picture).toContain(">Live from Hangzhou</text>");
    expect(fs.readFileSync(html, "utf8")).toMatch(/^<!DOCTYPE html>/i);
    // The example makes its studio: both show its header.
    for (const output of [picture, fs.readFileSync(html, "utf8")]) {
      expect(output).toMatch(/data-part="studio" data-running="true"/);
      expect(output).toContain("&quot;Demo studio&quot; · general studio · lp_sd (standard definition) · delay 3 s");
    }
  });

  test("a signed URL in the file is never drawn", () => {
    const signed = write("signed.yaml", GOOD.replace("rtmp://push.example.com/live/main", "rtmp://push.example.com/live/main?auth_key=1767225600-0-0-c0ffee"));
    for (const out of ["signed.svg", "signed.html"]) {
      expect(caster("render", signed, "--out", path.join(dir, out)).code).toBe(0);
      const text = fs.readFileSync(path.join(dir, out), "utf8");
      expect(text).toContain("Main camera");
      expect(text).not.toContain("c0ffee");
    }
  });

  test("the README's picture of the example studio is current (regenerate: node bin/caster-studio.js render examples/studio/studio.yaml --out examples/studio/studio.svg)", () => {
    const svg = path.join(dir, "example.svg");
    expect(caster("render", EXAMPLE, "--title", "examples/studio/studio.yaml", "--out", svg).code).toBe(0);
    expect(fs.readFileSync(svg, "utf8")).toBe(fs.readFileSync(path.join(REPO, "examples", "studio", "studio.svg"), "utf8"));
  });

  test("refuses an output it cannot tell the format of, and a layout with problems", () => {
    expect(caster("render", EXAMPLE, "--out", path.join(dir, "studio.png"))).toMatchObject({ code: 2, stderr: expect.stringContaining("use a path ending in .svg") });
    expect(caster("render", EXAMPLE)).toMatchObject({ code: 2, stderr: expect.stringContaining("render needs --out PATH") });
    const bad = write("bad-render.yaml", "sources: { RV01: { resourceName: X } }\n");
    const out = path.join(dir, "never.svg");
    expect(caster("render", bad, "--out", out)).toMatchObject({ code: 1, stdout: "", stderr: expect.stringContaining(`${bad}:1:`) });
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe("caster-studio diff", () => {
  test("says in plain words what changes on air", () => {
    const before = write("before.yaml", GOOD);
    const after = write("after.yaml", GOOD.replace("RV02", "RV05"));
    const result = caster("diff", before, after);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Intro reel");
    expect(result.stdout).toMatch(/RV02[\s\S]*RV05/);
  });

  test("a reordered file changes nothing; /dev/null stands for a file that did not exist", () => {
    const before = write("ordered.yaml", GOOD);
    const reordered = write("reordered.yaml", GOOD.split("\n").slice(6).join("\n") + GOOD.split("\n").slice(0, 6).join("\n") + "\n");
    expect(caster("diff", before, reordered)).toMatchObject({ code: 0, stdout: expect.stringContaining("No change on air.") });
    const fromNothing = caster("diff", "/dev/null", before);
    expect(fromNothing.code).toBe(0);
    expect(fromNothing.stdout).toMatch(/RV01[\s\S]*Main camera/);
  });

  test("a new file compared with /dev/null reads as all added, with nothing replaced (issue 10)", () => {
    const studio = write("new-studio.yaml", GOOD);
    const result = caster("diff", "/dev/null", studio);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("3 added.");
    expect(result.stdout).not.toMatch(/replaced/);
    expect(result.stdout).toContain('- Source added at RV01: "Main camera" (live stream).');
  });

  test("a file that makes its studio: made from nothing, then its changes in words (issue 12)", () => {
    const studio = (settings: string) => write(`studio-${Math.random().toString(36).slice(2)}.yaml`,
      `caster:\n  new: { casterName: Evening show, normType: 1, casterTemplate: lp_sd, domainName: live.example.com, ${settings} }\n${GOOD.split("\n").slice(1).join("\n")}`);
    const first = studio("delaySeconds: 3, running: true");
    const fromNothing = caster("diff", "/dev/null", first);
    expect(fromNothing.code).toBe(0);
    expect(fromNothing.stdout).toContain("4 added.");
    expect(fromNothing.stdout).toContain('- A new studio is made: "Evening show", a general studio, output lp_sd (standard definition).\n  - Streaming domain: live.example.com.\n  - Delay: 3 s.\n  - The studio will start (goes on air) once it is made.\n');
    expect(caster("diff", first, studio("delaySeconds: 5, running: true")).stdout).toContain('- Studio "Evening show": delay 3 s → 5 s.');
    expect(caster("diff", first, studio("delaySeconds: 3, running: false")).stdout).toContain('- Studio "Evening show" will stop (goes off air).');
    expect(caster("diff", first, studio("delaySeconds: 3, running: true, channelMode: true")).stdout).toContain(
      '- Channel mode turned on: studio "Evening show" must stop; allowStopOnAir is not set, so the preview refuses this change and the studio stays on air',
    );
    const moved = caster("diff", write("existing.yaml", GOOD), first);
    expect(moved.stdout).toContain("- A new studio is made, and every source and episode group moves there: all are made again on it.");
    expect(moved.stdout).toContain("1 replaced.");
  });

  test("what changes on screen, in words: a layer moved and grown, the text of a lower third, the layout on air (issue 13)", () => {
    const example = fs.readFileSync(EXAMPLE, "utf8");
    const after = write("on-screen.yaml", example
      .replace("{ locationId: RV04, position: [0.96, 0.93], anchor: bottomRight, widthNormalized: 0.3, heightNormalized: 0.3, fillMode: fit }",
        "{ locationId: RV04, position: [0.04, 0.07], widthNormalized: 0.25, heightNormalized: 0.25, fillMode: fit }")
      .replace("text: { text: Live from Hangzhou,", "text: { text: Live from Shanghai,")
      .replace("pgm: { layout: pip, components: [RC01, RC02] }", "pgm: { layout: split, components: [RC01, RC02] }"));
    const result = caster("diff", EXAMPLE, after);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("3 updated in place.");
    expect(result.stdout).toContain('- Layout "pip": Guest camera moves from bottom-right to top-left (now placed by its top-left corner) and shrinks from 30% to 25% of the width.');
    expect(result.stdout).toContain('- Component RC01 "Lower third": its text changes from "Live from Hangzhou" to "Live from Shanghai".');
    expect(result.stdout).toContain('- PGM now shows layout "split" (was "pip").');
  });

  test("an invalid side is reported and nothing is compared", () => {
    const good = write("diff-good.yaml", GOOD);
    const bad = write("diff-bad.yaml", "sources: [1, 2]\n");
    // On stderr: a pipeline sends diff's stdout to the comment file, and the log must show why it failed.
    expect(caster("diff", good, bad)).toMatchObject({ code: 1, stdout: "", stderr: `${bad}:1:10 sources: sources is a mapping keyed by position (RV01: { resourceName, ... }), got a list.\n` });
  });
});

describe("caster-studio usage", () => {
  test("wrong usage exits 2 with the usage text", () => {
    expect(caster()).toMatchObject({ code: 2, stderr: expect.stringContaining("Usage: caster-studio") });
    expect(caster("frobnicate")).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command "frobnicate"') });
    expect(caster("diff", "one.yaml")).toMatchObject({ code: 2, stderr: expect.stringContaining("diff takes OLD and NEW") });
    expect(caster("validate", "--strict-mode", "x.yaml")).toMatchObject({ code: 2 });
  });

  test("--help after a command shows the usage; an output that cannot be written is said plainly", () => {
    expect(caster("validate", "--help")).toMatchObject({ code: 0, stdout: expect.stringContaining("Usage: caster-studio") });
    expect(caster("--help").stdout).toContain("  export CASTER_ID             write an existing studio as a studio file");
    expect(caster("export")).toMatchObject({ code: 2, stderr: expect.stringContaining("export takes one CASTER_ID") });
    expect(caster("render", EXAMPLE, "--out", path.join(dir, "missing", "studio.svg"))).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^caster-studio: cannot write .*missing\/studio\.svg: ENOENT/),
    });
  });

  test("schema prints the shipped JSON Schema", () => {
    const result = caster("schema");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(fs.readFileSync(path.join(REPO, "studio-layout.schema.json"), "utf8"));
  });
});
