import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { PulumiStack } from "../test/helpers/pulumi-stack";
import { CheckpointProfile } from "./measure";

/**
 * What the file backend spends on checkpoints in one `pulumi up`, measured two ways at once:
 * - how many state files it writes and how large: each write ends in a rename onto the state
 *   file (fileblob writes a temporary file and renames it), which inotify reports (fs.watch), and
 *   the file is read for its size then;
 * - how much CPU they take: `pulumi up --profiling` writes the engine's Go CPU profile, and `go
 *   tool pprof` gives the time spent under SnapshotManager.saveSnapshot (serializing the whole
 *   snapshot, checking its integrity, marshalling it, backing up and writing the file).
 * The profiler and its execution trace add work of their own, so such a run measures where the
 * time goes, and its wall time is not a result. (PULUMI_DIY_BACKEND_RETAIN_CHECKPOINTS, which
 * keeps a copy of every checkpoint, is no way to count them: each copy is a second write, and
 * every later checkpoint lists the growing folder to find the state file.)
 */
export async function profiledUp(stack: PulumiStack, profileDir: string): Promise<{ writes: number; bytesWritten: number }> {
  fs.mkdirSync(profileDir, { recursive: true });
  const stateFile = stateFilePath(stack);
  let writes = 0;
  let bytesWritten = 0;
  const watcher = fs.watch(path.dirname(stateFile), (event, name) => {
    if (event !== "rename" || name !== path.basename(stateFile)) return;
    try {
      bytesWritten += fs.statSync(stateFile).size;
      writes++;
    } catch {
      // between the rename and the read, only another rename can replace it: that one is counted
    }
  });
  try {
    const run = await stack.run(stack.upArgs(["--profiling", path.join(profileDir, stack.name)]));
    if (run.code !== 0) throw new Error(`profiled pulumi up failed:\n${run.output.slice(-3000)}`);
  } finally {
    watcher.close();
  }
  return { writes, bytesWritten };
}

/** The checkpoint figures of a {@link profiledUp} that created `resources`, with the CPU profile it left. */
export function checkpointProfile(stack: PulumiStack, resources: number, profileDir: string, counted: { writes: number; bytesWritten: number }): CheckpointProfile {
  const stateFile = stateFilePath(stack);
  const cpuProfile = fs.readdirSync(profileDir).find((name) => name.startsWith(`${stack.name}.`) && name.endsWith(".cpu"));
  if (!cpuProfile) throw new Error(`pulumi up --profiling wrote no CPU profile in ${profileDir}`);
  const { saveMs, totalMs } = saveSnapshotCpu(path.join(profileDir, cpuProfile));
  return {
    ...counted,
    stateBytesPerResource: Math.round(fs.statSync(stateFile).size / resources),
    saveCpuSeconds: Math.round(saveMs) / 1000,
    saveMsPerResource: Math.round((saveMs / resources) * 100) / 100,
    engineCpuSeconds: Math.round(totalMs) / 1000,
  };
}

const SAVE_SNAPSHOT = "backend.(*SnapshotManager).saveSnapshot";

/** The cumulative CPU milliseconds under saveSnapshot, and the profile's total, from `go tool pprof -top`. */
function saveSnapshotCpu(cpuProfile: string): { saveMs: number; totalMs: number } {
  let top: string;
  try {
    top = execFileSync("go", ["tool", "pprof", "-top", "-cum", "-unit=ms", "-nodecount=100000", cpuProfile], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 64 * 2 ** 20,
    });
  } catch (error) {
    // Go is there wherever tools/install-pulumi.sh built the CLI; a CLI taken from PATH may come without it.
    throw new Error(`the checkpoint profile reads Pulumi's CPU profile with \`go tool pprof\`, which failed: ${(error as Error).message}`);
  }
  const total = /Total samples = ([\d.]+)ms/.exec(top);
  // Columns: flat flat% sum% cum cum% name.
  const line = top.split("\n").find((text) => text.trimEnd().endsWith(SAVE_SNAPSHOT));
  const cum = line ? Number(line.trim().split(/\s+/)[3].replace(/ms$/, "")) : 0;
  return { saveMs: cum, totalMs: total ? Number(total[1]) : 0 };
}

/** The stack's state file in its file backend (as PulumiStack.stateFileText reads it). */
function stateFilePath(stack: PulumiStack): string {
  const stacksDir = path.join(stack.workDir, "state", ".pulumi", "stacks");
  return path.join(stacksDir, fs.readdirSync(stacksDir)[0], `${stack.name}.json`);
}
