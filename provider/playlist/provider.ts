import { casterPlaylist as kind, PlaylistInputs, PlaylistItem } from "../../model/kinds/caster-playlist";
import { PLAYLIST_RESOURCE_TYPES } from "../../model/api-facts";
import { LiveApiError, UserFacingError } from "../client/errors";
import { itemsOf, Listed, ListItem, LiveClient, ReplyOf } from "../client/live-client";
import { kindProvider } from "../kind-provider";
import { liveClient } from "../runtime";
import { describeAll } from "../shared/studio-listing";
import { ListedItem, planPlaylist, PlaylistSettings } from "./plan";

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
  async create(inputs) {
    const client = liveClient();
    const found = await studioPlaylist(client, inputs.casterId);
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
  },

  async adopt(inputs) {
    const client = liveClient();
    const found = await playlistById(client, inputs.importId as string);
    if (!found) throw new UserFacingError(`importId ${inputs.importId}: there is no playlist ${inputs.importId} (ListPlaylist); use the ProgramId ListPlaylist gives the studio's playlist.`);
    if (found.casterId !== inputs.casterId) {
      throw new UserFacingError(`importId ${inputs.importId} is studio ${found.casterId}'s playlist, but casterId is ${inputs.casterId}; set casterId: "${found.casterId}", or use the ProgramId of ${inputs.casterId}'s playlist.`);
    }
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
});

/**
 * Adds the studio's playlist, which it does not have, exactly once: after a lost reply the
 * playlist is looked for before the add is sent again (the studio had none, so one found now is
 * this add's). The playlist as then listed.
 */
async function addOnce(client: LiveClient, inputs: PlaylistInputs): Promise<ApiPlaylistState> {
  for (let attempt = 1; ; attempt++) {
    try {
      const reply = await client.call("AddPlaylistItems", { CasterId: inputs.casterId, ProgramItems: programItems(inputs.items), ProgramConfig: programConfig(settingsOf(inputs)) });
      refuseFailedItems(inputs.casterId, reply.Items?.FailedItems);
      const made = await playlistById(client, reply.ProgramId ?? "");
      if (!made) throw new Error(`AddPlaylistItems answered ProgramId ${JSON.stringify(reply.ProgramId)}, which ListPlaylist does not list; run pulumi up again.`);
      return made;
    } catch (error) {
      if (!(error instanceof LiveApiError && error.outcomeUnknown && attempt < MAX_ADD_ATTEMPTS)) throw error;
      const made = await studioPlaylist(client, inputs.casterId);
      if (made) return made;
      // No playlist: the lost request never landed.
    }
  }
}

/** Makes the playlist the declared one with the one call planPlaylist chooses, and answers what it then is. */
async function reconcile(client: LiveClient, found: ApiPlaylistState, inputs: PlaylistInputs): Promise<PlaylistOutputs> {
  const settings = settingsOf(inputs);
  const step = planPlaylist(found.items, found.settings, inputs.items, settings);
  let playlist = found;
  if (step) {
    const programId = found.programId;
    if (step.kind === "delete") {
      // The SDK model's example: a JSON list of the items' IDs.
      await client.call("DeletePlaylistItems", { ProgramId: programId, ProgramItemIds: JSON.stringify(step.itemIds) });
    } else if (step.kind === "append") {
      const reply = await client.call("AddPlaylistItems", { CasterId: inputs.casterId, ProgramId: programId, ProgramItems: programItems(step.items) });
      refuseFailedItems(inputs.casterId, reply.Items?.FailedItems);
    } else {
      const reply = await client.call("EditPlaylist", { ProgramId: programId, ProgramItems: programItems(inputs.items), ProgramConfig: programConfig(settings) });
      refuseFailedItems(inputs.casterId, reply.Items?.FailedItems);
    }
    playlist = (await playlistById(client, programId)) ?? found;
  }
  return { ...inputs, ...fromApi(playlist) };
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

/** The studio's playlist: ListPlaylist has no studio filter, so every page of the account's is read. */
async function studioPlaylist(client: LiveClient, casterId: string): Promise<ApiPlaylistState | undefined> {
  const all = await describeAll(client, "ListPlaylist", {}, (reply) => itemsOf(reply.ProgramList, "ProgramId"));
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
