import { FilePlaylist, FilePlaylistItem } from "../schema";
import { joinAnd, quote } from "../words";
import { LayoutChange } from "./change";

/**
 * What changes in the playlist, in words. It is one CasterPlaylist, updated in place: an item is
 * known by its name, as the provider knows it. Items only taken out, or only added at the end, keep
 * the others' IDs; any other change is one EditPlaylist, which gives every item a new ID (a
 * StartPlaylist that names an item then needs its new ID): the details say which.
 */

const SUBJECT = "playlist";

export function playlistChanges(before: FilePlaylist | null | undefined, after: FilePlaylist | null | undefined): LayoutChange[] {
  if (!before && !after) return [];
  if (!before) {
    const list = after as FilePlaylist;
    return [{
      subject: SUBJECT,
      action: "add",
      summary: `Playlist${nameOf(list)} added: ${items(list.items.length)}, ${repeatPhrase(list.repeatNumber)}.`,
      details: list.items.map((item, index) => `Item ${index + 1}: ${itemPhrase(item)}.`),
    }];
  }
  if (!after) {
    return [{ subject: SUBJECT, action: "remove", summary: `Playlist${nameOf(before)} deleted, with its ${items(before.items.length)} (${joinAnd(before.items.map((item) => quote(item.itemName)))}).`, details: [] }];
  }
  const details: string[] = [];
  const kept = new Set(after.items.map((item) => item.itemName));
  const had = new Map(before.items.map((item) => [item.itemName, item]));
  for (const item of before.items) if (!kept.has(item.itemName)) details.push(`Item ${quote(item.itemName)} taken out.`);
  for (const [index, item] of after.items.entries()) {
    const old = had.get(item.itemName);
    if (!old) details.push(`Item ${quote(item.itemName)} added as item ${index + 1}, playing media ${item.mediaId}.`);
    else if (old.mediaId !== item.mediaId) details.push(`Item ${quote(item.itemName)} plays media ${item.mediaId} instead of ${old.mediaId}.`);
  }
  const order = (list: FilePlaylistItem[]) => list.filter((item) => had.has(item.itemName) && kept.has(item.itemName)).map((item) => item.itemName).join("\u0000");
  if (order(before.items) !== order(after.items)) details.push(`The items play in a new order: ${joinAnd(after.items.map((item) => quote(item.itemName)))}.`);
  if ((before.repeatNumber ?? 0) !== (after.repeatNumber ?? 0)) details.push(`The list now ${repeatPhrase(after.repeatNumber)}, instead of ${repeatPhrase(before.repeatNumber).replace(/^plays /, "")}.`);
  if ((before.programName ?? "") !== (after.programName ?? "")) details.push(`Renamed from ${quote(before.programName ?? "")} to ${quote(after.programName ?? "")}.`);
  if (details.length === 0) return [];
  return [{ subject: SUBJECT, action: "update", summary: `Playlist${nameOf(after)} changed: ${details.length === 1 ? details[0].replace(/\.$/, "").replace(/^./, (first) => first.toLowerCase()) : `${details.length} changes`}.`, details: details.length === 1 ? [] : details }];
}

function nameOf(list: FilePlaylist): string {
  return list.programName ? ` ${quote(list.programName)}` : "";
}

function items(count: number): string {
  return count === 1 ? "1 item" : `${count} items`;
}

function itemPhrase(item: FilePlaylistItem): string {
  return `${quote(item.itemName)}, media ${item.mediaId}`;
}

/** RepeatNumber in words: the plays after the first. */
export function repeatPhrase(repeatNumber: number | undefined): string {
  const repeats = repeatNumber ?? 0;
  if (repeats === -1) return "plays in a loop until stopped";
  if (repeats === 0) return "plays once";
  return `plays ${repeats + 1} times`;
}
