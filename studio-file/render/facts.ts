import { POSITIONS } from "../../model/api-facts";
import { FileEpisode, isNewStudio, LayoutEpisodeGroup, LayoutSource, LayoutStudio, PlainStudioFile, SOURCE_KINDS, sortedLocations, sourcePropertyOf } from "../schema";
import { delayPhrase, describeCaster, standbyKind, studioType, templatePhrase } from "../words";
import { compositionSummary } from "./screens";

/**
 * What the file says, as the short and long texts both the picture and the page show, so that
 * the two say it alike.
 */

export function kindOf(source: LayoutSource): string {
  return SOURCE_KINDS[sourcePropertyOf(source)];
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function summary(layout: PlainStudioFile): string {
  const sources = sortedLocations(layout).length;
  const groups = Object.keys(layout.episodeGroups ?? {}).length;
  const composition = compositionSummary(layout);
  const episodes = Object.keys(layout.episodes ?? {}).length;
  return `${describeCaster(layout.caster)} · ${sources} of ${POSITIONS} positions used · ${plural(groups, "episode group")}`
    + `${composition ? ` · ${composition}` : ""}${episodes > 0 ? ` · ${plural(episodes, "episode")}` : ""}`
    + `${layout.showList ? ` · a show list of ${plural(layout.showList.shows.length, "show")}` : ""}`
    + `${layout.playlist ? ` · a playlist of ${plural(layout.playlist.items.length, "item")}` : ""}`
    + `${(layout.studioLayouts?.length ?? 0) > 0 ? ` · ${plural(layout.studioLayouts!.length, "studio layout")}` : ""}`;
}

/** The studio a layout makes (`caster: { new: ... }`), whose header the picture and the page show. */
export function declaredStudio(layout: PlainStudioFile): LayoutStudio | undefined {
  return isNewStudio(layout.caster) ? layout.caster.new : undefined;
}

/** Whether the studio runs: "On air" or "Stopped". */
export function studioStatus(studio: LayoutStudio): string {
  return studio.running === true ? "On air" : "Stopped";
}

/**
 * A new studio's header, after its status: name, type, output template, delay, domain, standby and
 * what else it declares. No URL: the standby is named by its kind, as a source is.
 */
export function studioFacts(studio: LayoutStudio): string[] {
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

export interface TimedGroup {
  name: string;
  group: LayoutEpisodeGroup;
  /** ms since the epoch. */
  start: number;
}

/** The groups in the order they start; groups that start together, by name, so the output is stable. */
export function groupsByStartTime(layout: PlainStudioFile): TimedGroup[] {
  return Object.entries(layout.episodeGroups ?? {})
    .map(([name, group]) => ({ name, group, start: Date.parse(group.startTime) }))
    .sort((a, b) => a.start - b.start || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** 2026-12-24 20:00 UTC; seconds only when there are any. */
export function formatUtc(ms: number): string {
  const iso = new Date(ms).toISOString();
  const seconds = iso.slice(17, 19);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}${seconds === "00" ? "" : `:${seconds}`} UTC`;
}

export function describeRepeat(group: LayoutEpisodeGroup): string {
  return group.repeatNum === -1 ? "loops" : "plays once";
}

// Episodes ------------------------------------------------------------------------------------

export interface TimedEpisode {
  name: string;
  episode: FileEpisode;
  /** ms since the epoch. */
  start: number;
  end: number;
}

/** The episodes in the order they start; together, by name. */
export function episodesByStartTime(layout: PlainStudioFile): TimedEpisode[] {
  return Object.entries(layout.episodes ?? {})
    .map(([name, episode]) => ({ name, episode, start: Date.parse(episode.startTime), end: Date.parse(episode.endTime) }))
    .sort((a, b) => a.start - b.start || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The names of an episode's components, bottom to top: their componentName, else position and type. */
export function componentNames(layout: PlainStudioFile, episode: FileEpisode): string[] {
  return (episode.components ?? []).map((position) => {
    const component = layout.components?.[position];
    return component?.componentName ?? (component ? `${position} (${component.componentType})` : position);
  });
}

/** The source an episode switches to, if any, and whether it has one (a Component episode has none). */
export function episodeSource(layout: PlainStudioFile, episode: FileEpisode): LayoutSource | undefined {
  return episode.locationId === undefined ? undefined : layout.sources?.[episode.locationId];
}

/** What is on air: "Main camera (live stream) + Lower third, Logo", or the components alone: "Lower third, Logo". */
export function onAirWords(layout: PlainStudioFile, episode: FileEpisode): string {
  const components = componentNames(layout, episode);
  if (episode.locationId === undefined) return components.join(", ");
  const source = episodeSource(layout, episode);
  const shown = source ? `${source.resourceName} (${kindOf(source)})` : episode.locationId;
  return components.length === 0 ? shown : `${shown} + ${components.join(", ")}`;
}

/** How the episode ends, in words, for its tooltip and its table row. */
export function switchWords(episode: FileEpisode): string {
  if (episode.locationId === undefined) return "ends at its end time";
  return episode.switchType === "ContentFirst" ? "lets its content finish, then switches (ContentFirst)" : "switches at its end time (TimeFirst)";
}

