import { configureForFixture, EmulatorFixture, startEmulatorFixture } from "../test/helpers/emulator-fixture";
import { CasterInputs } from "../model/kinds/caster";
import { ComponentInputs } from "../model/kinds/caster-component";
import { EpisodeInputs } from "../model/kinds/caster-episode";
import { EpisodeGroupInputs } from "../model/kinds/caster-episode-group";
import { LayoutInputs } from "../model/kinds/caster-layout";
import { VideoResourceInputs } from "../model/kinds/caster-video-resource";
import { casterProvider, CasterOutputs } from "./caster/provider";
import { componentProvider, ComponentOutputs } from "./component/provider";
import { EpisodeGroupOutputs } from "./episode-group/api";
import { episodeGroupProvider } from "./episode-group/provider";
import { episodeProvider, EpisodeOutputs } from "./episode/provider";
import { layoutProvider, LayoutOutputs } from "./layout/provider";
import { sceneBindingProvider, SceneBindingOutputs } from "./scene/provider";
import { VideoResourceOutputs } from "./video-resource/api";
import { videoResourceProvider } from "./video-resource/provider";

/**
 * Adopting existing objects (importId) against the emulator: the first `pulumi up` of a studio file
 * exported from a live studio takes every object over with no call that changes anything when it
 * matches, exactly the one modify when it does not, and a clear error, before any such call, when
 * the ID is wrong.
 */
describe("adopting existing objects (importId)", () => {
  let live: EmulatorFixture;
  let scope = 0;
  /** A started studio with two sources, made as the console would make them. */
  let casterId: string;
  let camera: string;

  /** The inputs as the engine hands them to create: after check (which completes them). */
  async function checked<T>(provider: { check(olds: Record<string, unknown>, news: Record<string, unknown>): Promise<{ inputs?: unknown; failures?: unknown[] }> }, inputs: object): Promise<T> {
    const result = await provider.check({}, inputs as Record<string, unknown>);
    expect(result.failures).toEqual([]);
    return result.inputs as T;
  }
  /** Each `pulumi up` is a session of its own; the calls counted are this one's. */
  function newRun(): void {
    configureForFixture(live);
    live.emulator.clearCalls();
  }

  beforeAll(async () => {
    live = await startEmulatorFixture();
    configureForFixture(live);
    const studio = await casterProvider.create(await checked<CasterInputs>(casterProvider, {
      normType: 1, casterTemplate: "lp_sd", casterName: "Live studio", domainName: "live.example.com", running: true, clientTokenScope: "p/s/live",
    }));
    casterId = studio.id;
    for (const [locationId, name] of [["RV01", "Main camera"], ["RV02", "Guest"]]) {
      await live.client.call("AddCasterVideoResource", { CasterId: casterId, LocationId: locationId, ResourceName: name, LiveStreamUrl: `rtmp://push.example.com/live/${locationId}` });
    }
    camera = live.sources(casterId).find((source) => source.locationId === "RV01")!.resourceId;
  });
  afterAll(() => live.close());

  describe("Caster", () => {
    const declared = (overrides: Partial<CasterInputs> = {}) => ({
      normType: 1, casterTemplate: "lp_sd", casterName: "Evening show", domainName: "live.example.com", delaySeconds: 3, running: true,
      clientTokenScope: `p/s/adopted-${++scope}`, ...overrides,
    });
    let existing: CasterOutputs;

    beforeAll(async () => {
      existing = (await casterProvider.create(await checked<CasterInputs>(casterProvider, declared()))).outs as CasterOutputs;
    });

    test("a studio that matches is taken over with no call that changes anything, its outputs the studio's", async () => {
      newRun();
      const inputs = await checked<CasterInputs>(casterProvider, declared({ importId: existing.casterId }));
      const adopted = await casterProvider.create(inputs);
      expect(live.mutatingCalls()).toEqual([]);
      expect(adopted.id).toBe(existing.casterId);
      expect(adopted.outs).toMatchObject({
        casterId: existing.casterId, casterName: "Evening show", delaySeconds: 3, running: true, status: 1,
        pgmSceneId: existing.pgmSceneId, pvwSceneId: existing.pvwSceneId, importId: existing.casterId,
      });
      // The next preview shows nothing to do, and removing importId changes nothing.
      const { importId: _removed, ...withoutImportId } = inputs;
      expect(await casterProvider.diff(adopted.id, adopted.outs as CasterOutputs, withoutImportId as CasterInputs)).toMatchObject({ changes: false });
    });

    test("a setting that differs is one SetCasterConfig; a run state that differs is one StopCaster", async () => {
      newRun();
      const later = await casterProvider.create(await checked<CasterInputs>(casterProvider, declared({ importId: existing.casterId, delaySeconds: 10 })));
      expect(live.mutatingCalls()).toEqual(["SetCasterConfig"]);
      expect(later.outs).toMatchObject({ delaySeconds: 10, running: true, casterName: "Evening show" });
      newRun();
      const stopped = await casterProvider.create(await checked<CasterInputs>(casterProvider, declared({ importId: existing.casterId, delaySeconds: 10, running: false })));
      expect(live.mutatingCalls()).toEqual(["StopCaster"]);
      expect(stopped.outs).toMatchObject({ running: false, status: 0 });
    });

    test("a wrong importId is a clear error before any call that changes anything", async () => {
      newRun();
      await expect(casterProvider.create(await checked<CasterInputs>(casterProvider, declared({ importId: "LIVEPRODUCER_POST-cn-nosuch12345" }))))
        .rejects.toThrow("importId LIVEPRODUCER_POST-cn-nosuch12345: the account has no studio LIVEPRODUCER_POST-cn-nosuch12345 in region cn-shanghai. Check the ID with DescribeCasters");
      // What CreateCaster set cannot change without a new studio.
      await expect(casterProvider.create(await checked<CasterInputs>(casterProvider, declared({ importId: existing.casterId, normType: 6 }))))
        .rejects.toThrow(`importId ${existing.casterId}: that studio's normType is 1, not 6; only a new studio could change that.`);
      await casterProvider.create(await checked<CasterInputs>(casterProvider, declared({ importId: existing.casterId, running: false, delaySeconds: 10 })));
      live.emulator.clearCalls();
      await expect(casterProvider.create(await checked<CasterInputs>(casterProvider, declared({ importId: existing.casterId }))))
        .rejects.toThrow(`importId ${existing.casterId}: another resource of this program already manages that studio; remove one of the two.`);
      expect(live.mutatingCalls()).toEqual([]);
      const malformed = await casterProvider.check({}, declared({ importId: `${existing.casterId}:extra` }));
      expect(malformed.failures).toEqual([expect.objectContaining({ property: "importId", reason: expect.stringContaining("use <casterId> of the existing studio") })]);
    });
  });

  describe("CasterVideoResource", () => {
    const declared = (resourceId: string, overrides: Partial<VideoResourceInputs> = {}): VideoResourceInputs => ({
      casterId, resourceName: "Reel", locationId: "RV10", vodUrl: "https://media.example.com/reel.mp4", repeatNum: -1,
      importId: `${casterId}:${resourceId}`, ...overrides,
    });
    const consoleSource = async (locationId: string) => (await live.client.call("AddCasterVideoResource", {
      CasterId: casterId, LocationId: locationId, ResourceName: "Reel", VodUrl: "https://media.example.com/reel.mp4", RepeatNum: -1,
    })).ResourceId!;

    test("a source that matches is taken over with no ModifyCasterVideoResource, its outputs the source's", async () => {
      const resourceId = await consoleSource("RV10");
      newRun();
      const adopted = await videoResourceProvider.create(declared(resourceId));
      expect(live.mutatingCalls()).toEqual([]);
      expect(adopted.id).toBe(`${casterId}:${resourceId}`);
      expect(adopted.outs).toMatchObject({ resourceId, locationId: "RV10", resourceName: "Reel", repeatNum: -1 });
      expect(await videoResourceProvider.diff(adopted.id, adopted.outs as VideoResourceOutputs, declared(resourceId))).toMatchObject({ changes: false });
    });

    test("a source that differs is one ModifyCasterVideoResource", async () => {
      const resourceId = await consoleSource("RV11");
      newRun();
      const adopted = await videoResourceProvider.create(declared(resourceId, { locationId: "RV11", resourceName: "Reel, renamed" }));
      expect(live.mutatingCalls()).toEqual(["ModifyCasterVideoResource"]);
      expect(adopted.outs).toMatchObject({ resourceId, resourceName: "Reel, renamed" });
    });

    test("a source another resource of the program has taken over is refused before any change", async () => {
      const resourceId = await consoleSource("RV12");
      newRun();
      await videoResourceProvider.create(declared(resourceId, { locationId: "RV12" }));
      await expect(videoResourceProvider.create(declared(resourceId, { locationId: "RV12" })))
        .rejects.toThrow(`importId ${casterId}:${resourceId}: another resource of this program already manages that source; remove one of the two.`);
      expect(live.mutatingCalls()).toEqual([]);
    });
  });

  describe("CasterLayout", () => {
    const layers = (x: number): LayoutInputs => ({
      casterId,
      videoLayers: [
        { locationId: "RV01", position: [0, 0], widthNormalized: 1, heightNormalized: 1, fillMode: "fit" },
        { locationId: "RV02", position: [x, 0.95], anchor: "bottomRight", widthNormalized: 0.3, heightNormalized: 0.3 },
      ],
    });
    let existing: LayoutOutputs;
    beforeAll(async () => {
      existing = (await layoutProvider.create(layers(0.95))).outs as LayoutOutputs;
    });

    test("a layout that matches is taken over with no call that changes anything, its outputs the layout's", async () => {
      newRun();
      const inputs = { ...layers(0.95), importId: `${casterId}:${existing.layoutId}` };
      const adopted = await layoutProvider.create(inputs);
      expect(live.mutatingCalls()).toEqual([]);
      expect(adopted.id).toBe(`${casterId}:${existing.layoutId}`);
      expect(adopted.outs).toMatchObject({ layoutId: existing.layoutId, videoLayers: existing.videoLayers, audioLayers: existing.audioLayers });
      expect(await layoutProvider.diff(adopted.id, adopted.outs as LayoutOutputs, layers(0.95))).toMatchObject({ changes: false });
    });

    test("a layout that differs is one ModifyCasterLayout", async () => {
      newRun();
      const adopted = await layoutProvider.create({ ...layers(0.5), importId: `${casterId}:${existing.layoutId}` });
      expect(live.mutatingCalls()).toEqual(["ModifyCasterLayout"]);
      expect((adopted.outs as LayoutOutputs).videoLayers[1].position).toEqual([0.5, 0.95]);
    });

    test("a wrong importId is a clear error before any call that changes anything", async () => {
      newRun();
      await expect(layoutProvider.create({ ...layers(0.5), importId: `${casterId}:no-such-layout` }))
        .rejects.toThrow(`importId ${casterId}:no-such-layout: studio ${casterId} has no layout no-such-layout (its layouts are ${existing.layoutId}). Check the ID with DescribeCasterLayouts, or remove importId to add a new layout.`);
      await layoutProvider.create({ ...layers(0.5), importId: `${casterId}:${existing.layoutId}` });
      await expect(layoutProvider.create({ ...layers(0.5), importId: `${casterId}:${existing.layoutId}` }))
        .rejects.toThrow(`importId ${casterId}:${existing.layoutId}: another resource of this program already manages that layout; remove one of the two.`);
      expect(live.mutatingCalls()).toEqual([]);
      const otherStudio = await layoutProvider.check({}, { ...layers(0.5), importId: `LIVEPRODUCER_POST-cn-other12345:${existing.layoutId}` });
      expect(otherStudio.failures).toEqual([{
        property: "importId",
        reason: `importId "LIVEPRODUCER_POST-cn-other12345:${existing.layoutId}" names studio LIVEPRODUCER_POST-cn-other12345, but casterId is "${casterId}": use "${casterId}:<layoutId>" to adopt a layout of this studio, or set casterId to LIVEPRODUCER_POST-cn-other12345.`,
      }]);
    });
  });

  describe("CasterComponent", () => {
    const lowerThird = (text: string, locationId = "RC01"): ComponentInputs => ({
      casterId, locationId, componentName: "Lower third", componentType: "text", text: { text, color: "0xffffff" },
      geometry: { position: [0.05, 0.85], widthNormalized: 0.6, heightNormalized: 0.1 },
    });
    let existing: ComponentOutputs;
    beforeAll(async () => {
      existing = (await componentProvider.create(lowerThird("Evening news"))).outs as ComponentOutputs;
    });

    test("a component that matches is taken over with no call that changes anything, its outputs the component's", async () => {
      newRun();
      const adopted = await componentProvider.create({ ...lowerThird("Evening news"), importId: `${casterId}:${existing.componentId}` });
      expect(live.mutatingCalls()).toEqual([]);
      expect(adopted.id).toBe(`${casterId}:${existing.componentId}`);
      expect(adopted.outs).toMatchObject({ componentId: existing.componentId, locationId: "RC01", text: { text: "Evening news", color: "0xffffff" }, effect: "none" });
      expect(await componentProvider.diff(adopted.id, adopted.outs as ComponentOutputs, lowerThird("Evening news"))).toMatchObject({ changes: false });
    });

    test("a component that differs is one ModifyCasterComponent", async () => {
      newRun();
      const adopted = await componentProvider.create({ ...lowerThird("Late news"), importId: `${casterId}:${existing.componentId}` });
      expect(live.mutatingCalls()).toEqual(["ModifyCasterComponent"]);
      expect(adopted.outs).toMatchObject({ componentId: existing.componentId, text: { text: "Late news" } });
    });

    test("a component that is not there, or at another position, is a clear error before any call that changes anything", async () => {
      newRun();
      await expect(componentProvider.create({ ...lowerThird("Late news"), importId: `${casterId}:no-such-component` }))
        .rejects.toThrow(`importId ${casterId}:no-such-component: studio ${casterId} has no component no-such-component (the component at RC01 is ${existing.componentId}: importId "${casterId}:${existing.componentId}"). Check the ID with DescribeCasterComponents`);
      await expect(componentProvider.create({ ...lowerThird("Late news", "RC05"), importId: `${casterId}:${existing.componentId}` }))
        .rejects.toThrow(`importId ${casterId}:${existing.componentId}: that component sits at RC01, but locationId is RC05. A component cannot move; set locationId to RC01.`);
      expect(live.mutatingCalls()).toEqual([]);
    });
  });

  describe("CasterEpisode", () => {
    const news = (name: string, overrides: Record<string, unknown> = {}) => ({
      casterId, episodeName: name, locationId: "RV01", startTime: "2030-12-24T20:00:00+08:00", endTime: "2030-12-24T21:00:00+08:00", ...overrides,
    });
    let existing: EpisodeOutputs;
    beforeAll(async () => {
      existing = (await episodeProvider.create(await checked<EpisodeInputs>(episodeProvider, news("Evening news")))).outs as EpisodeOutputs;
    });
    const importId = () => `${casterId}:${existing.episodeId}`;

    test("an episode that matches is taken over with no call that changes anything, its outputs the episode's", async () => {
      newRun();
      const inputs = await checked<EpisodeInputs>(episodeProvider, news("Evening news", { importId: importId() }));
      const adopted = await episodeProvider.create(inputs);
      expect(live.mutatingCalls()).toEqual([]);
      expect(adopted.id).toBe(importId());
      expect(adopted.outs).toMatchObject({
        episodeId: existing.episodeId, resourceId: camera, locationId: "RV01", startTime: "2030-12-24T12:00:00Z", endTime: "2030-12-24T13:00:00Z", listedInProgram: true,
      });
      expect(await episodeProvider.diff(adopted.id, adopted.outs as EpisodeOutputs, inputs)).toMatchObject({ changes: false });
    });

    test("an episode that differs is one ModifyCasterEpisode", async () => {
      newRun();
      const adopted = await episodeProvider.create(await checked<EpisodeInputs>(episodeProvider, news("Late news", { importId: importId() })));
      expect(live.mutatingCalls()).toEqual(["ModifyCasterEpisode"]);
      expect(adopted.outs).toMatchObject({ episodeId: existing.episodeId, episodeName: "Late news" });
    });

    test("a wrong importId, or an episode of another type, is a clear error before any call that changes anything", async () => {
      newRun();
      await expect(episodeProvider.create(await checked<EpisodeInputs>(episodeProvider, news("Late news", { importId: `${casterId}:no-such-episode` }))))
        .rejects.toThrow(`importId ${casterId}:no-such-episode: studio ${casterId} has no episode no-such-episode. Check the ID with DescribeCasterProgram, or remove importId to add a new episode.`);
      const component = (await componentProvider.create({
        casterId, locationId: "RC09", componentType: "text", text: { text: "Break" }, geometry: { position: [0, 0] },
      })).outs as ComponentOutputs;
      live.emulator.clearCalls();
      const asComponents = news("Late news", { importId: importId(), locationId: undefined, componentIds: [component.componentId] });
      await expect(episodeProvider.create(await checked<EpisodeInputs>(episodeProvider, asComponents)))
        .rejects.toThrow(`importId ${importId()}: that episode is of type Resource, but this one is Component; ModifyCasterEpisode cannot change an episode's type.`);
      expect(live.mutatingCalls()).toEqual([]);
    });
  });

  describe("CasterEpisodeGroup", () => {
    const items = [
      { itemName: "Opening", vodUrl: "https://media.example.com/opening.mp4" },
      { itemName: "Feature", vodUrl: "https://media.example.com/feature.mp4" },
    ];
    const declared = (programId: string, overrides: Record<string, unknown> = {}) => ({
      casterId, startTime: "2030-01-02T04:00:00+08:00", repeatNum: -1, items, clientTokenScope: `p/s/group-${++scope}`, importId: programId, ...overrides,
    });
    let existing: { ProgramId: string; ItemIds: { ItemId: string[] } };
    beforeAll(async () => {
      existing = await live.client.call("AddCasterEpisodeGroup", {
        ClientToken: "made-in-the-console", DomainName: "live.example.com", CallbackUrl: "https://hooks.example.com/caster", SideOutputUrl: "",
        StartTime: "2030-01-01T20:00:00Z", RepeatNum: -1,
        "Item.1.ItemName": "Opening", "Item.1.VodUrl": items[0].vodUrl, "Item.2.ItemName": "Feature", "Item.2.VodUrl": items[1].vodUrl,
      }) as typeof existing;
    });

    test("a group is taken over as declared with no call that changes anything; its items, listed at its start, are recorded", async () => {
      newRun();
      const inputs = await checked<EpisodeGroupInputs>(episodeGroupProvider, declared(existing.ProgramId));
      const adopted = await episodeGroupProvider.create(inputs);
      expect(live.mutatingCalls()).toEqual([]);
      expect(adopted.id).toBe(existing.ProgramId);
      expect(adopted.outs).toMatchObject({ programId: existing.ProgramId, itemIds: existing.ItemIds.ItemId, listedInProgram: true, startTime: "2030-01-01T20:00:00Z", domainName: "live.example.com" });
      // Refresh can tell it gone once it is.
      expect(await episodeGroupProvider.read(adopted.id, adopted.outs as EpisodeGroupOutputs)).toEqual({ id: adopted.id, props: adopted.outs });
      expect(await episodeGroupProvider.diff(adopted.id, adopted.outs as EpisodeGroupOutputs, inputs)).toMatchObject({ changes: false });
    });

    test("items the program does not list as declared are not guessed: refresh keeps the group", async () => {
      newRun();
      const renamed = [{ ...items[0], itemName: "Titles" }, items[1]];
      const adopted = await episodeGroupProvider.create(await checked<EpisodeGroupInputs>(episodeGroupProvider, declared(existing.ProgramId, { items: renamed })));
      expect(live.mutatingCalls()).toEqual([]);
      expect(adopted.outs).toMatchObject({ programId: existing.ProgramId, itemIds: [], listedInProgram: false });
    });

    test("a group another resource of the program has taken over, or an ID of another form, is refused before any change", async () => {
      newRun();
      await episodeGroupProvider.create(await checked<EpisodeGroupInputs>(episodeGroupProvider, declared(existing.ProgramId)));
      await expect(episodeGroupProvider.create(await checked<EpisodeGroupInputs>(episodeGroupProvider, declared(existing.ProgramId, { startTime: "2030-01-03T04:00:00+08:00" }))))
        .rejects.toThrow(`importId ${existing.ProgramId}: another resource of this program already manages that episode group; remove one of the two.`);
      expect(live.mutatingCalls()).toEqual([]);
      const malformed = await episodeGroupProvider.check({}, declared(`${casterId}:${existing.ProgramId}`));
      expect(malformed.failures).toEqual([expect.objectContaining({ property: "importId", reason: expect.stringContaining("use <programId> of the existing episode group") })]);
    });
  });

  describe("CasterSceneBinding", () => {
    let layoutId: string;
    let componentId: string;
    beforeAll(async () => {
      layoutId = ((await layoutProvider.create({ casterId, videoLayers: [{ locationId: "RV02", position: [0, 0] }] })).outs as LayoutOutputs).layoutId;
      componentId = ((await componentProvider.create({
        casterId, locationId: "RC02", componentType: "text", text: { text: "Logo" }, geometry: { position: [0.9, 0.05] },
      })).outs as ComponentOutputs).componentId;
      await sceneBindingProvider.create({ casterId, scene: "PGM", layoutId, componentIds: [componentId] });
    });

    test("a scene that already shows the layout and components is bound with no SetCasterSceneConfig", async () => {
      newRun();
      const bound = await sceneBindingProvider.create({ casterId, scene: "PGM", layoutId, componentIds: [componentId] });
      expect(live.mutatingCalls()).toEqual([]);
      expect(bound.outs).toMatchObject({ layoutId, componentIds: [componentId] });
      expect((bound.outs as SceneBindingOutputs).sceneId).toBeTruthy();
    });

    test("a scene that shows something else is one SetCasterSceneConfig", async () => {
      newRun();
      const bound = await sceneBindingProvider.create({ casterId, scene: "PGM", layoutId, componentIds: [] });
      expect(live.mutatingCalls()).toEqual(["SetCasterSceneConfig"]);
      expect(bound.outs).toMatchObject({ layoutId, componentIds: [] });
    });
  });

  test("every parameter the providers sent is one the spec declares", () => {
    expect(live.undeclaredParameters()).toEqual([]);
  });
});
