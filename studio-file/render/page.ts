import { LayoutStudio, PlainStudioFile, sortedLocations, sourcePropertyOf, StudioFileDefinition, withSecretsAsText } from "../schema";
import { groupSettingsWords, sourceSettingsWords } from "../setting-words";
import { channelSettingsWords } from "../channel-words";
import { momentParts, spanParts } from "../words";
import {
  declaredStudio, describeRepeat, episodesByStartTime, formatUtc, groupsByStartTime, kindOf, onAirWords, studioFacts, studioStatus, summary,
  switchWords,
} from "./facts";
import { element, escapeXml, htmlElement, joinMarkup, KIND_STYLES, Markup, MUTED, ON_AIR } from "./markup";
import { DEFAULT_TITLE, displayZone, RenderOptions } from "./options";
import { compositionTables } from "./screens";
import { playlistTable } from "./playlist";
import { showListTable } from "./show-list";
import { studioLayoutsTable } from "./studio-layouts";
import { PAGE_STYLE } from "./style";
import { studioPicture } from "./svg";

/** The HTML page: the same picture, and the same facts as tables that read and search as text. */

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

function sourcesTable(layout: PlainStudioFile): Markup {
  const locations = sortedLocations(layout);
  if (locations.length === 0) return htmlElement("p", { class: "none" }, escapeXml("No sources in this file."));
  const rows = locations.map((location) => {
    const source = (layout.sources ?? {})[location];
    const property = sourcePropertyOf(source);
    return htmlElement("tr", { "data-location": location },
      htmlCell("position", escapeXml(location)),
      htmlCell(undefined, htmlElement("span", { class: "kind", style: `background: ${KIND_STYLES[property].accent}` }, escapeXml(kindOf(source)))),
      htmlCell(undefined, escapeXml(source.resourceName)),
      htmlCell(undefined, listOrNone(sourceSettingsWords(source, "listing"))),
    );
  });
  return htmlElement("table", { "data-part": "sources" },
    htmlElement("thead", {}, htmlElement("tr", {}, ...["Position", "Kind", "Name", "Playback"].map((name) => htmlElement("th", {}, escapeXml(name))))),
    htmlElement("tbody", {}, joinMarkup(rows)),
  );
}

/** A channel-mode studio's channels: which source plays on which channel, and how. None when the file sets no channel. */
function channelsTable(layout: PlainStudioFile): Markup[] {
  const channelIds = Object.keys(layout.channels ?? {}).sort();
  if (channelIds.length === 0) return [];
  const rows = channelIds.map((channelId) => {
    const channel = layout.channels![channelId];
    const source = layout.sources?.[channel.source];
    return htmlElement("tr", { "data-channel": channelId },
      htmlCell("position", escapeXml(channelId)),
      htmlCell("position", escapeXml(channel.source)),
      htmlCell(undefined, escapeXml(source ? `${source.resourceName} (${kindOf(source)})` : "no source")),
      htmlCell(undefined, listOrNone(channelSettingsWords(channel))),
    );
  });
  return [
    htmlElement("h2", { id: "channels" }, escapeXml("Channels")),
    htmlElement("table", { "data-part": "channels" },
      htmlElement("thead", {}, htmlElement("tr", {}, ...["Channel", "Source", "Name", "Settings"].map((name) => htmlElement("th", {}, escapeXml(name))))),
      htmlElement("tbody", {}, joinMarkup(rows)),
    ),
  ];
}

function groupsTable(layout: PlainStudioFile, zone: string | undefined): Markup {
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
      htmlCell(undefined, listOrNone(groupSettingsWords(group, "listing"))),
    );
  });
  return htmlElement("table", { "data-part": "episode-groups" },
    htmlElement("thead", {}, htmlElement("tr", {},
      ...["Name", "Start (UTC)", "Repeat", "Items, in playing order", "Settings"].map((name) => htmlElement("th", {}, escapeXml(name))))),
    htmlElement("tbody", {}, joinMarkup(rows)),
  );
}

/** The episodes in the order they start: when (in the zone and UTC), what is on air, how each ends. */
function episodesTable(layout: PlainStudioFile, zone: string | undefined): Markup {
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
export function renderHtml(definition: StudioFileDefinition, options: RenderOptions = {}): string {
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
    ...channelsTable(layout),
    ...compositionTables(layout),
    ...episodes,
    htmlElement("h2", { id: "episode-groups" }, escapeXml("Episode groups")),
    groupsTable(layout, zone),
    ...showListTable(layout),
    ...playlistTable(layout),
    ...studioLayoutsTable(layout),
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
