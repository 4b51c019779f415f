import * as net from "node:net";
import { LiveClient } from "./client/live-client";
import { checkConfigKeys, ConfigSource, Credentials, resolveSettings } from "./client/settings";
import { CoalescedReader } from "./shared/coalesced-reader";

/**
 * Process-wide state of the dynamic-provider process: the stack config handed to configure(),
 * and the one client built from it, shared by every resource the process serves.
 */
let config: ConfigSource | undefined;
let fixedCredentials: Credentials | undefined;
let client: LiveClient | undefined;
const listings: CoalescedReader<unknown>[] = [];
const sessionMaps: Map<unknown, unknown>[] = [];

/**
 * A new configuration starts a new session: a new client, and no listing from before is reused.
 * `credentials` is for running the providers inside another program (benchmarks, tests); a
 * Pulumi run takes them from the environment (see resolveSettings).
 */
export function configureProvider(source: ConfigSource | undefined, credentials?: Credentials): void {
  config = source;
  fixedCredentials = credentials;
  client = undefined;
  for (const listing of listings) listing.forget();
  for (const map of sessionMaps) map.clear();
  endWithEngine();
}

/** The config as Pulumi's dynamic-provider host gives it: get(), and the raw map behind it. */
export function configSourceOf(config: { get(key: string): string | undefined } | undefined): ConfigSource | undefined {
  if (!config) return undefined;
  const raw = (config as { rawConfig?: Record<string, unknown> }).rawConfig;
  return { get: (key) => config.get(key), keys: () => Object.keys(raw ?? {}) };
}

/** Fails with the problem of a setting of ours (a misspelled key), before anything is checked or sent. */
export function checkConfiguration(): void {
  checkConfigKeys(config);
}

/** A listing cache of this process, emptied when the provider is configured again. */
export function listingCache<T>(): CoalescedReader<T> {
  const cache = new CoalescedReader<T>();
  listings.push(cache as CoalescedReader<unknown>);
  return cache;
}

/** A map that lives as long as one configuration of this process (one Pulumi operation). */
export function sessionMap<K, V>(): Map<K, V> {
  const map = new Map<K, V>();
  sessionMaps.push(map as Map<unknown, unknown>);
  return map;
}

/** The client, built on first use so that a preview with no credentials still checks and diffs. */
export function liveClient(): LiveClient {
  if (!client) {
    const settings = resolveSettings(config);
    // Inside Pulumi's host, a retry is said while it waits (on stderr, which the CLI shows), not
    // left as silent seconds; a program or a test running the providers keeps its output.
    client = new LiveClient(fixedCredentials ? { ...settings, credentials: fixedCredentials } : settings, {
      onRetry: insideProviderHost() ? (notice) => void process.stderr.write(`pulumi-alicloud-caster: ${notice}\n`) : undefined,
    });
  }
  return client;
}

let watchingEngine = false;
const ENGINE_CHECK_INTERVAL_MS = 1_000;

/**
 * Ends this dynamic-provider process once the engine that started it is gone. The engine starts
 * its plugins in process groups of their own, so after a `kill -9` of `pulumi` they would live
 * on, idle; then a recovery would have to find and kill them, and a `pkill` by name also hits
 * other people's runs on a shared machine. Pulumi's host takes the engine's address as its last
 * argument: when that port refuses connections (twice, a second apart), nobody is left to answer,
 * and the process exits. Only inside Pulumi's dynamic-provider host, never in a program or a test.
 */
/** Whether this process is Pulumi's dynamic-provider host (its script is `@pulumi/pulumi/cmd/dynamic-provider`). */
function insideProviderHost(): boolean {
  return /[\\/]cmd[\\/]dynamic-provider([\\/]index(\.js)?)?$/.test(process.argv[1] ?? "");
}

function endWithEngine(): void {
  if (watchingEngine || !insideProviderHost()) return;
  const [, ...args] = process.argv.slice(1);
  // The address is the last argument; flags such as --logtostderr, -v=9 or --tracing come first.
  const match = /^(?:([\w.-]+)|\[([0-9a-f:]+)\]):(\d+)$/i.exec(args[args.length - 1] ?? "");
  if (!match) return;
  watchingEngine = true;
  const host = match[1] ?? match[2];
  const port = Number(match[3]);
  // Refused twice in a row, a second apart: one refusal could be a moment's trouble.
  let refusals = 0;
  const timer = setInterval(() => {
    const socket = net.createConnection({ host, port });
    socket.setTimeout(ENGINE_CHECK_INTERVAL_MS);
    socket.once("connect", () => {
      refusals = 0;
      socket.destroy();
    });
    socket.once("timeout", () => socket.destroy());
    socket.once("error", (error: NodeJS.ErrnoException) => {
      socket.destroy();
      if (error.code !== "ECONNREFUSED") return;
      if (++refusals >= 2) process.exit(1);
    });
  }, ENGINE_CHECK_INTERVAL_MS);
  timer.unref();
}
