import { FileShow, PlainStudioFile } from "../schema";
import { listRepeatPhrase, playsPhrase, priorityPhrase, SHOW_RESOURCE_WORDS } from "../show-words";
import { duration } from "../words";
import { CELL_GAP, CELL_HEIGHT, CELL_WIDTH, GRID_COLUMNS, MARGIN, SECTION_HEADING_FONT, SVG_WIDTH } from "./canvas";
import {
  displayable, element, ellipsize, escapeXml, Font, htmlElement, INK, joinMarkup, KIND_STYLES, KindStyle, Markup, MUTED, textElement, tooltip, wrapText,
} from "./markup";

/**
 * The show list: its shows as cards in playing order (the number, what each plays by its type,
 * its name, how long), and a line with how often the list plays, its priority show and whether it
 * has a background. No URL is drawn, as for a source: a show is shown by its resource's type.
 */

/** At most this many cards; the rest are counted ("… and 12 more"), and all are in the page's table. */
const MAX_CARDS = 2 * GRID_COLUMNS;
const NUMBER_FONT: Font = { size: 11, bold: true };
const NAME_FONT: Font = { size: 12 };
const LENGTH_FONT: Font = { size: 10 };

/** Each resource type in the colour of the source kind that plays the same. */
const SHOW_STYLES: Record<FileShow["resourceType"], KindStyle> = {
  live: KIND_STYLES.liveStreamUrl,
  vod: KIND_STYLES.vodUrl,
  pic: KIND_STYLES.imageUrl,
};

/** "for 30 min", "plays twice", "plays once" */
export function showLength(show: FileShow): string {
  return show.duration !== undefined ? `for ${duration(show.duration * 1000)}` : `plays ${playsPhrase(show.repeatTimes ?? 0)}`;
}

/** What the resource is, without its URL: "file", "file (media library)". */
function resourceWords(show: FileShow): string {
  return `${SHOW_RESOURCE_WORDS[show.resourceType]}${show.resourceId !== undefined ? " (media library)" : ""}`;
}

/** The list's settings in one line: "loops forever · priority "Breaking news" at … · with a background". */
export function showListFacts(file: PlainStudioFile): string[] {
  const list = file.showList;
  if (!list) return [];
  const priority = priorityPhrase(list);
  return [
    `the list ${listRepeatPhrase(list)}`,
    ...(priority ? [`priority show ${priority}`] : []),
    list.background ? `background: ${list.background.resourceType ? SHOW_RESOURCE_WORDS[list.background.resourceType] : "set"}` : "no background",
  ];
}

function card(show: FileShow, index: number, top: number): Markup {
  const column = index % GRID_COLUMNS;
  const row = Math.floor(index / GRID_COLUMNS);
  const x = MARGIN + column * (CELL_WIDTH + CELL_GAP);
  const y = top + row * (CELL_HEIGHT + CELL_GAP);
  const style = SHOW_STYLES[show.resourceType];
  const left = x + 8;
  const right = x + CELL_WIDTH - 8;
  const number = String(index + 1);
  const nameLines = wrapText(displayable(show.showName), CELL_WIDTH - 16, NAME_FONT, 2);
  return element("g", { "data-show": show.showName, "data-resource-type": show.resourceType },
    tooltip(`${number}. ${show.showName}\n${resourceWords(show)}, ${showLength(show)}`),
    element("rect", { "data-part": "show", x, y, width: CELL_WIDTH, height: CELL_HEIGHT, rx: 6, fill: style.tint, stroke: style.accent, "stroke-width": 1 }),
    element("rect", { x, y, width: CELL_WIDTH, height: 19, rx: 6, fill: style.accent }),
    textElement({ x: left, y: y + 14, "font-size": NUMBER_FONT.size, "font-weight": "bold", fill: "#ffffff" }, number),
    textElement({ x: right, y: y + 14, "font-size": LENGTH_FONT.size, fill: "#ffffff", "text-anchor": "end" }, resourceWords(show)),
    ...nameLines.map((line, lineIndex) => textElement({ x: left, y: y + 36 + lineIndex * 15, "font-size": NAME_FONT.size, fill: INK, "data-part": "name" }, line)),
    textElement({ x: left, y: y + CELL_HEIGHT - 7, "font-size": LENGTH_FONT.size, fill: style.accent, "data-part": "length" }, showLength(show)),
  );
}

/** The picture's show-list section from `top`; undefined for a file without one, whose picture is as before. */
export function showListSection(file: PlainStudioFile, top: number): { markup: Markup; bottom: number } | undefined {
  const list = file.showList;
  if (!list) return undefined;
  const headingY = top + 16;
  const cards = list.shows.slice(0, MAX_CARDS);
  const cardsTop = headingY + 34;
  const rows = Math.ceil(cards.length / GRID_COLUMNS);
  let bottom = cardsTop + rows * CELL_HEIGHT + (rows - 1) * CELL_GAP;
  const rest = list.shows.length - cards.length;
  const more = rest > 0
    ? [textElement({ x: MARGIN, y: bottom + 18, "font-size": 12, fill: MUTED, "data-part": "more-shows" }, `… and ${rest} more ${rest === 1 ? "show" : "shows"}`)]
    : [];
  if (rest > 0) bottom += 24;
  return {
    markup: element("g", { "data-part": "show-list" },
      textElement({ x: MARGIN, y: headingY, "font-size": SECTION_HEADING_FONT.size, "font-weight": "bold", fill: INK }, "Show list"),
      textElement({ x: MARGIN, y: headingY + 20, "font-size": 11, fill: MUTED, "font-style": "italic", "data-part": "show-list-facts" },
        ellipsize(displayable(`${list.shows.length === 1 ? "1 show" : `${list.shows.length} shows`} in playing order; ${showListFacts(file).join(" · ")}`), SVG_WIDTH - 2 * MARGIN, { size: 11 })),
      joinMarkup(cards.map((show, index) => card(show, index, cardsTop))),
      ...more,
    ),
    bottom,
  };
}

/** The page's table of the show list: every show, in playing order. */
export function showListTable(file: PlainStudioFile): Markup[] {
  const list = file.showList;
  if (!list) return [];
  const rows = list.shows.map((show, index) => htmlElement("tr", { "data-show": show.showName },
    htmlElement("td", { class: "position" }, escapeXml(String(index + 1))),
    htmlElement("td", {}, escapeXml(show.showName)),
    htmlElement("td", {}, htmlElement("span", { class: "kind", style: `background: ${SHOW_STYLES[show.resourceType].accent}` }, escapeXml(resourceWords(show)))),
    htmlElement("td", {}, escapeXml(showLength(show))),
  ));
  return [
    htmlElement("h2", { id: "show-list" }, escapeXml("Show list")),
    htmlElement("p", { "data-part": "show-list-facts" }, escapeXml(showListFacts(file).join(" · "))),
    htmlElement("table", { "data-part": "show-list" },
      htmlElement("thead", {}, htmlElement("tr", {}, ...["#", "Show", "Plays", "How long"].map((heading) => htmlElement("th", {}, escapeXml(heading))))),
      htmlElement("tbody", {}, joinMarkup(rows))),
  ];
}
