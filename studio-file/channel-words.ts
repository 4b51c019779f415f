import { FACE_BEAUTY_VALUES } from "../model/api-facts";
import { FileChannel, PlainStudioFile } from "./schema";
import { duration, quote } from "./words";

/**
 * A channel in words, as the diff and the picture both say it: the source it plays (by position
 * and name), its face retouching, and how a video file starts on it.
 */

/** SetCasterChannelRequest.ts, FaceBeauty: "0 (whole), 1 (skin smoothing), 2 (skin whitening), 3 (dark circle removal), and 4 (nasolabial fold removal)". */
export const FACE_BEAUTY_WORDS: Record<(typeof FACE_BEAUTY_VALUES)[number], string> = {
  0: "all face retouching",
  1: "skin smoothing",
  2: "skin whitening",
  3: "dark circle removal",
  4: "nasolabial fold removal",
};

/** `RV02 "Opening titles"`, or the bare position when the file has no source there. */
export function playedSourceLabel(file: Pick<PlainStudioFile, "sources">, position: string): string {
  const source = file.sources?.[position];
  return source ? `${position} ${quote(source.resourceName)}` : position;
}

/** "skin smoothing", "starts paused, 2 s in": what a channel adds to its source, each a phrase. */
export function channelSettingsWords(channel: FileChannel): string[] {
  const words: string[] = [];
  if (channel.faceBeauty !== undefined) words.push(FACE_BEAUTY_WORDS[channel.faceBeauty]);
  const start = startWords(channel);
  if (start) words.push(start);
  return words;
}

/** How a video file starts when put on the channel: "starts paused, 2 s in"; undefined when as the API's defaults (playing, from the start). */
export function startWords(channel: Pick<FileChannel, "playStatus" | "seekOffset">): string | undefined {
  const paused = channel.playStatus === "pause";
  const offset = channel.seekOffset ?? 0;
  if (!paused && offset === 0) return undefined;
  return `starts ${paused ? "paused" : "playing"}${offset > 0 ? `, ${duration(offset)} in` : ""}`;
}

