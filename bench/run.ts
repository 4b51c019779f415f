import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { PulumiStack } from "../test/helpers/pulumi-stack";
import { timelineChart } from "./chart";
import { EmulatorProcess } from "./emulator-process";
import { ScenarioResult } from "./measure";
import {
  benchClient,
  Bench,
  createGroupsInProcess,
  createSourcesInProcess,
  createStudio,
  engineStartup,
  envFor,
  GROUP_QPS,
  groupInputs,
  pulumiRun,
  SOURCE_QPS,
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
    },
  });
  // --only TEXT runs the scenarios whose name contains TEXT (and what they need), for profiling.
  const selected = (scenario: string) => values.only === undefined || scenario.includes(values.only);
  const quick = values.quick ?? false;
  const latencyMs = Number(values["latency-ms"]);
  const sources = quick ? 20 : 99;

  process.env.CASTER_TEST_PULUMI_BIN = execFileSync("bash", [path.join(ROOT, "tools/install-pulumi.sh")], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }).trim().split("\n").pop();

  const emulator = await EmulatorProcess.start(latencyMs);
  const bench: Bench = { emulator, client: benchClient(emulator.url) };
  const results: ScenarioResult[] = [];
  const stacks: PulumiStack[] = [];
  const report = (result: ScenarioResult) => {
    results.push(result);
    console.error(`  ${result.scenario}: ${result.wallSeconds} s`);
  };
  const newStack = async (name: string) => {
    const stack = await PulumiStack.create(name, { env: envFor(bench) });
    stacks.push(stack);
    return stack;
  };

  try {
    console.error(`bench: emulator at ${emulator.url}, ${latencyMs} ms per call${quick ? ", quick" : ""}`);
    if (selected(`${sources} sources, in-process`)) {
      report(await createSourcesInProcess(bench, `${sources} sources, in-process`, [await createStudio(bench, "in-process")], sources));
    }
    if (!quick && selected("baseline")) {
      report(await terraformStyleBaseline(bench, `${sources} sources, Terraform-style baseline`, await createStudio(bench, "baseline"), sources));
    }

    const startup = await engineStartup(bench);
    const stack = await newStack("bench-sources");
    await stack.setConfigObject("generatedStudios", [await createStudio(bench, "pulumi")]);
    await stack.setConfig("sourcesPerStudio", String(sources));
    const sourcesStack = selected("pulumi") || selected(`${sources} sources`);
    if (sourcesStack) {
      report(await pulumiRun(bench, stack, `${sources} sources, pulumi up`, sources, sources / SOURCE_QPS, stack.upArgs(), {
        startupSeconds: startup,
        timelineAction: "AddCasterVideoResource",
      }));
      report(await pulumiRun(bench, stack, `no-op pulumi up, ${sources} sources`, sources, 0, stack.upArgs()));
      report(await pulumiRun(bench, stack, `pulumi preview, ${sources} sources`, sources, 0, stack.argsFor("preview")));
      report(await pulumiRun(bench, stack, `pulumi refresh, ${sources} sources`, sources, 0, stack.argsFor("refresh")));
    }

    if (!quick) {
      const studios = async (prefix: string) => Promise.all(Array.from({ length: 10 }, (_, i) => createStudio(bench, `${prefix}-${i}`)));
      if (selected("990 sources (10 studios), in-process")) {
        report(await createSourcesInProcess(bench, "990 sources (10 studios), in-process", await studios("many-in-process"), 99));
      }
      if (selected("990 sources (10 studios), pulumi up")) {
        const many = await newStack("bench-many");
        await many.setConfigObject("generatedStudios", await studios("many-pulumi"));
        await many.setConfig("sourcesPerStudio", "99");
        report(await pulumiRun(bench, many, "990 sources (10 studios), pulumi up", 990, 990 / SOURCE_QPS, many.upArgs(), {
          startupSeconds: startup,
          timelineAction: "AddCasterVideoResource",
        }));
      }
      if (selected("episode groups")) {
        report(await createGroupsInProcess(bench, "20 episode groups, in-process", await createStudio(bench, "groups-in-process"), 20));
        const groups = await newStack("bench-groups");
      const groupStudio = await createStudio(bench, "groups-pulumi");
      await groups.setConfigObject("episodeGroups", Object.fromEntries(
        groupInputs(groupStudio, 20).map(({ clientTokenScope: _scope, ...args }, i) => [`group-${i + 1}`, args])));
        report(await pulumiRun(bench, groups, "20 episode groups, pulumi up", 20, 20 / GROUP_QPS, groups.upArgs(), {
          startupSeconds: startup,
          timelineAction: "AddCasterEpisodeGroup",
        }));
      }

      if (sourcesStack) report(await pulumiRun(bench, stack, `pulumi destroy, ${sources} sources`, sources, sources / SOURCE_QPS, stack.argsFor("destroy"), {
        startupSeconds: startup,
        timelineAction: "DeleteCasterVideoResource",
      }));
    }
  } finally {
    await Promise.all(stacks.map((stack) => stack.remove()));
    emulator.stop();
  }

  printTable(results);
  const resultsDir = values.results === undefined ? DEFAULT_RESULTS : path.resolve(values.results);
  fs.mkdirSync(resultsDir, { recursive: true });
  const name = quick ? "quick" : values.only !== undefined ? "only" : "latest";
  writeJson(path.join(resultsDir, `${name}.json`), {
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    latencyMs,
    scenarios: results,
  });
  const creates = results.filter((result) => /^\d+ sources, (in-process|pulumi up|Terraform-style baseline)$/.test(result.scenario));
  fs.writeFileSync(path.join(resultsDir, `${name}.svg`), timelineChart(creates, SOURCE_QPS, `Creating ${sources} video sources: AddCasterVideoResource calls completed`));
  console.error(`bench: wrote ${path.relative(process.cwd(), path.join(resultsDir, name))}.json and ${name}.svg`);
}

function printTable(results: ScenarioResult[]): void {
  const rows = results.map((r) => [
    r.scenario,
    String(r.resources),
    r.wallSeconds.toFixed(2),
    r.floorSeconds.toFixed(2),
    r.ratio === null ? "-" : r.ratio.toFixed(2),
    Object.entries(r.apiCalls).map(([action, n]) => `${action.replace("Caster", "")} ${n}`).join(", ") || "none",
    String(r.throttled),
    String(r.retries),
    r.providerBytesPerResource?.toString() ?? "-",
    r.stateFileBytes ? (r.stateFileBytes / 1024).toFixed(0) : "-",
    r.peakProviderRssMb?.toString() ?? "-",
  ]);
  const header = ["scenario", "resources", "wall s", "floor s", "ratio", "API calls", "throttled", "retries", "provider B/res", "state KiB", "peak MB"];
  console.log(`| ${header.join(" | ")} |`);
  console.log(`|${header.map(() => "---").join("|")}|`);
  for (const row of rows) console.log(`| ${row.join(" | ")} |`);
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
