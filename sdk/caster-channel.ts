import * as pulumi from "@pulumi/pulumi";
import { casterChannel } from "../model/kinds/caster-channel";
import type { CasterChannelArgs as GeneratedArgs, CasterChannelOutputs } from "./generated/args";
import type { CasterVideoResource } from "./caster-video-resource";
import { kindInputs, everyPropertyUnset, outputsFromId } from "./kind-inputs";
import { dynamicResourceArgs } from "./serialized-provider";
import { declareInStudio } from "./whole-studio-check";

/** The inputs of a {@link CasterChannel}: the kind's properties (sdk/generated/args.ts), and its source by its resource. */
export interface CasterChannelArgs extends Omit<GeneratedArgs, "resourceId"> {
  /** The video source the channel plays, by its ID (a CasterVideoResource's `resourceId`). Give this or `source`. */
  resourceId?: GeneratedArgs["resourceId"];
  /**
   * The video source the channel plays, by its resource: the channel takes its ID and waits for it.
   * Instead of `resourceId`.
   * @default `resourceId`
   */
  source?: CasterVideoResource;
}

/** The outputs, documented from the kind's spec (sdk/generated/args.ts). */
export interface CasterChannel extends CasterChannelOutputs {}

/**
 * A channel of a channel-mode studio (RV01 to RV12) and the video source it plays. The studio's
 * Caster must have `channelMode: true`; layouts of such a studio show channels, not sources.
 *
 * @example
 * new CasterChannel("main-camera", {
 *   casterId: studio.casterId,
 *   channelId: "RV01",
 *   source: camera,         // a CasterVideoResource of this program
 *   faceBeauty: "1",        // skin smoothing
 * });
 */
export class CasterChannel extends pulumi.CustomResource {
  /**
   * Reads the channel with this Pulumi ID, `<casterId>:<channelId>`, into this program without
   * managing it: its outputs are what the API reports, and nothing is changed or freed. Pulumi's
   * `get`, as every resource class has; `connection` reaches a studio of another account or region.
   */
  public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions, connection?: CasterChannelArgs["connection"]): CasterChannel {
    return new CasterChannel(name, { ...everyPropertyUnset(casterChannel), connection } as unknown as CasterChannelArgs, { ...opts, id });
  }

  constructor(name: string, args: CasterChannelArgs, opts?: pulumi.CustomResourceOptions) {
    const { source, ...rest } = args;
    const given = { ...rest, ...(source !== undefined ? { resourceId: source.resourceId } : {}) };
    const problems = source !== undefined && rest.resourceId !== undefined
      ? ["source and resourceId are both given: name the source once, by its resource (source) or by its ID; remove one."] : [];
    const studio = declareInStudio("CasterChannel", name, given, opts, source ? [source] : [], problems);
    super(...dynamicResourceArgs(casterChannel.provider, name, kindInputs(casterChannel, given), studio.opts, "alicloud-caster", casterChannel.type));
    outputsFromId(this, casterChannel);
    studio.declared(this);
  }
}
