import { popClient, PopReply } from "../../test/helpers/pop-client";
import { RunningEmulator, startEmulator } from "../server";

const STUDIO = {
  LayoutType: "studio",
  BgImageConfig: JSON.stringify({ Id: "bg-1", MaterialId: "material-1" }),
  ScreenInputConfigList: JSON.stringify([{
    Index: "1", ChannelId: "RV01", Color: "green", PositionX: "0.1", PositionY: "0.2", HeightNormalized: "0.4", PortraitType: 0,
    OnlyAudio: false, AudioConfig: { ValidChannel: "all", VolumeRate: "1.0" },
  }]),
  MediaInputConfigList: JSON.stringify([{
    Id: "media-1", Index: "1", ImageMaterialId: "image-1", FillMode: "none", PositionRefer: "topLeft", WidthNormalized: "0.6", HeightNormalized: "0.4", PositionNormalized: "[0.1, 0.2]",
  }]),
  LayerOrderConfigList: JSON.stringify([{ Type: "background", Id: "bg-1" }, { Type: "media", Id: "media-1" }]),
};

describe("emulator studio layouts", () => {
  let emulator: RunningEmulator;
  let call: ReturnType<typeof popClient>;
  let casterId: string;
  let clockOffsetMs = 0;
  let studio = 0;

  const expectError = (reply: PopReply, status: number, code: string) =>
    expect({ status: reply.status, code: reply.body.Code }).toEqual({ status, code });
  const newStudio = async (normType: number) =>
    (await call("CreateCaster", { ClientToken: `studio-layout-${++studio}`, NormType: normType, ChargeType: "PostPaid" })).body.CasterId as string;

  beforeAll(async () => {
    emulator = await startEmulator({ clock: () => Date.now() + clockOffsetMs });
    call = popClient(emulator.url);
  });
  afterAll(() => emulator.close());
  beforeEach(async () => {
    clockOffsetMs += 1100;
    casterId = await newStudio(4);
  });

  test("a studio layout's JSON settings come back typed, as the reply model has them", async () => {
    const { LayoutId } = (await call("AddStudioLayout", { CasterId: casterId, LayoutName: "Set", ...STUDIO })).body;
    const reply = (await call("DescribeStudioLayouts", { CasterId: casterId })).body;
    expect(reply.Total).toBe(1);
    expect(reply.StudioLayouts[0]).toEqual({
      LayoutId, LayoutName: "Set", LayoutType: "studio",
      BgImageConfig: { Id: "bg-1", MaterialId: "material-1" },
      ScreenInputConfigList: [{
        Index: 1, ChannelId: "RV01", Color: "green", PositionX: "0.1", PositionY: "0.2", HeightNormalized: 0.4, PortraitType: 0,
        OnlyAudio: false, AudioConfig: { ValidChannel: "all", VolumeRate: 1 },
      }],
      MediaInputConfigList: [{
        Id: "media-1", Index: 1, ImageMaterialId: "image-1", FillMode: "none", PositionRefer: "topLeft", WidthNormalized: 0.6, HeightNormalized: 0.4, PositionNormalized: [0.1, 0.2],
      }],
      LayerOrderConfigList: [{ Type: "background", Id: "bg-1" }, { Type: "media", Id: "media-1" }],
    });
  });

  test("Modify replaces what is sent; Delete deletes; an unknown layout is InvalidLayout.NotFound", async () => {
    const { LayoutId } = (await call("AddStudioLayout", { CasterId: casterId, LayoutName: "Common", LayoutType: "common", CommonConfig: '{"ChannelId":"RV01"}' })).body;
    expect((await call("ModifyStudioLayout", { CasterId: casterId, LayoutId, LayoutName: "Renamed", CommonConfig: '{"ChannelId":"RV02","VideoResourceId":"v-1"}' })).status).toBe(200);
    const layout = (await call("DescribeStudioLayouts", { CasterId: casterId, LayoutId })).body.StudioLayouts[0];
    expect(layout).toMatchObject({ LayoutName: "Renamed", LayoutType: "common", CommonConfig: { ChannelId: "RV02", VideoResourceId: "v-1" } });
    expect((await call("DescribeStudioLayouts", { CasterId: casterId, LayoutId: "nothing" })).body.Total).toBe(0);
    expect((await call("DeleteStudioLayout", { CasterId: casterId, LayoutId })).status).toBe(200);
    expectError(await call("DeleteStudioLayout", { CasterId: casterId, LayoutId }), 404, "InvalidLayout.NotFound");
    expectError(await call("ModifyStudioLayout", { CasterId: casterId, LayoutId, LayoutName: "x" }), 404, "InvalidLayout.NotFound");
  });

  test("DescribeStudioLayouts takes several LayoutIds, comma-separated, as its request model says", async () => {
    const add = async (LayoutName: string, ChannelId: string) => {
      clockOffsetMs += 1100;
      return (await call("AddStudioLayout", { CasterId: casterId, LayoutName, LayoutType: "common", CommonConfig: JSON.stringify({ ChannelId }) })).body.LayoutId as string;
    };
    const [wide, close, tight] = [await add("Wide", "RV01"), await add("Close", "RV02"), await add("Tight", "RV03")];
    const names = async (LayoutId: string) => ((await call("DescribeStudioLayouts", { CasterId: casterId, LayoutId })).body.StudioLayouts as { LayoutName: string }[]).map((layout) => layout.LayoutName);
    expect(await names(`${tight},${wide}`)).toEqual(["Wide", "Tight"]);
    expect(await names(`${close}, nothing`)).toEqual(["Close"]);
    expect(await names(close)).toEqual(["Close"]);
  });

  test("bad layouts are refused with the rule they break", async () => {
    expectError(await call("AddStudioLayout", { CasterId: await newStudio(1), LayoutName: "x", ...STUDIO }), 401, "IllegalOperation");
    expectError(await call("AddStudioLayout", { CasterId: casterId, LayoutName: "x", LayoutType: "fancy", CommonConfig: "{}" }), 400, "InvalidParameter.Malformed");
    expectError(await call("AddStudioLayout", { CasterId: casterId, LayoutName: "x", LayoutType: "common" }), 400, "MissingParameter");
    expectError(await call("AddStudioLayout", { CasterId: casterId, LayoutName: "x", ...STUDIO, BgImageConfig: undefined }), 400, "MissingParameter");
    // Each a second later on the emulator's clock: more calls than AddStudioLayout's QPS.
    const bad = (setting: string, text: string) => {
      clockOffsetMs += 1100;
      return call("AddStudioLayout", { CasterId: casterId, LayoutName: "x", ...STUDIO, [setting]: text });
    };
    expectError(await bad("BgImageConfig", "{"), 400, "InvalidParameter.Malformed");
    expectError(await bad("BgImageConfig", '{"Picture":"p"}'), 400, "InvalidParameter.Malformed");
    expectError(await bad("ScreenInputConfigList", '[{"Color":"red"}]'), 400, "InvalidParameter.Malformed");
    expectError(await bad("ScreenInputConfigList", '[{"HeightNormalized":"1.5"}]'), 400, "InvalidParameter.Malformed");
    expectError(await bad("MediaInputConfigList", '[{"PositionNormalized":"[0.1]"}]'), 400, "InvalidParameter.Malformed");
    expectError(await bad("LayerOrderConfigList", '{"Type":"media"}'), 400, "InvalidParameter.Malformed");
    expectError(await bad("LayerOrderConfigList", '[{"Type":"chroma"}]'), 400, "InvalidParameter.Malformed");
    expect((await call("DescribeStudioLayouts", { CasterId: casterId })).body.Total).toBe(0);
  });

  test("DescribeStudioLayouts answers a studio that is not a virtual studio InvalidCaster.NotFound, as its request model says", async () => {
    expectError(await call("DescribeStudioLayouts", { CasterId: await newStudio(1) }), 404, "InvalidCaster.NotFound");
  });
});
