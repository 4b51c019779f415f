import { configureForFixture, EmulatorFixture, startEmulatorFixture } from "../../test/helpers/emulator-fixture";
import { UNKNOWN } from "../../common/unknowns";
import { VideoResourceOutputs } from "./api";
import { videoResourceProvider as provider } from "./provider";
import { VideoResourceInputs } from "../../model/kinds/caster-video-resource";

describe("video source provider", () => {
  let live: EmulatorFixture;
  let casterId: string;
  let inputs: VideoResourceInputs;

  beforeAll(async () => {
    live = await startEmulatorFixture();
    configureForFixture(live);
    casterId = await live.createCaster();
  });
  afterAll(() => live.close());
  beforeEach(() => {
    inputs = { casterId, resourceName: "Reel", locationId: "RV10", vodUrl: "https://m.example.com/reel.mp4", repeatNum: -1 };
  });

  describe("diff", () => {
    const stored = (overrides: Partial<VideoResourceOutputs> = {}): VideoResourceOutputs => ({
      casterId: "LIVEPRODUCER_POST-cn-0pp1czt1234",
      resourceId: "e5542d98-b08c-46bf-83e9-5b09d08c1234",
      resourceName: "Reel",
      locationId: "RV10",
      vodUrl: "https://m.example.com/reel.mp4",
      beginOffset: 0,
      endOffset: 0,
      repeatNum: 0,
      ptsCallbackInterval: 0,
      fixedDelayDuration: 0,
      ...overrides,
    });
    const declared = { casterId: "LIVEPRODUCER_POST-cn-0pp1czt1234", resourceName: "Reel", locationId: "RV10", vodUrl: "https://m.example.com/reel.mp4" };

    test("defaults the API fills in are no change", async () => {
      expect(await provider.diff("id", stored(), declared)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
    });

    test("a modifiable property is an update", async () => {
      expect(await provider.diff("id", stored(), { ...declared, repeatNum: -1, resourceName: "Loop" }))
        .toEqual({ changes: true, replaces: [], stables: ["casterId", "fixedDelayDuration", "locationId", "resourceId"], deleteBeforeReplace: false });
    });

    test("removing a setting from the program resets it: a change", async () => {
      expect((await provider.diff("id", stored({ repeatNum: -1 }), declared)).changes).toBe(true);
    });

    test.each(["casterId", "locationId", "fixedDelayDuration"])("%s replaces, deleting first", async (property) => {
      const changed = { casterId: "LIVEPRODUCER_POST-cn-other12345", locationId: "RV11", fixedDelayDuration: 100 }[property];
      expect(await provider.diff("id", stored(), { ...declared, [property]: changed }))
        .toEqual({ changes: true, replaces: [property], deleteBeforeReplace: true });
    });

    test("switching the kind of source is an update", async () => {
      const result = await provider.diff("id", stored(), { ...declared, vodUrl: undefined, imageUrl: "https://m.example.com/a.png" });
      expect(result).toEqual({ changes: true, replaces: [], stables: ["casterId", "fixedDelayDuration", "locationId", "resourceId"], deleteBeforeReplace: false });
    });

    test("an unknown location during preview is a replacement; an unknown name an update", async () => {
      expect((await provider.diff("id", stored(), { ...declared, locationId: UNKNOWN })).replaces).toEqual(["locationId"]);
      expect(await provider.diff("id", stored(), { ...declared, resourceName: UNKNOWN })).toMatchObject({ changes: true, replaces: [] });
    });

    test("importId is not compared", async () => {
      expect((await provider.diff("id", stored(), { ...declared, importId: "a:b" })).changes).toBe(false);
    });
  });

  test("create, read, update and delete against the emulator", async () => {
    const created = await provider.create(inputs);
    const [source] = live.sources(casterId);
    expect(created.id).toBe(`${casterId}:${source.resourceId}`);
    expect(created.outs).toMatchObject({ resourceId: source.resourceId, locationId: "RV10", repeatNum: -1, beginOffset: 0, fixedDelayDuration: 0 });

    const read = await provider.read(created.id, created.outs);
    expect(read).toEqual({ id: created.id, props: created.outs });

    const updated = await provider.update(created.id, created.outs, { ...inputs, resourceName: "Reel 2", repeatNum: undefined });
    expect(updated.outs).toMatchObject({ resourceId: source.resourceId, resourceName: "Reel 2", repeatNum: 0 });

    await provider.delete(created.id);
    expect(live.sources(casterId)).toEqual([]);
    // Already gone is success, and read says gone by returning no id.
    await expect(provider.delete(created.id)).resolves.toBeUndefined();
    expect(await provider.read(created.id, updated.outs)).toEqual({});
  });

  test("a source whose studio is gone reads as gone and deletes as done", async () => {
    const id = "LIVEPRODUCER_POST-cn-removed1234:e5542d98-b08c-46bf-83e9-5b09d08c1234";
    // A refresh reads with what the state holds.
    const held = { casterId: "LIVEPRODUCER_POST-cn-removed1234", resourceId: "e5542d98-b08c-46bf-83e9-5b09d08c1234", resourceName: "Main camera", locationId: "RV01", liveStreamUrl: "rtmp://a.example.com/x/y" };
    expect(await provider.read(id, held as VideoResourceOutputs)).toEqual({});
    await expect(provider.delete(id)).resolves.toBeUndefined();
    // A get (CasterVideoResource.get) knows only the ID: that there is no such source is said.
    await expect(provider.read(id, {} as VideoResourceOutputs)).rejects.toThrow(`CasterVideoResource.get: there is no source ${id}`);
  });

  test("a taken location fails with a message that names the source there and the way out", async () => {
    const occupant = await live.client.call("AddCasterVideoResource", {
      CasterId: casterId, ResourceName: "Console camera", LocationId: "RV20", LiveStreamUrl: "rtmp://a.example.com/x/y",
    });
    await expect(provider.create({ ...inputs, locationId: "RV20" })).rejects.toThrow(
      `RV20 on studio ${casterId} is already taken by live stream source "Console camera" (${casterId}:${occupant.ResourceId}). ` +
        `Choose another locationId, delete that source, or manage it here by setting importId to "${casterId}:${occupant.ResourceId}".`,
    );
  });

  test("importId of a source elsewhere, or at another location, is refused before anything changes", async () => {
    await expect(provider.create({ ...inputs, importId: `${casterId}:no-such-source` })).rejects.toThrow(/has no video source no-such-source/);
    const made = await live.client.call("AddCasterVideoResource", {
      CasterId: casterId, ResourceName: "x", LocationId: "RV30", ImageId: "img1",
    });
    live.emulator.clearCalls();
    await expect(provider.create({ ...inputs, importId: `${casterId}:${made.ResourceId}` })).rejects.toThrow(/sits at RV30, but locationId is RV10/);
    expect(live.mutatingCalls()).toEqual([]);
  });

  test("every parameter the provider sent is one the spec declares", () => {
    expect(live.undeclaredParameters()).toEqual([]);
  });
});

describe("video source provider when replies are lost", () => {
  let live: EmulatorFixture;
  let casterId: string;
  const inputs = (locationId: string): VideoResourceInputs => ({
    casterId, resourceName: `Reel ${locationId}`, locationId, vodUrl: "https://m.example.com/reel.mp4", repeatNum: -1,
  });

  beforeAll(async () => {
    live = await startEmulatorFixture();
    configureForFixture(live);
    casterId = await live.createCaster();
  });
  afterAll(() => live.close());

  test("a create whose reply was lost adopts the source it made, and adds no second one", async () => {
    live.emulator.setFaults({ rates: { AddCasterVideoResource: { lostResponse: 1 } } });
    live.emulator.clearCalls();
    const created = await provider.create(inputs("RV40"));
    live.emulator.setFaults({ rates: {} });
    const [source] = live.sources(casterId).filter((s) => s.locationId === "RV40");
    expect(created.outs.resourceId).toBe(source.resourceId);
    expect(live.sources(casterId).filter((s) => s.locationId === "RV40")).toHaveLength(1);
    expect(live.mutatingCalls()).toEqual(["AddCasterVideoResource"]);
  });

  test("a matching source that was there before the create (another stack's, the console's) is not adopted", async () => {
    const earlier = await live.client.call("AddCasterVideoResource", {
      CasterId: casterId, ResourceName: "Reel RV41", LocationId: "RV41", VodUrl: "https://m.example.com/reel.mp4", RepeatNum: -1,
    });
    const error: Error = await provider.create(inputs("RV41")).catch((caught) => caught);
    expect(error.message).toContain(`RV41 on studio ${casterId} is already taken by file source "Reel RV41" (${casterId}:${earlier.ResourceId})`);
    expect(error.message).toContain("has the very settings declared here but is not this resource's");
    expect(error.message).toContain(`importId to "${casterId}:${earlier.ResourceId}"`);
    expect(error.message).toContain("npx caster-recover");
    expect(error.stack).not.toMatch(/\n\s+at /);
    expect(live.sources(casterId).filter((s) => s.locationId === "RV41")).toHaveLength(1);
  });

  test("two identical declarations at one location do not share one source", async () => {
    await provider.create(inputs("RV43"));
    await expect(provider.create(inputs("RV43"))).rejects.toThrow(/RV43 on studio .* is already taken by file source "Reel RV43"/);
    expect(live.sources(casterId).filter((s) => s.locationId === "RV43")).toHaveLength(1);
  });

  test("a lost reply followed by a different source at the location is an error that names it", async () => {
    await live.client.call("AddCasterVideoResource", {
      CasterId: casterId, ResourceName: "Someone else", LocationId: "RV42", ImageId: "img42",
    });
    await expect(provider.create(inputs("RV42"))).rejects.toThrow(/RV42 on studio .* is already taken by image source "Someone else"/);
  });

  test("every parameter the provider sent is one the spec declares", () => {
    expect(live.undeclaredParameters()).toEqual([]);
  });
});
