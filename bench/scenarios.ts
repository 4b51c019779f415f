import RPCClient from "@alicloud/pop-core";
import * as fs from "node:fs";
import { API_VERSION } from "../spec/live-api";
import { DEMO_ACCOUNT } from "../emulator/gateway/accounts";
import { LiveClient } from "../provider/client/live-client";
import { episodeGroupProvider } from "../provider/episode-group/provider";
import { configureProvider, liveClient } from "../provider/runtime";
import { videoResourceProvider } from "../provider/video-resource/provider";
import { PulumiStack } from "../test/helpers/pulumi-stack";
import { EmulatorProcess } from "./emulator-process";
import { countByAction, peakProviderMemory, retriedCount, ScenarioResult, throttledCount, timeline } from "./measure";
import { OPERATIONS } from "../spec/live-api";

/** The API's limits the benchmarks are measured against (spec/live-api.ts). */
export const SOURCE_QPS = OPERATIONS.AddCasterVideoResource.qps;
export const GROUP_QPS = OPERATIONS.AddCasterEpisodeGroup.qps;

export interface Bench {
  emulator: EmulatorProcess;
  client: LiveClient;
}

export function benchClient(endpoint: string): LiveClient {
  return new LiveClient({
    endpoint,
    regionId: "cn-shanghai",
    timeoutMs: 10_000,
    credentials: { accessKeyId: DEMO_ACCOUNT.accessKeyId, accessKeySecret: DEMO_ACCOUNT.accessKeySecret },
  });
}

export async function createStudio(bench: Bench, name: string): Promise<string> {
  const reply = await bench.client.call<{ CasterId: string }>("CreateCaster", {
    ClientToken: `${name}-${process.pid}-${Date.now()}`,
    NormType: 1,
    ChargeType: "PostPaid",
    CasterName: name,
  });
  return reply.CasterId;
}

export function sourceInputs(casterId: string, count: number, studio = 0) {
  return Array.from({ length: count }, (_, i) => ({
    casterId,
    resourceName: `Studio ${studio} source ${i + 1}`,
    locationId: `RV${String(i + 1).padStart(2, "0")}`,
    imageUrl: `https://media.example.com/stills/${studio}/${i + 1}.png`,
  }));
}

export function groupInputs(casterId: string, count: number) {
  return Array.from({ length: count }, (_, i) => ({
    casterId,
    startTime: `2030-06-01T${String(i % 24).padStart(2, "0")}:00:00Z`,
    repeatNum: -1 as const,
    items: [{ itemName: `Group ${i + 1}`, vodUrl: `https://media.example.com/groups/${i + 1}.mp4` }],
    clientTokenScope: `bench/${process.pid}/group-${i + 1}`,
  }));
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
  timelineAction: string | undefined,
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
    apiCalls: countByAction(calls),
    throttled: throttledCount(calls),
    retries: retries ?? retriedCount(calls),
    ...(startupSeconds > 0 ? { engineStartupSeconds: round(startupSeconds) } : {}),
    ...extra,
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

export function createGroupsInProcess(bench: Bench, scenario: string, casterId: string, count: number): Promise<ScenarioResult> {
  configureInProcess(bench.emulator.url);
  const inputs = groupInputs(casterId, count);
  return measured(bench, scenario, count, count / GROUP_QPS, "AddCasterEpisodeGroup", async () => {
    await Promise.all(inputs.map(async (input) => episodeGroupProvider.create((await episodeGroupProvider.check({}, input)).inputs as never)));
    return { retries: liveClient().stats.retries };
  });
}

/** A `pulumi up` with nothing to do on a fresh stack: the engine's fixed start-up on this machine. */
export async function engineStartup(bench: Bench): Promise<number> {
  const stack = await PulumiStack.create("bench-startup", { env: envFor(bench) });
  try {
    const start = Date.now();
    const result = await stack.up();
    if (result.code !== 0) throw new Error(result.output);
    return (Date.now() - start) / 1000;
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
  options: { startupSeconds?: number; timelineAction?: string } = {},
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
  return {
    ...result,
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
  const call = async (action: string, params: Record<string, string>) => {
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

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export function writeJson(file: string, value: unknown): void {
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + "\n");
}
