import * as fs from "node:fs";
import * as path from "node:path";
import { stringify } from "yaml";
import { DEMO_ACCOUNT } from "../../emulator";
import { EmulatorFixture, startEmulatorFixture } from "../helpers/emulator-fixture";
import { PulumiStack } from "../helpers/pulumi-stack";

/** One program episode, as DescribeCasterProgram gives it. */
interface ProgramEpisode {
  EpisodeId: string;
  EpisodeName: string;
  EpisodeType: string;
  ResourceId: string;
  StartTime: string;
  EndTime: string;
  ComponentIds: { ComponentId: string[] };
}

/**
 * The studio's schedule through the real engine against the emulator: a studio file with a day's
 * episodes and a carousel group goes up; a time change is one in-place modify; a console deletion
 * is seen by refresh and repaired; the timeline's bad input fails the preview before any call;
 * destroy leaves nothing.
 */
describe("the schedule (episodes and a group) through pulumi up", () => {
  let live: EmulatorFixture;
  let stack: PulumiStack;
  let casterId: string;
  let studioFile: string;

  const sources = {
    RV01: { resourceName: "Main camera", liveStreamUrl: "rtmp://push.example.com/live/main" },
    RV02: { resourceName: "Guest camera", liveStreamUrl: "rtmp://push.example.com/live/guest" },
  };
  const components = {
    RC01: { componentName: "Lower third", componentType: "text", text: { text: "Evening news" }, geometry: { position: [0.05, 0.8], widthNormalized: 0.6, heightNormalized: 0.1 } },
  };
  const episodeGroups = {
    "night-loop": { startTime: "2030-12-24T23:00:00+08:00", repeatNum: -1, items: [{ itemName: "Replay", vodUrl: "https://media.example.com/replay.mp4" }] },
  };
  const episodes = {
    morning: { episodeName: "Morning show", locationId: "RV02", startTime: "2030-12-24T08:00:00+08:00", endTime: "2030-12-24T09:00:00+08:00" },
    news: { episodeName: "Evening news", locationId: "RV01", components: ["RC01"], startTime: "2030-12-24T20:00:00+08:00", endTime: "2030-12-24T21:00:00+08:00" },
    "station-break": { episodeName: "Station break", components: ["RC01"], startTime: "2030-12-24T21:00:00+08:00", endTime: "2030-12-24T21:05:00+08:00" },
  };
  const day = { caster: { config: "casterId" }, timeZone: "Asia/Shanghai", sources, components, episodeGroups, episodes };
  const writeFile = (file: unknown) => fs.writeFileSync(studioFile, stringify(file));

  const program = async (): Promise<ProgramEpisode[]> => ((await live.client.call(
    "DescribeCasterProgram", { CasterId: casterId, PageSize: 100 })) as { Episodes: { Episode: ProgramEpisode[] } }).Episodes.Episode;
  const scheduled = async () => (await program()).filter((episode) => episode.EndTime !== "").map((episode) => `${episode.StartTime}–${episode.EndTime} ${episode.EpisodeName}`);

  beforeAll(async () => {
    live = await startEmulatorFixture();
    casterId = await live.createCaster();
    stack = await PulumiStack.create("schedule", { env: live.env });
    studioFile = path.join(stack.workDir, "studio.yaml");
    await stack.setConfig("layoutFile", studioFile);
    await stack.setConfig("casterId", casterId);
    writeFile(day);
  });
  afterAll(async () => {
    await stack?.remove();
    await live?.close();
  });

  test("a day's schedule goes up: three episodes in UTC, the group, and a second preview changes nothing", async () => {
    const up = await stack.up();
    expect({ code: up.code, output: up.code === 0 ? "" : up.output }).toEqual({ code: 0, output: "" });
    expect(await scheduled()).toEqual([
      "2030-12-24T00:00:00Z–2030-12-24T01:00:00Z Morning show",
      "2030-12-24T12:00:00Z–2030-12-24T13:00:00Z Evening news",
      "2030-12-24T13:00:00Z–2030-12-24T13:05:00Z Station break",
    ]);
    const news = (await program()).find((episode) => episode.EpisodeName === "Evening news")!;
    expect(news.ResourceId).toBe(live.sources(casterId).find((source) => source.locationId === "RV01")?.resourceId);
    expect(news.ComponentIds.ComponentId).toEqual(Object.keys(live.emulator.state().accounts[DEMO_ACCOUNT.uid]!.casters[casterId].components));
    expect(Object.keys(live.emulator.state().accounts[DEMO_ACCOUNT.uid]!.episodeGroups)).toHaveLength(1);
    expect((await stack.preview(["--expect-no-changes"])).code).toBe(0);
    expect(live.undeclaredParameters()).toEqual([]);
    // The provider each resource stores (twice) is one line that requires the package by name.
    const stored = ((await stack.exportState()).deployment.resources ?? [])
      .filter((resource) => resource.type.startsWith("pulumi-nodejs:dynamic/alicloud-caster:"))
      .map((resource) => [resource.inputs?.__provider, resource.outputs?.__provider]);
    expect(stored).toHaveLength(2 + 1 + 1 + 3);
    for (const [input, output] of stored) {
      expect(input).toBe(output);
      expect(input).toMatch(/^module\.exports=require\("pulumi-alicloud-caster\/stored-provider"\)\.[a-z]+$/);
      expect(Buffer.byteLength(String(input))).toBeLessThanOrEqual(200);
    }
  });

  test("moving the news 30 minutes later is one in-place ModifyCasterEpisode", async () => {
    writeFile({ ...day, episodes: { ...episodes, news: { ...episodes.news, startTime: "2030-12-24T20:30:00+08:00", endTime: "2030-12-24T21:00:00+08:00" } } });
    const before = (await program()).find((episode) => episode.EpisodeName === "Evening news")!.EpisodeId;
    live.emulator.clearCalls();
    const up = await stack.up();
    expect({ code: up.code, output: up.code === 0 ? "" : up.output }).toEqual({ code: 0, output: "" });
    expect(live.mutatingCalls()).toEqual(["ModifyCasterEpisode"]);
    const news = (await program()).find((episode) => episode.EpisodeName === "Evening news")!;
    expect({ id: news.EpisodeId, start: news.StartTime }).toEqual({ id: before, start: "2030-12-24T12:30:00Z" });
  });

  test("an episode deleted in the console is seen by refresh and made again", async () => {
    const morning = (await program()).find((episode) => episode.EpisodeName === "Morning show")!;
    await live.client.call("DeleteCasterEpisode", { CasterId: casterId, EpisodeId: morning.EpisodeId });
    const preview = await stack.preview(["--refresh"]);
    expect(preview.code).toBe(0);
    expect(preview.output).toMatch(/\+ .*CasterEpisode: \(create\)[\s\S]*::studio-episode-morning\]/);
    expect(preview.output).toContain("1 to create");
    live.emulator.clearCalls();
    expect((await stack.up(["--refresh"])).code).toBe(0);
    expect(live.mutatingCalls()).toEqual(["AddCasterEpisode"]);
    expect((await scheduled()).filter((line) => line.endsWith("Morning show"))).toEqual(["2030-12-24T00:00:00Z–2030-12-24T01:00:00Z Morning show"]);
  });

  /**
   * Each case: episodes added to the day's, and the error the preview must say (not a warning), at
   * the file's line and column. Each on a day of its own, so that only the overlap case overlaps.
   */
  const BAD_SCHEDULES: [string, Record<string, unknown>, RegExp][] = [
    ["two episodes on air at once", { late: { ...episodes.news, episodeName: "Late news", startTime: "2030-12-24T20:30:00+08:00", endTime: "2030-12-24T20:45:00+08:00" } },
      /studio\.yaml:\d+:\d+ episodes\.late\.startTime: (?!warning: )[^\n]*overlaps episode "news"/],
    ["an end before its start", { reversed: { ...episodes.news, startTime: "2030-12-25T21:00:00+08:00", endTime: "2030-12-25T20:00:00+08:00" } },
      /studio\.yaml:\d+:\d+ episodes\.reversed\.endTime: the episode ends at 2030-12-25 20:00 Asia\/Shanghai \(12:00 UTC\), before it starts/],
    ["a source the file does not declare", { elsewhere: { ...episodes.news, locationId: "RV07", startTime: "2030-12-26T20:00:00+08:00", endTime: "2030-12-26T21:00:00+08:00" } },
      /studio\.yaml:\d+:\d+ episodes\.elsewhere\.locationId: (?!warning: )[^\n]*"RV07" is not a source of this file/],
    ["a time without a zone", { zoneless: { ...episodes.news, startTime: "2030-12-27T20:00:00", endTime: "2030-12-27T21:00:00+08:00" } },
      /studio\.yaml:\d+:\d+ episodes\.zoneless\.startTime: (?!warning: )[^\n]*"2030-12-27T20:00:00"[^\n]*zone/],
    ["a date that does not exist", { february30: { ...episodes.news, startTime: "2030-02-30T20:00:00+08:00", endTime: "2030-02-30T21:00:00+08:00" } },
      /studio\.yaml:\d+:\d+ episodes\.february30\.startTime: (?!warning: )[^\n]*February 2030 has 28 days/],
  ];

  // The file's checks say every problem in one run, so one preview holds every case, each said once.
  test("a file with every bad schedule of the table fails one preview, each at its place in the file and said once, with no API call", async () => {
    writeFile({ ...day, episodes: Object.assign({ ...episodes }, ...BAD_SCHEDULES.map(([, added]) => added)) });
    live.emulator.clearCalls();
    const preview = await stack.preview();
    expect(preview.code).not.toBe(0);
    const times = (pattern: RegExp) => (preview.output.match(new RegExp(pattern.source, `${pattern.flags}g`)) ?? []).length;
    expect(Object.fromEntries(BAD_SCHEDULES.map(([description, , says]) => [description, times(says)])))
      .toEqual(Object.fromEntries(BAD_SCHEDULES.map(([description]) => [description, 1])));
    // The one overlap, said at one of its two episodes; the date that does not exist, at both of its times.
    expect(times(/overlaps episode/)).toBe(1);
    expect(preview.output).toContain("the studio file has 6 problems:");
    expect(preview.output).not.toMatch(/\n\s+at .*\(/);
    expect(live.emulator.calls()).toEqual([]);
  });

  test("destroy leaves no episode, group, component or source", async () => {
    writeFile(day);
    const destroy = await stack.destroy();
    expect(destroy.code).toBe(0);
    expect(await program()).toEqual([]);
    const account = live.emulator.state().accounts[DEMO_ACCOUNT.uid]!;
    expect(Object.keys(account.episodeGroups)).toEqual([]);
    expect(Object.keys(account.casters[casterId].components)).toEqual([]);
    expect(live.sources(casterId)).toEqual([]);
  });
});
