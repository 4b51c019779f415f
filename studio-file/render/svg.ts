import { SourceProperty } from "../../model/kinds/caster-video-resource";
import {
  LayoutSource, LayoutStudio, PlainStudioFile, SOURCE_KINDS, sortedLocations, sourcePropertyOf, StudioFileDefinition, withSecretsAsText,
} from "../schema";
import { sourceSettingsWords } from "../setting-words";
import { CELL_GAP, CELL_HEIGHT, CELL_WIDTH, GRID_COLUMNS, MARGIN, SECTION_HEADING_FONT, SVG_WIDTH } from "./canvas";
import { declaredStudio, studioFacts, studioStatus, summary } from "./facts";
import {
  Attributes, displayable, element, ellipsize, escapeXml, estimateTextWidth, Font, FONT_FAMILY, formatNumber, INK, joinMarkup, KIND_STYLES,
  Markup, MUTED, ON_AIR, packHints, textElement, tooltip, wrapText,
} from "./markup";
import { DEFAULT_TITLE, displayZone, RenderOptions } from "./options";
import { compositionSection } from "./screens";
import { playlistSection } from "./playlist";
import { showListSection } from "./show-list";
import { studioLayoutsSection } from "./studio-layouts";
import { timeline } from "./timeline";

/** The picture's frame, its heading and studio header, and the source cards; the sections below them are drawn by screens.ts and timeline.ts. */

const CELL_PADDING = 8;
const CELL_HEADER_HEIGHT = 19;

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
function gridHeight(layout: PlainStudioFile): number {
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

/** The channels that play the source at `location`, in a channel-mode file: "channel RV01", "channels RV01, RV03". */
function channelsPlaying(layout: PlainStudioFile, location: string): string[] {
  const channels = Object.entries(layout.channels ?? {}).filter(([, channel]) => channel.source === location).map(([channelId]) => channelId).sort();
  return channels.length > 0 ? [`channel${channels.length === 1 ? "" : "s"} ${channels.join(", ")}`] : [];
}

function occupiedCell(location: string, source: LayoutSource, box: Box, onChannels: string[]): Markup {
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
  const hintLines = packHints([...onChannels, ...sourceSettingsWords(source, "hint")], innerWidth, HINT_FONT, 3 - nameLines.length);
  const hintsBottom = box.y + box.height - 7;
  const details = [`${location} · ${kind}`, source.resourceName, ...onChannels, ...sourceSettingsWords(source, "listing")];
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
function grid(layout: PlainStudioFile, top: number): Markup {
  const sources = layout.sources ?? {};
  const locations = sortedLocations(layout);
  if (locations.length === 0) {
    return element("g", { "data-part": "grid" },
      textElement({ x: MARGIN, y: top + 13, "font-size": 12, fill: MUTED, "data-part": "no-sources" }, "No sources in this file."));
  }
  const cells = locations.map((location, index) => occupiedCell(location, sources[location], cellBox(index, top), channelsPlaying(layout, location)));
  return element("g", { "data-part": "grid" }, joinMarkup(cells));
}

/** One swatch per kind, with how many sources are of it. */
function legend(layout: PlainStudioFile, top: number): Markup {
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

const TITLE_FONT: Font = { size: 20, bold: true };
const STATUS_FONT: Font = { size: 11, bold: true };
const STUDIO_FONT: Font = { size: 12.5 };

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
export function renderSvg(layout: StudioFileDefinition, options: RenderOptions = {}): string {
  const plain = withSecretsAsText(layout);
  return `${studioPicture(plain, options.title ?? DEFAULT_TITLE, true, displayZone(plain, options))}\n`;
}

/** The picture; without its heading for the HTML page, which has the same heading in HTML. */
export function studioPicture(layout: PlainStudioFile, title: string, withHeading: boolean, zone: string | undefined): Markup {
  const titleY = MARGIN + 18;
  const summaryY = titleY + 22;
  const studio = declaredStudio(layout);
  const studioY = summaryY + 26;
  const legendTop = withHeading ? (studio ? studioY + 20 : summaryY + 16) : MARGIN;
  const gridTop = legendTop + 30;
  const gridBottom = gridTop + gridHeight(layout);
  const screens = compositionSection(layout, { top: gridBottom + 28, left: MARGIN, width: SVG_WIDTH - 2 * MARGIN });
  const section = timeline(layout, (screens?.bottom ?? gridBottom) + 28, zone);
  const showList = showListSection(layout, section.bottom + 28);
  const afterShowList = showList?.bottom ?? section.bottom;
  const playlist = playlistSection(layout, afterShowList + 28);
  const afterPlaylist = playlist?.bottom ?? afterShowList;
  const studioLayouts = studioLayoutsSection(layout, afterPlaylist + 28);
  const height = (studioLayouts?.bottom ?? afterPlaylist) + MARGIN;
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
    ...(showList ? [showList.markup] : []),
    ...(playlist ? [playlist.markup] : []),
    ...(studioLayouts ? [studioLayouts.markup] : []),
  );
}
