import * as pulumi from "@pulumi/pulumi";
import { serializedProvider } from "./serialized-provider";
import { warnAboutCredentialsInConfig } from "./settings-warnings";
import { secretIfSigned } from "./secrets";

/**
 * The inputs of a {@link CasterVideoResource}. Exactly one of `liveStreamUrl`, `materialId`,
 * `vodUrl`, `imageId` and `imageUrl` says what the source plays.
 */
export interface CasterVideoResourceArgs {
  /**
   * The production studio's ID, e.g. `LIVEPRODUCER_POST-cn-0pp1czt1234`.
   * Changing it replaces the source (deleted first, then added to the new studio).
   */
  casterId: pulumi.Input<string>;
  /**
   * The source's display name in the studio, 1 to 128 characters.
   * Modified in place.
   */
  resourceName: pulumi.Input<string>;
  /**
   * The layout position, `RV01` to `RV99` (always two digits). A position holds one source.
   * Changing it replaces the source (deleted first, so a swap never collides).
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
   * Where playback of a file starts, in milliseconds from the first frame. Files only.
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
   * The interval of PTS callbacks, in milliseconds.
   * @default 0. Modified in place.
   */
  ptsCallbackInterval?: pulumi.Input<number>;
  /**
   * A fixed delay for caption sync, in milliseconds, 0 to 5000.
   * @default 0. Changing it replaces the source (the API cannot modify it).
   */
  fixedDelayDuration?: pulumi.Input<number>;
  /**
   * Adopt an existing source instead of adding one: `<casterId>:<resourceId>`. The source is then
   * modified to match these inputs. Pulumi's own `import` option cannot serve a dynamic provider
   * (the engine reads imported resources without their provider code), so this takes its place.
   * @default none: a new source is added. Ignored once the source is managed.
   */
  importId?: pulumi.Input<string>;
}

/**
 * A video source of an ApsaraVideo Live production studio: a live stream, a file, a media asset or
 * an image, placed at a layout position RV01–RV99.
 *
 * @example
 * new CasterVideoResource("main-camera", {
 *   casterId: studio.id,
 *   resourceName: "Main camera",
 *   locationId: "RV01",
 *   liveStreamUrl: "rtmp://push.example.com/live/main-camera",
 * });
 */
export class CasterVideoResource extends pulumi.dynamic.Resource {
  /** The API's ResourceId of the source. */
  declare public readonly resourceId: pulumi.Output<string>;
  declare public readonly casterId: pulumi.Output<string>;
  declare public readonly resourceName: pulumi.Output<string>;
  declare public readonly locationId: pulumi.Output<string>;
  declare public readonly liveStreamUrl: pulumi.Output<string | undefined>;
  declare public readonly materialId: pulumi.Output<string | undefined>;
  declare public readonly vodUrl: pulumi.Output<string | undefined>;
  declare public readonly imageId: pulumi.Output<string | undefined>;
  declare public readonly imageUrl: pulumi.Output<string | undefined>;
  /** The FLV address the studio serves a live input at, when the API reports one. */
  declare public readonly flvUrl: pulumi.Output<string | undefined>;
  declare public readonly beginOffset: pulumi.Output<number>;
  declare public readonly endOffset: pulumi.Output<number>;
  declare public readonly repeatNum: pulumi.Output<number>;
  declare public readonly ptsCallbackInterval: pulumi.Output<number>;
  declare public readonly fixedDelayDuration: pulumi.Output<number>;

  constructor(name: string, args: CasterVideoResourceArgs, opts?: pulumi.CustomResourceOptions) {
    warnAboutCredentialsInConfig();
    super(
      serializedProvider("video"),
      name,
      {
        resourceId: undefined,
        flvUrl: undefined,
        ...args,
        liveStreamUrl: secretIfSigned(args.liveStreamUrl),
        vodUrl: secretIfSigned(args.vodUrl),
        imageUrl: secretIfSigned(args.imageUrl),
      },
      opts,
      "alicloud-caster",
      "CasterVideoResource",
    );
  }
}
