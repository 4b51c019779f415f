import { readFileSync } from "node:fs";
import { join } from "node:path";
import { diffStudioFiles, formatChanges, LayoutChange } from "./diff";
import { parseLayout } from "./load";
import { FileEpisode, StudioFileDefinition } from "./schema";

/** The schedule's changes in words: episodes by name, in the order they start, in the file's zone and UTC. */

const FIXTURE = readFileSync(join(__dirname, "test-fixtures", "schedule.yaml"), "utf8");
const schedule = (): StudioFileDefinition => {
  const loaded = parseLayout(FIXTURE, "schedule.yaml", { now: Date.parse("2030-12-23T00:00:00Z") });
  if (!loaded.layout) throw new Error(loaded.problems.map((problem) => problem.message).join("\n"));
  return loaded.layout;
};

/** The fixture with its episodes changed by `edit` (a copy: the fixture is read afresh). */
function edited(edit: (episodes: Record<string, FileEpisode>, file: StudioFileDefinition) => void): StudioFileDefinition {
  const file = schedule();
  edit(file.episodes as Record<string, FileEpisode>, file);
  return file;
}

function onlyChange(before: StudioFileDefinition, after: StudioFileDefinition): LayoutChange {
  const changes = diffStudioFiles(before, after);
  expect(changes).toHaveLength(1);
  return changes[0];
}

const at = (time: string) => `2030-12-24T${time}:00+08:00`;

describe("diffStudioFiles: the schedule", () => {
  test("no change between the schedule and itself, or written in another zone, or with another timeZone to read it in", () => {
    expect(diffStudioFiles(schedule(), schedule())).toEqual([]);
    const sameTimes = edited((episodes, file) => {
      episodes["evening-news"] = { ...episodes["evening-news"], startTime: "2030-12-24T11:00:00Z", endTime: "2030-12-24T12:00:00Z", switchType: "TimeFirst" };
      file.timeZone = "Europe/Berlin";
    });
    expect(diffStudioFiles(schedule(), sameTimes)).toEqual([]);
  });

  test("another source: what is on air now, at its times in the zone and in UTC", () => {
    const change = onlyChange(schedule(), edited((episodes) => { episodes["evening-news"].locationId = "RV04"; }));
    expect(change).toEqual({
      subject: "episode evening-news",
      action: "update",
      summary: 'Episode "evening-news" (2030-12-24 19:00–20:00 Asia/Shanghai, 11:00–12:00 UTC) now shows Guest camera (RV04) instead of Main camera (RV01).',
      details: [],
    });
  });

  test("moved: later or earlier by how much, with the new times", () => {
    const later = onlyChange(schedule(), edited((episodes) => Object.assign(episodes.interview, { startTime: at("20:30"), endTime: at("22:00") })));
    expect(later).toMatchObject({
      subject: "episode interview",
      action: "update",
      summary: 'Episode "interview" moves 30 minutes later (2030-12-24 20:30–22:00 Asia/Shanghai, 12:30–14:00 UTC).',
      details: ["Before: 2030-12-24 20:00–21:30 Asia/Shanghai, 12:00–13:30 UTC."],
    });
    const earlier = onlyChange(schedule(), edited((episodes) => Object.assign(episodes["morning-reel"], { startTime: at("06:45"), endTime: at("07:15") })));
    expect(earlier.summary).toBe('Episode "morning-reel" moves 1 hour 15 minutes earlier (2030-12-24 06:45–07:15 Asia/Shanghai, 2030-12-23 22:45–23:15 UTC).');
  });

  test("longer or shorter, and both: how much, with the new times", () => {
    const longer = onlyChange(schedule(), edited((episodes) => { episodes["evening-news"].endTime = at("20:15"); }));
    expect(longer.summary).toBe('Episode "evening-news" is longer by 15 minutes (2030-12-24 19:00–20:15 Asia/Shanghai, 11:00–12:15 UTC).');
    const shorter = onlyChange(schedule(), edited((episodes) => { episodes.interview.endTime = at("21:00"); }));
    expect(shorter.summary).toBe('Episode "interview" is shorter by 30 minutes (2030-12-24 20:00–21:00 Asia/Shanghai, 12:00–13:00 UTC).');
    const both = onlyChange(schedule(), edited((episodes) => Object.assign(episodes["station-ident"], { startTime: at("22:00"), endTime: at("22:45") })));
    expect(both.summary).toBe('Episode "station-ident" starts 30 minutes later and is longer by 15 minutes (2030-12-24 22:00–22:45 Asia/Shanghai, 14:00–14:45 UTC).');
  });

  test("components shown, and hidden, and reordered, by position and name", () => {
    const change = onlyChange(schedule(), edited((episodes) => { episodes["evening-news"].components = ["RC02"]; }));
    expect(change.summary).toBe('Episode "evening-news" (2030-12-24 19:00–20:00 Asia/Shanghai, 11:00–12:00 UTC) no longer shows RC01 "Lower third".');
    expect(onlyChange(schedule(), edited((episodes) => { episodes.interview.components = ["RC01", "RC02"]; })).summary)
      .toBe('Episode "interview" (2030-12-24 20:00–21:30 Asia/Shanghai, 12:00–13:30 UTC) now also shows RC02 "Logo".');
    expect(onlyChange(schedule(), edited((episodes) => { episodes["evening-news"].components = ["RC02", "RC01"]; })).summary)
      .toContain("shows its components in another order, bottom to top: RC02, RC01 (was RC01, RC02)");
  });

  test("several changes at once: modified in place, one sentence each", () => {
    const change = onlyChange(schedule(), edited((episodes) => {
      Object.assign(episodes["morning-reel"], { endTime: at("08:45"), switchType: undefined, episodeName: "Breakfast reel" });
    }));
    expect(change).toEqual({
      subject: "episode morning-reel",
      action: "update",
      summary: 'Episode "morning-reel" (2030-12-24 08:00–08:45 Asia/Shanghai, 00:00–00:45 UTC) is modified in place (3 changes).',
      details: [
        "Is longer by 15 minutes (2030-12-24 08:00–08:45 Asia/Shanghai, 00:00–00:45 UTC).",
        "Now switches at its end time (TimeFirst), instead of letting the source's content finish.",
        'Is renamed "Breakfast reel" in the schedule (was "Morning reel").',
        "Before: 2030-12-24 08:00–08:30 Asia/Shanghai, 00:00–00:30 UTC.",
      ],
    });
  });

  test("a new episode, and one removed, say what they show and when", () => {
    const changes = diffStudioFiles(schedule(), edited((episodes) => {
      delete episodes.interview;
      episodes["late-show"] = { episodeName: "Late show", locationId: "RV01", startTime: at("23:00"), endTime: at("23:30") };
    }));
    expect(changes).toEqual([
      {
        subject: "episode interview",
        action: "remove",
        summary: 'Episode "interview" is removed (2030-12-24 20:00–21:30 Asia/Shanghai, 12:00–13:30 UTC): it showed Guest camera (RV04) with RC01 "Lower third" over it.',
        details: [],
      },
      {
        subject: "episode late-show",
        action: "add",
        summary: 'New episode "late-show" (2030-12-24 23:00–23:30 Asia/Shanghai, 15:00–15:30 UTC) shows Main camera (RV01).',
        details: ['Its name in the schedule: "Late show".'],
      },
    ]);
  });

  test("a new schedule reads as every episode added, in the order they start, with what each shows", () => {
    const text = formatChanges(diffStudioFiles({}, schedule()));
    const episodes = text.split("\n").filter((line) => line.startsWith("- New episode"));
    expect(episodes).toEqual([
      '- New episode "morning-reel" (2030-12-24 08:00–08:30 Asia/Shanghai, 00:00–00:30 UTC) shows Intro reel (RV02).',
      '- New episode "evening-news" (2030-12-24 19:00–20:00 Asia/Shanghai, 11:00–12:00 UTC) shows Main camera (RV01) with RC01 "Lower third" and RC02 "Logo" over it (bottom to top).',
      '- New episode "interview" (2030-12-24 20:00–21:30 Asia/Shanghai, 12:00–13:30 UTC) shows Guest camera (RV04) with RC01 "Lower third" over it.',
      '- New episode "station-ident" (2030-12-24 21:30–22:00 Asia/Shanghai, 13:30–14:00 UTC) shows RC02 "Logo" alone (no source).',
    ]);
    expect(text).toContain("  - At its end it lets the source's content finish before the studio switches on (ContentFirst).");
    // The group's start in the file's zone too.
    expect(text).toContain('- Episode group "night-loop" added: 2 items from 2030-12-24 23:00 Asia/Shanghai (15:00 UTC), looping.');
    // A file with only episodes is not nothing: removing all of it says so.
    expect(diffStudioFiles({ episodes: schedule().episodes, components: schedule().components, sources: schedule().sources }, {})
      .filter((change) => change.action === "remove" && change.subject.startsWith("episode "))).toHaveLength(4);
  });

  test("a change of type replaces the episode: the API cannot change it", () => {
    const change = onlyChange(schedule(), edited((episodes) => { episodes["station-ident"] = { ...episodes["station-ident"], locationId: "RV02" }; }));
    expect(change).toEqual({
      subject: "episode station-ident",
      action: "replace",
      summary: 'Episode "station-ident" (2030-12-24 21:30–22:00 Asia/Shanghai, 13:30–14:00 UTC) is replaced because it now shows Intro reel (RV02) with RC02 "Logo" over it instead of RC02 "Logo" alone (no source): the API cannot change an episode\'s type (a source, or components alone).',
      details: [],
    });
  });

  test("a rename with the same content is one replacement, not a removal and an addition", () => {
    const change = onlyChange(schedule(), edited((episodes) => {
      episodes.news = episodes["evening-news"];
      delete episodes["evening-news"];
    }));
    expect(change).toMatchObject({ subject: "episode news", from: "episode evening-news", action: "replace" });
    expect(change.summary).toBe('Episode "evening-news" is renamed to "news", with the same source, components and times (2030-12-24 19:00–20:00 Asia/Shanghai, 11:00–12:00 UTC): it is made again under its new name, and the old one deleted.');
  });

  test("an episode follows its source to a new position, and is set again when its source or component is replaced", () => {
    const moved = diffStudioFiles(schedule(), edited((episodes, file) => {
      file.sources = { ...file.sources, RV05: file.sources!.RV02 };
      delete file.sources!.RV02;
      episodes["morning-reel"].locationId = "RV05";
    }));
    expect(moved.map((change) => change.summary)).toEqual([
      '"Intro reel" moves from RV02 to RV05 (removed at RV02 and added at RV05).',
      'Episode "morning-reel" (2030-12-24 08:00–08:30 Asia/Shanghai, 00:00–00:30 UTC) follows Intro reel to its new position RV05 (was RV02).',
    ]);
    const replaced = diffStudioFiles(schedule(), edited((_episodes, file) => {
      // A new fixed delay makes a new source (the kind's spec), with a new ID.
      file.sources!.RV01 = { ...file.sources!.RV01, fixedDelayDuration: 500 };
      file.components!.RC02 = { ...file.components!.RC02, layerOrder: "background" };
    }));
    expect(replaced.filter((change) => change.subject.startsWith("episode ")).map((change) => [change.action, change.summary])).toEqual([
      ["update", 'Episode "evening-news" (2030-12-24 19:00–20:00 Asia/Shanghai, 11:00–12:00 UTC) is set again, to show the new Main camera (RV01) and the new RC02 "Logo" (replaced), at the same times.'],
      ["update", 'Episode "station-ident" (2030-12-24 21:30–22:00 Asia/Shanghai, 13:30–14:00 UTC) is set again, to show the new RC02 "Logo" (replaced), at the same times.'],
    ]);
  });

  test("without a timeZone, times in UTC only", () => {
    const before = edited((_episodes, file) => { delete file.timeZone; });
    const after = edited((episodes, file) => {
      delete file.timeZone;
      episodes["evening-news"].locationId = "RV04";
    });
    expect(onlyChange(before, after).summary).toBe('Episode "evening-news" (2030-12-24 11:00–12:00 UTC) now shows Guest camera (RV04) instead of Main camera (RV01).');
  });

  test("when everything moves to another studio, episodes are made again there", () => {
    const after = edited((episodes, file) => {
      file.caster = { casterId: "LIVEPRODUCER_POST-cn-0pp1czt1234" };
      episodes.interview.endTime = at("22:00");
    });
    const changes = diffStudioFiles(schedule(), after);
    expect(changes[0].details).toContain("Its episodes are made again there too; the API refuses to add one that has started already.");
    expect(changes.find((change) => change.subject === "episode interview")).toMatchObject({
      action: "replace",
      summary: 'Episode "interview" (2030-12-24 20:00–22:00 Asia/Shanghai, 12:00–14:00 UTC) is made again on the new studio, and is longer by 30 minutes.',
    });
  });
});
