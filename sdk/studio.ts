import * as pulumi from "@pulumi/pulumi";
import { Caster, CasterArgs } from "./caster";
import { CasterComponent, CasterComponentArgs } from "./caster-component";
import { CasterEpisode, CasterEpisodeArgs } from "./caster-episode";
import { CasterEpisodeGroup, CasterEpisodeGroupArgs } from "./caster-episode-group";
import { CasterLayout, CasterLayoutArgs } from "./caster-layout";
import { CasterSceneBinding } from "./caster-scene-binding";
import { CasterShowList, CasterShowListArgs } from "./caster-show-list";
import { CasterChannel } from "./caster-channel";
import { CasterPlaylist, CasterPlaylistArgs } from "./caster-playlist";
import { CasterStudioLayout, CasterStudioLayoutArgs } from "./caster-studio-layout";
import type { FileStudioLayout } from "../studio-file/studio-layouts";
import { CasterVideoResource, CasterVideoResourceArgs } from "./caster-video-resource";
import { formatProblem, LayoutError, loadLayout } from "../studio-file/load";
import { markFileCheckedComponent } from "./whole-studio-check";
import type { Connection } from "../model/fields/connection";
import {
  FileAdopt, FileChannel, FileComponent, FileEpisode, FileLayout, FileScenes, FileShowListDefinition, FilePlaylist, isNewStudio, isSecretReference, LayoutEpisodeGroup, LayoutSource, LayoutStudio, SCENE_KEYS, SceneKey,
  sceneOfKey, SecretCapableStudioProperty, SecretReference,
} from "../studio-file/schema";

type Inputs<T> = { [K in keyof T]: pulumi.Input<Exclude<T[K], undefined>> };
/** A file entry's properties typed and documented as the resource's Args (sdk/generated/args.ts), so that an editor explains each one. */
type AsArgs<Entry, Args> = Pick<Args, keyof Entry & keyof Args> & Omit<Inputs<Entry>, keyof Args>;
/** `keyof Pick<…>` keeps each property's documentation, which a plain `P in K` would drop. */
type OrSecret<T, K extends keyof T> = Omit<T, K> & { [P in keyof Pick<T, K>]?: T[P] | SecretReference };

/** The type token of {@link Studio}. */
export const STUDIO_TYPE = "alicloud-caster:index:Studio";
/** The type token of {@link StudioLayout}, Studio's former name: a stack made with it keeps it. */
export const STUDIO_LAYOUT_TYPE = "alicloud-caster:index:StudioLayout";
/** What a program that still uses the former name is told, from TypeScript or Pulumi YAML. */
export const STUDIO_LAYOUT_DEPRECATION =
  "StudioLayout is deprecated, the former name of Studio: write new Studio(name, { file }) (in Pulumi YAML, type: alicloud-caster:index:Studio), which takes this stack over with no change.";

/**
 * A studio given as one typed object: the studio file's shape, where a program may also pass
 * Outputs (a signed URL from `config.requireSecret`, so it is never written in the repository) and
 * Dates.
 */
export interface StudioDefinition {
  /**
   * The JSON Schema an editor checks the file with (`node_modules/pulumi-alicloud-caster/studio-layout.schema.json`); not read by the component.
   * @default none
   */
  $schema?: string;
  /**
   * An existing studio (`casterId`, or the stack `config` key holding it), or a `new` one this component makes, with a {@link Caster}'s properties.
   * @default none: the component's `casterId` argument names the studio
   */
  caster?: { casterId: string } | { config: string } | { new: OrSecret<AsArgs<LayoutStudio, CasterArgs>, SecretCapableStudioProperty> };
  /**
   * The video sources, by input position RV01–RV99, each with a {@link CasterVideoResource}'s
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
  /**
   * The studio's show list: its shows in playing order, each with a {@link CasterShowList}'s show
   * properties (a `resourceUrl` may be `{ secret: <stack config key> }`), and the list's settings.
   * @default none: the show list is not managed
   */
  showList?: FileShowListDefinition | null;
  /**
   * A channel-mode studio's channels (the studio's `channelMode: true`), keyed by channel RV01 to
   * RV12: the source each plays, by its position in `sources`, and a {@link CasterChannel}'s settings.
   * @default none: the channels are not managed
   */
  channels?: Record<string, FileChannel> | null;
  /**
   * A lightweight carousel studio's playlist (normType 3): its items in playing order, each a
   * {@link CasterPlaylist}'s `{ itemName, mediaId }`, its name and how often it repeats.
   * @default none: the playlist is not managed
   */
  playlist?: FilePlaylist | null;
  /**
   * A virtual studio's studio layouts, each with a {@link CasterStudioLayout}'s properties less
   * its studio; each known by its `layoutName`.
   * @default none: no studio layout is managed
   */
  studioLayouts?: FileStudioLayout[] | null;
  /**
   * The time zone the schedule is read in (validate, diff, render); not sent to the API.
   * @default none: times are shown in UTC alone
   */
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
   * @default none: every child is made new
   */
  adopt?: FileAdopt | null;
}

/** The inputs of a {@link Studio}: the studio as `file` or as `definition`, one of them. */
export interface StudioArgs {
  /**
   * The studio file: a YAML or JSON file's path (relative paths are from the program's working
   * directory, the Pulumi project's folder), checked with line and column for each problem.
   * @default none: give `definition` instead
   */
  file?: string;
  /**
   * The studio as one typed object, in the studio file's shape; it may hold Outputs and Dates.
   * @default none: give `file` instead
   */
  definition?: StudioDefinition;
  /**
   * The studio file's path or the same content as an object, as `file` or `definition` take it.
   * @deprecated The argument's former name: give `file` (a path) or `definition` (an object).
   * @default none
   */
  layout?: string | StudioDefinition;
  /**
   * The studio, when the program knows it (e.g. `new Caster(...).casterId`). Give it here or as the
   * definition's `caster`, not both.
   * @default the definition's `caster`
   */
  casterId?: pulumi.Input<string>;
  /**
   * Earlier names of children, so that resources declared before the studio are taken over rather
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

/** @deprecated The former name of {@link StudioDefinition}. */
export type StudioLayoutInput = StudioDefinition;

/** @deprecated The inputs of {@link StudioLayout}, {@link Studio}'s former name: use {@link StudioArgs}. */
export interface StudioLayoutArgs extends Omit<StudioArgs, "file" | "definition" | "layout"> {
  /**
   * The studio file: a YAML or JSON file's path (relative paths are from the program's working
   * directory, the Pulumi project's folder), or the same content as an object.
   */
  layout: string | StudioDefinition;
}

/**
 * A whole studio, applied as one component: every check of the studio file, for a file or for the
 * same content as one typed object. A {@link CasterVideoResource} per position, a
 * {@link CasterEpisodeGroup} per group, a {@link CasterLayout} per layout (one screen composition),
 * a {@link CasterComponent} per component position, a {@link CasterSceneBinding} per bound scene and
 * a {@link CasterEpisode} per episode, children of this component; and, when the studio is declared
 * new (`caster: { new: { ... } }`), the {@link Caster} itself, `<name>-studio`, which every other
 * child is then made in, once it exists.
 *
 * Children are named from the file, never from its order: `<name>-RV07` for the source at RV07,
 * `<name>-<group>` for a group, `<name>-layout-<layout>` for a layout, `<name>-RC01` for the
 * component at RC01 and `<name>-pgm` / `<name>-pvw` for the scenes' bindings, so reordering the file
 * changes nothing, and moving a source to another position deletes it at the old one and adds it
 * at the new one, in plain sight in `pulumi preview`. A layout waits for the sources it shows, a
 * caption for the source it captions, and a scene binding for the studio this file makes (its
 * scenes exist once it is started).
 *
 * Formerly named {@link StudioLayout}: a stack made with it moves to `Studio` with no change.
 *
 * @example
 * const studio = new Studio("studio", { file: "studio.yaml" });
 * // or one typed object: new Studio("studio", { definition: { caster: { new: { ... } }, sources: { RV01: { ... } } } })
 * export const sources = studio.resourceIds;
 */
export class Studio extends pulumi.ComponentResource {
  /** The engine's type of this component; a subclass for a former name overrides it. */
  protected static readonly typeToken: string = STUDIO_TYPE;
  /**
   * Earlier types of this component, given to the engine as aliases so that a stack made under one
   * (and every child, whose URN carries its parent's type) moves to this one with no change.
   */
  protected static readonly formerTypes: readonly string[] = [STUDIO_LAYOUT_TYPE];

  /** The studio as applied, after checking: the file's content, or the definition given. */
  public readonly definition: StudioDefinition;
  /** The studio's ID: the one the definition or `casterId` names, or the one `caster: { new: ... }` made. */
  public readonly casterId: pulumi.Output<string>;
  /** The studio this component makes (`caster: { new: ... }`); undefined for an existing studio. */
  public readonly studio: Caster | undefined;
  /** The preview (PVW) scene of a studio this component makes, once it is started; undefined otherwise. */
  public readonly pvwSceneId: pulumi.Output<string | undefined>;
  /** The program (PGM) scene of a studio this component makes, once it is started; undefined otherwise. */
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
  /** The studio's show list, when the definition declares one. */
  public readonly showList: CasterShowList | undefined;
  /** A channel-mode studio's channels, by channel (RV01..RV12). */
  public readonly channels: Readonly<Record<string, CasterChannel>>;
  /** The studio's playlist, when the definition declares one. */
  public readonly playlist: CasterPlaylist | undefined;
  /** The virtual studio's studio layouts, by layoutName. */
  public readonly studioLayouts: Readonly<Record<string, CasterStudioLayout>>;

  constructor(name: string, args: StudioArgs, opts?: pulumi.ComponentResourceOptions) {
    const kind = new.target as typeof Studio;
    // Messages name the class the program wrote: Studio, or StudioLayout in a program not moved yet.
    const label = `${kind.typeToken.split(":").pop()} "${name}"`;
    // A bad studio or a missing one fails the program before any resource, even this one, is declared.
    const content = checkedDefinition(label, args);
    const studioGiven = studioOf(label, content.caster, args.casterId);
    if (args.connection !== undefined && content.connection !== undefined) {
      throw new pulumi.RunError(`${label}: the connection is given twice, as the connection argument and as the file's connection:; keep one of them.`);
    }
    // Every child goes through the one connection, so that the whole studio lives in one account and region.
    const connection = args.connection ?? content.connection;
    const connected = connection !== undefined ? { connection } : {};
    const aliases = [...(opts?.aliases ?? []), ...kind.formerTypes.map((type) => ({ type }))];
    super(kind.typeToken, name, {}, { ...opts, aliases });
    // Its children were checked together as one studio file: the program-wide check does not say it again.
    markFileCheckedComponent(this);
    this.definition = content;
    const secrets = new SecretReader(label);
    if ("declared" in studioGiven) {
      // Its casterId is every child's, so each source and group is made in it once it exists.
      const studioArgs = secrets.read(studioGiven.declared, "caster.new") as unknown as CasterArgs;
      // Adopted, the studio's importId is its CasterId.
      if (content.adopt?.caster) studioArgs.importId = content.adopt.caster;
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
    const adopt = content.adopt ?? {};
    const casterId = this.casterId;
    // The studio as the children name it: the given ID as it is (a program's resources beside this
    // component that name the same ID are checked with its children), or the new studio's output.
    const childCasterId: pulumi.Input<string> = "declared" in studioGiven ? this.casterId : studioGiven.casterId;
    const adopted = (ids: Record<string, string> | null | undefined, key: string): { importId?: pulumi.Input<string> } =>
      ids?.[key] !== undefined ? { importId: pulumi.interpolate`${casterId}:${ids[key]}` } : {};
    const sources: Record<string, CasterVideoResource> = {};
    for (const [location, source] of Object.entries(content.sources ?? {})) {
      const args = { ...adopted(adopt.sources, location), ...secrets.read(source, `sources.${location}`), casterId: childCasterId, locationId: location, ...connected } as CasterVideoResourceArgs;
      sources[location] = new CasterVideoResource(`${name}-${location}`, args, childOptions(location));
    }
    const episodeGroups: Record<string, CasterEpisodeGroup> = {};
    for (const [group, definition] of Object.entries(content.episodeGroups ?? {})) {
      // A file's items are a list; a program's may be an Output, which holds no secret references.
      const items = Array.isArray(definition.items)
        ? definition.items.map((item, index) => (isPlainObject(item) ? secrets.read(item, `episodeGroups.${group}.items[${index}]`) : item))
        : definition.items;
      // A group's ID is its ProgramId alone.
      const importId = adopt.episodeGroups?.[group];
      const args = { ...secrets.read(definition, `episodeGroups.${group}`), items, casterId: childCasterId, ...(importId !== undefined ? { importId } : {}), ...connected } as unknown as CasterEpisodeGroupArgs;
      episodeGroups[group] = new CasterEpisodeGroup(`${name}-${group}`, args, childOptions(group));
    }
    this.sources = sources;
    this.episodeGroups = episodeGroups;

    // A channel plays a source of the file, by its ID: it waits for the source, and is freed before it.
    const channels: Record<string, CasterChannel> = {};
    for (const [channelId, definition] of Object.entries(content.channels ?? {})) {
      const { source: position, ...settings } = definition;
      channels[channelId] = new CasterChannel(`${name}-channel-${channelId}`, {
        ...settings,
        casterId: childCasterId,
        channelId,
        source: sources[position],
        ...connected,
      }, childOptions(`channel-${channelId}`));
    }
    this.channels = channels;

    // What is on screen: each layout waits for the sources it shows (the API takes a layout only
    // over positions that hold sources) or, in channel mode, the channels; a caption for the source it captions.
    const sourcesAt = (locations: unknown[]) => [...new Set(locations)]
      .filter((location): location is string => typeof location === "string" && location in sources)
      .map((location) => sources[location]);
    const channelsAt = (locations: unknown[]) => [...new Set(locations)]
      .filter((location): location is string => typeof location === "string" && location in channels)
      .map((location) => channels[location]);
    const layouts: Record<string, CasterLayout> = {};
    for (const [layoutName, definition] of Object.entries(content.layouts ?? {})) {
      const shown = ([definition.videoLayers, definition.audioLayers] as unknown[])
        .flatMap((layers) => (Array.isArray(layers) ? (layers as unknown[]) : []))
        .map((layer) => (isPlainObject(layer) ? layer.locationId : undefined));
      // Layers given as an Output name their positions only later: then the layout waits for every source.
      const waitsFor = Array.isArray(definition.videoLayers) ? [...sourcesAt(shown), ...channelsAt(shown)] : [...Object.values(sources), ...Object.values(channels)];
      const layoutArgs = { ...definition, casterId: childCasterId, ...adopted(adopt.layouts, layoutName), ...connected } as CasterLayoutArgs;
      layouts[layoutName] = new CasterLayout(`${name}-layout-${layoutName}`, layoutArgs, { ...childOptions(`layout-${layoutName}`), dependsOn: waitsFor });
    }
    const components: Record<string, CasterComponent> = {};
    for (const [location, definition] of Object.entries(content.components ?? {})) {
      const caption = isPlainObject(definition.caption) ? definition.caption.sourceLocationId : undefined;
      const componentArgs = { ...definition, casterId: childCasterId, locationId: location, ...adopted(adopt.components, location), ...connected } as CasterComponentArgs;
      components[location] = new CasterComponent(`${name}-${location}`, componentArgs, { ...childOptions(location), dependsOn: sourcesAt([caption]) });
    }
    // Scenes exist once the studio is started: a binding waits for the studio this file makes.
    const sceneBindings: Partial<Record<SceneKey, CasterSceneBinding>> = {};
    for (const key of SCENE_KEYS) {
      const scene = content.scenes?.[key];
      if (!scene) continue;
      sceneBindings[key] = new CasterSceneBinding(`${name}-${key}`, {
        casterId: childCasterId,
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
    for (const [episodeName, definition] of Object.entries(content.episodes ?? {})) {
      const { locationId, components: shown, ...rest } = definition;
      const source = locationId !== undefined ? sources[locationId] : undefined;
      const overlays = (shown ?? []).map((position) => components[position]);
      const episodeArgs: CasterEpisodeArgs = {
        ...rest,
        casterId: childCasterId,
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

    // The show list names no source of the file (a show plays a URL or a media-library asset):
    // it waits only for the studio, which its casterId carries.
    const showList = content.showList;
    this.showList = showList ? new CasterShowList(`${name}-show-list`, {
      ...showList,
      shows: showList.shows.map((show, index) => secrets.read(show, `showList.shows[${index}]`)),
      ...(showList.background ? { background: secrets.read(showList.background, "showList.background") } : {}),
      casterId: childCasterId,
      ...(adopt.showList ? { importId: adopt.showList } : {}),
      ...connected,
    } as CasterShowListArgs, childOptions("show-list")) : undefined;

    // The playlist names nothing of the file but its studio, which its casterId carries.
    const playlist = content.playlist;
    this.playlist = playlist ? new CasterPlaylist(`${name}-playlist`, {
      ...playlist,
      casterId: childCasterId,
      ...(adopt.playlist ? { importId: adopt.playlist } : {}),
      ...connected,
    } as CasterPlaylistArgs, childOptions("playlist")) : undefined;

    // A studio layout names channels, not the file's sources: it waits only for the studio.
    const studioLayouts: Record<string, CasterStudioLayout> = {};
    for (const definition of content.studioLayouts ?? []) {
      const key = `studio-layout-${definition.layoutName}`;
      studioLayouts[definition.layoutName] = new CasterStudioLayout(`${name}-${key}`, {
        ...definition,
        casterId: childCasterId,
        ...adopted(adopt.studioLayouts, definition.layoutName),
        ...connected,
      } as CasterStudioLayoutArgs, childOptions(key));
    }
    this.studioLayouts = studioLayouts;

    this.resourceIds = outputsBy(sources, (source) => source.resourceId);
    this.programIds = outputsBy(episodeGroups, (group) => group.programId);
    this.layoutIds = outputsBy(layouts, (child) => child.layoutId);
    this.componentIds = outputsBy(components, (child) => child.componentId);
    this.boundSceneIds = outputsBy(sceneBindings as Record<string, CasterSceneBinding>, (binding) => binding.sceneId);
    this.episodeIds = outputsBy(episodes, (episode) => episode.episodeId);
    if ([sources, episodeGroups, layouts, components, sceneBindings, episodes, studioLayouts].every((children) => Object.keys(children).length === 0) && !this.showList && !this.playlist) {
      // Declarative, so an empty studio file empties the studio; a file emptied by mistake should be noticed.
      void pulumi.log.warn("the studio file has no sources, episode groups, layouts, components, scenes, episodes or show list: any this component made before are deleted.", this);
    }
    this.registerOutputs({
      casterId: childCasterId,
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

/**
 * @deprecated The former name of {@link Studio}: use `new Studio(name, { file })` (a path) or
 * `new Studio(name, { definition })` (an object). A stack moves to Studio with no change: Studio
 * declares this type as its alias. Until the program moves, this class keeps its own type token,
 * `alicloud-caster:index:StudioLayout`, so an existing stack stays as it is.
 */
export class StudioLayout extends Studio {
  protected static override readonly typeToken: string = STUDIO_LAYOUT_TYPE;
  protected static override readonly formerTypes: readonly string[] = [];

  constructor(name: string, args: StudioLayoutArgs, opts?: pulumi.ComponentResourceOptions) {
    super(name, args, opts);
    // As Pulumi's own SDKs do for a deprecated resource; a Pulumi YAML program gets no other notice (its host ignores the schema's).
    void pulumi.log.warn(STUDIO_LAYOUT_DEPRECATION, this);
  }

  /** @deprecated The studio as applied: use {@link Studio.definition}. */
  get layout(): StudioDefinition {
    return this.definition;
  }
}

/** Reads `{ secret: <key> }` values from the stack's secret config, so the URL stays a secret end to end. */
class SecretReader {
  constructor(private readonly label: string) {}

  read<T extends object>(entry: T, where: string): T {
    return Object.fromEntries(Object.entries(entry).map(([property, value]) => [property, isSecretReference(value) ? this.secret(value, `${where}.${property}`) : value])) as T;
  }

  private secret(reference: SecretReference, where: string): pulumi.Output<string> {
    const [config, key] = configOf(reference.secret);
    const value = config.getSecret(key);
    if (value === undefined) {
      throw new pulumi.RunError(
        `${this.label}: ${where} is the stack secret ${reference.secret}, which is not set; run \`pulumi config set --secret ${reference.secret} <url>\`.`,
      );
    }
    return value;
  }
}

/**
 * The studio from exactly one of `file`, `definition` and the deprecated `layout`, checked; as a
 * RunError, so that the user sees the list of problems rather than a stack trace.
 */
function checkedDefinition(label: string, args: StudioArgs): StudioDefinition {
  const given = (["file", "definition", "layout"] as const).filter((key) => args[key] !== undefined);
  if (given.length !== 1) {
    throw new pulumi.RunError(
      `${label}: ${given.length === 0 ? "no studio is given" : `the studio is given ${given.length} times, as ${given.join(" and ")}`}; give file (a studio file's path) or definition (the same content as an object), one of them.`,
    );
  }
  const [key] = given;
  const value = args[key];
  // Without TypeScript's check (a JavaScript program), a path given as an object or the reverse.
  if (key === "file" && typeof value !== "string") throw new pulumi.RunError(`${label}: file must be a studio file's path; give an object as definition.`);
  if (key === "definition" && (typeof value !== "object" || value === null)) throw new pulumi.RunError(`${label}: definition must be an object; give a studio file's path as file.`);
  try {
    // An object's problems are named after the argument that holds it (`definition sources.RV01...`), a file's by its path.
    return loadLayout(value as string | object, key, {
      // A schedule's warnings (an episode that has started) are printed, and the program goes on.
      onWarning: (warning) => void pulumi.log.warn(`${label}: ${formatProblem(warning)}`),
    }) as StudioDefinition;
  } catch (error) {
    if (error instanceof LayoutError) throw new pulumi.RunError(`${label}: ${error.message}`);
    throw error;
  }
}

/**
 * The studio from exactly one of the component's argument and the definition's `caster`: its ID,
 * or the new studio the definition declares.
 */
function studioOf(
  label: string,
  caster: StudioDefinition["caster"],
  casterId: pulumi.Input<string> | undefined,
): { casterId: pulumi.Input<string> } | { declared: NonNullable<Extract<StudioDefinition["caster"], { new: unknown }>>["new"] } {
  if (casterId !== undefined && caster !== undefined) {
    throw new pulumi.RunError(
      `${label}: the studio is given twice, as the casterId argument and as the file's caster; keep one of them.`,
    );
  }
  if (casterId !== undefined) return { casterId };
  if (caster === undefined) {
    throw new pulumi.RunError(
      `${label}: no studio is given; add caster: { casterId: <ID> }, caster: { config: <stack config key> } or caster: { new: { normType, casterTemplate, ... } } to the file, or pass casterId.`,
    );
  }
  if (isNewStudio(caster)) return { declared: caster.new };
  if ("casterId" in caster) return { casterId: caster.casterId };
  const [config, key] = configOf(caster.config);
  const value = config.get(key);
  if (value === undefined) {
    throw new pulumi.RunError(
      `${label}: the file takes the studio from stack config key ${caster.config}, which is not set; run \`pulumi config set ${caster.config} <casterId>\`.`,
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
