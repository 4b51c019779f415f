import { LiveClient, ParamValue } from "../client/live-client";
import { VideoResourceInputs } from "./schema";

/** One item of DescribeCasterVideoResources, with the API's field names. */
export interface ApiVideoResource {
  ResourceId: string;
  ResourceName: string;
  LocationId: string;
  LiveStreamUrl?: string;
  VodUrl?: string;
  FlvUrl?: string;
  MaterialId?: string;
  ImageId?: string;
  ImageUrl?: string;
  BeginOffset?: number;
  EndOffset?: number;
  RepeatNum?: number;
  PtsCallbackInterval?: number;
}

interface DescribeReply {
  Total: number;
  VideoResources?: { VideoResource?: ApiVideoResource[] };
}

/** What the provider stores for a source: the inputs as applied plus what the API reports. */
export interface VideoResourceOutputs extends VideoResourceInputs {
  resourceId: string;
  /** The FLV address the studio serves a live input at, when the API gives one. */
  flvUrl?: string;
}

/** Every managed property in one normal form: absent source fields are "", absent numbers their API default. */
export interface NormalizedSource {
  casterId: string;
  resourceName: string;
  locationId: string;
  liveStreamUrl: string;
  materialId: string;
  vodUrl: string;
  imageId: string;
  imageUrl: string;
  beginOffset: number;
  endOffset: number;
  repeatNum: number;
  ptsCallbackInterval: number;
  fixedDelayDuration: number;
}

export function normalize(props: Partial<VideoResourceInputs>): NormalizedSource {
  return {
    casterId: props.casterId ?? "",
    resourceName: props.resourceName ?? "",
    locationId: props.locationId ?? "",
    liveStreamUrl: props.liveStreamUrl ?? "",
    materialId: props.materialId ?? "",
    vodUrl: props.vodUrl ?? "",
    imageId: props.imageId ?? "",
    imageUrl: props.imageUrl ?? "",
    // Offsets and repeats are a file's settings; the API reports its defaults for other kinds.
    beginOffset: isFile(props) ? (props.beginOffset ?? 0) : 0,
    endOffset: isFile(props) ? (props.endOffset ?? 0) : 0,
    repeatNum: isFile(props) ? (props.repeatNum ?? 0) : 0,
    ptsCallbackInterval: props.ptsCallbackInterval ?? 0,
    fixedDelayDuration: props.fixedDelayDuration ?? 0,
  };
}

/** Whether a source plays a file (vodUrl or materialId), the only kind with offsets and repeats. */
export function isFile(props: { vodUrl?: unknown; materialId?: unknown }): boolean {
  return Boolean(props.vodUrl || props.materialId);
}

/** The parameters of AddCasterVideoResource / ModifyCasterVideoResource for the desired inputs. */
export function sourceParams(inputs: VideoResourceInputs): Record<string, ParamValue> {
  const desired = normalize(inputs);
  const params: Record<string, ParamValue> = {
    ResourceName: desired.resourceName,
    LiveStreamUrl: inputs.liveStreamUrl,
    MaterialId: inputs.materialId,
    VodUrl: inputs.vodUrl,
    ImageId: inputs.imageId,
    ImageUrl: inputs.imageUrl,
    PtsCallbackInterval: desired.ptsCallbackInterval,
  };
  if (isFile(inputs)) {
    // Sent in full on every modify, so that removing a setting from the program resets it.
    params.BeginOffset = desired.beginOffset;
    params.EndOffset = desired.endOffset;
    params.RepeatNum = desired.repeatNum;
  }
  return params;
}

export function outputsFromApi(
  casterId: string,
  item: ApiVideoResource,
  kept: Pick<VideoResourceInputs, "fixedDelayDuration" | "importId">,
): VideoResourceOutputs {
  const text = (value: string | undefined) => (value ? value : undefined);
  const outputs: VideoResourceOutputs = {
    casterId,
    resourceId: item.ResourceId,
    resourceName: item.ResourceName,
    locationId: item.LocationId,
    liveStreamUrl: text(item.LiveStreamUrl),
    materialId: text(item.MaterialId),
    vodUrl: text(item.VodUrl),
    imageId: text(item.ImageId),
    imageUrl: text(item.ImageUrl),
    flvUrl: text(item.FlvUrl),
    beginOffset: Number(item.BeginOffset ?? 0),
    endOffset: Number(item.EndOffset ?? 0),
    repeatNum: Number(item.RepeatNum ?? 0),
    ptsCallbackInterval: Number(item.PtsCallbackInterval ?? 0),
    // Not in the API's reply: what was applied is kept.
    fixedDelayDuration: kept.fixedDelayDuration ?? 0,
    importId: kept.importId,
  };
  return dropUndefined(outputs);
}

export async function describeVideoResources(client: LiveClient, casterId: string): Promise<ApiVideoResource[]> {
  const reply = await client.call<DescribeReply>("DescribeCasterVideoResources", { CasterId: casterId });
  return reply.VideoResources?.VideoResource ?? [];
}

/** The source kind in words, for messages. */
export function sourceKind(item: ApiVideoResource): string {
  if (item.LiveStreamUrl) return "live stream";
  if (item.VodUrl) return "file";
  if (item.MaterialId) return "media asset";
  return "image";
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

