import { z } from "zod";
import { CrossFieldRule, describeValue } from "../../common/check";
import { ASSET_ID_PATTERN, MAX_PLAYLIST_NAME_LENGTH, PLAYLIST_NORM_TYPE, REPEAT_FOREVER } from "../api-facts";
import { importIdField } from "../fields/import-id";
import { nameSchema } from "../fields/name";
import { wholeNumber } from "../fields/numbers";
import { casterIdSchema } from "./caster-video-resource";
import { connectionField } from "../fields/connection";
import { KindSpec, schemasOf } from "./kind";

/**
 * A lightweight carousel studio's playlist (NormType 3, China site): the VOD files it plays in
 * turn and how often the whole list repeats. One per studio: AddPlaylistItems without a ProgramId
 * makes it. The pages, by the names the comments give them:
 * - ADD: the SDK's AddPlaylistItemsRequest (live-20161101), https://www.alibabacloud.com/help/doc-detail/203414.htm
 * - EDIT: https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-editplaylist
 *   ("This operation performs a full edit"; InputProgramItem: ItemName, ResourceType vod only, ResourceValue
 *   the resource ID; ProgramConfig: RepeatNumber, ProgramName)
 * - LIST: the SDK's ListPlaylistResponseBody (RepeatNumber: 0 no repeat, -1 a loop, N repeats; Status 0 stopped, 1 running)
 *
 * Playing (StartPlaylist / StopPlaylist) is not declared: it is the operator's act during a broadcast, and
 * StartPlaylist's ResumeMode (Restart, Continue, Custom from an item at an offset) starts from where the list
 * is at that moment, which no program can state once and for all.
 */

const mediaIdSchema = z.string().regex(ASSET_ID_PATTERN, { error: "use the VOD file's media ID (ApsaraVideo VOD), e.g. 5f8809f2-3352-4d1f-a8f7-86f9429f1234." });

export const playlistItemSchema = z.strictObject({
  itemName: nameSchema("the item a name", MAX_PLAYLIST_NAME_LENGTH),
  mediaId: mediaIdSchema,
}, {
  error: (issue) => issue.code === "unrecognized_keys"
    ? `a playlist item has only itemName and mediaId (a VOD file: the only resource a playlist plays); remove ${issue.keys.join(", ")}.`
    : "each item is an object { itemName, mediaId }.",
});
export type PlaylistItem = z.infer<typeof playlistItemSchema>;

const fields = {
  casterId: {
    schema: casterIdSchema,
    doc: `The production studio's ID: a lightweight carousel studio (normType ${PLAYLIST_NORM_TYPE}, with casterTemplate lp_noTranscode, programEffect 1 and channel mode off, as AddPlaylistItems demands).`,
    onChange: "replace",
    api: "CasterId",
  },
  programName: {
    schema: nameSchema("the playlist a name", MAX_PLAYLIST_NAME_LENGTH).optional().describe("the playlist's name"),
    label: "name",
    doc: "The playlist's name (ProgramConfig's ProgramName).",
    default: "none",
    onChange: "update",
  },
  repeatNumber: {
    schema: wholeNumber(REPEAT_FOREVER, undefined, "use -1 (loop forever), 0 (play once) or N (repeat N times after the first play).").optional()
      .describe("how often the list repeats after its first play: -1 forever, 0 never, N times"),
    label: "repeat",
    doc: "How many times the whole list plays again after its first play (ProgramConfig's RepeatNumber): 0 never (it plays once), N times (N + 1 plays), -1 in a loop until stopped.",
    default: "0",
    onChange: "update",
    whenOmitted: 0,
  },
  items: {
    schema: z.array(playlistItemSchema, { error: "give a list of { itemName, mediaId }." })
      .min(1, { error: "give at least one item; to have none, delete the playlist." })
      .describe("the items in playing order, each { itemName, mediaId }"),
    doc: "The items in playing order: `{ itemName, mediaId }`, each a VOD file by its media ID (the only resource a playlist plays: InputProgramItem's ResourceType vod). Names differ from item to item: an item is known by its name. Items removed from the end or the middle are one DeletePlaylistItems, items added at the end one AddPlaylistItems; any other change (a reorder, a changed item, a new name or repeat) is one EditPlaylist, which replaces the items (they get new IDs).",
    onChange: "update",
    sdkType: "pulumi.Input<PlaylistItemArgs>[]",
  },
  importId: importIdField({
    noun: "playlist",
    form: "<programId>",
    example: "445409ec-7eaa-461d-8f29-4bec2eb91234",
    withStudio: false,
    foundWith: "ListPlaylist, or AddPlaylistItems' reply",
    adopting: "The playlist must be the studio's (casterId). Its items and settings are then compared with these inputs, and the one call that makes them so is sent only where they differ, so a playlist that already matches is taken over with no call that changes anything. Without it, a studio whose playlist holds items of other names is refused, so that nobody's items are removed unasked.",
    default: "none: the studio's playlist is made, or taken over when it holds only items this program declares",
  }),
  connection: connectionField,
} as const;

type Fields = typeof fields;
export type PlaylistInputs = z.infer<z.ZodObject<{ -readonly [K in keyof Fields]: Fields[K]["schema"] }>>;

/** An item is known by its name (a lost reply's items are found by it): two items of one name are refused. */
const itemNamesDiffer: CrossFieldRule<PlaylistInputs> = (known) => {
  const items = known.items ?? [];
  for (const [index, item] of items.entries()) {
    const first = items.findIndex((other) => other.itemName === item.itemName);
    if (first !== index) {
      return {
        property: "items",
        path: ["items", index, "itemName"],
        reason: `items[${index}] and items[${first}] are both named ${describeValue(item.itemName)}: an item is known by its name (that is how a lost reply is found again); rename one.`,
      };
    }
  }
  return undefined;
};

export const casterPlaylist: KindSpec<Fields> = {
  type: "CasterPlaylist",
  noun: "playlist",
  provider: "playlist",
  doc: `A lightweight carousel studio's playlist (normType ${PLAYLIST_NORM_TYPE}, China site): the VOD files it plays in turn, its name, and how often the whole list repeats. One per studio. Playing it (StartPlaylist / StopPlaylist) is the operator's, not declared.`,
  fields,
  outputs: {
    programId: { doc: "The playlist's ID (ProgramId), which StartPlaylist and StopPlaylist take.", sdkType: "string", api: "ProgramId" },
    itemIds: { doc: "The items' IDs (ProgramItemId), in playing order; StartPlaylist's StartItemId takes one.", sdkType: "string[]" },
  },
  operations: { create: "AddPlaylistItems", read: "ListPlaylist", update: "EditPlaylist", delete: "DeletePlaylist" },
  id: ["programId"],
  // PlayListNotFound: DeletePlaylist's and StopPlaylist's code for an unknown list (their pages' error tables).
  goneCodes: ["InvalidCaster.NotFound", "InvalidProgram.NotFound", "PlayListNotFound"],
  deleteBeforeReplace: true,
  rules: [itemNamesDiffer],
  studioFile: { section: "playlist", doc: "a lightweight carousel studio's playlist: its items in playing order and how often it repeats" },
};

export const playlistFields = schemasOf(casterPlaylist);
