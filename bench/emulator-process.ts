import { ChildProcess, spawn } from "node:child_process";
import * as path from "node:path";
import type { CallRecord } from "../emulator";
import type { FaultPlan } from "../emulator/faults";

const CLI = path.resolve(__dirname, "../../dist/emulator/cli.js");

/**
 * The emulator in a process of its own, as a user runs it, so that its event loop does not share
 * time with the client being measured. Talks to it through its control endpoints.
 */
export class EmulatorProcess {
  private constructor(private readonly child: ChildProcess, readonly url: string) {}

  /** `accountsFile`: the emulator's --accounts (keys and the account each acts in); left out, the demo account alone. */
  static async start(latencyMs: number, accountsFile?: string): Promise<EmulatorProcess> {
    const args = [CLI, "--quiet", "--latency-ms", String(latencyMs), ...(accountsFile ? ["--accounts", accountsFile] : [])];
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
    const url = await new Promise<string>((resolve, reject) => {
      let text = "";
      child.stdout?.on("data", (chunk: Buffer) => {
        text += chunk;
        const match = /http:\/\/127\.0\.0\.1:\d+/.exec(text);
        if (match) resolve(match[0]);
      });
      child.on("exit", (code) => reject(new Error(`the emulator exited with ${code}`)));
    });
    return new EmulatorProcess(child, url);
  }

  async calls(): Promise<CallRecord[]> {
    return ((await (await fetch(`${this.url}/_emulator/calls`)).json()) as { calls: CallRecord[] }).calls;
  }

  async clearCalls(): Promise<void> {
    await fetch(`${this.url}/_emulator/calls`, { method: "DELETE" });
  }

  async setFaults(plan: FaultPlan): Promise<void> {
    await fetch(`${this.url}/_emulator/faults`, { method: "PUT", body: JSON.stringify(plan) });
  }

  stop(): void {
    this.child.kill("SIGTERM");
  }
}
