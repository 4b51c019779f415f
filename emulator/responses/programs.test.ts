import { toApiTime } from "../../model/api-facts";
import { expectError, PopCall, startPacedEmulator } from "../../test/helpers/paced-emulator";
import { RunningEmulator } from "../server";

const HOUR = 3_600_000;

/** AddCasterProgram, ModifyCasterProgram and DeleteCasterProgram over HTTP, with real signatures: AddCasterEpisode's episodes, many at once. */
describe("emulator programmes", () => {
  let emulator: RunningEmulator;
  let call: PopCall;
  let other: PopCall;
  let state: () => string;
  let casterId: string;
  let vod: string;
  let text: string;
  let token = 0;

  const clock = () => Date.parse(emulator.calls().at(-1)!.at);
  const later = (ms: number) => toApiTime(clock() + ms);
  const program = async () => (await call("DescribeCasterProgram", { CasterId: casterId })).body;
  const twoEpisodes = () => ({
    CasterId: casterId,
    "Episode.1.EpisodeName": "News", "Episode.1.EpisodeType": "Resource", "Episode.1.ResourceId": vod,
    "Episode.1.StartTime": later(HOUR), "Episode.1.EndTime": later(2 * HOUR), "Episode.1.SwitchType": "ContentFirst",
    "Episode.2.EpisodeName": "Banner", "Episode.2.EpisodeType": "Component", "Episode.2.ComponentId.1": text,
    "Episode.2.StartTime": later(2 * HOUR), "Episode.2.EndTime": later(3 * HOUR),
  });

  beforeAll(async () => {
    ({ emulator, call, other, state } = await startPacedEmulator());
  });
  afterAll(() => emulator.close());
  beforeEach(async () => {
    casterId = (await call("CreateCaster", { ClientToken: `programs-${++token}`, NormType: 1, ChargeType: "PostPaid" })).body.CasterId;
    vod = (await call("AddCasterVideoResource", { CasterId: casterId, ResourceName: "reel", LocationId: "RV01", VodUrl: "https://media.example.com/reel.mp4" })).body.ResourceId;
    text = (await call("AddCasterComponent", {
      CasterId: casterId, ComponentType: "text", LocationId: "RC01", ComponentLayer: "{}", TextLayerContent: '{"Text":"RC01"}',
    })).body.ComponentId;
  });

  test("AddCasterProgram adds the episodes in order, as AddCasterEpisode would; DescribeCasterProgram lists them", async () => {
    const added = await call("AddCasterProgram", twoEpisodes());
    expect(added.status).toBe(200);
    const ids = added.body.EpisodeIds.EpisodeId.map((entry: { EpisodeId: string }) => entry.EpisodeId);
    expect(ids).toHaveLength(2);
    const listed = await program();
    expect(listed.Episodes.Episode).toMatchObject([
      { EpisodeId: ids[0], EpisodeName: "News", EpisodeType: "Resource", ResourceId: vod, SwitchType: "ContentFirst" },
      { EpisodeId: ids[1], EpisodeName: "Banner", EpisodeType: "Component", ComponentIds: { ComponentId: [text] } },
    ]);
  });

  test("one refused episode adds none; each episode's own fields are MissingParameter; no Episode.N is MissingEpisode", async () => {
    const before = state();
    expectError(await call("AddCasterProgram", { ...twoEpisodes(), "Episode.2.StartTime": later(-HOUR) }), 400, "IncorrectStartTime");
    expectError(await call("AddCasterProgram", { ...twoEpisodes(), "Episode.1.ResourceId": "no-such-source" }), 404, "InvalidResource.NotFound");
    expectError(await call("AddCasterProgram", { ...twoEpisodes(), "Episode.1.SwitchType": undefined }), 400, "MissingParameter");
    expectError(await call("AddCasterProgram", { CasterId: casterId }), 400, "MissingEpisode");
    expect(state()).toBe(before);
    expectError(await other("AddCasterProgram", twoEpisodes()), 404, "InvalidCaster.NotFound");
  });

  test("ModifyCasterProgram changes each episode named, all or none; DeleteCasterProgram empties the schedule", async () => {
    const ids = (await call("AddCasterProgram", twoEpisodes())).body.EpisodeIds.EpisodeId.map((entry: { EpisodeId: string }) => entry.EpisodeId);
    const modified = await call("ModifyCasterProgram", {
      CasterId: casterId, "Episode.1.EpisodeId": ids[1], "Episode.1.EpisodeName": "Ticker", "Episode.2.EpisodeId": ids[0], "Episode.2.SwitchType": "TimeFirst",
    });
    expect(modified.body).toMatchObject({ CasterId: casterId });
    expect((await program()).Episodes.Episode).toMatchObject([{ EpisodeName: "News", SwitchType: "TimeFirst" }, { EpisodeName: "Ticker" }]);
    const before = state();
    expectError(await call("ModifyCasterProgram", {
      CasterId: casterId, "Episode.1.EpisodeId": ids[0], "Episode.1.EpisodeName": "Changed", "Episode.2.EpisodeId": "no-such-episode",
    }), 404, "InvalidEpisode.NotFound");
    expectError(await call("ModifyCasterProgram", { CasterId: casterId, "Episode.1.EpisodeName": "No ID" }), 400, "MissingParameter");
    expect(state()).toBe(before);
    expect((await call("DeleteCasterProgram", { CasterId: casterId })).body).toMatchObject({ CasterId: casterId });
    expect((await program()).Total).toBe(0);
    expectError(await other("DeleteCasterProgram", { CasterId: casterId }), 404, "InvalidCaster.NotFound");
  });
});
