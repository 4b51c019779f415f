import { EmulatorFixture } from "./emulator-fixture";
import { CliResult, PulumiStack } from "./pulumi-stack";
import { StudioDeclaration } from "./studio";

export const UID = "1000000000000001";
export const SOURCE_CREATE = "AddCasterVideoResource";
export const GROUP_CREATE = "AddCasterEpisodeGroup";

/**
 * The steps of the interrupted-`pulumi up` tests (test/e2e/interrupted*.e2e.test.ts): kill -9 of
 * `pulumi up` once some creates have succeeded, the documented recovery (`caster-recover`, then
 * `pulumi up`), and the check that exactly the declared studio is left.
 */
export function interruptedRuns(fixture: () => EmulatorFixture) {
  const groupsOf = (casterId: string) => {
    const domain = `${casterId.split("-").pop()}.`;
    return Object.values(fixture().emulator.state().accounts[UID].episodeGroups).filter((g) => g.domainName.startsWith(domain));
  };
  const succeededCalls = (action: string) => fixture().emulator.calls().filter((call) => call.action === action && call.httpStatus === 200).length;

  /** Starts `up` and kills it once `killAfter` calls of `action` have succeeded; what the run leaves running is the recovery's to end. */
  async function killDuring(stack: PulumiStack, action: string, killAfter: number): Promise<CliResult> {
    fixture().emulator.clearCalls();
    const run = await stack.startUntil(stack.upArgs(), () => succeededCalls(action) >= killAfter);
    run.kill();
    const killed = await run.result;
    expect(killed.code).not.toBe(0);
    // The run's plugins see their engine gone and end by themselves: nobody kills them by name.
    const leftovers = await stack.leftoverProcesses(10_000);
    expect(leftovers.filter((entry) => /dynamic-provider/.test(entry))).toEqual([]);
    return killed;
  }

  async function expectExactly(stack: PulumiStack, casterId: string, studio: StudioDeclaration): Promise<void> {
    const sources = fixture().sources(casterId);
    expect(sources.map((s) => s.locationId).sort()).toEqual(Object.values(studio.sources).map((s) => s.locationId as string).sort());
    expect(sources.map((s) => s.resourceName).sort()).toEqual(Object.values(studio.sources).map((s) => s.resourceName as string).sort());
    expect(groupsOf(casterId).map((g) => g.items.map((item) => item.itemName).join(" + ")).sort()).toEqual(
      Object.values(studio.episodeGroups).map((g) => (g.items as { itemName: string }[]).map((item) => item.itemName).join(" + ")).sort(),
    );
    expect((await stack.preview(["--expect-no-changes"])).code).toBe(0);
  }

  async function recoverAndUp(stack: PulumiStack): Promise<void> {
    // First only listed: a dry run changes nothing on the studio.
    fixture().emulator.clearCalls();
    const listed = await stack.runPackageCommand("caster-recover", ["--stack", stack.name, "--dry-run"]);
    if (listed.code !== 0) console.log(listed.output);
    expect(listed.code).toBe(0);
    expect(fixture().mutatingCalls()).toEqual([]);
    // The kill came in the middle of the creates: some were unfinished.
    expect(listed.stdout).toMatch(/^- urn:pulumi:/m);
    const recovered = await stack.recover();
    if (recovered.code !== 0) console.log(recovered.output);
    expect(recovered.code).toBe(0);
    // Pulumi's own language host outlives its engine by up to 5 minutes: the recovery ends it, and nobody kills anything by hand.
    expect(await stack.leftoverProcesses(0)).toEqual([]);
    const up = await stack.up();
    if (up.code !== 0) console.log(up.output);
    expect(up.code).toBe(0);
  }

  return { groupsOf, succeededCalls, killDuring, expectExactly, recoverAndUp };
}

/**
 * Every live stream signed and every group's first file signed: such URLs are secrets, which the
 * exported state holds wrapped, and the recovery must still match them.
 */
export function withSignedUrls(studio: StudioDeclaration): StudioDeclaration {
  const sign = (url: string) => `${url}?auth_key=1767225600-0-0-0f1e2d3c4b5a69788796a5b4c3d2e1f0`;
  return {
    sources: Object.fromEntries(Object.entries(studio.sources).map(([name, source]) =>
      [name, source.liveStreamUrl ? { ...source, liveStreamUrl: sign(source.liveStreamUrl as string) } : source])),
    episodeGroups: Object.fromEntries(Object.entries(studio.episodeGroups).map(([name, group]) => {
      const [first, ...rest] = group.items as { itemName: string; vodUrl: string }[];
      return [name, { ...group, items: [{ ...first, vodUrl: sign(first.vodUrl) }, ...rest] }];
    })),
  };
}
