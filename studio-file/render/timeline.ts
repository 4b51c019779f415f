import { PlainStudioFile, sourcePropertyOf } from "../schema";
import { momentParts, momentPhrase, spanParts, spanPhrase, zonedParts, zoneOffset } from "../words";
import { MARGIN, SECTION_HEADING_FONT, SVG_WIDTH } from "./canvas";
import {
  describeRepeat, episodeSource, episodesByStartTime, formatUtc, groupsByStartTime, onAirWords, plural, switchWords, TimedEpisode, TimedGroup,
} from "./facts";
import {
  displayable, element, ellipsize, estimateTextWidth, FAINT, Font, formatNumber, INK, joinMarkup, KIND_STYLES, Markup, MUTED, RULE,
  textElement, tooltip,
} from "./markup";

/**
 * The schedule on one time axis: episodes as bars from their start to their end, episode groups
 * as a marker at their start with their items after it, labelled in UTC and in the zone shown.
 */

const TIMELINE_LABEL_WIDTH = 210;
const TIMELINE_ROW_HEIGHT = 44;
const SEGMENT_HEIGHT = 24;
const SEGMENT_MAX_WIDTH = 150;
const SEGMENT_GAP = 3;
/** From a group's start marker to its first item. */
const ITEMS_INDENT = 8;
/** Room kept after a group's last item for its "loops" / "once" note. */
const END_NOTE_WIDTH = 64;
/**
 * Bounds on the share of the track that time is mapped onto; the rest leaves room for the items
 * of the groups that start last.
 */
const MIN_AXIS_SHARE = 0.4;
const MAX_AXIS_SHARE = 0.85;
/** Ticks need room for a label like 2026-12-24. */
const MIN_TICK_SPACING = 96;

const TIMELINE_ACCENT = "#3d4db7";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const FIXED_TICK_STEPS = [
  MINUTE, 5 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY,
];
/** Past a few days, ticks fall on the first of a month: weeks of the epoch would land on odd dates. */
const MONTH_TICK_STEPS = [1, 2, 3, 6, 12, 24, 60, 120, 600];

interface AxisTicks {
  times: number[];
  /** Whether the ticks are less than a day apart, so their labels need the time of day. */
  withTime: boolean;
}

/** Round times between from and to, at most maxTicks of them (UTC, as the axis is labelled). */
function axisTicks(from: number, to: number, maxTicks: number): AxisTicks {
  const fixedStep = FIXED_TICK_STEPS.find((step) => Math.floor(to / step) - Math.ceil(from / step) + 1 <= maxTicks);
  if (fixedStep !== undefined) {
    const times: number[] = [];
    for (let time = Math.ceil(from / fixedStep) * fixedStep; time <= to; time += fixedStep) times.push(time);
    return { times, withTime: fixedStep < DAY };
  }
  const first = new Date(from);
  const firstMonth = first.getUTCFullYear() * 12 + first.getUTCMonth() + (from === Date.UTC(first.getUTCFullYear(), first.getUTCMonth()) ? 0 : 1);
  const monthStart = (month: number) => Date.UTC(Math.floor(month / 12), month % 12);
  for (const months of MONTH_TICK_STEPS) {
    const times: number[] = [];
    for (let month = Math.ceil(firstMonth / months) * months; monthStart(month) <= to; month += months) times.push(monthStart(month));
    if (times.length <= maxTicks) return { times, withTime: false };
  }
  return { times: [], withTime: false };
}

interface TimelineGeometry {
  /** Where time is drawn: the earliest start at axisStart, the latest start or end at axisEnd. */
  axisStart: number;
  axisEnd: number;
  from: number;
  to: number;
  trackStart: number;
  trackEnd: number;
  /** Whether all groups start at the same time, and there is no episode: then that time is the axis's only tick. */
  oneStartTime: boolean;
}

/**
 * How the timeline is drawn. A file with groups only, shown in UTC only, keeps the picture it had
 * before episodes were part of the file; with episodes, or a zone, the label column is wider,
 * for the times of the zone and of UTC.
 */
interface TimelineMode {
  /** The zone shown besides UTC; undefined: UTC only. */
  zone?: string;
  labelWidth: number;
  rowHeight: number;
  /** Whether the file has episodes: the section is its schedule. */
  withEpisodes: boolean;
}

function timelineMode(layout: PlainStudioFile, zone: string | undefined): TimelineMode {
  const withEpisodes = Object.keys(layout.episodes ?? {}).length > 0;
  if (!withEpisodes && zone === undefined) return { labelWidth: TIMELINE_LABEL_WIDTH, rowHeight: TIMELINE_ROW_HEIGHT, withEpisodes };
  return { zone, labelWidth: SCHEDULE_LABEL_WIDTH, rowHeight: zone === undefined ? TIMELINE_ROW_HEIGHT : SCHEDULE_ROW_HEIGHT, withEpisodes };
}

/** The label column of a schedule: room for "2030-12-24 20:00–21:30 Asia/Shanghai". */
const SCHEDULE_LABEL_WIDTH = 280;
/** A row of a schedule shown in a zone: the name, the zone's times, UTC's. */
const SCHEDULE_ROW_HEIGHT = 54;

function timelineGeometry(groups: TimedGroup[], episodes: TimedEpisode[], mode: TimelineMode): TimelineGeometry {
  const trackStart = MARGIN + mode.labelWidth;
  const trackEnd = SVG_WIDTH - MARGIN;
  const starts = [...groups.map((group) => group.start), ...episodes.map((episode) => episode.start)];
  const from = Math.min(...starts);
  const last = Math.max(...groups.map((group) => group.start), ...episodes.map((episode) => episode.end));
  // A single start time, or a few seconds apart, still gets an hour's axis to draw ticks on.
  const to = Math.max(last, from + HOUR);
  const axisStart = trackStart + 12;
  const width = trackEnd - axisStart;
  // The longest axis that still leaves every group room for its items at full width, within bounds:
  // time is easier to read spread out, item names with room. An episode ends on the axis.
  let axisLength = width * (episodes.length > 0 && groups.length === 0 ? 1 : MAX_AXIS_SHARE);
  for (const { start, group } of groups) {
    const share = (start - from) / (to - from);
    const needed = ITEMS_INDENT + group.items.length * SEGMENT_MAX_WIDTH + END_NOTE_WIDTH;
    if (share > 0) axisLength = Math.min(axisLength, (width - needed) / share);
  }
  axisLength = Math.max(axisLength, width * MIN_AXIS_SHARE);
  const oneStartTime = episodes.length === 0 && groups[groups.length - 1].start === from;
  return { axisStart, axisEnd: axisStart + axisLength, from, to, trackStart, trackEnd, oneStartTime };
}

function timeToX(time: number, geometry: TimelineGeometry): number {
  const { axisStart, axisEnd, from, to } = geometry;
  return axisStart + ((time - from) / (to - from)) * (axisEnd - axisStart);
}

const TICK_FONT: Font = { size: 10.5 };

/** The axis, its ticks labelled in UTC and, with a zone, in that zone too (above UTC), each row named at its left. */
function timeAxis(geometry: TimelineGeometry, axisY: number, bottom: number, zone?: string): Markup {
  const maxTicks = Math.max(2, Math.floor((geometry.axisEnd - geometry.axisStart) / MIN_TICK_SPACING) + 1);
  // With a zone, ticks fall on its round times (its offset where the axis starts).
  const shift = zoneOffset(geometry.from, zone);
  const shifted = axisTicks(geometry.from + shift, geometry.to + shift, maxTicks);
  // One start time gets one tick: ticks past it would suggest the hour the axis spans is a duration.
  const { times, withTime } = geometry.oneStartTime
    ? { times: [geometry.from], withTime: true }
    : { times: shifted.times.map((time) => time - shift), withTime: shifted.withTime };
  const parts: Markup[] = [
    element("line", { x1: geometry.trackStart, y1: axisY, x2: geometry.trackEnd, y2: axisY, stroke: RULE, "stroke-width": 1 }),
  ];
  const label = (x: number, y: number, text: string) => textElement({ x, y, "font-size": TICK_FONT.size, fill: MUTED, "text-anchor": "middle" }, text);
  let previousDate = "";
  let previousZoneDate = "";
  const zoneLabels: Markup[] = [];
  for (const time of times) {
    const x = timeToX(time, geometry);
    const iso = new Date(time).toISOString();
    const date = iso.slice(0, 10);
    parts.push(
      element("line", { x1: x, y1: axisY, x2: x, y2: bottom, stroke: "#eaeef2", "stroke-width": 1 }),
      element("line", { x1: x, y1: axisY - 4, x2: x, y2: axisY, stroke: FAINT, "stroke-width": 1 }),
    );
    if (zone === undefined) {
      // Below a day, ticks show the time, and the date where it changes, as a clock would be read.
      const upper = withTime ? iso.slice(11, 16) : "";
      const lower = !withTime || date !== previousDate ? date : "";
      previousDate = date;
      if (upper !== "") parts.push(label(x, axisY - 8, upper));
      if (lower !== "") parts.push(label(x, axisY - (upper === "" ? 8 : 21), lower));
      continue;
    }
    // In the zone: its time, and its date where it changes; in UTC likewise, below it.
    const zoned = zonedParts(time, zone);
    const utc = zonedParts(time);
    if (withTime) {
      zoneLabels.push(label(x, axisY - 34, zoned.time));
      if (zoned.date !== previousZoneDate) zoneLabels.push(label(x, axisY - 47, zoned.date));
      parts.push(label(x, axisY - 8, utc.time));
      if (utc.date !== previousDate) parts.push(label(x, axisY - 21, utc.date));
    } else {
      zoneLabels.push(label(x, axisY - 34, zoned.date));
      parts.push(label(x, axisY - 8, utc.time === "00:00" ? utc.date : `${utc.date} ${utc.time}`));
    }
    previousDate = utc.date;
    previousZoneDate = zoned.date;
  }
  const axis = element("g", { "data-part": "axis" }, joinMarkup(parts));
  if (zone === undefined) return axis;
  // Clear of the first tick's label, which may reach left of the track by half its width.
  const caption = (y: number, text: string) => textElement({
    x: geometry.trackStart - 52, y, "font-size": TICK_FONT.size, "font-weight": "bold", fill: FAINT, "text-anchor": "end",
  }, text);
  return joinMarkup([
    axis,
    element("g", { "data-part": "axis-zone", "data-zone": zone }, caption(axisY - 34, zone), joinMarkup(zoneLabels)),
    element("g", { "data-part": "axis-utc" }, caption(axisY - 8, "UTC")),
  ]);
}

const GROUP_NAME_FONT: Font = { size: 12, bold: true };
/** Fewer characters than this before an ellipsis ("I…", "It…") tell nothing; the tooltip has the name. */
const MIN_LABEL_CHARACTERS = 3;
const GROUP_TIME_FONT: Font = { size: 10.5 };
const ITEM_FONT: Font = { size: 11 };

function itemLabel(name: string, maxWidth: number): string {
  const label = ellipsize(displayable(name), maxWidth, ITEM_FONT);
  const shortened = label !== displayable(name);
  return shortened && Array.from(label).length - 1 < MIN_LABEL_CHARACTERS ? "" : label;
}

/**
 * A row's label column: its name, then its time, as the row's mode shows it: in UTC (one line), or
 * in the zone and in UTC (two).
 */
function rowLabel(name: string, times: { zoned?: string; utc: string }, top: number, mode: TimelineMode, part: string): Markup[] {
  const lines = times.zoned === undefined ? [times.utc] : [times.zoned, times.utc];
  const [nameY, ...timeYs] = lines.length === 1 ? [19, 34] : [17, 31, 44];
  const width = mode.labelWidth - 20;
  return [
    textElement({ x: MARGIN + 10, y: top + nameY, "font-size": GROUP_NAME_FONT.size, "font-weight": "bold", fill: INK, "data-part": part },
      ellipsize(displayable(name), width, GROUP_NAME_FONT)),
    ...lines.map((line, index) => textElement({ x: MARGIN + 10, y: top + timeYs[index], "font-size": GROUP_TIME_FONT.size, fill: MUTED },
      ellipsize(line, width, GROUP_TIME_FONT))),
  ];
}

function timelineRow(entry: TimedGroup, top: number, geometry: TimelineGeometry, mode: TimelineMode): Markup {
  const { name, group, start } = entry;
  const middle = top + mode.rowHeight / 2;
  const startX = timeToX(start, geometry);
  const loops = group.repeatNum === -1;
  const segmentsStart = startX + ITEMS_INDENT;
  const room = geometry.trackEnd - END_NOTE_WIDTH - segmentsStart;
  const segmentWidth = Math.min(SEGMENT_MAX_WIDTH, room / group.items.length);
  const segments = group.items.map((item, itemIndex) => {
    const x = segmentsStart + itemIndex * segmentWidth;
    const width = segmentWidth - SEGMENT_GAP;
    const label = itemLabel(item.itemName, width - 12);
    return element("g", { "data-item": item.itemName, "data-index": itemIndex + 1 },
      tooltip(`${item.itemName} (item ${itemIndex + 1} of ${group.items.length} in ${name})`),
      element("rect", {
        "data-part": "segment", x, y: middle - SEGMENT_HEIGHT / 2, width, height: SEGMENT_HEIGHT, rx: 4,
        fill: itemIndex % 2 === 0 ? "#dfe3f7" : "#cdd3f1", stroke: "#aab3e6", "stroke-width": 1,
      }),
      ...(label === "" ? [] : [textElement({ x: x + 6, y: middle + 4, "font-size": ITEM_FONT.size, fill: INK }, label)]),
    );
  });
  const endX = segmentsStart + group.items.length * segmentWidth + 4;
  const endNote = loops
    ? element("g", { "data-loop": "true" },
      tooltip(`${name} starts again after its last item, forever (repeatNum -1)`),
      textElement({ x: endX, y: middle + 4, "font-size": 11.5, "font-weight": "bold", fill: TIMELINE_ACCENT }, "↻ loops"))
    : textElement({ x: endX, y: middle + 4, "font-size": 11, fill: FAINT }, "once");
  const legacy = mode.labelWidth === TIMELINE_LABEL_WIDTH && mode.zone === undefined;
  const startsAt = legacy ? formatUtc(start) : momentPhrase(start, mode.zone);
  return element("g", { "data-group": name, "data-start": new Date(start).toISOString() },
    tooltip(`${name}: starts ${startsAt}, ${describeRepeat(group)}, ${plural(group.items.length, "item")}`),
    ...rowLabel(name, legacy ? { utc: formatUtc(start) } : momentParts(start, mode.zone), top, mode, "group-name"),
    ...segments,
    endNote,
    element("path", {
      "data-part": "start-marker",
      d: `M${formatNumber(startX)},${formatNumber(middle - 7)} l6,7 l-6,7 l-6,-7 Z`,
      fill: TIMELINE_ACCENT, stroke: "#ffffff", "stroke-width": 1.5,
    }),
  );
}

/** "2030-12-24 20:00 Asia/Shanghai (12:00 UTC)" */
const COMPONENT_EPISODE_STYLE = { accent: MUTED, tint: "#eef1f4" };
const BAR_FONT: Font = { size: 11 };

function episodeRow(entry: TimedEpisode, top: number, geometry: TimelineGeometry, mode: TimelineMode, layout: PlainStudioFile): Markup {
  const { name, episode, start, end } = entry;
  const middle = top + mode.rowHeight / 2;
  const x = timeToX(start, geometry);
  const width = Math.max(timeToX(end, geometry) - x, 2);
  const source = episodeSource(layout, episode);
  const style = source ? KIND_STYLES[sourcePropertyOf(source)] : COMPONENT_EPISODE_STYLE;
  const text = `${episode.episodeName}: ${onAirWords(layout, episode)}`;
  // In the bar when it has room; else beside it, where the row is free.
  const inside = ellipsize(displayable(text), width - 12, BAR_FONT);
  const fitsInside = inside !== "" && (inside === displayable(text) || Array.from(inside).length - 1 >= Math.min(12, Array.from(text).length));
  const roomAfter = geometry.trackEnd - (x + width) - 8;
  const roomBefore = x - geometry.trackStart - 8;
  const whole = estimateTextWidth(displayable(text), BAR_FONT.size);
  const label = fitsInside
    ? textElement({ x: x + 6, y: middle + 4, "font-size": BAR_FONT.size, fill: INK, "data-part": "on-air" }, inside)
    : whole <= roomAfter || (whole > roomBefore && roomAfter >= roomBefore)
      ? textElement({ x: x + width + 6, y: middle + 4, "font-size": BAR_FONT.size, fill: INK, "data-part": "on-air" }, ellipsize(displayable(text), roomAfter, BAR_FONT))
      : textElement({ x: x - 6, y: middle + 4, "font-size": BAR_FONT.size, fill: INK, "text-anchor": "end", "data-part": "on-air" }, ellipsize(displayable(text), roomBefore, BAR_FONT));
  const type = episode.locationId === undefined ? "Component" : "Resource";
  return element("g", { "data-episode": name, "data-type": type, "data-start": new Date(start).toISOString(), "data-end": new Date(end).toISOString() },
    tooltip(`${name} "${episode.episodeName}": ${spanPhrase(start, end, mode.zone)}; shows ${onAirWords(layout, episode)}; ${switchWords(episode)}`),
    ...rowLabel(name, spanParts(start, end, mode.zone), top, mode, "episode-name"),
    element("rect", {
      "data-part": "bar", x, y: middle - SEGMENT_HEIGHT / 2, width, height: SEGMENT_HEIGHT, rx: 4,
      fill: style.tint, stroke: style.accent, "stroke-width": 1.5,
    }),
    label,
  );
}

type TimelineRowEntry = { kind: "group"; entry: TimedGroup } | { kind: "episode"; entry: TimedEpisode };

/**
 * The schedule's section, from `top`: episode groups and episodes on one time axis, in the order
 * they start; returns its markup and where it ends.
 */
export function timeline(layout: PlainStudioFile, top: number, zone: string | undefined): { markup: Markup; bottom: number } {
  const groups = groupsByStartTime(layout);
  const episodes = episodesByStartTime(layout);
  const mode = timelineMode(layout, zone);
  const headingY = top + 16;
  const heading = textElement({ x: MARGIN, y: headingY, "font-size": SECTION_HEADING_FONT.size, "font-weight": "bold", fill: INK },
    mode.withEpisodes ? "Schedule" : "Episode groups");
  if (groups.length === 0 && episodes.length === 0) {
    const line = textElement({ x: MARGIN, y: headingY + 24, "font-size": 12, fill: MUTED, "data-part": "no-groups" },
      "No episode groups in this file.");
    return { markup: element("g", { "data-part": "timeline" }, heading, line), bottom: headingY + 30 };
  }
  const zoneWords = mode.zone === undefined ? "UTC" : `${mode.zone} and UTC`;
  const noteText = !mode.withEpisodes
    ? mode.zone === undefined
      ? "Start times (UTC) are to scale. Items are drawn equally wide: the file does not say how long each one plays."
      : `Start times (${zoneWords}) are to scale. Items are drawn equally wide: the file does not say how long each one plays.`
    : `Times (${zoneWords}) are to scale: an episode is a bar from its start to its end.`
      + (groups.length > 0 ? " A group's items are drawn equally wide after its start: the file does not say how long each one plays." : "");
  const note = textElement({ x: MARGIN, y: headingY + 20, "font-size": 11, fill: MUTED, "font-style": "italic", "data-part": "note" }, noteText);
  const geometry = timelineGeometry(groups, episodes, mode);
  const axisY = headingY + 66 + (mode.zone === undefined ? 0 : 26);
  const rowsTop = axisY + 8;
  const entries: TimelineRowEntry[] = [
    ...groups.map((entry) => ({ kind: "group" as const, entry })),
    ...episodes.map((entry) => ({ kind: "episode" as const, entry })),
  ].sort((a, b) => a.entry.start - b.entry.start || (a.kind === b.kind ? 0 : a.kind === "episode" ? -1 : 1)
    || (a.entry.name < b.entry.name ? -1 : a.entry.name > b.entry.name ? 1 : 0));
  const bottom = rowsTop + entries.length * mode.rowHeight;
  const rowTop = (index: number) => rowsTop + index * mode.rowHeight;
  // Every other row shaded, so a row's items are easy to follow from its name.
  const stripes = entries.map((_, index) => element("rect", {
    x: MARGIN, y: rowTop(index), width: SVG_WIDTH - 2 * MARGIN, height: mode.rowHeight, fill: index % 2 === 0 ? "#f6f8fa" : "#ffffff",
  }));
  const rows = entries.map((row, index) => row.kind === "group"
    ? timelineRow(row.entry, rowTop(index), geometry, mode)
    : episodeRow(row.entry, rowTop(index), geometry, mode, layout));
  // Each group's start marker is tied to its time on the axis by a dashed guide.
  const guides = entries.flatMap((row, index) => {
    if (row.kind !== "group") return [];
    const x = timeToX(row.entry.start, geometry);
    return [element("line", {
      x1: x, y1: axisY, x2: x, y2: rowTop(index) + mode.rowHeight / 2 - 7,
      stroke: TIMELINE_ACCENT, "stroke-width": 1, "stroke-dasharray": "2 3", opacity: 0.6,
    })];
  });
  const track = element("rect", {
    "data-part": "track", x: geometry.trackStart, y: axisY, width: geometry.trackEnd - geometry.trackStart, height: bottom - axisY,
    fill: "none",
  });
  return {
    markup: element("g", { "data-part": "timeline" },
      // Drawn bottom-up: guides and tick lines pass under the items of the rows they cross.
      heading, note, track, joinMarkup(stripes), timeAxis(geometry, axisY, bottom, mode.zone), joinMarkup(guides), joinMarkup(rows)),
    bottom,
  };
}
