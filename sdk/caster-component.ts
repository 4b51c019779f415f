import * as pulumi from "@pulumi/pulumi";
import { casterComponent } from "../spec/kinds/caster-component";
import type { CasterComponentArgs } from "./generated/args";
import { kindInputs, everyPropertyUnset } from "./kind-inputs";
import { CasterResource } from "./serialized-provider";

export type { CasterComponentArgs };

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
export class CasterComponent extends CasterResource {
  /** The API's ComponentId: what a scene binding shows. */
  declare public readonly componentId: pulumi.Output<string>;
  declare public readonly casterId: pulumi.Output<string>;
  declare public readonly locationId: pulumi.Output<string>;

  /**
   * Reads the component with this Pulumi ID, `<casterId>:<componentId>` into this program without managing it: its outputs are what the API reports, and
   * nothing is changed or deleted. Pulumi's `get`, as every resource class has.
   */
  public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): CasterComponent {
    return new CasterComponent(name, everyPropertyUnset(casterComponent) as unknown as CasterComponentArgs, { ...opts, id });
  }

  constructor(name: string, args: CasterComponentArgs, opts?: pulumi.CustomResourceOptions) {
    super(casterComponent.provider, name, kindInputs(casterComponent, args), opts, "alicloud-caster", casterComponent.type);
    // Taken from the ID (<casterId>:<componentId>), it stays known in the preview of an update, where every
    // output of a dynamic resource is unknown: as an output, a moved layer made the preview show
    // each scene binding that refers to the component as changing too.
    this.componentId = this.id.apply((id) => id.slice(id.indexOf(":") + 1));
  }
}
