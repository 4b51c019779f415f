import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { classify, endProcesses, killedRunProcesses, ProcessRecord, readProcessTable, RecoveredStack } from "./leftover-processes";

/**
 * The process table below is recorded from /proc (pid, ppid, uid, cmdline, cwd, the PULUMI_
 * variables of environ) while `pulumi preview` and `pulumi up` of Pulumi v3.248.0 ran and after
 * a `kill -9` of the CLI, with Pulumi's own Node.js language host (built from
 * sdk/nodejs/cmd/pulumi-language-nodejs at a88168d865b7) and with this project's stand-in;
 * only the pids are renumbered so that the runs sit in one table.
 */
const ME = 1000;
const PROJECT_DIR = "/home/ana/studio";
const SDK = "/home/ana/studio/node_modules/@pulumi/pulumi";
const BIN = "/home/ana/.pulumi/bin";
const SETUP = { PULUMI_HOME: "/home/ana/.pulumi-test", PULUMI_BACKEND_URL: "file:///home/ana/state" };
const TARGET: RecoveredStack = { stack: "news", project: "studio", projectDir: PROJECT_DIR, uid: ME, env: SETUP };

let nextStart = 1000;
function proc(pid: number, ppid: number, argv: string[], extra: Partial<ProcessRecord> = {}): ProcessRecord {
  return {
    pid, ppid, uid: ME, state: "S", startTime: String(nextStart++), argv, cwd: PROJECT_DIR,
    env: { ...SETUP, PULUMI_LOG_OTLP_ENDPOINT: "localhost:46597" }, ...extra,
  };
}
const program = (pid: number, ppid: number, engine: string, stack: string, project = "studio") =>
  proc(pid, ppid, [
    "/usr/bin/node", `${SDK}/cmd/run/index.js`, "--monitor", "127.0.0.1:36819", "--engine", engine, "--sync", "/tmp/pulumi-node-pipes1416691884",
    "--organization", "organization", "--project", project, "--root-directory", PROJECT_DIR, "--stack", stack, "--pwd", PROJECT_DIR, "--parallel", "8", "index.js",
  ]);
const dynamicProvider = (pid: number, ppid: number, engine: string): ProcessRecord[] => [
  proc(pid, ppid, ["/bin/sh", `${BIN}/pulumi-resource-pulumi-nodejs`, engine], { env: { ...SETUP, PULUMI_PROJECT: "studio", PULUMI_NODEJS_PROJECT: "studio" } }),
  proc(pid + 1, pid, ["node", `${SDK}/cmd/dynamic-provider/index.js`, engine], { env: { ...SETUP, PULUMI_PROJECT: "studio", PULUMI_NODEJS_PROJECT: "studio" } }),
];
const OFFICIAL_HOST = "/home/ana/.pulumi/bin/pulumi-language-nodejs";
const STAND_IN_HOST = "/home/ana/.cache/pulumi-alicloud-caster/pulumi-v3.248.0/bin/pulumi-language-nodejs";

const init = proc(1, 0, ["/sbin/init"], { uid: 0, cwd: undefined, env: undefined });
const shell = proc(90, 1, ["-bash"], { env: SETUP });

/** The killed `pulumi up` of stack news: Pulumi's language host and the program, the dynamic provider; their CLI is gone. */
const killedRun = [
  proc(200, 1, [OFFICIAL_HOST, "127.0.0.1:38849"]),
  program(201, 200, "127.0.0.1:38849", "news"),
  ...dynamicProvider(210, 1, "127.0.0.1:38849"),
];
/** A `pulumi up` of stack sports of the same project, running now in another terminal. */
const liveRun = [
  proc(300, 90, ["pulumi", "up", "--stack", "sports"]),
  proc(301, 300, [STAND_IN_HOST, "127.0.0.1:40001"]),
  program(302, 301, "127.0.0.1:40001", "sports"),
  ...dynamicProvider(310, 300, "127.0.0.1:40001"),
];

describe("the processes of a killed run, from a recorded process table", () => {
  test("Pulumi's language host, the program and the dynamic provider of the killed run, and nothing of the live one", () => {
    const taken = killedRunProcesses([init, shell, ...killedRun, ...liveRun], TARGET);
    expect(taken.map(({ record, role }) => [record.pid, role])).toEqual([
      [200, "language host"], [201, "program"], [210, "dynamic provider"], [211, "dynamic provider"],
    ]);
  });

  test("a live run of the very stack is left alone: its CLI is there", () => {
    const again = [proc(400, 90, ["pulumi", "up", "--stack", "news"]), proc(401, 400, [OFFICIAL_HOST, "127.0.0.1:40002"]), program(402, 401, "127.0.0.1:40002", "news")];
    expect(killedRunProcesses([init, shell, ...again], TARGET)).toEqual([]);
  });

  test("a killed run of another stack of the project, or of a project of the same stack name, is not this stack's", () => {
    const otherStack = [proc(500, 1, [OFFICIAL_HOST, "127.0.0.1:40003"]), program(501, 500, "127.0.0.1:40003", "sports")];
    const otherProject = [proc(600, 1, [OFFICIAL_HOST, "127.0.0.1:40004"]), program(601, 600, "127.0.0.1:40004", "news", "weather")];
    expect(killedRunProcesses([init, ...otherStack, ...otherProject], TARGET)).toEqual([]);
  });

  test("another user's killed run of the same stack and project is never touched", () => {
    const theirs = [proc(700, 1, [OFFICIAL_HOST, "127.0.0.1:40005"], { uid: 1001, cwd: undefined, env: undefined }), program(701, 700, "127.0.0.1:40005", "news")];
    theirs[1].uid = 1001;
    expect(killedRunProcesses([init, ...theirs], TARGET)).toEqual([]);
  });

  test("a run that names no stack (its program ended) is this stack's when it ran in the project's folder, with the same setup", () => {
    const providerOnly = dynamicProvider(800, 1, "127.0.0.1:40006");
    expect(killedRunProcesses([init, ...providerOnly], TARGET).map(({ record }) => record.pid)).toEqual([800, 801]);
    const elsewhere = dynamicProvider(810, 1, "127.0.0.1:40007").map((record) => ({ ...record, cwd: "/home/ana/weather" }));
    const anotherHome = dynamicProvider(820, 1, "127.0.0.1:40008").map((record) => ({ ...record, env: { ...record.env, PULUMI_HOME: "/home/ana/.pulumi" } }));
    const anotherProject = dynamicProvider(830, 1, "127.0.0.1:40009").map((record) => ({ ...record, env: { ...SETUP, PULUMI_PROJECT: "weather" } }));
    expect(killedRunProcesses([init, ...elsewhere, ...anotherHome, ...anotherProject], TARGET)).toEqual([]);
  });

  test("a process the killed run's program started is ended with it; a process ended but not reaped (Z) is not counted", () => {
    const child = proc(202, 201, ["/usr/bin/ffprobe", "rtmp://push.example.com/live/camera"]);
    const zombie = proc(203, 201, ["node"], { state: "Z" });
    expect(killedRunProcesses([init, ...killedRun, child, zombie], TARGET).map(({ record, role }) => [record.pid, role])).toContainEqual([202, "started by the run"]);
    expect(killedRunProcesses([init, ...killedRun, child, zombie], TARGET).map(({ record }) => record.pid)).not.toContain(203);
  });

  test("the stack given as org/project/name is matched by its name, as the program is given it", () => {
    expect(killedRunProcesses([init, ...killedRun], { ...TARGET, stack: "organization/studio/news" })).toHaveLength(4);
  });

  test("each role is told from the command line of both hosts and of a component provider", () => {
    expect(classify([STAND_IN_HOST, "127.0.0.1:33089"])).toEqual({ role: "language host", engine: "127.0.0.1:33089" });
    expect(classify(["node", `${SDK}/cmd/run`, "--engine", "127.0.0.1:33089", "--project", "p", "--stack", "s", "index.js"]))
      .toEqual({ role: "program", engine: "127.0.0.1:33089", stack: "s", project: "p" });
    expect(classify(["node", `${SDK}/cmd/run-plugin/index.js`, "/home/ana/studio/node_modules/pulumi-alicloud-caster/component-provider", "127.0.0.1:33089"]))
      .toEqual({ role: "Node.js plugin", engine: "127.0.0.1:33089" });
    expect(classify(["node", "/home/ana/app/server.js", "127.0.0.1:33089"])).toBeUndefined();
    expect(classify(["/home/ana/.pulumi/bin/pulumi", "up"])).toBeUndefined();
  });
});

describe("reading /proc and ending processes", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "caster-leftovers-")));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const start = (script: string) => {
    const child = spawn(process.execPath, ["-e", script, "127.0.0.1:45678"], { cwd: dir, env: { ...process.env, PULUMI_PROJECT: "studio" }, stdio: ["ignore", "pipe", "ignore"] });
    return new Promise<typeof child>((resolve) => child.stdout.once("data", () => resolve(child)));
  };

  test("a process's parent, user, command line, folder and environment are read from /proc", async () => {
    const child = await start("console.log('up'); setInterval(() => {}, 1000)");
    try {
      const record = readProcessTable().find((item) => item.pid === child.pid);
      expect(record).toMatchObject({ ppid: process.pid, uid: process.getuid?.(), state: expect.stringMatching(/^[RS]$/), cwd: dir, argv: [process.execPath, "-e", expect.any(String), "127.0.0.1:45678"] });
      expect(record?.env?.PULUMI_PROJECT).toBe("studio");
    } finally {
      child.kill("SIGKILL");
    }
  });

  /**
   * Real processes that look like orphaned language hosts of the stack's run in the project's
   * folder (Node.js started under the host's name): one of this user's, one of another user's,
   * and one whose parent is a live `pulumi`. Only the first is taken. Another user's process
   * needs root to start.
   */
  (process.getuid?.() === 0 ? test : test.skip)("from the live /proc: another user's process and a live run's are not taken", async () => {
    const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", PULUMI_HOME: path.join(dir, "home") };
    fs.chmodSync(dir, 0o755);
    const host = (options: { uid?: number; argv0?: string } = {}) =>
      spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)", "127.0.0.1:45679"], { cwd: dir, env, argv0: options.argv0 ?? "/opt/pulumi/bin/pulumi-language-nodejs", uid: options.uid, stdio: "ignore" });
    const mine = host();
    const theirs = host({ uid: 65534 });
    // A live run: its `pulumi` (a shell under that name) has started the host.
    const live = spawn("bash", ["-c", `cd ${dir} && exec -a /opt/pulumi/bin/pulumi-language-nodejs ${process.execPath} -e "setInterval(() => {}, 1000)" 127.0.0.1:45680 & wait`], { env, argv0: "pulumi", stdio: "ignore" });
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const table = readProcessTable();
      const pids = (port: string) => table.filter((item) => item.argv.includes(port)).map((item) => item.pid);
      expect({ mine: pids("127.0.0.1:45679").length, live: pids("127.0.0.1:45680").length }).toEqual({ mine: 2, live: 1 });
      const taken = killedRunProcesses(table, { stack: "news", project: "studio", projectDir: dir, uid: 0, env: { PULUMI_HOME: env.PULUMI_HOME, PULUMI_BACKEND_URL: undefined } });
      expect(taken.map(({ record, role }) => [record.pid, role])).toEqual([[mine.pid, "language host"]]);
      expect(theirs.pid).toBeDefined();
    } finally {
      // The live run's host too: a child of the shell, not of this test.
      const started = readProcessTable().filter((item) => ["127.0.0.1:45679", "127.0.0.1:45680"].some((port) => item.argv.includes(port)));
      for (const pid of [...started.map((item) => item.pid), live.pid]) process.kill(pid as number, "SIGKILL");
    }
  });

  test("SIGTERM first; a process that ignores it gets SIGKILL after the grace", async () => {
    const polite = await start("console.log('up'); setInterval(() => {}, 1000)");
    const stubborn = await start("process.on('SIGTERM', () => {}); console.log('up'); setInterval(() => {}, 1000)");
    const exits = [polite, stubborn].map((child) => new Promise((resolve) => child.once("exit", (_code, signal) => resolve(signal))));
    const table = readProcessTable();
    const records = [polite, stubborn].map((child) => table.find((item) => item.pid === child.pid) as ProcessRecord);
    const ended = await endProcesses(records.map((record) => ({ record, role: "language host" as const })), { graceMs: 500 });
    expect(ended.map((item) => item.signal)).toEqual(["SIGTERM", "SIGKILL"]);
    expect(await Promise.all(exits)).toEqual(["SIGTERM", "SIGKILL"]);
  });

  test("a pid that another process has taken since the table was read is not signalled", async () => {
    const child = await start("console.log('up'); setInterval(() => {}, 1000)");
    try {
      const record = readProcessTable().find((item) => item.pid === child.pid) as ProcessRecord;
      const ended = await endProcesses([{ record: { ...record, startTime: "1" }, role: "program" }], { graceMs: 200 });
      expect(ended.map((item) => item.signal)).toEqual(["SIGTERM"]);
      expect(child.exitCode === null && child.signalCode === null).toBe(true);
    } finally {
      child.kill("SIGKILL");
    }
  });
});
