import { popClient, PopReply } from "../../test/helpers/pop-client";
import { RunningEmulator, startEmulator } from "../server";

describe("emulator episode groups", () => {
  let emulator: RunningEmulator;
  let call: ReturnType<typeof popClient>;
  let casterId: string;
  let domainName: string;
  let clockOffsetMs = 0;
  let frozenAt: number | undefined;
  let token = 0;

  const group = (overrides: Record<string, unknown> = {}) => ({
    ClientToken: `token-${++token}`,
    DomainName: domainName,
    CallbackUrl: "http://callback.example.com/caster",
    SideOutputUrl: "",
    StartTime: "2030-01-01T20:00:00Z",
    RepeatNum: -1,
    "Item.1.ItemName": "Opening",
    "Item.1.VodUrl": "https://media.example.com/opening.mp4",
    "Item.2.ItemName": "Feature",
    "Item.2.VodUrl": "https://media.example.com/feature.flv",
    ...overrides,
  });
  const programs = () => Object.keys(emulator.state().accounts["1000000000000001"].episodeGroups);
  const expectError = (reply: PopReply, status: number, code: string) =>
    expect({ status: reply.status, code: reply.body.Code }).toEqual({ status, code });

  beforeAll(async () => {
    emulator = await startEmulator({ clock: () => frozenAt ?? Date.now() + clockOffsetMs });
    call = popClient(emulator.url);
  });
  afterAll(() => emulator.close());
  beforeEach(async () => {
    clockOffsetMs += 1100;
    casterId = (await call("CreateCaster", { ClientToken: `studio-${token}`, NormType: 1, ChargeType: "PostPaid" })).body.CasterId;
    // A new studio has no domain: the groups on the domain it is given are its own.
    domainName = `${casterId.split("-").pop()!.toLowerCase()}.live.example.com`;
    await call("SetCasterConfig", { CasterId: casterId, DomainName: domainName });
  });

  test("a group is added with ItemIds in item order, and shows as episodes of its studio", async () => {
    const added = await call("AddCasterEpisodeGroup", group());
    expect(added.status).toBe(200);
    expect(Object.keys(added.body).sort()).toEqual(["ItemIds", "ProgramId", "RequestId"]);
    const itemIds: string[] = added.body.ItemIds.ItemId;
    expect(itemIds).toHaveLength(2);

    const program = await call("DescribeCasterProgram", { CasterId: casterId });
    expect(program.body).toMatchObject({ CasterId: casterId, ProgramEffect: 1, Total: 2 });
    expect(program.body.Episodes.Episode.map((e: { EpisodeId: string; EpisodeName: string }) => [e.EpisodeId, e.EpisodeName]))
      .toEqual([[itemIds[0], "Opening"], [itemIds[1], "Feature"]]);
    expect(program.body.Episodes.Episode[0]).toMatchObject({ EpisodeType: "Resource", StartTime: "2030-01-01T20:00:00Z", Status: 0 });
  });

  test("the same ClientToken and parameters twice: one program, the same ProgramId and ItemIds", async () => {
    const request = group();
    const first = await call("AddCasterEpisodeGroup", request);
    const before = programs().length;
    const second = await call("AddCasterEpisodeGroup", request);
    expect(second.body.ProgramId).toBe(first.body.ProgramId);
    expect(second.body.ItemIds).toEqual(first.body.ItemIds);
    expect(programs()).toHaveLength(before);
  });

  test("the same ClientToken with other parameters is IdempotentParameterMismatch", async () => {
    const request = group();
    await call("AddCasterEpisodeGroup", request);
    const before = JSON.stringify(emulator.state());
    expectError(await call("AddCasterEpisodeGroup", { ...request, RepeatNum: 0 }), 400, "IdempotentParameterMismatch");
    expect(JSON.stringify(emulator.state())).toBe(before);
  });

  test("the Content form is the same request as one JSON document", async () => {
    const reply = await call("AddCasterEpisodeGroupContent", {
      ClientToken: "content-1",
      Content: JSON.stringify({
        DomainName: domainName, CallbackUrl: "http://callback.example.com/caster", SideOutputUrl: "",
        StartTime: "2030-01-01T20:00:00Z", RepeatNum: 0, Items: [{ ItemName: "Only", VodUrl: "https://media.example.com/only.ts" }],
      }),
    });
    expect(reply.status).toBe(200);
    expect(reply.body.ItemIds.ItemId).toHaveLength(1);
    expectError(await call("AddCasterEpisodeGroupContent", { ClientToken: "content-2", Content: "{not json" }), 400, "InvalidParameter.Malformed");
  });

  test.each([
    ["no ClientToken", { ClientToken: undefined }, 400, "MissingClientToken"],
    ["no DomainName", { DomainName: undefined }, 400, "MissingDomainName"],
    ["no CallbackUrl", { CallbackUrl: undefined }, 400, "MissingCallbackUrl"],
    ["no SideOutputUrl at all", { SideOutputUrl: undefined }, 400, "MissingSideOutputUrl"],
    ["no StartTime", { StartTime: undefined }, 400, "MissingStartTime"],
    ["no RepeatNum", { RepeatNum: undefined }, 400, "MissingRepeatNum"],
    ["a local time", { StartTime: "2030-01-01T20:00:00+08:00" }, 400, "InvalidParameter.Malformed"],
    ["a time with milliseconds", { StartTime: "2030-01-01T20:00:00.000Z" }, 400, "InvalidParameter.Malformed"],
    ["RepeatNum 3", { RepeatNum: 3 }, 400, "InvalidParameter.Malformed"],
    ["a token of 65 characters", { ClientToken: "x".repeat(65) }, 400, "InvalidParameter.Malformed"],
    ["no items", { "Item.1.ItemName": undefined, "Item.1.VodUrl": undefined, "Item.2.ItemName": undefined, "Item.2.VodUrl": undefined }, 400, "MissingParameter"],
    ["an item that is not MP4, FLV or TS", { "Item.2.VodUrl": "https://media.example.com/feature.mov" }, 400, "InvalidVodUrl.Malformed"],
  ])("%s is refused with its code, and nothing is added", async (_case, overrides, status, code) => {
    const before = JSON.stringify(emulator.state());
    expectError(await call("AddCasterEpisodeGroup", group(overrides)), status, code);
    expect(JSON.stringify(emulator.state())).toBe(before);
  });

  const items = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, index) => [
    [`Item.${index + 1}.ItemName`, `Episode ${index + 1}`],
    [`Item.${index + 1}.VodUrl`, `https://media.example.com/${index + 1}.mp4`],
  ]).flat());

  test("a group takes at most 100 items: 100 are added, 101 are InvalidParameter.Malformed and add nothing (issue 10)", async () => {
    const hundred = await call("AddCasterEpisodeGroup", group(items(100)));
    expect(hundred.status).toBe(200);
    expect(hundred.body.ItemIds.ItemId).toHaveLength(100);
    clockOffsetMs += 1100;
    const before = JSON.stringify(emulator.state());
    const reply = await call("AddCasterEpisodeGroup", group(items(101)));
    expectError(reply, 400, "InvalidParameter.Malformed");
    expect(reply.body.Message).toMatch(/at most 100 items.*got 101/);
    expect(JSON.stringify(emulator.state())).toBe(before);
  });

  test("the Content form takes at most 100 items too", async () => {
    const content = (count: number) => JSON.stringify({
      DomainName: domainName, CallbackUrl: "http://callback.example.com/caster", SideOutputUrl: "", StartTime: "2030-01-01T20:00:00Z", RepeatNum: 0,
      Items: Array.from({ length: count }, (_, index) => ({ ItemName: `Episode ${index + 1}`, VodUrl: `https://media.example.com/${index + 1}.mp4` })),
    });
    const before = JSON.stringify(emulator.state());
    expectError(await call("AddCasterEpisodeGroupContent", { ClientToken: "content-many", Content: content(101) }), 400, "InvalidParameter.Malformed");
    expect(JSON.stringify(emulator.state())).toBe(before);
  });

  test("delete removes the group from the program, a second delete is InvalidProgram.NotFound, and the token is free again", async () => {
    const request = group();
    const added = await call("AddCasterEpisodeGroup", request);
    expect((await call("DeleteCasterEpisodeGroup", { ProgramId: added.body.ProgramId })).status).toBe(200);
    expect((await call("DescribeCasterProgram", { CasterId: casterId })).body.Total).toBe(0);
    expectError(await call("DeleteCasterEpisodeGroup", { ProgramId: added.body.ProgramId }), 404, "InvalidProgram.NotFound");
    const again = await call("AddCasterEpisodeGroup", request);
    expect(again.body.ProgramId).not.toBe(added.body.ProgramId);
  });

  test("four calls a second for each account: the fifth is Throttling.User", async () => {
    frozenAt = Date.now() + clockOffsetMs;
    const codes: string[] = [];
    for (let n = 0; n < 5; n++) {
      const reply = await call("AddCasterEpisodeGroup", group());
      codes.push(reply.status === 200 ? "ok" : reply.body.Code);
    }
    frozenAt = undefined;
    expect(codes).toEqual(["ok", "ok", "ok", "ok", "Throttling.User"]);
  });
});
