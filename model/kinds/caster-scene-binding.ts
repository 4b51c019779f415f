import { z } from "zod";
import { describeValue } from "../../common/check";
import { eachItemOnce, withJsonSchema } from "../rules";
import { casterIdSchema } from "./caster-video-resource";
import { connectionField } from "../fields/connection";
import { apiId, componentIdSchema } from "../fields/api-id";
import { KindSpec, schemasOf } from "./kind";

/**
 * What a scene shows: one layout and the components over it. A studio has two scenes, PVW (the
 * preview) and PGM (the program output, what goes on air); StartCaster makes them, so a binding
 * needs a studio that has been started.
 *
 * SetCasterSceneConfig replaces a scene's whole binding: the layout and the list of components
 * (https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-setcastersceneconfig),
 * so a binding is declared whole.
 */

/** The scenes of a studio, by the names the console gives them. */
export const SCENES = ["PGM", "PVW"] as const;


const fields = {
  casterId: {
    schema: casterIdSchema,
    doc: "The production studio's ID. The studio must have been started (`running: true`): StartCaster makes its scenes.",
    onChange: "replace",
    api: "CasterId",
  },
  scene: {
    schema: z.enum(SCENES, { error: "use PGM (the program output, on air) or PVW (the preview)." }).describe("PGM or PVW"),
    doc: "Which scene: `PGM`, the program output that goes on air, or `PVW`, the preview.",
    onChange: "replace",
  },
  layoutId: {
    schema: apiId("layout").describe("the layout the scene shows"),
    doc: "The layout the scene shows (a CasterLayout's `layoutId`).",
    onChange: "update",
    api: "LayoutId",
  },
  componentIds: {
    schema: z.array(componentIdSchema, { error: "give a list of component IDs." }).optional()
      .describe("the components over the layout, bottom to top"),
    doc: "The components shown over the layout, bottom to top (CasterComponents' `componentId`s).",
    default: "none",
    onChange: "update",
    api: "ComponentId",
  },
  connection: connectionField,
} as const;

type Fields = typeof fields;
export type SceneBindingInputs = z.infer<z.ZodObject<{ -readonly [K in keyof Fields]: Fields[K]["schema"] }>>;

/** A scene shows a component once: a component twice in SetCasterSceneConfig's ComponentId.N is refused (as the emulator does: LIMITATIONS). */
const eachComponentOnce = withJsonSchema<SceneBindingInputs>((known) => {
  const seen = new Map<string, number>();
  for (const [index, componentId] of (known.componentIds ?? []).entries()) {
    const first = seen.get(componentId);
    if (first !== undefined) {
      return {
        property: "componentIds",
        path: ["componentIds", index],
        reason: `componentIds[${index}] ${describeValue(componentId)} is listed twice (first as componentIds[${first}]): a scene shows a component once; remove one.`,
      };
    }
    seen.set(componentId, index);
  }
  return undefined;
}, { write: eachItemOnce("components") });

export const casterSceneBinding: KindSpec<Fields> = {
  type: "CasterSceneBinding",
  provider: "scene",
  noun: "scene binding",
  doc: "What a scene of a started studio shows: one layout and the components over it (SetCasterSceneConfig). Declared whole: the API replaces a scene's binding as a whole.",
  fields,
  outputs: {
    sceneId: { doc: "The scene's ID (SceneId).", sdkType: "string", api: "SceneId" },
  },
  operations: { create: "SetCasterSceneConfig", read: "DescribeCasterScenes", update: "SetCasterSceneConfig", delete: "DeleteCasterSceneConfig" },
  id: ["casterId", "scene"],
  // IncorrectSceneStatus.Idle: the studio is stopped, so the scene shows nothing on air; the binding
  // it keeps points at layouts and components that are deleted next, which clears it.
  goneCodes: ["InvalidCaster.NotFound", "InvalidScene.NotFound", "IncorrectSceneStatus.Idle"],
  deleteBeforeReplace: true,
  rules: [eachComponentOnce],
  studioFile: { section: "scenes", doc: "PGM and PVW, each with its layout and components" },
};

export const sceneBindingFields = schemasOf(casterSceneBinding);
