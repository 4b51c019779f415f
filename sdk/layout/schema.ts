import { z } from "zod";
import { episodeGroupFields } from "../../provider/episode-group/schema";
import { casterIdSchema, LOCATION_ID_PATTERN, SOURCE_PROPERTIES, SourceProperty, videoResourceFields } from "../../provider/video-resource/schema";

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
export const LOCATION_KEY_RULE = "use a layout position from RV01 to RV99, always two digits (RV07, not RV7).";
/** A stack config key, optionally with its namespace: `casterId` or `my-project:casterId`. */
export const CONFIG_KEY_PATTERN = /^(?:[A-Za-z][A-Za-z0-9_.-]*:)?[A-Za-z][A-Za-z0-9_.-]*$/;

export const layoutCasterSchema = z.union([
  z.strictObject({ casterId: casterIdSchema }).describe("an existing studio, by its ID"),
  z.strictObject({
    config: z.string().regex(CONFIG_KEY_PATTERN, { error: "use a stack config key such as casterId or my-project:casterId." })
      .describe("the stack config key that holds the studio's ID, e.g. casterId (set with `pulumi config set casterId ...`)"),
  }).describe("the studio whose ID is in the stack's config"),
]).describe("the production studio: { casterId: <ID> } or { config: <stack config key> }");

export const layoutSourceSchema = z.strictObject(layoutSourceFields)
  .describe(`a video source at this position: its resourceName and exactly one of ${SOURCE_PROPERTIES.join(", ")}`);

export const layoutEpisodeGroupSchema = z.strictObject(layoutEpisodeGroupFields)
  .describe("a scheduled carousel playlist of VOD files: startTime, repeatNum and items");

export const studioLayoutSchema = z.strictObject({
  $schema: z.string().optional().describe("the JSON Schema of this file, for editors"),
  caster: layoutCasterSchema.optional(),
  sources: z.record(z.string().regex(LOCATION_ID_PATTERN), layoutSourceSchema).optional()
    .describe("the video sources, keyed by layout position RV01 to RV99"),
  episodeGroups: z.record(z.string().regex(GROUP_NAME_PATTERN), layoutEpisodeGroupSchema).optional()
    .describe("the episode groups, keyed by a name that identifies each group, e.g. evening-loop"),
}).describe("An ApsaraVideo Live production studio's layout: its video sources by position and its episode groups.");

export type LayoutCaster = z.infer<typeof layoutCasterSchema>;
export type LayoutSource = z.infer<typeof layoutSourceSchema>;
export type LayoutEpisodeGroup = z.infer<typeof layoutEpisodeGroupSchema>;
/** A studio layout as the file gives it. */
export type StudioLayoutDefinition = z.infer<typeof studioLayoutSchema>;

/** What a source plays, as a reviewer reads it; the kind is the one source property that is set. */
export const SOURCE_KINDS: Record<SourceProperty, string> = {
  liveStreamUrl: "live stream",
  vodUrl: "VOD file",
  materialId: "media asset",
  imageId: "image asset",
  imageUrl: "image",
};

/** The source property a (valid) source sets. */
export function sourcePropertyOf(source: LayoutSource): SourceProperty {
  const property = SOURCE_PROPERTIES.find((name) => source[name] !== undefined);
  if (!property) throw new Error(`source "${source.resourceName}" sets none of ${SOURCE_PROPERTIES.join(", ")}`);
  return property;
}

/** The layout's positions in order RV01..RV99, whatever order the file lists them in. */
export function sortedLocations(layout: StudioLayoutDefinition): string[] {
  return Object.keys(layout.sources ?? {}).sort();
}
