import { expectError, PopCall, startPacedEmulator } from "../../test/helpers/paced-emulator";
import { RunningEmulator } from "../server";

/** SetCasterChannel and DescribeCasterChannels over HTTP, with real signatures. */
describe("emulator channels", () => {
  let emulator: RunningEmulator;
  let call: PopCall;
  let other: PopCall;
  let state: () => string;
  let casterId: string;
  let token = 0;

  const channels = async () => (await call("DescribeCasterChannels", { CasterId: casterId })).body;

  beforeAll(async () => {
    ({ emulator, call, other, state } = await startPacedEmulator());
  });
  afterAll(() => emulator.close());
  beforeEach(async () => {
    casterId = (await call("CreateCaster", { ClientToken: `channels-${++token}`, NormType: 1, ChargeType: "PostPaid" })).body.CasterId;
  });

  test("a channel takes one source and how it plays; DescribeCasterChannels lists it", async () => {
    await call("SetCasterConfig", { CasterId: casterId, ChannelEnable: 1 });
    const add = (name: string, LocationId: string) =>
      call("AddCasterVideoResource", { CasterId: casterId, ResourceName: name, LocationId, VodUrl: `http://media.example.org/${name}.mp4` });
    const first = (await add("clip", "RV01")).body.ResourceId as string;
    const second = (await add("other", "RV02")).body.ResourceId as string;
    expect(await channels()).toMatchObject({ Total: 0, Channels: { Channel: [] } });

    expect((await call("SetCasterChannel", { CasterId: casterId, ChannelId: "RV01", ResourceId: first, FaceBeauty: "2", SeekOffset: 1000 })).status).toBe(200);
    const listed = await channels();
    expect(listed.Total).toBe(1);
    expect(listed.Channels.Channel[0]).toMatchObject({ ChannelId: "RV01", ResourceId: first, FaceBeauty: "2" });
    expect(listed.Channels.Channel[0].RtmpUrl).toMatch(/^rtmp:\/\//);

    // A pause keeps the source; a new source replaces it (one a channel).
    await call("SetCasterChannel", { CasterId: casterId, ChannelId: "RV01", PlayStatus: 0 });
    await call("SetCasterChannel", { CasterId: casterId, ChannelId: "RV01", ResourceId: second });
    expect((await channels()).Channels.Channel).toEqual([expect.objectContaining({ ChannelId: "RV01", ResourceId: second, FaceBeauty: "2" })]);
    await call("SetCasterChannel", { CasterId: casterId, ChannelId: "RV12", ResourceId: first, PlayStatus: 1 });
    expect((await channels()).Total).toBe(2);
    // A source deleted leaves its channel empty.
    await call("DeleteCasterVideoResource", { CasterId: casterId, ResourceId: first });
    expect((await channels()).Channels.Channel.map((channel: { ResourceId: string }) => channel.ResourceId)).toEqual([second, ""]);
  });

  test("bad values and a studio without channels are refused, changing nothing", async () => {
    expectError(await call("SetCasterChannel", { CasterId: casterId, ChannelId: "RV01" }), 401, "IllegalOperation");
    await call("SetCasterConfig", { CasterId: casterId, ChannelEnable: 1 });
    const before = state();
    for (const [params, status, code] of [
      [{ ChannelId: "RV13" }, 400, "InvalidParameter.Malformed"],
      [{ ChannelId: "RV00" }, 400, "InvalidParameter.Malformed"],
      [{ ChannelId: "RV01", PlayStatus: 2 }, 400, "InvalidParameter.Malformed"],
      [{ ChannelId: "RV01", SeekOffset: -1 }, 400, "InvalidParameter.Malformed"],
      [{ ChannelId: "RV01", FaceBeauty: "5" }, 400, "InvalidParameter.Malformed"],
      [{ ChannelId: "RV01", ResourceId: "no-such-resource" }, 404, "InvalidResource.NotFound"],
    ] as const) {
      expectError(await call("SetCasterChannel", { CasterId: casterId, ...params }), status, code);
    }
    expectError(await other("DescribeCasterChannels", { CasterId: casterId }), 404, "InvalidCaster.NotFound");
    expect(state()).toBe(before);
  });

  test("an empty ResourceId frees the channel (the emulator's reading: LIMITATIONS); freeing it again is the same", async () => {
    await call("SetCasterConfig", { CasterId: casterId, ChannelEnable: 1 });
    const source = (await call("AddCasterVideoResource", { CasterId: casterId, ResourceName: "clip", LocationId: "RV01", VodUrl: "http://media.example.org/clip.mp4" })).body.ResourceId as string;
    await call("SetCasterChannel", { CasterId: casterId, ChannelId: "RV03", ResourceId: source, FaceBeauty: "1" });
    for (const _again of [1, 2]) {
      expect((await call("SetCasterChannel", { CasterId: casterId, ChannelId: "RV03", ResourceId: "" })).status).toBe(200);
      expect((await channels()).Channels.Channel).toEqual([expect.objectContaining({ ChannelId: "RV03", ResourceId: "", FaceBeauty: "1" })]);
    }
  });
});
