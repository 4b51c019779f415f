import { configureForFixture, EmulatorFixture, startEmulatorFixture } from "../../test/helpers/emulator-fixture";
import { UNKNOWN } from "../../common/unknowns";
import { EpisodeInputs } from "../../model/kinds/caster-episode";
import { componentProvider, ComponentOutputs } from "../component/provider";
import { episodeProvider as provider, EpisodeOutputs } from "./provider";

/** Episodes against the emulator: real HTTP, real signatures, the emulator's own rules. */
describe("CasterEpisode provider", () => {
  let live: EmulatorFixture;
  let casterId: string;
  let lowerThird: string;
  let mainCamera: string;

  beforeAll(async () => {
    live = await startEmulatorFixture();
    configureForFixture(live);
    casterId = await live.createCaster();
    for (const [locationId, name] of [["RV01", "Main camera"], ["RV02", "Guest"]]) {
      await live.client.call("AddCasterVideoResource", { CasterId: casterId, LocationId: locationId, ResourceName: name, LiveStreamUrl: `rtmp://push.example.com/live/${locationId}` });
    }
    const sources = await live.client.call("DescribeCasterVideoResources", { CasterId: casterId });
    mainCamera = sources.VideoResources!.VideoResource!.find((source) => source.LocationId === "RV01")!.ResourceId!;
    lowerThird = ((await componentProvider.create({
      casterId, locationId: "RC01", componentType: "text", text: { text: "Evening news" }, geometry: { position: [0.05, 0.85], widthNormalized: 0.6, heightNormalized: 0.1 },
    })).outs as ComponentOutputs).componentId;
  });
  afterAll(() => live.close());

  /** The inputs as the engine hands them to create: after check. */
  const checked = async (inputs: Record<string, unknown>): Promise<EpisodeInputs> => {
    const result = await provider.check({}, inputs);
    expect(result.failures).toEqual([]);
    return result.inputs as EpisodeInputs;
  };
  const program = async () => (await live.client.call("DescribeCasterProgram", { CasterId: casterId, PageSize: 100 })).Episodes!.Episode!;
  const news = (day: number) => ({
    casterId,
    episodeName: "Evening news",
    locationId: "RV01",
    componentIds: [lowerThird],
    startTime: `2030-12-${day}T20:00:00+08:00`,
    endTime: `2030-12-${day}T21:00:00+08:00`,
  });

  test("an episode by position is made with its source's ID and UTC times, read back as no change, and moved in place", async () => {
    const inputs = await checked(news(24));
    expect(inputs).toMatchObject({ startTime: "2030-12-24T12:00:00Z", endTime: "2030-12-24T13:00:00Z", episodeType: "Resource" });
    const created = await provider.create(inputs);
    const outs = created.outs as EpisodeOutputs;
    expect(created.id).toBe(`${casterId}:${outs.episodeId}`);
    expect(outs).toMatchObject({ resourceId: mainCamera, locationId: "RV01", componentIds: [lowerThird], switchType: "TimeFirst", listedInProgram: true });
    expect((await program()).find((episode) => episode.EpisodeId === outs.episodeId)).toMatchObject({ StartTime: "2030-12-24T12:00:00Z", EndTime: "2030-12-24T13:00:00Z" });

    const read = await provider.read(created.id, outs);
    expect(read.props).toMatchObject({ locationId: "RV01", resourceId: mainCamera, startTime: "2030-12-24T12:00:00Z" });
    expect(await provider.diff(created.id, read.props as EpisodeOutputs, inputs)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });

    const later = await checked({ ...news(24), startTime: "2030-12-24T20:30:00+08:00", endTime: "2030-12-24T21:30:00+08:00" });
    expect(await provider.diff(created.id, outs, later)).toEqual({ changes: true, replaces: [], stables: ["casterId", "episodeId", "episodeType"], deleteBeforeReplace: false });
    const moved = (await provider.update(created.id, outs, later)).outs as EpisodeOutputs;
    expect(moved).toMatchObject({ episodeId: outs.episodeId, startTime: "2030-12-24T12:30:00Z", endTime: "2030-12-24T13:30:00Z" });
    expect((await program()).filter((episode) => episode.EpisodeId === outs.episodeId)).toEqual([
      expect.objectContaining({ StartTime: "2030-12-24T12:30:00Z", EndTime: "2030-12-24T13:30:00Z" }),
    ]);
    // The last component removed: ModifyCasterEpisode cannot say that, so the episode is made again.
    const bare = await checked({ ...news(24), componentIds: [], startTime: later.startTime, endTime: later.endTime });
    expect(await provider.diff(created.id, moved, bare)).toEqual({ changes: true, replaces: ["componentIds"], deleteBeforeReplace: false });
    expect(live.undeclaredParameters()).toEqual([]);
  });

  test("a console deletion is seen by refresh, and delete of a gone episode is done", async () => {
    const created = await provider.create(await checked(news(25)));
    const outs = created.outs as EpisodeOutputs;
    await live.client.call("DeleteCasterEpisode", { CasterId: casterId, EpisodeId: outs.episodeId });
    // Refresh is a new run: no listing of this one is reused.
    configureForFixture(live);
    expect(await provider.read(created.id, outs)).toEqual({});
    await expect(provider.delete(created.id, outs)).resolves.toBeUndefined();
  });

  test("an episode never seen listed is not called gone on a guess", async () => {
    const created = await provider.create(await checked(news(26)));
    const outs = { ...(created.outs as EpisodeOutputs), listedInProgram: false };
    await live.client.call("DeleteCasterEpisode", { CasterId: casterId, EpisodeId: outs.episodeId });
    configureForFixture(live);
    expect(await provider.read(created.id, outs)).toEqual({ id: created.id, props: outs });
  });

  test("a lost AddCasterEpisode reply makes one episode, not two", async () => {
    const before = (await program()).length;
    live.emulator.setFaults({ rates: { AddCasterEpisode: { lostResponse: 1 } } });
    const calls = () => live.emulator.calls().filter((call) => call.action === "AddCasterEpisode").length;
    const sent = calls();
    const creating = provider.create(await checked({ ...news(27), locationId: undefined, resourceId: mainCamera }));
    while (calls() === sent) await new Promise((resolve) => setTimeout(resolve, 20));
    live.emulator.setFaults({ rates: {} });
    const created = await creating;
    const after = await program();
    expect(after.length).toBe(before + 1);
    expect(after.map((episode) => episode.EpisodeId)).toContain((created.outs as EpisodeOutputs).episodeId);
  });

  test("an episode another stack already made is refused with the importId that takes it over, not added twice", async () => {
    // Issue 29: content is all an episode is known by, and AddCasterEpisode has no ClientToken: a
    // second stack declaring the same episode added a second one, silently.
    configureForFixture(live);
    const declared = await checked(news(28));
    const made = (await provider.create(declared)).outs as EpisodeOutputs;
    // Another stack: a new session of the providers.
    configureForFixture(live);
    const before = (await program()).length;
    const adds = () => live.emulator.calls().filter((call) => call.action === "AddCasterEpisode").length;
    const sent = adds();
    await expect(provider.create(declared)).rejects.toThrow(
      `already has this very episode (${made.episodeId}: "Evening news", 2030-12-28T12:00:00Z to 2030-12-28T13:00:00Z), made by another stack or in the console; adding it again would put it in the programme twice. Set importId: "${casterId}:${made.episodeId}" to take it over`,
    );
    expect(adds()).toBe(sent);
    expect((await program()).length).toBe(before);
    // The importId it names takes it over with no call that changes anything.
    const changing = live.mutatingCalls().length;
    const adopted = await provider.create(await checked({ ...news(28), importId: `${casterId}:${made.episodeId}` }));
    expect((adopted.outs as EpisodeOutputs).episodeId).toBe(made.episodeId);
    expect(live.mutatingCalls().length).toBe(changing);
  });

  test("a Component episode shows components only", async () => {
    const inputs = await checked({ casterId, episodeName: "Break", componentIds: [lowerThird], startTime: "2030-12-28T10:00:00Z", endTime: "2030-12-28T10:05:00Z" });
    expect(inputs.episodeType).toBe("Component");
    const outs = (await provider.create(inputs)).outs as EpisodeOutputs;
    expect(outs).toMatchObject({ episodeType: "Component", componentIds: [lowerThird] });
    expect(outs.resourceId).toBeUndefined();
  });

  test("bad episodes fail the check, every problem in one run, before any call", async () => {
    const callsBefore = live.emulator.calls().length;
    const reversed = await provider.check({}, { ...news(24), startTime: "2030-12-24T21:00:00+08:00", endTime: "2030-12-24T20:00:00+08:00" });
    expect(reversed.failures).toEqual([expect.objectContaining({
      property: "endTime",
      reason: expect.stringContaining('endTime "2030-12-24T20:00:00+08:00" is not after startTime "2030-12-24T21:00:00+08:00"'),
    })]);
    const several = await provider.check({}, {
      casterId, episodeName: "", startTime: "2030-12-24T20:00:00", endTime: "2030-02-30T20:00:00Z", switchType: "Whenever",
    });
    // No source and no components: the cross-field rule speaks too, in the same run.
    expect(several.failures?.map((failure) => failure.property)).toEqual(["episodeName", "startTime", "endTime", "switchType", "componentIds"]);
    expect(several.failures?.[2].reason).toContain("February 2030 has 28 days");
    const noComponents = await provider.check({}, { casterId, episodeName: "Break", startTime: "2030-12-24T20:00:00Z", endTime: "2030-12-24T21:00:00Z" });
    expect(noComponents.failures).toEqual([expect.objectContaining({ property: "componentIds", reason: expect.stringContaining("a Component episode shows components") })]);
    const both = await provider.check({}, { ...news(24), resourceId: mainCamera });
    expect(both.failures).toEqual([expect.objectContaining({ property: "locationId", reason: expect.stringContaining("keep one of them, the source's ID or its position") })]);
    const twice = await provider.check({}, { ...news(24), componentIds: [lowerThird, lowerThird] });
    expect(twice.failures).toEqual([expect.objectContaining({ property: "componentIds", reason: expect.stringContaining("componentIds[1] and componentIds[0]") })]);
    expect(live.emulator.calls().length).toBe(callsBefore);
  });

  test("a new episode that has started is refused at preview; one made before (earlier inputs) or adopted is not", async () => {
    const callsBefore = live.emulator.calls().length;
    const past = { ...news(24), startTime: "2020-12-24T20:00:00Z", endTime: "2020-12-24T21:00:00Z" };
    const refused = await provider.check({}, past);
    expect(refused.failures).toEqual([expect.objectContaining({
      property: "startTime",
      reason: expect.stringMatching(/^startTime "2020-12-24T20:00:00Z" has passed \(it is now .*\): the API adds no episode that starts in the past; move startTime later/),
    })]);
    expect((await provider.check(past, past)).failures).toEqual([]);
    expect((await provider.check({}, { ...past, importId: `${casterId}:77aa3b1c-2d4e-4f5a-8b6c-7d8e9f0a1234` })).failures).toEqual([]);
    expect(live.emulator.calls().length).toBe(callsBefore);
  });

  test("a source not known yet in a preview (another resource's output) is no error: the episode is a Resource episode", async () => {
    for (const source of [{ resourceId: UNKNOWN }, { locationId: UNKNOWN }]) {
      const result = await provider.check({}, {
        casterId, episodeName: "News", ...source, switchType: "ContentFirst", startTime: "2030-12-24T20:00:00Z", endTime: "2030-12-24T21:00:00Z",
      });
      expect(result.failures).toEqual([]);
      expect(result.inputs).toMatchObject({ episodeType: "Resource" });
    }
  });

  test("a position without a source is a clear error", async () => {
    await expect(provider.create(await checked({ ...news(29), locationId: "RV09" })))
      .rejects.toThrow(`studio ${casterId} has no source at RV09 (its sources are at RV01, RV02)`);
  });
});
