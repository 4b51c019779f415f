import { configureForFixture, EmulatorFixture, startEmulatorFixture } from "../../test/helpers/emulator-fixture";
import { checkInputs } from "../../common/check";
import { DEMO_ACCOUNT } from "../../emulator";
import { casterStudioLayout, StudioLayoutInputs, studioLayoutFields } from "../../model/kinds/caster-studio-layout";
import { studioLayoutProvider as provider, StudioLayoutOutputs } from "./provider";

const check = (inputs: Record<string, unknown>) => checkInputs({ fields: studioLayoutFields, rules: casterStudioLayout.rules }, inputs);

/** Studio layouts against the emulator: real HTTP, real signatures, the emulator's own rules; the calls that change anything counted. */
describe("CasterStudioLayout provider", () => {
  let live: EmulatorFixture;
  let casterId: string;

  beforeEach(async () => {
    live = await startEmulatorFixture();
    configureForFixture(live);
    casterId = (await live.client.call("CreateCaster", { ClientToken: `virtual-${Date.now()}-${Math.random()}`, NormType: 4, ChargeType: "PostPaid", CasterName: "virtual" })).CasterId!;
  });
  afterEach(() => live.close());

  const changing = () => live.emulator.calls().filter((call) => !call.action.startsWith("Describe")).map((call) => call.action);
  const stored = () => Object.values(live.emulator.state().accounts[DEMO_ACCOUNT.uid]?.studioLayouts ?? {}).filter((layout) => layout.casterId === casterId);
  const newsDesk = (): StudioLayoutInputs => ({
    casterId,
    layoutName: "News desk",
    layoutType: "studio",
    background: { id: "set", materialId: "f080575eb5f4427684fc0715159a1234" },
    chromaKeyInputs: [{ index: 1, channelId: "RV01", color: "green", positionX: 0.1, positionY: 0.2, heightNormalized: 0.6 }],
    mediaInputs: [{ id: "screen", channelId: "RV03", position: [0.6, 0.1], widthNormalized: 0.3, heightNormalized: 0.3 }],
    layerOrder: [{ type: "background", id: "set" }, { type: "media", id: "screen" }],
  });

  test("a layout is made with its settings as the JSON the API takes, read back typed, and its defaults are no change", async () => {
    const inputs = newsDesk();
    const created = await provider.create(inputs);
    const outs = created.outs as StudioLayoutOutputs;
    expect(created.id).toBe(`${casterId}:${outs.layoutId}`);
    const add = live.emulator.calls().find((call) => call.action === "AddStudioLayout")!;
    // As the SDK's example writes it: numbers as text, a position as the text of a list.
    expect(JSON.parse(add.params.ScreenInputConfigList as string)).toEqual([{ Index: "1", ChannelId: "RV01", Color: "green", PositionX: "0.1", PositionY: "0.2", HeightNormalized: "0.6" }]);
    expect(JSON.parse(add.params.MediaInputConfigList as string)[0].PositionNormalized).toBe("[0.6, 0.1]");
    expect(outs.chromaKeyInputs).toEqual(inputs.chromaKeyInputs);
    const read = await provider.read(created.id, outs);
    expect(await provider.diff(created.id, read.props as StudioLayoutOutputs, inputs)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
    // The media input's anchor and fill, written out, are what the API has when they are left out.
    const explicit = { ...inputs, mediaInputs: [{ ...inputs.mediaInputs![0], anchor: "topLeft" as const, fillMode: "none" as const }] };
    expect((await provider.diff(created.id, read.props as StudioLayoutOutputs, explicit)).changes).toBe(false);
    expect(live.undeclaredParameters()).toEqual([]);
  });

  test("a moved presenter and a removed media input are one ModifyStudioLayout; a new type replaces the layout", async () => {
    const inputs = newsDesk();
    const created = await provider.create(inputs);
    const outs = created.outs as StudioLayoutOutputs;
    const moved: StudioLayoutInputs = { ...inputs, chromaKeyInputs: [{ ...inputs.chromaKeyInputs![0], positionX: 0.5 }], mediaInputs: undefined, layerOrder: undefined };
    expect(await provider.diff(created.id, outs, moved)).toEqual({ changes: true, replaces: [], stables: ["casterId", "layoutId", "layoutType"], deleteBeforeReplace: false });
    const before = changing().length;
    const updated = (await provider.update(created.id, outs, moved)).outs as StudioLayoutOutputs;
    expect(changing().slice(before)).toEqual(["ModifyStudioLayout"]);
    expect(updated.chromaKeyInputs![0].positionX).toBe(0.5);
    expect(updated.mediaInputs).toBeUndefined();
    expect(stored()[0].settings.MediaInputConfigList).toEqual([]);
    expect((await provider.diff(created.id, updated, moved)).changes).toBe(false);
    const common: StudioLayoutInputs = { casterId, layoutName: "News desk", layoutType: "common", commonConfig: { channelId: "RV02" } };
    expect((await provider.diff(created.id, updated, common)).replaces).toEqual(["layoutType"]);
  });

  test("a lost AddStudioLayout reply makes one layout, found again by its name", async () => {
    live.emulator.setFaults({ rates: { AddStudioLayout: { lostResponse: 1 } } });
    const adds = () => live.emulator.calls().filter((call) => call.action === "AddStudioLayout").length;
    const creating = provider.create(newsDesk());
    while (adds() === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    live.emulator.setFaults({ rates: {} });
    const created = await creating;
    expect(stored().map((layout) => layout.layoutId)).toEqual([(created.outs as StudioLayoutOutputs).layoutId]);
  });

  test("layouts made side by side share the listing of what was there before them; a second declaration of one name is refused, before or after the first's add", async () => {
    const named = (i: number): StudioLayoutInputs => ({ casterId, layoutName: `Desk ${i}`, layoutType: "common", commonConfig: { channelId: "RV02" } });
    const describes = () => live.emulator.calls().filter((call) => call.action === "DescribeStudioLayouts").length;
    const made = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => provider.create(named(i))));
    expect(stored()).toHaveLength(6);
    // One listing before the adds, and the read-backs after them sharing listings: not one before and one after each.
    expect(describes()).toBeLessThan(2 * 6);
    const again = [provider.create(named(7)), provider.create(named(7))];
    await expect(Promise.all(again)).rejects.toThrow(`layoutName "Desk 7" is declared by another studio layout of this program in studio ${casterId}: a studio layout is known by its name (that is how a lost reply is found again); rename one.`);
    await Promise.allSettled(again);
    await expect(provider.create(named(1))).rejects.toThrow(`layoutName "Desk 1" is declared by another studio layout of this program`);
    expect(stored()).toHaveLength(7);
    // Deleted, the name is free again, and the create after the delete does not take the old layout for one already there.
    await provider.delete(made[0].id, made[0].outs as StudioLayoutOutputs);
    await provider.create(named(1));
    expect(stored().map((layout) => layout.layoutName).sort()).toEqual([1, 2, 3, 4, 5, 6, 7].map((i) => `Desk ${i}`));
  });

  test("a replacement: the old layout deleted, one of its name is made at once, not refused for the old one a listing from before the delete shows", async () => {
    const old = await live.client.call("AddStudioLayout", { CasterId: casterId, LayoutName: "Wide", LayoutType: "common", CommonConfig: JSON.stringify({ ChannelId: "RV02" }) });
    const wide: StudioLayoutInputs = { casterId, layoutName: "Wide", layoutType: "common", commonConfig: { channelId: "RV02" } };
    // Another create lists the studio, old layout and all.
    await provider.create({ ...wide, layoutName: "Narrow" });
    await provider.delete(`${casterId}:${old.LayoutId}`, { ...wide, layoutId: old.LayoutId! });
    const made = await provider.create(wide);
    expect(stored().map((layout) => [layout.layoutName, layout.layoutId]).sort()).toEqual([["Narrow", expect.any(String)], ["Wide", (made.outs as StudioLayoutOutputs).layoutId]]);
  });

  test("a name the studio has is refused before any change, and importId takes that layout over with no call that changes anything", async () => {
    const made = await live.client.call("AddStudioLayout", {
      CasterId: casterId, LayoutName: "Wide", LayoutType: "common", CommonConfig: JSON.stringify({ ChannelId: "RV02" }),
    });
    const before = changing().length;
    const inputs: StudioLayoutInputs = { casterId, layoutName: "Wide", layoutType: "common", commonConfig: { channelId: "RV02" } };
    await expect(provider.create(inputs)).rejects.toThrow(`already has a studio layout named "Wide" (${made.LayoutId}): a studio layout is known by its name. Set importId: "${casterId}:${made.LayoutId}"`);
    const adopted = await provider.create({ ...inputs, importId: `${casterId}:${made.LayoutId}` });
    expect(adopted.id).toBe(`${casterId}:${made.LayoutId}`);
    expect(changing().length).toBe(before);
    await expect(provider.create({ casterId, layoutName: "Wide", layoutType: "studio", background: { materialId: "a1" }, chromaKeyInputs: [{ channelId: "RV01", color: "blue", positionX: 0, positionY: 0, heightNormalized: 1 }], importId: `${casterId}:${made.LayoutId}` }))
      .rejects.toThrow("that studio layout is of type common, but layoutType is studio");
    await provider.delete(adopted.id, adopted.outs as StudioLayoutOutputs);
    expect(stored()).toEqual([]);
    // Already gone is what delete wants.
    await provider.delete(adopted.id, adopted.outs as StudioLayoutOutputs);
  });
});

describe("CasterStudioLayout check: the settings its type needs, each refused with the property, the value and the fix", () => {
  const base = { casterId: "LIVEPRODUCER_POST-cn-0pp1czt1234", layoutName: "Desk" };

  test.each([
    [{ layoutType: "common" }, "commonConfig", "layoutType common needs commonConfig; set commonConfig, or change layoutType."],
    [{ layoutType: "common", commonConfig: { channelId: "RV02" }, chromaKeyInputs: [] }, "chromaKeyInputs", "give at least one chroma-key input"],
    [{ layoutType: "common", commonConfig: { channelId: "RV02" }, background: { materialId: "a1" } }, "background", "background is set, but layoutType is common, which does not take it; remove background, or set layoutType to studio."],
    [{ layoutType: "studio", chromaKeyInputs: [{ channelId: "RV01", color: "green", positionX: 0, positionY: 0, heightNormalized: 1 }] }, "background", "layoutType studio needs background and chromaKeyInputs; set background, or change layoutType."],
    [{ layoutType: "common", commonConfig: { channelId: "RV13" } }, "commonConfig", "use a channel from RV01 to RV12"],
    [{ layoutType: "studio", background: { materialId: "a1", imageUrl: "https://img.example.com/a.png" }, chromaKeyInputs: [{ channelId: "RV01", color: "green", positionX: 0, positionY: 0, heightNormalized: 1 }] }, "background", "background: a background is one image or source, but materialId and imageUrl are both set"],
    [{ layoutType: "studio", background: { materialId: "a1" }, chromaKeyInputs: [{ channelId: "RV01", color: "red", positionX: 0, positionY: 0, heightNormalized: 1 }] }, "chromaKeyInputs", "use green, blue, auto, complex"],
    [{ layoutType: "studio", background: { materialId: "a1" }, chromaKeyInputs: [{ channelId: "RV01", color: "green", positionX: 1.5, positionY: 0, heightNormalized: 1 }] }, "chromaKeyInputs", "use a number from 0 to 1: x, from the left"],
    [{ layoutType: "studio", background: { materialId: "a1", id: "set" }, chromaKeyInputs: [{ channelId: "RV01", color: "green", positionX: 0, positionY: 0, heightNormalized: 1 }], layerOrder: [{ type: "media", id: "set" }] }, "layerOrder", "layerOrder[0] names media \"set\", which is not the id of a media input; give it that id, or remove the entry."],
    [{ layoutType: "studio", background: { materialId: "a1" }, chromaKeyInputs: [{ channelId: "RV01", color: "green", positionX: 0, positionY: 0, heightNormalized: 1 }], mediaInputs: [{ position: [0, 0], widthNormalized: 1, heightNormalized: 1 }] }, "mediaInputs", "mediaInputs[0]: a media input needs what it shows"],
  ])("%j is refused at %s", (inputs, property, words) => {
    const failures = check({ ...base, ...inputs });
    expect(failures.map((failure) => failure.property)).toContain(property);
    expect(failures.find((failure) => failure.property === property)!.reason).toContain(words);
  });

  test("a complete studio layout and a complete common layout pass", () => {
    expect(check({ ...base, layoutType: "common", commonConfig: { channelId: "RV12" } })).toEqual([]);
    expect(check({
      ...base, layoutType: "studio", background: { id: "set", imageUrl: "https://img.example.com/set.png" },
      chromaKeyInputs: [{ channelId: "RV01", color: "auto", positionX: 0.2, positionY: 0.1, heightNormalized: 0.8, portraitType: 1, onlyAudio: false }],
      mediaInputs: [{ id: "logo", imageMaterialId: "b2", position: [0.9, 0.1], anchor: "topRight", widthNormalized: 0.1, heightNormalized: 0.1, fillMode: "fit" }],
      layerOrder: [{ type: "background", id: "set" }, { type: "media", id: "logo" }],
    })).toEqual([]);
  });
});
