import { EmulatorFixture, startEmulatorFixture } from "../helpers/emulator-fixture";
import { PulumiStack } from "../helpers/pulumi-stack";
import { EPISODE_GROUPS, SOURCES, STUDIO, UID } from "../helpers/caster-studio";

/**
 * A studio's creation interrupted: a lost CreateCaster reply, and kill -9 of `pulumi up` while
 * the studio is being configured, then the documented recovery. (Its lifecycle is
 * caster.e2e.test.ts: a file of its own, so that jest runs the two side by side.) One emulator per
 * test, each with an empty account: "exactly one studio" counts the account's studios.
 */
describe("a studio's creation interrupted", () => {
  let live: EmulatorFixture;
  let stack: PulumiStack;

  beforeEach(async () => {
    live = await startEmulatorFixture();
  });
  afterEach(async () => {
    await stack?.remove();
    await live?.close();
  });

  const account = () => live.emulator.state().accounts[UID];
  const studios = () => Object.values(account()?.casters ?? {});
  const succeeded = (action: string) => live.emulator.calls().filter((call) => call.action === action && call.httpStatus === 200);

  async function declared(prefix: string, studio: Record<string, unknown> = STUDIO): Promise<PulumiStack> {
    stack = await PulumiStack.create(prefix, { env: live.env });
    await stack.setConfigObject("studios", { main: studio });
    await stack.setConfigObject("sources", SOURCES);
    await stack.setConfigObject("episodeGroups", EPISODE_GROUPS);
    return stack;
  }

  /** The account holds exactly the declared studio, configured, on air and filled, and the stack sees no change. */
  async function expectExactlyTheStudio(studio: Record<string, unknown> = STUDIO): Promise<string> {
    expect(studios()).toHaveLength(1);
    const [made] = studios();
    expect(made).toMatchObject({ casterName: studio.casterName, status: 1 });
    expect(made.config).toMatchObject({ domainName: STUDIO.domainName, delay: studio.delaySeconds, callbackUrl: STUDIO.callbackUrl });
    expect(Object.values(made.videoResources).map((s) => s.locationId).sort()).toEqual(["RV01", "RV02"]);
    expect(Object.values(account().episodeGroups)).toHaveLength(1);
    const studioIds = JSON.parse((await stack.expectSuccess(["stack", "output", "--json", "--stack", stack.name])).stdout).studioIds;
    expect(studioIds).toEqual({ main: made.casterId });
    const again = await stack.preview(["--refresh", "--expect-no-changes"]);
    if (again.code !== 0) console.log(again.output);
    expect(again.code).toBe(0);
    expect(live.undeclaredParameters()).toEqual([]);
    return made.casterId;
  }

  /** A plain destroy of the studio on air (it is stopped, then deleted) leaves the account empty. */
  async function destroyAll(): Promise<void> {
    live.emulator.clearCalls();
    const destroyed = await stack.destroy();
    if (destroyed.code !== 0) console.log(destroyed.output);
    expect(destroyed.code).toBe(0);
    expect(studios()).toEqual([]);
    expect(account().episodeGroups).toEqual({});
    expect(live.mutatingCalls().filter((action) => action.endsWith("Caster"))).toEqual(["StopCaster", "DeleteCaster"]);
  }

  test("a lost CreateCaster reply: the retry with the same ClientToken gets the same studio; exactly one studio", async () => {
    await declared("lost-reply");
    live.emulator.setFaults({ rates: { CreateCaster: { lostResponse: 1 } } });
    const run = await stack.startUntil(stack.upArgs(), () => live.emulator.calls().some((call) => call.action === "CreateCaster"));
    live.emulator.setFaults({ rates: {} });
    const up = await run.result;
    if (up.code !== 0) console.log(up.output);
    expect(up.code).toBe(0);
    const creates = live.emulator.calls().filter((call) => call.action === "CreateCaster");
    expect(creates[0].fault).toBe("LostResponse");
    expect(new Set(creates.map((call) => call.params.ClientToken)).size).toBe(1);
    await expectExactlyTheStudio();

    // The other way to a clean destroy: stopped first (running: false), then destroyed.
    await stack.setConfigObject("studios", { main: { ...STUDIO, running: false } });
    live.emulator.clearCalls();
    expect((await stack.up()).code).toBe(0);
    expect(live.mutatingCalls()).toContain("StopCaster");
    expect(studios()[0].status).toBe(0);
    expect((await stack.destroy()).code).toBe(0);
    expect(studios()).toEqual([]);
    expect(account().episodeGroups).toEqual({});
  });

  /**
   * kill -9 of `pulumi up` while the studio is being configured: CreateCaster has made it, and
   * SetCasterConfig answers ServiceUnavailable (retried) until the kill, so the studio exists in
   * no state. Then the documented recovery.
   */
  async function killWhileConfiguring(): Promise<string> {
    live.emulator.setFaults({ rates: { SetCasterConfig: { serviceUnavailable: 1 } } });
    const run = await stack.startUntil(stack.upArgs(), () => live.emulator.calls().some((call) => call.action === "SetCasterConfig" && call.fault === "ServiceUnavailable"));
    run.kill();
    const killed = await run.result;
    expect(killed.code).not.toBe(0);
    const leftovers = await stack.leftoverProcesses(10_000);
    expect(leftovers.filter((entry) => /dynamic-provider/.test(entry))).toEqual([]);
    live.emulator.setFaults({ rates: {} });
    expect(succeeded("CreateCaster")).toHaveLength(1);
    expect(succeeded("SetCasterConfig")).toEqual([]);
    expect(studios()).toHaveLength(1);
    return studios()[0].casterId;
  }

  /**
   * The documented recovery: `caster-recover` (a dry run first, which changes nothing), then
   * `pulumi up`. The studio is found by its ClientToken and kept: the stack takes it over.
   */
  async function recoverAndUp(made: string): Promise<void> {
    live.emulator.clearCalls();
    const listed = await stack.runPackageCommand("caster-recover", ["--stack", stack.name, "--dry-run"]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^- urn:pulumi:.*Caster::main: a real run sends its ClientToken main-[0-9a-f]{40} again to find its studio, and keeps that studio/m);
    expect(live.emulator.calls()).toEqual([]);

    const recovered = await stack.recover();
    if (recovered.code !== 0) console.log(recovered.output);
    expect(recovered.code).toBe(0);
    // What the killed run left running (Pulumi's own language host outlives its engine) is ended by the recovery.
    expect(await stack.leftoverProcesses(0)).toEqual([]);
    expect(recovered.stdout).toContain(`Caster::main: made studio ${made}; kept: the stack has taken it over.`);
    // The one call that could change something: CreateCaster with the killed run's ClientToken, answered with its studio.
    expect(live.mutatingCalls()).toEqual(["CreateCaster"]);
    expect(studios().map((studio) => studio.casterId)).toEqual([made]);

    live.emulator.clearCalls();
    const up = await stack.up();
    if (up.code !== 0) console.log(up.output);
    expect(up.code).toBe(0);
    expect(live.mutatingCalls()).not.toContain("CreateCaster");
  }

  test("killed while the studio is being configured, then recovered: exactly one studio (the one the killed run made), no diff", async () => {
    await declared("killed-studio");
    const made = await killWhileConfiguring();
    await recoverAndUp(made);
    expect(await expectExactlyTheStudio()).toBe(made);
    await destroyAll();
  });

  test("killed while the studio is being configured, the program edited (name, delay), then recovered: exactly one studio, the edited one", async () => {
    await declared("killed-edited");
    const made = await killWhileConfiguring();
    const edited = { ...STUDIO, casterName: "Late show", delaySeconds: 7 };
    stack.editConfigObject("studios", { main: edited });
    await recoverAndUp(made);
    expect(await expectExactlyTheStudio(edited)).toBe(made);
    await destroyAll();
  });

  test("killed while the studio is being configured, the studio then taken out of the program, recovered: up deletes it, nothing left", async () => {
    await declared("killed-removed");
    const made = await killWhileConfiguring();
    stack.editConfigObject("studios", {});
    stack.editConfigObject("sources", {});
    stack.editConfigObject("episodeGroups", {});
    await recoverAndUp(made);
    expect(live.mutatingCalls()).toEqual(["DeleteCaster"]);
    expect(studios()).toEqual([]);
    expect((await stack.preview(["--expect-no-changes"])).code).toBe(0);
  });
});
