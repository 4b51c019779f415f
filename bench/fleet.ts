import { spawn } from "node:child_process";
import * as path from "node:path";
import type { CallRecord } from "../emulator";
import { findRedisServer, REDIS_INSTALL_HINT, RunningRedis, startRedisServer } from "../test/helpers/redis-server";
import { PulumiStack } from "../test/helpers/pulumi-stack";
import { callBoundSeconds, countByAction, round, ScenarioResult, throttledCount } from "./measure";
import { Bench, BENCH_PROGRAM, createStudio, envFor, SECOND_KEY, SOURCE_QPS } from "./scenarios";

/**
 * Fleet: several stacks on ONE account at once, each in processes of its own (parallel CI jobs,
 * one stack per studio). The API's QPS is per account, so the account-wide floor is all the
 * fleet's creates ÷ QPS. Measured both ways: each process with its own limiter (the default, each
 * believing it owns the whole budget), and the budget shared through Redis
 * (alicloud-caster:rateLimitRedisUrl) with a redis-server the benchmark starts and stops.
 *   - "processes": N node processes, each running the provider in-process (bench/fleet-worker.ts);
 *     the limiter's part alone, without the engine.
 *   - "pulumi up": N real `pulumi up` at once, one stack each.
 *   - at scale (full runs): 10 real `pulumi up` × 99 sources with the shared limiter, every other
 *     stack signing with a second key of the account: one account's budget, whichever key signs.
 */

const WORKER = path.resolve(__dirname, "fleet-worker.js");

export type FleetLimiter = "own limiter per process" | "shared Redis limiter";

export interface FleetResult extends ScenarioResult {
  fleet: {
    kind: "processes" | "pulumi up";
    stacks: number;
    sourcesPerStack: number;
    limiter: FleetLimiter;
    /** Every reply the emulator gave during the run, throttled or not. */
    replies: number;
    /** throttled ÷ replies. */
    throttledShare: number;
    /**
     * From the first accepted create to the last, all processes together: the pace once every
     * process is up, apart from process and engine start-up. The floor for it is (creates - 1) ÷ QPS.
     */
    createSpanSeconds: number;
    /** When the first create was accepted, from the start: start-up, and for pulumi up the program and plugins. */
    firstCreateSeconds: number;
    /**
     * Taken off the wall time for the ratio: the same number of parallel `pulumi up` with nothing
     * to create, or of worker processes that create nothing.
     */
    fleetStartupSeconds?: number;
  };
}

export interface FleetOptions {
  quick: boolean;
  log?: (line: string) => void;
}

/**
 * The fleet scenarios: in --quick, 3 processes × 10 sources both ways and 2 `pulumi up` × 10 with
 * the shared limiter (a smoke run); otherwise 5 × 40 both ways, as processes and as `pulumi up`.
 * Without redis-server they are skipped, with the reason printed.
 */
export async function fleetScenarios(bench: Bench, options: FleetOptions): Promise<FleetResult[]> {
  const log = options.log ?? ((line: string) => console.error(line));
  const lookup = findRedisServer();
  if (!lookup.found) {
    log(`  fleet: skipped: ${lookup.reason}; ${REDIS_INSTALL_HINT}`);
    return [];
  }
  const redis = await startRedisServer();
  const results: FleetResult[] = [];
  const report = (result: FleetResult) => {
    results.push(result);
    log(`  ${result.scenario}: ${result.wallSeconds} s, ratio ${result.ratio}, throttled ${result.throttled}/${result.fleet.replies}`);
  };
  try {
    const processes = options.quick ? { stacks: 3, perStack: 10 } : { stacks: 5, perStack: 40 };
    for (const limiter of ["own limiter per process", "shared Redis limiter"] as const) {
      report(await fleetOfProcesses(bench, redis, processes.stacks, processes.perStack, limiter));
    }
    const ups = options.quick ? { stacks: 2, perStack: 10 } : { stacks: 5, perStack: 40 };
    const startup = await fleetStartup(bench, ups.stacks);
    const limiters: FleetLimiter[] = options.quick ? ["shared Redis limiter"] : ["own limiter per process", "shared Redis limiter"];
    for (const limiter of limiters) report(await fleetOfPulumiUps(bench, redis, ups.stacks, ups.perStack, limiter, startup));
    if (!options.quick) {
      const scale = { stacks: 10, perStack: 99 };
      report(await fleetOfPulumiUps(bench, redis, scale.stacks, scale.perStack, "shared Redis limiter", await fleetStartup(bench, scale.stacks), { twoKeys: true }));
    }
  } finally {
    await redis.stop();
  }
  return results;
}

/** N processes running the provider in-process, started together, one studio each. */
async function fleetOfProcesses(bench: Bench, redis: RunningRedis, stacks: number, perStack: number, limiter: FleetLimiter): Promise<FleetResult> {
  const studios = await Promise.all(Array.from({ length: stacks }, (_, i) => createStudio(bench, `fleet-processes-${i}`)));
  const scenario = `fleet ${stacks} × ${perStack} sources, processes, ${limiter}`;
  const workers = (count: number) =>
    Promise.all(studios.map((casterId, i) => {
      const args = [WORKER, bench.emulator.url, casterId, String(count), String(i)];
      if (limiter === "shared Redis limiter") args.push(redis.url);
      return runWorker(args);
    })).then(() => undefined);
  // The same processes with nothing to create: node's start and the modules' loading, N at once.
  const start = Date.now();
  await workers(0);
  const startupSeconds = (Date.now() - start) / 1000;
  return measureFleet(bench, scenario, "processes", stacks, perStack, limiter, startupSeconds, () => workers(perStack));
}

/** N real `pulumi up`, started together, one stack and one studio each. */
async function fleetOfPulumiUps(
  bench: Bench,
  redis: RunningRedis,
  count: number,
  perStack: number,
  limiter: FleetLimiter,
  startupSeconds: number,
  options: { twoKeys?: boolean } = {},
): Promise<FleetResult> {
  const stacks = await Promise.all(Array.from({ length: count }, async (_, i) => {
    const stack = await PulumiStack.create(`bench-fleet-${i}`, { env: envFor(bench), projectDir: BENCH_PROGRAM });
    if (options.twoKeys && i % 2 === 1) stack.setEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: SECOND_KEY.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECOND_KEY.accessKeySecret });
    await stack.setConfigObject("generatedStudios", [await createStudio(bench, `fleet-pulumi-${i}`)]);
    await stack.setConfig("sourcesPerStudio", String(perStack));
    // The setting as a user gives it: one stack config key.
    if (limiter === "shared Redis limiter") await stack.setConfig("alicloud-caster:rateLimitRedisUrl", redis.url);
    return stack;
  }));
  try {
    const scenario = `fleet ${count} × ${perStack} sources, pulumi up, ${limiter}${options.twoKeys ? ", two keys of one account" : ""}`;
    return await measureFleet(bench, scenario, "pulumi up", count, perStack, limiter, startupSeconds, async () => {
      const runs = await Promise.all(stacks.map((stack) => stack.run(stack.upArgs())));
      const failed = runs.find((run) => run.code !== 0);
      if (failed) throw new Error(`${scenario}: a pulumi up failed:\n${failed.output.slice(-3000)}`);
    });
  } finally {
    await Promise.all(stacks.map((stack) => stack.remove()));
  }
}

/** N parallel `pulumi up` of stacks with nothing to create: the engines' own start-up when N run at once. */
async function fleetStartup(bench: Bench, count: number): Promise<number> {
  const stacks = await Promise.all(Array.from({ length: count }, (_, i) => PulumiStack.create(`bench-fleet-startup-${i}`, { env: envFor(bench), projectDir: BENCH_PROGRAM })));
  try {
    const start = Date.now();
    const runs = await Promise.all(stacks.map((stack) => stack.up()));
    const failed = runs.find((run) => run.code !== 0);
    if (failed) throw new Error(failed.output);
    return (Date.now() - start) / 1000;
  } finally {
    await Promise.all(stacks.map((stack) => stack.remove()));
  }
}

async function measureFleet(
  bench: Bench,
  scenario: string,
  kind: FleetResult["fleet"]["kind"],
  stacks: number,
  perStack: number,
  limiter: FleetLimiter,
  startupSeconds: number,
  work: () => Promise<void>,
): Promise<FleetResult> {
  await bench.emulator.clearCalls();
  const start = Date.now();
  await work();
  const wallSeconds = (Date.now() - start) / 1000;
  const calls: CallRecord[] = await bench.emulator.calls();
  const creates = stacks * perStack;
  const floorSeconds = creates / SOURCE_QPS;
  const throttled = throttledCount(calls);
  return {
    scenario,
    resources: creates,
    wallSeconds: round(wallSeconds),
    floorSeconds: round(floorSeconds),
    ratio: round((wallSeconds - startupSeconds) / floorSeconds),
    callBoundSeconds: round(callBoundSeconds(calls)),
    apiCalls: countByAction(calls),
    throttled,
    retries: throttled,
    fleet: {
      kind,
      stacks,
      sourcesPerStack: perStack,
      limiter,
      replies: calls.length,
      createSpanSeconds: round(createSpan(calls)),
      firstCreateSeconds: round((Math.min(...acceptedCreates(calls)) - start) / 1000),
      throttledShare: calls.length > 0 ? Math.round((throttled / calls.length) * 10_000) / 10_000 : 0,
      ...(startupSeconds > 0 ? { fleetStartupSeconds: round(startupSeconds) } : {}),
    },
  };
}

function acceptedCreates(calls: CallRecord[]): number[] {
  return calls.filter((call) => call.action === "AddCasterVideoResource" && call.httpStatus === 200).map((call) => Date.parse(call.at));
}

function createSpan(calls: CallRecord[]): number {
  const accepted = acceptedCreates(calls);
  return accepted.length > 1 ? (Math.max(...accepted) - Math.min(...accepted)) / 1000 : 0;
}

function runWorker(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    child.on("exit", (code) => (code === 0 ? resolve(stdout) : reject(new Error(`fleet worker exited with ${code}: ${stderr.slice(-2000)}`))));
  });
}

/** The fleet's own table: the account-wide ratio and the share of throttled replies. */
export function printFleetTable(results: FleetResult[]): void {
  console.log("| scenario | creates | wall s | account floor s | fleet start-up s | ratio | first create at s | first to last create s (floor) | throttled / replies |");
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const r of results) {
    const share = `${r.throttled} / ${r.fleet.replies} (${(r.fleet.throttledShare * 100).toFixed(1)}%)`;
    const span = `${r.fleet.createSpanSeconds.toFixed(2)} (${((r.resources - 1) / SOURCE_QPS).toFixed(2)})`;
    console.log(`| ${r.scenario} | ${r.resources} | ${r.wallSeconds.toFixed(2)} | ${r.floorSeconds.toFixed(2)} | ${r.fleet.fleetStartupSeconds?.toFixed(2) ?? "-"} | ${r.ratio?.toFixed(2) ?? "-"} | ${r.fleet.firstCreateSeconds.toFixed(2)} | ${span} | ${share} |`);
  }
}
