import { configureForFixture, EmulatorFixture, startEmulatorFixture } from "../../test/helpers/emulator-fixture";
import { DEMO_ACCOUNT } from "../../emulator";
import { LayoutInputs } from "../../model/kinds/caster-layout";
import { ComponentInputs } from "../../model/kinds/caster-component";
import { componentProvider, ComponentOutputs } from "../component/provider";
import { sceneBindingProvider, SceneBindingOutputs } from "../scene/provider";
import { layoutProvider as provider, LayoutOutputs } from "./provider";

/** Layouts, components and scene bindings against the emulator: real HTTP, real signatures, the emulator's own rules. */
describe("on-screen providers: layout, component, scene binding", () => {
  let live: EmulatorFixture;
  let casterId: string;

  beforeAll(async () => {
    live = await startEmulatorFixture();
    configureForFixture(live);
    casterId = await live.createCaster();
    const config = await live.client.call("DescribeCasterConfig", { CasterId: casterId });
    await live.client.call("SetCasterConfig", { CasterId: casterId, DomainName: config.DomainName || "live.example.com", TranscodeConfig: '{"CasterTemplate":"lp_sd"}' });
    for (const [locationId, name] of [["RV01", "Main camera"], ["RV02", "Guest"]]) {
      await live.client.call("AddCasterVideoResource", { CasterId: casterId, LocationId: locationId, ResourceName: name, LiveStreamUrl: `rtmp://push.example.com/live/${locationId}` });
    }
  });
  afterAll(() => live.close());

  const account = () => live.emulator.state().accounts[DEMO_ACCOUNT.uid];
  const layoutsOfStudio = () => Object.keys(account()?.casters[casterId]?.layouts ?? {});
  const pictureInPicture = (): LayoutInputs => ({
    casterId,
    videoLayers: [
      { locationId: "RV01", position: [0, 0], widthNormalized: 1, heightNormalized: 1, fillMode: "fit" },
      { locationId: "RV02", position: [0.95, 0.95], anchor: "bottomRight", widthNormalized: 0.3, heightNormalized: 0.3 },
    ],
  });

  test("a layout is made, read back in full with the API's defaults, and those defaults are no change", async () => {
    const inputs = pictureInPicture();
    const created = await provider.create(inputs);
    const outs = created.outs as LayoutOutputs;
    expect(created.id).toBe(`${casterId}:${outs.layoutId}`);
    expect(outs.videoLayers[1]).toEqual({ locationId: "RV02", position: [0.95, 0.95], anchor: "bottomRight", widthNormalized: 0.3, heightNormalized: 0.3, fillMode: "none", fixedDelayDuration: 0 });
    // Left out, every video layer's source is heard at volume 1.
    expect(outs.audioLayers).toEqual([
      { locationId: "RV01", volumeRate: 1, validChannel: "all", fixedDelayDuration: 0 },
      { locationId: "RV02", volumeRate: 1, validChannel: "all", fixedDelayDuration: 0 },
    ]);
    const read = await provider.read(created.id, outs);
    expect(await provider.diff(created.id, read.props as LayoutOutputs, inputs)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
    // A moved layer is a change in place.
    const moved = { ...inputs, videoLayers: [inputs.videoLayers[0], { ...inputs.videoLayers[1], position: [0.05, 0.95] as [number, number] }] };
    expect(await provider.diff(created.id, outs, moved)).toEqual({ changes: true, replaces: [], stables: ["casterId", "layoutId"], deleteBeforeReplace: false });
    const updated = (await provider.update(created.id, outs, moved)).outs as LayoutOutputs;
    expect(updated.videoLayers[1].position).toEqual([0.05, 0.95]);
    expect(live.undeclaredParameters()).toEqual([]);
  });

  test("a layer without position is placed at [0, 0], as the API places it, and reads back as no change", async () => {
    // Issue 29: the position was required, though VideoLayer.N.PositionNormalized defaults to [0,0].
    const inputs = (await provider.check({}, { casterId, videoLayers: [{ locationId: "RV01", widthNormalized: 1, heightNormalized: 1 }] })) as { inputs: LayoutInputs; failures: unknown[] };
    expect(inputs.failures).toEqual([]);
    const created = await provider.create(inputs.inputs);
    const outs = created.outs as LayoutOutputs;
    expect(outs.videoLayers[0].position).toEqual([0, 0]);
    const read = await provider.read(created.id, outs);
    expect(await provider.diff(created.id, read.props as LayoutOutputs, inputs.inputs)).toMatchObject({ changes: false });
    await provider.delete(created.id, outs);
  });

  test("a lost AddCasterLayout reply makes one layout, not two", async () => {
    const before = layoutsOfStudio().length;
    live.emulator.setFaults({ rates: { AddCasterLayout: { lostResponse: 1 } } });
    const calls = () => live.emulator.calls().filter((call) => call.action === "AddCasterLayout").length;
    const sent = calls();
    const creating = provider.create({ ...pictureInPicture(), videoLayers: [pictureInPicture().videoLayers[0]] });
    while (calls() === sent) await new Promise((resolve) => setTimeout(resolve, 20));
    live.emulator.setFaults({ rates: {} });
    const created = await creating;
    expect(layoutsOfStudio().length).toBe(before + 1);
    expect(layoutsOfStudio()).toContain((created.outs as LayoutOutputs).layoutId);
  });

  test("layouts made side by side share one listing of what was there before, and each is read back", async () => {
    const describes = () => live.emulator.calls().filter((call) => call.action === "DescribeCasterLayouts").length;
    const before = describes();
    const count = 8;
    const created = await Promise.all(Array.from({ length: count }, (_, index) =>
      provider.create({ casterId, videoLayers: [{ locationId: "RV01", position: [index / 10, 0], widthNormalized: 0.1, heightNormalized: 0.1 }] })));
    expect(new Set(created.map((result) => result.id)).size).toBe(count);
    // One listing before the adds (not one each), one read-back each: the reads no longer outnumber the adds two to one.
    expect(describes() - before).toBeLessThanOrEqual(count + 1);
  });

  test("bad layers fail the check: every problem, each at its place", async () => {
    const result = await provider.check({}, {
      casterId,
      videoLayers: [
        { locationId: "RV1", position: [0, 1.5] },
        { locationId: "RV02", position: [0, 0], fillMode: "fit", widthNormalized: 0.5 },
        { locationId: "RV02", position: [0, 0], anchor: "middle" },
      ],
    });
    expect(result.failures?.map((failure) => failure.reason)).toEqual([
      expect.stringContaining("videoLayers[0].locationId \"RV1\""),
      expect.stringContaining("videoLayers[0].position[1] 1.5"),
      expect.stringContaining("videoLayers[2].anchor \"middle\""),
    ]);
    const fit = await provider.check({}, { casterId, videoLayers: [{ locationId: "RV01", position: [0, 0], fillMode: "fit", widthNormalized: 0.5 }] });
    expect(fit.failures).toEqual([expect.objectContaining({ property: "videoLayers", reason: expect.stringContaining("fillMode fit without both sizes") })]);
    const twice = await provider.check({}, { casterId, videoLayers: [{ locationId: "RV01", position: [0, 0] }, { locationId: "RV01", position: [0.5, 0] }] });
    expect(twice.failures?.[0].reason).toContain("both take RV01");
  });

  test("a text overlay is made at its position, read back, modified in place; a second one at the position is refused", async () => {
    const inputs: ComponentInputs = {
      casterId,
      locationId: "RC01",
      componentType: "text",
      text: { text: "Live from Hangzhou", color: "0xffffff", sizeNormalized: 0.05 },
      geometry: { position: [0.05, 0.85], widthNormalized: 0.6, heightNormalized: 0.1 },
    };
    const created = await componentProvider.create(inputs);
    const outs = created.outs as ComponentOutputs;
    expect(outs).toMatchObject({ componentType: "text", text: { text: "Live from Hangzhou", color: "0xffffff", sizeNormalized: 0.05 } });
    const read = await componentProvider.read(created.id, outs);
    expect(await componentProvider.diff(created.id, read.props as ComponentOutputs, inputs)).toMatchObject({ changes: false });
    const retitled = { ...inputs, text: { ...inputs.text!, text: "Back after the break" } };
    expect(await componentProvider.diff(created.id, outs, retitled)).toEqual({ changes: true, replaces: [], stables: ["casterId", "componentId", "layerOrder", "locationId"], deleteBeforeReplace: false });
    expect((await componentProvider.update(created.id, outs, retitled)).outs).toMatchObject({ text: { text: "Back after the break" } });
    await expect(componentProvider.create({ ...inputs, componentType: "image", text: undefined, image: { materialId: "logo01" } }))
      .rejects.toThrow(/DuplicateLocationID/);
    const wrongContent = await componentProvider.check({}, { ...inputs, componentType: "image" });
    expect(wrongContent.failures?.map((failure) => failure.property)).toEqual(["image"]);
  });

  test("a component another stack already made at its position is refused with the importId that takes it over, which adopts it with no call that changes anything", async () => {
    // Issue 29: the API refuses a second component at a taken position (DuplicateLocationID), naming neither that it is the same nor how to take it over.
    const inputs: ComponentInputs = {
      casterId,
      locationId: "RC05",
      componentName: "Station bug",
      componentType: "text",
      text: { text: "Channel 5", color: "0xffffff", sizeNormalized: 0.04 },
      geometry: { position: [0.9, 0.05], widthNormalized: 0.1, heightNormalized: 0.05 },
    };
    const made = (await componentProvider.create(inputs)).outs as ComponentOutputs;
    // Another stack: a new session of the providers.
    configureForFixture(live);
    const changing = live.mutatingCalls().length;
    await expect(componentProvider.create(inputs)).rejects.toThrow(
      `studio ${casterId} already has this very component at RC05 (${made.componentId}: text "Station bug"), made by another stack or in the console, ` +
        `and a position holds one component. Set importId: "${casterId}:${made.componentId}" to take it over`,
    );
    expect(live.mutatingCalls().length).toBe(changing);
    const adopted = await componentProvider.create({ ...inputs, importId: `${casterId}:${made.componentId}` });
    expect((adopted.outs as ComponentOutputs).componentId).toBe(made.componentId);
    expect(live.mutatingCalls().length).toBe(changing);
  });

  test("a scene binding needs a started studio; then PGM shows the layout and the components, and deleting clears it", async () => {
    const layout = (await provider.create(pictureInPicture())).outs as LayoutOutputs;
    const logo = (await componentProvider.create({
      casterId, locationId: "RC02", componentType: "image", image: { materialId: "logo01" }, geometry: { position: [0.9, 0.05], anchor: "topRight", widthNormalized: 0.1 },
    })).outs as ComponentOutputs;
    const binding = { casterId, scene: "PGM" as const, layoutId: layout.layoutId, componentIds: [logo.componentId] };
    await expect(sceneBindingProvider.create(binding)).rejects.toThrow(/has no PGM scene yet: StartCaster makes a studio's scenes/);
    const twice = await sceneBindingProvider.check({}, { ...binding, componentIds: [logo.componentId, logo.componentId] });
    expect(twice.failures).toEqual([expect.objectContaining({
      property: "componentIds",
      reason: `componentIds[1] "${logo.componentId}" is listed twice (first as componentIds[0]): a scene shows a component once; remove one.`,
    })]);

    await live.client.call("StartCaster", { CasterId: casterId });
    const created = await sceneBindingProvider.create(binding);
    expect(created.id).toBe(`${casterId}:PGM`);
    const scenes = await live.client.call("DescribeCasterScenes", { CasterId: casterId });
    const pgm = scenes.SceneList!.Scene!.find((scene) => scene.OutputType === "1");
    expect(pgm).toMatchObject({ LayoutId: layout.layoutId, ComponentIds: { componentId: [logo.componentId] } });
    const outs = created.outs as SceneBindingOutputs;
    expect(await sceneBindingProvider.diff(created.id, outs, binding)).toMatchObject({ changes: false });
    expect(await sceneBindingProvider.diff(created.id, outs, { ...binding, componentIds: [] })).toMatchObject({ changes: true, replaces: [] });

    await sceneBindingProvider.delete(created.id, outs);
    const after = await live.client.call("DescribeCasterScenes", { CasterId: casterId });
    expect(after.SceneList!.Scene!.find((scene) => scene.OutputType === "1")?.LayoutId ?? "").toBe("");
    // Bound again right after (a replacement): the listing from before the unbinding, which still shows the scene bound, is not taken for the scene as it is.
    await sceneBindingProvider.create(binding);
    const again = await live.client.call("DescribeCasterScenes", { CasterId: casterId });
    expect(again.SceneList!.Scene!.find((scene) => scene.OutputType === "1")).toMatchObject({ LayoutId: layout.layoutId, ComponentIds: { componentId: [logo.componentId] } });
    expect(live.undeclaredParameters()).toEqual([]);
  });
});
