import { popClient, PopReply } from "../../test/helpers/pop-client";
import { RunningEmulator, startEmulator } from "../server";

/** AddCasterVideoResource and its neighbours over HTTP, with every error on the API page. */
describe("emulator video sources", () => {
  let emulator: RunningEmulator;
  let call: ReturnType<typeof popClient>;
  let other: ReturnType<typeof popClient>;
  let casterId: string;
  let token = 0;
  // Each test runs a second later on the emulator's clock, so that QPS limits do not span tests.
  let clockOffsetMs = 0;

  const state = () => JSON.stringify(emulator.state());
  const createCaster = async (params: Record<string, unknown> = {}) =>
    (await call("CreateCaster", { ClientToken: `t-${++token}`, NormType: 1, ChargeType: "PostPaid", ...params })).body.CasterId as string;
  const add = (params: Record<string, unknown>) =>
    call("AddCasterVideoResource", { CasterId: casterId, ResourceName: "cam", LocationId: "RV01", LiveStreamUrl: "rtmp://push.example.com/a/b", ...params });
  const expectError = (reply: PopReply, status: number, code: string) => {
    expect({ status: reply.status, code: reply.body.Code }).toEqual({ status, code });
  };

  beforeAll(async () => {
    emulator = await startEmulator({
      clock: () => Date.now() + clockOffsetMs,
      ingestEndpoints: 3,
      accounts: [
        { accessKeyId: "emulator-demo-key", accessKeySecret: "emulator-demo-secret", uid: "1000000000000001" },
        { accessKeyId: "other-key", accessKeySecret: "other-secret", uid: "2000000000000002" },
      ],
    });
    call = popClient(emulator.url);
    other = popClient(emulator.url, "other-key", "other-secret");
  });
  afterAll(() => emulator.close());
  beforeEach(async () => {
    clockOffsetMs += 1100;
    casterId = await createCaster();
  });

  test("a source is added, described in the API's shape, modified and deleted", async () => {
    const added = await add({ LiveStreamUrl: undefined, VodUrl: "https://media.example.com/a.mp4", BeginOffset: 5, RepeatNum: -1 });
    expect(added.status).toBe(200);
    expect(Object.keys(added.body).sort()).toEqual(["RequestId", "ResourceId"]);
    const resourceId = added.body.ResourceId;

    const listed = await call("DescribeCasterVideoResources", { CasterId: casterId });
    expect(listed.body.Total).toBe(1);
    expect(listed.body.VideoResources.VideoResource[0]).toEqual({
      ResourceId: resourceId, ResourceName: "cam", LocationId: "RV01", LiveStreamUrl: "", VodUrl: "https://media.example.com/a.mp4",
      FlvUrl: "", MaterialId: "", ImageId: "", ImageUrl: "", BeginOffset: 5, EndOffset: 0, RepeatNum: -1, PtsCallbackInterval: 0,
    });

    const modified = await call("ModifyCasterVideoResource", { CasterId: casterId, ResourceId: resourceId, ResourceName: "renamed", ImageUrl: "https://media.example.com/i.png" });
    expect(modified.body).toMatchObject({ CasterId: casterId, ResourceId: resourceId });
    const after = (await call("DescribeCasterVideoResources", { CasterId: casterId })).body.VideoResources.VideoResource[0];
    expect(after).toMatchObject({ ResourceName: "renamed", ImageUrl: "https://media.example.com/i.png", VodUrl: "", LocationId: "RV01" });

    expect((await call("DeleteCasterVideoResource", { CasterId: casterId, ResourceId: resourceId })).status).toBe(200);
    expectError(await call("DeleteCasterVideoResource", { CasterId: casterId, ResourceId: resourceId }), 404, "InvalidResource.NotFound");
  });

  test("what happens when a location is already taken: DuplicateLocationID, nothing added", async () => {
    await add({});
    const before = state();
    expectError(await add({ ResourceName: "second" }), 400, "DuplicateLocationID");
    expect(state()).toBe(before);
  });

  test("a studio's ingest endpoints used up: ResourceNumberExceed", async () => {
    for (const location of ["RV01", "RV02", "RV03"]) expect((await add({ LocationId: location })).status).toBe(200);
    expectError(await add({ LocationId: "RV04" }), 400, "ResourceNumberExceed");
  });

  test.each([
    ["LocationId RV00", { LocationId: "RV00" }, 400, "UnexpectedLocationID"],
    ["LocationId RV100", { LocationId: "RV100" }, 400, "UnexpectedLocationID"],
    ["no LocationId", { LocationId: undefined }, 400, "MissingParameter"],
    ["no source at all", { LiveStreamUrl: undefined }, 400, "MissingParameter"],
    ["two sources", { VodUrl: "https://media.example.com/a.mp4" }, 400, "InvalidParameter.Malformed"],
    ["a live URL with a file scheme", { LiveStreamUrl: "file:///etc/passwd" }, 400, "InvalidLiveStreamUrl.Malformed"],
    ["a VOD file that is not MP4, FLV or TS", { LiveStreamUrl: undefined, VodUrl: "https://media.example.com/a.mkv" }, 400, "InvalidVodUrl.Malformed"],
    ["a malformed material ID", { LiveStreamUrl: undefined, MaterialId: "not an id!" }, 400, "InvalidMaterialId.Malformed"],
    ["an image that is not JPG or PNG", { LiveStreamUrl: undefined, ImageUrl: "https://media.example.com/a.gif" }, 400, "InvalidParameter.Malformed"],
    ["a delay over 5000 ms", { FixedDelayDuration: 5001 }, 400, "InvalidParameter.Malformed"],
    ["a repeat count below -1", { LiveStreamUrl: undefined, VodUrl: "https://media.example.com/a.mp4", RepeatNum: -2 }, 400, "InvalidParameter.Malformed"],
    ["an offset that is not a number", { BeginOffset: "soon" }, 400, "InvalidParameter.Malformed"],
    ["no CasterId", { CasterId: undefined }, 400, "MissingCasterId"],
    ["no ResourceName", { ResourceName: undefined }, 400, "MissingResourceName"],
    ["a malformed CasterId", { CasterId: "studio one" }, 400, "InvalidCasterId.Malformed"],
    ["an unknown studio", { CasterId: "LIVEPRODUCER_POST-cn-doesnotexist" }, 404, "InvalidCaster.NotFound"],
    ["another account's OwnerId", { OwnerId: "2000000000000002" }, 400, "InvalidUserId.Malformed"],
  ])("%s is refused with its documented code and changes nothing", async (_case, params, status, code) => {
    const before = state();
    expectError(await add(params), status, code);
    expect(state()).toBe(before);
  });

  // The page documents a range for FixedDelayDuration only; the others are 32-bit integers in the SDKs (issue 10).
  test.each([
    ["BeginOffset 2^31", { LiveStreamUrl: undefined, VodUrl: "https://media.example.com/a.mp4", BeginOffset: 2 ** 31 }],
    ["EndOffset -2^31-1", { LiveStreamUrl: undefined, VodUrl: "https://media.example.com/a.mp4", EndOffset: -(2 ** 31) - 1 }],
    ["RepeatNum 2^31", { LiveStreamUrl: undefined, VodUrl: "https://media.example.com/a.mp4", RepeatNum: 2 ** 31 }],
    ["PtsCallbackInterval 1e10", { PtsCallbackInterval: 1e10 }],
    ["FixedDelayDuration 2^31", { FixedDelayDuration: 2 ** 31 }],
  ])("%s, beyond a 32-bit integer, is InvalidParameter.Malformed and changes nothing", async (_case, params) => {
    const before = state();
    const reply = await add(params);
    expectError(reply, 400, "InvalidParameter.Malformed");
    expect(reply.body.Message).toMatch(/32-bit integer from -2147483648 to 2147483647/);
    expect(state()).toBe(before);
  });

  test("a modify beyond a 32-bit integer is refused the same way", async () => {
    const added = await add({ LiveStreamUrl: undefined, VodUrl: "https://media.example.com/a.mp4" });
    const before = state();
    expectError(await call("ModifyCasterVideoResource", { CasterId: casterId, ResourceId: added.body.ResourceId, BeginOffset: 2 ** 31 }), 400, "InvalidParameter.Malformed");
    expect(state()).toBe(before);
  });

  test("the ends of the 32-bit range are taken", async () => {
    const reply = await add({ LiveStreamUrl: undefined, VodUrl: "https://media.example.com/a.mp4", BeginOffset: 2 ** 31 - 1, EndOffset: -(2 ** 31), PtsCallbackInterval: 2 ** 31 - 1 });
    expect(reply.status).toBe(200);
  });

  test("a carousel studio (NormType 6) takes no video sources: IllegalOperation", async () => {
    casterId = await createCaster({ NormType: 6 });
    expectError(await add({}), 401, "IllegalOperation");
  });

  test("another account's studio does not exist for the caller", async () => {
    await add({});
    expectError(await other("DescribeCasterVideoResources", { CasterId: casterId }), 404, "InvalidCaster.NotFound");
    expectError(await other("AddCasterVideoResource", { CasterId: casterId, ResourceName: "x", LocationId: "RV05", LiveStreamUrl: "rtmp://a/b" }), 404, "InvalidCaster.NotFound");
    expect((await other("DescribeCasters")).body.Total).toBe(0);
  });

  test("CreateCaster is idempotent by ClientToken; the same token with other parameters is IdempotentParameterMismatch", async () => {
    const first = await call("CreateCaster", { ClientToken: "same", NormType: 1, ChargeType: "PostPaid" });
    const again = await call("CreateCaster", { ClientToken: "same", NormType: 1, ChargeType: "PostPaid" });
    expect(again.body.CasterId).toBe(first.body.CasterId);
    expectError(await call("CreateCaster", { ClientToken: "same", NormType: 2, ChargeType: "PostPaid" }), 400, "IdempotentParameterMismatch");
  });

  test("DescribeCasterConfig gives the studio's callback, and no domain until SetCasterConfig sets one", async () => {
    const reply = await call("DescribeCasterConfig", { CasterId: casterId });
    expect(reply.body).toMatchObject({ CasterId: casterId, CallbackUrl: "http://callback.example.com/caster", DomainName: "" });
  });

  test("DeleteCaster removes the studio and its sources", async () => {
    await add({});
    expect((await call("DeleteCaster", { CasterId: casterId })).status).toBe(200);
    expectError(await call("DescribeCasterVideoResources", { CasterId: casterId }), 404, "InvalidCaster.NotFound");
  });
});
