import * as pulumi from "@pulumi/pulumi";
import {
  Caster, CasterArgs, CasterComponent, CasterEpisode, CasterEpisodeGroup, CasterEpisodeGroupArgs, CasterLayout, CasterSceneBinding,
  CasterShowList, CasterShowListArgs, CasterVideoResource, CasterVideoResourceArgs, Studio, StudioLayout,
} from "pulumi-alicloud-caster";
import * as caster from "pulumi-alicloud-caster";

/**
 * Declares the studios given in config `studios`, the video sources given in config `sources`
 * and the episode groups in config `episodeGroups` (name → args each). A source's or group's
 * `casterId: "studio:<name>"` is the casterId output of the studio `<name>` of `studios`. With
 * `casterIdFrom: output`, each source's casterId comes from a resource created in the same run, so
 * that during the first preview it is not yet known. With `layoutFile`, a Studio named "studio"
 * applies that file (with `layoutClass: StudioLayout`, the deprecated class of its former name).
 */
const config = new pulumi.Config();
const studioArgs = config.getObject<Record<string, CasterArgs>>("studios") ?? {};
const sources = config.getObject<Record<string, CasterVideoResourceArgs>>("sources") ?? {};
const episodeGroups = config.getObject<Record<string, CasterEpisodeGroupArgs>>("episodeGroups") ?? {};
// `showLists`: name → CasterShowList args.
const showLists = config.getObject<Record<string, CasterShowListArgs>>("showLists") ?? {};
const casterIdFromOutput = config.get("casterIdFrom") === "output";

// `protectedStudios`: the names of `studios` declared with Pulumi's `protect: true`.
const protectedStudios = config.getObject<string[]>("protectedStudios") ?? [];
const studios: Record<string, Caster> = {};
for (const [name, args] of Object.entries(studioArgs)) {
  studios[name] = new Caster(name, args, { protect: protectedStudios.includes(name) });
}

const STUDIO_REFERENCE = "studio:";
/** A casterId as given, or for `studio:<name>` the casterId output of that declared studio. */
function resolveCasterId<T>(casterId: T): T | pulumi.Output<string> {
  if (typeof casterId !== "string" || !casterId.startsWith(STUDIO_REFERENCE)) return casterId;
  const name = casterId.slice(STUDIO_REFERENCE.length);
  const studio = studios[name];
  if (!studio) {
    throw new Error(`casterId ${JSON.stringify(casterId)} names no studio of config "studios" (it declares ${Object.keys(studios).join(", ") || "none"}).`);
  }
  return studio.casterId;
}

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
  const casterId = casterIdFromOutput && !String(args.casterId).startsWith(STUDIO_REFERENCE)
    ? new PassThrough(`${name}-studio`, args.casterId as string).value
    : resolveCasterId(args.casterId);
  created[name] = new CasterVideoResource(name, { ...args, casterId });
}

// `retainedGroups`: the names of `episodeGroups` declared with Pulumi's `retainOnDelete: true` (another stack's, taken over).
const retainedGroups = config.getObject<string[]>("retainedGroups") ?? [];
const groups: Record<string, CasterEpisodeGroup> = {};
for (const [name, args] of Object.entries(episodeGroups)) {
  groups[name] = new CasterEpisodeGroup(name, { ...args, casterId: resolveCasterId(args.casterId) }, { retainOnDelete: retainedGroups.includes(name) });
}

const lists = Object.fromEntries(Object.entries(showLists).map(([name, args]) => [name, new CasterShowList(name, { ...args, casterId: resolveCasterId(args.casterId) })]));
export const showIds = Object.keys(lists).length > 0 ? Object.fromEntries(Object.entries(lists).map(([name, list]) => [name, list.showIds])) : undefined;

// `resources`: name → { type, args }: a resource of any kind of the package (its class by the kind's type), as given.
const resources = config.getObject<Record<string, { type: string; args: Record<string, unknown> }>>("resources") ?? {};
for (const [name, { type, args }] of Object.entries(resources)) {
  const kindClass = (caster as unknown as Record<string, new (name: string, args: object) => pulumi.CustomResource>)[type];
  if (!kindClass) throw new Error(`config resources.${name}: pulumi-alicloud-caster has no resource class ${type}`);
  new kindClass(name, args);
}

const layoutFile = config.get("layoutFile");
// `layoutAliases`: position or group → the name of a top-level resource the layout takes over.
const layoutAliases = config.getObject<Record<string, string>>("layoutAliases") ?? {};
const aliases = Object.fromEntries(Object.entries(layoutAliases).map(([key, name]) => [key, [{ name, parent: pulumi.rootStackResource }]]));
// `layoutProtected: true`: the component declared with `protect: true`, which its children inherit.
const layoutProtected = config.getBoolean("layoutProtected") ?? false;
const layout = !layoutFile
  ? undefined
  : config.get("layoutClass") === "StudioLayout"
    ? new StudioLayout("studio", { layout: layoutFile, aliases }, { protect: layoutProtected })
    : new Studio("studio", { file: layoutFile, aliases }, { protect: layoutProtected });
export const layoutResourceIds = layout?.resourceIds;
export const layoutProgramIds = layout?.programIds;

export const programIds = Object.fromEntries(Object.entries(groups).map(([name, group]) => [name, group.programId]));
export const resourceIds = Object.fromEntries(Object.entries(created).map(([name, source]) => [name, source.resourceId]));

// Only with studios declared, so that the programs without one keep their outputs.
const hasStudios = Object.keys(studios).length > 0;
export const studioIds = hasStudios ? Object.fromEntries(Object.entries(studios).map(([name, studio]) => [name, studio.casterId])) : undefined;
export const sceneIds = hasStudios
  ? Object.fromEntries(Object.entries(studios).map(([name, studio]) => [name, { pvw: studio.pvwSceneId, pgm: studio.pgmSceneId }]))
  : undefined;

// `gets`: name → { type, id, outputs }: objects read with each class's get(), not managed; the outputs named.
const GETTERS = { Caster, CasterVideoResource, CasterLayout, CasterComponent, CasterSceneBinding, CasterEpisode, CasterEpisodeGroup };
const gets = config.getObject<Record<string, { type: keyof typeof GETTERS; id: string; outputs: string[]; connection?: object }>>("gets") ?? {};
export const got = Object.keys(gets).length > 0
  ? Object.fromEntries(Object.entries(gets).map(([name, { type, id, outputs, connection }]) => {
    const getter = GETTERS[type] as unknown as { get(name: string, id: string, opts?: object, connection?: object): Record<string, pulumi.Output<unknown>> };
    const resource = getter.get(name, id, undefined, connection);
    return [name, pulumi.all(Object.fromEntries(outputs.map((output) => [output, resource[output]])))];
  }))
  : undefined;
