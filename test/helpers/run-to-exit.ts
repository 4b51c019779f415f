import { spawn } from "node:child_process";

export interface Exit {
  /** False when the process had to be killed: it was still running at the ceiling. */
  exitedOnItsOwn: boolean;
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command to its end, as a shell or a pipeline would, and says whether it ended by itself.
 * `hangCeilingMs` is not a speed target: it only turns a command that never exits (something left
 * open keeps Node alive) into a failed test instead of a suite that hangs, and is set far beyond
 * any normal run.
 */
export function runToExit(command: string, args: string[], options: { env: NodeJS.ProcessEnv; cwd?: string; hangCeilingMs: number }): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: options.env, cwd: options.cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    let killed = false;
    const ceiling = setTimeout(() => {
      killed = true;
      child.kill("SIGKILL");
    }, options.hangCeilingMs);
    child.once("error", (error) => {
      clearTimeout(ceiling);
      reject(error);
    });
    child.once("close", (code) => {
      clearTimeout(ceiling);
      resolve({ exitedOnItsOwn: !killed, code, stdout, stderr });
    });
  });
}
