import { isDeepStrictEqual } from "node:util";
import { casterSceneBinding as kind, SceneBindingInputs } from "../../model/kinds/caster-scene-binding";
import { UserFacingError } from "../client/errors";
import { itemsOf, Listed, ListItem, LiveClient, ParamsOf, ReplyOf } from "../client/live-client";
import { formatId, kindProvider, parseId } from "../kind-provider";
import { liveClient } from "../runtime";
import { Reuse, studioListing } from "../shared/studio-listing";

/** What the provider stores for a scene binding. */
export interface SceneBindingOutputs extends SceneBindingInputs {
  sceneId: string;
}

/** One item of DescribeCasterScenes. */
export type ApiScene = Listed<ListItem<ReplyOf<"DescribeCasterScenes">["SceneList"], "Scene">, "SceneId">;

/** A studio's scenes (it has them while it runs). */
export const scenes = studioListing({
  describe: "DescribeCasterScenes",
  items: (reply) => itemsOf(reply.SceneList?.Scene, "SceneId"),
  idOf: (scene) => scene.SceneId,
  noun: "scene",
});

/** DescribeCasterScenes' OutputType: 0 the preview (PVW), 1 the program output (PGM). */
export const OUTPUT_TYPE = { PVW: "0", PGM: "1" } as const;

/** The CasterSceneBinding dynamic provider: SetCasterSceneConfig replaces a scene's layout and components as a whole. */
export const sceneBindingProvider = kindProvider<SceneBindingInputs, SceneBindingOutputs>(kind, {
  async create(inputs) {
    // A scene that already shows exactly this (a studio file exported from a live studio) is taken
    // as it is. What the scene was before: the listing the binding of the studio's other scene
    // shares (a Set of the other scene does not change this one; an unbinding, a delete, is seen).
    const outs = await bind(liveClient(), inputs, { unlessShown: true, reuse: "before-create" });
    return { id: formatId(kind, outs), outs };
  },

  async read(id, props) {
    const { casterId, scene } = parseId(kind, id);
    const found = await findScene(liveClient(), casterId, scene as SceneBindingInputs["scene"]);
    if (!found) return {};
    return { id, props: { ...props, ...bindingOf(found), casterId, scene } };
  },

  async update(_id, _olds, news) {
    return { outs: await bind(liveClient(), news) };
  },

  normalize(props) {
    return { ...props, componentIds: props.componentIds ?? [] };
  },

  // Unbound (the delete): no listing from before shows the scene as it was.
  changed(props) {
    if (props.casterId) scenes.changed(liveClient(), props.casterId);
  },

  async deleteParams(id, props) {
    const { casterId } = parseId(kind, id);
    return { CasterId: casterId, SceneId: props.sceneId, Type: "All" };
  },
});

/**
 * Binds the scene: its layout and components, bottom to top, in one SetCasterSceneConfig; with
 * `unlessShown`, none when the scene already shows exactly that layout and those components.
 */
async function bind(client: LiveClient, inputs: SceneBindingInputs, options: { unlessShown?: boolean; reuse?: Reuse } = {}): Promise<SceneBindingOutputs> {
  // Started since the listing shared before (by another program, the console): the scene is looked for again before the refusal.
  const scene = await findScene(client, inputs.casterId, inputs.scene, options.reuse) ?? (options.reuse ? await findScene(client, inputs.casterId, inputs.scene) : undefined);
  if (!scene) {
    throw new UserFacingError(
      `studio ${inputs.casterId} has no ${inputs.scene} scene yet: StartCaster makes a studio's scenes. ` +
        "Set running: true on its Caster (and let this binding depend on it), then run `pulumi up` again.",
    );
  }
  const shown = bindingOf(scene);
  if (options.unlessShown && shown.layoutId === inputs.layoutId && isDeepStrictEqual(shown.componentIds, inputs.componentIds ?? [])) {
    return { ...inputs, ...shown };
  }
  const params: ParamsOf<"SetCasterSceneConfig"> = { CasterId: inputs.casterId, SceneId: scene.SceneId, LayoutId: inputs.layoutId };
  (inputs.componentIds ?? []).forEach((componentId, index) => { params[`ComponentId.${index + 1}`] = componentId; });
  await scenes.change(client, inputs.casterId, "SetCasterSceneConfig", params);
  const after = await findScene(client, inputs.casterId, inputs.scene);
  return { ...inputs, ...(after ? bindingOf(after) : {}), sceneId: scene.SceneId };
}

export function bindingOf(scene: ApiScene): Pick<SceneBindingOutputs, "sceneId" | "layoutId" | "componentIds"> {
  return { sceneId: scene.SceneId, layoutId: scene.LayoutId ?? "", componentIds: scene.ComponentIds?.componentId ?? [] };
}

/** The studio's scene of that kind; undefined when the studio, or its scenes, do not exist. */
async function findScene(client: LiveClient, casterId: string, scene: SceneBindingInputs["scene"], reuse?: Reuse): Promise<ApiScene | undefined> {
  return (await scenes.listOrNone(client, casterId, reuse))?.find((item) => String(item.OutputType) === OUTPUT_TYPE[scene]);
}
