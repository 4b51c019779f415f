/**
 * The Live API's facts that checks rely on, each written once: the provider's input checks, the
 * emulator's rules and the studio file read these. Each says where it comes from; an assumption
 * (a limit no page documents) says so, and is listed in emulator/README.md's LIMITATIONS.
 */

/** A layout position of a video source: `RV01` to `RV99`, always two digits (AddCasterVideoResource's LocationId). */
export const LOCATION_ID_PATTERN = /^RV(0[1-9]|[1-9][0-9])$/;
export const LOCATION_ID_RULE = "use a layout position from RV01 to RV99, always two digits (RV07, not RV7).";

/** A media-library asset's ID (MaterialId, ImageId): the form the media library gives. */
export const ASSET_ID_PATTERN = /^[0-9A-Za-z_-]{1,64}$/;

/** A source's ResourceName: the public docs give no limit; 128 is assumed (LIMITATIONS). */
export const MAX_RESOURCE_NAME_LENGTH = 128;

/**
 * Documented: "The value range is [0-5000]" (FixedDelayDuration, AddCasterVideoResource,
 * https://www.alibabacloud.com/help/en/live/developer-reference/api-addcastervideoresource, where
 * it sits one row down, on ImageId, as every description on that page does).
 */
export const MAX_FIXED_DELAY_MS = 5000;

/**
 * The API's Integer parameters are 32-bit: the official SDKs declare them as 32-bit ints (C#
 * `int?`, C++ `int`, Java `Integer`; OwnerId, a 64-bit value, is `long`). Where a page gives no
 * range, the int32 range bounds a value: an assumption (LIMITATIONS).
 */
export const INT32_MIN = -(2 ** 31);
export const INT32_MAX = 2 ** 31 - 1;

/** Files a source or an episode plays: MP4, FLV, TS (AddCasterVideoResource's VodUrl, AddCasterEpisodeGroup's Item.N.VodUrl). */
export const VOD_FILE_EXTENSIONS = [".mp4", ".flv", ".ts"] as const;
/** Images a source shows: JPG, PNG (AddCasterVideoResource's ImageUrl). */
export const IMAGE_FILE_EXTENSIONS = [".jpg", ".jpeg", ".png"] as const;
/** Live stream URLs a source takes (AddCasterVideoResource's LiveStreamUrl). */
export const LIVE_STREAM_PROTOCOLS = ["rtmp:", "rtmps:", "http:", "https:", "artc:", "srt:"] as const;

/** ClientToken: printable ASCII, at most 64 characters (the ClientToken parameter of AddCasterEpisodeGroup and CreateCaster). */
export const MAX_CLIENT_TOKEN_LENGTH = 64;

/**
 * The most items an episode group takes: an assumption. The AddCasterEpisodeGroup page documents
 * no limit on Item.N (https://www.alibabacloud.com/help/en/live/developer-reference/api-addcasterepisodegroup),
 * and a list the API refuses for its size fails the create, which no retry cures. So a limit is
 * chosen, well inside what one request carries, and the emulator enforces the same (LIMITATIONS):
 * - each item is two parameters (Item.N.ItemName, up to 128 characters, and Item.N.VodUrl); 100
 *   items with file URLs of a typical 100-200 characters make a request of 20-40 KB, and the
 *   official SDKs send every parameter in the URL's query string (docs/live-api.md), where 8-64 KB
 *   is what HTTP servers commonly accept;
 * - 100 episodes are one page of DescribeCasterProgram as this package reads it;
 * - a longer schedule is several groups, each starting when the one before ends.
 */
export const MAX_EPISODE_ITEMS = 100;
/** An episode item's ItemName, as a source's name (assumed, LIMITATIONS). */
export const MAX_ITEM_NAME_LENGTH = 128;

/** The API's time format: UTC to the second, `2026-12-24T12:00:00Z` (StartTime of AddCasterEpisodeGroup, CreateTime of DescribeCasters). */
export const API_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** A moment in the API's time format. */
export function toApiTime(moment: number | string | Date): string {
  const ms = typeof moment === "number" ? moment : typeof moment === "string" ? Date.parse(moment) : moment.getTime();
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}
