import * as pulumi from "@pulumi/pulumi";
import { declareInStudio } from "./whole-studio-check";
import { casterStudioLayout } from "../model/kinds/caster-studio-layout";
import type { CasterStudioLayoutArgs, CasterStudioLayoutOutputs } from "./generated/args";
import { kindInputs, everyPropertyUnset, outputsFromId } from "./kind-inputs";
import { dynamicResourceArgs } from "./serialized-provider";

export type { CasterStudioLayoutArgs };

/** The outputs, documented from the kind's spec (sdk/generated/args.ts). */
export interface CasterStudioLayout extends CasterStudioLayoutOutputs {}

/**
 * A virtual studio's studio layout (NormType 4, China site): presenters keyed out of their green
 * or blue screen and placed on a background, with videos and images; or one channel as it is.
 *
 * @example
 * new CasterStudioLayout("news-desk", {
 *   casterId: virtualStudio.casterId,
 *   layoutName: "News desk",
 *   layoutType: "studio",
 *   background: { materialId: "f080575eb5f4427684fc0715159a1234" },
 *   chromaKeyInputs: [{ channelId: "RV01", color: "green", positionX: 0.1, positionY: 0.2, heightNormalized: 0.6 }],
 * });
 */
export class CasterStudioLayout extends pulumi.CustomResource {
  /** The API's LayoutId. Taken from the ID, so known in a preview. */
  declare public readonly layoutId: pulumi.Output<string>;

  /**
   * Reads the studio layout with this Pulumi ID, `<casterId>:<layoutId>`, into this program without
   * managing it: its outputs are what the API reports, and nothing is changed or deleted. Pulumi's
   * `get`, as every resource class has; `connection` reaches an object of another account or
   * region, as the resource's own `connection` does.
   */
  public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions, connection?: CasterStudioLayoutArgs["connection"]): CasterStudioLayout {
    return new CasterStudioLayout(name, { ...everyPropertyUnset(casterStudioLayout), connection } as unknown as CasterStudioLayoutArgs, { ...opts, id });
  }

  constructor(name: string, args: CasterStudioLayoutArgs, opts?: pulumi.CustomResourceOptions) {
    const studio = declareInStudio("CasterStudioLayout", name, { ...args }, opts);
    super(...dynamicResourceArgs(casterStudioLayout.provider, name, kindInputs(casterStudioLayout, args), studio.opts, "alicloud-caster", casterStudioLayout.type));
    outputsFromId(this, casterStudioLayout);
    studio.declared(this);
  }
}
