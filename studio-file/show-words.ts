import { FileShow, FileShowList } from "./schema";
import { displayValue, duration, quote } from "./words";

/**
 * A show list in words, as the diff and the picture both say it: what a show plays, for how long,
 * and how often the list repeats. No URL is shortened here: the picture names the resource by its
 * type only, the diff gives it (masked where signed).
 */

/** What a show's resourceType plays, as a reviewer calls it. */
export const SHOW_RESOURCE_WORDS: Record<FileShow["resourceType"], string> = {
  live: "live stream",
  vod: "file",
  pic: "image",
};

/** How many plays `repeatTimes` makes (a show's and the list's alike): -1 forever, 0 once, N N + 1 times. */
export function playsPhrase(repeatTimes: number): string {
  if (repeatTimes === -1) return "forever";
  if (repeatTimes === 0) return "once";
  return repeatTimes === 1 ? "twice" : `${repeatTimes + 1} times`;
}

/** How long a show plays: "for 30 min", "twice", "once" (neither duration nor repeatTimes: once). */
export function showLengthPhrase(show: FileShow): string {
  if (show.duration !== undefined) return `for ${duration(show.duration * 1000)}`;
  return playsPhrase(show.repeatTimes ?? 0);
}

/** The resource a show or the background plays: its URL (masked where signed), or its media-library ID. */
export function resourcePhrase(resource: { resourceUrl?: string; resourceId?: string; materialId?: string }): string {
  if (resource.resourceUrl !== undefined) return displayValue(resource.resourceUrl);
  return `media-library asset ${resource.resourceId ?? resource.materialId}`;
}

/** "a file, https://media.example.com/opening.mp4" */
export function showResourcePhrase(show: FileShow): string {
  return `${withArticle(SHOW_RESOURCE_WORDS[show.resourceType])}, ${resourcePhrase(show)}`;
}

/** "a file, https://media.example.com/opening.mp4, once" */
export function showPhrase(show: FileShow): string {
  return `${showResourcePhrase(show)}, ${showLengthPhrase(show)}`;
}

/** "an image", "a file" */
function withArticle(noun: string): string {
  return `${/^[aeiou]/.test(noun) ? "an" : "a"} ${noun}`;
}

/** "plays once", "loops forever", "plays 3 times" */
export function listRepeatPhrase(list: Pick<FileShowList, "repeatTimes">): string {
  const repeat = list.repeatTimes ?? 0;
  return repeat === -1 ? "loops forever" : `plays ${playsPhrase(repeat)}`;
}

/** "\"Breaking news\" at 2030-12-24T20:00:00", or undefined without one. */
export function priorityPhrase(list: Pick<FileShowList, "highPriorityShow" | "highPriorityShowStartTime">): string | undefined {
  if (list.highPriorityShow === undefined) return undefined;
  return `${quote(list.highPriorityShow)} at ${list.highPriorityShowStartTime ?? "no time"} (the studio's time)`;
}

/** "a file, https://…/backdrop.png" or "media-library asset …" */
export function backgroundPhrase(background: FileShowList["background"]): string | undefined {
  if (background === undefined) return undefined;
  const type = background.resourceType === undefined ? "" : `${withArticle(SHOW_RESOURCE_WORDS[background.resourceType])}, `;
  return `${type}${resourcePhrase(background)}`;
}
