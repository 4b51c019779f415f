import * as pulumi from "@pulumi/pulumi";
import { serializedProvider } from "./serialized-provider";
import { warnAboutCredentialsInConfig } from "./settings-warnings";
import { isSignedUrl, secretIfSigned } from "./secrets";

/** One item of an episode group: a file the carousel plays. */
export interface EpisodeItemArgs {
  /** The episode's name, 1 to 128 characters. */
  itemName: pulumi.Input<string>;
  /** The http(s) URL of an MP4, FLV or TS file. A signed URL, or one with a password, makes the item list a secret. */
  vodUrl: pulumi.Input<string>;
}

/**
 * The inputs of a {@link CasterEpisodeGroup}. The API cannot modify a group: changing any of
 * these replaces it (the old program is deleted first, then the new one is added).
 */
export interface CasterEpisodeGroupArgs {
  /**
   * The production studio. When given, `domainName`, `callbackUrl` and `sideOutputUrl` default to
   * its DescribeCasterConfig values (as the API page advises), and refresh can tell whether the
   * group still exists.
   * @default none: then `domainName` and `callbackUrl` are required.
   */
  casterId?: pulumi.Input<string>;
  /**
   * The studio's main streaming domain, e.g. `live.example.com`.
   * @default the studio's DomainName (needs casterId).
   */
  domainName?: pulumi.Input<string>;
  /**
   * The callback URL for playback events. Stored as a secret (the studio's may be signed).
   * @default the studio's CallbackUrl (needs casterId).
   */
  callbackUrl?: pulumi.Input<string>;
  /**
   * A custom output (relay) URL. Stored as a secret (the studio's may be signed).
   * @default the studio's SideOutputUrl, else empty: the API then uses the studio's own output address.
   */
  sideOutputUrl?: pulumi.Input<string>;
  /**
   * When the list starts: an ISO 8601 time with its zone (`2026-12-24T20:00:00Z`,
   * `2026-12-25T04:00:00+08:00`) or a Date. Sent as UTC to the second. A time in the past is
   * allowed (the list starts at once) and gives a warning.
   */
  startTime: pulumi.Input<string | Date>;
  /**
   * 0 plays the list once, -1 loops it.
   * @default 0
   */
  repeatNum?: pulumi.Input<0 | -1>;
  /** The episodes, in playing order; at least one. */
  items: pulumi.Input<pulumi.Input<EpisodeItemArgs>[]>;
  /**
   * The region of the API call.
   * @default the provider's region (alicloud:region, else cn-shanghai)
   */
  regionId?: pulumi.Input<string>;
  /**
   * The ClientToken that makes the creation idempotent, printable ASCII, at most 64 characters.
   * @default derived from the project, stack, resource name and the inputs above, so that a
   * retry or a re-run after an interrupted `pulumi up` gets the same program, not a second one.
   */
  clientToken?: pulumi.Input<string>;
}

/**
 * A scheduled carousel playlist of VOD files on a production studio (AddCasterEpisodeGroup).
 *
 * @example
 * new CasterEpisodeGroup("evening", {
 *   casterId: studio.id,
 *   startTime: "2026-12-24T20:00:00+08:00",
 *   repeatNum: -1,
 *   items: [
 *     { itemName: "Opening", vodUrl: "https://media.example.com/opening.mp4" },
 *     { itemName: "Feature", vodUrl: "https://media.example.com/feature.mp4" },
 *   ],
 * });
 */
export class CasterEpisodeGroup extends pulumi.dynamic.Resource {
  /** The API's ProgramId: the group's ID. */
  declare public readonly programId: pulumi.Output<string>;
  /** The API's ItemIds, in item order. */
  declare public readonly itemIds: pulumi.Output<string[]>;
  /** The ClientToken the group was created with. */
  declare public readonly clientToken: pulumi.Output<string>;
  declare public readonly casterId: pulumi.Output<string | undefined>;
  declare public readonly domainName: pulumi.Output<string>;
  declare public readonly callbackUrl: pulumi.Output<string>;
  declare public readonly sideOutputUrl: pulumi.Output<string>;
  /** The start time as sent: UTC, `yyyy-MM-ddTHH:mm:ssZ`. */
  declare public readonly startTime: pulumi.Output<string>;
  declare public readonly repeatNum: pulumi.Output<0 | -1>;
  declare public readonly items: pulumi.Output<{ itemName: string; vodUrl: string }[]>;
  /** Whether the studio listed the items after creation; refresh relies on it (see the README). */
  declare public readonly listedInProgram: pulumi.Output<boolean>;

  constructor(name: string, args: CasterEpisodeGroupArgs, opts?: pulumi.CustomResourceOptions) {
    warnAboutCredentialsInConfig();
    const startTime = timeText(args.startTime);
    super(
      serializedProvider("episodes"),
      name,
      {
        programId: undefined,
        itemIds: undefined,
        listedInProgram: undefined,
        ...args,
        startTime,
        callbackUrl: secretIfSigned(args.callbackUrl),
        sideOutputUrl: secretIfSigned(args.sideOutputUrl),
        items: pulumi
          .output(args.items)
          // The provider's check reports a malformed list; here it only decides secrecy.
          .apply((items): pulumi.Output<{ itemName: string; vodUrl: string }[]> =>
            Array.isArray(items) && items.some((item) => typeof item?.vodUrl === "string" && isSignedUrl(item.vodUrl))
              ? pulumi.secret(items)
              : pulumi.output(items)),
        clientToken: args.clientToken,
        clientTokenScope: `${pulumi.getProject()}/${pulumi.getStack()}/${name}`,
      },
      // Filled in from the studio's config when left out, where they may carry a signature.
      pulumi.mergeOptions(opts, { additionalSecretOutputs: ["callbackUrl", "sideOutputUrl"] }),
      "alicloud-caster",
      "CasterEpisodeGroup",
    );
    startTime.apply((value) => {
      const at = Date.parse(value);
      if (!Number.isNaN(at) && at < Date.now()) {
        void pulumi.log.warn(`startTime ${value} is in the past: the playlist starts as soon as it is created.`, this);
      }
    });
  }
}

/** A Date as ISO 8601 text; pulumi.output() alone would turn a Date into an empty object. */
function timeText(value: pulumi.Input<string | Date>): pulumi.Output<string> {
  if (value instanceof Date) return pulumi.output(value.toISOString());
  return pulumi
    .output(value as pulumi.Input<string>)
    .apply((text) => ((text as unknown) instanceof Date ? (text as unknown as Date).toISOString() : text));
}
