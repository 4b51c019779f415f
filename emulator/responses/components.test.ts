import { expectError, PopCall, startPacedEmulator } from "../../test/helpers/paced-emulator";
import { DEMO_ACCOUNT } from "../gateway/accounts";
import { RunningEmulator } from "../server";

/** AddCasterComponent, ModifyCasterComponent, DeleteCasterComponent and DescribeCasterComponents over HTTP, with real signatures. */
describe("emulator components", () => {
  // Every call a second later on the emulator's clock (no QPS limit reached), from ten minutes back (test/helpers/paced-emulator.ts).
  let emulator: RunningEmulator;
  let call: PopCall;
  let other: PopCall;
  let state: () => string;
  let casterId: string;
  let token = 0;

  const json = (value: unknown) => JSON.stringify(value);
  /** The pages' own examples (AddCasterComponent), numbers written as strings. */
  const layer = '{"HeightNormalized":"1","PositionRefer":"topRight","WidthNormalized":"0","PositionNormalized":["0.1","0.2"]}';
  const textContent = '{"BorderWidthNormalized":"1","SizeNormalized":"0.2","Color":"0x000000","FontName":"KaiTi","BorderColor":"0x000000","Text":"hello world!"}';
  const captionContent = '{"BorderWidthNormalized":0.01,"SizeNormalized":0.05,"Color":"0x000000","LocationId":"RV01","SourceLan":"cn","FontName":"KaiTi","BorderColor":"0xffffff"}';
  const addText = (params: Record<string, unknown> = {}) =>
    call("AddCasterComponent", { CasterId: casterId, ComponentType: "text", LocationId: "RC01", ComponentLayer: layer, TextLayerContent: textContent, ...params });
  const components = async (params: Record<string, unknown> = {}) => (await call("DescribeCasterComponents", { CasterId: casterId, ...params })).body;
  const component = async (componentId: string) => (await components({ ComponentId: componentId })).Components.Component[0];

  beforeAll(async () => {
    ({ emulator, call, other, state } = await startPacedEmulator());
  });
  afterAll(() => emulator.close());
  beforeEach(async () => {
    casterId = (await call("CreateCaster", { ClientToken: `components-${++token}`, NormType: 1, ChargeType: "PostPaid" })).body.CasterId;
    await call("AddCasterVideoResource", { CasterId: casterId, ResourceName: "cam", LocationId: "RV01", LiveStreamUrl: "rtmp://push.example.com/app/cam" });
  });

  test("a text component, sent as the page's example, is described as typed objects", async () => {
    const added = await addText({ ComponentName: "text01", Effect: "animateH", LayerOrder: "background" });
    expect(added.status).toBe(200);
    expect(Object.keys(added.body).sort()).toEqual(["ComponentId", "RequestId"]);
    const { ComponentId } = added.body;
    const described = await components();
    expect(described.Total).toBe(1);
    expect(described.Components.Component[0]).toEqual({
      ComponentId, ComponentName: "text01", ComponentType: "text", LocationId: "RC01", Effect: "animateH",
      ComponentLayer: { HeightNormalized: 1, WidthNormalized: 0, PositionRefer: "topRight", PositionNormalizeds: { Position: [0.1, 0.2] }, Transparency: 255 },
      TextLayerContent: { Text: "hello world!", Color: "0x000000", FontName: "KaiTi", SizeNormalized: 0.2, BorderWidthNormalized: 1, BorderColor: "0x000000" },
    });
  });

  test("the defaults: name the ComponentId, Effect none, a text's red KaiTi, an opaque layer at the top left", async () => {
    const { ComponentId } = (await addText({ ComponentLayer: "{}", TextLayerContent: "{}" })).body;
    expect(await component(ComponentId)).toEqual({
      ComponentId, ComponentName: ComponentId, ComponentType: "text", LocationId: "RC01", Effect: "none",
      ComponentLayer: { HeightNormalized: 0, WidthNormalized: 0, PositionRefer: "topLeft", PositionNormalizeds: { Position: [0, 0] }, Transparency: 255 },
      TextLayerContent: { Text: "", Color: "0xff0000", FontName: "KaiTi", SizeNormalized: 0, BorderWidthNormalized: 0, BorderColor: "" },
    });
  });

  test("an image component shows a media-library asset", async () => {
    const { ComponentId } = (await call("AddCasterComponent", {
      CasterId: casterId, ComponentType: "image", LocationId: "RC02", ComponentLayer: json({ HeightNormalized: 0.1, Transparency: 128 }),
      ImageLayerContent: '{"MaterialId":"6cf724c6ebfd4a59b5b3cec6f10d5ecf"}',
    })).body;
    const described = await component(ComponentId);
    expect(described).toMatchObject({ ComponentType: "image", ImageLayerContent: { MaterialId: "6cf724c6ebfd4a59b5b3cec6f10d5ecf" }, ComponentLayer: { Transparency: 128 } });
    expect(described.TextLayerContent).toBeUndefined();
  });

  test("a caption component captions a video source, with the page's example and the reply's own keys", async () => {
    const { ComponentId } = (await call("AddCasterComponent", { CasterId: casterId, ComponentType: "caption", LocationId: "RC03", ComponentLayer: layer, CaptionLayerContent: captionContent })).body;
    expect((await component(ComponentId)).CaptionLayerContent).toEqual({
      LocationId: "RV01", SourceLan: "cn", TargetLan: "", ShowSourceLan: false, Color: "0x000000", FontName: "KaiTi", SizeNormalized: 0.05,
      BorderWidthNormalized: 0.01, BorderColor: "0xffffff", PtsOffset: 0, WordsCount: 0, WordCountPerLine: 0, WordSpaceNormalized: 0, LineSpaceNormalized: 0,
    });
    const translated = (await call("AddCasterComponent", {
      CasterId: casterId, ComponentType: "caption", LocationId: "RV01", ComponentLayer: layer,
      CaptionLayerContent: json({ SourceLan: "en", TargetLan: "cn", ShowSourceLan: "true", Truncation: true, SourceLanPerLineWordCount: 30, WordsCount: "12", LineSpaceNormalized: "0.2" }),
    })).body.ComponentId;
    // The component's own RV position is the captioned source when CaptionLayerContent names none (the page's note).
    expect((await component(translated)).CaptionLayerContent).toMatchObject({ LocationId: "RV01", SourceLan: "en", TargetLan: "cn", ShowSourceLan: true, WordsCount: 12, LineSpaceNormalized: 0.2 });
  });

  test("each type needs its own content: Missing{Name}; another type's content is InvalidParameter.Malformed", async () => {
    const before = state();
    expectError(await addText({ TextLayerContent: undefined }), 400, "MissingTextLayerContent");
    expectError(await addText({ ComponentType: "image", TextLayerContent: undefined }), 400, "MissingImageLayerContent");
    expectError(await addText({ ComponentType: "caption", TextLayerContent: undefined }), 400, "MissingCaptionLayerContent");
    expectError(await addText({ ImageLayerContent: '{"MaterialId":"logo"}' }), 400, "InvalidParameter.Malformed");
    expectError(await addText({ ComponentLayer: undefined }), 400, "MissingComponentLayer");
    expect(state()).toBe(before);
  });

  test("one component per position: DuplicateLocationID; positions are RC01–RC99: UnexpectedLocationID", async () => {
    expect((await addText()).status).toBe(200);
    const before = state();
    expectError(await addText(), 400, "DuplicateLocationID");
    expectError(await addText({ LocationId: "RC7" }), 400, "UnexpectedLocationID");
    expectError(await addText({ LocationId: "RC100" }), 400, "UnexpectedLocationID");
    expectError(await addText({ LocationId: "RV01" }), 400, "UnexpectedLocationID");
    expect(state()).toBe(before);
    expect((await addText({ LocationId: "RC99" })).status).toBe(200);
  });

  test.each([
    ["ComponentType html (no page lists it)", { ComponentType: "html" }],
    ["Effect blink", { Effect: "blink" }],
    ["LayerOrder front", { LayerOrder: "front" }],
    ["a ComponentName of 129 characters", { ComponentName: "x".repeat(129) }],
    ["ComponentLayer that is not JSON", { ComponentLayer: "{HeightNormalized:1}" }],
    ["ComponentLayer that is a list", { ComponentLayer: "[1]" }],
    ["a lower camel case key", { ComponentLayer: '{"heightNormalized":"1"}' }],
    ["an unknown key", { ComponentLayer: '{"Opacity":1}' }],
    ["a height above 1", { ComponentLayer: '{"HeightNormalized":"1.5"}' }],
    ["a height that is not a number", { ComponentLayer: '{"HeightNormalized":"tall"}' }],
    ["PositionRefer middleCenter", { ComponentLayer: '{"PositionRefer":"middleCenter"}' }],
    ["Transparency 256", { ComponentLayer: '{"Transparency":256}' }],
    ["a colour that is not 0xRRGGBB", { TextLayerContent: '{"Color":"#ff0000"}' }],
    ["an empty text colour", { TextLayerContent: '{"Color":""}' }],
    ["SizeNormalized above 1", { TextLayerContent: '{"SizeNormalized":2}' }],
    ["an empty font name", { TextLayerContent: '{"FontName":""}' }],
    ["Text that is a number", { TextLayerContent: '{"Text":5}' }],
  ])("%s is InvalidParameter.Malformed and adds nothing", async (_name, params) => {
    const before = state();
    expectError(await addText(params), 400, "InvalidParameter.Malformed");
    expect(state()).toBe(before);
  });

  test("a position computed in JavaScript is a number: 0.05 + 0.1 is written 0.15000000000000002", async () => {
    const added = await addText({ ComponentLayer: json({ HeightNormalized: 0.08, WidthNormalized: 0.5, PositionNormalized: [String(0.05), String(0.05 + 0.1)] }) });
    expect(added.status).toBe(200);
    // pop-core hands a number of more than 15 digits over as its text, so as not to round it.
    expect((await component(added.body.ComponentId)).ComponentLayer.PositionNormalizeds.Position.map(Number)).toEqual([0.05, 0.15000000000000002]);
  });

  test("a position that is not [x, y] is InvalidPositionNormalized.Malformed", async () => {
    expectError(await addText({ ComponentLayer: '{"PositionNormalized":["0.1"]}' }), 400, "InvalidPositionNormalized.Malformed");
    expectError(await addText({ ComponentLayer: '{"PositionNormalized":"0.1,0.2"}' }), 400, "InvalidPositionNormalized.Malformed");
  });

  test.each([
    ["no MaterialId", "image", { ImageLayerContent: "{}" }, 400, "InvalidMaterialId.Malformed"],
    ["a MaterialId with a slash", "image", { ImageLayerContent: '{"MaterialId":"a/b"}' }, 400, "InvalidMaterialId.Malformed"],
    ["a caption of a position without a source", "caption", { CaptionLayerContent: '{"LocationId":"RV02"}' }, 404, "InvalidResource.NotFound"],
    ["a caption of no source", "caption", { CaptionLayerContent: "{}" }, 400, "InvalidParameter.Malformed"],
    ["a caption source that is not RVxx", "caption", { CaptionLayerContent: '{"LocationId":"RC01"}' }, 400, "UnexpectedLocationID"],
    ["a caption language de", "caption", { CaptionLayerContent: '{"LocationId":"RV01","SourceLan":"de"}' }, 400, "InvalidParameter.Malformed"],
    ["ShowSourceLan yes", "caption", { CaptionLayerContent: '{"LocationId":"RV01","ShowSourceLan":"yes"}' }, 400, "InvalidParameter.Malformed"],
    ["zero words per line", "caption", { CaptionLayerContent: '{"LocationId":"RV01","SourceLanPerLineWordCount":0}' }, 400, "InvalidParameter.Malformed"],
  ])("%s is refused", async (_name, componentType, content, status, code) => {
    const before = state();
    expectError(await call("AddCasterComponent", { CasterId: casterId, ComponentType: componentType, LocationId: "RC05", ComponentLayer: "{}", ...content }), status, code);
    expect(state()).toBe(before);
  });

  test("ModifyCasterComponent replaces what is sent, a JSON setting whole, and keeps the rest", async () => {
    const { ComponentId } = (await addText({ ComponentName: "lower third", Effect: "animateV" })).body;
    const modified = await call("ModifyCasterComponent", { CasterId: casterId, ComponentId, TextLayerContent: '{"Text":"breaking"}', ComponentLayer: '{"WidthNormalized":0.5}' });
    expect(modified.status).toBe(200);
    expect(Object.keys(modified.body).sort()).toEqual(["ComponentId", "RequestId"]);
    expect(await component(ComponentId)).toMatchObject({
      ComponentName: "lower third", Effect: "animateV", LocationId: "RC01",
      ComponentLayer: { HeightNormalized: 0, WidthNormalized: 0.5, PositionRefer: "topLeft" },
      TextLayerContent: { Text: "breaking", Color: "0xff0000", SizeNormalized: 0 },
    });
    await call("ModifyCasterComponent", { CasterId: casterId, ComponentId, ComponentName: "ticker", Effect: "none" });
    expect(await component(ComponentId)).toMatchObject({ ComponentName: "ticker", Effect: "none", TextLayerContent: { Text: "breaking" } });
  });

  test("a new ComponentType needs its content in the same call; a text or image cannot sit at an RV position", async () => {
    const { ComponentId } = (await addText()).body;
    const before = state();
    expectError(await call("ModifyCasterComponent", { CasterId: casterId, ComponentId, ComponentType: "image" }), 400, "MissingImageLayerContent");
    expectError(await call("ModifyCasterComponent", { CasterId: casterId, ComponentId, ImageLayerContent: '{"MaterialId":"logo"}' }), 400, "InvalidParameter.Malformed");
    expect(state()).toBe(before);
    expect((await call("ModifyCasterComponent", { CasterId: casterId, ComponentId, ComponentType: "image", ImageLayerContent: '{"MaterialId":"logo"}' })).status).toBe(200);
    const image = await component(ComponentId);
    expect(image).toMatchObject({ ComponentType: "image", ImageLayerContent: { MaterialId: "logo" } });
    expect(image.TextLayerContent).toBeUndefined();

    const caption = (await call("AddCasterComponent", { CasterId: casterId, ComponentType: "caption", LocationId: "RV01", ComponentLayer: "{}", CaptionLayerContent: "{}" })).body.ComponentId;
    expectError(await call("ModifyCasterComponent", { CasterId: casterId, ComponentId: caption, ComponentType: "text", TextLayerContent: "{}" }), 400, "UnexpectedLocationID");
  });

  test("an unknown component is InvalidComponent.NotFound; DescribeCasterComponents with one is an empty list", async () => {
    expectError(await call("ModifyCasterComponent", { CasterId: casterId, ComponentId: "no-such-component", ComponentName: "x" }), 404, "InvalidComponent.NotFound");
    expectError(await call("DeleteCasterComponent", { CasterId: casterId, ComponentId: "no-such-component" }), 404, "InvalidComponent.NotFound");
    expect(await components({ ComponentId: "no-such-component" })).toMatchObject({ Total: 0, Components: { Component: [] } });
  });

  test("DeleteCasterComponent answers the IDs and frees the position", async () => {
    const { ComponentId } = (await addText()).body;
    const deleted = await call("DeleteCasterComponent", { CasterId: casterId, ComponentId });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ CasterId: casterId, ComponentId });
    expect((await components()).Total).toBe(0);
    expect((await addText()).status).toBe(200);
  });

  test("another account's studio is InvalidCaster.NotFound; its components are its own", async () => {
    const { ComponentId } = (await addText()).body;
    expectError(await other("DescribeCasterComponents", { CasterId: casterId }), 404, "InvalidCaster.NotFound");
    expectError(await other("ModifyCasterComponent", { CasterId: casterId, ComponentId, ComponentName: "x" }), 404, "InvalidCaster.NotFound");
    expectError(await other("DeleteCasterComponent", { CasterId: casterId, ComponentId }), 404, "InvalidCaster.NotFound");
    expectError(await other("AddCasterComponent", { CasterId: casterId, ComponentType: "text", LocationId: "RC02", ComponentLayer: "{}", TextLayerContent: "{}" }), 404, "InvalidCaster.NotFound");
  });

  test("HtmlLayerContent and LayerOrder are taken and not read back", async () => {
    const { ComponentId } = (await addText({ HtmlLayerContent: '{"htmlUrl":http://caster.example.com}', LayerOrder: "cover" })).body;
    const described = await component(ComponentId);
    expect(Object.keys(described).sort()).toEqual(["ComponentId", "ComponentLayer", "ComponentName", "ComponentType", "Effect", "LocationId", "TextLayerContent"]);
    expect(emulator.state().accounts[DEMO_ACCOUNT.uid].casters[casterId].components[ComponentId]).toMatchObject({ html: '{"htmlUrl":http://caster.example.com}', layerOrder: "cover" });
  });
});
