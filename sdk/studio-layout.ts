import * as pulumi from "@pulumi/pulumi";
import { Caster, CasterArgs } from "./caster";
import { CasterComponent, CasterComponentArgs } from "./caster-component";
import { CasterEpisode, CasterEpisodeArgs } from "./caster-episode";
import { CasterEpisodeGroup, CasterEpisodeGroupArgs } from "./caster-episode-group";
import { CasterLayout, CasterLayoutArgs } from "./caster-layout";
import { CasterSceneBinding } from "./caster-scene-binding";
import { CasterVideoResource, CasterVideoResourceArgs } from "./caster-video-resource";
import { formatProblem, LayoutError, loadLayout } from "../studio-file/load";
import type { Connection } from "../spec/fields/connection";
import {
  FileAdopt, FileComponent, FileEpisode, FileLayout, FileScenes, isNewStudio, isSecretReference, LayoutEpisodeGroup, LayoutSource, LayoutStudio, SCENE_KEYS, SceneKey,
  sceneOfKey, SecretCapableStudioProperty, SecretReference,
} from "../studio-file/schema";

type Inputs<T> = { [K in keyof T]: pulumi.Input<Exclude<T[K], undefined>> };
/** A file entry's properties typed and documented as the resource's Args (sdk/generated/args.ts), so that an editor explains each one. */
type AsArgs<Entry, Args> = Pick<Args, keyof Entry & keyof Args> & Omit<Inputs<Entry>, keyof Args>;
/** `keyof Pick<…>` keeps each property's documentation, which a plain `P in K` would drop. */
type OrSecret<T, K extends keyof T> = Omit<T, K> & { [P in keyof Pick<T, K>]?: T[P] | SecretReference };

/**
 * A layout given as an object: the file's shape, where a program may also pass Outputs (a signed
 * URL from `config.requireSecret`, so it is never written in the repository) and Dates.
 */
export interface StudioLayoutInput {
  /** The JSON Schema an editor checks the file with (`node_modules/pulumi-alicloud-caster/studio-layout.schema.json`); not read by the component. */
  $schema?: string;
  /** An existing studio (`casterId`, or the stack `config` key holding it), or a `new` one this layout makes, with a {@link Caster}'s properties. */
  caster?: { casterId: string } | { config: string } | { new: OrSecret<AsArgs<LayoutStudio, CasterArgs>, SecretCapableStudioProperty> };
  /**
   * The video sources, by layout position RV01–RV99, each with a {@link CasterVideoResource}'s
   * properties; a URL may be `{ secret: <stack config key> }`.
   * @default none
   */
  sources?: Record<string, OrSecret<AsArgs<LayoutSource, CasterVideoResourceArgs>, "liveStreamUrl" | "vodUrl" | "imageUrl">> | null;
  /**
   * The episode groups (scheduled VOD playlists), by a lower-case name of yours, each with a
   * {@link CasterEpisodeGroup}'s properties; its ClientToken is derived from the name.
   * @default none
   */
  episodeGroups?: Record<
    string,
    OrSecret<Omit<AsArgs<LayoutEpisodeGroup, CasterEpisodeGroupArgs>, "startTime" | "items">, "callbackUrl" | "sideOutputUrl"> & {
      /** When the playlist starts: ISO 8601 with a zone, or a Date; sent as UTC. */
      startTime: pulumi.Input<string | Date>;
      /** The VOD files played, in order; a `vodUrl` may be `{ secret: <stack config key> }`. */
      items: pulumi.Input<pulumi.Input<{ itemName: pulumi.Input<string>; vodUrl: pulumi.Input<string> | SecretReference }>[]>;
    }
  > | null;
  /**
   * The layouts (screen compositions), by a lower-case name of yours, each with a
   * {@link CasterLayout}'s properties.
   * @default none
   */
  layouts?: Record<string, AsArgs<FileLayout, CasterLayoutArgs>> | null;
  /**
   * The components (overlays), by component position RC01–RC99, each with a
   * {@link CasterComponent}'s properties.
   * @default none
   */
  components?: Record<string, AsArgs<FileComponent, CasterComponentArgs>> | null;
  /**
   * What the scenes show (`pgm` on air, `pvw` the preview): a layout by name and components by
   * position, known when the program runs, since they decide which resources refer to which.
   * @default none: the scenes are not managed
   */
  scenes?: FileScenes | null;
  /**
   * The schedule's episodes, by a lower-case name of yours, each with a {@link CasterEpisode}'s
   * properties; its source and components by their positions in this file.
   * @default none
   */
  episodes?: Record<string, Omit<AsArgs<FileEpisode, CasterEpisodeArgs>, "startTime" | "endTime" | "locationId" | "components"> & {
    /** The source shown, by its position in `sources` (RV01–RV99); none for components alone. */
    locationId?: string;
    /** The components shown, bottom to top, by their positions in `components` (RC01–RC99). */
    components?: string[];
    /** When the episode starts: ISO 8601 with a zone, or a Date; sent as UTC. */
    startTime: pulumi.Input<string | Date>;
    /** When it ends: ISO 8601 with a zone, or a Date; sent as UTC. */
    endTime: pulumi.Input<string | Date>;
  }> | null;
  /** The time zone the schedule is read in (validate, diff, render); not sent to the API. */
  timeZone?: string;
  /**
   * How everything in the file reaches Alibaba Cloud, when not with the stack's settings: a
   * profile, a role to assume, a region, an endpoint (each child's `connection`). Names where
   * credentials are, never holds them.
   * @default the stack's settings
   */
  connection?: Connection;
  /**
   * What the first `pulumi up` takes over instead of making new: existing objects' IDs, keyed as
   * the sections are (`caster` only with `caster: { new: … }`). Each becomes its child's importId.
   */
  adopt?: FileAdopt | null;
}

/** The inputs of a {@link StudioLayout}. */
export interface StudioLayoutArgs {
  /**
   * The studio file: a YAML or JSON file's path (relative paths are from the program's working
   * directory, the Pulumi project's folder), or the same content as an object.
   */
  layout: string | StudioLayoutInput;
  /**
   * The studio, when the program knows it (e.g. `new Caster(...).casterId`). Give it here or as the
   * layout's `caster`, not both.
   * @default the layout's `caster`
   */
  casterId?: pulumi.Input<string>;
  /**
   * Earlier names of children, so that resources declared before the layout are taken over rather
   * than replaced. Keyed by the child's name after `<name>-`: a position (`RV01`, `RC01`), a group's
   * name, `layout-<name>`, `pgm` / `pvw`, or `episode-<name>`:
   * `{ RV01: [{ name: "main-camera", parent: pulumi.rootStackResource }] }`.
   * @default none
   */
  aliases?: Record<string, pulumi.Input<string | pulumi.Alias>[]>;
  /**
   * How every child reaches Alibaba Cloud (see the `connection` of each resource): a staging and a
   * production studio in two accounts or regions, in one program. Give it here or as the file's
   * `connection:`, not both.
   * @default the file's `connection:`, else the stack's settings
   */
  connection?: Connection;
}

/**
 * A studio file applied as one component: a {@link CasterVideoResource} per position, a
 * {@link CasterEpisodeGroup} per group, a {@link CasterLayout} per layout, a {@link CasterComponent}
 * per component position and a {@link CasterSceneBinding} per bound scene, children of this
 * component; and, when the file declares a new studio (`caster: { new: { ... } }`), the
 * {@link Caster} itself, `<name>-studio`, which every other child is then made in, once it exists.
 *
 * Children are named from the file, never from its order: `<name>-RV07` for the source at RV07,
 * `<name>-<group>` for a group, `<name>-layout-<layout>` for a layout, `<name>-RC01` for the
 * component at RC01 and `<name>-pgm` / `<name>-pvw` for the scenes' bindings, so reordering the file
 * changes nothing, and moving a source to another position deletes it at the old one and adds it
 * at the new one, in plain sight in `pulumi preview`. A layout waits for the sources it shows, a
 * caption for the source it captions, and a scene binding for the studio this file makes (its
 * scenes exist once it is started).
 *
 * @example
 * // studio.yaml: caster: { new: { casterName: Main, normType: 1, casterTemplate: lp_hd } },
 * //             sources: { RV01: { resourceName: Main camera, liveStreamUrl: rtmp://... } }
 * const studio = new StudioLayout("studio", { layout: "studio.yaml" });
 * export const sources = studio.resourceIds;
 */
export class StudioLayout extends pulumi.ComponentResource {
  /** The studio file's content as applied, after checking. */
  public readonly layout: StudioLayoutInput;
  public readonly casterId: pulumi.Output<string>;
  /** The studio this layout makes (`caster: { new: ... }`); undefined for an existing studio. */
  public readonly studio: Caster | undefined;
  /** The preview (PVW) scene of a studio this layout makes, once it is started; undefined otherwise. */
  public readonly pvwSceneId: pulumi.Output<string | undefined>;
  /** The program (PGM) scene of a studio this layout makes, once it is started; undefined otherwise. */
  public readonly pgmSceneId: pulumi.Output<string | undefined>;
  /** The sources, by position. */
  public readonly sources: Readonly<Record<string, CasterVideoResource>>;
  /** The episode groups, by name. */
  public readonly episodeGroups: Readonly<Record<string, CasterEpisodeGroup>>;
  /** Each position's API ResourceId. */
  public readonly resourceIds: pulumi.Output<Record<string, string>>;
  /** Each group's API ProgramId. */
  public readonly programIds: pulumi.Output<Record<string, string>>;
  /** The layouts, by name. */
  public readonly layouts: Readonly<Record<string, CasterLayout>>;
  /** The components, by position. */
  public readonly components: Readonly<Record<string, CasterComponent>>;
  /** The scene bindings, by scene (`pgm`, `pvw`). */
  public readonly sceneBindings: Readonly<Partial<Record<SceneKey, CasterSceneBinding>>>;
  /** Each layout's API LayoutId, by name. */
  public readonly layoutIds: pulumi.Output<Record<string, string>>;
  /** Each component's API ComponentId, by position. */
  public readonly componentIds: pulumi.Output<Record<string, string>>;
  /** The SceneId of each scene the file binds, by scene (`pgm`, `pvw`). */
  public readonly boundSceneIds: pulumi.Output<Record<string, string>>;
  /** The schedule's episodes, by name. */
  public readonly episodes: Readonly<Record<string, CasterEpisode>>;
  /** Each episode's API EpisodeId, by name. */
  public readonly episodeIds: pulumi.Output<Record<string, string>>;

  constructor(name: string, args: StudioLayoutArgs, opts?: pulumi.ComponentResourceOptions) {
    // A bad layout or a missing studio fails the program before any resource, even this one, is declared.
    const layout = checkedLayout(name, args.layout);
    const studioGiven = studioOf(name, layout.caster, args.casterId);
    if (args.connection !== undefined && layout.connection !== undefined) {
      throw new pulumi.RunError(`StudioLayout "${name}": the connection is given twice, as the connection argument and as the file's connection:; keep one of them.`);
    }
    // Every child goes through the one connection, so that the whole studio lives in one account and region.
    const connection = args.connection ?? layout.connection;
    const connected = connection !== undefined ? { connection } : {};
    super("alicloud-caster:index:StudioLayout", name, {}, opts);
    this.layout = layout;
    const secrets = new SecretReader(name);
    if ("declared" in studioGiven) {
      // Its casterId is every child's, so each source and group is made in it once it exists.
      const studioArgs = secrets.read(studioGiven.declared, "caster.new") as unknown as CasterArgs;
      // Adopted, the studio's importId is its CasterId.
      if (layout.adopt?.caster) studioArgs.importId = layout.adopt.caster;
      if (connection !== undefined) studioArgs.connection = connection;
      this.studio = new Caster(`${name}-studio`, studioArgs, { parent: this });
      this.casterId = this.studio.casterId;
      this.pvwSceneId = this.studio.pvwSceneId;
      this.pgmSceneId = this.studio.pgmSceneId;
    } else {
      this.studio = undefined;
      this.casterId = pulumi.output(studioGiven.casterId);
      this.pvwSceneId = pulumi.output(undefined);
      this.pgmSceneId = pulumi.output(undefined);
    }

    const childOptions = (key: string): pulumi.CustomResourceOptions => ({ parent: this, aliases: args.aliases?.[key] });
    // The `adopt` section: each child it names takes over that existing object (its importId, with
    // the studio's ID where the kind's ID carries one). It matters only when the child is made.
    const adopt = layout.adopt ?? {};
    const casterId = this.casterId;
    const adopted = (ids: Record<string, string> | null | undefined, key: string): { importId?: pulumi.Input<string> } =>
      ids?.[key] !== undefined ? { importId: pulumi.interpolate`${casterId}:${ids[key]}` } : {};
    const sources: Record<string, CasterVideoResource> = {};
    for (const [location, source] of Object.entries(layout.sources ?? {})) {
      const args = { ...adopted(adopt.sources, location), ...secrets.read(source, `sources.${location}`), casterId: this.casterId, locationId: location, ...connected } as CasterVideoResourceArgs;
      sources[location] = new CasterVideoResource(`${name}-${location}`, args, childOptions(location));
    }
    const episodeGroups: Record<string, CasterEpisodeGroup> = {};
    for (const [group, definition] of Object.entries(layout.episodeGroups ?? {})) {
      // A file's items are a list; a program's may be an Output, which holds no secret references.
      const items = Array.isArray(definition.items)
        ? definition.items.map((item, index) => (isPlainObject(item) ? secrets.read(item, `episodeGroups.${group}.items[${index}]`) : item))
        : definition.items;
      // A group's ID is its ProgramId alone.
      const importId = adopt.episodeGroups?.[group];
      const args = { ...secrets.read(definition, `episodeGroups.${group}`), items, casterId: this.casterId, ...(importId !== undefined ? { importId } : {}), ...connected } as unknown as CasterEpisodeGroupArgs;
      episodeGroups[group] = new CasterEpisodeGroup(`${name}-${group}`, args, childOptions(group));
    }
    this.sources = sources;
    this.episodeGroups = episodeGroups;

    // What is on screen: each layout waits for the sources it shows (the API takes a layout only
    // over positions that hold sources), a caption for the source it captions.
    const sourcesAt = (locations: unknown[]) => [...new Set(locations)]
      .filter((location): location is string => typeof location === "string" && location in sources)
      .map((location) => sources[location]);
    const layouts: Record<string, CasterLayout> = {};
    for (const [layoutName, definition] of Object.entries(layout.layouts ?? {})) {
      const shown = ([definition.videoLayers, definition.audioLayers] as unknown[])
        .flatMap((layers) => (Array.isArray(layers) ? (layers as unknown[]) : []))
        .map((layer) => (isPlainObject(layer) ? layer.locationId : undefined));
      // Layers given as an Output name their positions only later: then the layout waits for every source.
      const waitsFor = Array.isArray(definition.videoLayers) ? sourcesAt(shown) : Object.values(sources);
      const layoutArgs = { ...definition, casterId: this.casterId, ...adopted(adopt.layouts, layoutName), ...connected } as CasterLayoutArgs;
      layouts[layoutName] = new CasterLayout(`${name}-layout-${layoutName}`, layoutArgs, { ...childOptions(`layout-${layoutName}`), dependsOn: waitsFor });
    }
    const components: Record<string, CasterComponent> = {};
    for (const [location, definition] of Object.entries(layout.components ?? {})) {
      const caption = isPlainObject(definition.caption) ? definition.caption.sourceLocationId : undefined;
      const componentArgs = { ...definition, casterId: this.casterId, locationId: location, ...adopted(adopt.components, location), ...connected } as CasterComponentArgs;
      components[location] = new CasterComponent(`${name}-${location}`, componentArgs, { ...childOptions(location), dependsOn: sourcesAt([caption]) });
    }
    // Scenes exist once the studio is started: a binding waits for the studio this file makes.
    const sceneBindings: Partial<Record<SceneKey, CasterSceneBinding>> = {};
    for (const key of SCENE_KEYS) {
      const scene = layout.scenes?.[key];
      if (!scene) continue;
      sceneBindings[key] = new CasterSceneBinding(`${name}-${key}`, {
        casterId: this.casterId,
        scene: sceneOfKey(key),
        layoutId: layouts[scene.layout].layoutId,
        componentIds: pulumi.all((scene.components ?? []).map((location) => components[location].componentId)),
        ...connected,
      }, { ...childOptions(key), dependsOn: this.studio ? [this.studio] : [] });
    }
    this.layouts = layouts;
    this.components = components;
    this.sceneBindings = sceneBindings;

    // The schedule: an episode switches to a source of the file, by its ID (known in a preview:
    // outputsFromId), with components of the file, and waits for them.
    const episodes: Record<string, CasterEpisode> = {};
    for (const [episodeName, definition] of Object.entries(layout.episodes ?? {})) {
      const { locationId, components: shown, ...rest } = definition;
      const source = locationId !== undefined ? sources[locationId] : undefined;
      const overlays = (shown ?? []).map((position) => components[position]);
      const episodeArgs: CasterEpisodeArgs = {
        ...rest,
        casterId: this.casterId,
        resourceId: source?.resourceId,
        componentIds: overlays.length > 0 ? overlays.map((component) => component.componentId) : undefined,
        ...adopted(adopt.episodes, episodeName),
        ...connected,
      };
      episodes[episodeName] = new CasterEpisode(`${name}-episode-${episodeName}`, episodeArgs, {
        ...childOptions(`episode-${episodeName}`),
        dependsOn: [...(source ? [source] : []), ...overlays],
      });
    }
    this.episodes = episodes;

    this.resourceIds = outputsBy(sources, (source) => source.resourceId);
    this.programIds = outputsBy(episodeGroups, (group) => group.programId);
    this.layoutIds = outputsBy(layouts, (child) => child.layoutId);
    this.componentIds = outputsBy(components, (child) => child.componentId);
    this.boundSceneIds = outputsBy(sceneBindings as Record<string, CasterSceneBinding>, (binding) => binding.sceneId);
    this.episodeIds = outputsBy(episodes, (episode) => episode.episodeId);
    if ([sources, episodeGroups, layouts, components, sceneBindings, episodes].every((children) => Object.keys(children).length === 0)) {
      // Declarative, so an empty layout empties the studio; a file emptied by mistake should be noticed.
      void pulumi.log.warn("the studio file has no sources, episode groups, layouts, components, scenes or episodes: any this component made before are deleted.", this);
    }
    this.registerOutputs({
      casterId: this.casterId,
      pvwSceneId: this.pvwSceneId,
      pgmSceneId: this.pgmSceneId,
      resourceIds: this.resourceIds,
      programIds: this.programIds,
      layoutIds: this.layoutIds,
      componentIds: this.componentIds,
      boundSceneIds: this.boundSceneIds,
      episodeIds: this.episodeIds,
    });
  }
}

/** Reads `{ secret: <key> }` values from the stack's secret config, so the URL stays a secret end to end. */
class SecretReader {
  constructor(private readonly layoutName: string) {}

  read<T extends object>(entry: T, where: string): T {
    return Object.fromEntries(Object.entries(entry).map(([property, value]) => [property, isSecretReference(value) ? this.secret(value, `${where}.${property}`) : value])) as T;
  }

  private secret(reference: SecretReference, where: string): pulumi.Output<string> {
    const [config, key] = configOf(reference.secret);
    const value = config.getSecret(key);
    if (value === undefined) {
      throw new pulumi.RunError(
        `StudioLayout "${this.layoutName}": ${where} is the stack secret ${reference.secret}, which is not set; run \`pulumi config set --secret ${reference.secret} <url>\`.`,
      );
    }
    return value;
  }
}

/** As a RunError, so that the user sees the list of problems rather than a stack trace. */
function checkedLayout(name: string, layout: StudioLayoutArgs["layout"]): StudioLayoutInput {
  try {
    return loadLayout(layout, "layout", {
      // A schedule's warnings (an episode that has started) are printed, and the program goes on.
      onWarning: (warning) => void pulumi.log.warn(`StudioLayout "${name}": ${formatProblem(warning)}`),
    }) as StudioLayoutInput;
  } catch (error) {
    if (error instanceof LayoutError) throw new pulumi.RunError(`StudioLayout "${name}": ${error.message}`);
    throw error;
  }
}

/**
 * The studio from exactly one of the component's argument and the layout's `caster`: its ID, or
 * the new studio the layout declares.
 */
function studioOf(
  name: string,
  caster: StudioLayoutInput["caster"],
  casterId: pulumi.Input<string> | undefined,
): { casterId: pulumi.Input<string> } | { declared: NonNullable<Extract<StudioLayoutInput["caster"], { new: unknown }>>["new"] } {
  if (casterId !== undefined && caster !== undefined) {
    throw new pulumi.RunError(
      `StudioLayout "${name}": the studio is given twice, as the casterId argument and as the layout's caster; keep one of them.`,
    );
  }
  if (casterId !== undefined) return { casterId };
  if (caster === undefined) {
    throw new pulumi.RunError(
      `StudioLayout "${name}": no studio is given; add caster: { casterId: <ID> }, caster: { config: <stack config key> } or caster: { new: { normType, casterTemplate, ... } } to the layout, or pass casterId.`,
    );
  }
  if (isNewStudio(caster)) return { declared: caster.new };
  if ("casterId" in caster) return { casterId: caster.casterId };
  const [config, key] = configOf(caster.config);
  const value = config.get(key);
  if (value === undefined) {
    throw new pulumi.RunError(
      `StudioLayout "${name}": the layout takes the studio from stack config key ${caster.config}, which is not set; run \`pulumi config set ${caster.config} <casterId>\`.`,
    );
  }
  return { casterId: value };
}

/** `casterId` reads the project's config, `other-project:casterId` another namespace's. */
function configOf(qualifiedKey: string): [pulumi.Config, string] {
  const [namespace, key] = qualifiedKey.includes(":") ? qualifiedKey.split(":", 2) : [undefined, qualifiedKey];
  return [new pulumi.Config(namespace), key];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !pulumi.Output.isInstance(value) && !(value instanceof Promise);
}

function outputsBy<T>(children: Record<string, T>, pick: (child: T) => pulumi.Output<string>): pulumi.Output<Record<string, string>> {
  const keys = Object.keys(children).sort();
  return pulumi.all(keys.map((key) => pick(children[key]))).apply((values) => Object.fromEntries(keys.map((key, i) => [key, values[i]])));
}
