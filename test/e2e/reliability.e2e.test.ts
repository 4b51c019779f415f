import { EmulatorFixture, startEmulatorFixture } from "../helpers/emulator-fixture";
import { PulumiStack } from "../helpers/pulumi-stack";
import { fullStudio, StudioDeclaration } from "../helpers/studio";

/**
 * Whatever the network and the API do, `pulumi up` ends in exactly the declared studio: 99
 * sources and 10 episode groups, nothing lost, nothing duplicated.
 */
const UID = "1000000000000001";

function expectExactly(live: EmulatorFixture, casterId: string, studio: StudioDeclaration): void {
  const sources = live.sources(casterId);
  const declared = Object.values(studio.sources);
  expect(sources.map((s) => s.locationId).sort()).toEqual(declared.map((s) => s.locationId as string).sort());
  for (const source of sources) {
    expect(source.resourceName).toBe(declared.find((d) => d.locationId === source.locationId)?.resourceName);
  }
  const groups = Object.values(live.emulator.state().accounts[UID].episodeGroups);
  const wanted = Object.values(studio.episodeGroups).map((g) => (g.items as { itemName: string }[])[0].itemName).sort();
  expect(groups.map((g) => g.items[0].itemName).sort()).toEqual(wanted);
}

async function expectConverged(stack: PulumiStack, live: EmulatorFixture): Promise<void> {
  const preview = await stack.preview(["--expect-no-changes"]);
  expect(preview.code).toBe(0);
  live.emulator.clearCalls();
  const again = await stack.up();
  expect(again.code).toBe(0);
  expect(live.mutatingCalls()).toEqual([]);
}

describe("pulumi up against a failing API", () => {
  let live: EmulatorFixture;
  let stack: PulumiStack;
  let casterId: string;
  let studio: StudioDeclaration;

  beforeAll(async () => {
    live = await startEmulatorFixture();
    casterId = await live.createCaster();
    studio = fullStudio(casterId);
    stack = await PulumiStack.create("faults", { env: live.env });
    await stack.setConfigObject("sources", studio.sources);
    await stack.setConfigObject("episodeGroups", studio.episodeGroups);
  });
  afterAll(async () => {
    await stack?.remove();
    await live?.close();
  });

  test("with 20% of calls failing (500, 503, Throttling, lost replies) up converges to exactly the declared studio", async () => {
    live.emulator.setFaults({
      seed: 2026,
      rates: { "*": { internalError: 0.05, serviceUnavailable: 0.05, throttling: 0.05, lostResponse: 0.05 } },
    });
    live.emulator.clearCalls();
    const result = await stack.up();
    const calls = live.emulator.calls();
    const faults = calls.filter((call) => call.fault);
    live.emulator.setFaults({ rates: {} });
    console.log(`faults: ${calls.length} calls, ${faults.length} faults injected (` +
      ["InternalError", "ServiceUnavailable", "Throttling", "LostResponse"].map((f) => `${f} ${faults.filter((c) => c.fault === f).length}`).join(", ") + ")");
    expect(result.code).toBe(0);
    expect(faults.filter((call) => call.fault === "LostResponse" && call.action === "AddCasterVideoResource").length).toBeGreaterThan(0);
    // Retries are said while they wait, not silent seconds.
    expect(result.output).toMatch(/pulumi-alicloud-caster: \w+: (InternalError|ServiceUnavailable|Throttling\S*), retry 1 in \d+\.\d s \(gives up \d+ s from now\)/);
    expectExactly(live, casterId, studio);
    await expectConverged(stack, live);
  });

  test("drift behind Pulumi's back: refresh shows a changed source, a deleted source and a deleted group; up repairs them", async () => {
    const sources = live.sources(casterId);
    const renamed = sources.find((s) => s.locationId === "RV10")!;
    const deleted = sources.find((s) => s.locationId === "RV20")!;
    await live.client.call("ModifyCasterVideoResource", { CasterId: casterId, ResourceId: renamed.resourceId, ResourceName: "Renamed in the console" });
    await live.client.call("DeleteCasterVideoResource", { CasterId: casterId, ResourceId: deleted.resourceId });
    const group = Object.values(live.emulator.state().accounts[UID].episodeGroups).find((g) => g.items[0].itemName === "Group 3 opening")!;
    await live.client.call("DeleteCasterEpisodeGroup", { ProgramId: group.programId });

    const refresh = await stack.refresh();
    expect(refresh.code).toBe(0);
    expect(refresh.output).toMatch(/~ 1 updated/);
    expect(refresh.output).toMatch(/- 2 deleted/);

    live.emulator.clearCalls();
    const up = await stack.up();
    expect(up.code).toBe(0);
    expect(live.mutatingCalls().sort()).toEqual(["AddCasterEpisodeGroup", "AddCasterVideoResource", "ModifyCasterVideoResource"]);
    expectExactly(live, casterId, studio);
    await expectConverged(stack, live);
  });

  test("destroy under faults leaves nothing", async () => {
    live.emulator.setFaults({ seed: 7, rates: { "*": { internalError: 0.05, serviceUnavailable: 0.05, throttling: 0.05, lostResponse: 0.05 } } });
    const result = await stack.destroy();
    live.emulator.setFaults({ rates: {} });
    expect(result.code).toBe(0);
    expect(live.sources(casterId)).toEqual([]);
    expect(live.emulator.state().accounts[UID].episodeGroups).toEqual({});
  });

  test("every parameter the provider sent is one the spec declares", () => {
    expect(live.undeclaredParameters()).toEqual([]);
  });
});
