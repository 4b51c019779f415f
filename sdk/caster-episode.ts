import * as pulumi from "@pulumi/pulumi";
import { casterEpisode } from "../model/kinds/caster-episode";
import type { CasterEpisodeArgs as GeneratedArgs, CasterEpisodeOutputs } from "./generated/args";
import type { CasterComponent } from "./caster-component";
import type { CasterVideoResource } from "./caster-video-resource";
import { kindInputs, everyPropertyUnset, outputsFromId } from "./kind-inputs";
import { dynamicResourceArgs } from "./serialized-provider";
import { timeText } from "./time";
import { declareInStudio } from "./whole-studio-check";

/** The inputs of a {@link CasterEpisode}: the kind's properties (sdk/generated/args.ts), and its source and components by their resources. */
export interface CasterEpisodeArgs extends GeneratedArgs {
  /**
   * The video source shown, by its resource: the episode takes its ID and waits for it. Instead of
   * `resourceId` or `locationId`.
   * @default `resourceId` or `locationId`, else none (a Component episode)
   */
  source?: CasterVideoResource;
  /**
   * The components shown, bottom to top, by their resources: the episode takes their IDs and waits
   * for them. Instead of `componentIds`.
   * @default `componentIds`, else none
   */
  components?: CasterComponent[];
}

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
 *   source: mainCamera,          // a CasterVideoResource of this program
 *   components: [lowerThird],    // CasterComponents of this program
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
    const { source, components, ...rest } = args;
    const given = {
      ...rest,
      ...(source !== undefined ? { resourceId: source.resourceId } : {}),
      ...(components !== undefined ? { componentIds: components.map((component) => component.componentId) } : {}),
    };
    const problems = [
      ...(source !== undefined && (rest.resourceId !== undefined || rest.locationId !== undefined)
        ? [`source and ${rest.resourceId !== undefined ? "resourceId" : "locationId"} are both given: name the source once, by its resource (source) or by its ID or position; remove one.`] : []),
      ...(components !== undefined && rest.componentIds !== undefined ? ["components and componentIds are both given: name the components once; remove one."] : []),
    ];
    const studio = declareInStudio("CasterEpisode", name, given, opts, [...(source ? [source] : []), ...(components ?? [])], problems);
    const inputs = { ...given, startTime: timeText(args.startTime), endTime: timeText(args.endTime) };
    super(...dynamicResourceArgs(casterEpisode.provider, name, kindInputs(casterEpisode, inputs), studio.opts, "alicloud-caster", casterEpisode.type));
    outputsFromId(this, casterEpisode);
    studio.declared(this);
  }
}
