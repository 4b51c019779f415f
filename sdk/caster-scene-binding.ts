import * as pulumi from "@pulumi/pulumi";
import { casterSceneBinding } from "../spec/kinds/caster-scene-binding";
import type { CasterSceneBindingArgs, CasterSceneBindingOutputs } from "./generated/args";
import { kindInputs, everyPropertyUnset, outputsFromId } from "./kind-inputs";
import { dynamicResourceArgs } from "./serialized-provider";

export type { CasterSceneBindingArgs };

/** The outputs, documented from the kind's spec (sdk/generated/args.ts). */
export interface CasterSceneBinding extends CasterSceneBindingOutputs {}

/**
 * What a scene of a started studio shows: one layout and the components over it, bottom to top.
 * SetCasterSceneConfig replaces a scene's binding as a whole, so it is declared whole. Scenes
 * exist once the studio has been started: give the studio's `casterId` output, so the binding
 * waits for its Caster (`running: true`).
 *
 * @example
 * new CasterSceneBinding("on-air", {
 *   casterId: studio.casterId,
 *   scene: "PGM",
 *   layoutId: pictureInPicture.layoutId,
 *   componentIds: [lowerThird.componentId],
 * }, { dependsOn: [studio] });
 */
export class CasterSceneBinding extends pulumi.CustomResource {
  /**
   * Reads what a scene shows, by the Pulumi ID `<casterId>:PGM` or `<casterId>:PVW` into this program without managing it: its outputs are what the API reports, and
   * nothing is changed or deleted. Pulumi's `get`, as every resource class has; `connection` reaches
   * an object of another account or region, as the resource's own `connection` does.
   */
  public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions, connection?: CasterSceneBindingArgs["connection"]): CasterSceneBinding {
    return new CasterSceneBinding(name, { ...everyPropertyUnset(casterSceneBinding), connection } as unknown as CasterSceneBindingArgs, { ...opts, id });
  }

  constructor(name: string, args: CasterSceneBindingArgs, opts?: pulumi.CustomResourceOptions) {
    super(...dynamicResourceArgs(casterSceneBinding.provider, name, kindInputs(casterSceneBinding, args), opts, "alicloud-caster", casterSceneBinding.type));
    outputsFromId(this, casterSceneBinding);
  }
}
