import { SourceProperty } from "../spec/kinds/caster-video-resource";
import {
  Attributes, displayable, element, ellipsize, escapeXml, estimateTextWidth, FAINT, Font, FONT_FAMILY, formatNumber, htmlElement, INK,
  joinMarkup, KIND_STYLES, Markup, MUTED, packHints, RULE, textElement, tooltip, wrapText,
} from "./markup";
import { compositionSection, compositionTables, compositionSummary, PAGE_STYLE_COMPOSITION } from "./render-screen";
import {
  FileEpisode,
  isNewStudio,
  LayoutEpisodeGroup,
  LayoutSource,
  LayoutStudio,
  SOURCE_KINDS,
  sortedLocations,
  sourcePropertyOf,
  PlainStudioLayout,
  StudioLayoutDefinition,
  withSecretsAsText,
} from "./schema";
import {
  delayPhrase, describeCaster, duration, isUtcZone, momentParts, repeatPhrase, spanParts, standbyKind, studioType, templatePhrase, zonedParts,
  zoneOffset,
} from "./words";

/**
 * A picture of a studio file for a pull-request reviewer: the declared sources in a compact row of
 * cards, each layout drawn as the screen shows it (video layers at their positions and sizes,
 * components over them, PGM and PVW marked; render-screen.ts), and the schedule on one time line
 * (episodes as bars from their start to their end, episode groups as a marker at their start with
 * their items), labelled in UTC and in the file's timeZone or the zone asked for, as a standalone
 * SVG or a self-contained HTML page; for a studio the file makes
 * (`caster: { new: ... }`), a header line with its status and settings.
 *
 * Pure: the file in, text out. It expects a valid file (one that validate.ts's
 * findLayoutProblems has no problem with).
 * No URL is ever drawn (what a source plays is shown by its kind), and every text from the file
 * goes through redactSignatures as well, so a signed URL pasted into a name is masked too.
 */

export interface RenderOptions {
  /** The heading, e.g. the studio file's name. @default "Studio file" */
  title?: string;
  /**
   * The IANA zone the schedule's times are shown in besides UTC, e.g. Asia/Shanghai; "UTC" shows
   * UTC only. @default the file's timeZone, else UTC only
   */
  zone?: string;
}

const DEFAULT_TITLE = "Studio file";

const MARGIN = 24;
const GRID_COLUMNS = 10;
const LOCATION_COUNT = 99;
const CELL_WIDTH = 130;
const CELL_HEIGHT = 72;
const CELL_GAP = 8;
const CELL_PADDING = 8;
const CELL_HEADER_HEIGHT = 19;
/** The picture's width: ten source cards side by side. */
export const SVG_WIDTH = 2 * MARGIN + GRID_COLUMNS * CELL_WIDTH + (GRID_COLUMNS - 1) * CELL_GAP;

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

// ---------------------------------------------------------------------------------------------
// What the layout says, as short and long text.

function kindOf(source: LayoutSource): string {
  return SOURCE_KINDS[sourcePropertyOf(source)];
}


/** Short playback hints for a cell, e.g. ["loops", "from 5 s"]. */
function playbackHints(source: LayoutSource): string[] {
  const hints: string[] = [];
  if (source.repeatNum === -1) hints.push("loops");
  else if (source.repeatNum === 0) hints.push("once");
  else if (source.repeatNum !== undefined) hints.push(`×${source.repeatNum}`);
  if (source.beginOffset !== undefined) hints.push(`from ${duration(source.beginOffset)}`);
  if (source.endOffset !== undefined) hints.push(`to ${duration(source.endOffset)}`);
  if (source.fixedDelayDuration !== undefined) hints.push(`delay ${duration(source.fixedDelayDuration)}`);
  if (source.ptsCallbackInterval !== undefined) hints.push(`PTS ${duration(source.ptsCallbackInterval)}`);
  if (source.importId !== undefined) hints.push("adopted");
  return hints;
}

/** The playback settings in words, for the table and the tooltips. */
function playbackSettings(source: LayoutSource): string[] {
  const settings: string[] = [];
  if (source.repeatNum !== undefined) settings.push(repeatPhrase(source.repeatNum));
  if (source.beginOffset !== undefined) settings.push(`starts at ${duration(source.beginOffset)}`);
  if (source.endOffset !== undefined) {
    settings.push(source.endOffset < 0
      ? `ends ${duration(-source.endOffset)} before the last frame`
      : `ends at ${duration(source.endOffset)}`);
  }
  if (source.fixedDelayDuration !== undefined) settings.push(`fixed delay ${duration(source.fixedDelayDuration)}`);
  if (source.ptsCallbackInterval !== undefined) settings.push(`PTS callback every ${duration(source.ptsCallbackInterval)}`);
  if (source.importId !== undefined) settings.push(`adopts the existing source ${source.importId}`);
  return settings;
}


function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function summary(layout: PlainStudioLayout): string {
  const sources = sortedLocations(layout).length;
  const groups = Object.keys(layout.episodeGroups ?? {}).length;
  const composition = compositionSummary(layout);
  const episodes = Object.keys(layout.episodes ?? {}).length;
  return `${describeCaster(layout.caster)} · ${sources} of ${LOCATION_COUNT} positions used · ${plural(groups, "episode group")}`
    + `${composition ? ` · ${composition}` : ""}${episodes > 0 ? ` · ${plural(episodes, "episode")}` : ""}`;
}

/** The studio a layout makes (`caster: { new: ... }`), whose header the picture and the page show. */
function declaredStudio(layout: PlainStudioLayout): LayoutStudio | undefined {
  return isNewStudio(layout.caster) ? layout.caster.new : undefined;
}

/** Whether the studio runs: "On air" or "Stopped". */
function studioStatus(studio: LayoutStudio): string {
  return studio.running === true ? "On air" : "Stopped";
}

/**
 * A new studio's header, after its status: name, type, output template, delay, domain, standby and
 * what else it declares. No URL: the standby is named by its kind, as a source is.
 */
function studioFacts(studio: LayoutStudio): string[] {
  const standby = standbyKind(studio);
  const facts: (string | undefined)[] = [
    studio.casterName === undefined ? "unnamed studio" : `"${studio.casterName}"`,
    studioType(studio.normType),
    templatePhrase(studio.casterTemplate),
    studio.delaySeconds === undefined ? undefined : studio.delaySeconds === 0 ? "no delay" : `delay ${delayPhrase(studio.delaySeconds)}`,
    studio.domainName === undefined ? undefined : `domain ${studio.domainName}`,
    standby === undefined ? "no standby" : `standby ${standby}${studio.autoSwitchToStandby === true ? ", switched to by itself" : ""}`,
    studio.channelMode === true ? "channel mode" : undefined,
    studio.recording === undefined ? undefined : "recorded to OSS",
  ];
  return facts.filter((fact): fact is string => fact !== undefined);
}

interface TimedGroup {
  name: string;
  group: LayoutEpisodeGroup;
  /** ms since the epoch. */
  start: number;
}

/** The groups in the order they start; groups that start together, by name, so the output is stable. */
function groupsByStartTime(layout: PlainStudioLayout): TimedGroup[] {
  return Object.entries(layout.episodeGroups ?? {})
    .map(([name, group]) => ({ name, group, start: Date.parse(group.startTime) }))
    .sort((a, b) => a.start - b.start || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** 2026-12-24 20:00 UTC; seconds only when there are any. */
function formatUtc(ms: number): string {
  const iso = new Date(ms).toISOString();
  const seconds = iso.slice(17, 19);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}${seconds === "00" ? "" : `:${seconds}`} UTC`;
}

function describeRepeat(group: LayoutEpisodeGroup): string {
  return group.repeatNum === -1 ? "loops" : "plays once";
}

// ---------------------------------------------------------------------------------------------
// The SVG.

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The box of the index-th declared source (from 0), ten to a row from the top-left. */
function cellBox(index: number, gridTop: number): Box {
  const column = index % GRID_COLUMNS;
  const row = Math.floor(index / GRID_COLUMNS);
  return {
    x: MARGIN + column * (CELL_WIDTH + CELL_GAP),
    y: gridTop + row * (CELL_HEIGHT + CELL_GAP),
    width: CELL_WIDTH,
    height: CELL_HEIGHT,
  };
}

/** The height of the source cards: one row per ten declared sources, one line when there are none. */
function gridHeight(layout: PlainStudioLayout): number {
  const count = sortedLocations(layout).length;
  if (count === 0) return 18;
  const rows = Math.ceil(count / GRID_COLUMNS);
  return rows * CELL_HEIGHT + (rows - 1) * CELL_GAP;
}

/** A rectangle with only its top corners rounded: the cell's header band inside its rounded frame. */
function topRoundedBand(box: Box, height: number, radius: number): string {
  const { x, y, width } = box;
  return [
    `M${formatNumber(x)},${formatNumber(y + height)}`,
    `V${formatNumber(y + radius)}`,
    `A${radius},${radius} 0 0 1 ${formatNumber(x + radius)},${formatNumber(y)}`,
    `H${formatNumber(x + width - radius)}`,
    `A${radius},${radius} 0 0 1 ${formatNumber(x + width)},${formatNumber(y + radius)}`,
    `V${formatNumber(y + height)}`,
    "Z",
  ].join(" ");
}

const CELL_RADIUS = 6;
const POSITION_FONT: Font = { size: 11, bold: true };
const KIND_FONT: Font = { size: 10 };
const NAME_FONT: Font = { size: 12 };
const HINT_FONT: Font = { size: 10 };

function occupiedCell(location: string, source: LayoutSource, box: Box): Markup {
  const property = sourcePropertyOf(source);
  const kind = SOURCE_KINDS[property];
  const style = KIND_STYLES[property];
  const innerWidth = box.width - 2 * CELL_PADDING;
  const left = box.x + CELL_PADDING;
  const right = box.x + box.width - CELL_PADDING;
  const headerBaseline = box.y + 14;
  const positionWidth = estimateTextWidth(location, POSITION_FONT.size, true);
  const kindLabel = ellipsize(kind, innerWidth - positionWidth - 6, KIND_FONT);
  const nameLines = wrapText(displayable(source.resourceName), innerWidth, NAME_FONT, 2);
  // Three lines below the header: the name takes two when it needs them, the hints the rest.
  const hintLines = packHints(playbackHints(source), innerWidth, HINT_FONT, 3 - nameLines.length);
  const hintsBottom = box.y + box.height - 7;
  const details = [`${location} · ${kind}`, source.resourceName, ...playbackSettings(source)];
  return element("g", { "data-location": location, "data-kind": kind },
    tooltip(details.join("\n")),
    element("rect", {
      "data-part": "cell", x: box.x, y: box.y, width: box.width, height: box.height, rx: CELL_RADIUS,
      fill: style.tint, stroke: style.accent, "stroke-width": 1,
    }),
    element("path", { d: topRoundedBand(box, CELL_HEADER_HEIGHT, CELL_RADIUS), fill: style.accent }),
    textElement({ x: left, y: headerBaseline, "font-size": POSITION_FONT.size, "font-weight": "bold", fill: "#ffffff" }, location),
    textElement({ x: right, y: headerBaseline, "font-size": KIND_FONT.size, fill: "#ffffff", "text-anchor": "end" }, kindLabel),
    ...nameLines.map((line, index) =>
      textElement({ x: left, y: box.y + 36 + index * 15, "font-size": NAME_FONT.size, fill: INK, "data-part": "name" }, line)),
    ...hintLines.map((line, index) => textElement({
      x: left, y: hintsBottom - (hintLines.length - 1 - index) * 13, "font-size": HINT_FONT.size, fill: style.accent, "data-part": "hints",
    }, line)),
  );
}

/**
 * The declared sources only, in position order, ten to a row: a studio uses a few of its 99
 * positions, and the summary says how many.
 */
function grid(layout: PlainStudioLayout, top: number): Markup {
  const sources = layout.sources ?? {};
  const locations = sortedLocations(layout);
  if (locations.length === 0) {
    return element("g", { "data-part": "grid" },
      textElement({ x: MARGIN, y: top + 13, "font-size": 12, fill: MUTED, "data-part": "no-sources" }, "No sources in this file."));
  }
  const cells = locations.map((location, index) => occupiedCell(location, sources[location], cellBox(index, top)));
  return element("g", { "data-part": "grid" }, joinMarkup(cells));
}

/** One swatch per kind, with how many sources are of it. */
function legend(layout: PlainStudioLayout, top: number): Markup {
  const counts = new Map<SourceProperty, number>();
  for (const source of Object.values(layout.sources ?? {})) {
    const property = sourcePropertyOf(source);
    counts.set(property, (counts.get(property) ?? 0) + 1);
  }
  const font: Font = { size: 12 };
  const heading = textElement({ x: MARGIN, y: top + 11, "font-size": SECTION_HEADING_FONT.size, "font-weight": "bold", fill: INK }, "Sources");
  const entries: { label: string; swatch: Attributes }[] = (Object.keys(SOURCE_KINDS) as SourceProperty[]).map((property) => ({
    label: `${SOURCE_KINDS[property]} (${counts.get(property) ?? 0})`,
    swatch: { fill: KIND_STYLES[property].accent },
  }));
  let x = MARGIN + estimateTextWidth("Sources", SECTION_HEADING_FONT.size, true) + 24;
  const items: Markup[] = [];
  for (const entry of entries) {
    items.push(element("g", { "data-legend": entry.label },
      element("rect", { x, y: top, width: 12, height: 12, rx: 3, ...entry.swatch }),
      textElement({ x: x + 18, y: top + 10.5, "font-size": font.size, fill: INK }, entry.label),
    ));
    x += 18 + estimateTextWidth(entry.label, font.size) + 22;
  }
  return element("g", { "data-part": "legend" }, heading, joinMarkup(items));
}

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

function timelineMode(layout: PlainStudioLayout, zone: string | undefined): TimelineMode {
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
  const startsAt = legacy ? formatUtc(start) : momentText(start, mode.zone);
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
function momentText(ms: number, zone?: string): string {
  const { zoned, utc } = momentParts(ms, zone);
  return zoned === undefined ? utc : `${zoned} (${utc})`;
}

/** "2030-12-24 20:00–21:00 Asia/Shanghai (12:00–13:00 UTC)" */
function spanText(start: number, end: number, zone?: string): string {
  const { zoned, utc } = spanParts(start, end, zone);
  return zoned === undefined ? utc : `${zoned} (${utc})`;
}

// Episodes ------------------------------------------------------------------------------------

interface TimedEpisode {
  name: string;
  episode: FileEpisode;
  /** ms since the epoch. */
  start: number;
  end: number;
}

/** The episodes in the order they start; together, by name. */
function episodesByStartTime(layout: PlainStudioLayout): TimedEpisode[] {
  return Object.entries(layout.episodes ?? {})
    .map(([name, episode]) => ({ name, episode, start: Date.parse(episode.startTime), end: Date.parse(episode.endTime) }))
    .sort((a, b) => a.start - b.start || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The names of an episode's components, bottom to top: their componentName, else position and type. */
function componentNames(layout: PlainStudioLayout, episode: FileEpisode): string[] {
  return (episode.components ?? []).map((position) => {
    const component = layout.components?.[position];
    return component?.componentName ?? (component ? `${position} (${component.componentType})` : position);
  });
}

/** The source an episode switches to, if any, and whether it has one (a Component episode has none). */
function episodeSource(layout: PlainStudioLayout, episode: FileEpisode): LayoutSource | undefined {
  return episode.locationId === undefined ? undefined : layout.sources?.[episode.locationId];
}

/** What is on air: "Main camera (live stream) + Lower third, Logo", or the components alone: "Lower third, Logo". */
function onAirWords(layout: PlainStudioLayout, episode: FileEpisode): string {
  const components = componentNames(layout, episode);
  if (episode.locationId === undefined) return components.join(", ");
  const source = episodeSource(layout, episode);
  const shown = source ? `${source.resourceName} (${kindOf(source)})` : episode.locationId;
  return components.length === 0 ? shown : `${shown} + ${components.join(", ")}`;
}

/** How the episode ends, in words, for its tooltip and its table row. */
function switchWords(episode: FileEpisode): string {
  if (episode.locationId === undefined) return "ends at its end time";
  return episode.switchType === "ContentFirst" ? "lets its content finish, then switches (ContentFirst)" : "switches at its end time (TimeFirst)";
}

const COMPONENT_EPISODE_STYLE = { accent: MUTED, tint: "#eef1f4" };
const BAR_FONT: Font = { size: 11 };

function episodeRow(entry: TimedEpisode, top: number, geometry: TimelineGeometry, mode: TimelineMode, layout: PlainStudioLayout): Markup {
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
    tooltip(`${name} "${episode.episodeName}": ${spanText(start, end, mode.zone)}; shows ${onAirWords(layout, episode)}; ${switchWords(episode)}`),
    ...rowLabel(name, spanParts(start, end, mode.zone), top, mode, "episode-name"),
    element("rect", {
      "data-part": "bar", x, y: middle - SEGMENT_HEIGHT / 2, width, height: SEGMENT_HEIGHT, rx: 4,
      fill: style.tint, stroke: style.accent, "stroke-width": 1.5,
    }),
    label,
  );
}

const SECTION_HEADING_FONT: Font = { size: 15, bold: true };

type TimelineRowEntry = { kind: "group"; entry: TimedGroup } | { kind: "episode"; entry: TimedEpisode };

/**
 * The schedule's section, from `top`: episode groups and episodes on one time axis, in the order
 * they start; returns its markup and where it ends.
 */
function timeline(layout: PlainStudioLayout, top: number, zone: string | undefined): { markup: Markup; bottom: number } {
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

const TITLE_FONT: Font = { size: 20, bold: true };
const STATUS_FONT: Font = { size: 11, bold: true };
const STUDIO_FONT: Font = { size: 12.5 };
const ON_AIR = "#c62828";

/** The header line of a studio the layout makes: its status as a badge, then its facts. */
function studioHeader(studio: LayoutStudio, baseline: number): Markup {
  const status = studioStatus(studio).toUpperCase();
  const badgeWidth = estimateTextWidth(status, STATUS_FONT.size, true) + 16;
  const facts = studioFacts(studio).join(" · ");
  const factsX = MARGIN + badgeWidth + 8;
  return element("g", { "data-part": "studio", "data-running": String(studio.running === true) },
    tooltip(`${studioStatus(studio)}: ${facts}`),
    element("rect", {
      "data-part": "status", x: MARGIN, y: baseline - 13, width: badgeWidth, height: 18, rx: 9,
      fill: studio.running === true ? ON_AIR : MUTED,
    }),
    textElement({
      x: MARGIN + badgeWidth / 2, y: baseline, "font-size": STATUS_FONT.size, "font-weight": "bold", fill: "#ffffff", "text-anchor": "middle",
    }, status),
    textElement({ x: factsX, y: baseline, "font-size": STUDIO_FONT.size, fill: INK, "data-part": "studio-facts" },
      ellipsize(displayable(facts), SVG_WIDTH - MARGIN - factsX, STUDIO_FONT)),
  );
}

/**
 * The layout as a standalone SVG: the 99 positions as a 10-column grid (RV01 top-left), each
 * source's kind, name and playback hints in its cell, and below it the episode groups on a
 * time line. Long texts are shortened with an ellipsis and given in full in tooltips.
 */
export function renderSvg(layout: StudioLayoutDefinition, options: RenderOptions = {}): string {
  const plain = withSecretsAsText(layout);
  return `${studioPicture(plain, options.title ?? DEFAULT_TITLE, true, displayZone(plain, options))}\n`;
}

/** The zone the schedule is shown in besides UTC: the option's, else the file's; undefined for UTC only. */
function displayZone(layout: PlainStudioLayout, options: RenderOptions): string | undefined {
  const zone = options.zone ?? layout.timeZone;
  return isUtcZone(zone) ? undefined : zone;
}

/** The picture; without its heading for the HTML page, which has the same heading in HTML. */
function studioPicture(layout: PlainStudioLayout, title: string, withHeading: boolean, zone: string | undefined): Markup {
  const titleY = MARGIN + 18;
  const summaryY = titleY + 22;
  const studio = declaredStudio(layout);
  const studioY = summaryY + 26;
  const legendTop = withHeading ? (studio ? studioY + 20 : summaryY + 16) : MARGIN;
  const gridTop = legendTop + 30;
  const gridBottom = gridTop + gridHeight(layout);
  const screens = compositionSection(layout, { top: gridBottom + 28, left: MARGIN, width: SVG_WIDTH - 2 * MARGIN });
  const section = timeline(layout, (screens?.bottom ?? gridBottom) + 28, zone);
  const height = section.bottom + MARGIN;
  const label = `${title}: ${summary(layout)}`;
  return element("svg", {
    xmlns: "http://www.w3.org/2000/svg",
    width: SVG_WIDTH,
    height,
    viewBox: `0 0 ${SVG_WIDTH} ${formatNumber(height)}`,
    role: "img",
    "aria-label": label,
    "font-family": FONT_FAMILY,
  },
    element("title", {}, escapeXml(label)),
    element("rect", { x: 0, y: 0, width: SVG_WIDTH, height, fill: "#ffffff" }),
    ...(withHeading ? [
      textElement({ x: MARGIN, y: titleY, "font-size": TITLE_FONT.size, "font-weight": "bold", fill: INK, "data-part": "title" },
        ellipsize(displayable(title), SVG_WIDTH - 2 * MARGIN, TITLE_FONT)),
      textElement({ x: MARGIN, y: summaryY, "font-size": 12.5, fill: MUTED, "data-part": "summary" },
        ellipsize(displayable(summary(layout)), SVG_WIDTH - 2 * MARGIN, { size: 12.5 })),
      ...(studio ? [studioHeader(studio, studioY)] : []),
    ] : []),
    legend(layout, legendTop),
    grid(layout, gridTop),
    ...(screens ? [screens.markup] : []),
    section.markup,
  );
}

// ---------------------------------------------------------------------------------------------
// The HTML page: the same picture, and the same facts as tables that read and search as text.

const PAGE_STYLE = `
  :root { color-scheme: light; }
  body { margin: 0; background: #ffffff; color: ${INK}; font: 14px/1.45 ${FONT_FAMILY}; }
  main { max-width: ${SVG_WIDTH + 2}px; margin: 0 auto; padding: 24px 24px 48px; }
  h1 { font-size: 22px; margin: 0 0 4px; }
  h2 { font-size: 17px; margin: 32px 0 10px; }
  .summary { color: ${MUTED}; margin: 0 0 16px; }
  figure { margin: 0; border: 1px solid ${RULE}; border-radius: 8px; overflow: hidden; }
  figure svg { display: block; width: 100%; height: auto; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; vertical-align: top; padding: 6px 10px; border-bottom: 1px solid #eaeef2; }
  th { background: #f6f8fa; border-bottom: 1px solid ${RULE}; font-weight: bold; white-space: nowrap; }
  td { overflow-wrap: anywhere; }
  td.position, td.start { white-space: nowrap; font-variant-numeric: tabular-nums; }
  .kind { display: inline-block; padding: 0 8px; border-radius: 10px; color: #ffffff; font-size: 12px; white-space: nowrap; }
  .none, .written { color: ${MUTED}; }
  .studio { margin: 0 0 16px; }
  .status { display: inline-block; padding: 0 10px; margin-right: 6px; border-radius: 10px; color: #ffffff; font-size: 12px; font-weight: bold; text-transform: uppercase; }
  .written { display: block; font-size: 12px; }
  ol { margin: 0; padding-left: 20px; }
${PAGE_STYLE_COMPOSITION}`;

/** The page's line for a studio the layout makes: its status, then its facts. */
function studioParagraph(studio: LayoutStudio): Markup {
  return htmlElement("p", { class: "studio", "data-part": "studio", "data-running": String(studio.running === true) },
    htmlElement("span", { class: "status", style: `background: ${studio.running === true ? ON_AIR : MUTED}` }, escapeXml(studioStatus(studio))),
    escapeXml(studioFacts(studio).join(" · ")),
  );
}

function htmlCell(className: string | undefined, content: Markup): Markup {
  return htmlElement("td", { class: className }, content);
}

function listOrNone(items: string[]): Markup {
  if (items.length === 0) return htmlElement("span", { class: "none" }, escapeXml("—"));
  return escapeXml(items.join("; "));
}

function sourcesTable(layout: PlainStudioLayout): Markup {
  const locations = sortedLocations(layout);
  if (locations.length === 0) return htmlElement("p", { class: "none" }, escapeXml("No sources in this file."));
  const rows = locations.map((location) => {
    const source = (layout.sources ?? {})[location];
    const property = sourcePropertyOf(source);
    return htmlElement("tr", { "data-location": location },
      htmlCell("position", escapeXml(location)),
      htmlCell(undefined, htmlElement("span", { class: "kind", style: `background: ${KIND_STYLES[property].accent}` }, escapeXml(kindOf(source)))),
      htmlCell(undefined, escapeXml(source.resourceName)),
      htmlCell(undefined, listOrNone(playbackSettings(source))),
    );
  });
  return htmlElement("table", { "data-part": "sources" },
    htmlElement("thead", {}, htmlElement("tr", {}, ...["Position", "Kind", "Name", "Playback"].map((name) => htmlElement("th", {}, escapeXml(name))))),
    htmlElement("tbody", {}, joinMarkup(rows)),
  );
}

/** What a group sets besides its schedule; the URLs themselves are left out, only that they are set. */
function groupSettings(group: LayoutEpisodeGroup): string[] {
  const settings: string[] = [];
  if (group.regionId !== undefined) settings.push(`region ${group.regionId}`);
  if (group.domainName !== undefined) settings.push(`domain ${group.domainName}`);
  if (group.callbackUrl !== undefined) settings.push("own callback URL");
  if (group.sideOutputUrl !== undefined) settings.push("own side output URL");
  return settings;
}

function groupsTable(layout: PlainStudioLayout, zone: string | undefined): Markup {
  const groups = groupsByStartTime(layout);
  if (groups.length === 0) return htmlElement("p", { class: "none" }, escapeXml("No episode groups in this file."));
  const rows = groups.map(({ name, group, start }) => {
    const utc = formatUtc(start);
    // The time in the zone the schedule is read in, and the file's own form when it differs
    // (another zone), so the reviewer can find it there.
    const zoned = momentParts(start, zone).zoned;
    const inZone = zoned === undefined ? [] : [htmlElement("span", { class: "written" }, escapeXml(zoned))];
    const written = new Date(start).toISOString().replace(".000Z", "Z") === group.startTime ? [] : [
      htmlElement("span", { class: "written" }, escapeXml(`written ${group.startTime}`)),
    ];
    return htmlElement("tr", { "data-group": name },
      htmlCell(undefined, escapeXml(name)),
      htmlCell("start", joinMarkup([escapeXml(utc), ...inZone, ...written], "")),
      htmlCell(undefined, escapeXml(describeRepeat(group))),
      htmlCell(undefined, htmlElement("ol", {}, ...group.items.map((item) => htmlElement("li", {}, escapeXml(item.itemName))))),
      htmlCell(undefined, listOrNone(groupSettings(group))),
    );
  });
  return htmlElement("table", { "data-part": "episode-groups" },
    htmlElement("thead", {}, htmlElement("tr", {},
      ...["Name", "Start (UTC)", "Repeat", "Items, in playing order", "Settings"].map((name) => htmlElement("th", {}, escapeXml(name))))),
    htmlElement("tbody", {}, joinMarkup(rows)),
  );
}

/** The episodes in the order they start: when (in the zone and UTC), what is on air, how each ends. */
function episodesTable(layout: PlainStudioLayout, zone: string | undefined): Markup {
  const episodes = episodesByStartTime(layout);
  const rows = episodes.map(({ name, episode, start, end }) => {
    const { zoned, utc } = spanParts(start, end, zone);
    return htmlElement("tr", { "data-episode": name },
      htmlCell(undefined, joinMarkup([escapeXml(name), htmlElement("span", { class: "written" }, escapeXml(episode.episodeName))], "")),
      htmlCell("start", joinMarkup(zoned === undefined ? [escapeXml(utc)] : [escapeXml(zoned), htmlElement("span", { class: "written" }, escapeXml(utc))], "")),
      htmlCell(undefined, escapeXml(episode.locationId === undefined ? "components" : `source ${episode.locationId}`)),
      htmlCell(undefined, escapeXml(onAirWords(layout, episode))),
      htmlCell(undefined, escapeXml(switchWords(episode))),
    );
  });
  return htmlElement("table", { "data-part": "episodes" },
    htmlElement("thead", {}, htmlElement("tr", {},
      ...["Episode", "When", "Shows", "On air", "Ends"].map((heading) => htmlElement("th", {}, escapeXml(heading))))),
    htmlElement("tbody", {}, joinMarkup(rows)),
  );
}

/**
 * The layout as a self-contained HTML page: the SVG of {@link renderSvg}, then tables of the
 * sources and episode groups. It loads nothing (its content security policy forbids it) and
 * runs no script, so it can be opened from a CI artifact as it is.
 */
export function renderHtml(definition: StudioLayoutDefinition, options: RenderOptions = {}): string {
  const layout = withSecretsAsText(definition);
  const title = options.title ?? DEFAULT_TITLE;
  const zone = displayZone(layout, options);
  const episodes = Object.keys(layout.episodes ?? {}).length > 0
    ? [htmlElement("h2", { id: "episodes" }, escapeXml("Episodes")), episodesTable(layout, zone)]
    : [];
  return [
    "<!DOCTYPE html>",
    "<html lang=\"en\">",
    "<head>",
    element("meta", { charset: "utf-8" }),
    element("meta", { name: "viewport", content: "width=device-width, initial-scale=1" }),
    element("meta", { "http-equiv": "Content-Security-Policy", content: "default-src 'none'; style-src 'unsafe-inline'" }),
    htmlElement("title", {}, escapeXml(title)),
    `<style>${PAGE_STYLE}</style>`,
    "</head>",
    "<body>",
    "<main>",
    htmlElement("h1", {}, escapeXml(title)),
    htmlElement("p", { class: "summary" }, escapeXml(summary(layout))),
    ...(declaredStudio(layout) ? [studioParagraph(declaredStudio(layout) as LayoutStudio)] : []),
    htmlElement("figure", {}, studioPicture(layout, title, false, zone)),
    htmlElement("h2", { id: "sources" }, escapeXml("Sources")),
    sourcesTable(layout),
    ...compositionTables(layout),
    ...episodes,
    htmlElement("h2", { id: "episode-groups" }, escapeXml("Episode groups")),
    groupsTable(layout, zone),
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
