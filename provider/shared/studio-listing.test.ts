import { configureForFixture, EmulatorFixture, startEmulatorFixture } from "../../test/helpers/emulator-fixture";
import { MAX_EPISODE_ITEMS } from "../../model/api-facts";
import { PAGING } from "../../model/live-api";
import { episodes } from "../episode/provider";
import { layouts } from "../layout/provider";
import { liveClient } from "../runtime";
import { VideoResourceOutputs } from "../video-resource/api";
import { videoResourceProvider } from "../video-resource/provider";

/** The studio listing that every kind inside a studio shares, against the emulator over HTTP. */
describe("studioListing", () => {
  let live: EmulatorFixture;
  let casterId: string;

  /** Each `pulumi up` is a session of its own; the calls counted are this one's. */
  function newRun(): void {
    configureForFixture(live);
    live.emulator.clearCalls();
  }

  beforeAll(async () => {
    live = await startEmulatorFixture();
    casterId = await live.createCaster();
    // A studio's program lists the episode groups of its main domain.
    await live.client.call("SetCasterConfig", { CasterId: casterId, DomainName: "live.example.com" });
  });
  afterAll(() => live.close());

  test("a paged Describe is read whole, page by page at the largest size PAGING gives", async () => {
    const { maxPageSize } = PAGING.DescribeCasterProgram;
    const total = 2 * maxPageSize + 1;
    for (let made = 0, group = 1; made < total; group++) {
      const size = Math.min(MAX_EPISODE_ITEMS, total - made);
      const items = Object.fromEntries(Array.from({ length: size }, (_, index) => [
        [`Item.${index + 1}.ItemName`, `Clip ${made + index + 1}`],
        [`Item.${index + 1}.VodUrl`, `https://media.example.com/clip-${made + index + 1}.mp4`],
      ]).flat());
      await live.client.call("AddCasterEpisodeGroup", {
        ClientToken: `paging-${group}`, DomainName: "live.example.com", CallbackUrl: "https://hooks.example.com/caster", SideOutputUrl: "",
        StartTime: `2030-01-0${group}T20:00:00Z`, RepeatNum: 0, ...items,
      });
      made += size;
    }
    newRun();
    const program = await episodes.list(liveClient(), casterId);
    expect(new Set(program.map((entry) => entry.EpisodeId)).size).toBe(total);
    const pages = live.emulator.calls().filter((call) => call.action === "DescribeCasterProgram").map((call) => [call.params.PageNum, call.params.PageSize]);
    expect(pages).toEqual([["1", String(maxPageSize)], ["2", String(maxPageSize)], ["3", String(maxPageSize)]]);
  });

  test("a studio the API does not have lists as none, and has no object", async () => {
    const gone = await live.createCaster();
    await live.client.call("DeleteCaster", { CasterId: gone });
    newRun();
    expect(await layouts.listOrNone(liveClient(), gone)).toBeUndefined();
    expect(await layouts.find(liveClient(), gone, "some-layout")).toBeUndefined();
    await expect(layouts.list(liveClient(), gone)).rejects.toMatchObject({ code: "InvalidCaster.NotFound" });
  });

  test("a claim holds for one session: a second resource of the program is refused, the next program's resource takes it", async () => {
    const { ResourceId: resourceId } = await live.client.call("AddCasterVideoResource", {
      CasterId: casterId, LocationId: "RV01", ResourceName: "Reel", VodUrl: "https://media.example.com/reel.mp4", RepeatNum: -1,
    });
    const declared = { casterId, locationId: "RV01", resourceName: "Reel", vodUrl: "https://media.example.com/reel.mp4", repeatNum: -1, importId: `${casterId}:${resourceId}` };
    newRun();
    await videoResourceProvider.create(declared);
    await expect(videoResourceProvider.create(declared)).rejects.toThrow("another resource of this program already manages that source");
    newRun();
    const again = await videoResourceProvider.create(declared);
    expect((again.outs as VideoResourceOutputs).resourceId).toBe(resourceId);
    expect(live.mutatingCalls()).toEqual([]);
  });
});
