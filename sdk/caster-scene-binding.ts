import * as pulumi from "@pulumi/pulumi";
import { declareInStudio } from "./whole-studio-check";
import { casterSceneBinding } from "../model/kinds/caster-scene-binding";
import type { CasterSceneBindingArgs as GeneratedArgs, CasterSceneBindingOutputs } from "./generated/args";
import type { CasterComponent } from "./caster-component";
import type { CasterLayout } from "./caster-layout";
import { kindInputs, everyPropertyUnset, outputsFromId } from "./kind-inputs";
import { dynamicResourceArgs } from "./serialized-provider";

/** The inputs of a {@link CasterSceneBinding}: the kind's properties (sdk/generated/args.ts), and its layout and components by their resources. */
export interface CasterSceneBindingArgs extends Omit<GeneratedArgs, "layoutId"> {
  /**
   * The layout the scene shows, by its ID (a CasterLayout's `layoutId`). Give this or `layout`.
   * Modified in place.
   */
  layoutId?: GeneratedArgs["layoutId"];
  /**
   * The layout the scene shows, by its resource: the binding takes its ID and waits for it. Instead
   * of `layoutId`.
   * @default `layoutId`
   */
  layout?: CasterLayout;
  /**
   * The components shown over the layout, bottom to top, by their resources: the binding takes
   * their IDs and waits for them. Instead of `componentIds`.
   * @default `componentIds`, else none
   */
  components?: CasterComponent[];
}

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
 *   layout: pictureInPicture,     // a CasterLayout of this program
 *   components: [lowerThird],     // CasterComponents of this program
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
    const { layout, components, ...rest } = args;
    const given = {
      ...rest,
      ...(layout !== undefined ? { layoutId: layout.layoutId } : {}),
      ...(components !== undefined ? { componentIds: components.map((component) => component.componentId) } : {}),
    };
    const problems = [
      ...(layout !== undefined && rest.layoutId !== undefined ? ["layout and layoutId are both given: name the layout once; remove one."] : []),
      ...(components !== undefined && rest.componentIds !== undefined ? ["components and componentIds are both given: name the components once; remove one."] : []),
    ];
    const studio = declareInStudio("CasterSceneBinding", name, given, opts, [...(layout ? [layout] : []), ...(components ?? [])], problems);
    super(...dynamicResourceArgs(casterSceneBinding.provider, name, kindInputs(casterSceneBinding, given), studio.opts, "alicloud-caster", casterSceneBinding.type));
    outputsFromId(this, casterSceneBinding);
    studio.declared(this);
  }
}
