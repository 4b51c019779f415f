import * as fs from "node:fs";
import * as path from "node:path";
import { mulberry32 } from "../../emulator/faults";
import { EmulatorFixture, startEmulatorFixture } from "../helpers/emulator-fixture";
import { interruptedRuns, SOURCE_CREATE } from "../helpers/interrupted-runs";
import { PulumiStack } from "../helpers/pulumi-stack";
import { fullStudio } from "../helpers/studio";

/**
 * kill -9 of `pulumi up` while the studio is being created (the CLI's process group; the plugins,
 * which the engine starts in groups of their own, end by themselves once their engine is gone),
 * then the documented recovery: `caster-recover`, then `pulumi up`, with the program unchanged.
 * The program edited in between is interrupted-edited.e2e.test.ts, a file of its own so that
 * jest runs the two side by side.
 */
describe("an interrupted pulumi up", () => {
  let live: EmulatorFixture;

  beforeAll(async () => {
    live = await startEmulatorFixture();
  });
  afterAll(() => live?.close());

  const { groupsOf, succeededCalls, killDuring, expectExactly, recoverAndUp } = interruptedRuns(() => live);

  test.each([11, 22, 33])("killed at a random point (seed %i), then recovered: exactly the declared studio, no orphans", async (seed) => {
    const random = mulberry32(seed);
    const casterId = await live.createCaster(`interrupted-${seed}`);
    const studio = fullStudio(casterId);
    const stack = await PulumiStack.create(`killed-${seed}`, { env: live.env });
    try {
      await stack.setConfigObject("sources", studio.sources);
      await stack.setConfigObject("episodeGroups", studio.episodeGroups);
      // Somewhere in the middle of the 99 source creates.
      const killAfter = 5 + Math.floor(random() * 90);
      const killed = await killDuring(stack, SOURCE_CREATE, killAfter);
      console.log(`seed ${seed}: killed after ${succeededCalls(SOURCE_CREATE)} source creates (exit ${killed.code}); the API held ` +
        `${live.sources(casterId).length} sources and ${groupsOf(casterId).length} groups of 99 and 10`);

      await recoverAndUp(stack);
      await expectExactly(stack, casterId, studio);

      expect((await stack.destroy()).code).toBe(0);
      expect(live.sources(casterId)).toEqual([]);
      expect(groupsOf(casterId)).toEqual([]);
    } finally {
      await stack.remove();
    }
  });

  test("a kill while the file backend writes a state file's metadata (left empty) is repaired by the recovery", async () => {
    const casterId = await live.createCaster("attrs");
    const studio = fullStudio(casterId, 2, 1);
    const stack = await PulumiStack.create("attrs", { env: live.env });
    try {
      await stack.setConfigObject("sources", studio.sources);
      await stack.setConfigObject("episodeGroups", studio.episodeGroups);
      expect((await stack.up()).code).toBe(0);
      // What a kill -9 between fileblob's create and write of the sidecar leaves (seen in this test's seeded kills).
      const stacksDir = path.join(stack.workDir, "state", ".pulumi", "stacks");
      const attrs = path.join(stacksDir, fs.readdirSync(stacksDir)[0], `${stack.name}.json.attrs`);
      fs.writeFileSync(attrs, "");
      const broken = await stack.preview();
      expect(broken.code).not.toBe(0);
      expect(broken.output).toContain("failed to load checkpoint: EOF");

      // A dry run too must read past it (a seeded kill once left exactly this before a dry run).
      const listed = await stack.runPackageCommand("caster-recover", ["--stack", stack.name, "--dry-run"]);
      expect(listed.code).toBe(0);
      expect(listed.stdout).toContain(`removed ${attrs}, a metadata file the killed run left empty`);
      const recovered = await stack.recover();
      expect(recovered.code).toBe(0);
      await expectExactly(stack, casterId, studio);
      expect((await stack.destroy()).code).toBe(0);
    } finally {
      await stack.remove();
    }
  });

  test("every parameter the provider sent is one the spec declares", () => {
    expect(live.undeclaredParameters()).toEqual([]);
  });
});
