import { mulberry32 } from "../../emulator/faults";
import { EmulatorFixture, startEmulatorFixture } from "../helpers/emulator-fixture";
import { PulumiStack } from "../helpers/pulumi-stack";
import { fullStudio } from "../helpers/studio";

const UID = "1000000000000001";
const SEEDS = [11, 22, 33];

/**
 * kill -9 of `pulumi up` while the studio is being created (the CLI's process group; the plugins,
 * which the engine starts in groups of their own, live on and are ended a moment later),
 * then the recovery the README documents: `pulumi cancel` (the killed run's lock),
 * `pulumi refresh --clear-pending-creates`, `pulumi up`.
 */
describe("an interrupted pulumi up", () => {
  let live: EmulatorFixture;

  beforeAll(async () => {
    live = await startEmulatorFixture();
  });
  afterAll(() => live?.close());

  test.each(SEEDS)("killed at a random point (seed %i), then recovered: exactly the declared studio, no orphans", async (seed) => {
    const random = mulberry32(seed);
    const casterId = await live.createCaster(`interrupted-${seed}`);
    const studio = fullStudio(casterId);
    const stack = await PulumiStack.create(`killed-${seed}`, { env: live.env });
    try {
      await stack.setConfigObject("sources", studio.sources);
      await stack.setConfigObject("episodeGroups", studio.episodeGroups);

      // Kill once the API has taken this many of the 109 creates: somewhere in the middle of the run.
      const killAfter = 5 + Math.floor(random() * 100);
      const CREATES = new Set(["AddCasterVideoResource", "AddCasterEpisodeGroup"]);
      const creates = () => live.emulator.calls().filter((call) => CREATES.has(call.action) && call.httpStatus === 200).length;
      live.emulator.clearCalls();
      const run = stack.start(stack.upArgs());
      while (creates() < killAfter) {
        const finished = await Promise.race([run.result.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 20))]);
        if (finished) break;
      }
      run.kill();
      const killed = await run.result;
      await new Promise((resolve) => setTimeout(resolve, 500));
      await stack.killLeftovers();
      const domain = `${casterId.split("-").pop()}.`;
      const groupsOfStudio = () =>
        Object.values(live.emulator.state().accounts[UID].episodeGroups).filter((g) => g.domainName.startsWith(domain));
      console.log(`seed ${seed}: killed after ${creates()} creates (exit ${killed.code}); the API held ` +
        `${live.sources(casterId).length} sources and ${groupsOfStudio().length} groups of 99 and 10`);

      // The killed run left its lock; cancel removes it (it does not undo anything).
      expect((await stack.run(["cancel", "--stack", stack.name, "--yes", "--non-interactive"])).code).toBe(0);
      const refresh = await stack.refresh(["--clear-pending-creates"]);
      if (refresh.code !== 0) console.log(refresh.output);
      expect(refresh.code).toBe(0);
      const up = await stack.up();
      expect(up.code).toBe(0);

      const sources = live.sources(casterId);
      expect(sources.map((s) => s.locationId).sort()).toEqual(Object.values(studio.sources).map((s) => s.locationId as string).sort());
      expect(groupsOfStudio().map((g) => g.items[0].itemName).sort()).toEqual(
        Object.values(studio.episodeGroups).map((g) => (g.items as { itemName: string }[])[0].itemName).sort(),
      );
      const preview = await stack.preview(["--expect-no-changes"]);
      expect(preview.code).toBe(0);

      expect((await stack.destroy()).code).toBe(0);
      expect(live.sources(casterId)).toEqual([]);
    } finally {
      await stack.remove();
    }
  });
});
