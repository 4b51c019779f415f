import { KindSpec } from "./kind";
import { casterEpisode } from "./caster-episode";
import { casterEpisodeGroup } from "./caster-episode-group";
import { casterVideoResource } from "./caster-video-resource";
import { caster } from "./caster";
import { casterComponent } from "./caster-component";
import { casterLayout } from "./caster-layout";
import { casterSceneBinding } from "./caster-scene-binding";
import { casterShowList } from "./caster-show-list";
import { casterChannel } from "./caster-channel";
import { casterPlaylist } from "./caster-playlist";
import { casterStudioLayout } from "./caster-studio-layout";

/** Every kind, in the order the documentation (docs/index.md) and the SDK present them. */
export const KINDS: KindSpec[] = [caster, casterVideoResource, casterLayout, casterComponent, casterSceneBinding, casterEpisodeGroup, casterEpisode, casterShowList, casterChannel, casterPlaylist, casterStudioLayout];
