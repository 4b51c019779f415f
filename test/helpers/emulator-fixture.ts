import { LiveClient } from "../../provider/client/live-client";
import { configureProvider } from "../../provider/runtime";
import { declaresParameter, operationSpec } from "../../model/live-api";
import { DEMO_ACCOUNT, RunningEmulator, startEmulator } from "../../emulator";
import { EmulatorOptions } from "../../emulator/server";

export interface EmulatorFixture {
  emulator: RunningEmulator;
  client: LiveClient;
  /** The environment that points a provider at this emulator with the demo account. */
  env: Record<string, string>;
  createCaster(name?: string): Promise<string>;
  /** The video sources of a studio, as the emulator holds them. */
  sources(casterId: string): { resourceId: string; locationId: string; resourceName: string }[];
  /** Calls that changed or could change something (everything but Describe*). */
  mutatingCalls(): string[];
  /** `Action Parameter` for every parameter sent so far that model/live-api.ts does not declare. */
  undeclaredParameters(): string[];
  close(): Promise<void>;
}

export async function startEmulatorFixture(options: EmulatorOptions = {}): Promise<EmulatorFixture> {
  const emulator = await startEmulator(options);
  const client = new LiveClient({
    endpoint: emulator.url,
    regionId: "cn-shanghai",
    timeoutMs: 10_000,
    credentials: { accessKeyId: DEMO_ACCOUNT.accessKeyId, accessKeySecret: DEMO_ACCOUNT.accessKeySecret },
  });
  let studios = 0;
  return {
    emulator,
    client,
    env: {
      ALICLOUD_CASTER_ENDPOINT: emulator.url,
      ALIBABA_CLOUD_ACCESS_KEY_ID: DEMO_ACCOUNT.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEMO_ACCOUNT.accessKeySecret,
    },
    async createCaster(name = `studio-${++studios}`) {
      const reply = await client.call("CreateCaster", {
        ClientToken: `${name}-${Date.now()}-${Math.random()}`,
        NormType: 1,
        ChargeType: "PostPaid",
        CasterName: name,
      });
      return reply.CasterId!;
    },
    sources(casterId) {
      const account = emulator.state().accounts[DEMO_ACCOUNT.uid];
      return Object.values(account?.casters[casterId]?.videoResources ?? {}).map((resource) => ({
        resourceId: resource.resourceId,
        locationId: resource.locationId,
        resourceName: resource.resourceName,
      }));
    },
    mutatingCalls() {
      return emulator
        .calls()
        .map((call) => call.action)
        .filter((action) => !action.startsWith("Describe"));
    },
    undeclaredParameters() {
      const undeclared = new Set<string>();
      for (const call of emulator.calls()) {
        const spec = operationSpec(call.action);
        for (const name of Object.keys(call.params)) {
          if (!spec || !declaresParameter(spec, name)) undeclared.add(`${call.action} ${name}`);
        }
      }
      return [...undeclared].sort();
    },
    close: () => emulator.close(),
  };
}

/**
 * Configures the providers of this process (run in-process by unit tests) for the fixture's
 * emulator: its endpoint as stack config, and the demo account's key as the credentials.
 */
export function configureForFixture(live: EmulatorFixture): void {
  const values: Record<string, string> = { "alicloud-caster:endpoint": live.env.ALICLOUD_CASTER_ENDPOINT };
  configureProvider({ get: (key) => values[key], keys: () => Object.keys(values) }, {
    accessKeyId: live.env.ALIBABA_CLOUD_ACCESS_KEY_ID,
    accessKeySecret: live.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET,
  });
}
