import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseLayout } from "./load";
import { renderHtml, renderSvg } from "./render";
import { StudioFileDefinition } from "./schema";

/**
 * The schedule in the picture: episodes as bars from their start to their end and groups as a
 * marker at their start, on one time axis labelled in UTC and in the zone of the reader's choice.
 */

const FIXTURE = readFileSync(join(__dirname, "test-fixtures", "schedule.yaml"), "utf8");
const file = (): StudioFileDefinition => {
  const loaded = parseLayout(FIXTURE, "schedule.yaml", { now: Date.parse("2030-12-23T00:00:00Z") });
  if (!loaded.layout) throw new Error(loaded.problems.map((problem) => problem.message).join("\n"));
  return loaded.layout;
};
const svg = renderSvg(file(), { title: "schedule.yaml" });

/** The markup of the element that opens with `<g data-<kind>="<name>"`, up to the next row. */
function rowMarkup(markup: string, kind: "episode" | "group", name: string): string {
  const start = markup.indexOf(`<g data-${kind}="${name}"`);
  expect(start).toBeGreaterThan(-1);
  const ends = ["<g data-episode=", "<g data-group="].map((marker) => markup.indexOf(marker, start + 1)).filter((end) => end !== -1);
  return markup.slice(start, ends.length === 0 ? undefined : Math.min(...ends));
}

function drawnTexts(markup: string): string[] {
  return [...markup.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1].replace(/&quot;/g, '"').replace(/&amp;/g, "&"));
}

/** An episode's bar: where it starts and how wide it is, in the picture's units. */
function bar(markup: string, name: string): { x: number; width: number } {
  const rect = /<rect data-part="bar" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/.exec(rowMarkup(markup, "episode", name));
  expect(rect).not.toBeNull();
  return { x: Number(rect![1]), width: Number(rect![2]) };
}

/** Where a group's start marker is. */
function markerX(markup: string, name: string): number {
  return Number(/data-part="start-marker" d="M([\d.]+),/.exec(rowMarkup(markup, "group", name))![1]);
}

const ms = (time: string) => Date.parse(`2030-12-24T${time}:00+08:00`);

/** The texts of an axis part: `<g data-part="axis">` (UTC), `axis-zone`, `axis-utc`. */
function axisTexts(markup: string, part: string): string[] {
  const start = markup.indexOf(`<g data-part="${part}"`);
  if (start === -1) return [];
  return drawnTexts(markup.slice(start, markup.indexOf("</g>", start)));
}

describe("renderSvg: the schedule", () => {
  test("one row per episode and group, in the order they start, under the heading Schedule", () => {
    expect(svg).toContain(">Schedule</text>");
    const rows = [...svg.matchAll(/<g data-(episode|group)="([^"]+)"/g)].map((match) => `${match[1]} ${match[2]}`);
    expect(rows).toEqual(["episode morning-reel", "episode evening-news", "episode interview", "episode station-ident", "group night-loop"]);
    expect(svg).toContain("3 of 99 positions used · 1 episode group · 2 components · 4 episodes");
  });

  test("each episode is a bar from its start to its end: x and width proportional to time", () => {
    const names = ["morning-reel", "evening-news", "interview", "station-ident"];
    const times: Record<string, [number, number]> = {
      "morning-reel": [ms("08:00"), ms("08:30")],
      "evening-news": [ms("19:00"), ms("20:00")],
      interview: [ms("20:00"), ms("21:30")],
      "station-ident": [ms("21:30"), ms("22:00")],
    };
    const first = bar(svg, "morning-reel");
    const last = bar(svg, "station-ident");
    const scale = (last.x - first.x) / (times["station-ident"][0] - times["morning-reel"][0]);
    expect(scale).toBeGreaterThan(0);
    for (const name of names) {
      const { x, width } = bar(svg, name);
      const [start, end] = times[name];
      // Rounded to a tenth in the markup.
      expect(x).toBeCloseTo(first.x + (start - times["morning-reel"][0]) * scale, 0);
      expect(width).toBeCloseTo((end - start) * scale, 0);
    }
    // Back to back: one ends where the next starts.
    expect(bar(svg, "evening-news").x + bar(svg, "evening-news").width).toBeCloseTo(bar(svg, "interview").x, 0);
    // A group is a marker at its start, on the same scale.
    expect(markerX(svg, "night-loop")).toBeCloseTo(first.x + (ms("23:00") - times["morning-reel"][0]) * scale, 0);
  });

  test("each bar says what is on air: the episode's name, the source's name and kind, the components' names", () => {
    const onAir = (name: string) => drawnTexts(rowMarkup(svg, "episode", name)).at(-1);
    expect(onAir("morning-reel")).toBe("Morning reel: Intro reel (VOD file)");
    expect(onAir("evening-news")).toBe("Evening news: Main camera (live stream) + Lower third, Logo");
    expect(onAir("interview")).toBe("Interview: Guest camera (live stream) + Lower third");
    expect(onAir("station-ident")).toBe("Station ident: Logo");
    expect(rowMarkup(svg, "episode", "station-ident")).toContain('data-type="Component"');
    expect(rowMarkup(svg, "episode", "morning-reel")).toContain("lets its content finish, then switches (ContentFirst)");
  });

  test("each row is labelled with its name and its times in the file's zone and in UTC", () => {
    expect(drawnTexts(rowMarkup(svg, "episode", "evening-news")).slice(0, 3)).toEqual([
      "evening-news", "2030-12-24 19:00–20:00 Asia/Shanghai", "11:00–12:00 UTC",
    ]);
    expect(drawnTexts(rowMarkup(svg, "episode", "morning-reel")).slice(1, 3)).toEqual(["2030-12-24 08:00–08:30 Asia/Shanghai", "00:00–00:30 UTC"]);
    const group = drawnTexts(rowMarkup(svg, "group", "night-loop"));
    expect(group.slice(0, 3)).toEqual(["night-loop", "2030-12-24 23:00 Asia/Shanghai", "15:00 UTC"]);
    expect(group).toEqual(expect.arrayContaining(["Highlights", "Station ident", "↻ loops"]));
  });

  test("the axis is labelled in the file's zone and in UTC, at the zone's round hours", () => {
    const zone = axisTexts(svg, "axis-zone");
    expect(zone[0]).toBe("Asia/Shanghai");
    expect(zone).toContain("08:00");
    expect(zone).toContain("20:00");
    expect(zone).toContain("2030-12-24");
    const utc = axisTexts(svg, "axis");
    expect(utc).toContain("00:00");
    expect(utc).toContain("12:00");
    expect(axisTexts(svg, "axis-utc")).toEqual(["UTC"]);
    // The same ticks, eight hours apart.
    const times = (texts: string[]) => texts.filter((text) => /^\d\d:\d\d$/.test(text));
    expect(times(zone).map((time) => (Number(time.slice(0, 2)) + 16) % 24)).toEqual(times(utc).map((time) => Number(time.slice(0, 2))));
  });

  test("--zone chooses the zone: another one, or UTC alone", () => {
    const berlin = renderSvg(file(), { zone: "Europe/Berlin" });
    expect(axisTexts(berlin, "axis-zone")[0]).toBe("Europe/Berlin");
    expect(drawnTexts(rowMarkup(berlin, "episode", "evening-news")).slice(1, 3)).toEqual(["2030-12-24 12:00–13:00 Europe/Berlin", "11:00–12:00 UTC"]);
    const utc = renderSvg(file(), { zone: "UTC" });
    expect(utc).not.toContain('data-part="axis-zone"');
    expect(drawnTexts(rowMarkup(utc, "episode", "evening-news")).slice(1, 2)).toEqual(["2030-12-24 11:00–12:00 UTC"]);
    // Without a timeZone in the file, UTC alone too; the bars keep their times.
    const noZone = file();
    delete noZone.timeZone;
    expect(renderSvg(noZone)).not.toContain('data-part="axis-zone"');
    expect(bar(renderSvg(noZone), "interview")).toEqual(bar(utc, "interview"));
  });

  test("a file with groups only and no zone keeps its picture; a zone labels its axis too", () => {
    const groupsOnly = file();
    delete groupsOnly.episodes;
    delete groupsOnly.timeZone;
    const plain = renderSvg(groupsOnly);
    expect(plain).toContain(">Episode groups</text>");
    expect(plain).not.toContain("data-episode");
    expect(plain).toContain(">2030-12-24 15:00 UTC</text>");
    const zoned = renderSvg(groupsOnly, { zone: "Asia/Shanghai" });
    expect(zoned).toContain(">Episode groups</text>");
    expect(axisTexts(zoned, "axis-zone")).toEqual(["Asia/Shanghai", "23:00", "2030-12-24"]);
    expect(drawnTexts(rowMarkup(zoned, "group", "night-loop")).slice(0, 3)).toEqual(["night-loop", "2030-12-24 23:00 Asia/Shanghai", "15:00 UTC"]);
  });

  test("a short bar's label goes beside it, inside the track", () => {
    const short = file();
    short.episodes!["station-ident"].endTime = "2030-12-24T21:31:00+08:00";
    const row = rowMarkup(renderSvg(short), "episode", "station-ident");
    const { x, width } = bar(renderSvg(short), "station-ident");
    const label = /<text x="([\d.]+)"[^>]*data-part="on-air"[^>]*>([^<]*)</.exec(row);
    expect(label![2]).toBe("Station ident: Logo");
    expect(Number(label![1])).toBeGreaterThan(x + width);
  });
});

describe("renderHtml: the schedule", () => {
  const html = renderHtml(file(), { title: "schedule.yaml" });

  test("a table of the episodes in the order they start, in the zone and in UTC, with what is on air", () => {
    expect(html).toContain('<h2 id="episodes">Episodes</h2>');
    const rows = [...html.matchAll(/<tr data-episode="([^"]+)">(.*?)<\/tr>/g)];
    expect(rows.map((row) => row[1])).toEqual(["morning-reel", "evening-news", "interview", "station-ident"]);
    const news = rows[1][2];
    expect(news).toContain("2030-12-24 19:00–20:00 Asia/Shanghai");
    expect(news).toContain("11:00–12:00 UTC");
    expect(news).toContain("Main camera (live stream) + Lower third, Logo");
    expect(news).toContain("switches at its end time (TimeFirst)");
    expect(rows[3][2]).toContain("<td>components</td>");
  });

  test("the groups' table gives a start in the zone too; a file without episodes has no episodes table", () => {
    const night = /<tr data-group="night-loop">(.*?)<\/tr>/.exec(html)![1];
    expect(night).toContain("2030-12-24 15:00 UTC");
    expect(night).toContain("2030-12-24 23:00 Asia/Shanghai");
    const without = file();
    delete without.episodes;
    expect(renderHtml(without)).not.toContain('id="episodes"');
  });
});
