import { z } from "zod";
import { COMPONENT_LOCATION_ID_PATTERN, COMPONENT_LOCATION_ID_RULE, MAX_EPISODE_ITEMS } from "../model/api-facts";
import { caster as casterKind, casterFields } from "../model/kinds/caster";
import { componentFields } from "../model/kinds/caster-component";
import { episodeFields } from "../model/kinds/caster-episode";
import { episodeGroupFields, episodeItemSchema } from "../model/kinds/caster-episode-group";
import { layoutFields as compositionFields } from "../model/kinds/caster-layout";
import { SCENES } from "../model/kinds/caster-scene-binding";
import { channelFields } from "../model/kinds/caster-channel";
import { CHANNEL_ID_PATTERN } from "../model/api-facts";
import { backgroundSchema, showListFields, showSchema } from "../model/kinds/caster-show-list";
import { playlistFields } from "../model/kinds/caster-playlist";
import { adoptedStudioLayoutsSchema, FileStudioLayout, fileStudioLayoutsSchema } from "./studio-layouts";
import { casterIdSchema, LOCATION_ID_PATTERN, SOURCE_PROPERTIES, SourceProperty, videoResourceFields } from "../model/kinds/caster-video-resource";
import { OBJECT_ID_PATTERN } from "../model/fields/import-id";
import { Connection, connectionSchema } from "../model/fields/connection";
import { KEYED_SECTION_NAMES, KEYED_SECTIONS, KeyedSectionName } from "./sections";

/**
 * The studio file (historically "studio layout file", hence the names below), built from the very
 * zod fields the resources check their inputs with: a file that validates here is accepted by the
 * resources, and the JSON Schema generated from it (studio-layout.schema.json) cannot disagree
 * with them.
 *
 * Naming: the *file* is a studio file; a *layout* inside it (`layouts:`) is what the Live API calls
 * a layout, one screen composition (CasterLayout). Identifiers named `Layout…` that predate the
 * `layouts` section (LayoutSource, LayoutCaster, loadLayout) mean the whole file; newer ones say
 * `StudioFile…` (StudioFileDefinition, PlainStudioFile, diffStudioFiles).
 */

// The position is the source's key in the file, and the studio is the layout's `caster`.
// A file has one connection, for all it declares (its `connection:` section), not one per entry.
const { casterId: _sourceCasterId, locationId: _locationId, connection: _sourceConnection, ...sourceFields } = videoResourceFields;
/** A source's properties in a layout: a CasterVideoResource's, less casterId and locationId. */
export const layoutSourceFields = sourceFields;

// The studio comes from `caster`; the ClientToken is always derived, from the group's name; an
// existing group is adopted by the `adopt` section.
const { casterId: _groupCasterId, clientToken: _clientToken, clientTokenScope: _scope, importId: _groupImportId, connection: _groupConnection, ...groupFields } = episodeGroupFields;
/** An episode group's properties in a layout: a CasterEpisodeGroup's, less casterId and the ClientToken. */
export const layoutEpisodeGroupFields = groupFields;

/** A group's name (studio-file/sections.ts). */
export const GROUP_NAME_PATTERN = KEYED_SECTIONS.episodeGroups.keyPattern;
export const GROUP_NAME_RULE = KEYED_SECTIONS.episodeGroups.keyRule;
/** A stack config key, optionally with its namespace: `casterId` or `my-project:casterId`. */
export const CONFIG_KEY_PATTERN = /^(?:[A-Za-z][A-Za-z0-9_.-]*:)?[A-Za-z][A-Za-z0-9_.-]*$/;
export const CONFIG_KEY_RULE = "use a stack config key such as casterId or my-project:casterId.";

/**
 * A URL kept out of the repository: `{ secret: mainCameraUrl }` stands for the stack's secret
 * config value of that key (`pulumi config set --secret mainCameraUrl rtmp://...?auth_key=...`).
 */
export const secretReferenceSchema = z.strictObject({
  secret: z.string().regex(CONFIG_KEY_PATTERN, { error: CONFIG_KEY_RULE })
    .describe("the stack config key of the secret that holds this URL, set with `pulumi config set --secret <key> <url>`"),
}).describe("a URL from the stack's secret config, so a signed URL is never written in the repository");
export type SecretReference = z.infer<typeof secretReferenceSchema>;

/** The URL properties a layout may give as a {@link SecretReference}. */
export const SECRET_CAPABLE_SOURCE_PROPERTIES = ["liveStreamUrl", "vodUrl", "imageUrl"] as const;
export const SECRET_CAPABLE_GROUP_PROPERTIES = ["callbackUrl", "sideOutputUrl"] as const;

/** A resource's URL field, or a secret reference in its place; its description kept for editors. */
function urlOrSecret(field: z.ZodType): z.ZodType {
  const url = field instanceof z.ZodOptional ? (field.unwrap() as z.ZodType) : field;
  const either = z.union([url, secretReferenceSchema]).describe(`${field.description ?? "a URL"}, or { secret: <stack config key> }`);
  return field instanceof z.ZodOptional ? either.optional() : either;
}

function withSecretReferences<T extends Record<string, z.ZodType>>(fields: T, names: readonly string[]): T {
  return Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, names.includes(name) ? urlOrSecret(field) : field])) as T;
}

// A studio the file makes: the Caster kind's properties, less the ClientToken, which is always
// derived (from the project, stack and the component's name for its studio).
const { clientToken: _studioClientToken, clientTokenScope: _studioScope, importId: _studioImportId, connection: _studioConnection, ...studioFields } = casterFields;
/** A new studio's properties in a layout: a Caster's, less the ClientToken. */
export const layoutStudioFields = studioFields;

type StudioFieldSpecs = typeof casterKind.fields;
/** The studio's URL properties that may be signed (secretWhenSigned in the kind's spec). */
export type SecretCapableStudioProperty = {
  [K in keyof StudioFieldSpecs]: StudioFieldSpecs[K] extends { secretWhenSigned: true } ? K : never;
}[keyof StudioFieldSpecs];
/** The URL properties of a new studio that a layout may give as a {@link SecretReference}: those the kind stores as a secret when signed. */
export const SECRET_CAPABLE_STUDIO_PROPERTIES = Object.entries(casterKind.fields)
  .filter(([, field]) => "secretWhenSigned" in field)
  .map(([name]) => name) as SecretCapableStudioProperty[];

/** The key of `caster:` that declares a studio made by the file: `caster: { new: { normType: 1, ... } }`. */
export const NEW_STUDIO_KEY = "new" as const;

export const layoutStudioSchema = z.strictObject(withSecretReferences(layoutStudioFields, SECRET_CAPABLE_STUDIO_PROPERTIES))
  .describe("a new studio, made and managed by this layout: the Caster resource's properties (normType, casterTemplate, domainName, running, ...)");

export const layoutCasterSchema = z.union([
  z.strictObject({ casterId: casterIdSchema }).describe("an existing studio, by its ID"),
  z.strictObject({
    config: z.string().regex(CONFIG_KEY_PATTERN, { error: CONFIG_KEY_RULE })
      .describe("the stack config key that holds the studio's ID, e.g. casterId (set with `pulumi config set casterId ...`)"),
  }).describe("the studio whose ID is in the stack's config"),
  z.strictObject({ new: layoutStudioSchema }).describe("a new studio that this layout makes and manages, with its configuration"),
]).describe("the production studio: { casterId: <ID> } or { config: <stack config key> } for an existing one, or { new: { normType, casterTemplate, ... } } for one this layout makes");

const layoutItemSchema = z.strictObject({
  itemName: episodeItemSchema.shape.itemName,
  vodUrl: urlOrSecret(episodeItemSchema.shape.vodUrl),
});

export const layoutSourceSchema = z.strictObject(withSecretReferences(layoutSourceFields, SECRET_CAPABLE_SOURCE_PROPERTIES))
  .describe(`a video source at this position: its resourceName and exactly one of ${SOURCE_PROPERTIES.join(", ")}`);

export const layoutEpisodeGroupSchema = z.strictObject({
  ...withSecretReferences(layoutEpisodeGroupFields, SECRET_CAPABLE_GROUP_PROPERTIES),
  items: z.array(layoutItemSchema).min(1).max(MAX_EPISODE_ITEMS).describe(layoutEpisodeGroupFields.items.description ?? "the episodes"),
}).describe("a scheduled carousel playlist of VOD files: startTime, repeatNum and items");

// Layouts, components and scenes: what is on screen --------------------------------------------

// A layout's studio is the file's: the CasterLayout kind's properties, less casterId.
const { casterId: _compositionCasterId, importId: _layoutImportId, connection: _layoutConnection, ...fileLayoutEntryFields } = compositionFields;
/** A layout's properties in a studio file: a CasterLayout's, less casterId (videoLayers, audioLayers). */
export const fileLayoutFields = fileLayoutEntryFields;

// A component's position is its key in the file, and its studio the file's.
const { casterId: _componentCasterId, locationId: _componentLocation, importId: _componentImportId, connection: _componentConnection, ...fileComponentEntryFields } = componentFields;
/** A component's properties in a studio file: a CasterComponent's, less casterId and locationId. */
export const fileComponentFields = fileComponentEntryFields;

/** A layout's name (studio-file/sections.ts). */
export const LAYOUT_NAME_PATTERN = KEYED_SECTIONS.layouts.keyPattern;
export const LAYOUT_NAME_RULE = KEYED_SECTIONS.layouts.keyRule;

/** The scenes, as the file names them: `pgm` and `pvw`, the CasterSceneBinding kind's scenes. */
export const SCENE_KEYS = SCENES.map((scene) => scene.toLowerCase() as Lowercase<(typeof SCENES)[number]>);
export type SceneKey = (typeof SCENE_KEYS)[number];
/** The kind's name of a scene key: pgm → PGM. */
export function sceneOfKey(key: SceneKey): (typeof SCENES)[number] {
  return key.toUpperCase() as (typeof SCENES)[number];
}

export const fileLayoutSchema = z.strictObject(fileLayoutFields)
  .describe("a layout: the video layers (which source, where, how large) from bottom to top, and the audio layers");

export const fileComponentSchema = z.strictObject(fileComponentFields)
  .describe("an overlay at this component position: its componentType and the property of that name (text, image or caption), and its geometry");

export const fileSceneSchema = z.strictObject({
  layout: z.string().regex(LAYOUT_NAME_PATTERN, { error: LAYOUT_NAME_RULE })
    .describe("the layout the scene shows, by its name in layouts"),
  components: z.array(z.string().regex(COMPONENT_LOCATION_ID_PATTERN, { error: COMPONENT_LOCATION_ID_RULE }), { error: "give a list of component positions, e.g. [RC01, RC02]." })
    .optional()
    .describe("the components shown over the layout, bottom to top, by their positions in components (RC01..RC99)"),
}).describe("what the scene shows: a layout by name and the components over it by position; declared whole, as SetCasterSceneConfig replaces it whole");

export const fileScenesSchema = z.strictObject(Object.fromEntries(SCENE_KEYS.map((key) => [key, fileSceneSchema.optional()
  .describe(key === "pgm" ? "the program output, what goes on air" : "the preview")])) as Record<SceneKey, z.ZodOptional<typeof fileSceneSchema>>)
  .describe("what the studio's scenes show: pgm (on air) and pvw (the preview); scenes exist on a started studio only");

// The schedule: episodes ----------------------------------------------------------------------

// An episode's studio is the file's; its source is a position of the file (locationId) and its
// components are positions of the file's components, which the file's resources turn into IDs.
const { casterId: _episodeCasterId, resourceId: _episodeResourceId, componentIds: _episodeComponentIds, importId: _episodeImportId, connection: _episodeConnection, ...fileEpisodeEntryFields } = episodeFields;
/** An episode's properties in a studio file: a CasterEpisode's, less casterId, resourceId and componentIds. */
export const fileEpisodeFields = fileEpisodeEntryFields;

/** An episode's name in the file (studio-file/sections.ts). */
export const EPISODE_KEY_PATTERN = KEYED_SECTIONS.episodes.keyPattern;
export const EPISODE_KEY_RULE = KEYED_SECTIONS.episodes.keyRule;

export const fileEpisodeSchema = z.strictObject({
  ...fileEpisodeFields,
  components: z.array(z.string().regex(COMPONENT_LOCATION_ID_PATTERN, { error: COMPONENT_LOCATION_ID_RULE }), { error: "give a list of component positions, e.g. [RC01, RC02]." })
    .optional()
    .describe("the components shown, bottom to top, by their positions in components (RC01..RC99): over the source, or alone when there is no locationId"),
}).describe("an episode of the schedule: from startTime to endTime the studio shows the source at locationId (with components over it) or the components alone");

/** An IANA time zone the reviewer reads the schedule in, e.g. Asia/Shanghai. */
export const timeZoneSchema = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, { error: "use an IANA time zone such as Asia/Shanghai, Europe/Berlin or UTC." })
  .describe("the time zone the schedule is shown in besides UTC (render, diff, validate), an IANA name such as Asia/Shanghai");

// The show list: one per studio ------------------------------------------------------------------

// Its studio is the file's; an existing list is taken over by `adopt.showList`.
const { casterId: _showListCasterId, importId: _showListImportId, connection: _showListConnection, ...fileShowListEntryFields } = showListFields;
/** A show list's properties in a studio file, as the kind checks them: a CasterShowList's, less casterId. */
export const fileShowListFields = fileShowListEntryFields;

/**
 * A schema of the kind's, with its URL from the stack's secrets where it is signed: the kind's
 * fields, its messages and its checks (the list's bounds) kept, so a file reads as the resource.
 */
function withSecretUrl<Shape extends z.ZodRawShape>(object: z.ZodObject<Shape>) {
  const shape = { ...object.shape, resourceUrl: urlOrSecret(object.shape.resourceUrl as z.ZodType) };
  const withSecret = z.strictObject(shape, { error: object._zod.def.error as never });
  return object.description === undefined ? withSecret : withSecret.describe(object.description);
}

/** A show in a studio file: the kind's, its resourceUrl possibly a secret reference. */
export const fileShowSchema = withSecretUrl(showSchema);
/** The list's background in a studio file, its resourceUrl possibly a secret reference. */
export const fileBackgroundSchema = withSecretUrl(backgroundSchema);

const kindShows = fileShowListEntryFields.shows;
export const fileShowListSchema = z.strictObject({
  ...fileShowListEntryFields,
  shows: z.array(fileShowSchema, { error: kindShows._zod.def.error as never }).check(...((kindShows._zod.def.checks ?? []) as never[])).describe(kindShows.description as string),
  background: fileBackgroundSchema.optional().describe(fileShowListEntryFields.background.description as string),
})
  .describe("the studio's show list: its shows in playing order, how often the list repeats, the show that interrupts it at a set time, and its background");

// Channels: a channel-mode studio's channels, RV01 to RV12 -----------------------------------------

// A channel's studio is the file's; its source is a position of the file's sources. A channel that
// already plays its source as declared is taken with no call: channels need no adopt entry.
const { casterId: _channelCasterId, channelId: _channelId, resourceId: _channelResourceId, connection: _channelConnection, ...fileChannelEntryFields } = channelFields;
/** A channel's properties in a studio file: a CasterChannel's, less casterId, channelId (its key) and resourceId. */
export const fileChannelFields = {
  source: z.string().regex(LOCATION_ID_PATTERN, { error: "use the position of one of the file's sources, RV01 to RV99." })
    .describe("the source the channel plays, by its position in sources (RV01..RV99)"),
  ...fileChannelEntryFields,
};
export const fileChannelSchema = z.strictObject(fileChannelFields)
  .describe("a channel and the source it plays, by the source's position; its face retouching; how a video file starts on it");
export type FileChannel = z.infer<typeof fileChannelSchema>;
// The playlist: one per lightweight carousel studio ------------------------------------------------

// Its studio is the file's; an existing playlist is taken over by `adopt.playlist`. It holds no URL, so no secret.
const { casterId: _playlistCasterId, importId: _playlistImportId, connection: _playlistConnection, ...filePlaylistEntryFields } = playlistFields;
/** A playlist's properties in a studio file, as the kind checks them: a CasterPlaylist's, less casterId. */
export const filePlaylistFields = filePlaylistEntryFields;
export const filePlaylistSchema = z.strictObject(filePlaylistEntryFields)
  .describe("a lightweight carousel studio's playlist (normType 3): its items in playing order (VOD media IDs), its name and how often it repeats");
/** A playlist of a studio file. */
export type FilePlaylist = z.infer<typeof filePlaylistSchema>;
export type FilePlaylistItem = FilePlaylist["items"][number];

// Adopting: what the first `pulumi up` takes over ------------------------------------------------

/** The sections of `adopt`, each keyed as the file's section of that name, with what its IDs are. */
export const ADOPT_SECTIONS = Object.fromEntries(KEYED_SECTION_NAMES.map((name) => [name, { keyPattern: KEYED_SECTIONS[name].keyPattern, ...KEYED_SECTIONS[name].adopt }])) as {
  [Name in KeyedSectionName]: { keyPattern: RegExp } & (typeof KEYED_SECTIONS)[Name]["adopt"];
};
export type AdoptSection = KeyedSectionName;

/** An object's ID as the API gives it, the form of the kinds' importIds (less the studio). */
function adoptedIdSchema(section: AdoptSection) {
  const { id, noun, foundWith } = ADOPT_SECTIONS[section];
  return z.string().regex(OBJECT_ID_PATTERN, { error: `use the ${noun}'s ${id} as ${foundWith} gives it: 1 to 64 letters, digits, - or _.` })
    .describe(`the existing ${noun}'s ${id}`);
}

export const fileAdoptSchema = z.strictObject({
  caster: casterIdSchema.optional()
    .describe("the existing studio that caster: { new: ... } declares, by its CasterId: taken over instead of made"),
  ...(Object.fromEntries(Object.entries(ADOPT_SECTIONS).map(([section, { keyPattern, noun }]) => [section,
    z.record(z.string().regex(keyPattern), adoptedIdSchema(section as AdoptSection)).nullable().optional()
      .describe(`the existing ${noun}s taken over, keyed as in ${section}`)])) as Record<AdoptSection, z.ZodOptional<z.ZodNullable<z.ZodRecord<z.ZodString, z.ZodString>>>>),
  showList: casterIdSchema.optional()
    .describe("the studio's existing show list, taken over by the studio's CasterId (a studio has one list): shows the file does not declare are removed"),
  playlist: z.string().regex(OBJECT_ID_PATTERN, { error: "use the playlist's ProgramId as ListPlaylist gives it: 1 to 64 letters, digits, - or _." }).optional()
    .describe("the studio's existing playlist, taken over by its ProgramId (a studio has one playlist): items the file does not declare are removed"),
  studioLayouts: adoptedStudioLayoutsSchema,
}).describe("the existing objects' IDs, keyed as the file's sections are: caster (with caster: { new: ... }), sources, layouts, components, episodes, episodeGroups, showList (the studio's CasterId), playlist (its ProgramId) and studioLayouts (by name)");

export const studioLayoutSchema = z.strictObject({
  $schema: z.string().optional().describe("the JSON Schema of this file, for editors"),
  caster: layoutCasterSchema.optional(),
  // null: a `sources:` left empty in YAML, as when the last source is removed.
  sources: z.record(z.string().regex(LOCATION_ID_PATTERN), layoutSourceSchema).nullable().optional()
    .describe("the video sources, keyed by layout position RV01 to RV99"),
  episodeGroups: z.record(z.string().regex(GROUP_NAME_PATTERN), layoutEpisodeGroupSchema).nullable().optional()
    .describe("the episode groups, keyed by a name that identifies each group, e.g. evening-loop"),
  layouts: z.record(z.string().regex(LAYOUT_NAME_PATTERN), fileLayoutSchema).nullable().optional()
    .describe("the layouts (screen compositions), keyed by a name of yours, e.g. pip"),
  components: z.record(z.string().regex(COMPONENT_LOCATION_ID_PATTERN), fileComponentSchema).nullable().optional()
    .describe("the components (text, image and caption overlays), keyed by component position RC01 to RC99"),
  scenes: fileScenesSchema.nullable().optional(),
  episodes: z.record(z.string().regex(EPISODE_KEY_PATTERN, { error: EPISODE_KEY_RULE }), fileEpisodeSchema).nullable().optional()
    .describe("the schedule's episodes, keyed by a name of yours, e.g. evening-news"),
  showList: fileShowListSchema.nullable().optional(),
  channels: z.record(z.string().regex(CHANNEL_ID_PATTERN), fileChannelSchema).nullable().optional()
    .describe("a channel-mode studio's channels (caster.new.channelMode: true), keyed by channel RV01 to RV12, each with the source it plays"),
  playlist: filePlaylistSchema.nullable().optional(),
  studioLayouts: fileStudioLayoutsSchema,
  timeZone: timeZoneSchema.optional(),
  connection: connectionSchema
    .describe("how everything in this file reaches Alibaba Cloud, when not with the stack's settings: { profile, region, endpoint, assumeRole: { roleArn, sessionName, externalId, sessionExpiration }, stsEndpoint }; names where credentials are, never holds them"),
  adopt: fileAdoptSchema.nullable().optional()
    .describe("what the first `pulumi up` takes over instead of making new (written by `caster-studio export`); remove it once that has run"),
}).describe("An ApsaraVideo Live production studio as one file: the studio, its video sources by position, its episode groups, its layouts, components, what its scenes show, its schedule of episodes, and its show list.");

const plainStudioSchema = z.strictObject(layoutStudioFields);
/** A new studio with every URL as text (secret references read, or shown by name). */
export type LayoutStudio = z.infer<typeof plainStudioSchema>;
/** A new studio as the file gives it: its signable URLs may be secret references. */
export type LayoutStudioDefinition = OrSecret<LayoutStudio, SecretCapableStudioProperty>;
/** The studio of a layout, with any URL of a new one as text. */
export type LayoutCaster = { casterId: string } | { config: string } | { new: LayoutStudio };
/** The studio of a layout as the file gives it. */
export type LayoutCasterDefinition = { casterId: string } | { config: string } | { new: LayoutStudioDefinition };
const plainSourceSchema = z.strictObject(layoutSourceFields);
const plainEpisodeGroupSchema = z.strictObject(layoutEpisodeGroupFields);
/** A source with every URL as text (secret references read, or shown by name). */
export type LayoutSource = z.infer<typeof plainSourceSchema>;
/** An episode group with every URL as text. */
export type LayoutEpisodeGroup = z.infer<typeof plainEpisodeGroupSchema>;

type OrSecret<T, K extends keyof T> = Omit<T, K> & { [P in K]?: Exclude<T[P], undefined> | SecretReference };
export type LayoutSourceDefinition = OrSecret<LayoutSource, (typeof SECRET_CAPABLE_SOURCE_PROPERTIES)[number]>;
export type LayoutEpisodeGroupDefinition = Omit<OrSecret<LayoutEpisodeGroup, (typeof SECRET_CAPABLE_GROUP_PROPERTIES)[number]>, "items"> & {
  items: { itemName: string; vodUrl: string | SecretReference }[];
};

/** A layout (one screen composition) of a studio file. */
export type FileLayout = z.infer<typeof fileLayoutSchema>;
/** A component (an overlay) of a studio file. */
export type FileComponent = z.infer<typeof fileComponentSchema>;
/** What one scene shows. */
export type FileScene = z.infer<typeof fileSceneSchema>;
/** What the first `pulumi up` adopts: existing objects' IDs, keyed as the file's sections are. */
export type FileAdopt = z.infer<typeof fileAdoptSchema>;
/** An episode of a studio file's schedule. */
export type FileEpisode = z.infer<typeof fileEpisodeSchema>;
export type FileScenes = Partial<Record<SceneKey, FileScene>>;

const plainShowListSchema = z.strictObject({
  ...fileShowListEntryFields,
  shows: z.array(showSchema),
  background: backgroundSchema.optional(),
});
/** A show list with every URL as text (secret references read, or shown by name). */
export type FileShowList = z.infer<typeof plainShowListSchema>;
/** A show of a studio file, its URL as text. */
export type FileShow = FileShowList["shows"][number];
/** A show list as the file gives it: a show's or the background's resourceUrl may be a secret reference. */
export type FileShowListDefinition = Omit<FileShowList, "shows" | "background"> & {
  shows: OrSecret<FileShow, "resourceUrl">[];
  background?: OrSecret<NonNullable<FileShowList["background"]>, "resourceUrl">;
};

/** What is on screen: the sections a file's layouts, components and scenes are in. They hold no URL. */
interface Composition {
  layouts?: Record<string, FileLayout> | null;
  components?: Record<string, FileComponent> | null;
  scenes?: FileScenes | null;
  /** A channel-mode studio's channels; they hold no URL. */
  channels?: Record<string, FileChannel> | null;
  /** The schedule; it holds no URL either. */
  episodes?: Record<string, FileEpisode> | null;
  timeZone?: string;
  /** How everything in the file reaches Alibaba Cloud; names where credentials are, holds none. */
  connection?: Connection;
  /** What the first `pulumi up` takes over; IDs only. */
  adopt?: FileAdopt | null;
  /** A virtual studio's studio layouts. */
  studioLayouts?: FileStudioLayout[] | null;
}

/** A studio file as the file gives it. */
export interface StudioFileDefinition extends Composition {
  $schema?: string;
  caster?: LayoutCasterDefinition;
  sources?: Record<string, LayoutSourceDefinition> | null;
  episodeGroups?: Record<string, LayoutEpisodeGroupDefinition> | null;
  showList?: FileShowListDefinition | null;
  playlist?: FilePlaylist | null;
}

/** @deprecated The former name of {@link StudioFileDefinition}: the whole studio file, not one layout. */
export type StudioLayoutDefinition = StudioFileDefinition;

/** A studio file with its secret references as text, for a picture or a summary that must not read secrets. */
export interface PlainStudioFile extends Composition {
  caster?: LayoutCaster;
  sources?: Record<string, LayoutSource> | null;
  episodeGroups?: Record<string, LayoutEpisodeGroup> | null;
  showList?: FileShowList | null;
  playlist?: FilePlaylist | null;
}

export function isSecretReference(value: unknown): value is SecretReference {
  return typeof value === "object" && value !== null && typeof (value as { secret?: unknown }).secret === "string" && Object.keys(value).length === 1;
}

/** `{ secret: mainCameraUrl }` → `stack secret mainCameraUrl`: what the reviewer sees instead of the URL. */
export function withSecretsAsText(layout: StudioFileDefinition): PlainStudioFile {
  const text = (value: unknown) => (isSecretReference(value) ? `stack secret ${value.secret}` : value);
  const asText = (entry: object) => Object.fromEntries(Object.entries(entry).map(([key, value]) => [key, text(value)]));
  const mapValues = <T>(entries: Record<string, T> | null | undefined, map: (entry: T) => unknown) =>
    entries ? Object.fromEntries(Object.entries(entries).map(([key, entry]) => [key, map(entry)])) : entries;
  return {
    caster: layout.caster !== undefined && isNewStudio(layout.caster)
      ? { new: Object.fromEntries(Object.entries(layout.caster.new).map(([key, value]) => [key, text(value)])) }
      : layout.caster,
    sources: mapValues(layout.sources, asText),
    episodeGroups: mapValues(layout.episodeGroups, (group) => ({
      ...Object.fromEntries(Object.entries(group).map(([key, value]) => [key, text(value)])),
      items: group.items.map((item) => ({ itemName: item.itemName, vodUrl: text(item.vodUrl) })),
    })),
    showList: layout.showList ? {
      ...layout.showList,
      shows: layout.showList.shows.map(asText),
      ...(layout.showList.background ? { background: asText(layout.showList.background) } : {}),
    } : layout.showList,
    playlist: layout.playlist,
    layouts: layout.layouts,
    components: layout.components,
    scenes: layout.scenes,
    episodes: layout.episodes,
    channels: layout.channels,
    timeZone: layout.timeZone,
    connection: layout.connection,
    adopt: layout.adopt,
    studioLayouts: layout.studioLayouts,
  } as PlainStudioFile;
}

/**
 * Whether a file's layouts show channels: its new studio declares channel mode, or the file sets
 * channels (which only a channel-mode studio has). A studio whose mode the file does not say is read
 * as without channels, as the API's default has it.
 */
export function inChannelMode(file: { caster?: unknown; channels?: unknown }): boolean {
  const caster = file.caster;
  const studio = typeof caster === "object" && caster !== null && NEW_STUDIO_KEY in caster ? (caster as Record<string, unknown>)[NEW_STUDIO_KEY] : undefined;
  const channels = file.channels;
  return (typeof studio === "object" && studio !== null && (studio as { channelMode?: unknown }).channelMode === true)
    || (typeof channels === "object" && channels !== null && Object.keys(channels).some((key) => CHANNEL_ID_PATTERN.test(key)));
}

/** Whether the layout's `caster` declares a studio the file makes. */
export function isNewStudio<T extends object>(caster: T | undefined): caster is Extract<T, { new: unknown }> {
  return typeof caster === "object" && caster !== null && NEW_STUDIO_KEY in caster;
}

/** What a source plays, as a reviewer reads it; the kind is the one source property that is set. */
export const SOURCE_KINDS: Record<SourceProperty, string> = {
  liveStreamUrl: "live stream",
  vodUrl: "VOD file",
  materialId: "media asset",
  imageId: "image asset",
  imageUrl: "image",
};

/** The source property a (valid) source sets. */
export function sourcePropertyOf(source: LayoutSource | LayoutSourceDefinition): SourceProperty {
  const property = SOURCE_PROPERTIES.find((name) => source[name] !== undefined);
  if (!property) throw new Error(`source "${source.resourceName}" sets none of ${SOURCE_PROPERTIES.join(", ")}`);
  return property;
}

/** The layout's positions in order RV01..RV99, whatever order the file lists them in. */
export function sortedLocations(layout: StudioFileDefinition | PlainStudioFile): string[] {
  return Object.keys(layout.sources ?? {}).sort();
}
