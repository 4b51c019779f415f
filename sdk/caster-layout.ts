import * as pulumi from "@pulumi/pulumi";
import { declareInStudio } from "./whole-studio-check";
import { casterLayout } from "../model/kinds/caster-layout";
import type { CasterLayoutArgs, CasterLayoutOutputs } from "./generated/args";
import { kindInputs, everyPropertyUnset, outputsFromId } from "./kind-inputs";
import { dynamicResourceArgs } from "./serialized-provider";

export type { CasterLayoutArgs };

/** The outputs, documented from the kind's spec (sdk/generated/args.ts). */
export interface CasterLayout extends CasterLayoutOutputs {}

/**
 * A layout of a production studio: which sources are on screen, where, at what size, bottom to
 * top, and which are heard. A layer's `locationId` may be a source's own output
 * (`camera.locationId`), which also makes the layout wait for that source: the API takes a
 * layout only over positions that hold sources.
 *
 * @example
 * new CasterLayout("picture-in-picture", {
 *   casterId: studio.casterId,
 *   videoLayers: [
 *     { locationId: camera.locationId, position: [0, 0], widthNormalized: 1, heightNormalized: 1, fillMode: "fit" },
 *     { locationId: guest.locationId, position: [0.95, 0.95], anchor: "bottomRight", widthNormalized: 0.3, heightNormalized: 0.3 },
 *   ],
 * });
 */
export class CasterLayout extends pulumi.CustomResource {
  /** The API's LayoutId: what a scene binding shows. Taken from the ID, so known in a preview. */
  declare public readonly layoutId: pulumi.Output<string>;

  /**
   * Reads the layout with this Pulumi ID, `<casterId>:<layoutId>` into this program without managing it: its outputs are what the API reports, and
   * nothing is changed or deleted. Pulumi's `get`, as every resource class has; `connection` reaches
   * an object of another account or region, as the resource's own `connection` does.
   */
  public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions, connection?: CasterLayoutArgs["connection"]): CasterLayout {
    return new CasterLayout(name, { ...everyPropertyUnset(casterLayout), connection } as unknown as CasterLayoutArgs, { ...opts, id });
  }

  constructor(name: string, args: CasterLayoutArgs, opts?: pulumi.CustomResourceOptions) {
    const studio = declareInStudio("CasterLayout", name, { ...args }, opts);
    super(...dynamicResourceArgs(casterLayout.provider, name, kindInputs(casterLayout, args), studio.opts, "alicloud-caster", casterLayout.type));
    outputsFromId(this, casterLayout);
    studio.declared(this);
  }
}
