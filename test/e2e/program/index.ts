import * as pulumi from "@pulumi/pulumi";
import {
  CasterEpisodeGroup, CasterEpisodeGroupArgs, CasterVideoResource, CasterVideoResourceArgs, StudioLayout,
} from "pulumi-alicloud-caster";

/**
 * Declares the video sources given in config `sources` and the episode groups in config
 * `episodeGroups` (name → args each). With `casterIdFrom: output`,
 * each source's casterId comes from a resource created in the same run, so that during the first
 * preview it is not yet known. With `layoutFile`, a StudioLayout named "studio" applies that file.
 */
const config = new pulumi.Config();
const sources = config.getObject<Record<string, CasterVideoResourceArgs>>("sources") ?? {};
const episodeGroups = config.getObject<Record<string, CasterEpisodeGroupArgs>>("episodeGroups") ?? {};
const casterIdFromOutput = config.get("casterIdFrom") === "output";

// For studios too large to pass as config: `generatedStudios` (caster IDs) × `sourcesPerStudio`.
const generatedStudios = config.getObject<string[]>("generatedStudios") ?? [];
const sourcesPerStudio = config.getNumber("sourcesPerStudio") ?? 0;
generatedStudios.forEach((casterId, studio) => {
  for (let n = 1; n <= sourcesPerStudio; n++) {
    sources[`s${studio}-${n}`] = {
      casterId,
      resourceName: `Studio ${studio} source ${n}`,
      locationId: `RV${String(n).padStart(2, "0")}`,
      imageUrl: `https://media.example.com/stills/${studio}/${n}.png`,
    };
  }
});

class PassThrough extends pulumi.dynamic.Resource {
  declare public readonly value: pulumi.Output<string>;
  constructor(name: string, value: string) {
    super(
      { create: async (inputs: { value: string }) => ({ id: "pass-through", outs: { value: inputs.value } }) },
      name,
      { value },
      {},
    );
  }
}

const created: Record<string, CasterVideoResource> = {};
for (const [name, args] of Object.entries(sources)) {
  const casterId = casterIdFromOutput ? new PassThrough(`${name}-studio`, args.casterId as string).value : args.casterId;
  created[name] = new CasterVideoResource(name, { ...args, casterId });
}

const groups: Record<string, CasterEpisodeGroup> = {};
for (const [name, args] of Object.entries(episodeGroups)) {
  groups[name] = new CasterEpisodeGroup(name, args);
}

const layoutFile = config.get("layoutFile");
// `layoutAliases`: position or group → the name of a top-level resource the layout takes over.
const layoutAliases = config.getObject<Record<string, string>>("layoutAliases") ?? {};
const layout = layoutFile
  ? new StudioLayout("studio", {
    layout: layoutFile,
    aliases: Object.fromEntries(Object.entries(layoutAliases).map(([key, name]) => [key, [{ name, parent: pulumi.rootStackResource }]])),
  })
  : undefined;
export const layoutResourceIds = layout?.resourceIds;
export const layoutProgramIds = layout?.programIds;

export const programIds = Object.fromEntries(Object.entries(groups).map(([name, group]) => [name, group.programId]));
export const resourceIds = Object.fromEntries(Object.entries(created).map(([name, source]) => [name, source.resourceId]));
