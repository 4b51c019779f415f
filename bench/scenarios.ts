import RPCClient from "@alicloud/pop-core";
import type * as dynamic from "@pulumi/pulumi/dynamic";
import * as fs from "node:fs";
import * as path from "node:path";
import { Action, API_VERSION, ParamsOf } from "../model/live-api";
import { DEMO_ACCOUNT } from "../emulator/gateway/accounts";
import { LiveClient } from "../provider/client/live-client";
import { configureProvider, liveClient } from "../provider/runtime";
import { videoResourceProvider } from "../provider/video-resource/provider";
import { PulumiStack } from "../test/helpers/pulumi-stack";
import { createStudioInUse } from "../test/helpers/studio-in-use";
import { checkpointProfile, profiledUp } from "./checkpoints";
import { EmulatorProcess } from "./emulator-process";
import { componentInputs, episodeInputs, layoutInputs, sourceInputs } from "./program/inputs";
import { layoutProvider } from "../provider/layout/provider";
import { componentProvider } from "../provider/component/provider";
import { episodeProvider } from "../provider/episode/provider";
import { exportStudio } from "../provider/export/export";
import { BIG_FILE_SHAPE, StudioShape } from "./big-studio-file";
import { callBoundSeconds, countByAction, operationSpans, peakProviderMemory, retriedCount, round, ScenarioResult, throttledCount, timeline } from "./measure";
import { OPERATIONS } from "../model/live-api";
import { LIGHTWEIGHT_CAROUSEL_DEMANDS, PLAYLIST_NORM_TYPE, VIRTUAL_STUDIO_NORM_TYPE } from "../model/api-facts";

/** The API's limits the benchmarks are measured against (model/live-api.ts). */
export const SOURCE_QPS = OPERATIONS.AddCasterVideoResource.qps;
/**
 * A studio is made by three writes, CreateCaster, SetCasterConfig and StartCaster, each limited
 * on its own: studios made side by side overlap them, so the slowest of the three sets the floor.
 */
export const STUDIO_QPS = Math.min(OPERATIONS.CreateCaster.qps, OPERATIONS.SetCasterConfig.qps, OPERATIONS.StartCaster.qps);

/** The program the pulumi scenarios run (bench/program), found from here as source or compiled. */
export const BENCH_PROGRAM = path.resolve(__dirname, __dirname.includes("dist-bench") ? "../../bench/program" : "program");

export interface Bench {
  emulator: EmulatorProcess;
  client: LiveClient;
}

/**
 * A second access key of the demo account (a RAM user's key, as a team's CI may hold several):
 * the emulator serves it beside the demo key (BENCH_ACCOUNTS), and the fleet signs with both, so
 * the shared limiter must take them as one account's budget.
 */
export const SECOND_KEY = { accessKeyId: "bench-second-key", accessKeySecret: "bench-second-secret", uid: DEMO_ACCOUNT.uid };
export const BENCH_ACCOUNTS = [DEMO_ACCOUNT, SECOND_KEY];

export function benchClient(endpoint: string): LiveClient {
  return new LiveClient({
    endpoint,
    regionId: "cn-shanghai",
    timeoutMs: 10_000,
    credentials: { accessKeyId: DEMO_ACCOUNT.accessKeyId, accessKeySecret: DEMO_ACCOUNT.accessKeySecret },
  });
}

/** A new studio with a domain of its own, as StartCaster and episode groups need (test/helpers/studio-in-use.ts). */
export function createStudio(bench: Bench, name: string): Promise<string> {
  return createStudioInUse(bench.client, name, `${name}-${process.pid}-${Date.now()}`);
}

/**
 * A lightweight carousel studio (NormType 3) as a playlist needs it: AddPlaylistItems' demands
 * (the official SDK's AddPlaylistItemsRequest: template lp_noTranscode, programEffect 1).
 */
export async function createPlaylistStudio(bench: Bench, name: string): Promise<string> {
  const reply = await bench.client.call("CreateCaster", {
    ClientToken: `${name}-${process.pid}-${Date.now()}`,
    NormType: PLAYLIST_NORM_TYPE,
    ChargeType: "PostPaid",
    CasterName: name,
    CasterTemplate: LIGHTWEIGHT_CAROUSEL_DEMANDS.casterTemplate,
  });
  const casterId = reply.CasterId!;
  await bench.client.call("SetCasterConfig", {
    CasterId: casterId, TranscodeConfig: JSON.stringify({ CasterTemplate: LIGHTWEIGHT_CAROUSEL_DEMANDS.casterTemplate }), ProgramEffect: LIGHTWEIGHT_CAROUSEL_DEMANDS.programEffect,
  });
  return casterId;
}

/** A virtual studio (NormType 4), the only kind that takes studio layouts (DescribeStudioLayouts' request model). */
export async function createVirtualStudio(bench: Bench, name: string): Promise<string> {
  const reply = await bench.client.call("CreateCaster", {
    ClientToken: `${name}-${process.pid}-${Date.now()}`, NormType: VIRTUAL_STUDIO_NORM_TYPE, ChargeType: "PostPaid", CasterName: name,
  });
  return reply.CasterId!;
}

function configureInProcess(endpoint: string): void {
  const values: Record<string, string> = { "alicloud-caster:endpoint": endpoint };
  configureProvider({ get: (key) => values[key] }, { accessKeyId: DEMO_ACCOUNT.accessKeyId, accessKeySecret: DEMO_ACCOUNT.accessKeySecret });
}

async function measured(
  bench: Bench,
  scenario: string,
  resources: number,
  floorSeconds: number,
  timelineAction: Action | undefined,
  work: () => Promise<{ retries?: number; extra?: Partial<ScenarioResult> }>,
  startupSeconds = 0,
): Promise<ScenarioResult> {
  await bench.emulator.clearCalls();
  const start = Date.now();
  const { retries, extra } = await work();
  const wallSeconds = (Date.now() - start) / 1000;
  const calls = await bench.emulator.calls();
  return {
    scenario,
    resources,
    wallSeconds: round(wallSeconds),
    floorSeconds: round(floorSeconds),
    ratio: floorSeconds > 0 ? round((wallSeconds - startupSeconds) / floorSeconds) : null,
    callBoundSeconds: round(callBoundSeconds(calls)),
    apiCalls: countByAction(calls),
    throttled: throttledCount(calls),
    retries: retries ?? retriedCount(calls),
    ...(startupSeconds > 0 ? { engineStartupSeconds: round(startupSeconds) } : {}),
    ...extra,
    spans: operationSpans(calls, start),
    ...(timelineAction ? { timeline: timeline(calls, timelineAction, start) } : {}),
  };
}

/** Creates through the provider's own create(), all at once, as the engine would ask for them. */
export function createSourcesInProcess(bench: Bench, scenario: string, studios: string[], perStudio: number): Promise<ScenarioResult> {
  configureInProcess(bench.emulator.url);
  const inputs = studios.flatMap((casterId, studio) => sourceInputs(casterId, perStudio, studio));
  return measured(bench, scenario, inputs.length, inputs.length / SOURCE_QPS, "AddCasterVideoResource", async () => {
    await Promise.all(inputs.map((input) => videoResourceProvider.create(input)));
    return { retries: liveClient().stats.retries };
  });
}

/**
 * Checks and creates each input through a kind's provider, all at once, as the engine would ask
 * for them, measured against `floorSeconds` (the least time the documented QPS allows for it).
 */
export function createInProcess(
  bench: Bench,
  scenario: string,
  provider: dynamic.ResourceProvider,
  inputs: object[],
  floorSeconds: number,
  timelineAction: Action,
): Promise<ScenarioResult> {
  configureInProcess(bench.emulator.url);
  return measured(bench, scenario, inputs.length, floorSeconds, timelineAction, async () => {
    await Promise.all(inputs.map(async (input) => {
      const checked = await provider.check!({}, input as Record<string, unknown>);
      if (checked.failures && checked.failures.length > 0) throw new Error(`bench inputs refused: ${JSON.stringify(checked.failures)}`);
      await provider.create!(checked.inputs);
    }));
    return { retries: liveClient().stats.retries };
  });
}

/** The scope stands in for the project, stack and name that the SDK gives each resource's ClientToken. */
export function withClientTokenScopes<T extends object>(inputs: T[], noun: string): (T & { clientTokenScope: string })[] {
  return inputs.map((args, i) => ({ ...args, clientTokenScope: `bench/${process.pid}/${Date.now()}/${noun}-${i + 1}` }));
}

/** A new studio with image sources at RV01–RV04, which layouts and episodes show. */
export async function studioWithSources(bench: Bench, name: string, sources = 4): Promise<{ casterId: string; resourceIds: string[] }> {
  const casterId = await createStudio(bench, name);
  const resourceIds: string[] = [];
  for (const input of sourceInputs(casterId, sources)) {
    const reply = await bench.client.call("AddCasterVideoResource", {
      CasterId: casterId, ResourceName: input.resourceName, LocationId: input.locationId, ImageUrl: input.imageUrl,
    });
    resourceIds.push(reply.ResourceId!);
  }
  return { casterId, resourceIds };
}

/** Studios in channel mode, each with `channels` image sources for its channels to play. */
export function channelModeStudios(bench: Bench, name: string, studios: number, channels: number): Promise<{ casterId: string; resourceIds: string[] }[]> {
  return Promise.all(Array.from({ length: studios }, async (_, i) => {
    const studio = await studioWithSources(bench, `${name}-${i + 1}`, channels);
    await bench.client.call("SetCasterConfig", { CasterId: studio.casterId, ChannelEnable: 1 });
    return studio;
  }));
}

/** Running studios (createStudio gives each a domain; a new studio has a template), each with one layout over its sources: what scene bindings bind. */
export function runningStudiosWithLayout(bench: Bench, name: string, studios: number): Promise<{ casterId: string; layoutId: string }[]> {
  configureInProcess(bench.emulator.url);
  return Promise.all(Array.from({ length: studios }, async (_, i) => {
    const { casterId } = await studioWithSources(bench, `${name}-${i + 1}`, 2);
    await bench.client.call("StartCaster", { CasterId: casterId });
    const checked = await layoutProvider.check!({}, { ...layoutInputs(casterId, 1)[0] } as Record<string, unknown>);
    const { outs } = await layoutProvider.create!(checked.inputs);
    return { casterId, layoutId: outs.layoutId as string };
  }));
}

/** A `pulumi up` with nothing to do on a fresh stack: the engine's fixed start-up on this machine. */
export async function engineStartup(bench: Bench): Promise<number> {
  const stack = await PulumiStack.create("bench-startup", { env: envFor(bench), projectDir: BENCH_PROGRAM });
  try {
    const start = Date.now();
    const result = await stack.up();
    if (result.code !== 0) throw new Error(result.output);
    return (Date.now() - start) / 1000;
  } finally {
    await stack.remove();
  }
}

/**
 * The engine's floor for a `pulumi up` of `count` resources: the same program and shape, each
 * resource's provider answering at once with no call (bench/program `noOpResources`), start-up
 * included. A pulumi scenario over (its QPS floor + this) is what our provider adds.
 */
export async function engineFloor(bench: Bench, count: number, upArgs: string[] = []): Promise<number> {
  const stack = await PulumiStack.create("bench-engine-floor", { env: envFor(bench), projectDir: BENCH_PROGRAM });
  try {
    await stack.setConfig("noOpResources", String(count));
    const start = Date.now();
    const result = await stack.up(upArgs);
    if (result.code !== 0) throw new Error(result.output);
    return round((Date.now() - start) / 1000);
  } finally {
    await stack.remove();
  }
}

export function envFor(bench: Bench): Record<string, string> {
  return {
    ALICLOUD_CASTER_ENDPOINT: bench.emulator.url,
    ALIBABA_CLOUD_ACCESS_KEY_ID: DEMO_ACCOUNT.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEMO_ACCOUNT.accessKeySecret,
  };
}

/** Runs a pulumi command and measures it, with the state and memory figures of pulumi runs. */
export async function pulumiRun(
  bench: Bench,
  stack: PulumiStack,
  scenario: string,
  resources: number,
  floorSeconds: number,
  args: string[],
  options: { startupSeconds?: number; timelineAction?: Action; engineFloorSeconds?: number } = {},
): Promise<ScenarioResult> {
  let peak = 0;
  const result = await measured(bench, scenario, resources, floorSeconds, options.timelineAction, async () => {
    const { result: run, peakMb } = await peakProviderMemory(() => stack.run(args));
    peak = peakMb;
    if (run.code !== 0) throw new Error(`${scenario}: pulumi ${args[0]} failed:\n${run.output.slice(-3000)}`);
    return {};
  }, options.startupSeconds ?? 0);
  const state = stack.stateFileText();
  const resourcesInState = (JSON.parse(state).checkpoint.latest?.resources ?? []) as { inputs?: { __provider?: string } }[];
  const withProvider = resourcesInState.filter((resource) => resource.inputs?.__provider);
  const engineFloor = options.engineFloorSeconds;
  return {
    ...result,
    ...(engineFloor !== undefined ? { engineFloorSeconds: engineFloor, ratioToBothFloors: round(result.wallSeconds / (floorSeconds + engineFloor)) } : {}),
    stateFileBytes: Buffer.byteLength(state),
    providerBytesPerResource: withProvider.length > 0 ? Buffer.byteLength(withProvider[0].inputs!.__provider!) : undefined,
    peakProviderRssMb: peak || undefined,
  };
}

/**
 * The same creates the way Terraform's alicloud provider makes them: 10 workers, no client-side
 * rate limit, a throttled call retried after a flat 3 s and then every 5 s; each create read back.
 */
export function terraformStyleBaseline(bench: Bench, scenario: string, casterId: string, count: number): Promise<ScenarioResult> {
  const rpc = new RPCClient({
    endpoint: bench.emulator.url,
    apiVersion: API_VERSION,
    accessKeyId: DEMO_ACCOUNT.accessKeyId,
    accessKeySecret: DEMO_ACCOUNT.accessKeySecret,
  });
  const call = async <A extends Action>(action: A, params: ParamsOf<A>) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await rpc.request(action, params, { method: "POST" });
      } catch (error) {
        if (!/Throttling|ServiceUnavailable/.test((error as { code?: string }).code ?? "")) throw error;
        await new Promise((resolve) => setTimeout(resolve, attempt === 0 ? 3000 : 5000));
      }
    }
  };
  const queue = sourceInputs(casterId, count, 99);
  return measured(bench, scenario, count, count / SOURCE_QPS, "AddCasterVideoResource", async () => {
    await Promise.all(Array.from({ length: 10 }, async () => {
      for (let input = queue.shift(); input; input = queue.shift()) {
        await call("AddCasterVideoResource", {
          CasterId: input.casterId, ResourceName: input.resourceName, LocationId: input.locationId, ImageUrl: input.imageUrl,
        });
        await call("DescribeCasterVideoResources", { CasterId: input.casterId });
      }
    }));
    return {};
  });
}

export function writeJson(file: string, value: unknown): void {
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + "\n");
}

/**
 * A `pulumi up` with the file backend's checkpoints counted and profiled (bench/checkpoints.ts).
 * The profiling adds work, so the run's ratio is left out: only its checkpoint figures are results.
 */
export async function profiledPulumiUp(bench: Bench, stack: PulumiStack, scenario: string, resources: number, profileDir: string): Promise<ScenarioResult> {
  let counted = { writes: 0, bytesWritten: 0 };
  const result = await measured(bench, scenario, resources, 0, undefined, async () => {
    counted = await profiledUp(stack, profileDir);
    return {};
  });
  return { ...result, stateFileBytes: Buffer.byteLength(stack.stateFileText()), checkpoints: checkpointProfile(stack, resources, profileDir, counted) };
}

/**
 * The API calls `caster-studio export` makes of a running studio of the big studio file's shape
 * (BIG_FILE_SHAPE: 99 sources, 99 components, 50 layouts, 300 episodes), by operation: the studio
 * is built with plain calls and the providers in-process (not measured), then exported.
 */
export async function exportCallsOfBigStudio(bench: Bench): Promise<Record<string, number>> {
  const { casterId } = await studioWithSources(bench, "big-export", BIG_FILE_SHAPE.sources);
  configureInProcess(bench.emulator.url);
  const make = (provider: dynamic.ResourceProvider, inputs: object[]) => Promise.all(inputs.map(async (input) => {
    const checked = await provider.check!({}, input as Record<string, unknown>);
    if (checked.failures && checked.failures.length > 0) throw new Error(`big studio inputs refused: ${JSON.stringify(checked.failures)}`);
    await provider.create!(checked.inputs);
  }));
  await Promise.all([
    make(componentProvider, componentInputs(casterId, BIG_FILE_SHAPE.components)),
    make(layoutProvider, layoutInputs(casterId, BIG_FILE_SHAPE.layouts)),
    make(episodeProvider, episodeInputs(casterId, BIG_FILE_SHAPE.episodes)),
  ]);
  await bench.client.call("StartCaster", { CasterId: casterId });
  await bench.emulator.clearCalls();
  await exportStudio(bench.client, casterId);
  return countByAction(await bench.emulator.calls());
}

/**
 * The least time the documented QPS allows for a whole new studio (model/live-api.ts): its three
 * writes first, one after another (everything in it waits for its CasterId, the scenes for
 * StartCaster), then its sources, layouts, components, episodes and the two scene bindings side by
 * side, each operation limited on its own: the slowest of them.
 */
export function wholeStudioFloorSeconds(shape: StudioShape): number {
  const perSecond = (action: keyof typeof OPERATIONS) => OPERATIONS[action].qps;
  const studio = 1 / perSecond("CreateCaster") + 1 / perSecond("SetCasterConfig") + 1 / perSecond("StartCaster");
  const contents = Math.max(
    shape.sources / perSecond("AddCasterVideoResource"),
    shape.layouts / perSecond("AddCasterLayout"),
    shape.components / perSecond("AddCasterComponent"),
    shape.episodes / perSecond("AddCasterEpisode"),
    2 / perSecond("SetCasterSceneConfig"),
  );
  return studio + contents;
}
