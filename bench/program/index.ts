import * as pulumi from "@pulumi/pulumi";
import { Caster, CasterComponent, CasterEpisode, CasterEpisodeGroup, CasterLayout, CasterVideoResource } from "pulumi-alicloud-caster";
import { componentInputs, episodeInputs, groupInputs, layoutInputs, sourceInputs, studioInputs } from "./inputs";

/**
 * The benchmark's program. How many resources of each kind it declares comes from stack config,
 * so that each scenario measures one kind against that kind's QPS floor:
 * - `generatedStudios` (caster IDs) × `sourcesPerStudio`: image sources RV01.. in each studio;
 * - `studios`: that many new studios, each created, configured and started;
 * - `casterId` with `layouts`, `components`, `episodes`, `episodeGroups`: that many of each in
 *   that studio, which the benchmark gives sources at RV01–RV04 beforehand (layouts and episodes
 *   show them);
 * - `noOpResources`: that many dynamic resources whose provider makes no call, with a source's
 *   inputs: the engine's own floor for a `pulumi up` of that shape.
 */
const config = new pulumi.Config();

const generatedStudios = config.getObject<string[]>("generatedStudios") ?? [];
const sourcesPerStudio = config.getNumber("sourcesPerStudio") ?? 0;
generatedStudios.forEach((casterId, studio) => {
  sourceInputs(casterId, sourcesPerStudio, studio).forEach((args, i) => new CasterVideoResource(`s${studio}-${i + 1}`, args));
});

studioInputs(config.getNumber("studios") ?? 0).forEach((args, i) => new Caster(`studio-${i + 1}`, args));

const casterId = config.get("casterId");
if (casterId !== undefined) {
  layoutInputs(casterId, config.getNumber("layouts") ?? 0).forEach((args, i) => new CasterLayout(`layout-${i + 1}`, args));
  componentInputs(casterId, config.getNumber("components") ?? 0).forEach((args, i) => new CasterComponent(`component-${i + 1}`, args));
  episodeInputs(casterId, config.getNumber("episodes") ?? 0).forEach((args, i) => new CasterEpisode(`episode-${i + 1}`, args));
  groupInputs(casterId, config.getNumber("episodeGroups") ?? 0).forEach((args, i) => new CasterEpisodeGroup(`group-${i + 1}`, args));
}

/** A dynamic resource whose create answers at once: what the engine costs a resource, with no API behind it. */
class NoOp extends pulumi.dynamic.Resource {
  constructor(name: string, props: Record<string, unknown>) {
    super({ create: async (inputs: Record<string, unknown>) => ({ id: `${inputs.casterId}:${inputs.locationId}`, outs: inputs }) }, name, props, {});
  }
}
sourceInputs("LIVEPRODUCER_POST-cn-noop", config.getNumber("noOpResources") ?? 0, 0).forEach((args, i) => new NoOp(`noop-${i + 1}`, { ...args }));
