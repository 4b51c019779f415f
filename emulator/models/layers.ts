import { errors } from "../errors";
import { AudioLayerRecord, CasterRecord, VideoLayerRecord } from "./state";
import {
  AUDIO_CHANNELS,
  CHANNEL_ID_PATTERN,
  AUDIO_LAYER_DEFAULTS,
  FILL_MODES,
  LOCATION_ID_PATTERN,
  MAX_FIXED_DELAY_MS,
  MAX_NORMALIZED,
  MAX_VOLUME_RATE,
  POSITION_REFERS,
  VIDEO_LAYER_DEFAULTS,
} from "../../model/api-facts";

/**
 * Video and audio layers, as AddCasterLayout, ModifyCasterLayout and UpdateCasterSceneAudio take
 * them: a list of positions (BlendList.N, MixList.N) and, by the same index, a layer's settings
 * (VideoLayer.N.*, AudioLayer.N.*), every value a string. The pages, by the names the comments give them:
 * - ADD_LAYOUT: https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-addcasterlayout
 *   (Chinese reference with its special error codes: https://help.aliyun.com/document_detail/60249.html)
 * - SCALE_LAYER: https://www.alibabacloud.com/help/doc-detail/61820.htm
 * - LAYER_ORDER: https://www.alibabacloud.com/help/faq-detail/61823.htm
 * - SCENE_AUDIO: https://help.aliyun.com/document_detail/94756.html
 */

/** The settings sent for one layer, by field (`FillMode`, `PositionNormalized.1`), and the layers by index from 1. */
export type SentLayers = Map<number, Record<string, string>>;

export function defaultVideoLayer(): VideoLayerRecord {
  // ADD_LAYOUT: FillMode none, HeightNormalized and WidthNormalized 0 (the source's own size), PositionNormalized [0,0],
  // PositionRefer topLeft, FixedDelayDuration 0 — each "default value" of the page.
  const defaults = VIDEO_LAYER_DEFAULTS;
  return {
    fillMode: defaults.fillMode,
    heightNormalized: defaults.heightNormalized,
    widthNormalized: defaults.widthNormalized,
    positionNormalized: [...defaults.position],
    positionRefer: defaults.anchor,
    fixedDelayDuration: defaults.fixedDelayDuration,
  };
}

export function defaultAudioLayer(): AudioLayerRecord {
  // ADD_LAYOUT: VolumeRate 1.0 keeps the volume, ValidChannel all, FixedDelayDuration 0.
  return { ...AUDIO_LAYER_DEFAULTS };
}

/**
 * A list of positions: each a video source's location (RV01–RV99, ADD_LAYOUT: "For more
 * information about the location ID, see AddCasterVideoResource"), named once, and holding one of
 * the studio's video sources (ADD_LAYOUT: "you must create a production studio and add video
 * sources" before adding a layout). A position twice in one list is refused (an assumption, LIMITATIONS).
 *
 * In a channel-mode studio the list names channels instead: SetCasterConfigRequest.ts, ChannelEnable:
 * "When Channel is disabled, resources are directly referenced by layouts. … Resources must first be
 * assigned to a Channel, and new layouts directly reference the Channel", and SetCasterChannelRequest.ts,
 * ChannelId: "The reference ID for the layout scene … `RV01` to `RV12`". So each is a channel RV01–RV12
 * that plays a source (SetCasterChannel first); an empty channel is refused as an empty position is.
 */
export function checkSourceLocations(caster: CasterRecord, list: string[], name: string): void {
  const channelMode = caster.config.channelEnable === 1;
  const seen = new Set<string>();
  list.forEach((locationId, index) => {
    if (!(channelMode ? CHANNEL_ID_PATTERN : LOCATION_ID_PATTERN).test(locationId)) throw errors.unexpectedLocation(locationId, channelMode);
    if (seen.has(locationId)) {
      throw errors.invalidParameter(`${name}.${index + 1} names ${locationId} a second time: a position is one layer of a list`);
    }
    seen.add(locationId);
    if (channelMode) {
      if (!caster.channels[locationId]?.resourceId) throw errors.noSourceOnChannel(locationId, `${name}.${index + 1}`);
    } else if (!Object.values(caster.videoResources).some((resource) => resource.locationId === locationId)) {
      throw errors.noSourceAtLocation(locationId, `${name}.${index + 1}`);
    }
  });
}

/**
 * The layers of `list`, one per entry, in its order (LAYER_ORDER: the layers "consistent with and
 * in the same order as those specified in the BlendList parameter"). Each starts from the layer
 * its location had before (`before`, when a list is modified) or the defaults, and takes the
 * fields sent for its index. A layer sent for an index the list does not have is
 * InvalidVideoLayersAndBlendListSize.Mismatch (ADD_LAYOUT's special error codes name it for
 * VideoLayers against BlendList and for AudioLayers against MixList).
 */
function buildLayers<T>(
  list: string[],
  sent: SentLayers,
  before: { list: string[]; layers: T[] } | undefined,
  names: { list: string; layer: string },
  fresh: () => T,
  apply: (layer: T, fields: Record<string, string>, where: string) => void,
): T[] {
  for (const index of sent.keys()) {
    if (index > list.length) {
      throw errors.layersMismatch(`${names.layer}.${index} is sent, but ${names.list} has ${list.length} entries: one layer per ${names.list} entry, by the same index`);
    }
  }
  return list.map((locationId, position) => {
    const earlier = before?.list.indexOf(locationId) ?? -1;
    const layer = earlier >= 0 && before?.layers[earlier] ? structuredClone(before.layers[earlier]) : fresh();
    const fields = sent.get(position + 1);
    if (fields) apply(layer, fields, `${names.layer}.${position + 1}`);
    return layer;
  });
}

export function buildVideoLayers(
  list: string[],
  sent: SentLayers,
  before?: { list: string[]; layers: VideoLayerRecord[] },
): VideoLayerRecord[] {
  return buildLayers(list, sent, before, { list: "BlendList", layer: "VideoLayer" }, defaultVideoLayer, applyVideoFields);
}

export function buildAudioLayers<T extends AudioLayerRecord>(
  list: string[],
  sent: SentLayers,
  before: { list: string[]; layers: T[] } | undefined,
  fresh: () => T,
  extra?: (layer: T, fields: Record<string, string>, where: string) => void,
): T[] {
  return buildLayers(list, sent, before, { list: "MixList", layer: "AudioLayer" }, fresh, (layer, fields, where) => {
    applyAudioFields(layer, fields, where);
    extra?.(layer, fields, where);
  });
}

function applyVideoFields(layer: VideoLayerRecord, fields: Record<string, string>, where: string): void {
  if (fields.FillMode !== undefined) layer.fillMode = oneOf(`${where}.FillMode`, fields.FillMode, FILL_MODES);
  // SCALE_LAYER: HeightNormalized and WidthNormalized "Valid values: 0 to 1".
  if (fields.HeightNormalized !== undefined) layer.heightNormalized = normalized(`${where}.HeightNormalized`, fields.HeightNormalized);
  if (fields.WidthNormalized !== undefined) layer.widthNormalized = normalized(`${where}.WidthNormalized`, fields.WidthNormalized);
  if (fields.PositionRefer !== undefined) layer.positionRefer = oneOf(`${where}.PositionRefer`, fields.PositionRefer, POSITION_REFERS);
  if (fields.FixedDelayDuration !== undefined) layer.fixedDelayDuration = delay(`${where}.FixedDelayDuration`, fields.FixedDelayDuration);
  const position = Object.keys(fields).filter((key) => key.startsWith("PositionNormalized."));
  if (position.length > 0) {
    // ADD_LAYOUT's special error codes: "Specified parameter PositionNormalized size should be 2" (InvalidPositionNormalized.Malformed).
    if (position.length !== 2 || fields["PositionNormalized.1"] === undefined || fields["PositionNormalized.2"] === undefined) {
      throw errors.positionMalformed(`${where} sends ${position.sort().join(", ")}; send ${where}.PositionNormalized.1 (x) and .2 (y)`);
    }
    layer.positionNormalized = [
      normalized(`${where}.PositionNormalized.1`, fields["PositionNormalized.1"]),
      normalized(`${where}.PositionNormalized.2`, fields["PositionNormalized.2"]),
    ];
  }
  // ADD_LAYOUT, HeightNormalized and WidthNormalized: with fit, "this parameter is required and must be greater than 0".
  if (layer.fillMode === "fit" && !(layer.heightNormalized > 0 && layer.widthNormalized > 0)) {
    throw errors.invalidParameter(`${where} has FillMode fit, which fills a box: its HeightNormalized and WidthNormalized must be above 0`);
  }
}

function applyAudioFields(layer: AudioLayerRecord, fields: Record<string, string>, where: string): void {
  // ADD_LAYOUT and SCENE_AUDIO, VolumeRate: "Valid values: 0 to 10.0".
  if (fields.VolumeRate !== undefined) layer.volumeRate = decimal(`${where}.VolumeRate`, fields.VolumeRate, 0, MAX_VOLUME_RATE);
  if (fields.ValidChannel !== undefined) layer.validChannel = oneOf(`${where}.ValidChannel`, fields.ValidChannel, AUDIO_CHANNELS);
  if (fields.FixedDelayDuration !== undefined) layer.fixedDelayDuration = delay(`${where}.FixedDelayDuration`, fields.FixedDelayDuration);
}

/**
 * A decimal number as clients write one: `0.5`, `1`, Go's `0.500000`, and the shortest form of a
 * double that JavaScript writes for a computed value (`0.15000000000000002`, 17 decimals). The pages
 * set no limit on digits; this one only keeps absurd text out.
 */
export const DECIMAL_NUMBER = /^-?\d{1,17}(\.\d{1,24})?$/;

/** A decimal number ({@link DECIMAL_NUMBER}), from `min` to `max`. */
export function decimal(name: string, text: string, min: number, max: number): number {
  if (!DECIMAL_NUMBER.test(text)) throw errors.invalidParameter(`${name} must be a number, got ${JSON.stringify(text)}`);
  const value = Number(text);
  if (value < min || value > max) throw errors.invalidParameter(`${name} ${text} is out of range ${min} to ${max}`);
  return value;
}

export function normalized(name: string, text: string): number {
  return decimal(name, text, 0, MAX_NORMALIZED);
}

/** ADD_LAYOUT, FixedDelayDuration: milliseconds, "Valid values: 0 to 5000". */
function delay(name: string, text: string): number {
  if (!/^\d{1,9}$/.test(text)) throw errors.invalidParameter(`${name} must be whole milliseconds, got ${JSON.stringify(text)}`);
  const value = Number(text);
  if (value > MAX_FIXED_DELAY_MS) throw errors.invalidParameter(`${name} ${value} is out of range 0 to ${MAX_FIXED_DELAY_MS} ms`);
  return value;
}

export function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw errors.invalidParameter(`${name} ${JSON.stringify(value)} is not one of ${allowed.join(", ")}`);
  }
  return value as T;
}
