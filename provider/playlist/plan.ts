import type { PlaylistItem } from "../../model/kinds/caster-playlist";

/** An item the playlist has: its ID, and its name and file. */
export interface ListedItem extends PlaylistItem {
  id: string;
}

/** The playlist's own settings, as ProgramConfig carries them. */
export interface PlaylistSettings {
  programName: string;
  repeatNumber: number;
}

/** The one call that makes the playlist the declared one, or none. */
export type PlaylistStep =
  | { kind: "delete"; itemIds: string[] }
  | { kind: "append"; items: PlaylistItem[] }
  | { kind: "edit" };

/**
 * The call that makes `current` (ListPlaylistItems, in playing order) the `declared` items with the
 * declared settings. EditPlaylist replaces everything in one call but gives every item a new ID
 * (StartPlaylist's StartItemId names one); so where the change is only items taken out, it is one
 * DeletePlaylistItems, and where it is only items added at the end, one AddPlaylistItems, which keep
 * the other items' IDs. Anything else (a reorder, a changed item, taking out and adding, new settings,
 * which only EditPlaylist sends) is one EditPlaylist.
 */
export function planPlaylist(current: ListedItem[], currentSettings: PlaylistSettings, declared: PlaylistItem[], declaredSettings: PlaylistSettings): PlaylistStep | undefined {
  if (currentSettings.programName !== declaredSettings.programName || currentSettings.repeatNumber !== declaredSettings.repeatNumber) return { kind: "edit" };
  let matched = 0;
  const taken: string[] = [];
  for (const item of current) {
    const next = declared[matched];
    if (next && next.itemName === item.itemName && next.mediaId === item.mediaId) matched++;
    else taken.push(item.id);
  }
  const added = declared.slice(matched);
  if (taken.length === 0 && added.length === 0) return undefined;
  if (added.length === 0) return { kind: "delete", itemIds: taken };
  if (taken.length === 0) return { kind: "append", items: added };
  return { kind: "edit" };
}
