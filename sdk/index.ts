export { CasterVideoResource } from "./caster-video-resource";
export type { CasterVideoResourceArgs } from "./caster-video-resource";
export { isSignedUrl } from "./secrets";
