import { configureForFixture, EmulatorFixture, startEmulatorFixture } from "../../test/helpers/emulator-fixture";
import { ChannelInputs } from "../../model/kinds/caster-channel";
import { channelProvider as provider, ChannelOutputs } from "./provider";

/** The channel provider against the emulator: real HTTP, real signatures, the emulator's own rules. */
describe("CasterChannel provider", () => {
  let live: EmulatorFixture;
  let casterId: string;
  let clip: string;
  let camera: string;

  beforeAll(async () => {
    live = await startEmulatorFixture();
    configureForFixture(live);
  });
  afterAll(() => live.close());
  beforeEach(async () => {
    casterId = await live.createCaster();
    await live.client.call("SetCasterConfig", { CasterId: casterId, ChannelEnable: 1 });
    const add = async (name: string, LocationId: string, source: Record<string, string>) =>
      (await live.client.call("AddCasterVideoResource", { CasterId: casterId, ResourceName: name, LocationId, ...source })).ResourceId!;
    clip = await add("clip", "RV01", { VodUrl: "https://media.example.com/clip.mp4" });
    camera = await add("camera", "RV02", { LiveStreamUrl: "rtmp://push.example.com/app/camera" });
    live.emulator.clearCalls();
  });
  afterEach(() => live.emulator.setFaults({ rates: {} }));

  const listed = async () => (await live.client.call("DescribeCasterChannels", { CasterId: casterId })).Channels?.Channel ?? [];
  const sent = (action: string) => live.emulator.calls().filter((call) => call.action === action);

  test("set, read back with no diff, moved to another source in one call, freed by delete", async () => {
    const inputs: ChannelInputs = { casterId, channelId: "RV03", resourceId: clip, faceBeauty: "1", playStatus: "pause", seekOffset: 1500 };
    const created = await provider.create(inputs);
    expect(created.id).toBe(`${casterId}:RV03`);
    expect(sent("SetCasterChannel").map((call) => call.params)).toEqual([
      expect.objectContaining({ ChannelId: "RV03", ResourceId: clip, FaceBeauty: "1", PlayStatus: "0", SeekOffset: "1500" }),
    ]);
    const outs = created.outs as ChannelOutputs;
    expect(outs).toMatchObject({ resourceId: clip, faceBeauty: "1", rtmpUrl: expect.stringMatching(/^rtmp:\/\//) });
    const read = await provider.read(created.id, outs);
    expect(await provider.diff(created.id, read.props as ChannelOutputs, inputs)).toMatchObject({ changes: false });
    // Playing and seeking are the operator's during the broadcast: not compared.
    expect(await provider.diff(created.id, read.props as ChannelOutputs, { ...inputs, playStatus: "play", seekOffset: 0 })).toMatchObject({ changes: false });

    const moved = { ...inputs, resourceId: camera, playStatus: undefined, seekOffset: undefined };
    expect(await provider.diff(created.id, outs, moved)).toMatchObject({ changes: true, replaces: [] });
    live.emulator.clearCalls();
    await provider.update(created.id, outs, moved);
    expect(live.mutatingCalls()).toEqual(["SetCasterChannel"]);
    expect(await listed()).toEqual([expect.objectContaining({ ChannelId: "RV03", ResourceId: camera })]);

    await provider.delete(created.id, outs);
    expect(await listed()).toEqual([expect.objectContaining({ ChannelId: "RV03", ResourceId: "" })]);
    expect(await provider.read(created.id, outs)).toEqual({});
    // Freed and set again at once (a replacement): the listing from before the delete, which still shows the source, is not taken for the channel as it is.
    const again = await provider.create(moved);
    await provider.delete(again.id, again.outs as ChannelOutputs);
    await provider.create(moved);
    expect(await listed()).toEqual([expect.objectContaining({ ChannelId: "RV03", ResourceId: camera })]);
    expect(live.undeclaredParameters()).toEqual([]);
  });

  test("a lost SetCasterChannel reply converges: the client sends it again, and the channel ends as declared", async () => {
    live.emulator.setFaults({ rates: { SetCasterChannel: { lostResponse: 1 } } });
    const creating = provider.create({ casterId, channelId: "RV01", resourceId: clip });
    while (sent("SetCasterChannel").length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    live.emulator.setFaults({ rates: {} });
    const created = await creating;
    const outcomes = sent("SetCasterChannel").map((call) => call.fault ?? String(call.httpStatus));
    expect(outcomes[0]).toBe("LostResponse");
    expect(outcomes.length).toBeGreaterThan(1);
    expect((created.outs as ChannelOutputs).resourceId).toBe(clip);
    expect(await listed()).toEqual([expect.objectContaining({ ChannelId: "RV01", ResourceId: clip })]);
  });

  test("a channel that already plays the declared source is taken as it is: no call (adoption from an export)", async () => {
    await live.client.call("SetCasterChannel", { CasterId: casterId, ChannelId: "RV02", ResourceId: camera, FaceBeauty: "3" });
    live.emulator.clearCalls();
    const created = await provider.create({ casterId, channelId: "RV02", resourceId: camera, faceBeauty: "3" });
    expect(live.mutatingCalls()).toEqual([]);
    expect(created.outs).toMatchObject({ resourceId: camera, faceBeauty: "3" });
  });

  test("bad input: the channel, the retouching and the offset, each naming the value and what is allowed", async () => {
    const result = await provider.check({}, { casterId, channelId: "RV13", resourceId: clip, faceBeauty: "5", playStatus: "stop", seekOffset: -1 });
    expect((result.failures ?? []).map((failure) => failure.property)).toEqual(["channelId", "faceBeauty", "playStatus", "seekOffset"]);
    expect(result.failures?.[0]?.reason).toMatch(/RV13.*RV01 to RV12/);
    expect(live.emulator.calls()).toEqual([]);
  });
});
