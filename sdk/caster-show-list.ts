import * as pulumi from "@pulumi/pulumi";
import { declareInStudio } from "./whole-studio-check";
import { casterShowList } from "../model/kinds/caster-show-list";
import type { CasterShowListArgs, CasterShowListOutputs } from "./generated/args";
import { kindInputs, everyPropertyUnset, outputsFromId } from "./kind-inputs";
import { dynamicResourceArgs } from "./serialized-provider";
import { isSignedUrl } from "./secrets";

export type { CasterShowListArgs };

/** One show of a show list. */
export interface ShowArgs {
  /** The show's name, unique in its list: the show is known by it. */
  showName: pulumi.Input<string>;
  /** `live` (a live stream), `vod` (a file) or `pic` (an image). */
  resourceType: pulumi.Input<"live" | "vod" | "pic">;
  /** The resource's URL. A signed URL, or one with a password, makes the show list a secret. Give this or resourceId. */
  resourceUrl?: pulumi.Input<string>;
  /** The resource's media-library ID. Give this or resourceUrl. */
  resourceId?: pulumi.Input<string>;
  /** The API's custom type label. */
  liveInputType?: pulumi.Input<number>;
  /** Seconds the show plays. Give this or repeatTimes, or neither (once). */
  duration?: pulumi.Input<number>;
  /** Plays after the first: 0 once, 1 twice, -1 forever. */
  repeatTimes?: pulumi.Input<number>;
}

/** The outputs, documented from the kind's spec (sdk/generated/args.ts). */
export interface CasterShowList extends CasterShowListOutputs {}

/**
 * A production studio's show list: the shows it plays in turn, how often the list repeats, the
 * show that interrupts it at a set time, and its background. One per studio.
 *
 * @example
 * new CasterShowList("tonight", {
 *   casterId: studio.casterId,
 *   repeatTimes: -1,
 *   shows: [
 *     { showName: "Opening", resourceType: "vod", resourceUrl: "https://media.example.com/opening.mp4" },
 *     { showName: "Live desk", resourceType: "live", resourceUrl: "rtmp://push.example.com/app/desk", duration: 1800 },
 *   ],
 * });
 */
export class CasterShowList extends pulumi.CustomResource {
  /**
   * Reads the show list of the studio with this ID into this program without managing it: its
   * outputs are what the API reports, and nothing is changed or deleted. Pulumi's `get`, as every
   * resource class has; `connection` reaches an object of another account or region, as the
   * resource's own `connection` does.
   */
  public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions, connection?: CasterShowListArgs["connection"]): CasterShowList {
    return new CasterShowList(name, { ...everyPropertyUnset(casterShowList), connection } as unknown as CasterShowListArgs, { ...opts, id });
  }

  constructor(name: string, args: CasterShowListArgs, opts?: pulumi.CustomResourceOptions) {
    const studio = declareInStudio("CasterShowList", name, { ...args }, opts);
    const inputs = kindInputs(casterShowList, args);
    super(...dynamicResourceArgs(casterShowList.provider, name, {
      ...inputs,
      // The provider's check reports a malformed list; here it only decides secrecy.
      shows: args.shows === undefined ? undefined : pulumi.output(args.shows).apply((shows: ShowArgs[] | unknown): pulumi.Output<unknown> =>
        Array.isArray(shows) && shows.some((show: { resourceUrl?: unknown }) => typeof show?.resourceUrl === "string" && isSignedUrl(show.resourceUrl))
          ? pulumi.secret(shows)
          : pulumi.output(shows)),
      background: args.background === undefined ? undefined : pulumi.output(args.background).apply((background: { resourceUrl?: unknown } | undefined): pulumi.Output<unknown> =>
        typeof background?.resourceUrl === "string" && isSignedUrl(background.resourceUrl) ? pulumi.secret(background) : pulumi.output(background)),
    }, studio.opts, "alicloud-caster", casterShowList.type));
    outputsFromId(this, casterShowList);
    studio.declared(this);
  }
}
