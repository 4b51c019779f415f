import { MAX_EPISODE_ITEMS } from "../../model/api-facts";
import { Action, operationSpec, OperationSpec, PAGING } from "../../model/live-api";
import * as autoShowListTasks from "./auto-show-list-tasks";
import * as casterCopy from "./caster-copy";
import * as casters from "./casters";
import * as channels from "./channels";
import * as components from "./components";
import * as episodeGroups from "./episode-groups";
import * as episodes from "./episodes";
import * as layouts from "./layouts";
import { OperationContext, OperationHandler } from "./operation";
import * as playlists from "./playlists";
import * as sceneConfig from "./scene-config";
import * as sceneControl from "./scene-control";
import * as sceneCopy from "./scene-copy";
import * as sceneEffects from "./scene-effects";
import * as showLists from "./show-lists";
import * as studioLayouts from "./studio-layouts";
import * as videoResources from "./video-resources";

const PROGRAM_PAGING = PAGING.DescribeCasterProgram;
const PLAYLIST_PAGING = PAGING.ListPlaylist;

/**
 * The behaviour of each Action the emulator serves. Everything else about an operation (its QPS,
 * its required parameters, its reply's shape) is in model/live-api.ts.
 */
/** Keyed by Action, each handler answering its own operation's reply: a handler for an Action the spec lacks does not compile. */
export type HandlerTable = { [A in Action]?: { handler: OperationHandler<A>; notes: string } };

const HANDLERS: HandlerTable = {
  CreateCaster: { handler: casters.CreateCaster, notes: "the same token with other parameters is `IdempotentParameterMismatch`" },
  DeleteCaster: { handler: casters.DeleteCaster, notes: "`IncorrectCasterStatus.Inuse` for a running studio" },
  DescribeCasters: { handler: casters.DescribeCasters, notes: "filters CasterId, CasterName, NormType, Status; paged" },
  DescribeCasterConfig: { handler: casters.DescribeCasterConfig, notes: "everything SetCasterConfig stored; a cleared RecordConfig, TranscodeConfig or SyncGroupsConfig is left out" },
  SetCasterConfig: { handler: casters.SetCasterConfig, notes: "replaces the whole configuration; channels cannot be disabled once enabled; see LIMITATIONS" },
  StartCaster: { handler: casters.StartCaster, notes: "needs a DomainName and a transcoding template; creates the PVW and PGM scenes" },
  StopCaster: { handler: casters.StopCaster, notes: "`IncorrectSceneStatus` for a stopped studio, `InvalidScene.NotFound` for one never started" },
  UpdateCasterResourceGroup: { handler: casters.UpdateCasterResourceGroup, notes: "HTTPS only (`InvalidProtocol.NeedSsl` over http); the studio keeps everything; already in the group is no error (see LIMITATIONS)" },
  RestartCaster: { handler: sceneControl.RestartCaster, notes: "a running studio only (`IncorrectCasterStatus`); its scenes start again with new URLs and a new StartTime" },
  StartCasterScene: { handler: sceneControl.StartCasterScene, notes: "a stopped scene of a running studio (`IncorrectSceneStatus`, `IncorrectCasterStatus`, `InvalidScene.NotFound`); answers its StreamUrl" },
  StopCasterScene: { handler: sceneControl.StopCasterScene, notes: "a started scene of a running studio; the studio runs on" },
  SetCasterChannel: { handler: channels.SetCasterChannel, notes: "a studio with ChannelEnable 1 (else `IllegalOperation`); RV01–RV12, one source each; a setting left out is kept" },
  DescribeCasterChannels: { handler: channels.DescribeCasterChannels, notes: "the channels set, with their output URLs" },
  EffectCasterVideoResource: { handler: sceneEffects.EffectCasterVideoResource, notes: "a started scene shows the source in place of its layout (LayoutId \"\")" },
  EffectCasterUrgent: { handler: sceneEffects.EffectCasterUrgent, notes: "a started PGM scene shows the standby source (`MissingParameter` without one); a PVW scene is left as it is" },
  CopyCasterSceneConfig: { handler: sceneCopy.CopyCasterSceneConfig, notes: "the PVW scene's layout, components and source to the started PGM scene" },
  CopyCaster: { handler: casterCopy.CopyCaster, notes: "an idle studio with the source's settings, sources, layouts, components and channels under new IDs; ClientToken-idempotent as CreateCaster" },
  DescribeCasterScenes: { handler: casters.DescribeCasterScenes, notes: "the PVW and PGM scenes once started; filter SceneId" },
  DescribeCasterStreamUrl: { handler: casters.DescribeCasterStreamUrl, notes: "`InvalidScene.NotFound` before the first StartCaster" },
  AddCasterVideoResource: { handler: videoResources.AddCasterVideoResource, notes: "every error on the API page" },
  ModifyCasterVideoResource: { handler: videoResources.ModifyCasterVideoResource, notes: "LocationId and FixedDelayDuration cannot change" },
  DeleteCasterVideoResource: { handler: videoResources.DeleteCasterVideoResource, notes: "" },
  DescribeCasterVideoResources: { handler: videoResources.DescribeCasterVideoResources, notes: "no FixedDelayDuration, as the API" },
  AddCasterEpisodeGroup: { handler: episodeGroups.AddCasterEpisodeGroup, notes: `at most ${MAX_EPISODE_ITEMS} items (an assumption, see LIMITATIONS)` },
  AddCasterEpisodeGroupContent: { handler: episodeGroups.AddCasterEpisodeGroupContent, notes: "one JSON `Content` with `Items: [{ItemName, VodUrl}]`" },
  DeleteCasterEpisodeGroup: { handler: episodeGroups.DeleteCasterEpisodeGroup, notes: "`InvalidProgram.NotFound`" },
  AddCasterEpisode: { handler: episodes.AddCasterEpisode, notes: "no ClientToken: a second call is a second episode; StartTime after now and EndTime after it (`IncorrectStartTime`); a Resource episode names one of the studio's sources, a Component episode at least one component" },
  ModifyCasterEpisode: { handler: episodes.ModifyCasterEpisode, notes: "changes what is sent; EpisodeType cannot change; a start moved into the past is `IncorrectStartTime`; `InvalidEpisode.NotFound`" },
  DeleteCasterEpisode: { handler: episodes.DeleteCasterEpisode, notes: "whatever its status; `InvalidEpisode.NotFound`" },
  DescribeCasterProgram: { handler: episodes.DescribeCasterProgram, notes: `the studio's episodes and its episode groups' items, by StartTime; Status from the clock; filters EpisodeId, EpisodeType, Status, a StartTime–EndTime range (overlapping); paged (${PROGRAM_PAGING.pageSize} 1–${PROGRAM_PAGING.maxPageSize}, default ${PROGRAM_PAGING.defaultPageSize})` },
  AddCasterProgram: { handler: episodes.AddCasterProgram, notes: "`Episode.N` added as AddCasterEpisode adds each (a Component episode may leave SwitchType out); all or none; a field an episode needs is `MissingParameter`" },
  ModifyCasterProgram: { handler: episodes.ModifyCasterProgram, notes: "each `Episode.N` (by its EpisodeId) changed as ModifyCasterEpisode changes it; all or none" },
  DeleteCasterProgram: { handler: episodes.DeleteCasterProgram, notes: "every episode of the studio; its episode groups stay" },
  AddCasterLayout: { handler: layouts.AddCasterLayout, notes: "every list required (`MissingBlendList`, `MissingMixList`, `MissingVideoLayer`, `MissingAudioLayer`); every position a video source's; a layer per list entry, defaults for the layers and settings left out" },
  ModifyCasterLayout: { handler: layouts.ModifyCasterLayout, notes: "every list required, as AddCasterLayout's; a layer keeps its settings while its position stays in the list, and those left out" },
  DeleteCasterLayout: { handler: layouts.DeleteCasterLayout, notes: "`InvalidLayout.NotFound`; scenes showing it show no layout" },
  DescribeCasterLayouts: { handler: layouts.DescribeCasterLayouts, notes: "numbers, not the request's strings; filter LayoutId" },
  AddCasterComponent: { handler: components.AddCasterComponent, notes: "text, image or caption, with its content; one component per position (`DuplicateLocationID`)" },
  ModifyCasterComponent: { handler: components.ModifyCasterComponent, notes: "a JSON setting sent replaces that setting; `InvalidComponent.NotFound`" },
  DeleteCasterComponent: { handler: components.DeleteCasterComponent, notes: "scenes showing it show it no more" },
  DescribeCasterComponents: { handler: components.DescribeCasterComponents, notes: "typed objects, only the content of the component's type; filter ComponentId" },
  SetCasterSceneConfig: { handler: sceneConfig.SetCasterSceneConfig, notes: "replaces the layout and the components; the scene must be started (`IncorrectSceneStatus`)" },
  UpdateCasterSceneConfig: { handler: sceneConfig.UpdateCasterSceneConfig, notes: "replaces the layout, and the components when sent; the scene must be started" },
  DeleteCasterSceneConfig: { handler: sceneConfig.DeleteCasterSceneConfig, notes: "Type Component, Layout or All; the scene must be started (`IncorrectSceneStatus.Idle`)" },
  DescribeCasterSceneAudio: { handler: sceneConfig.DescribeCasterSceneAudio, notes: "FollowEnable 1 and no mix until UpdateCasterSceneAudio" },
  UpdateCasterSceneAudio: { handler: sceneConfig.UpdateCasterSceneAudio, notes: "changes what is sent; Filter checked, not read back" },
  AddShowIntoShowList: { handler: showLists.AddShowIntoShowList, notes: "at Spot (default the end); isBatchMode adds `showList.N`, refusing each bad one in failedList; RepeatTimes or Duration, not both; at most 1,000 shows" },
  ModifyShowList: { handler: showLists.ModifyShowList, notes: "moves ShowId to Spot (0 to the count); RepeatTimes; the high-priority show only while the studio is not running; `InvalidShow.NotFound`" },
  RemoveShowFromShowList: { handler: showLists.RemoveShowFromShowList, notes: "ShowId, or isBatchMode with `showIdList.N` (unknown ones in failedList); `InvalidShow.NotFound`" },
  DescribeShowList: { handler: showLists.DescribeShowList, notes: "ShowListInfo with the shows in playing order, each with Duration or RepeatTimes; an empty list answers no shows (LIMITATIONS)" },
  SetShowListBackground: { handler: showLists.SetShowListBackground, notes: "MaterialId or ResourceUrl, ResourceType LIVE, VOD or PIC; none of them deletes the background" },
  PlayChoosenShow: { handler: showLists.PlayChoosenShow, notes: "sets CurrentShowId; plays nothing" },
  EditShowAndReplace: { handler: showLists.EditShowAndReplace, notes: "the show then plays a new VOD file (DescribeShowList: vod, its ResourceId the JobInfo's vodId); StartTime before EndTime; a picture show is refused; `InvalidShow.NotFound`" },
  InitializeAutoShowListTask: { handler: autoShowListTasks.InitializeAutoShowListTask, notes: "creates a show-list studio (NormType 6) on DomainName with CasterConfig's templates, each of ResourceIds (up to 3) a vod show; StreamList: the original and each live template in flv, rtmp, m3u8; starts and stops nothing" },
  DescribeAutoShowListTasks: { handler: autoShowListTasks.DescribeAutoShowListTasks, notes: "a JSON list of the account's tasks, or CasterId's; Status 1 between StartTime and EndTime on the emulator's clock" },
  AddPlaylistItems: { handler: playlists.AddPlaylistItems, notes: "a NormType 3 studio's with `lp_noTranscode`, ChannelEnable 0 and ProgramEffect 1 (`IllegalOperation` otherwise); no ProgramId: the studio's one list, made first; ProgramItems a JSON list of `{ItemName, ResourceType: vod, ResourceValue}`, a bad item in FailedItems; ProgramConfig `[{RepeatNumber, ProgramName}]`" },
  EditPlaylist: { handler: playlists.EditPlaylist, notes: "replaces the items (new ItemIds) and the settings sent; `InvalidProgram.NotFound`" },
  DeletePlaylistItems: { handler: playlists.DeletePlaylistItems, notes: "ProgramItemIds a JSON list (or comma-separated); one not in the list removes nothing (`InvalidProgramItem.NotFound`)" },
  DeletePlaylist: { handler: playlists.DeletePlaylist, notes: "a playing list is `IncorrectPlaylistStatus.Inuse`; `InvalidProgram.NotFound`" },
  ListPlaylist: { handler: playlists.ListPlaylist, notes: `the account's lists, filter ProgramId; paged (${PLAYLIST_PAGING.pageNumber}, ${PLAYLIST_PAGING.pageSize} 1–${PLAYLIST_PAGING.maxPageSize}, default ${PLAYLIST_PAGING.defaultPageSize}: assumed, LIMITATIONS)` },
  ListPlaylistItems: { handler: playlists.ListPlaylistItems, notes: "in playing order (Index from 0); filter comma-separated ProgramItemIds" },
  StartPlaylist: { handler: playlists.StartPlaylist, notes: "ResumeMode Restart (default), Continue or Custom with StartItemId; a list without items is `IllegalOperation`; plays nothing, answers pull URLs on the studio's domain" },
  StopPlaylist: { handler: playlists.StopPlaylist, notes: "Status 0; a stopped list stays stopped" },
  AddStudioLayout: { handler: studioLayouts.AddStudioLayout, notes: "a NormType 4 studio's (`IllegalOperation` for another); LayoutType common needs CommonConfig, studio BgImageConfig and ScreenInputConfigList (`MissingParameter`); each JSON setting's fields and ranges checked" },
  ModifyStudioLayout: { handler: studioLayouts.ModifyStudioLayout, notes: "replaces the name and each setting sent; `InvalidLayout.NotFound`" },
  DeleteStudioLayout: { handler: studioLayouts.DeleteStudioLayout, notes: "`InvalidLayout.NotFound`" },
  DescribeStudioLayouts: { handler: studioLayouts.DescribeStudioLayouts, notes: "the settings as typed objects and lists, as sent; filter LayoutId, several comma-separated" },
};

export interface ServedOperation {
  action: string;
  spec: OperationSpec;
  /** Any operation's handler, as the server calls it (by the request's Action). */
  handler: (call: OperationContext) => object;
  /** What the emulator does beyond the spec, for its README's table. */
  notes: string;
}

/** Every Action the emulator serves: its spec, its handler and notes. */
export const OPERATIONS: Record<string, ServedOperation> = Object.fromEntries(
  Object.entries(HANDLERS).map(([action, served]) => [action, { action, spec: operationSpec(action) as OperationSpec, ...served }]),
);
