import { EmulatorFixture, startEmulatorFixture } from "../helpers/emulator-fixture";
import { PulumiStack, VIDEO_RESOURCE_TYPE } from "../helpers/pulumi-stack";

/**
 * The whole path with the real engine: program → CasterVideoResource → dynamic provider →
 * pop-core → the emulator → state in a file backend. The steps build on each other.
 */
describe("CasterVideoResource through pulumi up", () => {
  let live: EmulatorFixture;
  let stack: PulumiStack;
  let casterId: string;
  let sources: Record<string, Record<string, unknown>>;

  beforeAll(async () => {
    live = await startEmulatorFixture();
    casterId = await live.createCaster();
    stack = await PulumiStack.create("video", { env: live.env });
    sources = {
      camera: {
        casterId,
        resourceName: "Main camera",
        locationId: "RV01",
        liveStreamUrl: "rtmp://push.example.com/studio/camera?auth_key=1767225600-0-0-abcdef0123456789",
      },
      reel: {
        casterId,
        resourceName: "Intro reel",
        locationId: "RV02",
        vodUrl: "https://media.example.com/reels/intro.mp4",
        beginOffset: 1000,
        endOffset: -2000,
        repeatNum: 2,
      },
      logo: { casterId, resourceName: "Station logo", locationId: "RV03", imageUrl: "https://media.example.com/logo.png" },
    };
  });

  afterAll(async () => {
    await stack?.remove();
    await live?.close();
  });

  async function declare(next: Record<string, Record<string, unknown>>): Promise<void> {
    sources = next;
    // Secret, because the engine records the whole stack config as the dynamic provider's inputs
    // in state, and this config holds a signed URL.
    await stack.setConfigObject("sources", next, { secret: true });
  }

  function byLocation() {
    return Object.fromEntries(live.sources(casterId).map((source) => [source.locationId, source]));
  }

  test("up creates exactly the three declared sources", async () => {
    await declare(sources);
    const result = await stack.up();
    expect(result.code).toBe(0);

    const held = live.emulator.state().accounts["1000000000000001"].casters[casterId].videoResources;
    const records = Object.values(held).sort((a, b) => a.locationId.localeCompare(b.locationId));
    expect(records.map((r) => [r.locationId, r.resourceName])).toEqual([
      ["RV01", "Main camera"],
      ["RV02", "Intro reel"],
      ["RV03", "Station logo"],
    ]);
    expect(records[0].liveStreamUrl).toContain("rtmp://push.example.com/studio/camera");
    expect(records[1]).toMatchObject({ vodUrl: "https://media.example.com/reels/intro.mp4", beginOffset: 1000, endOffset: -2000, repeatNum: 2 });
    expect(records[2].imageUrl).toBe("https://media.example.com/logo.png");

    const state = await stack.resources(VIDEO_RESOURCE_TYPE);
    expect(state).toHaveLength(3);
    for (const resource of state) {
      const record = records.find((r) => r.resourceId === resource.outputs?.resourceId);
      expect(record).toBeDefined();
      expect(resource.id).toBe(`${casterId}:${record?.resourceId}`);
      // Where the program declares it (the engine's record of the declaring line), not a line of this package's SDK.
      expect((resource as { sourcePosition?: string }).sourcePosition).toMatch(/^project:\/\/\/index\.ts#\d+,\d+$/);
    }
  });

  test("no plugin process outlives the run", async () => {
    expect(await stack.leftoverProcesses()).toEqual([]);
  });

  test("a signed stream URL is stored only as ciphertext", async () => {
    const text = stack.stateFileText();
    expect(text).not.toContain("auth_key");
    expect(text).not.toContain("emulator-demo-secret");
    const camera = (await stack.resources(VIDEO_RESOURCE_TYPE)).find((r) => r.urn.endsWith("::camera"));
    expect(JSON.stringify(camera?.outputs?.liveStreamUrl)).toContain("4dabf18193072939515e22adb298388d");
  });

  test("a second up with nothing changed makes no API change and shows no diff", async () => {
    live.emulator.clearCalls();
    const preview = await stack.preview(["--expect-no-changes"]);
    expect(preview.code).toBe(0);
    const up = await stack.up();
    expect(up.code).toBe(0);
    expect(up.output).toMatch(/4 unchanged/);
    expect(live.emulator.calls()).toEqual([]);
  });

  test("changing modifiable fields updates in place, keeping the ResourceId", async () => {
    const before = byLocation();
    await declare({ ...sources, reel: { ...sources.reel, resourceName: "Intro reel (loop)", repeatNum: -1 } });
    live.emulator.clearCalls();
    const result = await stack.up();
    expect(result.code).toBe(0);
    expect(result.output).toContain("1 updated");
    expect(live.mutatingCalls()).toEqual(["ModifyCasterVideoResource"]);
    const after = byLocation();
    expect(after.RV02.resourceId).toBe(before.RV02.resourceId);
    expect(after.RV02.resourceName).toBe("Intro reel (loop)");
    const record = live.emulator.state().accounts["1000000000000001"].casters[casterId].videoResources[after.RV02.resourceId];
    expect(record.repeatNum).toBe(-1);
  });

  test("changing locationId deletes the old source before adding the new one", async () => {
    await declare({ ...sources, logo: { ...sources.logo, locationId: "RV04" } });
    live.emulator.clearCalls();
    const result = await stack.up();
    expect(result.code).toBe(0);
    expect(result.output).toContain("1 replaced");
    expect(live.mutatingCalls()).toEqual(["DeleteCasterVideoResource", "AddCasterVideoResource"]);
    expect(Object.keys(byLocation()).sort()).toEqual(["RV01", "RV02", "RV04"]);
  });

  test("a source deleted behind Pulumi's back: refresh drops it, up adds it again", async () => {
    const gone = byLocation().RV01;
    await live.client.call("DeleteCasterVideoResource", { CasterId: casterId, ResourceId: gone.resourceId });

    const refresh = await stack.refresh();
    expect(refresh.code).toBe(0);
    expect(refresh.output).toContain("1 deleted");
    const names = (await stack.resources(VIDEO_RESOURCE_TYPE)).map((r) => r.urn.split("::").pop());
    expect(names.sort()).toEqual(["logo", "reel"]);

    const up = await stack.up();
    expect(up.code).toBe(0);
    expect(up.output).toContain("1 created");
    const again = byLocation().RV01;
    expect(again.resourceId).not.toBe(gone.resourceId);
    expect(again.resourceName).toBe("Main camera");
  });

  test("importId adopts a source made outside Pulumi, without adding one", async () => {
    const made = await live.client.call("AddCasterVideoResource", {
      CasterId: casterId,
      ResourceName: "Made in the console",
      LocationId: "RV09",
      VodUrl: "https://media.example.com/console.flv",
    });
    await declare({
      ...sources,
      adopted: {
        casterId,
        resourceName: "Backup reel",
        locationId: "RV09",
        vodUrl: "https://media.example.com/console.flv",
        importId: `${casterId}:${made.ResourceId}`,
      },
    });
    live.emulator.clearCalls();
    const result = await stack.up();
    expect(result.code).toBe(0);
    expect(live.mutatingCalls()).toEqual(["ModifyCasterVideoResource"]);
    const adopted = (await stack.resources(VIDEO_RESOURCE_TYPE)).find((r) => r.urn.endsWith("::adopted"));
    expect(adopted?.outputs?.resourceId).toBe(made.ResourceId);
    expect(byLocation().RV09.resourceName).toBe("Backup reel");

    const noChange = await stack.preview(["--expect-no-changes"]);
    expect(noChange.code).toBe(0);
  });

  test("refresh with no drift reports no change", async () => {
    const refresh = await stack.refresh(["--expect-no-changes"]);
    expect(refresh.code).toBe(0);
  });

  test("destroy leaves the studio empty", async () => {
    const result = await stack.destroy();
    expect(result.code).toBe(0);
    expect(live.sources(casterId)).toEqual([]);
  });
});
