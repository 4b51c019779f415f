import { parse } from "yaml";
import { configureForFixture, EmulatorFixture, startEmulatorFixture } from "../../test/helpers/emulator-fixture";
import { parseLayout } from "../../studio-file/load";
import { StudioFileDefinition } from "../../studio-file/schema";
import { channelProvider } from "../channel/provider";
import { layoutParams, layoutProvider } from "../layout/provider";
import { exportStudio, StudioExport, studioExportOf } from "./export";
import { readStudioForExport } from "./read";

/**
 * A channel-mode studio through `caster-studio export`: channels set by direct API calls, as in the
 * console, written as the file's channels (each source by its position, a freed channel left out),
 * its layouts over channels, not sources; the channels and layouts taken over with no call that
 * changes anything, and read back as no change.
 */
describe("caster-studio export: channels", () => {
  let live: EmulatorFixture;
  let casterId: string;
  const resourceIds: Record<string, string> = {};
  const layoutIds: Record<string, string> = {};
  let exported: StudioExport;
  let file: Record<string, any>;

  beforeAll(async () => {
    live = await startEmulatorFixture();
    configureForFixture(live);
    const call = live.client.call.bind(live.client);
    casterId = (await call("CreateCaster", { ClientToken: `channels-${Math.random()}`, NormType: 1, ChargeType: "PostPaid", CasterName: "News desk", CasterTemplate: "lp_sd" })).CasterId!;
    await call("SetCasterConfig", {
      CasterId: casterId, CasterName: "News desk", DomainName: "live.example.com", ChannelEnable: 1, TranscodeConfig: JSON.stringify({ CasterTemplate: "lp_sd" }),
    });
    for (const [LocationId, source] of [
      ["RV01", { ResourceName: "Main camera", LiveStreamUrl: "rtmp://push.example.com/app/camera" }],
      ["RV02", { ResourceName: "Opening titles", VodUrl: "https://media.example.com/opening.mp4" }],
      ["RV03", { ResourceName: "Guest camera", LiveStreamUrl: "rtmp://push.example.com/app/guest" }],
    ] as const) {
      resourceIds[LocationId] = (await call("AddCasterVideoResource", { CasterId: casterId, LocationId, ...source })).ResourceId!;
    }
    await call("SetCasterChannel", { CasterId: casterId, ChannelId: "RV01", ResourceId: resourceIds.RV01, FaceBeauty: "1" });
    await call("SetCasterChannel", { CasterId: casterId, ChannelId: "RV02", ResourceId: resourceIds.RV02, PlayStatus: 0, SeekOffset: 2000 });
    // The guest on channel RV07: a channel's number is not its source's position.
    await call("SetCasterChannel", { CasterId: casterId, ChannelId: "RV07", ResourceId: resourceIds.RV03 });
    // A channel set, then freed: listed with no source, and not a channel the file declares.
    await call("SetCasterChannel", { CasterId: casterId, ChannelId: "RV04", ResourceId: resourceIds.RV03 });
    await call("SetCasterChannel", { CasterId: casterId, ChannelId: "RV04", ResourceId: "" });
    layoutIds.pip = (await call("AddCasterLayout", layoutParams({
      casterId,
      videoLayers: [
        { locationId: "RV01", position: [0, 0], widthNormalized: 1, heightNormalized: 1, fillMode: "fit" },
        { locationId: "RV07", position: [0.95, 0.95], anchor: "bottomRight", widthNormalized: 0.3, heightNormalized: 0.3 },
      ],
      audioLayers: [{ locationId: "RV01" }, { locationId: "RV07" }],
    }))).LayoutId!;
    exported = await exportStudio(live.client, casterId);
    file = parse(exported.text);
  });
  afterAll(() => live.close());

  test("writes the channels after the sources, each source by its position, and the layouts over the channels", () => {
    expect(exported.problems).toEqual([]);
    expect(exported.warnings).toEqual([]);
    expect(file.caster.new.channelMode).toBe(true);
    expect(file.channels).toEqual({ RV01: { source: "RV01", faceBeauty: "1" }, RV02: { source: "RV02" }, RV07: { source: "RV03" } });
    expect(Object.keys(file)).toEqual(["caster", "sources", "channels", "layouts", "adopt"]);
    expect(file.layouts).toEqual({ "rv01-rv07": expect.objectContaining({ videoLayers: [expect.objectContaining({ locationId: "RV01" }), expect.objectContaining({ locationId: "RV07" })] }) });
    // A channel needs no adopt entry: the provider takes one that plays its source as declared.
    expect(Object.keys(file.adopt)).toEqual(["caster", "sources", "layouts"]);
    expect(exported.contents).toBe("3 sources, 3 channels, 1 layout, 0 components, 0 episodes");
    expect(exported.text).toMatch(/\n {2}RV07: \{ source: RV03 \}\n/);
    expect(exported.text).toMatch(/# The API does not report how a channel's video file plays \(playStatus, seekOffset\)/);
  });

  test("passes validate; the channels and the layout are taken over with no call that changes anything, then read back as no change", async () => {
    const loaded = parseLayout(exported.text, "studio.yaml");
    expect(loaded.problems).toEqual([]);
    const layout = loaded.layout as StudioFileDefinition;
    live.emulator.clearCalls();
    for (const [channelId, channel] of Object.entries(layout.channels ?? {})) {
      const { source, ...settings } = channel;
      const checked = await channelProvider.check({}, { ...settings, casterId, channelId, resourceId: layout.adopt!.sources![source] });
      expect(checked.failures ?? []).toEqual([]);
      const adopted = await channelProvider.create(checked.inputs as never);
      expect(adopted.id).toBe(`${casterId}:${channelId}`);
      const read = await channelProvider.read(adopted.id, adopted.outs as never);
      expect((await channelProvider.diff(adopted.id, read.props as never, checked.inputs as never)).changes).toBe(false);
    }
    const [name, definition] = Object.entries(layout.layouts ?? {})[0];
    const checked = await layoutProvider.check({}, { ...definition, casterId, importId: `${casterId}:${layout.adopt!.layouts![name]}` });
    expect(checked.failures ?? []).toEqual([]);
    const adopted = await layoutProvider.create(checked.inputs as never);
    expect(adopted.id).toBe(`${casterId}:${layoutIds.pip}`);
    expect(live.mutatingCalls()).toEqual([]);
  });

  test("a channel that plays a source the file leaves out is left out, with the layout that shows it", async () => {
    // A source the file cannot take: its URL fails the source kind's own check.
    const reading = await readStudioForExport(live.client, casterId);
    const guest = reading.sources.find((source) => source.LocationId === "RV03")!;
    guest.LiveStreamUrl = "not a stream URL";
    const partial = studioExportOf(reading);
    const written = parse(partial.text);
    expect(Object.keys(written.channels)).toEqual(["RV01", "RV02"]);
    expect(written.layouts).toBeUndefined();
    expect(partial.warnings).toEqual([
      expect.stringMatching(/^Source RV03 "Guest camera" is not written: /),
      "Channel RV07 is not written: it plays RV03, which is not in this file.",
      `Layout ${layoutIds.pip} (rv01-rv07) is not written: it shows channel RV07, which is not in this file.`,
    ]);
    expect(partial.problems).toEqual([]);
  });
});
