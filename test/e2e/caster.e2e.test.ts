import { EmulatorFixture, startEmulatorFixture } from "../helpers/emulator-fixture";
import { howSaid, PulumiStack } from "../helpers/pulumi-stack";

const UID = "1000000000000001";

const STUDIO = {
  casterName: "Evening show",
  normType: 1,
  casterTemplate: "lp_sd",
  domainName: "live.example.com",
  delaySeconds: 3,
  callbackUrl: "https://hooks.example.com/caster",
  recording: {
    ossEndpoint: "oss-cn-shanghai.aliyuncs.com",
    ossBucket: "evening-shows",
    formats: [{ format: "mp4", ossObjectPrefix: "record/{AppName}/{StreamName}/{Sequence}", cycleDurationSeconds: 3600 }],
  },
  running: true,
};
const SOURCES = {
  camera: { casterId: "studio:main", resourceName: "Main camera", locationId: "RV01", liveStreamUrl: "rtmp://push.example.com/live/cam1" },
  reel: { casterId: "studio:main", resourceName: "Intro reel", locationId: "RV02", vodUrl: "https://media.example.com/reels/intro.mp4" },
};
const EPISODE_GROUPS = {
  evening: {
    casterId: "studio:main",
    startTime: "2030-06-01T18:00:00Z",
    items: [{ itemName: "Opening", vodUrl: "https://media.example.com/evening/opening.mp4" }],
  },
};

/**
 * A studio (Caster) made, configured, started and filled by `pulumi up` in an empty account,
 * changed in the console and in the program, and destroyed: the real CLI against the emulator.
 */
describe("a studio (Caster) with the real CLI", () => {
  let live: EmulatorFixture;
  let stack: PulumiStack;

  beforeAll(async () => {
    live = await startEmulatorFixture();
    stack = await PulumiStack.create("caster", { env: live.env });
    await stack.setConfigObject("studios", { main: STUDIO });
    await stack.setConfigObject("sources", SOURCES);
    await stack.setConfigObject("episodeGroups", EPISODE_GROUPS);
  });
  afterAll(async () => {
    await stack?.remove();
    await live?.close();
  });

  const account = () => live.emulator.state().accounts[UID];
  const studios = () => Object.values(account()?.casters ?? {});
  function theStudio() {
    const all = studios();
    expect(all).toHaveLength(1);
    return all[0];
  }

  test("up in an empty account makes the studio, configures it, starts it and fills it; the outputs have its scenes", async () => {
    expect(studios()).toEqual([]);
    live.emulator.clearCalls();
    const up = await stack.up();
    if (up.code !== 0) console.log(up.output);
    expect(up.code).toBe(0);
    expect(live.mutatingCalls().sort()).toEqual(
      ["AddCasterEpisodeGroup", "AddCasterVideoResource", "AddCasterVideoResource", "CreateCaster", "SetCasterConfig", "StartCaster"]);

    const studio = theStudio();
    expect(studio).toMatchObject({ casterName: "Evening show", normType: 1, chargeType: "PostPaid", status: 1 });
    expect(studio.config).toMatchObject({
      domainName: "live.example.com",
      delay: 3,
      callbackUrl: "https://hooks.example.com/caster",
      transcode: { casterTemplate: "lp_sd" },
      record: {
        ossEndpoint: "oss-cn-shanghai.aliyuncs.com",
        ossBucket: "evening-shows",
        formats: [{ format: "mp4", ossObjectPrefix: "record/{AppName}/{StreamName}/{Sequence}", cycleDuration: 3600 }],
      },
    });
    expect(Object.values(studio.videoResources).map((s) => `${s.locationId} ${s.resourceName}`).sort()).toEqual(["RV01 Main camera", "RV02 Intro reel"]);
    const groups = Object.values(account().episodeGroups);
    expect(groups.map((g) => `${g.domainName} ${g.items.map((item) => item.itemName).join(",")}`)).toEqual(["live.example.com Opening"]);

    const scenes = Object.values(studio.scenes);
    const outputs = JSON.parse((await stack.expectSuccess(["stack", "output", "--json", "--stack", stack.name])).stdout);
    expect(outputs.studioIds).toEqual({ main: studio.casterId });
    expect(outputs.sceneIds).toEqual({
      main: { pvw: scenes.find((s) => s.outputType === 0)?.sceneId, pgm: scenes.find((s) => s.outputType === 1)?.sceneId },
    });
    expect(outputs.sceneIds.main.pvw).not.toBe(outputs.sceneIds.main.pgm);

    // Read back, the studio is what the program declares.
    const again = await stack.preview(["--refresh", "--expect-no-changes"]);
    if (again.code !== 0) console.log(again.output);
    expect(again.code).toBe(0);
  });

  /** A change made in the console: the whole configuration sent again (SetCasterConfig replaces all of it), with `change` in it. */
  async function consoleSets(casterId: string, change: Record<string, string | number>): Promise<void> {
    const config = await live.client.call("DescribeCasterConfig", { CasterId: casterId });
    const record = config.RecordConfig;
    await live.client.call("SetCasterConfig", {
      CasterId: casterId,
      CasterName: config.CasterName,
      DomainName: config.DomainName,
      CallbackUrl: config.CallbackUrl,
      SideOutputUrl: config.SideOutputUrl || undefined,
      SideOutputUrlList: config.SideOutputUrlList || undefined,
      Delay: config.Delay,
      ChannelEnable: config.ChannelEnable,
      ProgramName: config.ProgramName || undefined,
      ProgramEffect: config.ProgramEffect,
      AutoSwitchUrgentOn: config.AutoSwitchUrgentOn,
      TranscodeConfig: JSON.stringify(config.TranscodeConfig),
      RecordConfig: record
        ? JSON.stringify({ OssEndpoint: record.OssEndpoint, OssBucket: record.OssBucket, OnDemand: record.OnDemand, VideoFormat: record.RecordFormat!.RecordFormat })
        : undefined,
      ...change,
    });
  }

  /** The properties a CLI output marks as changed (`~ name`, `+ name`, `- name`). */
  function markedProperties(output: string): string[] {
    return [...output.matchAll(/^\s*[~+-] (\w+)\s*:/gm)].map((match) => match[1]);
  }
  const declare = (studio: Record<string, unknown>) => stack.setConfigObject("studios", { main: studio });

  test("an undeclared setting changed in the console is not managed: refresh reads it, and there is nothing to apply", async () => {
    await consoleSets(theStudio().casterId, { SideOutputUrl: "rtmp://relay.example.com/app/console" });
    live.emulator.clearCalls();
    const refresh = await stack.refresh(["--diff"]);
    expect(refresh.code).toBe(0);
    // Refresh stores it, and shows no change: the program does not declare it.
    expect(markedProperties(refresh.output)).toEqual([]);
    expect(refresh.output).toMatch(/5 unchanged/);
    const preview = await stack.preview(["--expect-no-changes"]);
    if (preview.code !== 0) console.log(preview.output);
    expect(preview.code).toBe(0);
    expect(live.mutatingCalls()).toEqual([]);
  });

  test("a console change of the delay is that one property in refresh; up puts it back and keeps the console's relay", async () => {
    await consoleSets(theStudio().casterId, { Delay: 10 });
    expect(theStudio().config).toMatchObject({ delay: 10, sideOutputUrl: "rtmp://relay.example.com/app/console", callbackUrl: STUDIO.callbackUrl });

    live.emulator.clearCalls();
    const refresh = await stack.refresh(["--diff"]);
    expect(refresh.code).toBe(0);
    expect(markedProperties(refresh.output)).toEqual(["delaySeconds"]);
    expect(refresh.output).toMatch(/~ delaySeconds\s*: 3 => 10/);

    // The repair is an update of the studio alone: its sources and its group stay as they are.
    const preview = await stack.preview();
    expect(preview.code).toBe(0);
    expect(preview.output).toMatch(/~ 1 to update/);
    expect(preview.output).not.toMatch(/replace/);
    expect(live.mutatingCalls()).toEqual([]);

    const up = await stack.up();
    expect(up.code).toBe(0);
    expect(live.mutatingCalls()).toEqual(["SetCasterConfig"]);
    expect(theStudio().config).toMatchObject({ delay: 3, sideOutputUrl: "rtmp://relay.example.com/app/console", callbackUrl: STUDIO.callbackUrl });
    expect((await stack.preview(["--refresh", "--expect-no-changes"])).code).toBe(0);
  });

  test("changing the delay in the program changes only the delay: callback, recording, domain, relay and scenes stay", async () => {
    const before = theStudio();
    await declare({ ...STUDIO, delaySeconds: 5 });
    const preview = await stack.preview();
    expect(preview.code).toBe(0);
    expect(preview.output).toMatch(/~ 1 to update/);
    expect(preview.output).not.toMatch(/replace/);

    live.emulator.clearCalls();
    const up = await stack.up();
    expect(up.code).toBe(0);
    expect(live.mutatingCalls()).toEqual(["SetCasterConfig"]);
    const after = theStudio();
    expect(after.config).toEqual({ ...before.config, delay: 5 });
    expect(after.status).toBe(1);
    expect(Object.keys(after.scenes).sort()).toEqual(Object.keys(before.scenes).sort());
    expect(Object.values(after.videoResources)).toHaveLength(2);
    expect((await stack.preview(["--refresh", "--expect-no-changes"])).code).toBe(0);
  });

  test("channel mode on a studio on air: preview fails naming allowStopOnAir with 0 calls that change anything; allowed, up stops, changes and restarts it", async () => {
    await declare({ ...STUDIO, delaySeconds: 5, channelMode: true });
    live.emulator.clearCalls();
    const preview = await stack.preview();
    expect(preview.code).not.toBe(0);
    expect(preview.output).toMatch(/property channelMode value \{true\} has a problem: changing channelMode \(turning it on\) needs the studio stopped, and it is on air \(running: true\)\. Set allowStopOnAir: true to let `pulumi up` stop it/);
    expect(howSaid(preview.output, "and it is on air")).toEqual({ times: 1, className: null });
    const refused = await stack.up();
    expect(refused.code).not.toBe(0);
    expect(refused.output).toMatch(/allowStopOnAir: true/);
    expect(howSaid(refused.output, "and it is on air")).toEqual({ times: 1, className: null });
    // Stopping it in the same change passes the check (the studio is not to stay on air); the update refuses it.
    await declare({ ...STUDIO, delaySeconds: 5, channelMode: true, running: false });
    const refusedInUpdate = await stack.up();
    expect(refusedInUpdate.code).not.toBe(0);
    expect(refusedInUpdate.output).toMatch(/changing channelMode \(turning it on\) needs it stopped, and it is on air\. Set allowStopOnAir: true/);
    expect(howSaid(refusedInUpdate.output, "and it is on air")).toEqual({ times: 1, className: null });
    expect(live.mutatingCalls()).toEqual([]);
    expect(theStudio()).toMatchObject({ status: 1, config: { channelEnable: 0 } });

    await declare({ ...STUDIO, delaySeconds: 5, channelMode: true, allowStopOnAir: true });
    const up = await stack.up();
    if (up.code !== 0) console.log(up.output);
    expect(up.code).toBe(0);
    expect(live.mutatingCalls()).toEqual(["StopCaster", "SetCasterConfig", "StartCaster"]);
    expect(theStudio()).toMatchObject({ status: 1, config: { channelEnable: 1, delay: 5, domainName: STUDIO.domainName } });
    expect((await stack.preview(["--refresh", "--expect-no-changes"])).code).toBe(0);
  });

  test("allowStopOnAir taken out of the program: up stores that with no call; protect: true on the studio alone: destroy refuses the studio, after deleting what is in it", async () => {
    await declare({ ...STUDIO, delaySeconds: 5, channelMode: true });
    await stack.setConfigObject("protectedStudios", ["main"]);
    live.emulator.clearCalls();
    const up = await stack.up();
    expect(up.code).toBe(0);
    expect(up.output).toMatch(/~ 1 updated/);
    expect(live.mutatingCalls()).toEqual([]);

    // Pulumi's protect guards each resource on its own. Observed with the pinned CLI (3.248): the
    // engine deletes the unprotected sources and group in the studio (dependents first), then
    // refuses the protected studio, which stays on air, empty. So the README says to protect
    // everything in it too (test/e2e/studio-layout.e2e.test.ts: then nothing is deleted).
    const destroy = await stack.destroy();
    expect(destroy.code).not.toBe(0);
    expect(destroy.output).toMatch(/resource "urn:pulumi:[^"]*Caster::main" cannot be deleted\s+because it is protected/);
    expect(live.mutatingCalls().sort()).toEqual(["DeleteCasterEpisodeGroup", "DeleteCasterVideoResource", "DeleteCasterVideoResource"]);
    expect(theStudio().status).toBe(1);
    expect(Object.values(theStudio().videoResources)).toEqual([]);
  });

  test("the studio on air taken out of the program (no allowStopOnAir, no protect): up deletes what is in it, stops it and deletes it", async () => {
    // Unprotected by an up first: the engine reads protect from the state, so a program that drops
    // the flag and the studio at once is still refused. That up makes again what the destroy above
    // deleted; the studio itself gets no call.
    await stack.setConfigObject("protectedStudios", []);
    live.emulator.clearCalls();
    expect((await stack.up()).code).toBe(0);
    expect(live.mutatingCalls().sort()).toEqual(["AddCasterEpisodeGroup", "AddCasterVideoResource", "AddCasterVideoResource"]);
    live.emulator.clearCalls();

    await stack.setConfigObject("studios", {});
    await stack.setConfigObject("sources", {});
    await stack.setConfigObject("episodeGroups", {});
    const up = await stack.up();
    if (up.code !== 0) console.log(up.output);
    expect(up.code).toBe(0);
    expect(studios()).toEqual([]);
    expect(account().episodeGroups).toEqual({});
    const calls = live.mutatingCalls();
    expect(calls.filter((action) => action.endsWith("Caster"))).toEqual(["StopCaster", "DeleteCaster"]);
    // What is in the studio goes first, then the studio: never half a studio on air.
    expect(calls.slice(0, 3).sort()).toEqual(["DeleteCasterEpisodeGroup", "DeleteCasterVideoResource", "DeleteCasterVideoResource"]);
    expect((await stack.preview(["--expect-no-changes"])).code).toBe(0);
  });

  test("every parameter the provider sent is one the spec declares", () => {
    expect(live.undeclaredParameters()).toEqual([]);
  });
});

/** One emulator per test, each with an empty account: "exactly one studio" counts the account's studios. */
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
    const run = stack.start(stack.upArgs());
    while (!live.emulator.calls().some((call) => call.action === "CreateCaster")) {
      const finished = await Promise.race([run.result.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 20))]);
      if (finished) break;
    }
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
    const run = stack.start(stack.upArgs());
    while (!live.emulator.calls().some((call) => call.action === "SetCasterConfig" && call.fault === "ServiceUnavailable")) {
      const finished = await Promise.race([run.result.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 20))]);
      if (finished) break;
    }
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
