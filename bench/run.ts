import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { PulumiStack } from "../test/helpers/pulumi-stack";
import { timelineChart } from "./chart";
import { EmulatorProcess } from "./emulator-process";
import { fleetScenarios, printFleetTable } from "./fleet";
import { BIG_FILE_SHAPE, BigFileTiming, timeBigStudioFile } from "./big-studio-file";
import { Action } from "../model/live-api";
import { ScenarioResult } from "./measure";
import {
  BENCH_PROGRAM,
  benchClient,
  Bench,
  BENCH_ACCOUNTS,
  COMPONENT_QPS,
  createComponentsInProcess,
  createEpisodesInProcess,
  createGroupsInProcess,
  createLayoutsInProcess,
  createSourcesInProcess,
  createStudio,
  createStudiosInProcess,
  engineFloor,
  engineStartup,
  envFor,
  EPISODE_QPS,
  GROUP_QPS,
  LAYOUT_QPS,
  profiledPulumiUp,
  pulumiRun,
  SOURCE_QPS,
  STUDIO_QPS,
  studioWithSources,
  terraformStyleBaseline,
  writeJson,
} from "./scenarios";

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
  // Each kind at a count whose floor is some 5-10 s in the full run (a few seconds' work is mostly latency, not pace).
  const counts = quick
    ? { studios: 5, layouts: 20, components: 20, episodes: 8, groups: 8 }
    : { studios: 50, layouts: 99, components: 99, episodes: 40, groups: 20 };

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
    const studiosScenario = `${counts.studios} studios (create + configure + start)`;
    const kinds: { name: string; count: number; qps: number; action: Action; config: () => Record<string, unknown> | Promise<Record<string, unknown>> }[] = [
      { name: studiosScenario, count: counts.studios, qps: STUDIO_QPS, action: "StartCaster", config: () => ({ studios: counts.studios }) },
      { name: `${counts.layouts} layouts`, count: counts.layouts, qps: LAYOUT_QPS, action: "AddCasterLayout", config: async () => ({ casterId: await studioWithSources(bench, "layouts-pulumi"), layouts: counts.layouts }) },
      { name: `${counts.components} components`, count: counts.components, qps: COMPONENT_QPS, action: "AddCasterComponent", config: async () => ({ casterId: await studioWithSources(bench, "components-pulumi"), components: counts.components }) },
      { name: `${counts.episodes} episodes`, count: counts.episodes, qps: EPISODE_QPS, action: "AddCasterEpisode", config: async () => ({ casterId: await studioWithSources(bench, "episodes-pulumi"), episodes: counts.episodes }) },
      { name: `${counts.groups} episode groups`, count: counts.groups, qps: GROUP_QPS, action: "AddCasterEpisodeGroup", config: async () => ({ casterId: await createStudio(bench, "groups-pulumi"), episodeGroups: counts.groups }) },
    ];
    if (selected(`${studiosScenario}, in-process`)) report(await createStudiosInProcess(bench, `${studiosScenario}, in-process`, counts.studios));
    if (selected(`${counts.layouts} layouts, in-process`)) {
      report(await createLayoutsInProcess(bench, `${counts.layouts} layouts, in-process`, await studioWithSources(bench, "layouts-in-process"), counts.layouts));
    }
    if (selected(`${counts.components} components, in-process`)) {
      report(await createComponentsInProcess(bench, `${counts.components} components, in-process`, await studioWithSources(bench, "components-in-process"), counts.components));
    }
    if (selected(`${counts.episodes} episodes, in-process`)) {
      report(await createEpisodesInProcess(bench, `${counts.episodes} episodes, in-process`, await studioWithSources(bench, "episodes-in-process"), counts.episodes));
    }
    if (selected(`${counts.groups} episode groups, in-process`)) {
      report(await createGroupsInProcess(bench, `${counts.groups} episode groups, in-process`, await createStudio(bench, "groups-in-process"), counts.groups));
    }
    // The quick run (CI's smoke test) proves that the program declares every kind with one `pulumi up`.
    if (quick && selected("every kind, pulumi up")) {
      const casterId = await studioWithSources(bench, "every-kind");
      const stack = await newStack("bench-every-kind", { studios: 2, casterId, layouts: 5, components: 5, episodes: 3, episodeGroups: 3 });
      report(await pulumiRun(bench, stack, "every kind (2 studios, 5 layouts, 5 components, 3 episodes, 3 groups), pulumi up", 18, 0, stack.upArgs()));
    }
    for (const kind of quick ? [] : kinds) {
      const scenario = `${kind.name}, pulumi up`;
      if (!selected(scenario)) continue;
      const stack = await newStack("bench-kind", await kind.config());
      report(await pulumiRun(bench, stack, scenario, kind.count, kind.count / kind.qps, stack.upArgs(), {
        startupSeconds: await startupOnce(),
        engineFloorSeconds: await engineFloorFor(kind.count),
        timelineAction: kind.action,
      }));
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
    ...(bigFile ? { bigStudioFile: { shape: BIG_FILE_SHAPE, seconds: Object.fromEntries(bigFile.map(({ step, seconds }) => [step, Number(seconds.toFixed(3))])) } } : {}),
  });
  if (bigFile) {
    console.log(`\n| big studio file (${Object.entries(BIG_FILE_SHAPE).map(([what, n]) => `${n} ${what}`).join(", ")}) | s |\n|---|---|`);
    for (const { step, seconds } of bigFile) console.log(`| ${step} | ${seconds.toFixed(3)} |`);
  }
  const creates = results.filter((result) => /^\d+ sources, (in-process|pulumi up|Terraform-style baseline)$/.test(result.scenario) && result.resources === sources);
  fs.writeFileSync(path.join(resultsDir, `${name}.svg`), timelineChart(creates, SOURCE_QPS, `Creating ${sources} video sources: AddCasterVideoResource calls completed`));
  console.error(`bench: wrote ${path.relative(process.cwd(), path.join(resultsDir, name))}.json and ${name}.svg${profileDir ? `; Pulumi's profiles are in ${profileDir}` : ""}`);
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
