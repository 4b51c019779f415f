import { FileChannel, PlainStudioFile } from "../schema";
import { channelSettingsWords, FACE_BEAUTY_WORDS, playedSourceLabel, startWords } from "../channel-words";
import { joinAnd, sentence } from "../words";
import { LayoutChange } from "./change";

/**
 * What changes in a channel-mode studio's channels, in words. A channel is one CasterChannel, known
 * by its ID: SetCasterChannel puts a source on it, moves it to another source in place, and frees it
 * when the channel is removed; every channel is set again when the studio moves. How a file starts
 * (playStatus, seekOffset) is sent when the channel is set or moved, never compared: a change of it
 * alone does nothing.
 */

type Files = Pick<PlainStudioFile, "sources" | "channels">;

export function channelChanges(before: Files, after: Files, studioMoves: boolean): LayoutChange[] {
  const old = before.channels ?? {};
  const next = after.channels ?? {};
  const changes: LayoutChange[] = [];
  for (const channelId of Object.keys({ ...old, ...next }).sort()) {
    const was = old[channelId];
    const is = next[channelId];
    if (!was) changes.push(addChange(channelId, is, after));
    else if (!is) changes.push(removeChange(channelId, was, before));
    else {
      const change = updateChange(channelId, was, is, before, after, studioMoves);
      if (change) changes.push(change);
    }
  }
  return changes;
}

function addChange(channelId: string, channel: FileChannel, file: Files): LayoutChange {
  return {
    subject: `channel ${channelId}`,
    action: "add",
    summary: `Channel ${channelId} set: it plays ${playedSourceLabel(file, channel.source)}.`,
    details: channelSettingsWords(channel).map(sentence),
  };
}

function removeChange(channelId: string, channel: FileChannel, file: Files): LayoutChange {
  return {
    subject: `channel ${channelId}`,
    action: "remove",
    summary: `Channel ${channelId} freed: it no longer plays ${playedSourceLabel(file, channel.source)}, and a layout that shows it shows nothing there.`,
    details: [],
  };
}

function updateChange(channelId: string, was: FileChannel, is: FileChannel, before: Files, after: Files, studioMoves: boolean): LayoutChange | undefined {
  const differences: string[] = [];
  const moved = was.source !== is.source;
  if (moved) differences.push(`now plays ${playedSourceLabel(after, is.source)} instead of ${playedSourceLabel(before, was.source)}`);
  // Left out, the channel keeps its own retouching: no call, no change.
  if (is.faceBeauty !== undefined && is.faceBeauty !== was.faceBeauty) {
    differences.push(was.faceBeauty === undefined
      ? `now has ${FACE_BEAUTY_WORDS[is.faceBeauty]}`
      : `now has ${FACE_BEAUTY_WORDS[is.faceBeauty]} instead of ${FACE_BEAUTY_WORDS[was.faceBeauty]}`);
  }
  if (studioMoves) {
    return {
      subject: `channel ${channelId}`,
      action: "replace",
      summary: `Channel ${channelId} is set again on the new studio${differences.length > 0 ? `, and ${joinAnd(differences)}` : ""}.`,
      details: [],
    };
  }
  if (differences.length === 0) return undefined;
  const start = moved ? startWords(is) : undefined;
  return {
    subject: `channel ${channelId}`,
    action: "update",
    summary: `Channel ${channelId} ${joinAnd(differences)} (in place).`,
    details: start ? [sentence(`the file ${start}`)] : [],
  };
}
