import { itemsOf, Listed, ListItem, ReplyOf } from "../client/live-client";
import { VideoResourceInputs } from "../../model/kinds/caster-video-resource";
import { StudioListingSpec } from "../shared/studio-listing";

/** One item of DescribeCasterVideoResources, with the API's field names. */
export type ApiVideoResource = Listed<ListItem<ReplyOf<"DescribeCasterVideoResources">["VideoResources"], "VideoResource">, "ResourceId" | "ResourceName" | "LocationId">;

/** What the provider stores for a source: the inputs as applied plus what the API reports. */
export interface VideoResourceOutputs extends VideoResourceInputs {
  resourceId: string;
  /** The FLV address the studio serves a live input at, when the API gives one. */
  flvUrl?: string;
}

/** How a studio's sources are listed: by the sources' provider, and by an episode that names its source by position. */
export const VIDEO_SOURCES: StudioListingSpec<"DescribeCasterVideoResources", ApiVideoResource> = {
  describe: "DescribeCasterVideoResources",
  items: (reply) => itemsOf(reply.VideoResources?.VideoResource, "ResourceId", "ResourceName", "LocationId"),
  idOf: (item) => item.ResourceId,
  noun: "video source",
};

/** The source kind in words, for messages. */
export function sourceKind(item: ApiVideoResource): string {
  if (item.LiveStreamUrl) return "live stream";
  if (item.VodUrl) return "file";
  if (item.MaterialId) return "media asset";
  return "image";
}
