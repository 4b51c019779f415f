import { errors } from "../errors";
import { findCaster } from "./casters";
import { newResourceId } from "./ids";
import { AccountState, PlaylistItemRecord, PlaylistRecord } from "./state";
import { LIGHTWEIGHT_CAROUSEL_DEMANDS, PLAYLIST_NORM_TYPE, PLAYLIST_RESOURCE_TYPES, PLAYLIST_RESUME_MODES, PLAYLIST_STATUS, REPEAT_FOREVER } from "../../model/api-facts";

/**
 * A lightweight carousel studio's playlist: AddPlaylistItems, EditPlaylist, DeletePlaylistItems,
 * DeletePlaylist, ListPlaylist, ListPlaylistItems, StartPlaylist, StopPlaylist. The rules are the
 * official SDK's request models' (live-20161101) and the pages':
 * - ADD: https://www.alibabacloud.com/help/doc-detail/203414.htm ("If no episode list exists in the production
 *   studio, this operation creates an episode list for the production studio"; the studio is NormType 3)
 * - EDIT: https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-editplaylist
 *   ("update all configurations of episodes in an episode list or replace the episodes"; InputProgramItem:
 *   ItemName, ResourceType "vod" only, ResourceValue the resource ID; ProgramConfig: RepeatNumber, ProgramName)
 * - START: the SDK's StartPlaylistRequest (ResumeMode Restart, Continue or Custom; StartItemId with Custom; Offset
 *   in milliseconds from the first frame)
 * The pages' error tables could not be read; the codes chosen are LIMITATIONS'.
 */

export interface PlaylistItemInput {
  itemName: string;
  resourceType: string;
  resourceValue: string;
}

export interface PlaylistConfigInput {
  programName?: string;
  repeatNumber?: number;
}

/** What an add or an edit answers of each item it was given. */
export interface ItemsResult {
  playlist: PlaylistRecord;
  added: PlaylistItemRecord[];
  failed: { itemName: string }[];
}

/**
 * ProgramItems as sent: a JSON list of `{ItemName, ResourceType, ResourceValue}`. Text that is no
 * such list refuses the call; an item that breaks a rule is answered in FailedItems.
 */
export function parseProgramItems(text: string): { items: PlaylistItemInput[]; failed: { itemName: string }[] } {
  const parsed = parseJson("ProgramItems", text);
  if (!Array.isArray(parsed) || parsed.length === 0) throw errors.invalidParameter("ProgramItems must be a JSON list of {ItemName, ResourceType, ResourceValue}");
  const items: PlaylistItemInput[] = [];
  const failed: { itemName: string }[] = [];
  for (const entry of parsed) {
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) throw errors.invalidParameter("each ProgramItems entry must be an object");
    const { ItemName: itemName, ResourceType: resourceType, ResourceValue: resourceValue } = entry as Record<string, unknown>;
    const valid = typeof itemName === "string" && itemName !== ""
      && typeof resourceType === "string" && (PLAYLIST_RESOURCE_TYPES as readonly string[]).includes(resourceType)
      && typeof resourceValue === "string" && resourceValue !== "";
    if (valid) items.push({ itemName, resourceType, resourceValue });
    else failed.push({ itemName: typeof itemName === "string" ? itemName : "" });
  }
  return { items, failed };
}

/**
 * ProgramConfig as sent: the page's example is a list of one object, `[{"RepeatNumber":"0","ProgramName":"my program"}]`;
 * the object alone is taken too. RepeatNumber is -1 (loop), 0 (once, the default) or a number of repeats, as text or a number.
 */
export function parseProgramConfig(text: string | undefined): PlaylistConfigInput {
  if (text === undefined) return {};
  const parsed = parseJson("ProgramConfig", text);
  const config = Array.isArray(parsed) && parsed.length === 1 ? parsed[0] : parsed;
  if (typeof config !== "object" || config === null || Array.isArray(config)) {
    throw errors.invalidParameter('ProgramConfig must be {"RepeatNumber","ProgramName"}, or a list of that one object');
  }
  const { ProgramName: programName, RepeatNumber: repeat } = config as Record<string, unknown>;
  if (programName !== undefined && typeof programName !== "string") throw errors.invalidParameter("ProgramConfig.ProgramName must be text");
  let repeatNumber: number | undefined;
  if (repeat !== undefined) {
    repeatNumber = typeof repeat === "string" && /^-?\d{1,9}$/.test(repeat) ? Number(repeat) : typeof repeat === "number" ? repeat : NaN;
    if (!Number.isInteger(repeatNumber) || repeatNumber < REPEAT_FOREVER) {
      throw errors.invalidParameter(`ProgramConfig.RepeatNumber ${JSON.stringify(repeat)}: use -1 (loop), 0 (once) or more`);
    }
  }
  return { programName, repeatNumber };
}

/** Adds the items at the end of the studio's playlist, made first when the studio has none. */
export function addPlaylistItems(
  account: AccountState,
  casterId: string,
  programId: string | undefined,
  input: { items: PlaylistItemInput[]; failed: { itemName: string }[]; config: PlaylistConfigInput },
): ItemsResult {
  const caster = findCaster(account, casterId);
  if (caster.normType !== PLAYLIST_NORM_TYPE) {
    throw errors.illegalOperation(`Caster ${casterId} is NormType ${caster.normType}: playlists are a lightweight carousel studio's (NormType ${PLAYLIST_NORM_TYPE})`);
  }
  // The SDK's AddPlaylistItemsRequest, CasterId: "The production studio must meet the following configurations".
  const { casterTemplate, channelEnable, programEffect } = LIGHTWEIGHT_CAROUSEL_DEMANDS;
  const config = caster.config;
  if (config.transcode.casterTemplate !== casterTemplate || config.channelEnable !== channelEnable || config.programEffect !== programEffect) {
    throw errors.illegalOperation(
      `Caster ${casterId} has CasterTemplate ${JSON.stringify(config.transcode.casterTemplate)}, ChannelEnable ${config.channelEnable}, ProgramEffect ${config.programEffect}: `
      + `a playlist needs CasterTemplate ${casterTemplate}, ChannelEnable ${channelEnable}, ProgramEffect ${programEffect} (SetCasterConfig)`,
    );
  }
  const existing = Object.values(account.playlists).find((playlist) => playlist.casterId === casterId);
  let playlist: PlaylistRecord;
  if (programId !== undefined) {
    playlist = findPlaylist(account, programId);
    if (playlist.casterId !== casterId) throw errors.programNotFound(programId);
  } else if (existing) {
    playlist = existing;
  } else {
    const newId = newResourceId();
    playlist = { programId: newId, casterId, programName: "", repeatNumber: 0, status: PLAYLIST_STATUS.stopped, items: [], currentItemId: "" };
    account.playlists[newId] = playlist;
  }
  applyConfig(playlist, input.config);
  const added = input.items.map(newItem);
  playlist.items.push(...added);
  return { playlist, added, failed: input.failed };
}

/** Replaces the items, and the settings sent. */
export function editPlaylist(
  account: AccountState,
  programId: string,
  input: { items: PlaylistItemInput[]; failed: { itemName: string }[]; config: PlaylistConfigInput },
): ItemsResult {
  const playlist = findPlaylist(account, programId);
  applyConfig(playlist, input.config);
  playlist.items = input.items.map(newItem);
  if (!playlist.items.some((item) => item.itemId === playlist.currentItemId)) playlist.currentItemId = "";
  return { playlist, added: playlist.items, failed: input.failed };
}

/** Removes the items named (comma-separated); one not in the list refuses the call, which then removes nothing. */
export function deletePlaylistItems(account: AccountState, programId: string, itemIds: string[]): void {
  const playlist = findPlaylist(account, programId);
  for (const itemId of itemIds) findItem(playlist, itemId);
  playlist.items = playlist.items.filter((item) => !itemIds.includes(item.itemId));
  if (itemIds.includes(playlist.currentItemId)) playlist.currentItemId = "";
}

/** A playing list is refused: DeletePlaylist's page lists IncorrectPlaylistStatus.Inuse, "The Playlist is in use". */
export function deletePlaylist(account: AccountState, programId: string): void {
  if (findPlaylist(account, programId, errors.playListNotFound).status === PLAYLIST_STATUS.playing) throw errors.playlistInUse(programId);
  delete account.playlists[programId];
}

/** The account's playlists (of studios it still has), or the one asked for. */
export function listPlaylists(account: AccountState, programId: string | undefined): PlaylistRecord[] {
  return Object.values(account.playlists).filter((playlist) => account.casters[playlist.casterId] && (programId === undefined || playlist.programId === programId));
}

/** The playlist's items in playing order, or those named (comma-separated). */
export function listPlaylistItems(account: AccountState, programId: string, itemIds: string[] | undefined): { item: PlaylistItemRecord; index: number }[] {
  const playlist = findPlaylist(account, programId);
  return playlist.items
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => itemIds === undefined || itemIds.includes(item.itemId));
}

/**
 * Starts (or restarts) the list: from its first item (Restart, the default), from where it was
 * (Continue), or from StartItemId (Custom). A list without items has nothing to play.
 */
export function startPlaylist(account: AccountState, programId: string, input: { resumeMode?: string; startItemId?: string; offset?: number }): PlaylistRecord {
  const playlist = findPlaylist(account, programId);
  const resumeMode = input.resumeMode ?? "Restart";
  if (!(PLAYLIST_RESUME_MODES as readonly string[]).includes(resumeMode)) {
    throw errors.invalidParameter(`ResumeMode ${JSON.stringify(resumeMode)}: use ${PLAYLIST_RESUME_MODES.join(", ")}`);
  }
  if (resumeMode === "Custom" && input.startItemId === undefined) throw errors.missingParameter("ResumeMode Custom needs StartItemId");
  if (input.offset !== undefined && input.offset < 0) throw errors.invalidParameter(`Offset ${input.offset}: use milliseconds from 0`);
  if (playlist.items.length === 0) throw errors.illegalOperation(`Playlist ${programId} has no items to play`);
  if (resumeMode === "Custom") playlist.currentItemId = findItem(playlist, input.startItemId as string).itemId;
  else if (resumeMode === "Restart" || !playlist.currentItemId) playlist.currentItemId = playlist.items[0].itemId;
  playlist.status = PLAYLIST_STATUS.playing;
  return playlist;
}

export function stopPlaylist(account: AccountState, programId: string): void {
  findPlaylist(account, programId, errors.playListNotFound).status = PLAYLIST_STATUS.stopped;
}

/**
 * A playlist of the account; a deleted studio's playlist is gone with it. An unknown one is
 * `notFound`: PlayListNotFound where the operation's page names it (DeletePlaylist, StopPlaylist:
 * https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-deleteplaylist,
 * …-stopplaylist), else InvalidProgram.NotFound (chosen: no other page's table was read).
 */
export function findPlaylist(account: AccountState, programId: string, notFound: (programId: string) => Error = errors.programNotFound): PlaylistRecord {
  const playlist = account.playlists[programId];
  if (!playlist || !account.casters[playlist.casterId]) throw notFound(programId);
  return playlist;
}

/** ListPlaylistItems' ProgramItemIds: IDs separated by commas (its SDK model's example). */
export function itemIdList(text: string): string[] {
  return text.split(",").map((id) => id.trim()).filter((id) => id !== "");
}

/**
 * DeletePlaylistItems' ProgramItemIds: "A list of playlist item IDs", its SDK model's example a JSON list
 * (`["c09f…","c10f…"]`). IDs separated by commas, ListPlaylistItems' form, are taken too (a choice, LIMITATIONS).
 */
export function itemIdsToDelete(text: string): string[] {
  if (!text.trim().startsWith("[")) return itemIdList(text);
  const parsed = parseJson("ProgramItemIds", text);
  if (!Array.isArray(parsed) || parsed.length === 0 || parsed.some((id) => typeof id !== "string" || id === "")) {
    throw errors.invalidParameter("ProgramItemIds must be a JSON list of item IDs");
  }
  return parsed as string[];
}

function findItem(playlist: PlaylistRecord, itemId: string): PlaylistItemRecord {
  const item = playlist.items.find((candidate) => candidate.itemId === itemId);
  if (!item) throw errors.programItemNotFound(itemId, playlist.programId);
  return item;
}

function applyConfig(playlist: PlaylistRecord, config: PlaylistConfigInput): void {
  if (config.programName !== undefined) playlist.programName = config.programName;
  if (config.repeatNumber !== undefined) playlist.repeatNumber = config.repeatNumber;
}

function newItem(input: PlaylistItemInput): PlaylistItemRecord {
  return { itemId: newResourceId(), ...input };
}

function parseJson(name: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw errors.invalidParameter(`${name} is not JSON`);
  }
}
