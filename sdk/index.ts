export { Caster } from "./caster";
export type { CasterArgs } from "./caster";
export { CasterVideoResource } from "./caster-video-resource";
export { CasterLayout } from "./caster-layout";
export type { CasterLayoutArgs } from "./caster-layout";
export { CasterComponent } from "./caster-component";
export type { CasterComponentArgs } from "./caster-component";
export { CasterSceneBinding } from "./caster-scene-binding";
export type { CasterSceneBindingArgs } from "./caster-scene-binding";
export type { CasterVideoResourceArgs } from "./caster-video-resource";
export { CasterEpisode } from "./caster-episode";
export type { CasterEpisodeArgs } from "./caster-episode";
export { CasterEpisodeGroup } from "./caster-episode-group";
export type { CasterEpisodeGroupArgs, EpisodeItemArgs } from "./caster-episode-group";
export { CasterShowList } from "./caster-show-list";
export type { CasterShowListArgs, ShowArgs } from "./caster-show-list";
export { CasterChannel } from "./caster-channel";
export type { CasterChannelArgs } from "./caster-channel";
export { CasterPlaylist } from "./caster-playlist";
export type { CasterPlaylistArgs, PlaylistItemArgs } from "./caster-playlist";
export { CasterStudioLayout } from "./caster-studio-layout";
export type { CasterStudioLayoutArgs } from "./caster-studio-layout";
export { isSignedUrl } from "./secrets";
export { Studio, StudioLayout } from "./studio";
export type { StudioArgs, StudioDefinition, StudioLayoutArgs, StudioLayoutInput } from "./studio";
export { loadLayout, parseLayout, readLayoutFile, formatProblem, LayoutError } from "../studio-file/load";
export type { LayoutProblem, LoadedLayout } from "../studio-file/load";
export type {
  StudioFileDefinition, StudioLayoutDefinition, LayoutCaster, LayoutStudio, LayoutSource, LayoutEpisodeGroup, FileLayout, FileComponent, FileScene, FileScenes, SceneKey,
} from "../studio-file/schema";
export { studioLayoutJsonSchema } from "../studio-file/json-schema";
export type {
  CasterOutputs, CasterVideoResourceOutputs, CasterLayoutOutputs, CasterComponentOutputs, CasterSceneBindingOutputs, CasterEpisodeOutputs, CasterEpisodeGroupOutputs, CasterShowListOutputs, CasterChannelOutputs, CasterPlaylistOutputs, CasterStudioLayoutOutputs,
} from "./generated/args";
