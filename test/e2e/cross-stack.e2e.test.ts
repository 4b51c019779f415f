import { EmulatorFixture, startEmulatorFixture } from "../helpers/emulator-fixture";
import { PulumiStack, StateResource } from "../helpers/pulumi-stack";

const GROUP_TYPE = "pulumi-nodejs:dynamic/alicloud-caster:CasterEpisodeGroup";

/**
 * Issue 29, through the real engine: two stacks declaring the same episode group. Each stack
 * derives its own ClientToken, so the second `up` used to make a second playlist, silently. Now it
 * fails before any call that changes anything; the first stack's ProgramId as importId (with
 * `retainOnDelete: true`) takes the group over with none, and destroying the second stack leaves it.
 */
describe("the same episode group declared by two stacks", () => {
  let live: EmulatorFixture;
  let casterId: string;
  const stacks: PulumiStack[] = [];

  const programs = () => Object.values(live.emulator.state().accounts["1000000000000001"].episodeGroups);
  const groupOf = async (stack: PulumiStack): Promise<StateResource | undefined> =>
    (await stack.resources(GROUP_TYPE)).find((resource) => resource.urn.endsWith("::evening"));
  const evening = () => ({
    casterId,
    startTime: "2030-06-01T20:00:00Z",
    repeatNum: -1,
    items: [
      { itemName: "Opening", vodUrl: "https://media.example.com/opening.mp4" },
      { itemName: "Feature", vodUrl: "https://media.example.com/feature.flv" },
    ],
  });

  beforeAll(async () => {
    live = await startEmulatorFixture();
    casterId = await live.createCaster();
  });
  afterAll(async () => {
    for (const stack of stacks) await stack.remove();
    await live?.close();
  });

  test("the second up fails naming the group's ItemIds; its ProgramId adopts it with no mutating call; destroying that stack leaves the first's group", async () => {
    const first = await PulumiStack.create("twins-first", { env: live.env });
    stacks.push(first);
    await first.setConfigObject("episodeGroups", { evening: evening() });
    const made = await first.up();
    expect({ code: made.code, output: made.code === 0 ? "" : made.output }).toEqual({ code: 0, output: "" });
    const group = await groupOf(first);
    const programId = group?.id as string;
    const itemIds = group?.outputs?.itemIds as string[];
    expect(programs().map((program) => program.programId)).toEqual([programId]);

    const second = await PulumiStack.create("twins-second", { env: live.env });
    stacks.push(second);
    await second.setConfigObject("episodeGroups", { evening: evening() });
    live.emulator.clearCalls();
    const refused = await second.up();
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain(`studio ${casterId} already has this episode group: its program lists, from 2030-06-01T20:00:00Z, items named "Opening", "Feature" (ItemIds ${itemIds.join(", ")})`);
    expect(refused.output).toContain("set importId to its ProgramId");
    expect(live.mutatingCalls()).toEqual([]);
    expect(programs()).toHaveLength(1);

    // The ProgramId, as the message says where to find it: the first stack's resource ID.
    const ids = await first.run(["stack", "--stack", first.name, "--show-ids"]);
    expect(ids.stdout).toContain(programId);
    await second.setConfigObject("episodeGroups", { evening: { ...evening(), importId: programId } });
    await second.setConfigObject("retainedGroups", ["evening"]);
    live.emulator.clearCalls();
    const adopted = await second.up();
    expect({ code: adopted.code, output: adopted.code === 0 ? "" : adopted.output }).toEqual({ code: 0, output: "" });
    expect(live.mutatingCalls()).toEqual([]);
    expect((await groupOf(second))?.id).toBe(programId);
    expect(programs()).toHaveLength(1);

    live.emulator.clearCalls();
    const destroyed = await second.destroy();
    expect({ code: destroyed.code, output: destroyed.code === 0 ? "" : destroyed.output }).toEqual({ code: 0, output: "" });
    expect(live.mutatingCalls()).toEqual([]);
    expect(programs().map((program) => program.programId)).toEqual([programId]);
    // The first stack still has its group as it made it.
    const refresh = await first.refresh(["--expect-no-changes"]);
    expect({ code: refresh.code, output: refresh.code === 0 ? "" : refresh.output }).toEqual({ code: 0, output: "" });

    expect((await first.destroy()).code).toBe(0);
    expect(programs()).toEqual([]);
  });
});
