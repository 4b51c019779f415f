import * as pulumi from "@pulumi/pulumi";
import { declareInStudio } from "./whole-studio-check";
import { casterComponent } from "../model/kinds/caster-component";
import type { CasterComponentArgs, CasterComponentOutputs } from "./generated/args";
import { kindInputs, everyPropertyUnset, outputsFromId } from "./kind-inputs";
import { dynamicResourceArgs } from "./serialized-provider";

export type { CasterComponentArgs };

/** The outputs, documented from the kind's spec (sdk/generated/args.ts). */
export interface CasterComponent extends CasterComponentOutputs {}

/**
 * An overlay of a production studio: a text, an image or a caption at a component position
 * RC01–RC99, with its geometry and effect.
 *
 * @example
 * new CasterComponent("lower-third", {
 *   casterId: studio.casterId,
 *   locationId: "RC01",
 *   componentType: "text",
 *   text: { text: "Live from Hangzhou", color: "0xffffff", sizeNormalized: 0.05 },
 *   geometry: { position: [0.05, 0.85], widthNormalized: 0.6, heightNormalized: 0.1 },
 * });
 */
export class CasterComponent extends pulumi.CustomResource {
  /** The API's ComponentId: what a scene binding shows. Taken from the ID, so known in a preview. */
  declare public readonly componentId: pulumi.Output<string>;

  /**
   * Reads the component with this Pulumi ID, `<casterId>:<componentId>` into this program without managing it: its outputs are what the API reports, and
   * nothing is changed or deleted. Pulumi's `get`, as every resource class has; `connection` reaches
   * an object of another account or region, as the resource's own `connection` does.
   */
  public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions, connection?: CasterComponentArgs["connection"]): CasterComponent {
    return new CasterComponent(name, { ...everyPropertyUnset(casterComponent), connection } as unknown as CasterComponentArgs, { ...opts, id });
  }

  constructor(name: string, args: CasterComponentArgs, opts?: pulumi.CustomResourceOptions) {
    const studio = declareInStudio("CasterComponent", name, { ...args }, opts);
    super(...dynamicResourceArgs(casterComponent.provider, name, kindInputs(casterComponent, args), studio.opts, "alicloud-caster", casterComponent.type));
    outputsFromId(this, casterComponent);
    studio.declared(this);
  }
}
