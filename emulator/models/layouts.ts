import { errors } from "../errors";
import { findCaster } from "./casters";
import { newResourceId } from "./ids";
import { buildAudioLayers, buildVideoLayers, checkSourceLocations, defaultAudioLayer, SentLayers } from "./layers";
import { AccountState, CasterRecord, LayoutRecord } from "./state";

/**
 * A studio's layouts: AddCasterLayout, ModifyCasterLayout, DeleteCasterLayout,
 * DescribeCasterLayouts. The layers' own rules are in layers.ts. The pages, by the names the
 * comments give them:
 * - ADD_LAYOUT: https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-addcasterlayout
 *   (Chinese reference with its special error codes: https://help.aliyun.com/document_detail/60249.html)
 * - MODIFY_LAYOUT: https://www.alibabacloud.com/help/en/live/developer-reference/api-modifycasterlayout
 * - DELETE_LAYOUT: https://www.alibabacloud.com/help/en/live/developer-reference/api-deletecasterlayout
 * - DESCRIBE_LAYOUTS: https://help.aliyun.com/zh/live/developer-reference/api-describecasterlayouts
 */

export interface LayoutInput {
  casterId: string;
  /** BlendList.N: the video sources shown, bottom to top; undefined when not sent. */
  blendList?: string[];
  /** MixList.N: the sources heard. */
  mixList?: string[];
  videoLayers: SentLayers;
  audioLayers: SentLayers;
}

/** ADD_LAYOUT: BlendList.N and MixList.N are required; a layer left out takes the page's defaults. */
export function addLayout(account: AccountState, input: LayoutInput & { blendList: string[]; mixList: string[] }): LayoutRecord {
  const caster = findCaster(account, input.casterId);
  checkSourceLocations(caster, input.blendList, "BlendList");
  checkSourceLocations(caster, input.mixList, "MixList");
  const layout: LayoutRecord = {
    layoutId: newResourceId(),
    blendList: input.blendList,
    mixList: input.mixList,
    videoLayers: buildVideoLayers(input.blendList, input.videoLayers),
    audioLayers: buildAudioLayers(input.mixList, input.audioLayers, undefined, defaultAudioLayer),
  };
  caster.layouts[layout.layoutId] = layout;
  return layout;
}

/**
 * MODIFY_LAYOUT: "You only need to pass the parameters that you want to modify". A list sent
 * replaces the list; a layer keeps its settings while its position stays in the list (it follows
 * its position, wherever that moves) and takes the fields sent for its index.
 */
export function modifyLayout(account: AccountState, input: LayoutInput & { layoutId: string }): LayoutRecord {
  const caster = findCaster(account, input.casterId);
  const layout = findLayout(caster, input.layoutId);
  if (input.blendList) checkSourceLocations(caster, input.blendList, "BlendList");
  if (input.mixList) checkSourceLocations(caster, input.mixList, "MixList");
  const blendList = input.blendList ?? layout.blendList;
  const mixList = input.mixList ?? layout.mixList;
  const videoLayers = buildVideoLayers(blendList, input.videoLayers, { list: layout.blendList, layers: layout.videoLayers });
  const audioLayers = buildAudioLayers(mixList, input.audioLayers, { list: layout.mixList, layers: layout.audioLayers }, defaultAudioLayer);
  Object.assign(layout, { blendList, mixList, videoLayers, audioLayers });
  return layout;
}

/**
 * DELETE_LAYOUT, with its special error code InvalidLayout.NotFound. A scene that shows the
 * layout shows none afterwards (the pages are silent on a layout in use; LIMITATIONS).
 */
export function deleteLayout(account: AccountState, casterId: string, layoutId: string): void {
  const caster = findCaster(account, casterId);
  findLayout(caster, layoutId);
  delete caster.layouts[layoutId];
  for (const scene of Object.values(caster.scenes)) if (scene.layoutId === layoutId) scene.layoutId = "";
}

/**
 * DESCRIBE_LAYOUTS: "If you do not provide a LayoutId, all layouts of the studio are returned";
 * a LayoutId that matches none is an empty list (as DescribeCasterScenes answers an unknown SceneId).
 */
export function listLayouts(account: AccountState, casterId: string, layoutId?: string): LayoutRecord[] {
  return Object.values(findCaster(account, casterId).layouts).filter((layout) => layoutId === undefined || layout.layoutId === layoutId);
}

export function findLayout(caster: CasterRecord, layoutId: string): LayoutRecord {
  const layout = caster.layouts[layoutId];
  if (!layout) throw errors.layoutNotFound(layoutId);
  return layout;
}
