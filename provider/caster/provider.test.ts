import { configureForFixture, EmulatorFixture, startEmulatorFixture } from "../../test/helpers/emulator-fixture";
import { DEMO_ACCOUNT } from "../../emulator";
import { CasterInputs } from "../../model/kinds/caster";
import { LiveApiError } from "../client/errors";
import { LiveClient } from "../client/live-client";
import { casterProvider as provider, CasterOutputs, moveStudio } from "./provider";

/** The studio provider against the emulator: real HTTP, real signatures, the emulator's own rules. */
describe("studio (Caster) provider", () => {
  let live: EmulatorFixture;
  let scope = 0;

  beforeAll(async () => {
    // https too: the studio's move to another resource group is an HTTPS-only operation.
    live = await startEmulatorFixture({ https: true });
    configureForFixture(live);
  });
  afterAll(() => live.close());

  const studios = () => Object.keys(live.emulator.state().accounts[DEMO_ACCOUNT.uid]?.casters ?? {});
  /** Inputs as check() completes them (the ClientToken derived from a fresh resource name). */
  async function checked(inputs: Partial<CasterInputs>): Promise<CasterInputs> {
    const news = { normType: 1, casterTemplate: "lp_sd", clientTokenScope: `p/s/studio-${++scope}`, ...inputs };
    const result = await provider.check({}, news);
    expect(result.failures).toEqual([]);
    return result.inputs as CasterInputs;
  }
  /** A change made outside Pulumi, as the console makes it: the whole configuration, with one setting changed. */
  async function consoleSets(casterId: string, change: Record<string, string | number>) {
    const config = await live.client.call("DescribeCasterConfig", { CasterId: casterId });
    await live.client.call("SetCasterConfig", {
      CasterId: casterId,
      CasterName: config.CasterName as string,
      DomainName: config.DomainName as string,
      CallbackUrl: config.CallbackUrl as string,
      SideOutputUrl: config.SideOutputUrl as string,
      Delay: config.Delay as number,
      TranscodeConfig: JSON.stringify({ CasterTemplate: (config.TranscodeConfig as { CasterTemplate: string }).CasterTemplate }),
      ...change,
    });
  }

  test("creates, configures and starts a studio; reads every setting back", async () => {
    const inputs = await checked({
      casterName: "Evening show",
      domainName: "live.example.com",
      callbackUrl: "https://hooks.example.com/caster",
      delaySeconds: 3,
      liveTemplates: ["lhd"],
      recording: { ossEndpoint: "oss-cn-shanghai.aliyuncs.com", ossBucket: "shows", formats: [{ format: "mp4", cycleDurationSeconds: 3600 }] },
      running: true,
    });
    const created = await provider.create(inputs);
    const outs = created.outs as CasterOutputs;
    expect(outs).toMatchObject({
      casterId: created.id,
      casterName: "Evening show",
      domainName: "live.example.com",
      callbackUrl: "https://hooks.example.com/caster",
      delaySeconds: 3,
      liveTemplates: ["lhd"],
      recording: { ossEndpoint: "oss-cn-shanghai.aliyuncs.com", ossBucket: "shows", formats: [{ format: "mp4", cycleDurationSeconds: 3600 }] },
      running: true,
      status: 1,
    });
    expect(outs.pvwSceneId).toBeTruthy();
    expect(outs.pgmSceneId).toBeTruthy();
    expect(outs.pvwSceneId).not.toBe(outs.pgmSceneId);
    // Read back: no change against what was declared.
    const read = await provider.read(created.id, outs);
    expect(await provider.diff(created.id, read.props as CasterOutputs, inputs)).toMatchObject({ changes: false });
    expect(live.undeclaredParameters()).toEqual([]);
  });

  test("create, update and adoption read the configuration once, before SetCasterConfig, and store what a refresh then reads", async () => {
    const configReads = (casterId: string) => live.emulator.calls().filter((call) => call.action === "DescribeCasterConfig" && call.params.CasterId === casterId).length;
    // Declared: most settings, values the API could store otherwise (a repeated live template, an m3u8 and an flv
    // recording). Undeclared: callbackUrl and the relay, which keep what the new studio has (the emulator's defaults).
    const inputs = await checked({
      casterName: "Read once",
      domainName: "live.example.com",
      delaySeconds: 2.5,
      liveTemplates: ["lhd", "lsd"],
      recording: {
        ossEndpoint: "oss-cn-shanghai.aliyuncs.com",
        ossBucket: "shows",
        formats: [
          { format: "m3u8", ossObjectPrefix: "record/{StreamName}/{StartTime}", sliceOssObjectPrefix: "record/{StreamName}/{UnixTimestamp}", cycleDurationSeconds: 1800 },
          { format: "flv" },
        ],
      },
      sideOutputUrls: ["rtmp://relay.example.com/app/a", "rtmp://relay.example.com/app/b"],
      standbyImageUrl: "https://media.example.com/standby.png",
      autoSwitchToStandby: true,
      standbySwitchAfterSeconds: 4,
      programName: "Evening",
      programEffect: 1,
      running: true,
    });
    live.emulator.clearCalls();
    const created = await provider.create(inputs);
    expect(configReads(created.id)).toBe(1);
    const createdOuts = created.outs as CasterOutputs;
    expect(createdOuts.callbackUrl).toBeTruthy();
    expect((await provider.read(created.id, createdOuts)).props).toEqual(createdOuts);

    live.emulator.clearCalls();
    const { standbyImageUrl: _image, ...withoutImage } = inputs;
    const updated = (await provider.update(created.id, createdOuts, { ...withoutImage, delaySeconds: 5, channelMode: true, allowStopOnAir: true })).outs as CasterOutputs;
    expect(configReads(created.id)).toBe(1);
    expect(updated).toMatchObject({ delaySeconds: 5, channelMode: true, standbyImageUrl: "https://media.example.com/standby.png" });
    expect((await provider.read(created.id, updated)).props).toEqual(updated);

    const { clientToken: _token, ...declared } = inputs;
    live.emulator.clearCalls();
    const adopted = await provider.create({ ...declared, channelMode: true, delaySeconds: 7, allowStopOnAir: true, clientTokenScope: "p/s/adopter", importId: created.id });
    expect(configReads(created.id)).toBe(1);
    expect(live.mutatingCalls()).toEqual(["SetCasterConfig"]);
    expect(adopted.outs).toMatchObject({ delaySeconds: 7, standbyImageUrl: "https://media.example.com/standby.png" });
    expect((await provider.read(created.id, adopted.outs as CasterOutputs)).props).toEqual(adopted.outs);
  });

  test("tags, sync groups, the standby image and the switch threshold are sent, read back, and kept when undeclared", async () => {
    const inputs = await checked({
      domainName: "live.example.com", tags: { team: "news", env: "prod" }, standbyImageId: "card01", autoSwitchToStandby: true, standbySwitchAfterSeconds: 5,
    });
    const created = await provider.create(inputs);
    const sources: string[] = [];
    for (const locationId of ["RV01", "RV02"]) {
      const reply = await live.client.call("AddCasterVideoResource", {
        CasterId: created.id, LocationId: locationId, ResourceName: locationId, LiveStreamUrl: `rtmp://push.example.com/live/${locationId}`,
      });
      sources.push(reply.ResourceId!);
    }
    const synced = { ...inputs, syncGroups: [{ mode: 0 as const, hostResourceId: sources[0], resourceIds: [sources[1]] }] };
    const outs = (await provider.update(created.id, created.outs as CasterOutputs, synced)).outs as CasterOutputs;
    expect(outs).toMatchObject({
      tags: { team: "news", env: "prod" }, standbyImageId: "card01", autoSwitchToStandby: true, standbySwitchAfterSeconds: 5,
      syncGroups: [{ mode: 0, hostResourceId: sources[0], resourceIds: [sources[1]] }],
    });
    // Left out of the program, each stays as the studio has it.
    const { syncGroups: _groups, standbyImageId: _image, standbySwitchAfterSeconds: _threshold, ...undeclared } = synced;
    const kept = (await provider.update(created.id, outs, { ...undeclared, delaySeconds: 2 })).outs as CasterOutputs;
    expect(kept).toMatchObject({ delaySeconds: 2, standbyImageId: "card01", standbySwitchAfterSeconds: 5, syncGroups: outs.syncGroups });
    const streamerWithoutHost = await provider.check({}, { ...inputs, syncGroups: [{ mode: 0, resourceIds: [sources[1]] }] });
    expect(streamerWithoutHost.failures?.[0]).toMatchObject({ property: "syncGroups", reason: expect.stringContaining("hostResourceId") });
    expect(live.undeclaredParameters()).toEqual([]);
  });

  test("a console change to one setting is a one-property diff; an update puts it back and keeps every other setting", async () => {
    const inputs = await checked({ domainName: "live.example.com", callbackUrl: "https://hooks.example.com/a", delaySeconds: 3 });
    const created = await provider.create(inputs);
    // An undeclared setting changed in the console, and a declared one.
    await consoleSets(created.id, { SideOutputUrl: "rtmp://relay.example.com/app/out", Delay: 10 });
    const drifted = (await provider.read(created.id, created.outs as CasterOutputs)).props as CasterOutputs;
    expect(drifted.delaySeconds).toBe(10);
    expect(await provider.diff(created.id, drifted, inputs)).toEqual({ changes: true, replaces: [], stables: ["casterId", "chargeType", "normType", "tags"], deleteBeforeReplace: false });
    const diffOfDelayOnly = await provider.diff(created.id, drifted, { ...inputs, delaySeconds: 10 });
    expect(diffOfDelayOnly.changes).toBe(false);

    const updated = (await provider.update(created.id, drifted, { ...inputs, delaySeconds: 5 })).outs as CasterOutputs;
    expect(updated).toMatchObject({ delaySeconds: 5, callbackUrl: "https://hooks.example.com/a", domainName: "live.example.com" });
    // Not declared, so not managed: the console's relay stays.
    expect(updated.sideOutputUrl).toBe("rtmp://relay.example.com/app/out");
  });

  test("a retry of CreateCaster after a lost reply makes one studio, not two", async () => {
    const inputs = await checked({ domainName: "live.example.com" });
    const before = studios().length;
    live.emulator.setFaults({ rates: { CreateCaster: { lostResponse: 1 } } });
    const creating = provider.create(inputs);
    while (!live.emulator.calls().some((call) => call.action === "CreateCaster" && call.params.ClientToken === inputs.clientToken)) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    live.emulator.setFaults({ rates: {} });
    const created = await creating;
    expect(studios().length).toBe(before + 1);
    // The same inputs again (a re-run after a killed `pulumi up`): the same studio.
    expect((await provider.create(inputs)).id).toBe(created.id);
    expect(studios().length).toBe(before + 1);
  });

  test("made again under the same name with another casterName or template (after a destroy): a new studio, no IdempotentParameterMismatch", async () => {
    const first = await checked({ casterName: "First", domainName: "live.example.com" });
    const created = await provider.create(first);
    await provider.delete(created.id, created.outs as CasterOutputs);
    // The same resource (project, stack, name), declared again with another name and template.
    const { clientToken: _derived, ...declared } = first;
    const again = await provider.check({}, { ...declared, casterName: "Second", casterTemplate: "lp_hd" });
    expect(again.failures).toEqual([]);
    const made = await provider.create(again.inputs as CasterInputs);
    expect(made.id).not.toBe(created.id);
    expect(made.outs).toMatchObject({ casterName: "Second", casterTemplate: "lp_hd" });
  });

  test("a change that needs a stop is refused on air at preview, naming the way out; allowed, it stops, changes and restarts", async () => {
    const inputs = await checked({ domainName: "live.example.com", running: true });
    const created = await provider.create(inputs);
    const refused = await provider.check(inputs, { ...inputs, channelMode: true });
    expect(refused.failures).toEqual([{ property: "channelMode", reason: expect.stringContaining("allowStopOnAir: true") }]);

    const allowed = await checked({ ...inputs, channelMode: true, allowStopOnAir: true, clientToken: inputs.clientToken });
    const outs = (await provider.update(created.id, created.outs as CasterOutputs, allowed)).outs as CasterOutputs;
    expect(outs).toMatchObject({ channelMode: true, running: true, status: 1 });
    const actions = live.mutatingCalls();
    const last = actions.lastIndexOf("SetCasterConfig");
    expect(actions.slice(last - 1, last + 2)).toEqual(["StopCaster", "SetCasterConfig", "StartCaster"]);
  });

  test("channel mode turned off after it was on is refused at preview (diff, adoption), naming the way out, with no call", async () => {
    // SetCasterConfigRequest.ts, ChannelEnable: "cannot be disabled after it is enabled" (InvalidCaster.ChannelDisableUnsupported).
    const inputs = await checked({ domainName: "live.example.com", channelMode: true });
    const created = await provider.create(inputs);
    const outs = created.outs as CasterOutputs;
    live.emulator.clearCalls();
    const refusal = "channelMode false: studio " + created.id + " has channel mode on, and the API cannot turn it off";
    await expect(provider.diff(created.id, outs, { ...inputs, channelMode: false })).rejects.toThrow(refusal);
    // The state knows it is on even where the program never declared it (turned on in the console).
    const { channelMode: _declared, ...undeclared } = inputs;
    await expect(provider.diff(created.id, { ...outs, ...undeclared, channelMode: true }, { ...undeclared, channelMode: false })).rejects.toThrow(/Keep channelMode: true or leave it out/);
    expect(await provider.diff(created.id, outs, undeclared as CasterInputs)).toMatchObject({ changes: false });
    await expect(provider.create({ ...inputs, importId: created.id, channelMode: false })).rejects.toThrow(refusal);
    expect(live.mutatingCalls()).toEqual([]);
  });

  test("running: true needs a domain: refused at check with no call; an adopted studio's own is read, and refused at adoption when it has none (issue 29)", async () => {
    live.emulator.clearCalls();
    const refusedAtCheck = await provider.check({}, { normType: 1, casterTemplate: "lp_sd", clientTokenScope: `p/s/studio-${++scope}`, running: true });
    expect(refusedAtCheck.failures).toEqual([{ property: "domainName", reason: expect.stringContaining("StartCaster needs a streaming domain") }]);
    expect(live.emulator.calls()).toEqual([]);
    // A new studio, made without a domain and left stopped, has none: adopting it with running: true is refused before any change.
    const bare = await provider.create(await checked({}));
    live.emulator.clearCalls();
    const adopting = await checked({ running: true, importId: bare.id });
    await expect(provider.create(adopting)).rejects.toThrow(`importId ${bare.id}: running true starts the studio, and StartCaster needs a streaming domain, but studio ${bare.id} has none`);
    expect(live.mutatingCalls()).toEqual([]);
    // Given one in the console, it is taken over and started as it is.
    await consoleSets(bare.id, { DomainName: "live.example.com" });
    live.emulator.clearCalls();
    const adopted = await provider.create(await checked({ running: true, importId: bare.id }));
    expect(adopted.outs).toMatchObject({ domainName: "live.example.com", running: true, status: 1 });
    expect(live.mutatingCalls()).toEqual(["StartCaster"]);
  });

  test("deleting a studio on air stops it and deletes it, without allowStopOnAir; already gone is done", async () => {
    const inputs = await checked({ domainName: "live.example.com", running: true });
    const created = await provider.create(inputs);
    live.emulator.clearCalls();
    await provider.delete(created.id, created.outs as CasterOutputs);
    expect(live.mutatingCalls()).toEqual(["StopCaster", "DeleteCaster"]);
    expect(studios()).not.toContain(created.id);
    await expect(provider.delete(created.id, created.outs as CasterOutputs)).resolves.toBeUndefined();
    expect(await provider.read(created.id, created.outs as CasterOutputs)).toEqual({});
  });

  test("a change that replaces a studio on air is refused at preview unless allowed; a stopped studio is replaced freely", async () => {
    const inputs = await checked({ domainName: "live.example.com", running: true, tags: { env: "prod" } });
    const refused = await provider.check(inputs, { ...inputs, tags: { env: "staging" } });
    expect(refused.failures).toEqual([{
      property: "tags",
      reason: "changing tags replaces the studio, and it is on air (running: true): a new studio is made (with new scenes and stream URLs) " +
        "and this one is stopped and deleted. Set allowStopOnAir: true to let `pulumi up` do that, or declare tags as before.",
    }]);
    expect((await provider.check(inputs, { ...inputs, tags: { env: "staging" }, allowStopOnAir: true })).failures).toEqual([]);
    expect((await provider.check({ ...inputs, running: false }, { ...inputs, running: false, tags: { env: "staging" } })).failures).toEqual([]);
  });

  test("allowStopOnAir alone is a change the state alone takes: no call", async () => {
    const inputs = await checked({ domainName: "live.example.com", running: true });
    const created = await provider.create(inputs);
    const outs = created.outs as CasterOutputs;
    const allowed = { ...inputs, allowStopOnAir: true };
    expect(await provider.diff(created.id, outs, allowed)).toEqual({ changes: true, replaces: [], stables: ["casterId", "chargeType", "normType", "tags"], deleteBeforeReplace: false });
    live.emulator.clearCalls();
    const stored = (await provider.update(created.id, outs, allowed)).outs as CasterOutputs;
    expect(live.emulator.calls()).toEqual([]);
    expect(stored).toEqual({ ...outs, allowStopOnAir: true });
    expect(await provider.diff(created.id, stored, allowed)).toMatchObject({ changes: false });
    // Taken out of the program again: taken out of the state.
    const withdrawn = (await provider.update(created.id, stored, inputs)).outs as CasterOutputs;
    expect(live.emulator.calls()).toEqual([]);
    expect(withdrawn).toEqual(outs);
  });

  describe("a change of resource group moves the studio in place (UpdateCasterResourceGroup)", () => {
    afterEach(() => live.emulator.setFaults({ rates: {} }));
    const group = (casterId: string) => live.emulator.state().accounts[DEMO_ACCOUNT.uid]?.casters[casterId]?.resourceGroupId;
    const moves = () => live.emulator.calls().filter((call) => call.action === "UpdateCasterResourceGroup");

    test("the diff says update, not replace; the update moves it over https, sends nothing else, and reads it back", async () => {
      const inputs = await checked({ domainName: "live.example.com", running: true, resourceGroupId: "rg-first" });
      const created = await provider.create(inputs);
      const outs = created.outs as CasterOutputs;
      expect(outs.resourceGroupId).toBe("rg-first");
      const moved = await checked({ domainName: "live.example.com", running: true, resourceGroupId: "rg-second", clientTokenScope: inputs.clientTokenScope });
      expect(await provider.diff(created.id, outs, moved)).toEqual({
        changes: true, replaces: [], stables: ["casterId", "chargeType", "normType", "tags"], deleteBeforeReplace: false,
      });
      // On air and staying on air: a move is no reason to stop, so nothing is refused.
      expect((await provider.check({ ...outs }, moved)).failures).toEqual([]);
      live.emulator.clearCalls();
      const updated = (await provider.update(created.id, outs, moved)).outs as CasterOutputs;
      expect(live.mutatingCalls()).toEqual(["UpdateCasterResourceGroup"]);
      expect(moves()[0]).toMatchObject({ params: { CasterId: created.id, NewResourceGroupId: "rg-second" }, httpStatus: 200 });
      expect(updated).toMatchObject({ casterId: created.id, resourceGroupId: "rg-second", running: true, status: 1, pgmSceneId: outs.pgmSceneId });
      expect(group(created.id)).toBe("rg-second");
      expect(await provider.diff(created.id, updated, moved)).toMatchObject({ changes: false });
      // Left out of the program: not managed, so no change and no move back.
      expect(await provider.diff(created.id, updated, { ...moved, resourceGroupId: undefined })).toMatchObject({ changes: false });
    });

    test("a lost reply: the client sends the move again, and the studio ends in the declared group", async () => {
      const inputs = await checked({ domainName: "live.example.com", resourceGroupId: "rg-first" });
      const created = await provider.create(inputs);
      live.emulator.clearCalls();
      live.emulator.setFaults({ rates: { UpdateCasterResourceGroup: { lostResponse: 1 } } });
      const updating = provider.update(created.id, created.outs as CasterOutputs, { ...inputs, resourceGroupId: "rg-second", casterName: "Moved" });
      while (moves().length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      live.emulator.setFaults({ rates: {} });
      const updated = (await updating).outs as CasterOutputs;
      expect(moves().map((call) => call.fault ?? call.httpStatus)).toEqual(["LostResponse", 200]);
      expect(updated).toMatchObject({ casterId: created.id, resourceGroupId: "rg-second", casterName: "Moved" });
      expect(group(created.id)).toBe("rg-second");
    });

    test("a refused repeat is the move done when DescribeCasters shows the studio in the group, and an error when not", async () => {
      const inputs = await checked({ resourceGroupId: "rg-first" });
      const created = await provider.create(inputs);
      // An API that refuses a move into the group a studio is in already (what it does is not documented).
      const refusing = {
        call: async (action: string, params: Record<string, string>) => {
          if (action === "UpdateCasterResourceGroup") throw new LiveApiError(action, "IncorrectCasterStatus", "already there", "r-1", 400);
          return live.client.call(action as "DescribeCasters", params);
        },
      } as unknown as LiveClient;
      await expect(moveStudio(refusing, created.id, "rg-first")).resolves.toBeUndefined();
      await expect(moveStudio(refusing, created.id, "rg-second")).rejects.toMatchObject({ code: "IncorrectCasterStatus" });
    });

    test("adopting a studio in another group moves it there; nothing else is sent when the rest matches", async () => {
      const inputs = await checked({ domainName: "live.example.com", resourceGroupId: "rg-first" });
      const created = await provider.create(inputs);
      live.emulator.clearCalls();
      const adopted = await provider.create(await checked({ domainName: "live.example.com", resourceGroupId: "rg-second", importId: created.id }));
      expect(live.mutatingCalls()).toEqual(["UpdateCasterResourceGroup"]);
      expect(adopted).toMatchObject({ id: created.id, outs: { resourceGroupId: "rg-second" } });
    });
  });

  /**
   * Issue 29: StopCaster (or StartCaster) lands and its reply is lost, so the client sends it again
   * and the retry finds the studio already in that state. The emulator's lostResponse runs the
   * call, saves it and drops the connection; the retry then gets the page's refusal.
   */
  describe("a StopCaster or StartCaster whose reply is lost", () => {
    afterEach(() => live.emulator.setFaults({ rates: {} }));
    /**
     * The studio's calls of `action`: each one's error code, or LostResponse where the call ran and
     * its reply was dropped (a refusal is answered even under that fault: nothing ran to lose).
     */
    const outcomes = (action: string, casterId: string) => live.emulator.calls()
      .filter((call) => call.action === action && call.params.CasterId === casterId)
      .map((call) => call.code ?? call.fault ?? String(call.httpStatus));
    const status = (casterId: string) => live.emulator.state().accounts[DEMO_ACCOUNT.uid]?.casters[casterId]?.status;

    test("running: false ends with the studio stopped and no error", async () => {
      const inputs = await checked({ domainName: "live.example.com", running: true });
      const created = await provider.create(inputs);
      live.emulator.clearCalls();
      live.emulator.setFaults({ rates: { StopCaster: { lostResponse: 1 } } });
      const outs = (await provider.update(created.id, created.outs as CasterOutputs, { ...inputs, running: false })).outs as CasterOutputs;
      expect(outcomes("StopCaster", created.id)).toEqual(["LostResponse", "IncorrectSceneStatus"]);
      expect(outs).toMatchObject({ running: false, status: 0 });
      expect(status(created.id)).toBe(0);
    });

    test("deleting a studio on air stops it and deletes it", async () => {
      const inputs = await checked({ domainName: "live.example.com", running: true });
      const created = await provider.create(inputs);
      live.emulator.clearCalls();
      live.emulator.setFaults({ rates: { StopCaster: { lostResponse: 1 } } });
      await provider.delete(created.id, created.outs as CasterOutputs);
      expect(outcomes("StopCaster", created.id)).toEqual(["LostResponse", "IncorrectSceneStatus"]);
      expect(studios()).not.toContain(created.id);
    });

    test("a change that needs a stop (allowed on air): stopped, changed and started again, both replies lost", async () => {
      const inputs = await checked({ domainName: "live.example.com", running: true });
      const created = await provider.create(inputs);
      live.emulator.clearCalls();
      live.emulator.setFaults({ rates: { StopCaster: { lostResponse: 1 }, StartCaster: { lostResponse: 1 } } });
      const allowed = { ...inputs, channelMode: true, allowStopOnAir: true };
      const outs = (await provider.update(created.id, created.outs as CasterOutputs, allowed)).outs as CasterOutputs;
      expect(outcomes("StopCaster", created.id)).toEqual(["LostResponse", "IncorrectSceneStatus"]);
      expect(outcomes("StartCaster", created.id)).toEqual(["LostResponse", "IncorrectCasterStatus.Inuse"]);
      expect(outs).toMatchObject({ channelMode: true, running: true, status: 1 });
    });

    test("adopting a studio on air with running: false stops it", async () => {
      const inputs = await checked({ domainName: "live.example.com", running: true });
      const created = await provider.create(inputs);
      live.emulator.clearCalls();
      live.emulator.setFaults({ rates: { StopCaster: { lostResponse: 1 } } });
      const adopting = await checked({ domainName: "live.example.com", running: false, importId: created.id });
      const adopted = await provider.create(adopting);
      expect(outcomes("StopCaster", created.id)).toEqual(["LostResponse", "IncorrectSceneStatus"]);
      expect(adopted.outs).toMatchObject({ running: false, status: 0 });
    });
  });

  test("bad input: every problem at once, each naming the property, the value and what is allowed", async () => {
    const result = await provider.check({}, {
      normType: 2, casterTemplate: "lp_4k", delaySeconds: 301, sideOutputUrls: ["http://x.example.com/a"],
      recording: { ossEndpoint: "e", ossBucket: "b", formats: [{ format: "m3u8" }] }, clientTokenScope: "p/s/bad",
    });
    expect(result.failures?.map((failure) => failure.property)).toEqual(["normType", "casterTemplate", "sideOutputUrls", "delaySeconds", "recording"]);
    expect(result.failures?.[2].reason).toContain("rtmp://");
  });
});
