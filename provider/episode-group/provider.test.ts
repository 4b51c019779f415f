import { configureForFixture, EmulatorFixture, startEmulatorFixture } from "../../test/helpers/emulator-fixture";
import { EpisodeGroupOutputs } from "./api";
import { episodeGroupProvider as provider } from "./provider";
import { EpisodeGroupInputs } from "../../model/kinds/caster-episode-group";

describe("episode group provider", () => {
  let live: EmulatorFixture;
  let casterId: string;
  // Each test runs a second later on the emulator's clock: the API allows 4 episode-group calls a second.
  let clockOffsetMs = 0;

  const programs = () => Object.values(live.emulator.state().accounts["1000000000000001"]?.episodeGroups ?? {});
  async function checked(inputs: Record<string, unknown>): Promise<EpisodeGroupInputs> {
    const result = await provider.check({}, inputs);
    expect(result.failures).toEqual([]);
    return result.inputs as EpisodeGroupInputs;
  }
  const declared = (overrides: Record<string, unknown> = {}) => ({
    casterId,
    startTime: "2030-01-02T04:00:00+08:00",
    repeatNum: -1,
    items: [
      { itemName: "Opening", vodUrl: "https://media.example.com/opening.mp4" },
      { itemName: "Feature", vodUrl: "https://media.example.com/feature.mp4" },
    ],
    clientTokenScope: `test/stack/group-${Math.random()}`,
    ...overrides,
  });

  beforeAll(async () => {
    live = await startEmulatorFixture({ clock: () => Date.now() + clockOffsetMs });
    configureForFixture(live);
    casterId = await live.createCaster();
  });
  afterAll(() => live.close());
  beforeEach(() => {
    clockOffsetMs += 1100;
    // Each test is a Pulumi operation of its own: a new session of the provider.
    configureForFixture(live);
  });

  test("two declarations of one program with the same content are refused at check, naming the other", async () => {
    await checked(declared({ clientTokenScope: "proj/stack/evening" }));
    // The same resource checked again (preview, then up) is no twin of itself.
    await checked(declared({ clientTokenScope: "proj/stack/evening" }));
    const twin = await provider.check({}, declared({ clientTokenScope: "proj/stack/evening-copy", startTime: "2030-01-01T20:00:00Z" }));
    expect(twin.failures).toEqual([{
      property: "items",
      reason: expect.stringMatching(/identical to the group "evening" of the same program .*two playlists playing at once\. Remove one of them/),
    }]);
    // Another start time is another playlist.
    await checked(declared({ clientTokenScope: "proj/stack/later", startTime: "2030-01-02T05:00:00+08:00" }));
  });

  test("check sends the start time as UTC and derives the ClientToken", async () => {
    const inputs = await checked(declared({ clientTokenScope: "caster-demo-studio/prod/evening" }));
    expect(inputs.startTime).toBe("2030-01-01T20:00:00Z");
    expect(inputs.clientToken).toMatch(/^evening-[0-9a-f]{40}$/);
  });

  test("created twice with the same inputs, as an interrupted run does: one program, the same IDs", async () => {
    const inputs = await checked(declared());
    const before = programs().length;
    const first = await provider.create(inputs);
    const second = await provider.create(inputs);
    expect(second.id).toBe(first.id);
    expect(second.outs.itemIds).toEqual(first.outs.itemIds);
    expect(programs()).toHaveLength(before + 1);
  });

  test("a group another stack already made is refused, naming its ItemIds, not added twice; its ProgramId as importId takes it over with no call that changes anything", async () => {
    // Issue 29: each stack derives its own ClientToken, so a second stack declaring the same group made a second playlist.
    const made = (await provider.create(await checked(declared({ startTime: "2030-03-01T20:00:00Z" })))).outs as EpisodeGroupOutputs;
    // Another stack: a new session of the providers, another token scope.
    configureForFixture(live);
    const before = programs().length;
    const changing = live.mutatingCalls().length;
    const other = await checked(declared({ startTime: "2030-03-01T20:00:00Z", clientTokenScope: "proj/other-stack/evening" }));
    await expect(provider.create(other)).rejects.toThrow(
      `studio ${casterId} already has this episode group: its program lists, from 2030-03-01T20:00:00Z, items named "Opening", "Feature" ` +
        `(ItemIds ${made.itemIds.join(", ")}) of a group no resource of this \`pulumi up\` made or adopted`,
    );
    await expect(provider.create(other)).rejects.toThrow(/set importId to its ProgramId .*`pulumi stack --stack <that stack> --show-ids`.*`retainOnDelete: true`.*`npx caster-recover`/);
    expect(programs()).toHaveLength(before);
    expect(live.mutatingCalls().length).toBe(changing);

    const adopted = await provider.create({ ...other, importId: made.programId });
    expect(adopted.id).toBe(made.programId);
    expect((adopted.outs as EpisodeGroupOutputs).itemIds).toEqual(made.itemIds);
    expect(live.mutatingCalls().length).toBe(changing);
  });

  test("a replacement, its old group deleted first, is no twin of it, though a listing from before the delete shows it", async () => {
    const first = await provider.create(await checked(declared({ startTime: "2030-03-02T20:00:00Z" })));
    configureForFixture(live);
    // A refresh lists the program; the old group is deleted (the replacement's first step); a new file under the same names follows.
    expect((await provider.read(first.id, first.outs as EpisodeGroupOutputs)).id).toBe(first.id);
    await provider.delete(first.id, first.outs as EpisodeGroupOutputs);
    const replacement = await checked(declared({
      startTime: "2030-03-02T20:00:00Z",
      items: [{ itemName: "Opening", vodUrl: "https://media.example.com/opening-v2.mp4" }, { itemName: "Feature", vodUrl: "https://media.example.com/feature.mp4" }],
    }));
    const made = await provider.create(replacement);
    expect(programs().some((group) => group.programId === made.id)).toBe(true);
  });

  test("two groups of one program with the same start and names (other files) are both made, neither the other's twin", async () => {
    const files = (suffix: string) => [{ itemName: "Opening", vodUrl: `https://media.example.com/opening-${suffix}.mp4` }, { itemName: "Feature", vodUrl: `https://media.example.com/feature-${suffix}.mp4` }];
    const before = programs().length;
    await provider.create(await checked(declared({ startTime: "2030-03-03T20:00:00Z", items: files("a") })));
    await provider.create(await checked(declared({ startTime: "2030-03-03T20:00:00Z", items: files("b") })));
    expect(programs()).toHaveLength(before + 2);
  });

  test("the studio's domain and callback are used, and the items are listed in its program", async () => {
    // Each test's group starts at a time of its own: the groups of earlier tests (earlier sessions) are another stack's.
    const { outs } = await provider.create(await checked(declared({ startTime: "2030-03-04T20:00:00Z" })));
    const config = await live.client.call("DescribeCasterConfig", { CasterId: casterId });
    expect(outs).toMatchObject({ domainName: config.DomainName, callbackUrl: config.CallbackUrl, sideOutputUrl: "", listedInProgram: true, repeatNum: -1 });
    expect(outs.itemIds).toHaveLength(2);
    const stored = programs().find((group) => group.programId === outs.programId);
    expect(stored?.items.map((item) => item.itemId)).toEqual(outs.itemIds);
  });

  test("a studio without a domain: refused before AddCasterEpisodeGroup, naming both fixes (issue 29)", async () => {
    const bare = (await live.client.call("CreateCaster", { ClientToken: `bare-${Date.now()}`, NormType: 1, ChargeType: "PostPaid" })).CasterId!;
    live.emulator.clearCalls();
    await expect(provider.create(await checked(declared({ casterId: bare })))).rejects.toThrow(
      `studio ${bare} has none (DescribeCasterConfig's DomainName is empty). Set the studio's domainName (on its Caster, or with SetCasterConfig), or set domainName on the group.`,
    );
    expect(live.mutatingCalls()).toEqual([]);
    const { outs } = await provider.create(await checked(declared({ casterId: bare, domainName: "live.example.com" })));
    expect(outs).toMatchObject({ domainName: "live.example.com", listedInProgram: false });
  });

  test("read keeps a listed group, reports one deleted behind Pulumi's back as gone", async () => {
    const { id, outs } = await provider.create(await checked(declared({ startTime: "2030-03-05T20:00:00Z" })));
    expect(await provider.read(id, outs as EpisodeGroupOutputs)).toEqual({ id, props: outs });
    await live.client.call("DeleteCasterEpisodeGroup", { ProgramId: id });
    // A later `pulumi refresh` is a new provider session: nothing listed before is reused.
    configureForFixture(live);
    expect(await provider.read(id, outs as EpisodeGroupOutputs)).toEqual({});
  });

  test("read never says gone when it cannot know: no studio, or items never seen listed", async () => {
    const config = await live.client.call("DescribeCasterConfig", { CasterId: casterId });
    const { id, outs } = await provider.create(await checked(declared({ casterId: undefined, domainName: config.DomainName, callbackUrl: config.CallbackUrl })));
    await live.client.call("DeleteCasterEpisodeGroup", { ProgramId: id });
    live.emulator.clearCalls();
    expect(await provider.read(id, outs as EpisodeGroupOutputs)).toEqual({ id, props: outs });
    const notSeen = { ...(outs as EpisodeGroupOutputs), casterId, listedInProgram: false };
    expect(await provider.read(id, notSeen)).toEqual({ id, props: notSeen });
    expect(live.emulator.calls()).toEqual([]);
  });

  test("delete removes the program; already gone is success", async () => {
    const { id, outs } = await provider.create(await checked(declared({ startTime: "2030-03-06T20:00:00Z" })));
    await provider.delete(id, outs as EpisodeGroupOutputs);
    expect(programs().some((group) => group.programId === id)).toBe(false);
    await expect(provider.delete(id, outs as EpisodeGroupOutputs)).resolves.toBeUndefined();
  });

  describe("diff", () => {
    const stored = (): EpisodeGroupOutputs => ({
      casterId: "LIVEPRODUCER_POST-cn-0pp1czt1234",
      domainName: "0pp1czt1234.live.example.com",
      callbackUrl: "http://callback.example.com/caster",
      sideOutputUrl: "",
      startTime: "2030-01-01T20:00:00Z",
      repeatNum: -1,
      items: [{ itemName: "Opening", vodUrl: "https://media.example.com/opening.mp4" }],
      programId: "P1",
      itemIds: ["I1"],
      clientToken: "group-abc",
      clientTokenScope: "p/s/group",
      listedInProgram: true,
    });
    const news = (overrides: Partial<EpisodeGroupInputs> = {}): EpisodeGroupInputs => ({
      casterId: "LIVEPRODUCER_POST-cn-0pp1czt1234",
      startTime: "2030-01-01T20:00:00Z",
      repeatNum: -1,
      items: [{ itemName: "Opening", vodUrl: "https://media.example.com/opening.mp4" }],
      clientTokenScope: "p/s/group",
      ...overrides,
    });

    test("values the studio filled in are no change, nor is a new token scope", async () => {
      expect(await provider.diff("P1", stored(), news({ clientTokenScope: "p/s/renamed", clientToken: "other" })))
        .toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
    });

    test.each([
      ["items", { items: [{ itemName: "Opening", vodUrl: "https://media.example.com/new.mp4" }] }],
      ["startTime", { startTime: "2030-01-01T21:00:00Z" }],
      ["repeatNum", { repeatNum: 0 as const }],
      ["domainName", { domainName: "other.example.com" }],
      ["casterId", { casterId: "LIVEPRODUCER_POST-cn-other12345" }],
    ])("a change of %s replaces the group, naming exactly that property", async (property, change) => {
      expect(await provider.diff("P1", stored(), news(change))).toEqual({ changes: true, replaces: [property], deleteBeforeReplace: true });
    });
  });

  test("every parameter the provider sent is one the spec declares", () => {
    expect(live.undeclaredParameters()).toEqual([]);
  });
});
