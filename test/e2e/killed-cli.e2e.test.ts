import * as path from "node:path";
import { languageHostDir, PulumiStack } from "../helpers/pulumi-stack";

/** A program that declares nothing and runs until it is killed. */
const ENDLESS_PROGRAM = path.join(__dirname, "endless-program");

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Of a stack's processes, the Node.js language host and the program it runs (`node …/@pulumi/pulumi/cmd/run …`). */
function hostAndProgram(processes: string[]): { host: string[]; program: string[] } {
  return {
    host: processes.filter((entry) => /pulumi-language-nodejs/.test(entry)),
    program: processes.filter((entry) => /@pulumi[/]pulumi[/]cmd[/]run/.test(entry)),
  };
}

/** Waits until `ready` holds for the stack's processes, or `run` ends (an error with its output). */
async function waitForProcesses(stack: PulumiStack, run: ReturnType<PulumiStack["start"]>, ready: (processes: string[]) => boolean): Promise<void> {
  let finished = false;
  void run.result.then(() => (finished = true));
  const deadline = Date.now() + 120_000;
  for (;;) {
    const processes = await stack.leftoverProcesses(0);
    if (ready(processes)) return;
    if (finished) throw new Error(`pulumi ended before its processes were all there:\n${(await run.result).output}`);
    if (Date.now() > deadline) throw new Error(`the processes were not all there within 120 s: ${processes.join("; ")}`);
    await sleep(100);
  }
}

/** Pulumi's own Node.js language host (CASTER_E2E_LANGUAGE_HOST_DIR) checks its engine every 5 minutes only: it does not end by itself. */
const testOfTheStandInHost = languageHostDir() ? test.skip : test;

/**
 * kill -9 of the `pulumi` CLI while the program runs. The engine starts its plugins in process
 * groups of their own, so the kill does not reach them; the project's language host
 * (tools/pulumi-language-nodejs) must notice that the engine is gone and end itself and the
 * program it started, without anyone having to `pkill` them. Other plugins are not looked at here.
 */
describe("kill -9 of the pulumi CLI while a program runs", () => {
  testOfTheStandInHost("the language host and its Node.js program end by themselves within a few seconds", async () => {
    const stack = await PulumiStack.create("killed-cli", { projectDir: ENDLESS_PROGRAM });
    try {
      const run = stack.start(stack.argsFor("preview"));
      let finished = false;
      void run.result.then(() => (finished = true));

      // Wait until the engine has started the language host and the host has started the program.
      const deadline = Date.now() + 120_000;
      for (;;) {
        const { host, program } = hostAndProgram(await stack.leftoverProcesses(0));
        if (host.length > 0 && program.length > 0) break;
        if (finished) throw new Error(`pulumi preview ended before the program ran:\n${(await run.result).output}`);
        if (Date.now() > deadline) throw new Error(`the program did not start within 120 s (host: ${host}, program: ${program})`);
        await sleep(100);
      }

      run.kill();
      const killed = await run.result;
      expect(killed.code).not.toBe(0);
      const killedAt = Date.now();

      // No killLeftovers(): what is still there after 5 s was left behind.
      let left = hostAndProgram(await stack.leftoverProcesses(0));
      while ((left.host.length > 0 || left.program.length > 0) && Date.now() - killedAt < 5_000) {
        await sleep(50);
        left = hostAndProgram(await stack.leftoverProcesses(0));
      }
      const remaining = left.host.length + left.program.length;
      console.log(`${Date.now() - killedAt} ms after the kill: ${remaining === 0 ? "language host and program gone" : `${remaining} of them still running`}`);
      expect(left).toEqual({ host: [], program: [] });
    } finally {
      await stack.remove();
    }
  });

  /**
   * With any language host, Pulumi's own included: after the kill and the documented recovery
   * (`caster-recover`), no process of the run is left, the language host, the program and the
   * dynamic-provider plugin (whose create never returns) among them.
   */
  test("after caster-recover, no process of the killed run remains", async () => {
    const stack = await PulumiStack.create("killed-cli-recover", { projectDir: ENDLESS_PROGRAM });
    try {
      await stack.setConfig("hangInCreate", "true");
      const run = stack.start([...stack.upArgs()]);
      await waitForProcesses(stack, run, (processes) => {
        const { host, program } = hostAndProgram(processes);
        return host.length > 0 && program.length > 0 && processes.some((entry) => /cmd[/]dynamic-provider[/]index\.js/.test(entry));
      });
      run.kill();
      expect((await run.result).code).not.toBe(0);
      const atKill = await stack.leftoverProcesses(0);
      console.log(`left by the kill: ${atKill.length} processes${atKill.length > 0 ? `\n${atKill.join("\n")}` : ""}`);

      // A dry run lists what it would end and ends nothing: Pulumi's host is listed, and still there after it.
      const listed = await stack.runPackageCommand("caster-recover", ["--stack", stack.name, "--config-file", stack.configFile, "--dry-run"]);
      expect(listed.code).toBe(0);
      if (languageHostDir()) {
        const hostPid = /^- (\d+) \(language host\): /m.exec(listed.stdout)?.[1];
        expect(hostPid).toBeDefined();
        expect((await stack.leftoverProcesses(0)).map((entry) => entry.split(":")[0])).toContain(hostPid);
      }

      const recovered = await stack.recover();
      console.log(recovered.output);
      expect(recovered.code).toBe(0);
      // Nothing ends by itself any more here: what caster-recover leaves is left.
      expect(await stack.leftoverProcesses(0)).toEqual([]);
      // Pulumi's own host is still there at the recovery (the stand-in may have ended already): it is ended and said so.
      if (languageHostDir()) expect(recovered.stdout).toMatch(/^- \d+ \(language host\): /m);
    } finally {
      await stack.remove();
    }
  });
});
