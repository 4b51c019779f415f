import * as pulumi from "@pulumi/pulumi";
import { casterSceneBinding } from "../spec/kinds/caster-scene-binding";
import type { CasterSceneBindingArgs } from "./generated/args";
import { kindInputs, everyPropertyUnset } from "./kind-inputs";
import { CasterResource } from "./serialized-provider";

export type { CasterSceneBindingArgs };

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
export class CasterSceneBinding extends CasterResource {
  /** The scene's ID (SceneId). */
  declare public readonly sceneId: pulumi.Output<string>;
  declare public readonly layoutId: pulumi.Output<string>;
  declare public readonly componentIds: pulumi.Output<string[]>;

  /**
   * Reads what a scene shows, by the Pulumi ID `<casterId>:PGM` or `<casterId>:PVW` into this program without managing it: its outputs are what the API reports, and
   * nothing is changed or deleted. Pulumi's `get`, as every resource class has.
   */
  public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): CasterSceneBinding {
    return new CasterSceneBinding(name, everyPropertyUnset(casterSceneBinding) as unknown as CasterSceneBindingArgs, { ...opts, id });
  }

  constructor(name: string, args: CasterSceneBindingArgs, opts?: pulumi.CustomResourceOptions) {
    super(casterSceneBinding.provider, name, kindInputs(casterSceneBinding, args), opts, "alicloud-caster", casterSceneBinding.type);
  }
}
