import { PlainStudioFile } from "../schema";
import { isUtcZone } from "../words";

export interface RenderOptions {
  /** The heading, e.g. the studio file's name. @default "Studio file" */
  title?: string;
  /**
   * The IANA zone the schedule's times are shown in besides UTC, e.g. Asia/Shanghai; "UTC" shows
   * UTC only. @default the file's timeZone, else UTC only
   */
  zone?: string;
}

export const DEFAULT_TITLE = "Studio file";

/** The zone the schedule is shown in besides UTC: the option's, else the file's; undefined for UTC only. */
export function displayZone(layout: PlainStudioFile, options: RenderOptions): string | undefined {
  const zone = options.zone ?? layout.timeZone;
  return isUtcZone(zone) ? undefined : zone;
}
