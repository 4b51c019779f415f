import { itemsOf, Listed, ListItem, LiveClient, ReplyOf } from "../client/live-client";
import { VideoResourceInputs } from "../../model/kinds/caster-video-resource";

/** One item of DescribeCasterVideoResources, with the API's field names. */
export type ApiVideoResource = Listed<ListItem<ReplyOf<"DescribeCasterVideoResources">["VideoResources"], "VideoResource">, "ResourceId" | "ResourceName" | "LocationId">;

/** What the provider stores for a source: the inputs as applied plus what the API reports. */
export interface VideoResourceOutputs extends VideoResourceInputs {
  resourceId: string;
  /** The FLV address the studio serves a live input at, when the API gives one. */
  flvUrl?: string;
}

export async function describeVideoResources(client: LiveClient, casterId: string): Promise<ApiVideoResource[]> {
  const reply = await client.call("DescribeCasterVideoResources", { CasterId: casterId });
  return itemsOf(reply.VideoResources?.VideoResource, "ResourceId", "ResourceName", "LocationId");
}

/** The source kind in words, for messages. */
export function sourceKind(item: ApiVideoResource): string {
  if (item.LiveStreamUrl) return "live stream";
  if (item.VodUrl) return "file";
  if (item.MaterialId) return "media asset";
  return "image";
}
