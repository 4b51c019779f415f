import { popClient } from "../../test/helpers/pop-client";
import { expectError, PopCall, startPacedEmulator } from "../../test/helpers/paced-emulator";
import { RunningEmulator } from "../server";

/** AddCasterLayout, ModifyCasterLayout, DeleteCasterLayout and DescribeCasterLayouts over HTTP, with real signatures. */
describe("emulator layouts", () => {
  // The emulator's clock: every paced call a second later, so that no QPS limit is reached (test/helpers/paced-emulator.ts).
  let emulator: RunningEmulator;
  let call: PopCall;
  let other: PopCall;
  let state: () => string;
  let advanceClock: (ms: number) => void;
  let casterId: string;
  let token = 0;

  // The official metadata requires VideoLayer.N and AudioLayer.N (and, to modify, BlendList.N and MixList.N): a request
  // sends a layer of each with one setting at its default, unless it sends its own.
  const layers = { "VideoLayer.1.FillMode": "none", "AudioLayer.1.ValidChannel": "all" };
  const add = (params: Record<string, unknown>) => call("AddCasterLayout", { CasterId: casterId, ...layers, ...params });
  const modify = (layoutId: string, params: Record<string, unknown>) =>
    call("ModifyCasterLayout", { CasterId: casterId, LayoutId: layoutId, "BlendList.1": "RV01", "MixList.1": "RV01", ...layers, ...params });
  const layouts = async (params: Record<string, unknown> = {}) => (await call("DescribeCasterLayouts", { CasterId: casterId, ...params })).body;
  const layout = async (layoutId: string) => (await layouts({ LayoutId: layoutId })).Layouts.Layout[0];
  const defaultVideoLayer = { FillMode: "none", HeightNormalized: 0, WidthNormalized: 0, PositionRefer: "topLeft", PositionNormalizeds: { Position: [0, 0] }, FixedDelayDuration: 0 };
  const defaultAudioLayer = { VolumeRate: 1, ValidChannel: "all", FixedDelayDuration: 0 };

  beforeAll(async () => {
    ({ emulator, call, other, state, advanceClock } = await startPacedEmulator());
  });
  afterAll(() => emulator.close());
  beforeEach(async () => {
    casterId = (await call("CreateCaster", { ClientToken: `layouts-${++token}`, NormType: 1, ChargeType: "PostPaid" })).body.CasterId;
    for (const location of ["RV01", "RV02", "RV03"]) {
      await call("AddCasterVideoResource", { CasterId: casterId, ResourceName: location, LocationId: location, LiveStreamUrl: `rtmp://push.example.com/app/${location}` });
    }
  });

  test("a layout is added with every setting as a string and described with numbers, in the SDK's shapes", async () => {
    const added = await add({
      "BlendList.1": "RV01", "BlendList.2": "RV02", "MixList.1": "RV02", "MixList.2": "RV01",
      "VideoLayer.1.FillMode": "fit", "VideoLayer.1.HeightNormalized": "1", "VideoLayer.1.WidthNormalized": "1.000000",
      "VideoLayer.1.PositionNormalized.1": "0", "VideoLayer.1.PositionNormalized.2": "0", "VideoLayer.1.PositionRefer": "topLeft",
      "VideoLayer.2.HeightNormalized": "0.3", "VideoLayer.2.PositionNormalized.1": "0.95", "VideoLayer.2.PositionNormalized.2": "0.9",
      "VideoLayer.2.PositionRefer": "bottomRight", "VideoLayer.2.FixedDelayDuration": "5000",
      "AudioLayer.1.VolumeRate": "0.5", "AudioLayer.1.ValidChannel": "leftChannel", "AudioLayer.1.FixedDelayDuration": "200",
      "AudioLayer.2.VolumeRate": "10",
    });
    expect(added.status).toBe(200);
    expect(Object.keys(added.body).sort()).toEqual(["LayoutId", "RequestId"]);
    const { LayoutId } = added.body;

    const described = await layouts();
    expect(described.Total).toBe(1);
    expect(described.Layouts.Layout[0]).toEqual({
      LayoutId,
      BlendList: { LocationId: ["RV01", "RV02"] },
      MixList: { LocationId: ["RV02", "RV01"] },
      VideoLayers: {
        VideoLayer: [
          { FillMode: "fit", HeightNormalized: 1, WidthNormalized: 1, PositionRefer: "topLeft", PositionNormalizeds: { Position: [0, 0] }, FixedDelayDuration: 0 },
          { FillMode: "none", HeightNormalized: 0.3, WidthNormalized: 0, PositionRefer: "bottomRight", PositionNormalizeds: { Position: [0.95, 0.9] }, FixedDelayDuration: 5000 },
        ],
      },
      AudioLayers: {
        AudioLayer: [
          { VolumeRate: 0.5, ValidChannel: "leftChannel", FixedDelayDuration: 200 },
          { VolumeRate: 10, ValidChannel: "all", FixedDelayDuration: 0 },
        ],
      },
    });
  });

  test("layers with a setting at its default are default layers, one per entry", async () => {
    const { LayoutId } = (await add({ "BlendList.1": "RV01", "MixList.1": "RV01" })).body;
    expect(await layout(LayoutId)).toMatchObject({
      VideoLayers: { VideoLayer: [defaultVideoLayer] },
      AudioLayers: { AudioLayer: [defaultAudioLayer] },
    });
  });

  test("LayoutId filters DescribeCasterLayouts; one that matches nothing is an empty list", async () => {
    const first = (await add({ "BlendList.1": "RV01", "MixList.1": "RV01" })).body.LayoutId;
    const second = (await add({ "BlendList.1": "RV02", "MixList.1": "RV02" })).body.LayoutId;
    expect((await layouts()).Layouts.Layout.map((l: { LayoutId: string }) => l.LayoutId)).toEqual([first, second]);
    expect((await layouts({ LayoutId: second })).Layouts.Layout.map((l: { LayoutId: string }) => l.LayoutId)).toEqual([second]);
    expect(await layouts({ LayoutId: "no-such-layout" })).toMatchObject({ Total: 0, Layouts: { Layout: [] } });
  });

  test("BlendList.N and MixList.N are required: MissingBlendList, MissingMixList", async () => {
    const before = state();
    expectError(await add({ "MixList.1": "RV01" }), 400, "MissingBlendList");
    expectError(await add({ "BlendList.1": "RV01" }), 400, "MissingMixList");
    expectError(await add({ "BlendList.1": "RV01", "MixList.1": "RV01", CasterId: undefined }), 400, "MissingCasterId");
    expect(state()).toBe(before);
  });

  test("a layer for an index the list does not have is InvalidVideoLayersAndBlendListSize.Mismatch", async () => {
    const before = state();
    expectError(await add({ "BlendList.1": "RV01", "MixList.1": "RV01", "VideoLayer.2.FillMode": "none" }), 400, "InvalidVideoLayersAndBlendListSize.Mismatch");
    expectError(await add({ "BlendList.1": "RV01", "MixList.1": "RV01", "AudioLayer.2.VolumeRate": "1" }), 400, "InvalidVideoLayersAndBlendListSize.Mismatch");
    expect(state()).toBe(before);
  });

  test("a position is .1 and .2 or nothing: InvalidPositionNormalized.Malformed", async () => {
    const lists = { "BlendList.1": "RV01", "MixList.1": "RV01" };
    expectError(await add({ ...lists, "VideoLayer.1.PositionNormalized.1": "0.5" }), 400, "InvalidPositionNormalized.Malformed");
    expectError(await add({ ...lists, "VideoLayer.1.PositionNormalized.2": "0.5" }), 400, "InvalidPositionNormalized.Malformed");
    expectError(await add({
      ...lists, "VideoLayer.1.PositionNormalized.1": "0.5", "VideoLayer.1.PositionNormalized.2": "0.5", "VideoLayer.1.PositionNormalized.3": "0.5",
    }), 400, "InvalidPositionNormalized.Malformed");
  });

  test.each([
    ["HeightNormalized above 1", { "VideoLayer.1.HeightNormalized": "1.5" }],
    ["WidthNormalized below 0", { "VideoLayer.1.WidthNormalized": "-0.1" }],
    ["a size that is not a number", { "VideoLayer.1.HeightNormalized": "half" }],
    ["a coordinate above 1", { "VideoLayer.1.PositionNormalized.1": "1.2", "VideoLayer.1.PositionNormalized.2": "0" }],
    ["FillMode stretch", { "VideoLayer.1.FillMode": "stretch" }],
    ["fit without a size", { "VideoLayer.1.FillMode": "fit", "VideoLayer.1.HeightNormalized": "0.5" }],
    ["PositionRefer middleLeft (no page names it)", { "VideoLayer.1.PositionRefer": "middleLeft" }],
    ["a video delay over 5000 ms", { "VideoLayer.1.FixedDelayDuration": "5001" }],
    ["a delay that is not whole", { "AudioLayer.1.FixedDelayDuration": "1.5" }],
    ["VolumeRate over 10", { "AudioLayer.1.VolumeRate": "10.5" }],
    ["ValidChannel mono", { "AudioLayer.1.ValidChannel": "mono" }],
    ["a gap in a list", { "BlendList.3": "RV03" }],
    ["a position twice in a list", { "BlendList.2": "RV01" }],
    ["a list index 01", { "BlendList.01": "RV02" }],
  ])("%s is InvalidParameter.Malformed and adds nothing", async (_name, params) => {
    const before = state();
    expectError(await add({ "BlendList.1": "RV01", "MixList.1": "RV01", ...params }), 400, "InvalidParameter.Malformed");
    expect(state()).toBe(before);
  });

  test("every value the pages list is taken", async () => {
    const anchors = ["topLeft", "topCenter", "topRight", "leftCenter", "center", "rightCenter", "bottomLeft", "bottomCenter", "bottomRight"];
    for (const [index, anchor] of anchors.entries()) {
      const reply = await add({
        "BlendList.1": "RV01", "MixList.1": "RV01", "VideoLayer.1.PositionRefer": anchor,
        "AudioLayer.1.ValidChannel": ["leftChannel", "rightChannel", "all"][index % 3], "AudioLayer.1.VolumeRate": "0",
      });
      expect({ anchor, status: reply.status }).toEqual({ anchor, status: 200 });
    }
  });

  test("positions are video sources' (RV01–RV99) holding a source: UnexpectedLocationID, InvalidResource.NotFound", async () => {
    const before = state();
    expectError(await add({ "BlendList.1": "RV7", "MixList.1": "RV01" }), 400, "UnexpectedLocationID");
    expectError(await add({ "BlendList.1": "RC01", "MixList.1": "RV01" }), 400, "UnexpectedLocationID");
    expectError(await add({ "BlendList.1": "RV04", "MixList.1": "RV01" }), 404, "InvalidResource.NotFound");
    expectError(await add({ "BlendList.1": "RV01", "MixList.1": "RV09" }), 404, "InvalidResource.NotFound");
    expect(state()).toBe(before);
  });

  test("another account's studio, or none, is InvalidCaster.NotFound", async () => {
    const lists = { "BlendList.1": "RV01", "MixList.1": "RV01", ...layers };
    expectError(await other("AddCasterLayout", { CasterId: casterId, ...lists }), 404, "InvalidCaster.NotFound");
    const { LayoutId } = (await add(lists)).body;
    expectError(await other("DescribeCasterLayouts", { CasterId: casterId }), 404, "InvalidCaster.NotFound");
    expectError(await other("ModifyCasterLayout", { CasterId: casterId, LayoutId, ...lists }), 404, "InvalidCaster.NotFound");
    expectError(await other("DeleteCasterLayout", { CasterId: casterId, LayoutId }), 404, "InvalidCaster.NotFound");
    expectError(await add({ ...lists, CasterId: "LIVEPRODUCER_POST-cn-nosuchcaster" }), 404, "InvalidCaster.NotFound");
  });

  test("ModifyCasterLayout changes what is sent and keeps the rest", async () => {
    const { LayoutId } = (await add({
      "BlendList.1": "RV01", "MixList.1": "RV01",
      "VideoLayer.1.HeightNormalized": "0.5", "VideoLayer.1.PositionRefer": "center", "AudioLayer.1.VolumeRate": "2",
    })).body;
    const modified = await modify(LayoutId, { "VideoLayer.1.WidthNormalized": "0.25" });
    expect(modified.status).toBe(200);
    expect(Object.keys(modified.body).sort()).toEqual(["LayoutId", "RequestId"]);
    expect(modified.body.LayoutId).toBe(LayoutId);
    expect(await layout(LayoutId)).toMatchObject({
      BlendList: { LocationId: ["RV01"] },
      VideoLayers: { VideoLayer: [{ HeightNormalized: 0.5, WidthNormalized: 0.25, PositionRefer: "center" }] },
      AudioLayers: { AudioLayer: [{ VolumeRate: 2 }] },
    });
  });

  test("a layer follows its position when the list is sent again; a new position starts from the defaults", async () => {
    const { LayoutId } = (await add({
      "BlendList.1": "RV01", "BlendList.2": "RV02", "MixList.1": "RV01",
      "VideoLayer.1.HeightNormalized": "1", "VideoLayer.2.HeightNormalized": "0.3", "VideoLayer.2.PositionRefer": "bottomRight",
      "AudioLayer.1.VolumeRate": "3",
    })).body;
    // RV02 moves to the bottom, RV01 goes, RV03 comes on top with a size of its own; RV03 becomes the only audio.
    expect((await modify(LayoutId, {
      "BlendList.1": "RV02", "BlendList.2": "RV03", "VideoLayer.2.WidthNormalized": "0.2", "MixList.1": "RV03",
    })).status).toBe(200);
    expect(await layout(LayoutId)).toMatchObject({
      BlendList: { LocationId: ["RV02", "RV03"] },
      MixList: { LocationId: ["RV03"] },
      VideoLayers: { VideoLayer: [{ HeightNormalized: 0.3, PositionRefer: "bottomRight" }, { ...defaultVideoLayer, WidthNormalized: 0.2 }] },
      AudioLayers: { AudioLayer: [defaultAudioLayer] },
    });
  });

  test("a refused modify changes nothing; an unknown layout is InvalidLayout.NotFound", async () => {
    const { LayoutId } = (await add({ "BlendList.1": "RV01", "MixList.1": "RV01" })).body;
    const before = state();
    expectError(await modify(LayoutId, { "VideoLayer.2.HeightNormalized": "0.5" }), 400, "InvalidVideoLayersAndBlendListSize.Mismatch");
    expectError(await modify(LayoutId, { "BlendList.1": "RV02", "VideoLayer.1.FillMode": "fit" }), 400, "InvalidParameter.Malformed");
    expectError(await modify(LayoutId, { "BlendList.1": "RV05" }), 404, "InvalidResource.NotFound");
    expect(state()).toBe(before);
    expectError(await modify("no-such-layout", {}), 404, "InvalidLayout.NotFound");
  });

  test("DeleteCasterLayout answers the IDs; a second delete is InvalidLayout.NotFound", async () => {
    const { LayoutId } = (await add({ "BlendList.1": "RV01", "MixList.1": "RV01" })).body;
    const deleted = await call("DeleteCasterLayout", { CasterId: casterId, LayoutId });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ CasterId: casterId, LayoutId });
    expect((await layouts()).Total).toBe(0);
    expectError(await call("DeleteCasterLayout", { CasterId: casterId, LayoutId }), 404, "InvalidLayout.NotFound");
  });

  test("deleting a source leaves the layouts that show its position as they are", async () => {
    const { LayoutId } = (await add({ "BlendList.1": "RV01", "MixList.1": "RV01" })).body;
    const [source] = (await call("DescribeCasterVideoResources", { CasterId: casterId })).body.VideoResources.VideoResource;
    expect((await call("DeleteCasterVideoResource", { CasterId: casterId, ResourceId: source.ResourceId })).status).toBe(200);
    expect((await layout(LayoutId)).BlendList).toEqual({ LocationId: ["RV01"] });
  });

  test("enabling channels discards the studio's layouts (SetCasterConfig's page)", async () => {
    await add({ "BlendList.1": "RV01", "MixList.1": "RV01" });
    expect((await call("SetCasterConfig", { CasterId: casterId, DomainName: "live.example.org", ChannelEnable: 1, TranscodeConfig: '{"CasterTemplate":"lp_sd"}' })).status).toBe(200);
    expect((await layouts()).Total).toBe(0);
  });

  test("in channel mode a layout names channels RV01-RV12, each playing a source (SetCasterConfig's ChannelEnable: layouts reference the channel)", async () => {
    await call("SetCasterConfig", { CasterId: casterId, ChannelEnable: 1 });
    const sources = (await call("DescribeCasterVideoResources", { CasterId: casterId })).body.VideoResources.VideoResource as { ResourceId: string; LocationId: string }[];
    const at = (location: string) => sources.find((source) => source.LocationId === location)!.ResourceId;
    // RV01 holds a source, but no channel plays anything yet: the layout has nothing to show.
    expectError(await add({ "BlendList.1": "RV01", "MixList.1": "RV01" }), 404, "InvalidResource.NotFound");
    await call("SetCasterChannel", { CasterId: casterId, ChannelId: "RV07", ResourceId: at("RV03") });
    const { LayoutId } = (await add({ "BlendList.1": "RV07", "MixList.1": "RV07" })).body;
    expect((await layout(LayoutId)).BlendList).toEqual({ LocationId: ["RV07"] });
    // A source's position past the channels, and a channel freed, are refused as for a studio without channels.
    expectError(await add({ "BlendList.1": "RV13", "MixList.1": "RV07" }), 400, "UnexpectedLocationID");
    await call("SetCasterChannel", { CasterId: casterId, ChannelId: "RV07", ResourceId: "" });
    expectError(await modify(LayoutId, { "BlendList.1": "RV07", "MixList.1": "RV07" }), 404, "InvalidResource.NotFound");
  });

  test("the 11th AddCasterLayout of an account within a second is Throttling.User; DescribeCasterLayouts takes 15", async () => {
    const unpaced = popClient(emulator.url);
    advanceClock(2000);
    for (let n = 1; n <= 10; n++) expect((await unpaced("AddCasterLayout", { CasterId: casterId, "BlendList.1": "RV01", "MixList.1": "RV01", ...layers })).status).toBe(200);
    expectError(await unpaced("AddCasterLayout", { CasterId: casterId, "BlendList.1": "RV01", "MixList.1": "RV01", ...layers }), 400, "Throttling.User");
    for (let n = 1; n <= 15; n++) expect((await unpaced("DescribeCasterLayouts", { CasterId: casterId })).status).toBe(200);
    expectError(await unpaced("DescribeCasterLayouts", { CasterId: casterId }), 400, "Throttling.User");
    advanceClock(2000);
  });
});
