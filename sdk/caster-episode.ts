import * as pulumi from "@pulumi/pulumi";
import { casterEpisode } from "../spec/kinds/caster-episode";
import type { CasterEpisodeArgs, CasterEpisodeOutputs } from "./generated/args";
import { kindInputs, everyPropertyUnset, outputsFromId } from "./kind-inputs";
import { dynamicResourceArgs } from "./serialized-provider";
import { timeText } from "./time";

export type { CasterEpisodeArgs };

/** The outputs, documented from the kind's spec (sdk/generated/args.ts). */
export interface CasterEpisode extends CasterEpisodeOutputs {}

/**
 * An episode of a production studio's schedule: from `startTime` to `endTime` the studio shows a
 * video source (by `resourceId` or position `locationId`, with `componentIds` over it) or, with
 * no source, the components alone. Times are ISO 8601 with a zone, or Dates; the API gets UTC.
 *
 * @example
 * new CasterEpisode("evening-news", {
 *   casterId: studio.casterId,
 *   episodeName: "Evening news",
 *   resourceId: mainCamera.resourceId,
 *   componentIds: [lowerThird.componentId],
 *   startTime: "2030-12-24T20:00:00+08:00",
 *   endTime: "2030-12-24T21:00:00+08:00",
 * });
 */
export class CasterEpisode extends pulumi.CustomResource {
  /** The API's EpisodeId. Taken from the ID, so known in a preview. */
  declare public readonly episodeId: pulumi.Output<string>;

  /**
   * Reads the episode with this Pulumi ID, `<casterId>:<episodeId>` into this program without managing it: its outputs are what the API reports, and
   * nothing is changed or deleted. Pulumi's `get`, as every resource class has; `connection` reaches
   * an object of another account or region, as the resource's own `connection` does.
   */
  public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions, connection?: CasterEpisodeArgs["connection"]): CasterEpisode {
    return new CasterEpisode(name, { ...everyPropertyUnset(casterEpisode), connection } as unknown as CasterEpisodeArgs, { ...opts, id });
  }

  constructor(name: string, args: CasterEpisodeArgs, opts?: pulumi.CustomResourceOptions) {
    const inputs = { ...args, startTime: timeText(args.startTime), endTime: timeText(args.endTime) };
    super(...dynamicResourceArgs(casterEpisode.provider, name, kindInputs(casterEpisode, inputs), opts, "alicloud-caster", casterEpisode.type));
    outputsFromId(this, casterEpisode);
  }
}
