import { errors } from "../errors";
import { findCaster } from "./casters";
import { newResourceId } from "./ids";
import { AccountState, ShowListRecord, ShowRecord } from "./state";
import {
  BACKGROUND_RESOURCE_TYPES, MAX_SHOW_NAME_LENGTH, MAX_SHOWS, REPEAT_FOREVER, SHOW_RESOURCE_TYPES, SHOW_START_TIME_PATTERN,
} from "../../model/api-facts";

/**
 * A studio's show list: AddShowIntoShowList, ModifyShowList, RemoveShowFromShowList,
 * DescribeShowList, SetShowListBackground, PlayChoosenShow. The rules are the official SDK's
 * request models' (live-20161101) and the pages':
 * - ADD: https://www.alibabacloud.com/help/en/live/developer-reference/api-addshowintoshowlist
 *   ("a maximum of 1,000 shows"; RepeatTimes and Duration, "only one of"; Spot from 0, default the end)
 * - MODIFY: https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-modifyshowlist
 *   (Spot "greater than or equal to 0 and less than or equal to the total number of episodes";
 *   HighPriorityShowId and its start "only before the episode list starts playing")
 * - BACKGROUND: https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-setshowlistbackground
 *   (MaterialId or ResourceUrl; all three left empty deletes the background)
 * - EDIT: https://www.alibabacloud.com/help/en/live/developer-reference/api-editshowandreplace and the SDK's
 *   EditShowAndReplaceRequest.ts (StartTime and EndTime in seconds from 0, "2.0 … 5.0"; StorageInfo's
 *   StorageLocation and FileName; the output is a VOD file)
 * No page lists an error code of these operations; the codes chosen are LIMITATIONS'.
 */

export interface ShowInput {
  showName?: string;
  resourceType?: string;
  resourceUrl?: string;
  resourceId?: string;
  liveInputType?: number;
  duration?: number;
  repeatTimes?: number;
}

/** What a batch add or remove answers: the IDs it handled, and each entry it refused with why. */
export interface BatchResult {
  showIds: string[];
  failed: { showName?: string; showId?: string; reason: string }[];
}

function showListOf(account: AccountState, casterId: string): ShowListRecord {
  return findCaster(account, casterId).showList;
}

/** One show at Spot (default the end). */
export function addShow(account: AccountState, casterId: string, input: ShowInput, spot: number | undefined): ShowRecord {
  const list = showListOf(account, casterId);
  checkSpot(spot, list.shows.length);
  const problem = showProblem(input);
  if (problem) throw errors.invalidParameter(problem);
  if (list.shows.length >= MAX_SHOWS) throw errors.invalidParameter(`a show list holds at most ${MAX_SHOWS} shows`);
  const show = newShow(input);
  list.shows.splice(spot ?? list.shows.length, 0, show);
  return show;
}

/**
 * Batch mode: each show that is valid is added, in order, at Spot (default the end); the others
 * are answered in failedList. The names must differ within the batch ("Each episode has a unique name").
 */
export function addShows(account: AccountState, casterId: string, inputs: ShowInput[], spot: number | undefined): BatchResult {
  const list = showListOf(account, casterId);
  if (inputs.length === 0) throw errors.missingParameter("isBatchMode=true needs showList.N");
  checkSpot(spot, list.shows.length);
  const result: BatchResult = { showIds: [], failed: [] };
  const names = new Set<string>();
  let at = spot ?? list.shows.length;
  for (const input of inputs) {
    const problem = showProblem(input)
      ?? (names.has(input.showName ?? "") ? `showName ${JSON.stringify(input.showName)} is given twice in the batch` : undefined)
      ?? (list.shows.length >= MAX_SHOWS ? `a show list holds at most ${MAX_SHOWS} shows` : undefined);
    if (problem) {
      result.failed.push({ showName: input.showName, reason: problem });
      continue;
    }
    names.add(input.showName ?? "");
    const show = newShow(input);
    list.shows.splice(at++, 0, show);
    result.showIds.push(show.showId);
  }
  return result;
}

/** Moves a show to Spot, the list's repeat, its priority show: what is sent. */
export function modifyShowList(
  account: AccountState,
  casterId: string,
  input: { showId?: string; spot?: number; repeatTimes?: number; highPriorityShowId?: string; highPriorityShowStartTime?: string },
): void {
  const caster = findCaster(account, casterId);
  const list = caster.showList;
  if (input.spot !== undefined && input.showId === undefined) throw errors.missingParameter("Spot moves the show named by ShowId: ShowId is required with it");
  if (input.repeatTimes !== undefined && input.repeatTimes < REPEAT_FOREVER) {
    throw errors.invalidParameter(`RepeatTimes ${input.repeatTimes}: use -1 (forever), 0 (once) or more`);
  }
  if (input.highPriorityShowStartTime !== undefined && !SHOW_START_TIME_PATTERN.test(input.highPriorityShowStartTime)) {
    throw errors.invalidParameter(`HighPriorityShowStartTime ${JSON.stringify(input.highPriorityShowStartTime)} must be yyyy-MM-ddTHH:mm:ss`);
  }
  if (input.highPriorityShowId !== undefined) findShow(list, input.highPriorityShowId);
  const setsPriority = input.highPriorityShowId !== undefined || input.highPriorityShowStartTime !== undefined;
  // MODIFY: the priority show "can be configured only before the episode list starts playing"; the emulator's list plays while its studio runs.
  if (setsPriority && caster.status === 1) throw errors.casterRunning(casterId, "the show list is playing: its high-priority show can be set only before it plays");
  if (input.showId !== undefined) {
    const show = findShow(list, input.showId);
    if (input.spot !== undefined) {
      checkSpot(input.spot, list.shows.length);
      list.shows.splice(list.shows.indexOf(show), 1);
      list.shows.splice(Math.min(input.spot, list.shows.length), 0, show);
    }
  }
  if (input.repeatTimes !== undefined) list.repeatTimes = input.repeatTimes;
  if (input.highPriorityShowId !== undefined) list.highPriorityShowId = input.highPriorityShowId;
  if (input.highPriorityShowStartTime !== undefined) list.highPriorityShowStartTime = input.highPriorityShowStartTime;
}

/** One show; a show that is not in the list is `InvalidShow.NotFound`. */
export function removeShow(account: AccountState, casterId: string, showId: string): void {
  const list = showListOf(account, casterId);
  drop(list, findShow(list, showId));
}

/** Batch mode: each show in the list is removed; the others are answered in failedList. */
export function removeShows(account: AccountState, casterId: string, showIds: string[]): BatchResult {
  const list = showListOf(account, casterId);
  const result: BatchResult = { showIds: [], failed: [] };
  for (const showId of showIds) {
    const show = list.shows.find((candidate) => candidate.showId === showId);
    if (!show) {
      result.failed.push({ showId, reason: `show ${showId} is not in the show list` });
      continue;
    }
    drop(list, show);
    result.showIds.push(showId);
  }
  return result;
}

export function describeShowList(account: AccountState, casterId: string): ShowListRecord {
  return showListOf(account, casterId);
}

/** Sets, replaces or (nothing sent) deletes the background. */
export function setBackground(account: AccountState, casterId: string, input: { resourceType?: string; materialId?: string; resourceUrl?: string }): void {
  const list = showListOf(account, casterId);
  if (input.resourceType === undefined && input.materialId === undefined && input.resourceUrl === undefined) {
    list.background = null;
    return;
  }
  if (input.resourceType !== undefined && !(BACKGROUND_RESOURCE_TYPES as readonly string[]).includes(input.resourceType)) {
    throw errors.invalidParameter(`ResourceType ${JSON.stringify(input.resourceType)}: use ${BACKGROUND_RESOURCE_TYPES.join(", ")} or leave it empty`);
  }
  if ((input.materialId === undefined) === (input.resourceUrl === undefined)) {
    throw errors.invalidParameter("give either MaterialId or ResourceUrl for the background");
  }
  list.background = { resourceType: input.resourceType ?? "", materialId: input.materialId ?? "", resourceUrl: input.resourceUrl ?? "" };
}

export function playShow(account: AccountState, casterId: string, showId: string): void {
  const list = showListOf(account, casterId);
  list.currentShowId = findShow(list, showId).showId;
}

/** EditShowAndReplace's job: the VOD file that now plays as the show, and the editing job that cut it. */
export interface EditingJob {
  vodId: string;
  mediaId: string;
  jobId: string;
}

/**
 * Cuts the show's media from StartTime to EndTime into a new VOD file, which the show then plays
 * (DescribeShowList answers it as a vod show with that ResourceId). The emulator knows no media's
 * length, so an EndTime past it is not refused, and a picture, which has no time to cut, is (LIMITATIONS).
 */
export function editShowAndReplace(
  account: AccountState,
  casterId: string,
  input: { showId: string; startTime?: number; endTime?: number; storageInfo?: string },
): EditingJob {
  const show = findShow(showListOf(account, casterId), input.showId);
  if (show.resourceType === "pic") throw errors.invalidParameter(`show ${show.showId} is a picture: only a live or vod show has media to cut`);
  const { startTime = 0, endTime } = input;
  if (startTime < 0) throw errors.invalidParameter(`StartTime ${startTime}: use seconds from 0`);
  if (endTime !== undefined && endTime <= startTime) throw errors.invalidParameter(`EndTime ${endTime} must be after StartTime ${startTime}`);
  if (input.storageInfo !== undefined) checkStorageInfo(input.storageInfo);
  const job: EditingJob = { vodId: newMediaId(), mediaId: newMediaId(), jobId: newMediaId() };
  show.resourceType = "vod";
  show.resourceId = job.vodId;
  show.resourceUrl = "";
  return job;
}

/** EDIT, StorageInfo: a JSON object of text fields, `{"StorageLocation":"…","FileName":"….mp4"}`. */
function checkStorageInfo(text: string): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw errors.invalidParameter("StorageInfo must be a JSON object such as {\"StorageLocation\":\"…\",\"FileName\":\"….mp4\"}");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw errors.invalidParameter("StorageInfo must be a JSON object");
  for (const field of ["StorageLocation", "FileName"]) {
    const fieldValue = (value as Record<string, unknown>)[field];
    if (fieldValue !== undefined && typeof fieldValue !== "string") throw errors.invalidParameter(`StorageInfo.${field} must be text`);
  }
}

/** 32 hexadecimal digits, as the page's example IDs (`3e34733b40b9a96ccf5c1ff6f69****`). */
function newMediaId(): string {
  return newResourceId().replace(/-/g, "");
}

function newShow(input: ShowInput): ShowRecord {
  return {
    showId: newResourceId(),
    showName: input.showName ?? "",
    resourceType: input.resourceType ?? "",
    resourceUrl: input.resourceUrl ?? "",
    resourceId: input.resourceId ?? "",
    liveInputType: input.liveInputType ?? 0,
    duration: input.duration ?? 0,
    repeatTimes: input.repeatTimes ?? 0,
  };
}

/** What is wrong with a show, as the SDK's request model and the page describe one. */
function showProblem(input: ShowInput): string | undefined {
  if (input.showName !== undefined && input.showName.length > MAX_SHOW_NAME_LENGTH) return `ShowName is longer than ${MAX_SHOW_NAME_LENGTH} characters`;
  if (input.resourceType === undefined || !(SHOW_RESOURCE_TYPES as readonly string[]).includes(input.resourceType)) {
    return `ResourceType ${JSON.stringify(input.resourceType ?? "")}: use ${SHOW_RESOURCE_TYPES.join(", ")}`;
  }
  if ((input.resourceUrl === undefined) === (input.resourceId === undefined)) return "give either ResourceUrl or ResourceId";
  if (input.duration !== undefined && input.repeatTimes !== undefined) return "give only one of RepeatTimes and Duration";
  if (input.duration !== undefined && input.duration <= 0) return `Duration ${input.duration}: use a number of seconds above 0`;
  if (input.repeatTimes !== undefined && input.repeatTimes < REPEAT_FOREVER) return `RepeatTimes ${input.repeatTimes}: use -1 (forever), 0 (once) or more`;
  return undefined;
}

function checkSpot(spot: number | undefined, count: number): void {
  if (spot !== undefined && (spot < 0 || spot > count)) {
    throw errors.invalidParameter(`Spot ${spot}: use a position from 0 to ${count}, the number of shows in the list`);
  }
}

function findShow(list: ShowListRecord, showId: string): ShowRecord {
  const show = list.shows.find((candidate) => candidate.showId === showId);
  if (!show) throw errors.showNotFound(showId);
  return show;
}

function drop(list: ShowListRecord, show: ShowRecord): void {
  list.shows.splice(list.shows.indexOf(show), 1);
  if (list.highPriorityShowId === show.showId) {
    list.highPriorityShowId = "";
    list.highPriorityShowStartTime = "";
  }
  if (list.currentShowId === show.showId) list.currentShowId = "";
}
