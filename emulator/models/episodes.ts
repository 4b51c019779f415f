import { errors } from "../errors";
import { findCaster } from "./casters";
import { checkComponents } from "./components";
import { studioEpisodeGroups } from "./episode-groups";
import { newResourceId } from "./ids";
import { oneOf } from "./layers";
import { AccountState, CasterRecord, EpisodeGroupRecord, EpisodeRecord } from "./state";
import { API_TIME_PATTERN, EPISODE_STATUS, EPISODE_TYPES, MAX_RESOURCE_NAME_LENGTH, SWITCH_TYPES, toApiTime } from "../../model/api-facts";

/**
 * A studio's schedule: AddCasterEpisode, ModifyCasterEpisode, DeleteCasterEpisode, and
 * DescribeCasterProgram, which lists the studio's episodes and its episode groups' items as one
 * program. The pages, by the names the comments give them:
 * - ADD: https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-addcasterepisode
 * - MODIFY: https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-modifycasterepisode
 * - DELETE: https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-deletecasterepisode
 * - DESCRIBE_PROGRAM: https://www.alibabacloud.com/help/en/live/developer-reference/api-describecasterprogram
 *
 * Nothing is played: an episode is data, and its Status is worked out from the clock when it is read.
 */

export interface AddEpisodeInput {
  casterId: string;
  episodeType: string;
  episodeName?: string;
  resourceId?: string;
  /** ComponentId.N, bottom to top; undefined when none is sent. */
  componentIds?: string[];
  startTime: string;
  endTime: string;
  switchType: string;
}

export interface ModifyEpisodeInput {
  casterId: string;
  episodeId: string;
  episodeName?: string;
  resourceId?: string;
  componentIds?: string[];
  startTime?: string;
  endTime?: string;
  switchType?: string;
}

/**
 * ADD. Every call adds an episode: the operation takes no ClientToken, so the same call twice is
 * two episodes (as AddCasterLayout).
 */
export function addEpisode(account: AccountState, input: AddEpisodeInput, nowMs: number): EpisodeRecord {
  const caster = findCaster(account, input.casterId);
  // ADD, EpisodeType: "Valid values: Resource, Component".
  const episodeType = oneOf("EpisodeType", input.episodeType, EPISODE_TYPES);
  const startTime = apiTime("StartTime", input.startTime);
  const endTime = apiTime("EndTime", input.endTime);
  // ADD, SwitchType: "TimeFirst" or "ContentFirst". The page says it "takes effect only when the EpisodeType parameter
  // is set to Resource"; it is required all the same, so a Component episode keeps the value sent (assumed: not refused).
  // AddCasterProgram's episodes may leave it out for a Component episode ("takes effect only when ... Resource"): then "".
  const switchType = input.switchType === "" && episodeType === "Component" ? "" : oneOf("SwitchType", input.switchType, SWITCH_TYPES);
  startsLater(startTime, nowMs);
  endsAfterItStarts(startTime, endTime);
  const episode: EpisodeRecord = {
    episodeId: newResourceId(),
    // EpisodeName is optional on ADD; left out, it is empty (assumed: the page gives no default).
    episodeName: input.episodeName === undefined ? "" : episodeName(input.episodeName),
    episodeType,
    resourceId: episodeType === "Resource" ? videoSource(caster, input.resourceId) : "",
    componentIds: checkComponents(caster, input.componentIds ?? []),
    startTime,
    endTime,
    switchType,
  };
  needsComponents(episode);
  liveStreamSwitchesOnTime(caster, episode);
  caster.episodes[episode.episodeId] = episode;
  return episode;
}

/**
 * MODIFY: each parameter sent replaces that setting and what is left out stays (assumed: the page
 * marks all but CasterId and EpisodeId optional). "You cannot change the episode type": EpisodeType
 * is not a parameter (one sent is ignored, as any unknown parameter). ComponentId.N, when sent,
 * replaces the whole list. The episode that results must keep ADD's rules, with one exception
 * (assumed): a StartTime that has passed is refused only when the call moves the start there, so
 * an episode that has started (or ended) can still have its name or its EndTime changed, and the
 * same call sent again is not refused because time went by.
 */
export function modifyEpisode(account: AccountState, input: ModifyEpisodeInput, nowMs: number): EpisodeRecord {
  const caster = findCaster(account, input.casterId);
  const episode = structuredClone(findEpisode(caster, input.episodeId));
  if (input.episodeName !== undefined) episode.episodeName = episodeName(input.episodeName);
  if (input.startTime !== undefined) {
    const startTime = apiTime("StartTime", input.startTime);
    if (startTime !== episode.startTime) startsLater(startTime, nowMs);
    episode.startTime = startTime;
  }
  if (input.endTime !== undefined) episode.endTime = apiTime("EndTime", input.endTime);
  if (input.switchType !== undefined) episode.switchType = oneOf("SwitchType", input.switchType, SWITCH_TYPES);
  // MODIFY, ResourceId: "takes effect and is required only when the EpisodeType is set to Resource. If the
  // EpisodeType parameter is set to Component, this parameter is invalid": a Component episode ignores it.
  if (input.resourceId !== undefined && episode.episodeType === "Resource") episode.resourceId = videoSource(caster, input.resourceId);
  if (input.componentIds !== undefined) episode.componentIds = checkComponents(caster, input.componentIds);
  endsAfterItStarts(episode.startTime, episode.endTime);
  // Checked when the call names the source or the switch: a source that became a live stream afterwards
  // (ModifyCasterVideoResource) does not stop an episode's name or times from changing (assumed).
  if (input.resourceId !== undefined || input.switchType !== undefined) liveStreamSwitchesOnTime(caster, episode);
  caster.episodes[episode.episodeId] = episode;
  return episode;
}

/**
 * DELETE: the episode is removed whatever its status (assumed: the pages do not say what happens to
 * a playing episode; the emulator takes it off the schedule). An unknown EpisodeId, or another
 * studio's, is InvalidEpisode.NotFound.
 */
export function deleteEpisode(account: AccountState, casterId: string, episodeId: string): void {
  const caster = findCaster(account, casterId);
  findEpisode(caster, episodeId);
  delete caster.episodes[episodeId];
}

export function findEpisode(caster: CasterRecord, episodeId: string): EpisodeRecord {
  const episode = caster.episodes[episodeId];
  if (!episode) throw errors.episodeNotFound(episodeId);
  return episode;
}

/** DESCRIBE_PROGRAM's filters, as sent. */
export interface ProgramFilter {
  episodeId?: string;
  episodeType?: string;
  status?: number;
  startTime?: string;
  endTime?: string;
}

/**
 * One entry of the program: an episode, or an item of one of the studio's episode groups, as an
 * episode's record says it (a group's item has "" for endTime: its duration is not known without
 * the file), with its status, worked out from the clock.
 */
export interface ProgramEntry extends EpisodeRecord {
  status: number;
}

export interface Program {
  caster: CasterRecord;
  /** Whether the studio has any episode or episode group at all, whatever the filters. */
  scheduled: boolean;
  /** Every entry that passes the filters, in order. */
  entries: ProgramEntry[];
}

/**
 * DESCRIBE_PROGRAM: the studio's episodes and the items of its episode groups, in one list, in the
 * order they play: by StartTime, then by EpisodeId; a group's items stay together, in item order,
 * where their first item's EpisodeId puts them (assumed: no page gives the order). Filters:
 * - EpisodeId, EpisodeType ("Resource" or "Component", the page's valid values) and Status (0 not
 *   played, 1 playing, 2 played, the page's valid values): equal.
 * - StartTime and EndTime: "The beginning of the time range to query" and "The end of the time range
 *   to query". An episode is in the range when it overlaps it (assumed: the page does not say
 *   whether an episode must lie inside the range or only touch it): it starts at or before the
 *   range's end and ends after the range's start. So StartTime = EndTime = a moment lists what plays
 *   then. A group's item has no end: it is in a range that ends at or after its start.
 * A malformed filter is InvalidParameter.Malformed, as the operations' parameters are.
 */
export function describeProgram(account: AccountState, casterId: string, filter: ProgramFilter, nowMs: number): Program {
  const caster = findCaster(account, casterId);
  const episodeType = filter.episodeType === undefined ? undefined : oneOf("EpisodeType", filter.episodeType, EPISODE_TYPES);
  const statuses: number[] = Object.values(EPISODE_STATUS);
  if (filter.status !== undefined && !statuses.includes(filter.status)) {
    throw errors.invalidParameter(`Status ${filter.status} is not one of ${statuses.join(", ")} (not played, playing, played)`);
  }
  const from = filter.startTime === undefined ? undefined : Date.parse(apiTime("StartTime", filter.startTime));
  const to = filter.endTime === undefined ? undefined : Date.parse(apiTime("EndTime", filter.endTime));

  const groups = studioEpisodeGroups(account, caster);
  const keyed = [
    ...Object.values(caster.episodes).map((episode) => ({ key: [episode.startTime, episode.episodeId, 0] as const, entry: episodeEntry(episode, nowMs) })),
    ...groups.flatMap((group) => groupEntries(group, nowMs).map((entry, index) => ({ key: [group.startTime, group.items[0]?.itemId ?? group.programId, index] as const, entry }))),
  ];
  keyed.sort((a, b) => compare(a.key[0], b.key[0]) || compare(a.key[1], b.key[1]) || a.key[2] - b.key[2]);
  const entries = keyed.map(({ entry }) => entry).filter((entry) => {
    const start = Date.parse(entry.startTime);
    const end = entry.endTime === "" ? Infinity : Date.parse(entry.endTime);
    return (filter.episodeId === undefined || entry.episodeId === filter.episodeId) &&
      (episodeType === undefined || entry.episodeType === episodeType) &&
      (filter.status === undefined || entry.status === filter.status) &&
      (to === undefined || start <= to) &&
      (from === undefined || end > from);
  });
  return { caster, scheduled: Object.keys(caster.episodes).length > 0 || groups.length > 0, entries };
}

/** DESCRIBE_PROGRAM's Status, from the clock: 0 before the start, 1 from the start until the end, 2 from the end on. */
function episodeEntry(episode: EpisodeRecord, nowMs: number): ProgramEntry {
  const status = nowMs < Date.parse(episode.startTime) ? EPISODE_STATUS.notPlayed
    : nowMs < Date.parse(episode.endTime) ? EPISODE_STATUS.playing : EPISODE_STATUS.played;
  const { episodeId, episodeName, episodeType, resourceId, componentIds, startTime, endTime, switchType } = episode;
  return { episodeId, episodeName, episodeType, resourceId, componentIds, startTime, endTime, status, switchType };
}

/**
 * A group's items as episodes (an assumption, LIMITATIONS: no page says how a group shows in the
 * program): EpisodeId the ItemId, EpisodeName the ItemName, type Resource, no source, no components,
 * the group's StartTime, no EndTime, TimeFirst. Item durations are not known without the files: an
 * item is "playing" from its group's start on, and never reaches 2.
 */
function groupEntries(group: EpisodeGroupRecord, nowMs: number): ProgramEntry[] {
  const status = nowMs < Date.parse(group.startTime) ? EPISODE_STATUS.notPlayed : EPISODE_STATUS.playing;
  return group.items.map((item) => ({
    episodeId: item.itemId,
    episodeName: item.itemName,
    episodeType: "Resource",
    resourceId: "",
    componentIds: [],
    startTime: group.startTime,
    endTime: "",
    status,
    switchType: "TimeFirst",
  }));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * ADD, StartTime and EndTime: "Specify the time in the ISO 8601 standard in the yyyy-MM-ddTHH:mm:ssZ
 * format. The time must be in UTC." A date that does not exist (2026-02-30) is refused too.
 */
function apiTime(name: string, value: string): string {
  const ms = Date.parse(value);
  if (!API_TIME_PATTERN.test(value) || Number.isNaN(ms) || toApiTime(ms) !== value) {
    throw errors.invalidParameter(`${name} ${JSON.stringify(value)} must be a UTC time that exists, in the form yyyy-MM-ddTHH:mm:ssZ`);
  }
  return value;
}

/**
 * An episode starts later than now. The code is IncorrectStartTime (DELETE's error table lists it);
 * that it answers a start that has passed is assumed, the table's description not being in the stored copy.
 */
function startsLater(startTime: string, nowMs: number): void {
  if (Date.parse(startTime) <= nowMs) {
    throw errors.incorrectStartTime(`StartTime ${startTime} is not after the current time ${toApiTime(nowMs)}: an episode must start later than now`);
  }
}

/** An episode ends after it starts (assumed: no page says so, and the code is IncorrectStartTime too). */
function endsAfterItStarts(startTime: string, endTime: string): void {
  if (Date.parse(endTime) <= Date.parse(startTime)) {
    throw errors.incorrectStartTime(`EndTime ${endTime} is not after StartTime ${startTime}: an episode ends after it starts`);
  }
}

/** EpisodeName: at most 128 characters, as a video source's name (assumed: the pages give no limit). */
function episodeName(name: string): string {
  if (name.length > MAX_RESOURCE_NAME_LENGTH) {
    throw errors.invalidParameter(`EpisodeName must be at most ${MAX_RESOURCE_NAME_LENGTH} characters, got ${name.length}`);
  }
  return name;
}

/**
 * A Resource episode's ResourceId: MODIFY, "required only when the EpisodeType is set to Resource";
 * left out, Missing{Name} (assumed, as for any required parameter). It names one of the studio's
 * video sources, else InvalidResource.NotFound (ADD's spec entry: the source lookup every Caster operation shares).
 */
function videoSource(caster: CasterRecord, resourceId: string | undefined): string {
  if (resourceId === undefined) throw errors.missingRequired("ResourceId");
  if (!caster.videoResources[resourceId]) throw errors.resourceNotFound(resourceId);
  return resourceId;
}


/**
 * MODIFY, ComponentId.N: "takes effect and is required when the EpisodeType parameter is set to
 * Component": a Component episode shows at least one (left out, MissingComponentId, assumed).
 */
function needsComponents(episode: EpisodeRecord): void {
  if (episode.episodeType === "Component" && episode.componentIds.length === 0) {
    throw errors.missingRequired("ComponentId");
  }
}

/**
 * ADD, SwitchType: it "must be set to TimeFirst when the video" source is a live stream (assumed: the
 * page's note is cut there; a live stream has no end to wait for). ContentFirst for a live-stream
 * source is InvalidParameter.Malformed.
 */
function liveStreamSwitchesOnTime(caster: CasterRecord, episode: EpisodeRecord): void {
  if (episode.episodeType !== "Resource" || episode.switchType === "TimeFirst") return;
  const source = caster.videoResources[episode.resourceId];
  if (source?.liveStreamUrl) {
    throw errors.invalidParameter(`SwitchType ${episode.switchType}: video source ${episode.resourceId} is a live stream, which switches on time only; use TimeFirst`);
  }
}

/**
 * AddCasterProgram: the episodes of `Episode.N`, each as AddCasterEpisode adds one (the SDK's AddCasterProgramRequestEpisode:
 * a Resource episode "must specify the Episode.N.ResourceId and Episode.N.SwitchType parameters", a Component episode
 * Episode.N.ComponentId.N). All or none: one refused episode adds none.
 */
export function addProgram(account: AccountState, casterId: string, episodes: Omit<AddEpisodeInput, "casterId">[], nowMs: number): EpisodeRecord[] {
  return episodes.map((episode) => addEpisode(account, { ...episode, casterId }, nowMs));
}

/** ModifyCasterProgram: each episode of `Episode.N`, named by its EpisodeId, as ModifyCasterEpisode changes one; all or none. */
export function modifyProgram(account: AccountState, casterId: string, episodes: Omit<ModifyEpisodeInput, "casterId">[], nowMs: number): void {
  for (const episode of episodes) modifyEpisode(account, { ...episode, casterId }, nowMs);
}

/**
 * DeleteCasterProgram: every episode of the studio, whatever its status (as DeleteCasterEpisode). The episode groups,
 * which have their own DeleteCasterEpisodeGroup, stay (assumed: the page was not read).
 */
export function deleteProgram(account: AccountState, casterId: string): void {
  findCaster(account, casterId).episodes = {};
}
