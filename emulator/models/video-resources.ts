import { errors } from "../errors";
import { findCaster } from "./casters";
import { newResourceId } from "./ids";
import { AccountState, CasterRecord, VideoResourceRecord } from "./state";
import { hasProtocol, isHttpFile } from "./urls";
import {
  ASSET_ID_PATTERN,
  IMAGE_FILE_EXTENSIONS,
  LIVE_STREAM_PROTOCOLS,
  LOCATION_ID_PATTERN as LOCATION_PATTERN,
  MAX_FIXED_DELAY_MS,
  MAX_RESOURCE_NAME_LENGTH as MAX_RESOURCE_NAME,
  NORM_TYPE,
  VOD_FILE_EXTENSIONS,
} from "../../model/api-facts";

/** What a source plays: exactly one of these is set. */
export interface VideoSource {
  liveStreamUrl?: string;
  vodUrl?: string;
  materialId?: string;
  imageId?: string;
  imageUrl?: string;
}

export interface PlaybackSettings {
  beginOffset?: number;
  endOffset?: number;
  repeatNum?: number;
  ptsCallbackInterval?: number;
}

export interface AddVideoResourceInput extends VideoSource, PlaybackSettings {
  casterId: string;
  resourceName: string;
  locationId?: string;
  fixedDelayDuration?: number;
}

export interface ModifyVideoResourceInput extends VideoSource, PlaybackSettings {
  casterId: string;
  resourceId: string;
  resourceName?: string;
}


const SOURCE_PARAMETERS: Record<keyof VideoSource, string> = {
  liveStreamUrl: "LiveStreamUrl",
  vodUrl: "VodUrl",
  materialId: "MaterialId",
  imageId: "ImageId",
  imageUrl: "ImageUrl",
};

export function addVideoResource(account: AccountState, input: AddVideoResourceInput): VideoResourceRecord {
  const caster = findCaster(account, input.casterId);
  if (caster.normType === NORM_TYPE.carousel) {
    throw errors.illegalOperation(`Caster ${caster.casterId} is a carousel studio (NormType ${NORM_TYPE.carousel}) and takes no video sources`);
  }
  validateResourceName(input.resourceName);
  if (input.locationId === undefined) {
    throw errors.missingParameter("LocationId is required: the position of the source in the layout, RV01 to RV99");
  }
  if (!LOCATION_PATTERN.test(input.locationId)) throw errors.unexpectedLocation(input.locationId);
  const source = requireExactlyOneSource(input);
  validatePlayback(input);
  if (input.fixedDelayDuration !== undefined &&
      (input.fixedDelayDuration < 0 || input.fixedDelayDuration > MAX_FIXED_DELAY_MS)) {
    throw errors.invalidParameter(`FixedDelayDuration ${input.fixedDelayDuration} is out of range 0 to ${MAX_FIXED_DELAY_MS} ms`);
  }

  const occupant = sourceAtLocation(caster, input.locationId);
  if (occupant) throw errors.duplicateLocation(input.locationId, occupant.resourceId);
  if (Object.keys(caster.videoResources).length >= caster.ingestEndpoints) {
    throw errors.resourceNumberExceed(caster.ingestEndpoints);
  }

  const resourceId = newResourceId();
  const record: VideoResourceRecord = {
    resourceId,
    resourceName: input.resourceName,
    locationId: input.locationId,
    ...emptySource(),
    ...source,
    flvUrl: "",
    beginOffset: input.beginOffset ?? 0,
    endOffset: input.endOffset ?? 0,
    repeatNum: input.repeatNum ?? 0,
    ptsCallbackInterval: input.ptsCallbackInterval ?? 0,
    fixedDelayDuration: input.fixedDelayDuration ?? 0,
  };
  record.flvUrl = flvUrlFor(caster, record);
  caster.videoResources[resourceId] = record;
  return record;
}

export function modifyVideoResource(account: AccountState, input: ModifyVideoResourceInput): VideoResourceRecord {
  const caster = findCaster(account, input.casterId);
  const record = caster.videoResources[input.resourceId];
  if (!record) throw errors.resourceNotFound(input.resourceId);
  if (input.resourceName !== undefined) {
    validateResourceName(input.resourceName);
    record.resourceName = input.resourceName;
  }
  const given = givenSources(input);
  if (given.length > 0) {
    // A modify that names a source replaces the whole source: a source plays one thing.
    Object.assign(record, emptySource(), requireExactlyOneSource(input));
    record.flvUrl = flvUrlFor(caster, record);
  }
  validatePlayback(input);
  if (input.beginOffset !== undefined) record.beginOffset = input.beginOffset;
  if (input.endOffset !== undefined) record.endOffset = input.endOffset;
  if (input.repeatNum !== undefined) record.repeatNum = input.repeatNum;
  if (input.ptsCallbackInterval !== undefined) record.ptsCallbackInterval = input.ptsCallbackInterval;
  return record;
}

/**
 * Allowed while layouts or episodes name the source (the pages are silent on a source in use): a layout keeps the
 * position and an episode keeps the ResourceId, as they were (assumed; LIMITATIONS).
 */
export function deleteVideoResource(account: AccountState, casterId: string, resourceId: string): void {
  const caster = findCaster(account, casterId);
  if (!caster.videoResources[resourceId]) throw errors.resourceNotFound(resourceId);
  delete caster.videoResources[resourceId];
  // A channel holding the source is left empty (SetCasterChannel: "a maximum of one resource for each channel").
  for (const channel of Object.values(caster.channels)) if (channel.resourceId === resourceId) channel.resourceId = "";
  // A scene showing it alone (EffectCasterVideoResource) is left with neither a layout nor a source.
  for (const scene of Object.values(caster.scenes)) if (scene.effect?.kind === "videoResource" && scene.effect.resourceId === resourceId) delete scene.effect;
}

export function listVideoResources(account: AccountState, casterId: string): VideoResourceRecord[] {
  return Object.values(findCaster(account, casterId).videoResources);
}

function sourceAtLocation(caster: CasterRecord, locationId: string): VideoResourceRecord | undefined {
  return Object.values(caster.videoResources).find((resource) => resource.locationId === locationId);
}

function givenSources(input: VideoSource): (keyof VideoSource)[] {
  return (Object.keys(SOURCE_PARAMETERS) as (keyof VideoSource)[]).filter((key) => input[key] !== undefined);
}

function requireExactlyOneSource(input: VideoSource): VideoSource {
  const given = givenSources(input);
  if (given.length === 0) {
    throw errors.missingParameter(
      "A video source needs one of LiveStreamUrl, VodUrl, MaterialId, ImageId or ImageUrl");
  }
  if (given.length > 1) {
    throw errors.invalidParameter(
      `only one of LiveStreamUrl, VodUrl, MaterialId, ImageId and ImageUrl may be given, got ${given.map((k) => SOURCE_PARAMETERS[k]).join(" and ")}`);
  }
  const key = given[0];
  const value = input[key] as string;
  switch (key) {
    case "liveStreamUrl":
      if (!hasProtocol(value, LIVE_STREAM_PROTOCOLS)) throw errors.liveStreamUrlMalformed(value);
      break;
    case "vodUrl":
      if (!isHttpFile(value, VOD_FILE_EXTENSIONS)) throw errors.vodUrlMalformed(value);
      break;
    case "materialId":
      if (!ASSET_ID_PATTERN.test(value)) throw errors.materialIdMalformed(value);
      break;
    case "imageId":
      if (!ASSET_ID_PATTERN.test(value)) throw errors.invalidParameter(`ImageId ${JSON.stringify(value)} is not an asset ID`);
      break;
    case "imageUrl":
      if (!isHttpFile(value, IMAGE_FILE_EXTENSIONS)) {
        throw errors.invalidParameter(`ImageUrl ${JSON.stringify(value)} must be an http(s) URL of a JPG or PNG image`);
      }
      break;
  }
  return { [key]: value };
}

function validateResourceName(name: string): void {
  if (name.length === 0 || name.length > MAX_RESOURCE_NAME) {
    throw errors.invalidParameter(`ResourceName must be 1 to ${MAX_RESOURCE_NAME} characters, got ${name.length}`);
  }
}

function validatePlayback(input: PlaybackSettings): void {
  if (input.beginOffset !== undefined && input.beginOffset < 0) {
    throw errors.invalidParameter(`BeginOffset ${input.beginOffset} must be 0 or more`);
  }
  if (input.repeatNum !== undefined && input.repeatNum < -1) {
    throw errors.invalidParameter(`RepeatNum ${input.repeatNum} must be -1 (loop), 0 (once) or a positive count`);
  }
  if (input.ptsCallbackInterval !== undefined && input.ptsCallbackInterval < 0) {
    throw errors.invalidParameter(`PtsCallbackInterval ${input.ptsCallbackInterval} must be 0 or more`);
  }
}

function emptySource(): Required<VideoSource> {
  return { liveStreamUrl: "", vodUrl: "", materialId: "", imageId: "", imageUrl: "" };
}

/** The studio re-serves a live input as FLV; other kinds have no such URL. */
function flvUrlFor(caster: CasterRecord, record: VideoResourceRecord): string {
  if (!record.liveStreamUrl) return "";
  return `http://${caster.config.domainName}/caster/${caster.casterId}_${record.resourceId}.flv`;
}
