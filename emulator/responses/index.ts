import * as casters from "./casters";
import * as episodeGroups from "./episode-groups";
import { OperationHandler } from "./operation";
import * as videoResources from "./video-resources";

export interface Operation {
  handler: OperationHandler;
  /** The documented calls per second for each account (main account and RAM users together). */
  qps: number;
}

/** Every Action the emulator serves, with its documented QPS limit (API-NOTES.md). */
export const OPERATIONS: Record<string, Operation> = {
  CreateCaster: { handler: casters.CreateCaster, qps: 10 },
  DeleteCaster: { handler: casters.DeleteCaster, qps: 10 },
  DescribeCasters: { handler: casters.DescribeCasters, qps: 15 },
  // Not in the documented table; the emulator gives it the rate of the other Describe calls.
  DescribeCasterConfig: { handler: casters.DescribeCasterConfig, qps: 15 },
  AddCasterVideoResource: { handler: videoResources.AddCasterVideoResource, qps: 10 },
  ModifyCasterVideoResource: { handler: videoResources.ModifyCasterVideoResource, qps: 10 },
  DeleteCasterVideoResource: { handler: videoResources.DeleteCasterVideoResource, qps: 10 },
  DescribeCasterVideoResources: { handler: videoResources.DescribeCasterVideoResources, qps: 15 },
  AddCasterEpisodeGroup: { handler: episodeGroups.AddCasterEpisodeGroup, qps: 4 },
  AddCasterEpisodeGroupContent: { handler: episodeGroups.AddCasterEpisodeGroupContent, qps: 4 },
  DeleteCasterEpisodeGroup: { handler: episodeGroups.DeleteCasterEpisodeGroup, qps: 4 },
  DescribeCasterProgram: { handler: episodeGroups.DescribeCasterProgram, qps: 4 },
};
