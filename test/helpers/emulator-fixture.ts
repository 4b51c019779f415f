import { LiveClient } from "../../provider/client/live-client";
import { configureProvider } from "../../provider/runtime";
import { declaresParameter, operationSpec } from "../../model/live-api";
import { DEMO_ACCOUNT, RunningEmulator, startEmulator } from "../../emulator";
import { EmulatorOptions } from "../../emulator/server";
import { makeTestCertificate, trustInThisProcess } from "./tls-certificate";
import { createStudioInUse } from "./studio-in-use";
import * as fs from "node:fs";

export interface EmulatorFixture {
  emulator: RunningEmulator;
  client: LiveClient;
  /** The environment that points a provider at this emulator with the demo account. */
  env: Record<string, string>;
  createCaster(name?: string): Promise<string>;
  /** The video sources of a studio, as the emulator holds them. */
  sources(casterId: string): { resourceId: string; locationId: string; resourceName: string }[];
  /** Calls that changed or could change something (everything but Describe* and List*). */
  mutatingCalls(): string[];
  /** `Action Parameter` for every parameter sent so far that model/live-api.ts does not declare. */
  undeclaredParameters(): string[];
  close(): Promise<void>;
}

export interface FixtureOptions extends EmulatorOptions {
  /**
   * The emulator's port speaks https too, with a certificate made for the run, which this process
   * trusts and `env` has a Pulumi run trust (NODE_EXTRA_CA_CERTS): for the operations the API takes
   * over HTTPS only (UpdateCasterResourceGroup), which the client sends to the endpoint over https.
   */
  https?: true;
}

export async function startEmulatorFixture(fixtureOptions: FixtureOptions = {}): Promise<EmulatorFixture> {
  const { https, ...options } = fixtureOptions;
  const certificate = https ? makeTestCertificate() : undefined;
  const untrust = certificate ? trustInThisProcess(certificate.cert) : undefined;
  const emulator = await startEmulator(certificate ? { ...options, tls: { cert: certificate.cert, key: certificate.key } } : options);
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
      ...(certificate ? { NODE_EXTRA_CA_CERTS: certificate.certFile } : {}),
    },
    createCaster(name = `studio-${++studios}`) {
      // A test's studio has a domain of its own, so that it starts and its episode groups are its alone.
      return createStudioInUse(client, name, `${name}-${Date.now()}-${Math.random()}`);
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
        // Describe* and List* (ListPlaylist, ListPlaylistItems) only read.
        .filter((action) => !action.startsWith("Describe") && !action.startsWith("List"));
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
    async close() {
      await emulator.close();
      untrust?.();
      if (certificate) fs.rmSync(certificate.directory, { recursive: true, force: true });
    },
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
