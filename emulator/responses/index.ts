import { Action, operationSpec, OperationSpec } from "../../spec/live-api";
import * as casters from "./casters";
import * as episodeGroups from "./episode-groups";
import { OperationHandler } from "./operation";
import * as videoResources from "./video-resources";

/**
 * The behaviour of each Action the emulator serves. Everything else about an operation (its QPS,
 * its required parameters, its reply's shape) is in spec/live-api.ts.
 */
const HANDLERS: Partial<Record<Action, { handler: OperationHandler; notes: string }>> = {
  CreateCaster: { handler: casters.CreateCaster, notes: "the same token with other parameters is `IdempotentParameterMismatch`" },
  DeleteCaster: { handler: casters.DeleteCaster, notes: "`IncorrectCasterStatus.Inuse` for a running studio" },
  DescribeCasters: { handler: casters.DescribeCasters, notes: "filters CasterId, CasterName, NormType, Status; paged" },
  DescribeCasterConfig: { handler: casters.DescribeCasterConfig, notes: "everything SetCasterConfig stored; a cleared RecordConfig, TranscodeConfig or SyncGroupsConfig is left out" },
  SetCasterConfig: { handler: casters.SetCasterConfig, notes: "replaces the whole configuration; channels cannot be disabled once enabled; see LIMITATIONS" },
  StartCaster: { handler: casters.StartCaster, notes: "needs a DomainName and a transcoding template; creates the PVW and PGM scenes" },
  StopCaster: { handler: casters.StopCaster, notes: "`IncorrectSceneStatus` for a stopped studio, `InvalidScene.NotFound` for one never started" },
  DescribeCasterScenes: { handler: casters.DescribeCasterScenes, notes: "the PVW and PGM scenes once started; filter SceneId" },
  DescribeCasterStreamUrl: { handler: casters.DescribeCasterStreamUrl, notes: "`InvalidScene.NotFound` before the first StartCaster" },
  AddCasterVideoResource: { handler: videoResources.AddCasterVideoResource, notes: "every error on the API page" },
  ModifyCasterVideoResource: { handler: videoResources.ModifyCasterVideoResource, notes: "LocationId and FixedDelayDuration cannot change" },
  DeleteCasterVideoResource: { handler: videoResources.DeleteCasterVideoResource, notes: "" },
  DescribeCasterVideoResources: { handler: videoResources.DescribeCasterVideoResources, notes: "no FixedDelayDuration, as the API" },
  AddCasterEpisodeGroup: { handler: episodeGroups.AddCasterEpisodeGroup, notes: "at most 100 items (an assumption, see LIMITATIONS)" },
  AddCasterEpisodeGroupContent: { handler: episodeGroups.AddCasterEpisodeGroupContent, notes: "one JSON `Content` with `Items: [{ItemName, VodUrl}]`" },
  DeleteCasterEpisodeGroup: { handler: episodeGroups.DeleteCasterEpisodeGroup, notes: "`InvalidProgram.NotFound`" },
  DescribeCasterProgram: { handler: episodeGroups.DescribeCasterProgram, notes: "episode groups' items as episodes; paged (PageSize 1–100, default 10)" },
};

export interface ServedOperation {
  action: string;
  spec: OperationSpec;
  handler: OperationHandler;
  /** What the emulator does beyond the spec, for its README's table. */
  notes: string;
}

/** Every Action the emulator serves: its spec, its handler and notes. */
export const OPERATIONS: Record<string, ServedOperation> = Object.fromEntries(
  Object.entries(HANDLERS).map(([action, served]) => [action, { action, spec: operationSpec(action) as OperationSpec, ...served }]),
);
