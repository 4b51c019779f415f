import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { PulumiStack } from "../test/helpers/pulumi-stack";
import { timelineChart } from "./chart";
import { EmulatorProcess } from "./emulator-process";
import { fleetScenarios, printFleetTable } from "./fleet";
import { BIG_FILE_SHAPE, BigFileTiming, bigStudioFile, LARGE_STUDIO_PARALLEL, timeBigStudioFile, WHOLE_STUDIO_SHAPE } from "./big-studio-file";
import { stringify } from "yaml";
import { Action } from "../model/live-api";
import { ScenarioResult } from "./measure";
import { OPERATIONS } from "../model/live-api";
import { casterProvider } from "../provider/caster/provider";
import { channelProvider } from "../provider/channel/provider";
import { componentProvider } from "../provider/component/provider";
import { episodeProvider } from "../provider/episode/provider";
import { episodeGroupProvider } from "../provider/episode-group/provider";
import { layoutProvider } from "../provider/layout/provider";
import { sceneBindingProvider } from "../provider/scene/provider";
import { showListProvider } from "../provider/show-list/provider";
import { playlistProvider } from "../provider/playlist/provider";
import { studioLayoutProvider } from "../provider/studio-layout/provider";
import {
  channelInputs, componentInputs, episodeInputs, groupInputs, layoutInputs, playlistInputs, sceneBindingInputs, showListInputs, studioInputs, studioLayoutInputs,
} from "./program/inputs";
import {
  BENCH_PROGRAM,
  benchClient,
  Bench,
  BENCH_ACCOUNTS,
  channelModeStudios,
  createInProcess,
  createSourcesInProcess,
  createPlaylistStudio,
  createStudio,
  wholeStudioFloorSeconds,
  createVirtualStudio,
  engineFloor,
  exportCallsOfBigStudio,
  engineStartup,
  envFor,
  profiledPulumiUp,
  pulumiRun,
  runningStudiosWithLayout,
  SOURCE_QPS,
  STUDIO_QPS,
  studioWithSources,
  terraformStyleBaseline,
  withClientTokenScopes,
  writeJson,
} from "./scenarios";
import type * as dynamic from "@pulumi/pulumi/dynamic";

/**
 * One kind in the benchmark: its resources made in-process through its provider, and declared by
 * bench/program for `pulumi up`, each time on studios set up afresh (`setUp`, not measured).
 * `inputs` gives the provider's inputs for what was set up; `program` the stack config that makes
 * bench/program declare the same. The floor is `floorCalls` of `floorAction` at that operation's
 * documented QPS (model/live-api.ts): the writes the kind cannot do without.
 */
interface BenchKind<Setup> {
  name: string;
  resources: number;
  floorAction: Action;
  floorCalls: number;
  provider: dynamic.ResourceProvider;
  setUp: (label: string) => Promise<Setup>;
  inputs: (setup: Setup) => object[];
  program: (setup: Setup) => Record<string, unknown>;
}

/** Counts of each kind: the full run at a floor of some 5-10 s each (a few seconds' work is mostly latency, not pace); the quick run small. */
function kindCounts(quick: boolean) {
  return quick
    ? { studios: 2, layouts: 5, components: 5, episodes: 3, groups: 3, showLists: 2, showsPerList: 3, playlists: 2, itemsPerPlaylist: 3, studioLayouts: 3, channelStudios: 1, channelsPerStudio: 4, sceneStudios: 1 }
    : { studios: 50, layouts: 99, components: 99, episodes: 40, groups: 20, showLists: 50, showsPerList: 4, playlists: 50, itemsPerPlaylist: 4, studioLayouts: 50, channelStudios: 8, channelsPerStudio: 12, sceneStudios: 25 };
}

function benchKinds(bench: Bench, quick: boolean): BenchKind<unknown>[] {
  const n = kindCounts(quick);
  const inOneStudio = <I>(inputsOf: (casterId: string, count: number) => I[], count: number) => ({
    inputs: ({ casterId }: { casterId: string }) => inputsOf(casterId, count),
  });
  const kinds = [
    kind({
      // A studio is three writes, each at its own QPS: studios side by side overlap them (STUDIO_QPS).
      name: `${n.studios} studios (create + configure + start)`, resources: n.studios, floorAction: "StartCaster", floorCalls: n.studios * (OPERATIONS.StartCaster.qps / STUDIO_QPS),
      provider: casterProvider, setUp: async () => null,
      inputs: () => withClientTokenScopes(studioInputs(n.studios), "studio"), program: () => ({ studios: n.studios }),
    }),
    kind({
      name: `${n.layouts} layouts`, resources: n.layouts, floorAction: "AddCasterLayout", floorCalls: n.layouts, provider: layoutProvider,
      setUp: (label) => studioWithSources(bench, label), ...inOneStudio(layoutInputs, n.layouts), program: ({ casterId }) => ({ layouts: { casterId, count: n.layouts } }),
    }),
    kind({
      name: `${n.components} components`, resources: n.components, floorAction: "AddCasterComponent", floorCalls: n.components, provider: componentProvider,
      setUp: (label) => studioWithSources(bench, label), ...inOneStudio(componentInputs, n.components), program: ({ casterId }) => ({ components: { casterId, count: n.components } }),
    }),
    kind({
      name: `${n.episodes} episodes`, resources: n.episodes, floorAction: "AddCasterEpisode", floorCalls: n.episodes, provider: episodeProvider,
      setUp: (label) => studioWithSources(bench, label), ...inOneStudio(episodeInputs, n.episodes), program: ({ casterId }) => ({ episodes: { casterId, count: n.episodes } }),
    }),
    kind({
      name: `${n.groups} episode groups`, resources: n.groups, floorAction: "AddCasterEpisodeGroup", floorCalls: n.groups, provider: episodeGroupProvider,
      setUp: async (label) => ({ casterId: await createStudio(bench, label) }),
      inputs: ({ casterId }) => withClientTokenScopes(groupInputs(casterId, n.groups), "group"), program: ({ casterId }) => ({ episodeGroups: { casterId, count: n.groups } }),
    }),
    kind({
      // One batch of AddShowIntoShowList makes a list's shows (up to MAX_SHOWS): one write a list.
      name: `${n.showLists} show lists (${n.showsPerList} shows each)`, resources: n.showLists, floorAction: "AddShowIntoShowList", floorCalls: n.showLists,
      provider: showListProvider,
      setUp: (label) => Promise.all(Array.from({ length: n.showLists }, (_, i) => createStudio(bench, `${label}-${i + 1}`))),
      inputs: (casterIds) => showListInputs(casterIds, n.showsPerList), program: (casterIds) => ({ showLists: { casterIds, shows: n.showsPerList } }),
    }),
    kind({
      // One AddPlaylistItems makes a studio's list with all its items: one write a list.
      name: `${n.playlists} playlists (${n.itemsPerPlaylist} items each)`, resources: n.playlists, floorAction: "AddPlaylistItems", floorCalls: n.playlists,
      provider: playlistProvider,
      setUp: (label) => Promise.all(Array.from({ length: n.playlists }, (_, i) => createPlaylistStudio(bench, `${label}-${i + 1}`))),
      inputs: (casterIds) => playlistInputs(casterIds, n.itemsPerPlaylist), program: (casterIds) => ({ playlists: { casterIds, items: n.itemsPerPlaylist } }),
    }),
    kind({
      name: `${n.studioLayouts} studio layouts`, resources: n.studioLayouts, floorAction: "AddStudioLayout", floorCalls: n.studioLayouts,
      provider: studioLayoutProvider,
      setUp: (label) => createVirtualStudio(bench, label),
      inputs: (casterId) => studioLayoutInputs(casterId, n.studioLayouts), program: (casterId) => ({ studioLayouts: { casterId, count: n.studioLayouts } }),
    }),
    kind({
      // A studio has 12 channels (RV01-RV12): the count is studios x channels, one SetCasterChannel each.
      name: `${n.channelStudios * n.channelsPerStudio} channels (${n.channelStudios} studios x ${n.channelsPerStudio})`, resources: n.channelStudios * n.channelsPerStudio,
      floorAction: "SetCasterChannel", floorCalls: n.channelStudios * n.channelsPerStudio, provider: channelProvider,
      setUp: (label) => channelModeStudios(bench, label, n.channelStudios, n.channelsPerStudio),
      inputs: (studios) => studios.flatMap(({ casterId, resourceIds }) => channelInputs(casterId, resourceIds)), program: (channelStudios) => ({ channelStudios }),
    }),
    kind({
      // A running studio has two scenes, PVW and PGM: one SetCasterSceneConfig each.
      name: `${n.sceneStudios * 2} scene bindings (${n.sceneStudios} studios x PVW, PGM)`, resources: n.sceneStudios * 2,
      floorAction: "SetCasterSceneConfig", floorCalls: n.sceneStudios * 2, provider: sceneBindingProvider,
      setUp: (label) => runningStudiosWithLayout(bench, label, n.sceneStudios),
      inputs: (studios) => studios.flatMap(({ casterId, layoutId }) => sceneBindingInputs(casterId, layoutId)), program: (sceneBindings) => ({ sceneBindings }),
    }),
  ];
  return kinds;
}

/** Types one entry of the table by its own setup; the table holds each with its setup unseen (only its own inputs and program read it). */
function kind<Setup>(entry: BenchKind<Setup>): BenchKind<unknown> {
  return entry as unknown as BenchKind<unknown>;
}

const floorOf = (kind: BenchKind<unknown>) => kind.floorCalls / OPERATIONS[kind.floorAction].qps;

const ROOT = path.resolve(__dirname, "../..");
const DEFAULT_RESULTS = path.join(ROOT, "bench/results");

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: "boolean", default: false },
      "latency-ms": { type: "string", default: "50" },
      only: { type: "string" },
      // Where the JSON and SVG go (default bench/results); CI's smoke run writes to a temporary folder.
      results: { type: "string" },
      // Only the fleet scenarios (bench/fleet.ts); a full or --quick run has them too, last.
      fleet: { type: "boolean", default: false },
      // The 990-source cases take about 8 minutes (in-process, pulumi up, and the checkpoint
      // profile at that size): run on request, not on every full run.
      "with-990": { type: "boolean", default: false },
    },
  });
  // --only TEXT runs the scenarios whose name contains TEXT (and what they need), for profiling.
  const selected = (scenario: string) => values.only === undefined || scenario.includes(values.only);
  const quick = values.quick ?? false;
  // Asked for by name (--only "990 ...") is asked for too.
  const with990 = (values["with-990"] ?? false) || (values.only?.includes("990") ?? false);
  const latencyMs = Number(values["latency-ms"]);
  const sources = quick ? 20 : 99;

  process.env.CASTER_TEST_PULUMI_BIN = execFileSync("bash", [path.join(ROOT, "tools/install-pulumi.sh")], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }).trim().split("\n").pop();

  const accountsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "caster-bench-accounts-")), "accounts.json");
  fs.writeFileSync(accountsFile, JSON.stringify(BENCH_ACCOUNTS));
  const emulator = await EmulatorProcess.start(latencyMs, accountsFile);
  const bench: Bench = { emulator, client: benchClient(emulator.url) };
  const results: ScenarioResult[] = [];
  let bigFile: BigFileTiming[] | undefined;
  let bigExportCalls: Record<string, number> | undefined;
  const stacks: PulumiStack[] = [];
  // Pulumi's CPU profiles and execution traces of the profiled runs, kept for `go tool pprof` / `go tool trace`.
  let profileDir: string | undefined;
  const profiles = () => (profileDir ??= fs.mkdtempSync(path.join(os.tmpdir(), "caster-bench-profile-")));
  const report = (result: ScenarioResult) => {
    results.push(result);
    console.error(`  ${result.scenario}: ${result.wallSeconds} s`);
  };
  const newStack = async (name: string, config: Record<string, unknown> = {}) => {
    const stack = await PulumiStack.create(name, { env: envFor(bench), projectDir: BENCH_PROGRAM });
    stacks.push(stack);
    for (const [key, value] of Object.entries(config)) {
      await (typeof value === "object" ? stack.setConfigObject(key, value) : stack.setConfig(key, String(value)));
    }
    return stack;
  };
  // The engine's floor by resource count, measured once per count, the first time a pulumi scenario needs it.
  const engineFloors = new Map<number, Promise<number>>();
  const engineFloorFor = (count: number) => {
    if (!engineFloors.has(count)) engineFloors.set(count, engineFloor(bench, count));
    return engineFloors.get(count)!;
  };
  const startupOnce = (() => {
    let startup: Promise<number> | undefined;
    return () => (startup ??= engineStartup(bench));
  })();

  try {
    // Fleet (bench/fleet.ts): several stacks on one account at once, with and without the shared limiter.
    if (values.fleet) {
      const fleet = await fleetScenarios(bench, { quick });
      printFleetTable(fleet);
      const dir = values.results === undefined ? DEFAULT_RESULTS : path.resolve(values.results);
      fs.mkdirSync(dir, { recursive: true });
      writeJson(path.join(dir, quick ? "fleet-quick.json" : "fleet.json"), { latencyMs, scenarios: fleet });
      return;
    }

    console.error(`bench: emulator at ${emulator.url}, ${latencyMs} ms per call${quick ? ", quick" : ""}${with990 ? ", with the 990-source cases" : ""}`);
    if (selected(`${sources} sources, in-process`)) {
      report(await createSourcesInProcess(bench, `${sources} sources, in-process`, [await createStudio(bench, "in-process")], sources));
    }
    if (!quick && selected("baseline")) {
      report(await terraformStyleBaseline(bench, `${sources} sources, Terraform-style baseline`, await createStudio(bench, "baseline"), sources));
    }

    const sourcesStack = selected(`${sources} sources, pulumi`) || selected(`${sources} sources`) || selected(`pulumi`) ? await newStack("bench-sources", {
      generatedStudios: [await createStudio(bench, "pulumi")],
      sourcesPerStudio: sources,
    }) : undefined;
    if (sourcesStack) {
      const startup = await startupOnce();
      report(await pulumiRun(bench, sourcesStack, `${sources} sources, pulumi up`, sources, sources / SOURCE_QPS, sourcesStack.upArgs(), {
        startupSeconds: startup,
        engineFloorSeconds: await engineFloorFor(sources),
        timelineAction: "AddCasterVideoResource",
      }));
      report(await pulumiRun(bench, sourcesStack, `no-op pulumi up, ${sources} sources`, sources, 0, sourcesStack.upArgs()));
      report(await pulumiRun(bench, sourcesStack, `pulumi preview, ${sources} sources`, sources, 0, sourcesStack.argsFor("preview")));
      report(await pulumiRun(bench, sourcesStack, `pulumi refresh, ${sources} sources`, sources, 0, sourcesStack.argsFor("refresh")));
    }

    // The other kinds, each against its own floor: in-process, then through `pulumi up` of bench/program.
    const kinds = benchKinds(bench, quick);
    for (const kind of kinds) {
      const scenario = `${kind.name}, in-process`;
      if (!selected(scenario)) continue;
      const setup = await kind.setUp(`${kind.resources}-in-process`);
      report(await createInProcess(bench, scenario, kind.provider, kind.inputs(setup), floorOf(kind), kind.floorAction));
    }
    // The quick run (CI's smoke test) proves that the program declares every kind with one `pulumi up`.
    if (quick && selected("every kind, pulumi up")) {
      const sourcesPerStudio = 3;
      const config: Record<string, unknown> = { generatedStudios: [await createStudio(bench, "every-kind")], sourcesPerStudio };
      for (const kind of kinds) Object.assign(config, kind.program(await kind.setUp(`every-kind-${kind.resources}`)));
      const resources = sourcesPerStudio + kinds.reduce((sum, kind) => sum + kind.resources, 0);
      const stack = await newStack("bench-every-kind", config);
      report(await pulumiRun(bench, stack, `every kind (${sourcesPerStudio} sources, ${kinds.map((kind) => kind.name).join(", ")}), pulumi up`, resources, 0, stack.upArgs()));
    }
    for (const kind of quick ? [] : kinds) {
      const scenario = `${kind.name}, pulumi up`;
      if (!selected(scenario)) continue;
      const stack = await newStack("bench-kind", kind.program(await kind.setUp(`${kind.resources}-pulumi`)));
      report(await pulumiRun(bench, stack, scenario, kind.resources, floorOf(kind), stack.upArgs(), {
        startupSeconds: await startupOnce(),
        engineFloorSeconds: await engineFloorFor(kind.resources),
        timelineAction: kind.floorAction,
      }));
    }

    // A whole studio file through the Studio component: a new studio and everything in it, in one
    // `pulumi up`, at the engine's default parallelism (4 steps a core) and at the one
    // docs/performance.md advises for a studio this size, each against the engine's floor at it.
    const wholeStudio = `whole studio file (new studio, ${Object.entries(WHOLE_STUDIO_SHAPE).map(([what, n]) => `${n} ${what}`).join(", ")}, scenes), pulumi up`;
    for (const parallel of [[], ["--parallel", String(LARGE_STUDIO_PARALLEL)]]) {
      const scenario = [wholeStudio, ...parallel].join(" ");
      if (quick || !selected(scenario)) continue;
      const file = path.join(os.tmpdir(), `caster-bench-whole-studio-${process.pid}.yaml`);
      fs.writeFileSync(file, stringify(bigStudioFile(0, WHOLE_STUDIO_SHAPE)));
      const resources = 1 + Object.values(WHOLE_STUDIO_SHAPE).reduce((sum, n) => sum + n, 0) + 2;
      const stack = await newStack("bench-whole-studio", { studioFile: file });
      report(await pulumiRun(bench, stack, scenario, resources, wholeStudioFloorSeconds(WHOLE_STUDIO_SHAPE), stack.upArgs(parallel), {
        startupSeconds: await startupOnce(),
        engineFloorSeconds: parallel.length === 0 ? await engineFloorFor(resources) : await engineFloor(bench, resources, parallel),
        timelineAction: "AddCasterVideoResource",
      }));
      fs.rmSync(file, { force: true });
    }

    if (!quick) {
      // State and checkpoints as the count grows: for each size, `pulumi up` as a user runs it
      // (above for 99), the same with PULUMI_SKIP_CHECKPOINTS=true (the engine then writes the
      // state once, at the end: the difference is what the checkpoints cost), and a profiled run.
      const sizes = with990 ? [10, 99, 990] : [10, 99];
      const studios = async (prefix: string, n: number) => Promise.all(Array.from({ length: n }, (_, i) => createStudio(bench, `${prefix}-${i}`)));
      for (const size of sizes) {
        const studioCount = Math.ceil(size / 99);
        const perStudio = size / studioCount;
        const label = size === 990 ? "990 sources (10 studios)" : `${size} sources`;
        if (size === 990 && selected(`${label}, in-process`)) {
          report(await createSourcesInProcess(bench, `${label}, in-process`, await studios("many-in-process", studioCount), perStudio));
        }
        if (size !== sources && selected(`${label}, pulumi up`)) {
          const stack = await newStack("bench-size", { generatedStudios: await studios(`size-${size}`, studioCount), sourcesPerStudio: perStudio });
          report(await pulumiRun(bench, stack, `${label}, pulumi up`, size, size / SOURCE_QPS, stack.upArgs(), {
            startupSeconds: await startupOnce(),
            engineFloorSeconds: await engineFloorFor(size),
            timelineAction: "AddCasterVideoResource",
          }));
        }
        if (selected(`${label}, pulumi up, checkpoints skipped`)) {
          const stack = await newStack("bench-skip", { generatedStudios: await studios(`skip-${size}`, studioCount), sourcesPerStudio: perStudio });
          stack.setEnv({ PULUMI_SKIP_CHECKPOINTS: "true" });
          report(await pulumiRun(bench, stack, `${label}, pulumi up, checkpoints skipped`, size, size / SOURCE_QPS, stack.upArgs(), {
            startupSeconds: await startupOnce(),
            timelineAction: "AddCasterVideoResource",
          }));
        }
        if (selected(`${label}, pulumi up, checkpoints profiled`)) {
          const stack = await newStack("bench-profile", { generatedStudios: await studios(`profile-${size}`, studioCount), sourcesPerStudio: perStudio });
          report(await profiledPulumiUp(bench, stack, `${label}, pulumi up, checkpoints profiled`, size, profiles()));
        }
      }

      if (sourcesStack) report(await pulumiRun(bench, sourcesStack, `pulumi destroy, ${sources} sources`, sources, sources / SOURCE_QPS, sourcesStack.argsFor("destroy"), {
        startupSeconds: await startupOnce(),
        timelineAction: "DeleteCasterVideoResource",
      }));
    }

    // The studio-file tools on a big file: no API call, so before the fleet loads the machine.
    if (!quick && selected("big studio file")) {
      bigFile = timeBigStudioFile(ROOT);
      for (const { step, seconds } of bigFile) console.error(`  big studio file, ${step}: ${seconds.toFixed(3)} s`);
      // And `caster-studio export` of a studio of that shape: its calls counted, not timed.
      bigExportCalls = await exportCallsOfBigStudio(bench);
      console.error(`  big studio file, caster-studio export of a studio of that shape: ${describeCalls(bigExportCalls)}`);
    }

    // Fleet (bench/fleet.ts), last: its parallel processes would load the machine under the scenarios above.
    if (selected("fleet")) {
      const fleet = await fleetScenarios(bench, { quick });
      results.push(...fleet); // fleetScenarios reports each as it ends
      printFleetTable(fleet);
    }
  } finally {
    await Promise.all(stacks.map((stack) => stack.remove()));
    emulator.stop();
  }

  const startup = results.find((result) => result.engineStartupSeconds !== undefined)?.engineStartupSeconds;
  printTable(results, startup);
  const resultsDir = values.results === undefined ? DEFAULT_RESULTS : path.resolve(values.results);
  fs.mkdirSync(resultsDir, { recursive: true });
  const name = quick ? "quick" : values.only !== undefined ? "only" : "latest";
  writeJson(path.join(resultsDir, `${name}.json`), {
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    latencyMs,
    engineStartupSeconds: startup,
    profiles: profileDir,
    scenarios: results,
    ...(bigFile ? { bigStudioFile: { shape: BIG_FILE_SHAPE, seconds: Object.fromEntries(bigFile.map(({ step, seconds }) => [step, Number(seconds.toFixed(3))])), exportCalls: bigExportCalls } } : {}),
  });
  if (bigFile) {
    console.log(`\n| big studio file (${Object.entries(BIG_FILE_SHAPE).map(([what, n]) => `${n} ${what}`).join(", ")}) | s |\n|---|---|`);
    for (const { step, seconds } of bigFile) console.log(`| ${step} | ${seconds.toFixed(3)} |`);
    if (bigExportCalls) console.log(`\n| caster-studio export of a running studio of that shape | API calls |\n|---|---|\n| against the emulator | ${describeCalls(bigExportCalls)} |`);
  }
  const creates = results.filter((result) => /^\d+ sources, (in-process|pulumi up|Terraform-style baseline)$/.test(result.scenario) && result.resources === sources);
  fs.writeFileSync(path.join(resultsDir, `${name}.svg`), timelineChart(creates, SOURCE_QPS, `Creating ${sources} video sources: AddCasterVideoResource calls completed`));
  console.error(`bench: wrote ${path.relative(process.cwd(), path.join(resultsDir, name))}.json and ${name}.svg${profileDir ? `; Pulumi's profiles are in ${profileDir}` : ""}`);
}

/** Calls by operation, and their total: "10 (DescribeCasters 1, ...)". */
function describeCalls(counts: Record<string, number>): string {
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  return `${total} (${Object.entries(counts).map(([action, n]) => `${action} ${n}`).join(", ")})`;
}

function printTable(results: ScenarioResult[], startupSeconds: number | undefined): void {
  const rows = results.map((r) => [
    r.scenario,
    String(r.resources),
    r.wallSeconds.toFixed(2),
    r.floorSeconds.toFixed(2),
    r.ratio === null ? "-" : r.ratio.toFixed(2),
    r.engineFloorSeconds === undefined ? "-" : r.engineFloorSeconds.toFixed(2),
    r.ratioToBothFloors === undefined ? "-" : r.ratioToBothFloors.toFixed(2),
    r.callBoundSeconds.toFixed(2),
    Object.entries(r.apiCalls).map(([action, n]) => `${action.replace("Caster", "")} ${n}`).join(", ") || "none",
    String(r.throttled),
    String(r.retries),
    r.providerBytesPerResource?.toString() ?? "-",
    r.stateFileBytes ? (r.stateFileBytes / 1024).toFixed(0) : "-",
    r.stateFileBytes && r.resources ? Math.round(r.stateFileBytes / r.resources).toString() : "-",
    r.peakProviderRssMb?.toString() ?? "-",
  ]);
  const header = ["scenario", "resources", "wall s", "floor s", "ratio", "engine floor s", "ratio to both floors", "call bound s", "API calls", "throttled", "retries", "provider B/res", "state KiB", "state B/res", "peak MB"];
  console.log(`| ${header.join(" | ")} |`);
  console.log(`|${header.map(() => "---").join("|")}|`);
  for (const row of rows) console.log(`| ${row.join(" | ")} |`);
  if (startupSeconds !== undefined) console.log(`\nEngine start-up (a pulumi up of bench/program with nothing to do), taken off the pulumi rows' ratios: ${startupSeconds.toFixed(2)} s`);

  const profiled = results.filter((r) => r.checkpoints);
  if (profiled.length > 0) {
    const head = ["scenario", "resources", "checkpoint writes", "MB written", "state B/res", "saveSnapshot CPU s", "ms per resource", "engine CPU s"];
    console.log(`\n| ${head.join(" | ")} |`);
    console.log(`|${head.map(() => "---").join("|")}|`);
    for (const r of profiled) {
      const c = r.checkpoints!;
      console.log(`| ${[r.scenario, r.resources, c.writes, (c.bytesWritten / 1e6).toFixed(1), c.stateBytesPerResource, c.saveCpuSeconds.toFixed(2), c.saveMsPerResource.toFixed(2), c.engineCpuSeconds.toFixed(2)].join(" | ")} |`);
    }
  }
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
