import { LiveClient } from "../client/live-client";
import { VideoResourceInputs } from "../../spec/kinds/caster-video-resource";

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
