import { readFileSync } from "node:fs";
import { join } from "node:path";
import { MIN_EPISODE_LEAD_SECONDS } from "../model/api-facts";
import { checkLayoutObject, formatProblem, LayoutProblem, loadLayout, parseLayout, readLayoutFile } from "./load";
import { checkLayout, findLayoutProblems } from "./validate";

/**
 * The schedule (`episodes`, `timeZone`): each episode checked as the CasterEpisode kind checks
 * its inputs, in the file's terms, then one timeline across the file, with `now` given so that
 * every result is the same on any day.
 */

const FIXTURE = join(__dirname, "test-fixtures", "schedule.yaml");
const SCHEDULE = readFileSync(FIXTURE, "utf8");
/** A day before the fixture's schedule (2030-12-24 in Asia/Shanghai). */
const DAY_BEFORE = Date.parse("2030-12-23T00:00:00Z");

const lines = (...text: string[]) => `${text.join("\n")}\n`;
const problemsOf = (text: string, now = DAY_BEFORE) => parseLayout(text, "studio.yaml", { now }).problems.map(formatProblem);
const warningsOf = (text: string, now = DAY_BEFORE) => parseLayout(text, "studio.yaml", { now }).warnings.map(formatProblem);

const HEAD = [
  "caster: { config: casterId }",
  "timeZone: Asia/Shanghai",
  "sources:",
  "  RV01: { resourceName: Main camera, liveStreamUrl: 'rtmp://push.example.com/live/main' }",
  "  RV02: { resourceName: Intro reel, vodUrl: 'https://media.example.com/reels/intro.mp4' }",
  "components:",
  "  RC01: { componentName: Lower third, componentType: text, geometry: { position: [0, 0] }, text: { text: Live } }",
  "episodes:",
];
/** An episode line of the file: `name: { ... }` with the times of that day in Shanghai. */
const episode = (name: string, from: string, to: string, rest = "locationId: RV02") =>
  `  ${name}: { episodeName: ${name}, ${rest}, startTime: "2030-12-24T${from}:00+08:00", endTime: "2030-12-24T${to}:00+08:00" }`;

describe("the schedule's episodes, each checked as the CasterEpisode kind checks its inputs", () => {
  test("the fixture's day is valid, with no warning, and comes back as written", () => {
    const loaded = parseLayout(SCHEDULE, "schedule.yaml", { now: DAY_BEFORE });
    expect(loaded.problems).toEqual([]);
    expect(loaded.warnings).toEqual([]);
    expect(loaded.layout?.timeZone).toBe("Asia/Shanghai");
    expect(loaded.layout?.episodes?.["evening-news"]).toEqual({
      episodeName: "Evening news",
      locationId: "RV01",
      components: ["RC01", "RC02"],
      startTime: "2030-12-24T19:00:00+08:00",
      endTime: "2030-12-24T20:00:00+08:00",
    });
  });

  test("the kind's rules, in the file's terms: locationId and components (positions), not resourceId and componentIds (IDs)", () => {
    expect(problemsOf(lines(
      ...HEAD,
      episode("no-source", "08:00", "09:00", "episodeType: Resource"),
      episode("both", "09:00", "10:00", "episodeType: Component, locationId: RV02, components: [RC01]"),
      episode("nothing", "10:00", "11:00", "episodeType: Component"),
      episode("twice", "11:00", "12:00", "locationId: RV02, components: [RC01, RC01]"),
      episode("waits", "12:00", "13:00", "components: [RC01], switchType: ContentFirst"),
      episode("ids", "13:00", "14:00", "locationId: RV02, resourceId: abc, componentIds: [x]"),
    ))).toEqual([
      "studio.yaml:9:3 episodes.no-source.locationId: a Resource episode switches to a video source: give locationId, the position of one of this file's sources (RV01 to RV99).",
      "studio.yaml:10:66 episodes.both.locationId: a Component episode shows components only: remove the source, or use episodeType Resource.",
      "studio.yaml:11:3 episodes.nothing.components: a Component episode shows components: give components (at least one), or switch to a source with episodeType Resource.",
      'studio.yaml:12:69 episodes.twice.components[1]: components[1] and components[0] are both "RC01": a component is shown once; remove one.',
      "studio.yaml:13:64 episodes.waits.switchType: switchType ContentFirst waits for a source's content to finish, and a Component episode has no source: use TimeFirst, or leave switchType out.",
      'studio.yaml:14:46 episodes.ids.resourceId: resourceId "abc" is given, but resourceId is not a property of an episode; remove it, or use one of episodeName, episodeType, locationId, startTime, endTime, switchType, components.',
      'studio.yaml:14:63 episodes.ids.componentIds: componentIds ["x"] is given, but componentIds is not a property of an episode; remove it, or use one of episodeName, episodeType, locationId, startTime, endTime, switchType, components.',
    ]);
  });

  test("a key of the wrong form, an entry left empty, a section of the wrong shape", () => {
    expect(problemsOf(lines(...HEAD, episode("Evening", "08:00", "09:00"), "  empty:"))).toEqual([
      'studio.yaml:9:3 episodes.Evening: "Evening" is not allowed as a key of episodes: use 1 to 40 lower-case letters, digits and hyphens, starting and ending with a letter or digit, e.g. evening-news.',
      "studio.yaml:10:3 episodes.empty: episodes.empty is empty: give it episodeName, startTime, endTime and its source (locationId) or components, or remove it.",
    ]);
    expect(problemsOf(lines("episodes: [news]"))).toEqual([
      "studio.yaml:1:11 episodes: episodes is a mapping keyed by episode name (evening-news: { episodeName, locationId, startTime, endTime }), got a list.",
    ]);
  });

  test("a time without its zone, or on a day that does not exist, is refused at its line and column", () => {
    expect(problemsOf(lines(
      ...HEAD,
      '  late: { episodeName: Late, locationId: RV02, startTime: "2030-12-24T18:00:00", endTime: 2031-02-29T19:00:00Z }',
      "  later: { episodeName: Later, locationId: RV02, startTime: 2031-01-01T24:00:00Z, endTime: tomorrow }",
    ))).toEqual([
      'studio.yaml:9:59 episodes.late.startTime: startTime "2030-12-24T18:00:00" is not allowed: use an ISO 8601 time with its zone, e.g. 2026-12-24T20:00:00Z or 2026-12-25T04:00:00+08:00 (or pass a Date).',
      'studio.yaml:9:91 episodes.late.endTime: endTime "2031-02-29T19:00:00Z" is not allowed: February 2031 has 28 days, so day 29 does not exist; use an ISO 8601 time with its zone, e.g. 2026-12-24T20:00:00Z or 2026-12-25T04:00:00+08:00 (or pass a Date).',
      'studio.yaml:10:61 episodes.later.startTime: startTime "2031-01-01T24:00:00Z" is not allowed: hour 24 does not exist (hours run from 00 to 23; midnight is 00:00 of the next day); use an ISO 8601 time with its zone, e.g. 2026-12-24T20:00:00Z or 2026-12-25T04:00:00+08:00 (or pass a Date).',
      'studio.yaml:10:92 episodes.later.endTime: endTime "tomorrow" is not allowed: use an ISO 8601 time with its zone, e.g. 2026-12-24T20:00:00Z or 2026-12-25T04:00:00+08:00 (or pass a Date).',
    ]);
  });

  test("timeZone is an IANA zone; a wrong one is refused, and the times are then given in UTC only", () => {
    const text = lines(...HEAD, episode("backwards", "14:00", "13:30")).replace("Asia/Shanghai", "Asia/Shanghia");
    expect(problemsOf(text)).toEqual([
      'studio.yaml:2:11 timeZone: timeZone "Asia/Shanghia" is not allowed: use an IANA time zone such as Asia/Shanghai, Europe/Berlin or UTC.',
      "studio.yaml:9:107 episodes.backwards.endTime: the episode ends at 2030-12-24 05:30 UTC, before it starts, at 2030-12-24 06:00 UTC: an episode ends after it starts; move endTime later or startTime earlier.",
    ]);
    expect(problemsOf(lines("timeZone: 8"))).toEqual(['studio.yaml:1:11 timeZone: timeZone must be a string, got number 8: use a string. In YAML, quote it: "8".']);
  });
});

describe("one timeline across the file, before anything is applied", () => {
  test("an end before or at its start, with both times in the file's zone and in UTC", () => {
    expect(problemsOf(lines(...HEAD, episode("backwards", "14:00", "13:30"), episode("instant", "15:00", "15:00")))).toEqual([
      "studio.yaml:9:107 episodes.backwards.endTime: the episode ends at 2030-12-24 13:30 Asia/Shanghai (05:30 UTC), before it starts, at 2030-12-24 14:00 Asia/Shanghai (06:00 UTC): an episode ends after it starts; move endTime later or startTime earlier.",
      "studio.yaml:10:103 episodes.instant.endTime: the episode ends at 2030-12-24 15:00 Asia/Shanghai (07:00 UTC), the moment it starts: an episode ends after it starts; move endTime later or startTime earlier.",
    ]);
  });

  test("two episodes on air at once: both named with their times, once per pair, at the later one's start", () => {
    expect(problemsOf(lines(
      ...HEAD,
      episode("news", "20:00", "21:00"),
      episode("talk", "20:30", "21:30"),
      episode("late", "21:30", "23:30"),
      // Within late, starting on the next day in UTC: the UTC times say their own date.
      episode("night", "23:00", "23:45"),
    ))).toEqual([
      'studio.yaml:10:59 episodes.talk.startTime: episode "talk", 2030-12-24 20:30–21:30 Asia/Shanghai (12:30–13:30 UTC), overlaps episode "news", 2030-12-24 20:00–21:00 Asia/Shanghai (12:00–13:00 UTC): the studio is on one episode at a time; start "talk" at 2030-12-24 21:00 Asia/Shanghai (13:00 UTC) or later, or end "news" by 2030-12-24 20:30 Asia/Shanghai (12:30 UTC).',
      'studio.yaml:12:61 episodes.night.startTime: episode "night", 2030-12-24 23:00–23:45 Asia/Shanghai (15:00–15:45 UTC), overlaps episode "late", 2030-12-24 21:30–23:30 Asia/Shanghai (13:30–15:30 UTC): the studio is on one episode at a time; start "night" at 2030-12-24 23:30 Asia/Shanghai (15:30 UTC) or later, or end "late" by 2030-12-24 23:00 Asia/Shanghai (15:00 UTC).',
    ]);
    // Back to back is no overlap; nor is a group of episodes listed out of order.
    expect(problemsOf(lines(...HEAD, episode("late", "21:00", "22:00"), episode("news", "20:00", "21:00")))).toEqual([]);
  });

  test("a date the zone and UTC disagree on is given in both", () => {
    const text = lines(...HEAD, episode("early", "06:00", "07:00"), episode("earlier", "06:30", "07:30"));
    expect(problemsOf(text)[0]).toContain('episode "earlier", 2030-12-24 06:30–07:30 Asia/Shanghai (2030-12-23 22:30–23:30 UTC), overlaps episode "early", 2030-12-24 06:00–07:00 Asia/Shanghai (2030-12-23 22:00–23:00 UTC)');
    // Without a timeZone, UTC alone.
    expect(problemsOf(text.replace("timeZone: Asia/Shanghai\n", ""))[0]).toContain('episode "earlier", 2030-12-23 22:30–23:30 UTC, overlaps episode "early", 2030-12-23 22:00–23:00 UTC');
  });

  test("a source or a component that is not the file's", () => {
    expect(problemsOf(lines(...HEAD, episode("nowhere", "17:00", "18:00", "locationId: RV09, components: [RC01, RC07]")))).toEqual([
      'studio.yaml:9:48 episodes.nowhere.locationId: locationId "RV09" is not a source of this file: an episode switches the studio to one of its sources; add sources.RV09, or use one of RV01, RV02.',
      'studio.yaml:9:73 episodes.nowhere.components[1]: components[1] "RC07" is not a component of this file: an episode shows the studio\'s components; add components.RC07, or use RC01.',
    ]);
  });

  test("a live stream has no end to wait for: ContentFirst is refused for one, allowed for a file", () => {
    expect(problemsOf(lines(...HEAD, episode("live", "18:00", "19:00", "locationId: RV01, switchType: ContentFirst"), episode("reel", "19:00", "19:30", "locationId: RV02, switchType: ContentFirst")))).toEqual([
      'studio.yaml:9:60 episodes.live.switchType: switchType "ContentFirst" waits for the source\'s content to end, but episode "live", 2030-12-24 18:00–19:00 Asia/Shanghai (10:00–11:00 UTC), shows RV01 "Main camera", a live stream, which has no end: use TimeFirst, or leave switchType out.',
    ]);
    // A live stream from the stack's secrets is a live stream still.
    const secret = lines(...HEAD, episode("live", "18:00", "19:00", "locationId: RV01, switchType: ContentFirst"))
      .replace("liveStreamUrl: 'rtmp://push.example.com/live/main'", "liveStreamUrl: { secret: mainCameraUrl }");
    expect(problemsOf(secret)).toHaveLength(1);
  });

  test(`a start within ${MIN_EPISODE_LEAD_SECONDS} s of now is a warning: a new or moved episode would be reached too late, a made one is fine`, () => {
    const start = Date.parse("2030-12-24T20:00:00+08:00");
    const text = lines(...HEAD, episode("news", "20:00", "21:00"));
    expect(problemsOf(text, start - 40_000)).toEqual([]);
    expect(warningsOf(text, start - 40_000)).toEqual([
      'studio.yaml:9:59 episodes.news.startTime: warning: episode "news" starts in 40 s, at 2030-12-24 20:00 Asia/Shanghai (12:00 UTC); if it is new or moved, by the time `pulumi up` reaches it, it will have started and the API refuses it: move it later, at least 60 s from when `pulumi up` runs.',
    ]);
    expect(warningsOf(text, start)[0]).toContain('episode "news" starts now, at 2030-12-24 20:00 Asia/Shanghai (12:00 UTC)');
    // The margin exactly, or more, is enough.
    expect(warningsOf(text, start - MIN_EPISODE_LEAD_SECONDS * 1000)).toEqual([]);
  });

  test("a start in the past is a warning, not a failure: the file loads, and the warning says what happens", () => {
    const text = lines(...HEAD, episode("news", "20:00", "21:00"), episode("late", "22:00", "23:00"));
    const during = Date.parse("2030-12-24T20:30:00+08:00");
    const loaded = parseLayout(text, "studio.yaml", { now: during });
    expect(loaded.problems).toEqual([]);
    expect(loaded.layout?.episodes?.news.startTime).toBe("2030-12-24T20:00:00+08:00");
    expect(loaded.warnings.map(formatProblem)).toEqual([
      "studio.yaml:9:59 episodes.news.startTime: warning: episode \"news\" started at 2030-12-24 20:00 Asia/Shanghai (12:00 UTC) and is on air until 2030-12-24 21:00 Asia/Shanghai (13:00 UTC); it is now 2030-12-24 20:30 Asia/Shanghai (12:30 UTC). An episode already made stays as it is, but the API refuses to add one that starts in the past: if this one is new, `pulumi up` fails on it; move it later.",
    ]);
    expect(loaded.warnings[0].severity).toBe("warning");
    const after = warningsOf(text, Date.parse("2030-12-25T00:00:00+08:00"));
    expect(after).toHaveLength(2);
    expect(after[1]).toContain("episode \"late\" started at 2030-12-24 22:00 Asia/Shanghai (14:00 UTC) and ended at 2030-12-24 23:00 Asia/Shanghai (15:00 UTC); it is now 2030-12-25 00:00 Asia/Shanghai (2030-12-24 16:00 UTC).");
    expect(after[1]).toMatch(/move it later, or remove it \(it has been played\)\.$/);
  });

  test("a carousel starting while an episode is on air is a warning on the episode", () => {
    const text = lines(
      ...HEAD,
      episode("news", "19:30", "20:30"),
      episode("late", "20:30", "21:00"),
      "episodeGroups:",
      "  evening-loop:",
      '    startTime: "2030-12-24T20:00:00+08:00"',
      "    items: [{ itemName: Opening, vodUrl: 'https://media.example.com/loop/opening.mp4' }]",
      "  after-late:",
      '    startTime: "2030-12-24T21:00:00+08:00"',
      "    items: [{ itemName: Close, vodUrl: 'https://media.example.com/loop/close.mp4' }]",
    );
    expect(problemsOf(text)).toEqual([]);
    // after-late starts as late ends: no overlap.
    expect(warningsOf(text)).toEqual([
      'studio.yaml:9:3 episodes.news: warning: episode "news", 2030-12-24 19:30–20:30 Asia/Shanghai (11:30–12:30 UTC), is on air when episode group "evening-loop" starts, at 2030-12-24 20:00 Asia/Shanghai (12:00 UTC): the carousel and the episode would both switch the studio; end the episode by 2030-12-24 20:00 Asia/Shanghai (12:00 UTC), or move the group\'s startTime out of it.',
    ]);
  });

  test("warnings come with the problems of a file that has some, each list in file order", () => {
    const loaded = parseLayout(lines(...HEAD, episode("old", "08:00", "09:00"), episode("bad", "10:00", "11:00", "locationId: RV09")), "studio.yaml", { now: Date.parse("2030-12-24T12:00:00+08:00") });
    expect(loaded.layout).toBeUndefined();
    expect(loaded.problems.map((problem) => problem.property)).toEqual(["episodes.bad.locationId"]);
    expect(loaded.warnings.map((warning) => warning.property)).toEqual(["episodes.old.startTime", "episodes.bad.startTime"]);
  });

  test("now defaults to the clock: a start long past warns, one far ahead does not", () => {
    const text = lines(...HEAD, '  old: { episodeName: Old, locationId: RV02, startTime: "2020-01-01T20:00:00+08:00", endTime: "2020-01-01T21:00:00+08:00" }');
    expect(parseLayout(text, "studio.yaml").warnings).toHaveLength(1);
    expect(parseLayout(text.replace(/2020-01-01/g, "2999-01-01"), "studio.yaml").warnings).toEqual([]);
  });
});

describe("the schedule through the other entry points", () => {
  test("checkLayout gives problems and warnings; findLayoutProblems the problems only, as before", () => {
    const file = {
      episodes: {
        news: { episodeName: "News", components: ["RC01"], startTime: "2030-12-24T20:00:00Z", endTime: "2030-12-24T21:00:00Z" },
        old: { episodeName: "Old", components: ["RC01"], startTime: "2030-12-23T20:00:00Z", endTime: "2030-12-23T21:00:00Z" },
      },
      components: { RC01: { componentType: "text", geometry: { position: [0, 0] }, text: { text: "Live" } } },
    };
    const now = Date.parse("2030-12-24T00:00:00Z");
    const checked = checkLayout(file, { now });
    expect(checked.problems).toEqual([]);
    expect(checked.warnings.map((warning) => warning.path)).toEqual([["episodes", "old", "startTime"]]);
    expect(findLayoutProblems(file, { now })).toEqual([]);
  });

  test("an object given by a program: Dates are times, values still to come are left to the resource", () => {
    const pending = { __pulumiOutput: true };
    const file = {
      sources: { RV01: { resourceName: "Cam", liveStreamUrl: "rtmp://push.example.com/live/cam" } },
      episodes: {
        news: { episodeName: "News", locationId: "RV01", startTime: new Date("2030-12-24T20:00:00Z"), endTime: new Date("2030-12-24T21:00:00Z") },
        later: { episodeName: "Later", locationId: "RV01", startTime: pending, endTime: new Date("2030-12-24T22:00:00Z") },
        clash: { episodeName: "Clash", locationId: "RV01", startTime: new Date("2030-12-24T20:30:00Z"), endTime: new Date("2030-12-24T20:45:00Z") },
      },
    };
    expect(checkLayoutObject(file, "layout", { now: DAY_BEFORE }).problems.map(formatProblem)).toEqual([
      'layout episodes.clash.startTime: episode "clash", 2030-12-24 20:30–20:45 UTC, overlaps episode "news", 2030-12-24 20:00–21:00 UTC: the studio is on one episode at a time; start "clash" at 2030-12-24 21:00 UTC or later, or end "news" by 2030-12-24 20:30 UTC.',
    ]);
  });

  test("loadLayout keeps its API: the layout, or a LayoutError; warnings go to onWarning", () => {
    const warnings: LayoutProblem[] = [];
    const during = Date.parse("2030-12-24T19:30:00+08:00");
    const layout = loadLayout(FIXTURE, "layout", { now: during, onWarning: (warning) => warnings.push(warning) });
    expect(Object.keys(layout.episodes ?? {})).toEqual(["morning-reel", "evening-news", "interview", "station-ident"]);
    expect(warnings.map(formatProblem)).toEqual([
      expect.stringMatching(/schedule\.yaml:31:16 episodes\.morning-reel\.startTime: warning: episode "morning-reel" started at 2030-12-24 08:00 Asia\/Shanghai \(00:00 UTC\) and ended at /),
      expect.stringMatching(/schedule\.yaml:38:16 episodes\.evening-news\.startTime: warning: episode "evening-news" started at 2030-12-24 19:00 Asia\/Shanghai \(11:00 UTC\) and is on air until /),
    ]);
    // Without onWarning, as before: the layout alone.
    expect(loadLayout(FIXTURE, "layout", { now: during })).toEqual(layout);
    // Too close to now is a warning too, reported with its place; the layout loads.
    const close: LayoutProblem[] = [];
    expect(loadLayout(FIXTURE, "layout", { now: Date.parse("2030-12-24T18:59:30+08:00"), onWarning: (warning) => close.push(warning) })).toEqual(layout);
    expect(close.map(formatProblem)).toEqual([
      expect.stringMatching(/schedule\.yaml:31:16 episodes\.morning-reel\.startTime: warning: episode "morning-reel" started at .* and ended at /),
      expect.stringMatching(/schedule\.yaml:38:16 episodes\.evening-news\.startTime: warning: episode "evening-news" starts in 30 s/),
    ]);
  });

  test("readLayoutFile takes now too; a missing file has no warnings", () => {
    expect(readLayoutFile(FIXTURE, { now: DAY_BEFORE })).toMatchObject({ problems: [], warnings: [] });
    expect(readLayoutFile("/nonexistent/studio.yaml")).toMatchObject({ warnings: [] });
  });
});
