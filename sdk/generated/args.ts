// Generated from spec/kinds by `npm run docs`; edit the kind's spec, not this file.
import type * as pulumi from "@pulumi/pulumi";
import type { EpisodeItemArgs } from "../caster-episode-group";

/**
 * The inputs of a {@link CasterVideoResource}.
 *
 * A video source of an ApsaraVideo Live production studio: a live stream, a file, a media asset or
 * an image, placed at a layout position RV01–RV99. Exactly one of `liveStreamUrl`, `materialId`,
 * `vodUrl`, `imageId` and `imageUrl` says what it plays.
 */
export interface CasterVideoResourceArgs {
  /**
   * The production studio's ID, e.g. `LIVEPRODUCER_POST-cn-0pp1czt1234`.
   * Changing it replaces the source, the old one deleted first (then added to the new studio).
   */
  casterId: pulumi.Input<string>;
  /**
   * The source's display name in the studio, 1 to 128 characters on one line: not only spaces, no
   * control characters (line breaks, tabs, ANSI escapes).
   * Modified in place.
   */
  resourceName: pulumi.Input<string>;
  /**
   * The layout position, `RV01` to `RV99` (always two digits). A position holds one source.
   * Changing it replaces the source, the old one deleted first (so that a swap never collides).
   */
  locationId: pulumi.Input<string>;
  /**
   * A live stream's URL (rtmp, rtmps, http(s) FLV/HLS, artc or srt). A URL that carries a signature
   * (`auth_key`, ...) or a password (`rtmp://user:password@host/...`) is stored as a secret.
   * @default none. Modified in place.
   */
  liveStreamUrl?: pulumi.Input<string>;
  /**
   * A media-library asset's ID, for a file from the media library.
   * @default none. Modified in place.
   */
  materialId?: pulumi.Input<string>;
  /**
   * The http(s) URL of an MP4, FLV or TS file that is not in the media library. A signed URL, or
   * one with a password, is stored as a secret.
   * @default none. Modified in place.
   */
  vodUrl?: pulumi.Input<string>;
  /**
   * An image asset's ID, for an image source.
   * @default none. Modified in place.
   */
  imageId?: pulumi.Input<string>;
  /**
   * The http(s) URL of a JPG or PNG image (at most 10 MB), for an image source. A signed URL, or
   * one with a password, is stored as a secret.
   * @default none. Modified in place.
   */
  imageUrl?: pulumi.Input<string>;
  /**
   * Where playback of a file starts, in milliseconds from the first frame, 0 to 2147483647. Files
   * only.
   * @default 0. Modified in place.
   */
  beginOffset?: pulumi.Input<number>;
  /**
   * Where playback of a file ends, in milliseconds: positive from the first frame, negative back
   * from the last frame. Files only.
   * @default 0 (the end of the file). Modified in place.
   */
  endOffset?: pulumi.Input<number>;
  /**
   * How often a file plays: 0 once, -1 loops forever, n > 0 repeats n times. Files only.
   * @default 0. Modified in place.
   */
  repeatNum?: pulumi.Input<number>;
  /**
   * The interval of PTS callbacks, in milliseconds, 0 to 2147483647.
   * @default 0. Modified in place.
   */
  ptsCallbackInterval?: pulumi.Input<number>;
  /**
   * A fixed delay for caption sync, in milliseconds, 0 to 5000. The API does not report it: what
   * was applied is kept.
   * @default 0. Changing it replaces the source, the old one deleted first (the API cannot modify
   * it).
   */
  fixedDelayDuration?: pulumi.Input<number>;
  /**
   * Adopt an existing source of the same studio instead of adding one: `<casterId>:<resourceId>`.
   * The source is then modified to match these inputs. Pulumi's own `import` option cannot serve a
   * dynamic provider (the engine reads imported resources without their provider code), so this
   * takes its place.
   * @default none: a new source is added. Not compared: it matters only when the source is made.
   */
  importId?: pulumi.Input<string>;
}

/**
 * The inputs of a {@link CasterEpisodeGroup}.
 *
 * A scheduled carousel playlist of VOD files on a production studio (AddCasterEpisodeGroup). The
 * API cannot modify a group: changing any property replaces it (the old program is deleted first,
 * then the new one is added).
 */
export interface CasterEpisodeGroupArgs {
  /**
   * The production studio. When given, `domainName`, `callbackUrl` and `sideOutputUrl` default to
   * its DescribeCasterConfig values (as the API page advises), and refresh can tell whether the
   * group still exists.
   * @default none: then `domainName` and `callbackUrl` are required. Changing it replaces the
   * episode group, the old one deleted first.
   */
  casterId?: pulumi.Input<string>;
  /**
   * The studio's main streaming domain, e.g. `live.example.com`.
   * @default the studio's DomainName (needs casterId). Changing it replaces the episode group, the
   * old one deleted first.
   */
  domainName?: pulumi.Input<string>;
  /**
   * The callback URL for playback events. Stored as a secret (the studio's may be signed).
   * @default the studio's CallbackUrl (needs casterId). Changing it replaces the episode group, the
   * old one deleted first.
   */
  callbackUrl?: pulumi.Input<string>;
  /**
   * A custom output (relay) URL. Stored as a secret (the studio's may be signed).
   * @default the studio's SideOutputUrl, else empty: the API then uses the studio's own output
   * address. Changing it replaces the episode group, the old one deleted first.
   */
  sideOutputUrl?: pulumi.Input<string>;
  /**
   * When the list starts: an ISO 8601 time with its zone (`2026-12-24T20:00:00Z`,
   * `2026-12-25T04:00:00+08:00`) whose date and time exist (no February 30, no 24:00), or a Date.
   * Sent as UTC to the second. A time in the past is allowed (the list starts at once) and gives a
   * warning.
   * Changing it replaces the episode group, the old one deleted first.
   */
  startTime: pulumi.Input<string | Date>;
  /**
   * 0 plays the list once, -1 loops it.
   * @default 0. Changing it replaces the episode group, the old one deleted first.
   */
  repeatNum?: pulumi.Input<0 | -1>;
  /**
   * The episodes in playing order, 1 to 100 `{ itemName, vodUrl }` (item names follow a source
   * name's rules; MP4, FLV or TS files). The API documents no limit; 100 is this package's: for a
   * longer schedule, add groups that start when the previous one ends. A signed URL, or one with a
   * password, makes the list a secret.
   * Changing it replaces the episode group, the old one deleted first.
   */
  items: pulumi.Input<pulumi.Input<EpisodeItemArgs>[]>;
  /**
   * The region of the API calls.
   * @default the provider's region (`alicloud:region`, else cn-shanghai). Changing it replaces the
   * episode group, the old one deleted first.
   */
  regionId?: pulumi.Input<string>;
  /**
   * The ClientToken that makes the creation idempotent, printable ASCII, at most 64 characters.
   * Used only when the group is created.
   * @default derived from the project, stack, resource name and the inputs above, so that a retry
   * or a re-run after an interrupted `pulumi up` gets the same program, not a second one. Not
   * compared: it matters only when the episode group is made.
   */
  clientToken?: pulumi.Input<string>;
}
