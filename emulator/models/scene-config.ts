import { ApiError, errors } from "../errors";
import { findCaster } from "./casters";
import { checkComponents } from "./components";
import { buildAudioLayers, checkSourceLocations, defaultAudioLayer, oneOf, SentLayers } from "./layers";
import { findLayout } from "./layouts";
import { AccountState, CasterRecord, SceneAudioRecord, SceneRecord } from "./state";

/**
 * What a scene shows and plays: SetCasterSceneConfig, UpdateCasterSceneConfig,
 * DeleteCasterSceneConfig, DescribeCasterSceneAudio, UpdateCasterSceneAudio (DescribeCasterScenes
 * shows a scene's LayoutId and ComponentIds). The pages, by the names the comments give them:
 * - SET_SCENE: https://www.alibabacloud.com/help/en/live/developer-reference/api-setcastersceneconfig
 *   (Chinese reference with its special error codes: https://help.aliyun.com/document_detail/60272.html)
 * - UPDATE_SCENE: https://www.alibabacloud.com/help/en/live/developer-reference/api-updatecastersceneconfig
 * - DELETE_SCENE: https://help.aliyun.com/document_detail/94775.html
 * - SCENE_AUDIO: https://help.aliyun.com/document_detail/94756.html (UpdateCasterSceneAudio)
 * - DESCRIBE_SCENE_AUDIO: https://alibabacloud.com/help/en/live/developer-reference/api-describecastersceneaudio
 */

export interface SceneConfigInput {
  casterId: string;
  sceneId: string;
  layoutId?: string;
  /** ComponentId.N, bottom to top; undefined when none is sent. */
  componentIds?: string[];
}

/**
 * SET_SCENE: "This operation configures a scene by clearing all previous settings of the scene and
 * applying new settings": the layout and the components are replaced; one left out is cleared.
 * SET_SCENE's special error codes: InvalidScene.NotFound, IncorrectSceneStatus ("Scene is not
 * started."), InvalidLayout.NotFound.
 */
export function setSceneConfig(account: AccountState, input: SceneConfigInput): SceneRecord {
  const caster = findCaster(account, input.casterId);
  const scene = startedScene(caster, input.sceneId, errors.sceneStatusIncorrect);
  const layoutId = input.layoutId === undefined ? "" : findLayout(caster, input.layoutId).layoutId;
  const componentIds = checkComponents(caster, input.componentIds ?? []);
  Object.assign(scene, { layoutId, componentIds });
  delete scene.effect;
  return scene;
}

/**
 * UPDATE_SCENE: "incrementally modify the configuration of a scene, including its layout. This
 * operation preserves existing settings": LayoutId (required) replaces the layout; ComponentId.N,
 * when sent, replaces the components; left out, they stay. The scene must be started, as for SetCasterSceneConfig.
 */
export function updateSceneConfig(account: AccountState, input: SceneConfigInput & { layoutId: string }): SceneRecord {
  const caster = findCaster(account, input.casterId);
  const scene = startedScene(caster, input.sceneId, errors.sceneStatusIncorrect);
  const layoutId = findLayout(caster, input.layoutId).layoutId;
  const componentIds = input.componentIds === undefined ? scene.componentIds : checkComponents(caster, input.componentIds);
  Object.assign(scene, { layoutId, componentIds });
  delete scene.effect;
  return scene;
}

/** DELETE_SCENE: Type Component clears the components, Layout the layout, All both; its error table names IncorrectSceneStatus.Idle. */
export function deleteSceneConfig(account: AccountState, casterId: string, sceneId: string, type: string): SceneRecord {
  const caster = findCaster(account, casterId);
  const what = oneOf("Type", type, ["Component", "Layout", "All"] as const);
  const scene = startedScene(caster, sceneId, errors.sceneIdle);
  if (what !== "Layout") scene.componentIds = [];
  if (what !== "Component") {
    scene.layoutId = "";
    delete scene.effect;
  }
  return scene;
}

export function sceneAudio(account: AccountState, casterId: string, sceneId: string): SceneAudioRecord {
  return findScene(findCaster(account, casterId), sceneId).audio;
}

export interface SceneAudioInput {
  casterId: string;
  sceneId: string;
  followEnable?: number;
  mixList?: string[];
  audioLayers: SentLayers;
}

/**
 * SCENE_AUDIO: FollowEnable 0 (the scene's own mix) or 1 (audio follows video), "left out, the
 * last setting stays"; MixList.N "in the same order as AudioLayers", and AudioLayer.N's
 * VolumeRate, ValidChannel, FixedDelayDuration and Filter. What is sent replaces; a layer follows
 * its position, as in ModifyCasterLayout. The scene need not be started (no page says so).
 */
export function updateSceneAudio(account: AccountState, input: SceneAudioInput): SceneAudioRecord {
  const caster = findCaster(account, input.casterId);
  const scene = findScene(caster, input.sceneId);
  const audio = scene.audio;
  if (input.followEnable !== undefined && input.followEnable !== 0 && input.followEnable !== 1) {
    throw errors.invalidParameter(`FollowEnable must be 0 (mix) or 1 (audio follows video), got ${input.followEnable}`);
  }
  if (input.mixList) checkSourceLocations(caster, input.mixList, "MixList");
  const mixList = input.mixList ?? audio.mixList;
  const audioLayers = buildAudioLayers(mixList, input.audioLayers, { list: audio.mixList, layers: audio.audioLayers },
    () => ({ ...defaultAudioLayer(), filter: "" }),
    (layer, fields, where) => {
      if (fields.Filter !== undefined) layer.filter = readFilter(`${where}.Filter`, fields.Filter);
    });
  scene.audio = { followEnable: input.followEnable ?? audio.followEnable, mixList, audioLayers };
  return scene.audio;
}

export function findScene(caster: CasterRecord, sceneId: string): SceneRecord {
  const scene = caster.scenes[sceneId];
  if (!scene) {
    throw errors.sceneNotFound(Object.keys(caster.scenes).length === 0
      ? `Caster ${caster.casterId} has no scenes yet: StartCaster makes them`
      : `Scene ${sceneId} is not a scene of caster ${caster.casterId}`);
  }
  return scene;
}

export function startedScene(caster: CasterRecord, sceneId: string, notStarted: (detail: string) => ApiError): SceneRecord {
  const scene = findScene(caster, sceneId);
  if (scene.status !== 1) throw notStarted(`Scene ${sceneId} is not started: start caster ${caster.casterId} (StartCaster) first`);
  return scene;
}


/**
 * SCENE_AUDIO, AudioLayer.N.Filter: a JSON object of 0/1 switches, `{"enableAgc":0,"enableAns":1}`:
 * enableAgc, enableAns, ansMode, enableBeautify, voiceBeautifyMode (keys in lower camel case, as the page writes them).
 */
function readFilter(name: string, text: string): string {
  const keys = ["enableAgc", "enableAns", "ansMode", "enableBeautify", "voiceBeautifyMode"];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw errors.invalidParameter(`${name} is not valid JSON`);
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) throw errors.invalidParameter(`${name} must be a JSON object`);
  for (const [key, flag] of Object.entries(value)) {
    if (!keys.includes(key)) throw errors.invalidParameter(`${name} has an unknown field ${key}; it takes ${keys.join(", ")}`);
    if (flag !== 0 && flag !== 1 && flag !== "0" && flag !== "1") throw errors.invalidParameter(`${name}.${key} must be 0 or 1`);
  }
  return text;
}
