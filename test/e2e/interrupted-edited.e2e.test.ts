import { mulberry32 } from "../../emulator/faults";
import { EmulatorFixture, startEmulatorFixture } from "../helpers/emulator-fixture";
import { GROUP_CREATE, interruptedRuns, SOURCE_CREATE, withSignedUrls } from "../helpers/interrupted-runs";
import { PulumiStack } from "../helpers/pulumi-stack";
import { fullStudio, location, StudioDeclaration } from "../helpers/studio";

/**
 * kill -9 of `pulumi up` while the studio is being created, the program edited, then the
 * documented recovery (`caster-recover`, then `pulumi up`): what the killed run's unfinished
 * creates made is declared nowhere any more, and must not stay on air. The same with the program
 * unchanged is interrupted.e2e.test.ts.
 */
describe("an interrupted pulumi up, the program edited before the recovery", () => {
  let live: EmulatorFixture;

  beforeAll(async () => {
    live = await startEmulatorFixture();
  });
  afterAll(() => live?.close());

  const { groupsOf, succeededCalls, killDuring, expectExactly, recoverAndUp } = interruptedRuns(() => live);

  /**
   * The program changes between the kill and the recovery: every source moves 50 positions up and
   * every group's items are renamed. Whatever the killed run's unfinished creates made is then
   * declared nowhere; the recovery must remove it, or it stays on air outside any state.
   */
  test.each([
    ["sources", SOURCE_CREATE, 41],
    ["sources", SOURCE_CREATE, 42],
    ["groups", GROUP_CREATE, 43],
    ["groups", GROUP_CREATE, 44],
  ])("killed while creating %s (%s, seed %i), the program edited, then recovered: exactly the edited studio", async (_what, action, seed) => {
    const random = mulberry32(seed);
    const casterId = await live.createCaster(`edited-${seed}`);
    const before = withSignedUrls(fullStudio(casterId, 40, 10));
    const after: StudioDeclaration = {
      sources: Object.fromEntries(Object.entries(before.sources).map(([name, source], n) => [name, { ...source, locationId: location(n + 51) }])),
      episodeGroups: Object.fromEntries(Object.entries(before.episodeGroups).map(([name, group]) => [name, {
        ...group,
        items: (group.items as { itemName: string; vodUrl: string }[]).map((item) => ({ ...item, itemName: `${item.itemName} (renamed)` })),
      }])),
    };
    const stack = await PulumiStack.create(`edited-${seed}`, { env: live.env });
    try {
      await stack.setConfigObject("sources", before.sources);
      await stack.setConfigObject("episodeGroups", before.episodeGroups);
      const killAfter = action === SOURCE_CREATE ? 3 + Math.floor(random() * 30) : 1 + Math.floor(random() * 7);
      await killDuring(stack, action, killAfter);
      console.log(`seed ${seed}: killed after ${succeededCalls(action)} ${action} calls; the API held ` +
        `${live.sources(casterId).length} sources and ${groupsOf(casterId).length} groups of 40 and 10`);

      stack.editConfigObject("sources", after.sources);
      stack.editConfigObject("episodeGroups", after.episodeGroups);
      await recoverAndUp(stack);
      await expectExactly(stack, casterId, after);

      expect((await stack.destroy()).code).toBe(0);
      expect(live.sources(casterId)).toEqual([]);
      expect(groupsOf(casterId)).toEqual([]);
    } finally {
      await stack.remove();
    }
  });

  test("every parameter the provider sent is one the spec declares", () => {
    expect(live.undeclaredParameters()).toEqual([]);
  });
});
