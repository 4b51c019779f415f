import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { stringify } from "yaml";
import { parseLayout } from "../studio-file/load";
import { diffStudioFiles } from "../studio-file/diff";
import { renderHtml, renderSvg } from "../studio-file/render";

/**
 * Issue 28, "big studio files, instantly": a studio file of 99 sources, 99 components, 50 layouts
 * and 300 episodes (and both scenes), through what a reviewer runs on it. Each tool is timed as a
 * user meets it: `caster-studio validate|render|diff` as commands (Node's start-up included), and
 * the loading the Studio component does, in-process. The goal is at most 1 s each.
 */
export const BIG_FILE_SHAPE: StudioShape = { sources: 99, components: 99, layouts: 50, episodes: 300 };

/**
 * Issue 28, "a whole studio file through `pulumi up`": a new studio with 99 sources, 20 layouts,
 * 20 components, 50 episodes and both scenes, made by one `pulumi up` of the Studio component.
 */
export const WHOLE_STUDIO_SHAPE: StudioShape = { sources: 99, components: 20, layouts: 20, episodes: 50 };

/**
 * The `pulumi up --parallel` docs/performance.md advises for a large studio: more steps at once
 * than the studio has resources, so that no kind waits for engine slots that another kind's
 * creates hold while they wait on their operation's QPS (the engine's default is 4 a core).
 */
export const LARGE_STUDIO_PARALLEL = 256;

export interface StudioShape {
  sources: number;
  components: number;
  layouts: number;
  episodes: number;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The big file, as a team's studio of that size would write it; `variant` moves one episode, for the diff. */
export function bigStudioFile(variant = 0, shape: StudioShape = BIG_FILE_SHAPE): Record<string, unknown> {
  const source = (i: number) => `RV${pad((i % shape.sources) + 1)}`;
  const component = (i: number) => `RC${pad((i % shape.components) + 1)}`;
  const sources = Object.fromEntries(Array.from({ length: shape.sources }, (_, i) => [`RV${pad(i + 1)}`, i % 3 === 0
    ? { resourceName: `Camera ${i + 1}`, liveStreamUrl: `rtmp://push.example.com/studio/camera-${i + 1}` }
    : i % 3 === 1
      ? { resourceName: `Reel ${i + 1}`, vodUrl: `https://media.example.com/reels/${i + 1}.mp4`, repeatNum: -1 }
      : { resourceName: `Card ${i + 1}`, imageUrl: `https://media.example.com/cards/${i + 1}.png` }]));
  const components = Object.fromEntries(Array.from({ length: shape.components }, (_, i) => [`RC${pad(i + 1)}`, {
    componentName: `Caption ${i + 1}`,
    componentType: "text",
    geometry: { position: [0.05, 0.05 + (i % 9) * 0.1], widthNormalized: 0.5, heightNormalized: 0.08 },
    text: { text: `Line ${i + 1}`, color: "0xffffff", sizeNormalized: 0.05 },
  }]));
  const layouts = Object.fromEntries(Array.from({ length: shape.layouts }, (_, i) => [`layout-${i + 1}`, {
    videoLayers: [
      { locationId: source(i), position: [0, 0], widthNormalized: 1, heightNormalized: 1, fillMode: "fit" },
      { locationId: source(i + 1), position: [0.96, 0.93], anchor: "bottomRight", widthNormalized: 0.3, heightNormalized: 0.3, fillMode: "fit" },
    ],
    audioLayers: [{ locationId: source(i) }],
  }]));
  const start = Date.parse("2031-06-01T00:00:00Z");
  const episodes = Object.fromEntries(Array.from({ length: shape.episodes }, (_, i) => {
    const begins = start + i * 3_600_000 + (i === 0 ? variant * 600_000 : 0);
    return [`episode-${i + 1}`, {
      episodeName: `Show ${i + 1}`,
      locationId: source(i),
      components: [component(i)],
      startTime: new Date(begins).toISOString().replace(/\.\d{3}Z$/, "Z"),
      endTime: new Date(begins + 3_000_000).toISOString().replace(/\.\d{3}Z$/, "Z"),
    }];
  }));
  return {
    caster: { new: { casterName: "Big studio", normType: 1, casterTemplate: "lp_sd", domainName: "live.example.com", running: true } },
    sources, components, layouts, episodes,
    scenes: { pgm: { layout: "layout-1", components: ["RC01"] }, pvw: { layout: "layout-2", components: ["RC02"] } },
  };
}

export interface BigFileTiming {
  step: string;
  seconds: number;
}

/** Times each tool on the big file: the commands as a reviewer runs them, the component's load in-process. */
export function timeBigStudioFile(root: string): BigFileTiming[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "caster-big-file-"));
  try {
    const before = path.join(dir, "before.yaml");
    const after = path.join(dir, "studio.yaml");
    fs.writeFileSync(before, stringify(bigStudioFile(0)));
    fs.writeFileSync(after, stringify(bigStudioFile(1)));
    const cli = path.join(root, "bin", "caster-studio.js");
    const timed = (step: string, work: () => unknown): BigFileTiming => {
      const started = process.hrtime.bigint();
      work();
      return { step, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
    };
    const command = (...args: string[]) => () => runOrSay(process.execPath, [cli, ...args], { cwd: dir, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 256 * 1024 * 1024 });
    const text = fs.readFileSync(after, "utf8");
    // Warm once, as any second run would be (the module cache of the OS, not ours).
    command("validate", after)();
    const parsed = () => {
      const loaded = parseLayout(text, after);
      if (!loaded.layout) throw new Error(`the big file has problems: ${JSON.stringify(loaded.problems).slice(0, 500)}`);
      return loaded.layout;
    };
    return [
      timed("caster-studio validate (command)", command("validate", after)),
      timed("caster-studio render --out studio.svg (command)", command("render", after, "--out", path.join(dir, "studio.svg"))),
      timed("caster-studio render --out studio.html (command)", command("render", after, "--out", path.join(dir, "studio.html"))),
      timed("caster-studio diff (command)", command("diff", before, after)),
      timed("load and check (in-process, as the Studio component)", parsed),
      timed("render svg + html (in-process)", () => {
        const definition = parsed();
        renderSvg(definition);
        renderHtml(definition);
      }),
      timed("diff (in-process)", () => diffStudioFiles(parseLayout(fs.readFileSync(before, "utf8"), before).layout!, parsed())),
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  for (const { step, seconds } of timeBigStudioFile(path.resolve(__dirname, __dirname.includes("dist-bench") ? "../.." : ".."))) {
    console.log(`${step}: ${seconds.toFixed(3)} s`);
  }
}

/** A command of the tools, its output said when it fails (a file the tools refuse is a defect of the generator). */
function runOrSay(file: string, args: string[], options: Parameters<typeof execFileSync>[2]): void {
  try {
    execFileSync(file, args, options);
  } catch (error) {
    const failure = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`${args.slice(1).join(" ")} failed:\n${failure.stdout?.toString() ?? ""}${failure.stderr?.toString() ?? ""}`);
  }
}
