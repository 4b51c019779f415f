import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import YAML from "yaml";
import { StateResource, VIDEO_SOURCE_TYPE } from "../../provider/recovery/recover";

/** The program the tests and benchmarks drive, found from here whether this file runs as source or compiled. */
export const E2E_PROGRAM = findUp(__dirname, path.join("test", "e2e", "program", "Pulumi.yaml"));

function findUp(start: string, relative: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, relative))) return path.dirname(path.join(dir, relative));
    if (path.dirname(dir) === dir) throw new Error(`${relative} not found above ${start}`);
  }
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, for assertions on what a user sees. */
  output: string;
}

export interface StackOptions {
  projectDir?: string;
  /** Extra environment for every command (credentials, endpoint). */
  env?: Record<string, string>;
}

/**
 * One stack of a Pulumi program, run with the real CLI offline: its own file backend, PULUMI_HOME
 * and config file in a temporary folder, so tests can run side by side.
 */
export class PulumiStack {
  readonly workDir: string;
  readonly configFile: string;
  private env: NodeJS.ProcessEnv;

  private constructor(
    readonly name: string,
    readonly projectDir: string,
    extraEnv: Record<string, string>,
  ) {
    this.workDir = fs.mkdtempSync(path.join(os.tmpdir(), "caster-e2e-"));
    fs.mkdirSync(path.join(this.workDir, "state"));
    fs.mkdirSync(path.join(this.workDir, "home"));
    this.configFile = path.join(this.workDir, `Pulumi.${name}.yaml`);
    const binDir = process.env.CASTER_TEST_PULUMI_BIN;
    if (!binDir) throw new Error("CASTER_TEST_PULUMI_BIN is not set: run the tests through jest (global setup builds the CLI).");
    const hostDir = languageHostDir();
    this.env = {
      ...withoutCloudCredentials(process.env),
      // The engine finds its language host on PATH: another one (Pulumi's own) goes before the stand-in beside the CLI.
      PATH: [...(hostDir ? [hostDir] : []), binDir, process.env.PATH].join(path.delimiter),
      PULUMI_HOME: path.join(this.workDir, "home"),
      PULUMI_BACKEND_URL: `file://${path.join(this.workDir, "state")}`,
      PULUMI_CONFIG_PASSPHRASE: "e2e-passphrase",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_NODEJS_TRANSPILE_ONLY: "true",
      // The state file as exportState() and stateFileText() read it, whatever the developer's shell sets.
      PULUMI_DIY_BACKEND_GZIP: "false",
      PULUMI_DIY_BACKEND_LEGACY_LAYOUT: "false",
      NO_COLOR: "1",
      ...extraEnv,
    };
  }

  static async create(prefix: string, options: StackOptions = {}): Promise<PulumiStack> {
    const name = `${prefix}-${randomBytes(3).toString("hex")}`;
    const stack = new PulumiStack(name, options.projectDir ?? E2E_PROGRAM, options.env ?? {});
    await stack.expectSuccess(["stack", "init", name, "--non-interactive"]);
    return stack;
  }

  /** Changes the environment of the commands from now on (a rotated key, another endpoint). */
  setEnv(values: Record<string, string>): void {
    this.env = { ...this.env, ...values };
  }

  run(args: string[]): Promise<CliResult> {
    return this.start(args).result;
  }

  /**
   * Starts a command in a process group of its own, so that `kill()` can end the CLI at once
   * (`kill -9` of its group). The engine starts its plugins in process groups of their own: they
   * outlive the kill, as they do after a real `kill -9`, until `killLeftovers()`.
   */
  start(args: string[]): { result: Promise<CliResult>; kill: () => void } {
    const startedAt = Date.now();
    const child = spawn("pulumi", args, { cwd: this.projectDir, env: this.env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    const kill = () => {
      try {
        process.kill(-(child.pid as number), "SIGKILL");
      } catch {
        // already gone
      }
    };
    const result = new Promise<CliResult>((resolve, reject) => {
      let stdout = "";
      let stderr = "";
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk;
        output += chunk;
      });
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk;
        output += chunk;
      });
      child.on("error", reject);
      child.on("close", (code) => {
        recordCliRun(args, startedAt);
        resolve({ code: code ?? -1, stdout, stderr, output });
      });
    });
    return { result, kill };
  }

  /**
   * Starts a command and returns once `reached()` holds (checked every 20 ms) or the command has
   * ended: for a test that acts in the middle of a run (kills it, lifts a fault).
   */
  async startUntil(args: string[], reached: () => boolean): Promise<{ result: Promise<CliResult>; kill: () => void }> {
    const run = this.start(args);
    let ended = false;
    void run.result.then(() => (ended = true));
    while (!ended && !reached()) await new Promise((resolve) => setTimeout(resolve, 20));
    return run;
  }

  /**
   * Runs one of this package's commands (`caster-recover`, ...) as a user would, beside the CLI:
   * in the project's folder, with this stack's environment.
   */
  runPackageCommand(bin: string, args: string[]): Promise<CliResult> {
    const script = path.join(path.dirname(require.resolve("pulumi-alicloud-caster/package.json")), "bin", `${bin}.js`);
    const child = spawn(process.execPath, [script, ...args], { cwd: this.projectDir, env: this.env, stdio: ["ignore", "pipe", "pipe"] });
    return new Promise<CliResult>((resolve, reject) => {
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => void (stdout += chunk));
      child.stderr.on("data", (chunk: Buffer) => void (stderr += chunk));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr, output: stdout + stderr }));
    });
  }

  /** `caster-recover` for this stack: the documented recovery of an interrupted `pulumi up`. */
  recover(extra: string[] = []): Promise<CliResult> {
    return this.runPackageCommand("caster-recover", ["--stack", this.name, "--config-file", this.configFile, "--yes", ...extra]);
  }

  async expectSuccess(args: string[]): Promise<CliResult> {
    const result = await this.run(args);
    if (result.code !== 0) {
      throw new Error(`pulumi ${args.join(" ")} exited with ${result.code}:\n${result.output}`);
    }
    return result;
  }

  private stackArgs(): string[] {
    return ["--stack", this.name, "--config-file", this.configFile, "--non-interactive"];
  }

  /** The arguments of a command on this stack, for start() or run(). */
  argsFor(command: "preview" | "refresh" | "destroy", extra: string[] = []): string[] {
    const confirm = command === "preview" ? [] : ["--yes", "--skip-preview"];
    return [command, ...this.stackArgs(), ...confirm, ...extra];
  }

  /**
   * Sets a config value as `pulumi config set` would. A plain value is written into the stack's
   * config file, as a user edits it (the suite ran 375 such commands, 0.4 s of CPU each); only a
   * secret goes through the CLI, which encrypts it.
   */
  async setConfig(key: string, value: string, options: { secret?: boolean } = {}): Promise<void> {
    if (options.secret) {
      await this.expectSuccess(["config", "set", ...this.stackArgs(), "--secret", key, value]);
      return;
    }
    this.writeConfigValue(key, value);
  }

  /**
   * Sets a structured value by editing the stack's config file, as a user edits a program: no
   * command that reads the state runs (after a killed run it may need the recovery first).
   */
  editConfigObject(key: string, value: unknown): void {
    this.writeConfigValue(key, JSON.stringify(value));
  }

  /** Sets a structured value; the program reads it with config.requireObject. */
  setConfigObject(key: string, value: unknown, options: { secret?: boolean } = {}): Promise<void> {
    return this.setConfig(key, JSON.stringify(value), options);
  }

  /** A key without a namespace is the project's, as the CLI takes it. */
  private writeConfigValue(key: string, value: string): void {
    const project = (YAML.parse(fs.readFileSync(path.join(this.projectDir, "Pulumi.yaml"), "utf8")) as { name: string }).name;
    const file = fs.existsSync(this.configFile) ? (YAML.parse(fs.readFileSync(this.configFile, "utf8")) ?? {}) : {};
    file.config = { ...file.config, [key.includes(":") ? key : `${project}:${key}`]: value };
    // Values double-quoted: a YAML reader takes `yes`, `1_000` or `12:30:00` unquoted as other than text.
    fs.writeFileSync(this.configFile, YAML.stringify(file, { defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN" }));
  }

  upArgs(extra: string[] = []): string[] {
    return ["up", ...this.stackArgs(), "--yes", "--skip-preview", "--diff", ...extra];
  }

  up(extra: string[] = []): Promise<CliResult> {
    return this.run(this.upArgs(extra));
  }

  preview(extra: string[] = []): Promise<CliResult> {
    return this.run(["preview", ...this.stackArgs(), "--diff", ...extra]);
  }

  refresh(extra: string[] = []): Promise<CliResult> {
    return this.run(["refresh", ...this.stackArgs(), "--yes", "--skip-preview", ...extra]);
  }

  destroy(extra: string[] = []): Promise<CliResult> {
    return this.run(["destroy", ...this.stackArgs(), "--yes", "--skip-preview", ...extra]);
  }

  /**
   * The stack's deployment as `pulumi stack export` gives it: read from the file backend's state
   * file, which holds the same JSON as `checkpoint.latest`, because a CLI run for it cost 0.4
   * CPU-seconds, 27 times a suite run (BENCHMARKS.md, "Where the CPU goes").
   */
  async exportState(): Promise<{ deployment: { resources?: StateResource[] } }> {
    const file = JSON.parse(this.stateFileText()) as { checkpoint: { latest?: { resources?: StateResource[] } } };
    return { deployment: file.checkpoint.latest ?? {} };
  }

  async resources(type: string): Promise<StateResource[]> {
    const state = await this.exportState();
    return (state.deployment.resources ?? []).filter((resource) => resource.type === type);
  }

  /** The raw text of the stack's state file in the file backend. */
  stateFileText(): string {
    const stacksDir = path.join(this.workDir, "state", ".pulumi", "stacks");
    const project = fs.readdirSync(stacksDir)[0];
    return fs.readFileSync(path.join(stacksDir, project, `${this.name}.json`), "utf8");
  }

  /**
   * Processes started for this stack that are still running (they carry its PULUMI_HOME), after
   * giving them `graceMs` to exit.
   */
  async leftoverProcesses(graceMs = 3000): Promise<string[]> {
    const marker = `PULUMI_HOME=${path.join(this.workDir, "home")}\u0000`;
    const find = () =>
      fs.readdirSync("/proc").filter((pid) => {
        if (!/^\d+$/.test(pid)) return false;
        try {
          return fs.readFileSync(`/proc/${pid}/environ`, "utf8").includes(marker);
        } catch {
          return false;
        }
      });
    const deadline = Date.now() + graceMs;
    for (;;) {
      const left = find();
      if (left.length === 0 || Date.now() > deadline) {
        return left.map((pid) => `${pid}: ${safeRead(`/proc/${pid}/cmdline`).replace(/\u0000/g, " ").trim()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Ends every process still running for this stack (plugins that outlived a killed CLI). */
  async killLeftovers(): Promise<void> {
    for (const entry of await this.leftoverProcesses(0)) {
      try {
        process.kill(Number(entry.split(":")[0]), "SIGKILL");
      } catch {
        // already gone
      }
    }
  }

  /**
   * The stack's backend, home and config file are in its folder, so removing the folder removes
   * the stack, without a `pulumi stack rm`; `stack init` also left its secrets salt in the project.
   */
  async remove(): Promise<void> {
    await this.killLeftovers();
    fs.rmSync(this.workDir, { recursive: true, force: true });
    fs.rmSync(path.join(this.projectDir, `Pulumi.${this.name}.yaml`), { force: true });
  }
}

export type { StateResource };
export const VIDEO_RESOURCE_TYPE = VIDEO_SOURCE_TYPE;

/**
 * CASTER_E2E_LANGUAGE_HOST_DIR: a folder holding another Node.js language host
 * (`pulumi-language-nodejs`), such as Pulumi's own built from its source, that the tests run
 * instead of the project's stand-in (docs/architecture.md, Tests). Undefined when unset.
 */
export function languageHostDir(): string | undefined {
  const dir = process.env.CASTER_E2E_LANGUAGE_HOST_DIR;
  if (!dir) return undefined;
  if (!fs.existsSync(path.join(dir, "pulumi-language-nodejs"))) {
    throw new Error(`CASTER_E2E_LANGUAGE_HOST_DIR=${dir} holds no pulumi-language-nodejs.`);
  }
  return path.resolve(dir);
}

/** Tests must never reach a real account, whatever the developer's shell holds. */
export function withoutCloudCredentials(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  for (const key of Object.keys(copy)) {
    if (/^(ALIBABA_CLOUD_|ALICLOUD_)/.test(key)) delete copy[key];
  }
  return copy;
}

function safeRead(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

/**
 * With CASTER_TEST_CLI_LOG set to a file, each CLI run of the suite appends a line to it (the test
 * file, the command, its seconds): the profile of where the suite's time goes (BENCHMARKS.md).
 */
function recordCliRun(args: string[], startedAt: number): void {
  const log = process.env.CASTER_TEST_CLI_LOG;
  if (!log) return;
  const testPath = (globalThis as { expect?: { getState(): { testPath?: string } } }).expect?.getState().testPath ?? "";
  const line = { suite: path.relative(path.join(__dirname, "..", ".."), testPath), command: args.slice(0, 1).join(" "), seconds: (Date.now() - startedAt) / 1000 };
  fs.appendFileSync(log, `${JSON.stringify(line)}\n`);
}

/**
 * A class name of this package's errors, or JavaScript's `Error: ` before a message: neither is
 * anything a user of the CLI reads (Pulumi's own diagnostics say `error: `).
 */
export const ERROR_CLASS_NAME = /\b(?:ConfigProblemError|UserFacingError|LiveApiError|MissingCredentialsError|CredentialSourceError)\b|(?<![\w.])Error: /;

/**
 * How often the CLI's output (stdout and stderr) says a problem, and the first class name in it
 * (null when none): `{ times: 1, className: null }` is a problem said once, in words.
 */
export function howSaid(output: string, problem: string): { times: number; className: string | null } {
  return { times: output.split(problem).length - 1, className: ERROR_CLASS_NAME.exec(output)?.[0] ?? null };
}
