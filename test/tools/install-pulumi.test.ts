import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
/** The script under test; CASTER_INSTALL_PULUMI_SCRIPT points it at another copy (to check that an old one fails). */
const SCRIPT = process.env.CASTER_INSTALL_PULUMI_SCRIPT ?? path.join(ROOT, "tools/install-pulumi.sh");
/** The project's own language host: its source and its module files, which its stamp covers. */
const OWN_LANGHOST_FILES = ["main.go", "go.mod", "go.sum"].map((file) => path.join(ROOT, "tools/pulumi-language-nodejs", file));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function isExecutableFile(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** PATH without any folder that holds a `pulumi`, so that the script has to use (or build) its cache. */
function pathWithoutPulumi(): string {
  return (process.env.PATH ?? "")
    .split(path.delimiter)
    .filter((dir) => dir !== "" && !isExecutableFile(path.join(dir, "pulumi")))
    .join(path.delimiter);
}

function runScript(cache: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", [SCRIPT], {
      cwd: os.tmpdir(),
      env: { ...process.env, PATH: pathWithoutPulumi(), PULUMI_CLI_CACHE: cache },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const lastLine = (text: string) => text.trim().split("\n").pop() ?? "";

/** Two runs started together must both succeed and agree on the folder. */
async function twoRunsAtOnce(cache: string): Promise<{ binDir: string; stderrs: string[] }> {
  const runs = await Promise.all([runScript(cache), runScript(cache)]);
  const summary = runs.map((run) => ({ code: run.code, binDir: lastLine(run.stdout), stderrTail: run.stderr.split("\n").slice(-15).join("\n") }));
  for (const run of summary) {
    if (run.code !== 0) throw new Error(`install-pulumi.sh exited with ${run.code}:\n${run.stderrTail}`);
  }
  expect(summary[1].binDir).toBe(summary[0].binDir);
  return { binDir: summary[0].binDir, stderrs: runs.map((run) => run.stderr) };
}

/** With flock the runs take turns: the second finds the first one's work in the cache. */
const HAS_FLOCK = (process.env.PATH ?? "").split(path.delimiter).some((dir) => dir !== "" && isExecutableFile(path.join(dir, "flock")));
const runsThatLogged = (stderrs: string[], text: string) => stderrs.filter((stderr) => stderr.includes(text)).length;

function runFor(file: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** The language host prints the port it serves on as its first line, as the engine expects. */
function languageHostPort(file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, [], { stdio: ["ignore", "pipe", "inherit"] });
    let stdout = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${file} printed no port within 10 s`));
    }, 10_000);
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk;
      if (stdout.includes("\n")) {
        clearTimeout(timer);
        child.kill("SIGKILL");
        resolve(Number(stdout.split("\n")[0]));
      }
    });
    child.on("error", reject);
  });
}

async function expectWorkingCli(binDir: string): Promise<void> {
  const version = await runFor(path.join(binDir, "pulumi"), ["version"]);
  expect(version.code).toBe(0);
  expect(version.stdout.trim()).toMatch(/^v3\.248\.\d+/);
  const languageHost = path.join(binDir, "pulumi-language-nodejs");
  expect(isExecutableFile(languageHost)).toBe(true);
  expect(await languageHostPort(languageHost)).toBeGreaterThan(0);
  // Pulumi YAML's host, which runs YAML programs (test/e2e/yaml-program).
  expect(await languageHostPort(path.join(binDir, "pulumi-language-yaml"))).toBeGreaterThan(0);
  expect(isExecutableFile(path.join(binDir, "pulumi-resource-pulumi-nodejs"))).toBe(true);
}

/**
 * tools/install-pulumi.sh run twice at once, as `npm test` and `npm run demo` may on a new
 * machine, with an empty cache and no pulumi on PATH. Go's build cache (GOCACHE) is shared with
 * the global setup's build, so this builds the CLI again in far less time than a first build.
 */
describe("install-pulumi.sh run twice at once", () => {
  let cache: string;

  beforeAll(() => {
    cache = fs.mkdtempSync(path.join(os.tmpdir(), "caster-pulumi-cache-"));
  });
  afterAll(() => fs.rmSync(cache, { recursive: true, force: true }));

  test("on an empty cache: both succeed, print the same folder, and the CLI in it works", async () => {
    const { binDir, stderrs } = await twoRunsAtOnce(cache);
    expect(binDir).toBe(path.join(cache, "pulumi-v3.248.0", "bin"));
    if (HAS_FLOCK) expect(runsThatLogged(stderrs, "building the Pulumi CLI")).toBe(1);
    await expectWorkingCli(binDir);
    // Each run's private build folder is gone.
    expect(fs.readdirSync(cache).filter((name) => name.startsWith(".build-"))).toEqual([]);
  }, 1_800_000);

  test("when the project's own language host changed: both succeed and the host is rebuilt once", async () => {
    const binDir = path.join(cache, "pulumi-v3.248.0", "bin");
    const stampFile = path.join(binDir, ".language-host");
    const stamp = fs.readFileSync(stampFile, "utf8").trim();
    if (!stamp.startsWith("own ")) {
      console.warn(`the Go module proxy served Pulumi's own language host (${stamp}): nothing to rebuild`);
      return;
    }
    // As if main.go (or its module files) had changed since the build.
    fs.writeFileSync(stampFile, `own ${"0".repeat(64)}\n`);
    const before = fs.statSync(path.join(binDir, "pulumi-language-nodejs")).ino;

    const runs = await twoRunsAtOnce(cache);
    expect(runs.binDir).toBe(binDir);
    if (HAS_FLOCK) expect(runsThatLogged(runs.stderrs, "rebuilding the project's own language host")).toBe(1);

    const sha = createHash("sha256").update(Buffer.concat(OWN_LANGHOST_FILES.map((file) => fs.readFileSync(file)))).digest("hex");
    expect(fs.readFileSync(stampFile, "utf8").trim()).toBe(`own ${sha}`);
    // Put in place by a rename: a new file, not the old one written over.
    expect(fs.statSync(path.join(binDir, "pulumi-language-nodejs")).ino).not.toBe(before);
    await expectWorkingCli(binDir);
  }, 600_000);

  test("on a cache from before the YAML language host: both succeed and only that host is built, once", async () => {
    const binDir = path.join(cache, "pulumi-v3.248.0", "bin");
    fs.rmSync(path.join(binDir, "pulumi-language-yaml"));
    fs.rmSync(path.join(binDir, ".language-host-yaml"));
    const cli = fs.statSync(path.join(binDir, "pulumi")).ino;

    const runs = await twoRunsAtOnce(cache);
    expect(runs.binDir).toBe(binDir);
    if (HAS_FLOCK) expect(runsThatLogged(runs.stderrs, "building Pulumi YAML's language host")).toBe(1);
    expect(runsThatLogged(runs.stderrs, "building the Pulumi CLI")).toBe(0);
    expect(fs.statSync(path.join(binDir, "pulumi")).ino).toBe(cli);
    expect(fs.readFileSync(path.join(binDir, ".language-host-yaml"), "utf8").trim()).toBe("pulumi-yaml v1.25.0");
    await expectWorkingCli(binDir);
  }, 600_000);
});
