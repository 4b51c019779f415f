import * as pulumi from "@pulumi/pulumi";
import {
  Caster, CasterChannel, CasterComponent, CasterEpisode, CasterEpisodeGroup, CasterLayout, CasterPlaylist, CasterSceneBinding, CasterShowList, CasterStudioLayout, CasterVideoResource, Studio,
} from "pulumi-alicloud-caster";
import {
  channelInputs, componentInputs, episodeInputs, groupInputs, layoutInputs, playlistInputs, sceneBindingInputs, showListInputs, sourceInputs, studioInputs, studioLayoutInputs,
} from "./inputs";

/**
 * The benchmark's program. How many resources of each kind it declares comes from stack config,
 * so that each scenario measures one kind against that kind's QPS floor:
 * - `studioFile`: a studio file's path: the whole studio it declares, through the Studio component;
 * - `generatedStudios` (caster IDs) × `sourcesPerStudio`: image sources RV01.. in each studio;
 * - `studios`: that many new studios, each created, configured and started;
 * - `layouts`, `components`, `episodes`, `episodeGroups`, each `{ casterId, count }`: that many of
 *   that kind in that studio, which the benchmark gives sources at RV01–RV04 beforehand (layouts
 *   and episodes show them); each kind a key of its own, so that one stack can declare them all;
 * - `showLists` `{ casterIds, shows }`: a show list of that many shows in each studio;
 * - `playlists` `{ casterIds, items }`: a playlist of that many items in each (lightweight carousel) studio;
 * - `studioLayouts` `{ casterId, count }`: that many studio layouts in that virtual studio;
 * - `channelStudios` `[{ casterId, resourceIds }]`: a channel-mode studio's channels RV01.., one a source;
 * - `sceneBindings` `[{ casterId, layoutId }]`: a running studio's PVW and PGM scenes, both on that layout;
 * - `noOpResources`: that many dynamic resources whose provider makes no call, with a source's
 *   inputs: the engine's own floor for a `pulumi up` of that shape.
 */
const config = new pulumi.Config();

// A whole studio from one studio file (its path), through the Studio component.
const studioFile = config.get("studioFile");
if (studioFile) new Studio("whole-studio", { file: studioFile });

const generatedStudios = config.getObject<string[]>("generatedStudios") ?? [];
const sourcesPerStudio = config.getNumber("sourcesPerStudio") ?? 0;
generatedStudios.forEach((casterId, studio) => {
  sourceInputs(casterId, sourcesPerStudio, studio).forEach((args, i) => new CasterVideoResource(`s${studio}-${i + 1}`, args));
});

studioInputs(config.getNumber("studios") ?? 0).forEach((args, i) => new Caster(`studio-${i + 1}`, args));

type InStudio = { casterId: string; count: number };
const inStudio = (key: string, declare: (casterId: string, count: number) => void) => {
  const value = config.getObject<InStudio>(key);
  if (value) declare(value.casterId, value.count);
};
inStudio("layouts", (casterId, n) => layoutInputs(casterId, n).forEach((args, i) => new CasterLayout(`layout-${i + 1}`, args)));
inStudio("components", (casterId, n) => componentInputs(casterId, n).forEach((args, i) => new CasterComponent(`component-${i + 1}`, args)));
inStudio("episodes", (casterId, n) => episodeInputs(casterId, n).forEach((args, i) => new CasterEpisode(`episode-${i + 1}`, args)));
inStudio("episodeGroups", (casterId, n) => groupInputs(casterId, n).forEach((args, i) => new CasterEpisodeGroup(`group-${i + 1}`, args)));

const showLists = config.getObject<{ casterIds: string[]; shows: number }>("showLists");
if (showLists) showListInputs(showLists.casterIds, showLists.shows).forEach((args, i) => new CasterShowList(`show-list-${i + 1}`, args));
const studioLayouts = config.getObject<{ casterId: string; count: number }>("studioLayouts");
if (studioLayouts) studioLayoutInputs(studioLayouts.casterId, studioLayouts.count).forEach((args, i) => new CasterStudioLayout(`studio-layout-${i + 1}`, args));
const playlists = config.getObject<{ casterIds: string[]; items: number }>("playlists");
if (playlists) playlistInputs(playlists.casterIds, playlists.items).forEach((args, i) => new CasterPlaylist(`playlist-${i + 1}`, args));
(config.getObject<{ casterId: string; resourceIds: string[] }[]>("channelStudios") ?? []).forEach(({ casterId, resourceIds }, studio) => {
  channelInputs(casterId, resourceIds).forEach((args) => new CasterChannel(`channel-${studio + 1}-${args.channelId}`, args));
});
(config.getObject<{ casterId: string; layoutId: string }[]>("sceneBindings") ?? []).forEach(({ casterId, layoutId }, studio) => {
  sceneBindingInputs(casterId, layoutId).forEach((args) => new CasterSceneBinding(`scene-${studio + 1}-${args.scene}`, args));
});

/** A dynamic resource whose create answers at once: what the engine costs a resource, with no API behind it. */
class NoOp extends pulumi.dynamic.Resource {
  constructor(name: string, props: Record<string, unknown>) {
    super({ create: async (inputs: Record<string, unknown>) => ({ id: `${inputs.casterId}:${inputs.locationId}`, outs: inputs }) }, name, props, {});
  }
}
sourceInputs("LIVEPRODUCER_POST-cn-noop", config.getNumber("noOpResources") ?? 0, 0).forEach((args, i) => new NoOp(`noop-${i + 1}`, { ...args }));
