import { ChildProcess, execFileSync, spawn } from "node:child_process";
import * as net from "node:net";

/**
 * A real redis-server (Debian's `redis-server` package) on a free port of the loopback, started
 * and stopped by a test or the benchmark: no data on disk, nothing left behind. Free of jest's
 * globals, so that the benchmark can use it too.
 */

export const REDIS_INSTALL_HINT = "install it with `apt-get install redis-server` (Debian/Ubuntu)";

/** The redis-server on PATH, or why there is none. */
export function findRedisServer(): { found: true; path: string } | { found: false; reason: string } {
  try {
    const found = execFileSync("bash", ["-c", "command -v redis-server"], { encoding: "utf8" }).trim();
    if (found) return { found: true, path: found };
  } catch {
    // not on PATH
  }
  return { found: false, reason: "redis-server is not on PATH" };
}

export interface RunningRedis {
  /** redis://127.0.0.1:PORT, with the password when one was asked for. */
  url: string;
  port: number;
  /** The server's process ID, for a test that stops it with SIGSTOP (and resumes it with SIGCONT). */
  pid: number;
  stop(): Promise<void>;
}

/** Starts redis-server on a free port; with `password`, it requires it (requirepass). */
export async function startRedisServer(options: { password?: string } = {}): Promise<RunningRedis> {
  const lookup = findRedisServer();
  if (!lookup.found) throw new Error(`${lookup.reason}; ${REDIS_INSTALL_HINT}`);
  // A port found free can be taken before redis-server binds it: then try another.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--logfile", ""];
    if (options.password) args.push("--requirepass", options.password);
    const child = spawn(lookup.path, args, { stdio: ["ignore", "pipe", "pipe"] });
    const started = await readyOrExit(child);
    if (started.ready) {
      const auth = options.password ? `:${encodeURIComponent(options.password)}@` : "";
      return { url: `redis://${auth}127.0.0.1:${port}`, port, pid: child.pid as number, stop: () => stopProcess(child) };
    }
    if (attempt >= 3) throw new Error(`redis-server did not start on port ${port}: ${started.output.slice(-1000)}`);
  }
}

/** How many scripts this Redis has run: the shared limiter's slot script is one per attempt. */
export async function scriptsRun(client: { info(section: string): Promise<string> }): Promise<number> {
  const stats = await client.info("commandstats");
  return [...stats.matchAll(/^cmdstat_(?:eval|evalsha):calls=(\d+)/gm)].reduce((sum, match) => sum + Number(match[1]), 0);
}

/** A port nothing listens on at this moment. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function readyOrExit(child: ChildProcess): Promise<{ ready: boolean; output: string }> {
  return new Promise((resolve) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (/Ready to accept connections/.test(output)) {
        child.stdout?.off("data", onData);
        child.stderr?.off("data", onData);
        // Keep draining, so that a full pipe never blocks the server.
        child.stdout?.resume();
        child.stderr?.resume();
        resolve({ ready: true, output });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", () => resolve({ ready: false, output }));
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    // A server a test left stopped (SIGSTOP) would hold SIGTERM until it is resumed.
    child.kill("SIGCONT");
    child.kill("SIGTERM");
  });
}
