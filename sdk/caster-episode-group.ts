import * as pulumi from "@pulumi/pulumi";
import { declareInStudio } from "./whole-studio-check";
import { casterEpisodeGroup } from "../model/kinds/caster-episode-group";
import { timeText } from "./time";
import { everyPropertyUnset, outputsFromId } from "./kind-inputs";
import { dynamicResourceArgs } from "./serialized-provider";
import { warnAboutCredentialsInConfig } from "./settings-warnings";
import { isSignedUrl, secretIfExternalId, secretIfSigned } from "./secrets";
import type { CasterEpisodeGroupArgs, CasterEpisodeGroupOutputs } from "./generated/args";

export type { CasterEpisodeGroupArgs };

/** One item of an episode group: a file the carousel plays. */
export interface EpisodeItemArgs {
  /** The episode's name, 1 to 128 characters. */
  itemName: pulumi.Input<string>;
  /** The http(s) URL of an MP4, FLV or TS file. A signed URL, or one with a password, makes the item list a secret. */
  vodUrl: pulumi.Input<string>;
}

/** The outputs, documented from the kind's spec (sdk/generated/args.ts). */
export interface CasterEpisodeGroup extends CasterEpisodeGroupOutputs {}

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
export class CasterEpisodeGroup extends pulumi.CustomResource {
  /**
   * Reads the episode group with this ProgramId (the API cannot describe a group: its outputs are only what refresh can tell) into this program without managing it: its outputs are what the API reports, and
   * nothing is changed or deleted. Pulumi's `get`, as every resource class has; `connection` reaches
   * an object of another account or region, as the resource's own `connection` does.
   */
  public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions, connection?: CasterEpisodeGroupArgs["connection"]): CasterEpisodeGroup {
    return new CasterEpisodeGroup(name, { ...everyPropertyUnset(casterEpisodeGroup), connection } as unknown as CasterEpisodeGroupArgs, { ...opts, id });
  }

  constructor(name: string, args: CasterEpisodeGroupArgs, opts?: pulumi.CustomResourceOptions) {
    warnAboutCredentialsInConfig();
    const startTime = timeText(args.startTime);
    const studio = declareInStudio("CasterEpisodeGroup", name, { ...args }, opts);
    super(...dynamicResourceArgs(
      "episodes",
      name,
      {
        ...everyPropertyUnset(casterEpisodeGroup),
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
        connection: secretIfExternalId(args.connection),
        clientTokenScope: `${pulumi.getProject()}/${pulumi.getStack()}/${name}`,
      },
      // Filled in from the studio's config when left out, where they may carry a signature.
      pulumi.mergeOptions(studio.opts, { additionalSecretOutputs: ["callbackUrl", "sideOutputUrl"] }),
      "alicloud-caster",
      "CasterEpisodeGroup",
    ));
    outputsFromId(this, casterEpisodeGroup);
    studio.declared(this);
    startTime.apply((value) => {
      const at = Date.parse(value);
      if (!Number.isNaN(at) && at < Date.now()) {
        void pulumi.log.warn(`startTime ${value} is in the past: the playlist starts as soon as it is created.`, this);
      }
    });
  }
}
