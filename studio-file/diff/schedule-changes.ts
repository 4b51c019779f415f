import { casterEpisode, episodeTypeOf } from "../../model/kinds/caster-episode";
import { replacedOnChange } from "../../model/kinds/kind";
import { LayoutChange } from "./change";
import { matchEntries } from "./match";
import { FileEpisode, PlainStudioFile } from "../schema";
import { joinAnd, lengthPhrase, quote, sentence, spanList } from "../words";

/**
 * What changes in the schedule, in words: episodes by name, in the order they start. As for the
 * rest of the file, every decision mirrors what `pulumi up` does with the Studio
 * component's episode children: the CasterEpisode kind says what a change replaces (its type)
 * and what is modified in place (ModifyCasterEpisode: its name, source, components, times and
 * switch type). Times are given in the file's zone (the new file's, else the old one's) and in UTC.
 */

/** What replaces an episode: the kind's fields with onChange "replace" (the file holds only episodeType of them). */
const EPISODE_REPLACED_ON_CHANGE = replacedOnChange(casterEpisode);

type Episodes = Record<string, FileEpisode>;

/** What else changes in the same diff, that an episode follows: sources and components made again. */
export interface ScheduleContext {
  /** Whether everything moves to another studio, where every episode is made again. */
  studioMoves: boolean;
  /** Positions whose source is replaced (a new resourceId): an episode showing one is set again. */
  replacedSources: ReadonlySet<string>;
  /** Positions whose component is replaced (a new componentId). */
  replacedComponents: ReadonlySet<string>;
}

/** The schedule's changes, in the order the episodes start (the new times, else the old). */
export function scheduleChanges(before: PlainStudioFile, after: PlainStudioFile, context: ScheduleContext): LayoutChange[] {
  const words = new ScheduleWords(before, after);
  const [old, next] = [before.episodes ?? {}, after.episodes ?? {}];
  // The same episode under a new name: for the reviewer a rename, for Pulumi a new child; on a new studio, everything is new.
  const { paired, removed, added, kept } = matchEntries(old, next, context.studioMoves ? [] : [sameEpisode]);
  const changes: { start: number; name: string; change: LayoutChange }[] = paired.map(({ from, to }) => ({ start: startOf(next[to]), name: to, change: {
    subject: subject(to),
    action: "replace",
    from: subject(from),
    summary: `Episode ${quote(from)} is renamed to ${quote(to)}, with the same source, components and times (${words.span(next[to])}): it is made again under its new name, and the old one deleted.`,
    details: [],
  } }));
  for (const from of removed) {
    changes.push({ start: startOf(old[from]), name: from, change: {
      subject: subject(from),
      action: "remove",
      summary: `Episode ${quote(from)} is removed (${words.span(old[from])}): it showed ${words.shows(old[from])}.`,
      details: [],
    } });
  }
  for (const name of added) changes.push({ start: startOf(next[name]), name, change: addChange(name, next[name], words) });
  for (const name of kept) {
    const change = updateChange(name, old[name], next[name], words, context);
    if (change) changes.push({ start: startOf(next[name]), name, change });
  }
  return changes
    .sort((a, b) => a.start - b.start || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(({ change }) => change);
}

/** Whether a file has a schedule of episodes. */
export function hasEpisodes(file: PlainStudioFile): boolean {
  return Object.keys(file.episodes ?? {}).length > 0;
}

function subject(name: string): string {
  return `episode ${name}`;
}

function startOf(episode: FileEpisode): number {
  return Date.parse(episode.startTime);
}

function endOf(episode: FileEpisode): number {
  return Date.parse(episode.endTime);
}

/** An episode as the provider compares it: times as instants, switchType with its default (TimeFirst). */
function normal(episode: FileEpisode) {
  return {
    episodeName: episode.episodeName,
    episodeType: episodeTypeOf(episode),
    locationId: episode.locationId,
    components: episode.components ?? [],
    start: startOf(episode),
    end: endOf(episode),
    switchType: episode.switchType ?? "TimeFirst",
  };
}

function sameEpisode(a: FileEpisode, b: FileEpisode): boolean {
  return JSON.stringify(normal(a)) === JSON.stringify(normal(b));
}

/** How a reviewer reads an episode: its times in the file's zone and UTC, what it shows by name. */
class ScheduleWords {
  private readonly zone: string | undefined;

  constructor(private readonly before: PlainStudioFile, private readonly after: PlainStudioFile) {
    this.zone = after.timeZone ?? before.timeZone;
  }

  /** "2030-12-24 20:00–21:00 Asia/Shanghai, 12:00–13:00 UTC" */
  span(episode: FileEpisode): string {
    return spanList(startOf(episode), endOf(episode), this.zone);
  }

  /** "Main camera (RV01)", or "RV01" when neither file names it. */
  source(location: string): string {
    const name = this.after.sources?.[location]?.resourceName ?? this.before.sources?.[location]?.resourceName;
    return name === undefined ? location : `${name} (${location})`;
  }

  /** `RC01 "Lower third"`, `RC02` */
  component(position: string): string {
    const name = this.after.components?.[position]?.componentName ?? this.before.components?.[position]?.componentName;
    return name === undefined ? position : `${position} ${quote(name)}`;
  }

  components(positions: string[]): string {
    return joinAnd(positions.map((position) => this.component(position)));
  }

  /** "Main camera (RV01) with RC01 "Lower third" over it", or "RC02 "Logo" alone (no source)" */
  shows(episode: FileEpisode): string {
    const components = episode.components ?? [];
    if (episodeTypeOf(episode) === "Component" || episode.locationId === undefined) {
      return `${this.components(components)} alone (no source)`;
    }
    const over = components.length === 0 ? "" : ` with ${this.components(components)} over it${components.length > 1 ? " (bottom to top)" : ""}`;
    return `${this.source(episode.locationId)}${over}`;
  }
}

function switchSentence(episode: FileEpisode): string | undefined {
  if (episode.switchType !== "ContentFirst") return undefined;
  return "At its end it lets the source's content finish before the studio switches on (ContentFirst).";
}

function addChange(name: string, episode: FileEpisode, words: ScheduleWords): LayoutChange {
  const details = [`Its name in the schedule: ${quote(episode.episodeName)}.`];
  const switching = switchSentence(episode);
  if (switching) details.push(switching);
  return {
    subject: subject(name),
    action: "add",
    summary: `New episode ${quote(name)} (${words.span(episode)}) shows ${words.shows(episode)}.`,
    details,
  };
}

interface EpisodeDifference {
  /** The kind's property it is a change of (components for componentIds, locationId for resourceId). */
  property: string;
  phrase: string;
  /** A change of its times: said first, with the new times. */
  time?: boolean;
}

/** When it is on air: "moves 30 minutes later", "is longer by 15 minutes", "starts 10 minutes earlier and is shorter by 5 minutes". */
function timePhrase(before: FileEpisode, after: FileEpisode, words: ScheduleWords): EpisodeDifference | undefined {
  const [oldStart, newStart, oldEnd, newEnd] = [startOf(before), startOf(after), endOf(before), endOf(after)];
  if (oldStart === newStart && oldEnd === newEnd) return undefined;
  const shift = newStart - oldStart;
  const stretch = (newEnd - newStart) - (oldEnd - oldStart);
  const direction = (ms: number) => `${lengthPhrase(ms)} ${ms > 0 ? "later" : "earlier"}`;
  const parts: string[] = [];
  if (stretch === 0) {
    parts.push(`moves ${direction(shift)}`);
  } else {
    if (shift !== 0) parts.push(`starts ${direction(shift)}`);
    parts.push(`is ${stretch > 0 ? "longer" : "shorter"} by ${lengthPhrase(stretch)}`);
  }
  return { property: "startTime", phrase: `${parts.join(" and ")} (${words.span(after)})`, time: true };
}

function episodeDifferences(before: FileEpisode, after: FileEpisode, words: ScheduleWords): EpisodeDifference[] {
  const [old, next] = [normal(before), normal(after)];
  const differences: EpisodeDifference[] = [];
  const time = timePhrase(before, after, words);
  if (time) differences.push(time);
  if (old.episodeType !== next.episodeType) {
    differences.push({ property: "episodeType", phrase: `now shows ${words.shows(after)} instead of ${words.shows(before)}` });
  } else {
    if (old.locationId !== next.locationId && next.locationId !== undefined && old.locationId !== undefined) {
      const [was, is] = [words.source(old.locationId), words.source(next.locationId)];
      // The same source at a new position (it moved): the episode follows it.
      const sameName = was.replace(/ \(RV\d\d\)$/, "") === is.replace(/ \(RV\d\d\)$/, "") && was !== old.locationId;
      differences.push({
        property: "locationId",
        phrase: sameName ? `follows ${is.replace(/ \(RV\d\d\)$/, "")} to its new position ${next.locationId} (was ${old.locationId})` : `now shows ${is} instead of ${was}`,
      });
    }
    differences.push(...componentDifferences(old.components, next.components, words));
  }
  if (old.switchType !== next.switchType && next.episodeType === "Resource") {
    differences.push({
      property: "switchType",
      phrase: next.switchType === "ContentFirst"
        ? "now lets the source's content finish before switching at its end (ContentFirst), instead of switching at its end time"
        : "now switches at its end time (TimeFirst), instead of letting the source's content finish",
    });
  }
  if (old.episodeName !== next.episodeName) {
    differences.push({ property: "episodeName", phrase: `is renamed ${quote(next.episodeName)} in the schedule (was ${quote(old.episodeName)})` });
  }
  return differences;
}

function componentDifferences(before: string[], after: string[], words: ScheduleWords): EpisodeDifference[] {
  const phrases: string[] = [];
  const gained = after.filter((position) => !before.includes(position));
  const lost = before.filter((position) => !after.includes(position));
  if (gained.length > 0) phrases.push(`now also shows ${words.components(gained)}`);
  if (lost.length > 0) phrases.push(`no longer shows ${words.components(lost)}`);
  const keptOld = before.filter((position) => after.includes(position));
  const keptNew = after.filter((position) => before.includes(position));
  if (keptOld.join() !== keptNew.join()) phrases.push(`shows its components in another order, bottom to top: ${after.join(", ")} (was ${before.join(", ")})`);
  return phrases.map((phrase) => ({ property: "components", phrase }));
}

function updateChange(name: string, before: FileEpisode, after: FileEpisode, words: ScheduleWords, context: ScheduleContext): LayoutChange | undefined {
  const differences = episodeDifferences(before, after, words);
  const label = `Episode ${quote(name)}`;
  const at = `${label} (${words.span(after)})`;
  const was = `Before: ${words.span(before)}.`;
  const timed = differences.some((difference) => difference.time);
  if (context.studioMoves) {
    return {
      subject: subject(name),
      action: "replace",
      summary: `${at} is made again on the new studio${differences.length === 1 ? `, and ${differences[0].time ? differences[0].phrase.replace(/ \([^()]*\)$/, "") : differences[0].phrase}` : differences.length > 1 ? `, with ${differences.length} changes` : ""}.`,
      details: differences.length > 1 ? differences.map((difference) => sentence(difference.phrase)) : [],
    };
  }
  if (differences.length === 0) {
    // Unchanged in the file, but what it shows is made again: the episode takes the new IDs.
    const source = episodeTypeOf(after) === "Resource" && after.locationId !== undefined && context.replacedSources.has(after.locationId)
      ? [`the new ${words.source(after.locationId)}`] : [];
    const components = (after.components ?? []).filter((position) => context.replacedComponents.has(position)).map((position) => `the new ${words.component(position)}`);
    const remade = [...source, ...components];
    if (remade.length === 0) return undefined;
    return {
      subject: subject(name),
      action: "update",
      summary: `${at} is set again, to show ${joinAnd(remade)} (replaced), at the same times.`,
      details: [],
    };
  }
  const replacing = differences.filter((difference) => EPISODE_REPLACED_ON_CHANGE.has(difference.property));
  if (replacing.length > 0) {
    return {
      subject: subject(name),
      action: "replace",
      summary: `${at} is replaced because it ${joinAnd(replacing.map((difference) => difference.phrase))}: the API cannot change an episode's type (a source, or components alone).`,
      details: [...differences.filter((difference) => !replacing.includes(difference)).map((difference) => sentence(difference.phrase)), ...(timed ? [was] : [])],
    };
  }
  if (differences.length === 1) {
    const [difference] = differences;
    return {
      subject: subject(name),
      action: "update",
      summary: difference.time ? `${label} ${difference.phrase}.` : `${at} ${difference.phrase}.`,
      details: timed ? [was] : [],
    };
  }
  return {
    subject: subject(name),
    action: "update",
    summary: `${at} is modified in place (${differences.length} changes).`,
    details: [...differences.map((difference) => sentence(difference.phrase)), ...(timed ? [was] : [])],
  };
}
