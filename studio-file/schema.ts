import { z } from "zod";
import { MAX_EPISODE_ITEMS } from "../spec/api-facts";
import { episodeGroupFields, episodeItemSchema } from "../spec/kinds/caster-episode-group";
import { casterIdSchema, LOCATION_ID_PATTERN, SOURCE_PROPERTIES, SourceProperty, videoResourceFields } from "../spec/kinds/caster-video-resource";

/**
 * The studio layout file, built from the very zod fields the two resources check their inputs
 * with: a layout that validates here is accepted by the resources, and the JSON Schema generated
 * from it (studio-layout.schema.json) cannot disagree with either.
 */

// The position is the source's key in the file, and the studio is the layout's `caster`.
const { casterId: _sourceCasterId, locationId: _locationId, ...sourceFields } = videoResourceFields;
/** A source's properties in a layout: a CasterVideoResource's, less casterId and locationId. */
export const layoutSourceFields = sourceFields;

// The studio comes from `caster`; the ClientToken is always derived, from the group's name.
const { casterId: _groupCasterId, clientToken: _clientToken, clientTokenScope: _scope, ...groupFields } = episodeGroupFields;
/** An episode group's properties in a layout: a CasterEpisodeGroup's, less casterId and the ClientToken. */
export const layoutEpisodeGroupFields = groupFields;

/**
 * Lower-case, so a group's child resource (`<layout>-<group>`) can never take the name of a
 * source's (`<layout>-RV07`).
 */
export const GROUP_NAME_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
export const GROUP_NAME_RULE = "use 1 to 40 lower-case letters, digits and hyphens, starting and ending with a letter or digit, e.g. evening-loop.";
/** A stack config key, optionally with its namespace: `casterId` or `my-project:casterId`. */
export const CONFIG_KEY_PATTERN = /^(?:[A-Za-z][A-Za-z0-9_.-]*:)?[A-Za-z][A-Za-z0-9_.-]*$/;
export const CONFIG_KEY_RULE = "use a stack config key such as casterId or my-project:casterId.";

export const layoutCasterSchema = z.union([
  z.strictObject({ casterId: casterIdSchema }).describe("an existing studio, by its ID"),
  z.strictObject({
    config: z.string().regex(CONFIG_KEY_PATTERN, { error: CONFIG_KEY_RULE })
      .describe("the stack config key that holds the studio's ID, e.g. casterId (set with `pulumi config set casterId ...`)"),
  }).describe("the studio whose ID is in the stack's config"),
]).describe("the production studio: { casterId: <ID> } or { config: <stack config key> }");

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

export const studioLayoutSchema = z.strictObject({
  $schema: z.string().optional().describe("the JSON Schema of this file, for editors"),
  caster: layoutCasterSchema.optional(),
  // null: a `sources:` left empty in YAML, as when the last source is removed.
  sources: z.record(z.string().regex(LOCATION_ID_PATTERN), layoutSourceSchema).nullable().optional()
    .describe("the video sources, keyed by layout position RV01 to RV99"),
  episodeGroups: z.record(z.string().regex(GROUP_NAME_PATTERN), layoutEpisodeGroupSchema).nullable().optional()
    .describe("the episode groups, keyed by a name that identifies each group, e.g. evening-loop"),
}).describe("An ApsaraVideo Live production studio's layout: its video sources by position and its episode groups.");

export type LayoutCaster = z.infer<typeof layoutCasterSchema>;
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

/** A studio layout as the file gives it. */
export interface StudioLayoutDefinition {
  $schema?: string;
  caster?: LayoutCaster;
  sources?: Record<string, LayoutSourceDefinition> | null;
  episodeGroups?: Record<string, LayoutEpisodeGroupDefinition> | null;
}

/** A layout with its secret references as text, for a picture or a summary that must not read secrets. */
export interface PlainStudioLayout {
  caster?: LayoutCaster;
  sources?: Record<string, LayoutSource> | null;
  episodeGroups?: Record<string, LayoutEpisodeGroup> | null;
}

export function isSecretReference(value: unknown): value is SecretReference {
  return typeof value === "object" && value !== null && typeof (value as { secret?: unknown }).secret === "string" && Object.keys(value).length === 1;
}

/** `{ secret: mainCameraUrl }` → `stack secret mainCameraUrl`: what the reviewer sees instead of the URL. */
export function withSecretsAsText(layout: StudioLayoutDefinition): PlainStudioLayout {
  const text = (value: unknown) => (isSecretReference(value) ? `stack secret ${value.secret}` : value);
  const mapValues = <T>(entries: Record<string, T> | null | undefined, map: (entry: T) => unknown) =>
    entries ? Object.fromEntries(Object.entries(entries).map(([key, entry]) => [key, map(entry)])) : entries;
  return {
    caster: layout.caster,
    sources: mapValues(layout.sources, (source) => Object.fromEntries(Object.entries(source).map(([key, value]) => [key, text(value)]))),
    episodeGroups: mapValues(layout.episodeGroups, (group) => ({
      ...Object.fromEntries(Object.entries(group).map(([key, value]) => [key, text(value)])),
      items: group.items.map((item) => ({ itemName: item.itemName, vodUrl: text(item.vodUrl) })),
    })),
  } as PlainStudioLayout;
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
export function sortedLocations(layout: StudioLayoutDefinition | PlainStudioLayout): string[] {
  return Object.keys(layout.sources ?? {}).sort();
}
