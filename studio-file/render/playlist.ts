import { FilePlaylist, PlainStudioFile } from "../schema";
import { listRepeatPhrase } from "../show-words";
import { CELL_GAP, CELL_HEIGHT, CELL_WIDTH, GRID_COLUMNS, MARGIN, SECTION_HEADING_FONT, SVG_WIDTH } from "./canvas";
import {
  displayable, element, ellipsize, escapeXml, Font, htmlElement, INK, joinMarkup, KIND_STYLES, Markup, MUTED, textElement, tooltip, wrapText,
} from "./markup";

/**
 * A lightweight carousel studio's playlist, drawn as the show list is: its items as cards in
 * playing order (the number, the item's name, its VOD file's media ID), and a line with the list's
 * name and how often it plays. A playlist plays VOD files only: every card has the file's colour.
 */

/** At most this many cards; the rest are counted ("… and 12 more"), and all are in the page's table. */
const MAX_CARDS = 2 * GRID_COLUMNS;
const NUMBER_FONT: Font = { size: 11, bold: true };
const NAME_FONT: Font = { size: 12 };
const MEDIA_FONT: Font = { size: 10 };
const STYLE = KIND_STYLES.vodUrl;
const RESOURCE_WORDS = "VOD file";

/** The list's settings: `named "Night loop" · the list loops forever`. RepeatNumber counts as a show list's repeatTimes does. */
export function playlistFacts(playlist: FilePlaylist): string[] {
  return [
    ...(playlist.programName !== undefined ? [`named "${playlist.programName}"`] : []),
    `the list ${listRepeatPhrase({ repeatTimes: playlist.repeatNumber ?? 0 })}`,
  ];
}

function card(item: FilePlaylist["items"][number], index: number, top: number): Markup {
  const x = MARGIN + (index % GRID_COLUMNS) * (CELL_WIDTH + CELL_GAP);
  const y = top + Math.floor(index / GRID_COLUMNS) * (CELL_HEIGHT + CELL_GAP);
  const left = x + 8;
  const number = String(index + 1);
  return element("g", { "data-playlist-item": item.itemName },
    tooltip(`${number}. ${item.itemName}\n${RESOURCE_WORDS} ${item.mediaId}`),
    element("rect", { "data-part": "playlist-item", x, y, width: CELL_WIDTH, height: CELL_HEIGHT, rx: 6, fill: STYLE.tint, stroke: STYLE.accent, "stroke-width": 1 }),
    element("rect", { x, y, width: CELL_WIDTH, height: 19, rx: 6, fill: STYLE.accent }),
    textElement({ x: left, y: y + 14, "font-size": NUMBER_FONT.size, "font-weight": "bold", fill: "#ffffff" }, number),
    textElement({ x: x + CELL_WIDTH - 8, y: y + 14, "font-size": MEDIA_FONT.size, fill: "#ffffff", "text-anchor": "end" }, RESOURCE_WORDS),
    ...wrapText(displayable(item.itemName), CELL_WIDTH - 16, NAME_FONT, 2)
      .map((line, lineIndex) => textElement({ x: left, y: y + 36 + lineIndex * 15, "font-size": NAME_FONT.size, fill: INK, "data-part": "name" }, line)),
    textElement({ x: left, y: y + CELL_HEIGHT - 7, "font-size": MEDIA_FONT.size, fill: STYLE.accent, "data-part": "media" },
      ellipsize(displayable(item.mediaId), CELL_WIDTH - 16, MEDIA_FONT)),
  );
}

/** The picture's playlist section from `top`; undefined for a file without one, whose picture is as before. */
export function playlistSection(file: PlainStudioFile, top: number): { markup: Markup; bottom: number } | undefined {
  const playlist = file.playlist;
  if (!playlist) return undefined;
  const headingY = top + 16;
  const cards = playlist.items.slice(0, MAX_CARDS);
  const cardsTop = headingY + 34;
  const rows = Math.ceil(cards.length / GRID_COLUMNS);
  let bottom = cardsTop + rows * CELL_HEIGHT + (rows - 1) * CELL_GAP;
  const rest = playlist.items.length - cards.length;
  const more = rest > 0
    ? [textElement({ x: MARGIN, y: bottom + 18, "font-size": 12, fill: MUTED, "data-part": "more-playlist-items" }, `… and ${rest} more ${rest === 1 ? "item" : "items"}`)]
    : [];
  if (rest > 0) bottom += 24;
  const count = playlist.items.length === 1 ? "1 item" : `${playlist.items.length} items`;
  return {
    markup: element("g", { "data-part": "playlist" },
      textElement({ x: MARGIN, y: headingY, "font-size": SECTION_HEADING_FONT.size, "font-weight": "bold", fill: INK }, "Playlist"),
      textElement({ x: MARGIN, y: headingY + 20, "font-size": 11, fill: MUTED, "font-style": "italic", "data-part": "playlist-facts" },
        ellipsize(displayable(`${count} in playing order; ${playlistFacts(playlist).join(" · ")}`), SVG_WIDTH - 2 * MARGIN, { size: 11 })),
      joinMarkup(cards.map((item, index) => card(item, index, cardsTop))),
      ...more,
    ),
    bottom,
  };
}

/** The page's table of the playlist: every item, in playing order. */
export function playlistTable(file: PlainStudioFile): Markup[] {
  const playlist = file.playlist;
  if (!playlist) return [];
  const rows = playlist.items.map((item, index) => htmlElement("tr", { "data-playlist-item": item.itemName },
    htmlElement("td", { class: "position" }, escapeXml(String(index + 1))),
    htmlElement("td", {}, escapeXml(item.itemName)),
    htmlElement("td", {}, htmlElement("span", { class: "kind", style: `background: ${STYLE.accent}` }, escapeXml(RESOURCE_WORDS))),
    htmlElement("td", {}, escapeXml(item.mediaId)),
  ));
  return [
    htmlElement("h2", { id: "playlist" }, escapeXml("Playlist")),
    htmlElement("p", { "data-part": "playlist-facts" }, escapeXml(playlistFacts(playlist).join(" · "))),
    htmlElement("table", { "data-part": "playlist" },
      htmlElement("thead", {}, htmlElement("tr", {}, ...["#", "Item", "Plays", "Media ID"].map((heading) => htmlElement("th", {}, escapeXml(heading))))),
      htmlElement("tbody", {}, joinMarkup(rows))),
  ];
}
