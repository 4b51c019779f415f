import { isDeepStrictEqual } from "node:util";
import { casterPlaylist as kind, PlaylistInputs, PlaylistItem } from "../../model/kinds/caster-playlist";
import { PLAYLIST_RESOURCE_TYPES, PLAYLIST_STATUS } from "../../model/api-facts";
import { LiveApiError, UserFacingError } from "../client/errors";
import { itemsOf, Listed, ListItem, LiveClient, ReplyOf } from "../client/live-client";
import { kindProvider } from "../kind-provider";
import { clientScope, listingCache, liveClient } from "../runtime";
import { sessionDeclarations } from "../shared/session-declarations";
import { describeAll, readListing, Reuse, studioKey } from "../shared/studio-listing";
import { ListedItem, planPlaylist, PlaylistSettings, PlaylistStep } from "./plan";

/** What the provider stores for a playlist: the list as the API has it, its ID and its items' IDs in order. */
export interface PlaylistOutputs extends PlaylistInputs {
  programId: string;
  itemIds: string[];
}

type ApiPlaylist = Listed<ListItem<ReplyOf<"ListPlaylist">, "ProgramList">, "ProgramId">;

/** The playlist as the API has it: its settings, its studio and its items in playing order. */
export interface ApiPlaylistState {
  programId: string;
  casterId: string;
  settings: PlaylistSettings;
  items: ListedItem[];
}

/** How often AddPlaylistItems is sent again after a reply that was lost and a listing that shows no playlist. */
const MAX_ADD_ATTEMPTS = 5;

/**
 * The CasterPlaylist dynamic provider. AddPlaylistItems has no ClientToken, and without a
 * ProgramId it makes the studio's one playlist: so a create first looks for the studio's playlist
 * (ListPlaylist) and takes it over when it holds only items the program declares (what a lost reply
 * or a cut-short `pulumi up` leaves), and a reply lost to the create itself is answered by listing
 * again, never by a second add. Every change is the one call planPlaylist chooses.
 */
export const playlistProvider = kindProvider<PlaylistInputs, PlaylistOutputs>(kind, {
  create(inputs) {
    const client = liveClient();
    return declaredPlaylists.during(studioKey(client, inputs.casterId), () => playlistTaken(inputs.casterId), () => create(client, inputs));
  },

  async adopt(inputs) {
    const client = liveClient();
    const found = await playlistById(client, inputs.importId as string);
    if (!found) throw new UserFacingError(`importId ${inputs.importId}: there is no playlist ${inputs.importId} (ListPlaylist); use the ProgramId ListPlaylist gives the studio's playlist.`);
    if (found.casterId !== inputs.casterId) {
      throw new UserFacingError(`importId ${inputs.importId} is studio ${found.casterId}'s playlist, but casterId is ${inputs.casterId}; set casterId: "${found.casterId}", or use the ProgramId of ${inputs.casterId}'s playlist.`);
    }
    declaredPlaylists.declare(studioKey(client, inputs.casterId), () => playlistTaken(inputs.casterId));
    return reconcile(client, found, inputs);
  },

  async read(id, props) {
    const found = await playlistById(liveClient(), id);
    if (!found) return {};
    return { id, props: { ...props, ...fromApi(found) } };
  },

  async update(id, olds, news) {
    const client = liveClient();
    const found = await playlistById(client, id);
    if (!found) throw new UserFacingError(`playlist ${id} of studio ${olds.casterId} is gone (ListPlaylist does not list it); run pulumi refresh, then pulumi up makes it again.`);
    return { outs: await reconcile(client, found, news) };
  },

  async deleteParams(id) {
    return { ProgramId: id };
  },

  /**
   * DeletePlaylist refuses a playing list (its page: IncorrectPlaylistStatus.Inuse, "The Playlist is
   * in use"), and playing is the operator's: a list found playing is stopped first. StopPlaylist is
   * safe to repeat (a stopped list stays stopped), so a lost reply is answered by its retry.
   */
  async beforeDelete(id) {
    const client = liveClient();
    const listed = itemsOf((await client.call("ListPlaylist", { ProgramId: id })).ProgramList, "ProgramId").find((entry) => entry.ProgramId === id);
    if (listed?.Status === PLAYLIST_STATUS.playing) await client.call("StopPlaylist", { ProgramId: id });
  },

  // Deleted: no listing from before serves as what the account has, and a later declaration of this session may take the studio.
  changed(props) {
    const client = liveClient();
    accountPlaylists.changed(clientScope(client));
    if (props.casterId) declaredPlaylists.release(studioKey(client, props.casterId));
  },
});

/** The studios whose playlist a resource of this session makes or takes over: AddPlaylistItems adds to the studio's one playlist. */
const declaredPlaylists = sessionDeclarations();

function playlistTaken(casterId: string): Error {
  return new UserFacingError(`another playlist of this program is declared for studio ${casterId}: a studio has one playlist (AddPlaylistItems adds to it); declare its items in one CasterPlaylist.`);
}

/**
 * Makes the studio's playlist, or takes over the one there, made by a lost reply or a cut-short
 * `pulumi up`. Looked for in the listing of the account's playlists from before the add, which
 * creates side by side share (ListPlaylist has no studio filter: one listing serves every studio).
 */
async function create(client: LiveClient, inputs: PlaylistInputs): Promise<{ id: string; outs: PlaylistOutputs }> {
  const found = await studioPlaylist(client, inputs.casterId, "before-create");
  if (found) {
    const foreign = found.items.filter((item) => !inputs.items.some((declared) => declared.itemName === item.itemName));
    if (foreign.length > 0) {
      throw new UserFacingError(
        `studio ${inputs.casterId} already has playlist ${found.programId}, with ${foreign.length} item(s) this program does not declare (${foreign.slice(0, 5).map((item) => JSON.stringify(item.itemName)).join(", ")}${foreign.length > 5 ? ", …" : ""}). `
        + `Set importId: "${found.programId}" to take it over (those items are then removed), or declare them.`,
      );
    }
    const outs = await reconcile(client, found, inputs);
    return { id: outs.programId, outs };
  }
  const outs = await reconcile(client, await addOnce(client, inputs), inputs);
  return { id: outs.programId, outs };
}

/**
 * Adds the studio's playlist, which it does not have, exactly once: after a lost reply the
 * playlist is looked for before the add is sent again (the studio had none, so one found now is
 * this add's). The playlist as then listed.
 */
async function addOnce(client: LiveClient, inputs: PlaylistInputs): Promise<ApiPlaylistState> {
  for (let attempt = 1; ; attempt++) {
    try {
      const reply = await addPlaylist(client, inputs);
      refuseFailedItems(inputs.casterId, reply.Items?.FailedItems);
      // Its items as ListPlaylistItems gives them; its studio and settings as the add sent them: a
      // ListPlaylist of it too would make three calls in a row a playlist, where the add is the floor.
      const settings = settingsOf(inputs);
      const made = await withItems(client, { ProgramId: reply.ProgramId ?? "", CasterId: inputs.casterId, ProgramName: settings.programName, RepeatNumber: settings.repeatNumber });
      if (!made) throw new Error(`AddPlaylistItems answered ProgramId ${JSON.stringify(reply.ProgramId)}, which ListPlaylistItems does not know; run pulumi up again.`);
      return made;
    } catch (error) {
      if (!(error instanceof LiveApiError && error.outcomeUnknown && attempt < MAX_ADD_ATTEMPTS)) throw error;
      const made = await studioPlaylist(client, inputs.casterId);
      if (made) return made;
      // No playlist: the lost request never landed.
    }
  }
}

/** AddPlaylistItems with no ProgramId: the studio's playlist made; the account's listings from before serve only as what was there before a create. */
async function addPlaylist(client: LiveClient, inputs: PlaylistInputs): Promise<ReplyOf<"AddPlaylistItems">> {
  try {
    return await client.call("AddPlaylistItems", { CasterId: inputs.casterId, ProgramItems: programItems(inputs.items), ProgramConfig: programConfig(settingsOf(inputs)) });
  } finally {
    accountPlaylists.changed(clientScope(client), { addedOrModified: true });
  }
}

/** How often a reconciliation that met a lost reply or a refusal reads the playlist again and goes on. */
const MAX_RECONCILE_ATTEMPTS = 5;

/**
 * Makes the playlist the declared one with the one call planPlaylist chooses, and answers what it
 * then is. A call whose reply was lost (AddPlaylistItems is never resent blindly: it has no
 * ClientToken), or a retry refused because the lost first attempt did it (DeletePlaylistItems of
 * items already taken out), is answered by reading the playlist again and planning what is left;
 * the same plan again means nothing moved, and the refusal stands.
 */
async function reconcile(client: LiveClient, found: ApiPlaylistState, inputs: PlaylistInputs): Promise<PlaylistOutputs> {
  const settings = settingsOf(inputs);
  const planFor = (now: ApiPlaylistState) => planPlaylist(now.items, now.settings, inputs.items, settings);
  let playlist = found;
  for (let attempt = 1, step = planFor(playlist); step; attempt++) {
    try {
      await send(client, playlist.programId, inputs, step);
      playlist = (await playlistById(client, playlist.programId)) ?? playlist;
      break;
    } catch (error) {
      if (!(error instanceof LiveApiError) || attempt >= MAX_RECONCILE_ATTEMPTS) throw error;
      const now = await playlistById(client, playlist.programId);
      if (!now) throw error;
      const remaining = planFor(now);
      if (isDeepStrictEqual(remaining, step)) throw error;
      playlist = now;
      step = remaining;
    }
  }
  return { ...inputs, ...fromApi(playlist) };
}

/** The one call of a plan. */
async function send(client: LiveClient, programId: string, inputs: PlaylistInputs, step: PlaylistStep): Promise<void> {
  if (step.kind === "delete") {
    // The SDK model's example: a JSON list of the items' IDs.
    await client.call("DeletePlaylistItems", { ProgramId: programId, ProgramItemIds: JSON.stringify(step.itemIds) });
  } else if (step.kind === "append") {
    const reply = await client.call("AddPlaylistItems", { CasterId: inputs.casterId, ProgramId: programId, ProgramItems: programItems(step.items) });
    refuseFailedItems(inputs.casterId, reply.Items?.FailedItems);
  } else {
    const reply = await client.call("EditPlaylist", { ProgramId: programId, ProgramItems: programItems(inputs.items), ProgramConfig: programConfig(settingsOf(inputs)) });
    refuseFailedItems(inputs.casterId, reply.Items?.FailedItems);
  }
}

/** What the API refused of the items sent: the items that were taken are kept, and the next run finds them. */
function refuseFailedItems(casterId: string, failed: { ItemName?: string }[] | undefined): void {
  if (!failed || failed.length === 0) return;
  throw new UserFacingError(`studio ${casterId}'s playlist refused ${failed.length} item(s): ${failed.map((item) => JSON.stringify(item.ItemName ?? "")).join(", ")}. Check their mediaId (a VOD file's media ID) and run pulumi up again; the items that were taken are kept.`);
}

/** InputProgramItem, as the page's example sends it: a JSON list of `{ItemName, ResourceType, ResourceValue}`. */
function programItems(items: PlaylistItem[]): string {
  return JSON.stringify(items.map((item) => ({ ItemName: item.itemName, ResourceType: PLAYLIST_RESOURCE_TYPES[0], ResourceValue: item.mediaId })));
}

/** ProgramConfig, as the page's example sends it: a list of one object, RepeatNumber as text. */
function programConfig(settings: PlaylistSettings): string {
  return JSON.stringify([{ RepeatNumber: String(settings.repeatNumber), ProgramName: settings.programName }]);
}

function settingsOf(inputs: Pick<PlaylistInputs, "programName" | "repeatNumber">): PlaylistSettings {
  return { programName: inputs.programName ?? "", repeatNumber: inputs.repeatNumber ?? 0 };
}

/** The properties the API reports of a playlist. */
export function fromApi(playlist: ApiPlaylistState): Pick<PlaylistOutputs, "casterId" | "programId" | "programName" | "repeatNumber" | "items" | "itemIds"> {
  return {
    casterId: playlist.casterId,
    programId: playlist.programId,
    programName: playlist.settings.programName || undefined,
    repeatNumber: playlist.settings.repeatNumber,
    items: playlist.items.map((item) => ({ itemName: item.itemName, mediaId: item.mediaId })),
    itemIds: playlist.items.map((item) => item.id),
  };
}

/** The playlist of this ProgramId (ListPlaylist), with its items; undefined when the API has none. */
async function playlistById(client: LiveClient, programId: string): Promise<ApiPlaylistState | undefined> {
  const listed = itemsOf((await client.call("ListPlaylist", { ProgramId: programId })).ProgramList, "ProgramId").find((entry) => entry.ProgramId === programId);
  return listed ? withItems(client, listed) : undefined;
}

/** The account's playlists (every page of ListPlaylist), listed once for many readers, by connection. */
const accountPlaylists = listingCache<ApiPlaylist[]>();

/** The studio's playlist: ListPlaylist has no studio filter, so every page of the account's is read. */
async function studioPlaylist(client: LiveClient, casterId: string, reuse: Reuse = "latest"): Promise<ApiPlaylistState | undefined> {
  const all = await readListing(accountPlaylists, clientScope(client), reuse, () => describeAll(client, "ListPlaylist", {}, (reply) => itemsOf(reply.ProgramList, "ProgramId")));
  const listed = all.find((entry) => entry.CasterId === casterId);
  return listed ? withItems(client, listed) : undefined;
}

export { studioPlaylist as describeStudioPlaylist };

async function withItems(client: LiveClient, listed: ApiPlaylist): Promise<ApiPlaylistState | undefined> {
  let reply: ReplyOf<"ListPlaylistItems">;
  try {
    reply = await client.call("ListPlaylistItems", { ProgramId: listed.ProgramId });
  } catch (error) {
    // Deleted between the two calls.
    if (error instanceof LiveApiError && kind.goneCodes.includes(error.code)) return undefined;
    throw error;
  }
  const items = itemsOf(reply.ProgramItems, "ProgramItemId")
    .map((item, position) => ({ item, position }))
    // The playing order: Index where the API gives it, else the order of the reply.
    .sort((a, b) => (a.item.Index ?? a.position) - (b.item.Index ?? b.position) || a.position - b.position)
    .map(({ item }) => ({ id: item.ProgramItemId, itemName: item.ProgramItemName ?? "", mediaId: item.ResourceValue ?? "" }));
  return {
    programId: listed.ProgramId,
    casterId: listed.CasterId ?? "",
    settings: { programName: listed.ProgramName ?? "", repeatNumber: listed.RepeatNumber ?? 0 },
    items,
  };
}
