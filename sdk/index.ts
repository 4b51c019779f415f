export { CasterVideoResource } from "./caster-video-resource";
export type { CasterVideoResourceArgs } from "./caster-video-resource";
export { CasterEpisodeGroup } from "./caster-episode-group";
export type { CasterEpisodeGroupArgs, EpisodeItemArgs } from "./caster-episode-group";
export { isSignedUrl } from "./secrets";
