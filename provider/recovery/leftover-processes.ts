import * as fs from "node:fs";
import * as path from "node:path";

/**
 * The processes a killed `pulumi` run leaves behind. The engine (inside the `pulumi` CLI) starts
 * its plugins in process groups of their own, so a `kill -9` of the CLI does not reach them:
 * Pulumi's own Node.js language host of v3.248 looks at its engine only every 5 minutes
 * (`rpcutil.Healthcheck(ctx, engineAddress, 5*time.Minute, cancel)` in
 * sdk/nodejs/cmd/pulumi-language-nodejs/main.go), and keeps running meanwhile. What is ended here
 * is only what the run's engine started (read from /proc): same user, its engine gone, and the
 * stack's (see `killedRunProcesses`).
 */

/** One process as /proc shows it; `cwd` and `env` are unreadable for another user's processes. */
export interface ProcessRecord {
  pid: number;
  ppid: number;
  /** Real user ID (/proc/<pid>/status `Uid:`). */
  uid: number;
  /** /proc/<pid>/stat's state letter: `Z` is a process that has ended and is not reaped yet. */
  state: string;
  /** Clock ticks since boot (/proc/<pid>/stat field 22): with the pid, it names one process, whatever reuses the pid later. */
  startTime: string;
  argv: string[];
  cwd?: string;
  env?: Record<string, string>;
}

/** What a process is to the Pulumi run, in the words the recovery prints. */
export type PluginRole = "language host" | "program" | "dynamic provider" | "Node.js plugin" | "started by the run";

export interface RunProcess {
  record: ProcessRecord;
  role: PluginRole;
}

/** The stack whose killed run is recovered, and the environment the recovery runs in (the killed run's). */
export interface RecoveredStack {
  /** The stack's name; of `org/project/name`, the last part is what the program is given. */
  stack: string;
  project: string;
  /** The folder of the project's Pulumi.yaml. */
  projectDir: string;
  uid: number;
  /** PULUMI_HOME and PULUMI_BACKEND_URL of the recovery: a process with other values ran against another backend. */
  env: Record<string, string | undefined>;
}

/** Environment variables that must be the same in the killed run and the recovery: another value is another setup's stack. */
const SAME_SETUP_VARIABLES = ["PULUMI_HOME", "PULUMI_BACKEND_URL"];

const ENGINE_ADDRESS = /^[\w.[\]:-]+:\d+$/;

/** The entry scripts of @pulumi/pulumi that the engine's Node.js plugins run, by role. */
const NODE_ENTRIES: { role: PluginRole; script: RegExp }[] = [
  { role: "program", script: /@pulumi[/\\]pulumi[/\\]cmd[/\\]run([/\\]index\.js)?$/ },
  { role: "dynamic provider", script: /@pulumi[/\\]pulumi[/\\]cmd[/\\]dynamic-provider([/\\]index\.js)?$/ },
  // A Node.js plugin started by a language host (RunPlugin), such as this package's component-provider/.
  { role: "Node.js plugin", script: /@pulumi[/\\]pulumi[/\\]cmd[/\\]run-plugin([/\\]index\.js)?$/ },
];

interface Classified {
  role: PluginRole;
  /** The engine's gRPC address the process was given: every plugin of one run has the same. */
  engine?: string;
  /** For a program: the stack and project it runs for. */
  stack?: string;
  project?: string;
}

/** What the engine started a process as, from its arguments; undefined for anything else. */
export function classify(argv: string[]): Classified | undefined {
  const positionalAddress = () => argv.slice(1).find((arg) => ENGINE_ADDRESS.test(arg));
  const base = path.basename(argv[0] ?? "");
  if (base === "pulumi-language-nodejs") return { role: "language host", engine: positionalAddress() };
  // The plugin of @pulumi/pulumi's dynamic providers is a shell script that runs node (and waits for it).
  if (argv.slice(0, 2).some((arg) => path.basename(arg) === "pulumi-resource-pulumi-nodejs")) {
    return { role: "dynamic provider", engine: positionalAddress() };
  }
  const entry = NODE_ENTRIES.find(({ script }) => argv.slice(1, 4).some((arg) => script.test(arg)));
  if (!entry) return undefined;
  if (entry.role !== "program") return { role: entry.role, engine: positionalAddress() };
  const flag = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at > 0 ? argv[at + 1] : undefined;
  };
  return { role: "program", engine: flag("engine"), stack: flag("stack"), project: flag("project") };
}

function isPulumiCli(record: ProcessRecord): boolean {
  return path.basename(record.argv[0] ?? "") === "pulumi" && record.state !== "Z";
}

function isInside(dir: string, folder: string): boolean {
  const relative = path.relative(folder, dir);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/**
 * The processes of the stack's killed run, from a process table. A process is taken only when
 * all of these hold:
 * - it runs as the recovery's user;
 * - the engine started it: a Node.js language host, a program run by one (`@pulumi/pulumi/cmd/run`),
 *   the dynamic-provider plugin, a Node.js plugin (`cmd/run-plugin`), or a process one of them started;
 * - its run's engine is gone: no process of the run (they share the engine's address, given to
 *   each in its arguments) has a live `pulumi` CLI among its ancestors;
 * - the run is the stack's: its program was started with `--stack` and `--project` of the stack;
 *   a run whose program has ended (or not begun) names no stack, and is taken when it ran in the
 *   project's folder for the project (the dynamic provider's PULUMI_PROJECT);
 * - it ran with the recovery's PULUMI_HOME and PULUMI_BACKEND_URL (a stack of the same name in
 *   another backend is another stack).
 */
export function killedRunProcesses(table: ProcessRecord[], target: RecoveredStack): RunProcess[] {
  const byPid = new Map(table.map((record) => [record.pid, record]));
  const ancestors = (record: ProcessRecord): ProcessRecord[] => {
    const chain: ProcessRecord[] = [];
    for (let parent = byPid.get(record.ppid); parent && !chain.includes(parent); parent = byPid.get(parent.ppid)) chain.push(parent);
    return chain;
  };

  const classified = new Map<number, Classified>();
  for (const record of table) {
    if (record.uid !== target.uid || record.state === "Z") continue;
    const found = classify(record.argv);
    if (found) classified.set(record.pid, found);
  }
  // A process without the address in its arguments (a component provider's node, a program's child) is of its starter's run.
  const engineOf = (record: ProcessRecord): string | undefined =>
    [record, ...ancestors(record)].map((item) => classified.get(item.pid)?.engine).find((engine) => engine !== undefined);

  const runs = new Map<string, ProcessRecord[]>();
  for (const record of table) {
    if (record.uid !== target.uid || record.state === "Z") continue;
    const fromRun = classified.has(record.pid) || ancestors(record).some((item) => classified.has(item.pid));
    const engine = fromRun ? engineOf(record) : undefined;
    if (engine === undefined) continue;
    runs.set(engine, [...(runs.get(engine) ?? []), record]);
  }

  const stackName = target.stack.split("/").pop();
  const taken: RunProcess[] = [];
  for (const members of runs.values()) {
    if (members.some((record) => ancestors(record).some(isPulumiCli))) continue;
    const programs = members.map((record) => classified.get(record.pid)).filter((item) => item?.role === "program");
    const ours = programs.length > 0
      ? programs.some((program) => program?.stack === stackName && program?.project === target.project)
      : members.some((record) => record.cwd !== undefined && isInside(record.cwd, target.projectDir) && (record.env?.PULUMI_PROJECT ?? target.project) === target.project);
    const sameSetup = members.every((record) => SAME_SETUP_VARIABLES.every((name) => record.env?.[name] === target.env[name]));
    if (!ours || !sameSetup) continue;
    for (const record of members) taken.push({ record, role: classified.get(record.pid)?.role ?? "started by the run" });
  }
  return taken.sort((a, b) => a.record.pid - b.record.pid);
}

/** The process table from /proc (Linux); empty where there is none. */
export function readProcessTable(procRoot = "/proc"): ProcessRecord[] {
  let entries: string[];
  try {
    entries = fs.readdirSync(procRoot).filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  const table: ProcessRecord[] = [];
  for (const name of entries) {
    const record = readProcess(path.join(procRoot, name));
    if (record) table.push(record);
  }
  return table;
}

function readProcess(dir: string): ProcessRecord | undefined {
  try {
    const stat = fs.readFileSync(path.join(dir, "stat"), "utf8");
    // The command name in parentheses may hold spaces and parentheses: fields are counted after the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const uid = /^Uid:\s+(\d+)/m.exec(fs.readFileSync(path.join(dir, "status"), "utf8"))?.[1];
    const argv = fs.readFileSync(path.join(dir, "cmdline"), "utf8").split("\u0000");
    if (argv[argv.length - 1] === "") argv.pop();
    return {
      pid: Number(path.basename(dir)),
      state: fields[0],
      ppid: Number(fields[1]),
      startTime: fields[19],
      uid: Number(uid),
      argv,
      cwd: optional(() => fs.readlinkSync(path.join(dir, "cwd"))),
      env: optional(() => parseEnviron(fs.readFileSync(path.join(dir, "environ"), "utf8"))),
    };
  } catch {
    // Ended while being read.
    return undefined;
  }
}

function optional<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

function parseEnviron(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const entry of text.split("\u0000")) {
    const at = entry.indexOf("=");
    if (at > 0) env[entry.slice(0, at)] = entry.slice(at + 1);
  }
  return env;
}

/** Whether this very process (not another one that got its pid since) is still running. */
function stillRunning(record: ProcessRecord, procRoot: string): boolean {
  const now = readProcess(path.join(procRoot, String(record.pid)));
  return now !== undefined && now.startTime === record.startTime && now.state !== "Z";
}

export interface EndedProcess extends RunProcess {
  /** SIGKILL when SIGTERM did not end it within the grace. */
  signal: "SIGTERM" | "SIGKILL";
}

/** How long a process is given to end on SIGTERM before SIGKILL. */
export const END_GRACE_MS = 5000;

/** Ends the processes: SIGTERM, then SIGKILL to those still running after `graceMs`. */
export async function endProcesses(processes: RunProcess[], options: { graceMs?: number; procRoot?: string } = {}): Promise<EndedProcess[]> {
  const { graceMs = END_GRACE_MS, procRoot = "/proc" } = options;
  const signal = (item: RunProcess, name: NodeJS.Signals) => {
    if (!stillRunning(item.record, procRoot)) return;
    try {
      process.kill(item.record.pid, name);
    } catch {
      // Ended meanwhile.
    }
  };
  for (const item of processes) signal(item, "SIGTERM");
  const deadline = Date.now() + graceMs;
  while (processes.some((item) => stillRunning(item.record, procRoot)) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const stubborn = new Set(processes.filter((item) => stillRunning(item.record, procRoot)));
  for (const item of stubborn) signal(item, "SIGKILL");
  return processes.map((item) => ({ ...item, signal: stubborn.has(item) ? "SIGKILL" : "SIGTERM" }));
}

/** A process as the recovery names it: its pid, role and command line, shortened. */
export function describeProcess(item: RunProcess): string {
  const command = item.record.argv.map((arg) => (arg.length > 60 ? `…${arg.slice(-50)}` : arg)).join(" ");
  return `${item.record.pid} (${item.role}): ${command.length > 160 ? `${command.slice(0, 157)}...` : command}`;
}
