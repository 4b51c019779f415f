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

/**
 * The kinds inside the newer studios, destroyed by one `pulumi destroy` under faults, lost replies
 * of their delete calls included (issue 29, part B): a show list (NormType 6), a playlist
 * (NormType 3), studio layouts (NormType 4) and channels (a channel-mode studio), in one stack.
 * The studios and the channels' sources are made outside the stack, as a program's `casterId`
 * names an existing studio; what the stack made must be gone from the emulator's state.
 */
describe("pulumi destroy against a failing API, for the show list, playlist, studio layouts and channels", () => {
  let live: EmulatorFixture;
  let stack: PulumiStack;
  const studios: Record<"showList" | "playlist" | "virtual" | "channels", string> = { showList: "", playlist: "", virtual: "", channels: "" };

  const account = () => live.emulator.state().accounts[UID];
  const create = async (name: string, normType: number, casterTemplate: string) =>
    (await live.client.call("CreateCaster", { ClientToken: `destroy-${name}`, NormType: normType, ChargeType: "PostPaid", CasterName: name, CasterTemplate: casterTemplate })).CasterId!;

  beforeAll(async () => {
    live = await startEmulatorFixture();
    studios.showList = await create("show-list", 6, "lp_sd");
    studios.playlist = await create("playlist", 3, "lp_noTranscode");
    // What AddPlaylistItems asks of its studio (model/api-facts.ts LIGHTWEIGHT_CAROUSEL_DEMANDS).
    await live.client.call("SetCasterConfig", { CasterId: studios.playlist, ProgramEffect: 1, TranscodeConfig: '{"CasterTemplate":"lp_noTranscode"}' });
    studios.virtual = await create("virtual", 4, "lp_hd");
    studios.channels = await create("channels", 1, "lp_sd");
    await live.client.call("SetCasterConfig", { CasterId: studios.channels, ChannelEnable: 1, TranscodeConfig: '{"CasterTemplate":"lp_sd"}' });
    const source = async (locationId: string, url: string) =>
      (await live.client.call("AddCasterVideoResource", { CasterId: studios.channels, ResourceName: locationId, LocationId: locationId, LiveStreamUrl: url })).ResourceId!;
    const camera = await source("RV01", "rtmp://push.example.com/live/camera");
    const guest = await source("RV02", "rtmp://push.example.com/live/guest");

    stack = await PulumiStack.create("destroy-faults", { env: live.env });
    await stack.setConfigObject("resources", {
      "show-list": {
        type: "CasterShowList",
        args: {
          casterId: studios.showList, repeatTimes: -1,
          shows: [
            { showName: "Opening", resourceType: "vod", resourceUrl: "https://media.example.com/opening.mp4" },
            { showName: "Live desk", resourceType: "live", resourceUrl: "rtmp://push.example.com/app/desk", duration: 1800 },
            { showName: "Card", resourceType: "pic", resourceId: "a2b8e671-2fe5-4642-a2ec-bf93880e1234", repeatTimes: 2 },
          ],
        },
      },
      playlist: {
        type: "CasterPlaylist",
        args: {
          casterId: studios.playlist, programName: "Night loop", repeatNumber: -1,
          items: [
            { itemName: "Opening", mediaId: "5f8809f2-3352-4d1f-a8f7-86f9429f1234" },
            { itemName: "Feature", mediaId: "e7411c0b-dd98-4c61-a545-f8bfba6c1234" },
          ],
        },
      },
      wide: { type: "CasterStudioLayout", args: { casterId: studios.virtual, layoutName: "Wide", layoutType: "common", commonConfig: { channelId: "RV03" } } },
      close: { type: "CasterStudioLayout", args: { casterId: studios.virtual, layoutName: "Close", layoutType: "common", commonConfig: { channelId: "RV01" } } },
      "channel-1": { type: "CasterChannel", args: { casterId: studios.channels, channelId: "RV01", resourceId: camera } },
      "channel-2": { type: "CasterChannel", args: { casterId: studios.channels, channelId: "RV02", resourceId: guest } },
    });
    const up = await stack.up();
    expect({ code: up.code, output: up.code === 0 ? "" : up.output }).toEqual({ code: 0, output: "" });
  });
  afterAll(async () => {
    await stack?.remove();
    await live?.close();
  });

  test("one destroy, with 5% of every call failing and every delete or stop call's reply lost, leaves nothing", async () => {
    // What each kind made is there before.
    expect(account().casters[studios.showList].showList.shows).toHaveLength(3);
    expect(Object.values(account().playlists).map((playlist) => playlist.casterId)).toEqual([studios.playlist]);
    expect(Object.values(account().studioLayouts).map((layout) => layout.layoutName).sort()).toEqual(["Close", "Wide"]);
    expect(Object.values(account().casters[studios.channels].channels).map((channel) => channel.resourceId).filter(Boolean)).toHaveLength(2);

    // The operator plays the list: its delete stops it first.
    await live.client.call("StartPlaylist", { ProgramId: Object.keys(account().playlists)[0] });

    // The calls that delete or stop lose their replies (the change is made, the retry meets its
    // outcome): every such call of the run, with 5% of every other call failing.
    const deleting = { RemoveShowFromShowList: 3, StopPlaylist: 1, DeletePlaylist: 1, DeleteStudioLayout: 2, SetCasterChannel: 2 };
    live.emulator.setFaults({
      seed: 29,
      rates: {
        "*": { internalError: 0.05, serviceUnavailable: 0.05, throttling: 0.05, lostResponse: 0.05 },
        ...Object.fromEntries(Object.entries(deleting).map(([action, times]) => [action, { lostResponse: 1, times }])),
      },
    });
    live.emulator.clearCalls();
    const result = await stack.destroy();
    const calls = live.emulator.calls();
    live.emulator.setFaults({ rates: {} });
    const lost = (action: string) => calls.filter((call) => call.action === action && call.fault === "LostResponse").length;
    console.log(`destroy under faults: ${calls.length} calls, ${calls.filter((call) => call.fault).length} faults; lost replies: ` +
      Object.keys(deleting).map((action) => `${action} ${lost(action)}`).join(", "));
    expect({ code: result.code, output: result.code === 0 ? "" : result.output }).toEqual({ code: 0, output: "" });
    // Every delete and stop call lost its reply: the test exercises what it says.
    expect(Object.fromEntries(Object.keys(deleting).map((action) => [action, lost(action)]))).toEqual(deleting);

    // Nothing left of what the stack made: the emulator's state, audited.
    expect(account().casters[studios.showList].showList.shows).toEqual([]);
    expect(account().playlists).toEqual({});
    expect(account().studioLayouts).toEqual({});
    expect(Object.values(account().casters[studios.channels].channels).map((channel) => channel.resourceId).filter(Boolean)).toEqual([]);
    const state = JSON.parse(stack.stateFileText()) as { checkpoint: { latest: { resources?: { type: string; urn: string }[] } } };
    expect((state.checkpoint.latest.resources ?? []).filter((resource) => resource.type.startsWith("pulumi-nodejs:dynamic")).map((resource) => resource.urn)).toEqual([]);
  });
});
