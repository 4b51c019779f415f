import { AsyncLocalStorage } from "node:async_hooks";
import * as net from "node:net";
import { Connection, connectionKey } from "../model/fields/connection";
import { LiveClient } from "./client/live-client";
import { checkConfigKeys, ConfigSource, Credentials, resolveSettings } from "./client/settings";
import { CoalescedReader } from "./shared/coalesced-reader";

/**
 * Process-wide state of the dynamic-provider process: the stack config handed to configure(),
 * and one client per distinct connection (a resource's `connection`, or none: the stack's
 * settings), each shared by every resource the process serves with that connection.
 */
let config: ConfigSource | undefined;
let fixedCredentials: Credentials | undefined;
const clients = new Map<string, LiveClient>();
/** Each client's connection, as a key: listings are kept apart per account, not only per endpoint. */
const scopes = new WeakMap<LiveClient, string>();
/** The connection of the provider call being served (run() sets it from the call's inputs or state). */
const currentConnection = new AsyncLocalStorage<Connection | undefined>();
const listings: CoalescedReader<unknown>[] = [];
const sessionMaps: Map<unknown, unknown>[] = [];

/**
 * A new configuration starts a new session: a new client, and no listing from before is reused.
 * `credentials` is for running the providers inside another program (benchmarks, tests); a
 * Pulumi run takes them from the environment (see resolveSettings).
 */
export function configureProvider(source: ConfigSource | undefined, credentials?: Credentials): void {
  configuredByEngine = undefined;
  config = source;
  fixedCredentials = credentials;
  clients.clear();
  for (const listing of listings) listing.forget();
  for (const map of sessionMaps) map.clear();
  endWithEngine();
}

/** The configuration the engine gave last (its keys and values), while no other caller has configured since. */
let configuredByEngine: string | undefined;

/**
 * The engine's configure: Pulumi's dynamic-provider host configures each provider text it loads,
 * so once for each kind a run meets (and for an older text still in state), while other kinds'
 * calls are under way. The same configuration again continues the session: a new one would drop
 * the listings, the claims that keep two declarations from taking one object, and the clients
 * with their rate limiters, in the middle of the run.
 */
export function configureFromEngine(source: ConfigSource | undefined): void {
  // A source that cannot list its keys cannot be compared: it starts a session each time.
  const key = source && !source.keys ? undefined : JSON.stringify(source?.keys?.().sort().map((name) => [name, source.get(name)]) ?? null);
  if (key !== undefined && key === configuredByEngine) return;
  configureProvider(source);
  configuredByEngine = key;
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

/** Runs `work` with this connection as the one liveClient() serves (undefined: the stack's settings). */
export function withConnection<T>(connection: Connection | undefined, work: () => T): T {
  return currentConnection.run(connection, work);
}

/** The connection liveClient() serves now. */
export function activeConnection(): Connection | undefined {
  return currentConnection.getStore();
}

/**
 * The client of the current call's connection, built on first use so that a preview with no
 * credentials still checks and diffs. One client per distinct connection: one credential source
 * (an assumed role is assumed once and renewed, not per call) and one set of rate limiters.
 */
export function liveClient(): LiveClient {
  const connection = currentConnection.getStore();
  const key = connectionKey(connection);
  let client = clients.get(key);
  if (!client) {
    const settings = resolveSettings(config, process.env, connection);
    // Fixed credentials (benchmarks, tests) stand in for the environment's, not for what a connection names.
    const namesCredentials = Boolean(connection?.profile || connection?.assumeRole);
    // Inside Pulumi's host, a retry is said while it waits (on stderr, which the CLI shows), not
    // left as silent seconds; a program or a test running the providers keeps its output.
    client = new LiveClient(fixedCredentials && !namesCredentials ? { ...settings, credentials: fixedCredentials } : settings, {
      onRetry: insideProviderHost() ? (notice) => void process.stderr.write(`pulumi-alicloud-caster: ${notice}\n`) : undefined,
    });
    clients.set(key, client);
    scopes.set(client, key);
  }
  return client;
}

/** What keeps a client's listings apart from another connection's: its connection and endpoint. */
export function clientScope(client: LiveClient): string {
  return `${client.settings.endpoint} ${scopes.get(client) ?? ""}`;
}

export { connectionKey };

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
export function insideProviderHost(): boolean {
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
