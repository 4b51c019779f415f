import { isDeepStrictEqual } from "node:util";
import { checkInputs, CheckFailure, InputSpec } from "../../common/check";
import { hasSignature, redactSignatures } from "../../common/redact";
import { COMPONENT_DEFAULTS, COMPONENT_TYPES, EPISODE_STATUS, toApiTime } from "../../model/api-facts";
import { withoutDefaults } from "../../model/fields/nested";
import { caster as casterKind, casterSpec } from "../../model/kinds/caster";
import { CAPTION_FIELDS, casterComponent, componentFields, GEOMETRY_FIELDS, TEXT_FIELDS } from "../../model/kinds/caster-component";
import { episodeSpec } from "../../model/kinds/caster-episode";
import { AUDIO_LAYER_FIELDS, layoutSpec, VIDEO_LAYER_FIELDS } from "../../model/kinds/caster-layout";
import { casterChannel } from "../../model/kinds/caster-channel";
import { casterShowList, Show, showListFields } from "../../model/kinds/caster-show-list";
import { casterVideoResource, videoResourceSpec } from "../../model/kinds/caster-video-resource";
import { FieldSpec, innerType } from "../../model/kinds/kind";
import { fileChannelFields, SECRET_CAPABLE_SOURCE_PROPERTIES, SECRET_CAPABLE_STUDIO_PROPERTIES, SceneKey } from "../../studio-file/schema";
import { spanPhrase } from "../../studio-file/words";
import { fromApi as componentFromApi } from "../component/provider";
import { fromApi as episodeFromApi } from "../episode/provider";
import { comparableLayers, layersFromApi } from "../layout/provider";
import { bindingOf, OUTPUT_TYPE } from "../scene/provider";
import { fromApi as showListFromApi } from "../show-list/provider";
import { fromApi as playlistFromApi } from "../playlist/provider";
import { casterPlaylist, playlistFields } from "../../model/kinds/caster-playlist";
import { fromApi as studioLayoutFromApi } from "../studio-layout/provider";
import { casterStudioLayout, MEDIA_INPUT_FIELDS, studioLayoutFields } from "../../model/kinds/caster-studio-layout";
import { outputsFromApi } from "../video-resource/provider";
import { StudioReading } from "./read";

/**
 * A studio as a studio file says it: each object through its provider's own mapping of the API's
 * reply (the very one refresh uses), then only what differs from what the file's omission means
 * (the kind's `whenOmitted`, the *_DEFAULTS of model/api-facts.ts), so that the file, applied with
 * the Studio component, reads back as no change. What a file cannot say is left out, with a
 * comment and a warning: the studio keeps it, unmanaged.
 */

/** The top-level sections, in the order the file has them. */
export const SECTIONS = ["caster", "timeZone", "sources", "channels", "layouts", "components", "scenes", "episodes", "showList", "playlist", "studioLayouts", "adopt"] as const;
export type Section = (typeof SECTIONS)[number];
type Entry = Record<string, unknown>;

/** A signed URL (or one with a password), kept out of the file: `pulumi config set --secret <key> '<url>'`. */
export interface StackSecret {
  key: string;
  url: string;
  /** Where the file refers to it: sources.RV01.liveStreamUrl. */
  where: string;
}

/** The IDs the first `pulumi up` takes over instead of making new objects. */
export interface Adoptions {
  caster: string;
  sources: Record<string, string>;
  layouts: Record<string, string>;
  components: Record<string, string>;
  episodes: Record<string, string>;
  /** The studio's ID, when its show list is written: a studio has one list. */
  showList?: string;
  /** The playlist's ProgramId, when the studio's playlist is written. */
  playlist?: string;
  /** The studio layouts' LayoutIds, by layoutName. */
  studioLayouts: Record<string, string>;
}

export interface ExportedStudio {
  casterId: string;
  casterName?: string;
  studio: Entry;
  sources: Record<string, Entry>;
  /** A channel-mode studio's channels that play a source of the file, by ChannelId; they need no adopt entry. */
  channels: Record<string, Entry>;
  layouts: Record<string, Entry>;
  components: Record<string, Entry>;
  scenes: Partial<Record<SceneKey, Entry>>;
  episodes: Record<string, Entry>;
  /** The show list; undefined when the studio has no show. */
  showList?: Entry;
  /** The playlist; undefined when the studio has none. */
  playlist?: Entry;
  /** A virtual studio's studio layouts, in the API's order. */
  studioLayouts: Entry[];
  timeZone?: string;
  adopt: Adoptions;
  /** Comment lines before a section: what it leaves out and why, what the API cannot report. */
  notes: Record<Section, string[]>;
  /** Comment lines before an entry, by `<section>.<key>` (`episodes.evening-news`). */
  entryNotes: Record<string, string[]>;
  /** Said on stderr: each thing the file leaves out. */
  warnings: string[];
  secrets: StackSecret[];
  /** The episode groups' items the program lists (the API cannot describe a group). */
  groupItems: { name: string; startTime: string }[];
}

/** The studio cannot be written as a file at all (a setting the file must have and cannot). */
export class UnrepresentableStudio extends Error {}

export interface ExportOptions {
  /** The IANA zone written as the file's timeZone; times stay UTC. */
  zone?: string;
}

export function exportedStudio(reading: StudioReading, options: ExportOptions = {}): ExportedStudio {
  const file: ExportedStudio = {
    casterId: reading.casterId,
    casterName: reading.studio.casterName,
    studio: {},
    sources: {},
    channels: {},
    layouts: {},
    components: {},
    scenes: {},
    episodes: {},
    studioLayouts: [],
    timeZone: options.zone,
    adopt: { caster: reading.casterId, sources: {}, layouts: {}, components: {}, episodes: {}, studioLayouts: {} },
    notes: Object.fromEntries(SECTIONS.map((section) => [section, []])) as unknown as Record<Section, string[]>,
    entryNotes: {},
    warnings: [],
    secrets: [],
    groupItems: [],
  };
  const secrets = new SecretKeys();
  studioSection(file, reading, secrets);
  const sourceAt = sourcesSection(file, reading, secrets);
  channelsSection(file, reading, sourceAt);
  const layoutNames = layoutsSection(file, reading);
  componentsSection(file, reading);
  scenesSection(file, reading, layoutNames);
  episodesSection(file, reading, sourceAt, options.zone);
  showListSection(file, reading, secrets);
  playlistSection(file, reading);
  studioLayoutsSection(file, reading);
  file.secrets = secrets.resolve();
  return file;
}

/** Records a thing the file leaves out: a comment in its section, and a warning. */
function leaveOut(file: ExportedStudio, section: Section, what: string, why: string, instead: string): void {
  file.notes[section].push(`${what} is not written: ${why}. ${instead}`);
  file.warnings.push(`${what} is not written: ${why}.`);
}

/** Why a kind's check refuses a value the API reported, in one sentence. */
function reasons(failures: CheckFailure[]): string {
  return failures.map((failure) => failure.reason.replace(/[.;:]\s*$/, "")).join("; ");
}

// The studio ------------------------------------------------------------------------------------

/** The Caster's properties a file does not take from the API: the ClientToken, and allowStopOnAir, which is this package's, not the studio's. */
const STUDIO_NOT_READ = new Set(["clientToken", "clientTokenScope", "allowStopOnAir"]);

function studioSection(file: ExportedStudio, reading: StudioReading, secrets: SecretKeys): void {
  const state = reading.studio as unknown as Entry;
  const entry: Entry = {};
  for (const [name, field] of Object.entries(casterKind.fields) as [string, FieldSpec][]) {
    if (STUDIO_NOT_READ.has(name) || field.internal || leftOut(field, state[name])) continue;
    entry[name] = name === "tags" ? sortedKeys(state[name] as Record<string, string>) : state[name];
  }
  // What the file cannot say: a setting not compared when omitted is left out (the studio keeps it); any other stops the export.
  for (const failure of checkInputs(casterSpec as InputSpec<unknown>, entry, "a studio")) {
    const field = (casterKind.fields as Record<string, FieldSpec>)[failure.property];
    if (field?.whenOmitted !== "not compared") {
      throw new UnrepresentableStudio(
        `studio ${reading.casterId} cannot be written as a studio file: ${failure.reason} ` +
          `Change it in the console (or with SetCasterConfig), then export again.`,
      );
    }
    delete entry[failure.property];
    leaveOut(file, "caster", `The studio's ${failure.property}`, failure.reason.replace(/[.;:]\s*$/, ""),
      "The studio keeps its own value: a setting the file leaves out is not managed.");
  }
  const signedList = Array.isArray(entry.sideOutputUrls) && (entry.sideOutputUrls as string[]).some(hasSignature);
  if (signedList) {
    delete entry.sideOutputUrls;
    leaveOut(file, "caster", "The studio's sideOutputUrls", "a relay URL in it is signed, and a studio file takes that list only as plain URLs",
      "The studio keeps its list: a setting the file leaves out is not managed.");
  }
  for (const name of SECRET_CAPABLE_STUDIO_PROPERTIES) {
    const value = entry[name];
    if (typeof value === "string" && hasSignature(value)) {
      entry[name] = secrets.add({ candidate: `studio${capitalize(name)}`, url: value, where: `caster.new.${name}` });
    }
  }
  file.studio = entry;
}

/**
 * Whether a property read back is what the file's omission means, so it is not written: nothing,
 * an empty list or map, the kind's `whenOmitted` (0 or empty text where it gives none); for a
 * setting the studio keeps when it is left out ("not compared"), its cleared value (false, 0).
 */
function leftOut(field: FieldSpec, value: unknown): boolean {
  if (value === undefined || value === null || value === "") return true;
  if (Array.isArray(value) && value.length === 0) return true;
  if (typeof value === "object" && !Array.isArray(value) && Object.keys(value as object).length === 0) return true;
  if (field.whenOmitted === "not compared") return value === false || value === 0;
  if (field.default === undefined) return false;
  return isDeepStrictEqual(value, field.whenOmitted ?? (innerType(field.schema) === "number" ? 0 : ""));
}

// Sources ---------------------------------------------------------------------------------------

/** A source's properties a file does not take from the API: its key is the position, and FixedDelayDuration is not reported. */
const SOURCE_NOT_READ = new Set(["casterId", "locationId", "importId", "fixedDelayDuration"]);

/** The sources, by position; returns each ResourceId's position among those written. */
function sourcesSection(file: ExportedStudio, reading: StudioReading, secrets: SecretKeys): Map<string, string> {
  const written = new Map<string, string>();
  const items = [...reading.sources].sort((a, b) => compare(a.LocationId, b.LocationId));
  if (items.length > 0) {
    file.notes.sources.push(
      "The API does not report a source's fixedDelayDuration (its delay for caption sync), so none is written: a source " +
        "that has one keeps it, but is made again without it if it is ever replaced. Write it here if a source has one.",
    );
  }
  for (const item of items) {
    const state = outputsFromApi(reading.casterId, item, {}) as unknown as Entry;
    const entry: Entry = {};
    for (const [name, field] of Object.entries(casterVideoResource.fields) as [string, FieldSpec][]) {
      if (SOURCE_NOT_READ.has(name) || field.onChange === "ignore") continue;
      if (field.onlyWith && !field.onlyWith.some((other) => state[other])) continue;
      if (!leftOut(field, state[name])) entry[name] = state[name];
    }
    const what = `Source ${item.LocationId}${item.ResourceName ? ` "${oneLine(item.ResourceName)}"` : ""}`;
    const failures = checkInputs(videoResourceSpec as InputSpec<unknown>, { ...entry, casterId: reading.casterId, locationId: item.LocationId }, "a source");
    if (failures.length > 0) {
      leaveOut(file, "sources", what, reasons(failures), "The studio keeps it, unmanaged; a layout, component or episode that shows it is left out too.");
      continue;
    }
    for (const name of SECRET_CAPABLE_SOURCE_PROPERTIES) {
      const url = entry[name];
      if (typeof url === "string" && hasSignature(url)) {
        entry[name] = secrets.add({ candidate: camelWords(item.ResourceName), position: item.LocationId, url, where: `sources.${item.LocationId}.${name}` });
      }
    }
    file.sources[item.LocationId] = entry;
    file.adopt.sources[item.LocationId] = item.ResourceId;
    written.set(item.ResourceId, item.LocationId);
  }
  return written;
}

// Channels --------------------------------------------------------------------------------------

/**
 * A channel-mode studio's channels, each with the source it plays by the source's position; the face
 * retouching when the channel has one. How a file starts (playStatus, seekOffset) is not reported,
 * and a freed channel (no source) is not a channel the file declares. No adopt entry: the CasterChannel
 * provider takes a channel that already plays its source as declared with no call.
 */
function channelsSection(file: ExportedStudio, reading: StudioReading, sourceAt: Map<string, string>): void {
  const items = reading.channels.filter((channel) => channel.ResourceId).sort((a, b) => compare(a.ChannelId, b.ChannelId));
  const listed = new Map(reading.sources.map((source) => [source.ResourceId, source.LocationId]));
  const instead = "The channel keeps its source, unmanaged; a layout that shows it is left out too.";
  for (const item of items) {
    const what = `Channel ${item.ChannelId}`;
    const source = sourceAt.get(item.ResourceId as string);
    if (source === undefined) {
      const why = listed.has(item.ResourceId as string) ? `it plays ${listed.get(item.ResourceId as string)}, which is not in this file` : `it plays source ${item.ResourceId}, which the studio does not list`;
      leaveOut(file, "channels", what, why, instead);
      continue;
    }
    const entry = compact({ source, faceBeauty: item.FaceBeauty || undefined });
    const failures = checkInputs({ fields: fileChannelFields, rules: casterChannel.rules } as InputSpec<unknown>, entry, "a channel");
    if (failures.length > 0) {
      leaveOut(file, "channels", what, reasons(failures), instead);
      continue;
    }
    file.channels[item.ChannelId] = entry;
  }
  if (Object.keys(file.channels).length > 0) {
    file.notes.channels.push(
      "The API does not report how a channel's video file plays (playStatus, seekOffset): none is written. The layouts below show these channels, not the sources.",
    );
  }
}

// Layouts ---------------------------------------------------------------------------------------

type Layers = ReturnType<typeof layersFromApi>;

/** The layouts, by a name made from what they show; returns each written LayoutId's name. */
function layoutsSection(file: ExportedStudio, reading: StudioReading): Map<string, string> {
  const names = layoutNames(reading.layouts.map((layout) => ({ id: layout.LayoutId, layers: layersFromApi(layout) })));
  const written = new Map<string, string>();
  const layouts = reading.layouts.map((layout) => ({ layout, name: names.get(layout.LayoutId) as string }))
    .sort((a, b) => compare(a.name, b.name));
  if (layouts.length > 0) {
    file.notes.layouts.push(
      `Layouts are named after the ${reading.studio.channelMode ? "channels" : "sources"} they show, bottom to top. To rename one, rename it here, in scenes and in adopt together.`,
    );
  }
  for (const { layout, name } of layouts) {
    const layers = layersFromApi(layout);
    const entry = layoutEntry(layers);
    const what = `Layout ${layout.LayoutId} (${name})`;
    const shown = [...layers.videoLayers, ...(layers.audioLayers ?? [])].map((layer) => layer.locationId);
    // A channel-mode studio's layout shows channels (SetCasterConfig's ChannelEnable: "new layouts directly reference the Channel").
    const held = reading.studio.channelMode ? file.channels : file.sources;
    const missing = [...new Set(shown.filter((location) => !(location in held)))].sort();
    if (missing.length > 0) {
      const kindOfShown = reading.studio.channelMode ? `channel${missing.length === 1 ? "" : "s"} ` : "";
      leaveOut(file, "layouts", what, `it shows ${kindOfShown}${missing.join(", ")}, which ${missing.length === 1 ? "is" : "are"} not in this file`,
        "The studio keeps it, unmanaged; a scene that shows it is left out too.");
      continue;
    }
    const failures = checkInputs(layoutSpec as InputSpec<unknown>, { ...entry, casterId: reading.casterId }, "a layout");
    if (failures.length > 0) {
      leaveOut(file, "layouts", what, reasons(failures), "The studio keeps it, unmanaged; a scene that shows it is left out too.");
      continue;
    }
    file.layouts[name] = entry;
    file.adopt.layouts[name] = layout.LayoutId;
    written.set(layout.LayoutId, name);
  }
  return written;
}

/** The layers with the API's defaults left out; the audio layers too when they are the default (every video layer's source, as it is). */
function layoutEntry(layers: Layers): Entry {
  const videoLayers = layers.videoLayers.map((layer) => withoutDefaults(VIDEO_LAYER_FIELDS, layer));
  const byDefault = comparableLayers({ videoLayers: layers.videoLayers }).audioLayers;
  if (isDeepStrictEqual(comparableLayers(layers).audioLayers, byDefault)) return { videoLayers };
  const audioLayers = (layers.audioLayers ?? []).map((layer) => withoutDefaults(AUDIO_LAYER_FIELDS, layer));
  return { videoLayers, audioLayers };
}

/**
 * A name for each layout, stable from one export to the next: the positions it shows, bottom to
 * top (`rv01-rv04`); layouts that show the same positions are numbered in LayoutId order
 * (`rv01-rv04`, `rv01-rv04-2`).
 */
export function layoutNames(layouts: { id: string; layers: Pick<Layers, "videoLayers"> }[]): Map<string, string> {
  const base = (layers: Pick<Layers, "videoLayers">) => {
    const shown = layers.videoLayers.map((layer) => layer.locationId.toLowerCase().replace(/[^a-z0-9]+/g, "")).filter(Boolean);
    if (shown.length === 0) return "empty";
    return shown.length <= 4 ? shown.join("-") : `${shown.slice(0, 3).join("-")}-and-${shown.length - 3}-more`;
  };
  return uniqueNames(layouts.map((layout) => ({ id: layout.id, base: base(layout.layers), order: layout.id })));
}

// Components ------------------------------------------------------------------------------------

function componentsSection(file: ExportedStudio, reading: StudioReading): void {
  const items = [...reading.components].sort((a, b) => compare(a.LocationId ?? "", b.LocationId ?? ""));
  if (items.length > 0) {
    file.notes.components.push(
      "The API does not report a component's layerOrder, so none is written (cover: over the picture). A component " +
        "that is under the picture keeps its place, but write layerOrder: background here, or it is made again over it if it is ever replaced.",
    );
  }
  for (const item of items) {
    const location = item.LocationId ?? "";
    const what = `Component ${location || item.ComponentId}${item.ComponentName ? ` "${oneLine(item.ComponentName)}"` : ""}`;
    const instead = "The studio keeps it, unmanaged; a scene or episode that shows it is left out too.";
    if (!(COMPONENT_TYPES as readonly string[]).includes(item.ComponentType ?? "")) {
      leaveOut(file, "components", what,
        `its type is ${JSON.stringify(oneLine(item.ComponentType ?? ""))}, and a studio file knows ${COMPONENT_TYPES.join(", ")} components only`, instead);
      continue;
    }
    const entry = componentEntry(componentFromApi(item));
    const caption = (entry.caption as { sourceLocationId?: string } | undefined)?.sourceLocationId;
    if (caption !== undefined && !(caption in file.sources)) {
      leaveOut(file, "components", what, `it captions ${caption}, which is not in this file`, instead);
      continue;
    }
    const failures = checkInputs({ fields: componentFields, rules: casterComponent.rules } as InputSpec<unknown>,
      { ...entry, casterId: reading.casterId, locationId: location }, "a component");
    if (failures.length > 0) {
      leaveOut(file, "components", what, reasons(failures), instead);
      continue;
    }
    file.components[location] = entry;
    file.adopt.components[location] = item.ComponentId;
  }
}

type ComponentSettings = ReturnType<typeof componentFromApi>;

/** A component's settings with the API's defaults left out (topLeft, opaque, no effect, the default text style). */
function componentEntry(settings: ComponentSettings): Entry {
  const type = settings.componentType;
  return compact({
    componentName: settings.componentName,
    componentType: type,
    geometry: withoutDefaults(GEOMETRY_FIELDS, settings.geometry),
    effect: settings.effect === COMPONENT_DEFAULTS.effect ? undefined : settings.effect,
    text: type === "text" && settings.text ? withoutDefaults(TEXT_FIELDS, settings.text) : undefined,
    image: type === "image" ? settings.image : undefined,
    caption: type === "caption" ? withoutDefaults(CAPTION_FIELDS, settings.caption ?? {}) : undefined,
  });
}

// Scenes ----------------------------------------------------------------------------------------

function scenesSection(file: ExportedStudio, reading: StudioReading, layoutNames: Map<string, string>): void {
  if (reading.studio.status !== 1) {
    if (reading.layouts.length > 0) {
      file.notes.scenes.push("The studio is not started, so it has no scenes (StartCaster makes them): none is written.");
    }
    return;
  }
  const positions = new Map(Object.entries(file.adopt.components).map(([location, id]) => [id, location]));
  for (const key of ["pgm", "pvw"] as const) {
    const scene = reading.scenes.find((item) => String(item.OutputType) === OUTPUT_TYPE[key === "pgm" ? "PGM" : "PVW"]);
    if (!scene) continue;
    const binding = bindingOf(scene);
    const componentIds = binding.componentIds ?? [];
    const what = key.toUpperCase();
    const instead = "The scene keeps what it shows: a scene the file leaves out is not managed.";
    if (!binding.layoutId) {
      if (componentIds.length > 0) {
        leaveOut(file, "scenes", what, "it shows components over no layout, and a studio file's scene names its layout", instead);
      }
      continue;
    }
    const layout = layoutNames.get(binding.layoutId);
    if (layout === undefined) {
      leaveOut(file, "scenes", what, `it shows layout ${binding.layoutId}, which is not in this file`, instead);
      continue;
    }
    const missing = componentIds.filter((id) => !positions.has(id));
    if (missing.length > 0) {
      leaveOut(file, "scenes", what, `it shows component ${missing.join(", ")}, which ${missing.length === 1 ? "is" : "are"} not in this file`, instead);
      continue;
    }
    const components = componentIds.map((id) => positions.get(id) as string);
    file.scenes[key] = components.length > 0 ? { layout, components } : { layout };
  }
}

// The schedule ----------------------------------------------------------------------------------

function episodesSection(file: ExportedStudio, reading: StudioReading, sourceAt: Map<string, string>, zone: string | undefined): void {
  // An episode group's items are listed without an end (models of the API: emulator/models/episodes.ts).
  const groupItems = reading.program.filter((entry) => !entry.EndTime);
  file.groupItems = groupItems.map((entry) => ({ name: oneLine(entry.EpisodeName ?? entry.EpisodeId), startTime: entry.StartTime ?? "" }));
  if (groupItems.length > 0) {
    file.warnings.push(
      `${count(groupItems.length, "carousel item")} of episode groups ${groupItems.length === 1 ? "is" : "are"} not written: the Live API cannot describe an episode group ` +
        "(see the comment in the file for how to declare and adopt one by hand).",
    );
  }
  const episodes = reading.program.filter((entry) => entry.EndTime)
    .sort((a, b) => compare(a.StartTime ?? "", b.StartTime ?? "") || compare(a.EpisodeId, b.EpisodeId));
  const played = episodes.filter((entry) => Number(entry.Status) === EPISODE_STATUS.played);
  if (played.length > 0) {
    file.notes.episodes.push(
      `${count(played.length, "episode")} that ${played.length === 1 ? "has" : "have"} played ${played.length === 1 ? "is" : "are"} not written: ` +
        "the program keeps them, and the file is the schedule still to come.",
    );
  }
  const upcoming = episodes.filter((entry) => Number(entry.Status) !== EPISODE_STATUS.played);
  const names = uniqueNames(upcoming.map((entry, index) => ({ id: entry.EpisodeId, base: slug(entry.EpisodeName ?? ""), order: String(index).padStart(6, "0") })));
  const componentAt = new Map(Object.entries(file.adopt.components).map(([location, id]) => [id, location]));
  const listed = new Map(reading.sources.map((source) => [source.ResourceId, source.LocationId]));
  const instead = "The program keeps it, unmanaged.";
  for (const entry of upcoming) {
    const name = names.get(entry.EpisodeId) as string;
    const episode = episodeFromApi(entry);
    const what = `Episode "${oneLine(entry.EpisodeName ?? entry.EpisodeId)}" (${entry.EpisodeId})`;
    let locationId: string | undefined;
    if (episode.episodeType === "Resource") {
      const resourceId = episode.resourceId ?? "";
      locationId = sourceAt.get(resourceId);
      if (locationId === undefined) {
        const why = !resourceId ? "it is a Resource episode with no source"
          : listed.has(resourceId) ? `it shows ${listed.get(resourceId)}, which is not in this file`
            : `it shows source ${resourceId}, which the studio does not list`;
        leaveOut(file, "episodes", what, why, instead);
        continue;
      }
    }
    const componentIds = episode.componentIds ?? [];
    const missing = componentIds.filter((id) => !componentAt.has(id));
    if (missing.length > 0) {
      leaveOut(file, "episodes", what, `it shows component ${missing.join(", ")}, which ${missing.length === 1 ? "is" : "are"} not in this file`, instead);
      continue;
    }
    const fileEntry = compact({
      episodeName: episode.episodeName,
      locationId,
      components: componentIds.length > 0 ? componentIds.map((id) => componentAt.get(id) as string) : undefined,
      startTime: episode.startTime === undefined ? undefined : toApiTime(episode.startTime),
      endTime: episode.endTime === undefined ? undefined : toApiTime(episode.endTime),
      switchType: episode.switchType === "TimeFirst" ? undefined : episode.switchType,
    });
    const failures = checkInputs(episodeSpec as InputSpec<unknown>, {
      casterId: reading.casterId, episodeName: fileEntry.episodeName, episodeType: episode.episodeType, locationId, componentIds: componentIds.length > 0 ? componentIds : undefined,
      startTime: fileEntry.startTime, endTime: fileEntry.endTime, switchType: fileEntry.switchType,
    }, "an episode");
    if (failures.length > 0) {
      leaveOut(file, "episodes", what, reasons(failures), instead);
      continue;
    }
    file.episodes[name] = fileEntry;
    file.adopt.episodes[name] = entry.EpisodeId;
    if (zone !== undefined && fileEntry.startTime && fileEntry.endTime) {
      file.entryNotes[`episodes.${name}`] = [spanPhrase(Date.parse(fileEntry.startTime as string), Date.parse(fileEntry.endTime as string), zone)];
    }
  }
}

// The playlist -----------------------------------------------------------------------------------

/** The studio's playlist, adopted by its ProgramId; none when it has none, or no item (a file's playlist has at least one). */
function playlistSection(file: ExportedStudio, reading: StudioReading): void {
  if (!reading.playlist) return;
  const list = playlistFromApi(reading.playlist);
  const instead = "The studio keeps its playlist as it is, unmanaged.";
  const entry = compact({
    programName: list.programName,
    repeatNumber: list.repeatNumber === 0 ? undefined : list.repeatNumber,
    items: list.items as unknown as Entry[],
  }) as Entry;
  const failures = checkInputs({ fields: playlistFields, rules: casterPlaylist.rules } as InputSpec<unknown>, { ...entry, casterId: reading.casterId }, "a playlist");
  if (failures.length > 0) {
    leaveOut(file, "playlist", "The playlist", reasons(failures), instead);
    return;
  }
  file.playlist = entry;
  file.adopt.playlist = list.programId;
}

// The show list ----------------------------------------------------------------------------------

/** The studio's show list, with what the API fills in (one play, the type label 0) left out; none when it has no show. */
function showListSection(file: ExportedStudio, reading: StudioReading, secrets: SecretKeys): void {
  const list = showListFromApi(reading.showList);
  const instead = "The studio keeps its list as it is, unmanaged.";
  if (list.shows.length === 0) {
    if (list.background) leaveOut(file, "showList", "The show list's background", "the list has no show, and a studio file's show list has at least one", instead);
    return;
  }
  const entry = compact({
    repeatTimes: list.repeatTimes === 0 ? undefined : list.repeatTimes,
    highPriorityShow: list.highPriorityShow,
    highPriorityShowStartTime: list.highPriorityShowStartTime,
    shows: list.shows.map(showEntry) as Entry[],
    background: list.background,
  }) as Entry;
  const failures = checkInputs({ fields: showListFields, rules: casterShowList.rules } as InputSpec<unknown>, { ...entry, casterId: reading.casterId }, "a show list");
  if (failures.length > 0) {
    leaveOut(file, "showList", "The show list", reasons(failures), instead);
    return;
  }
  (entry.shows as Entry[]).forEach((show, index) => {
    const url = show.resourceUrl;
    if (typeof url === "string" && hasSignature(url)) {
      show.resourceUrl = secrets.sameAs(url) ?? secrets.add({ candidate: camelWords(show.showName as string), position: `show${index + 1}`, url, where: `showList.shows[${index}].resourceUrl` });
    }
  });
  const background = entry.background as Entry | undefined;
  if (typeof background?.resourceUrl === "string" && hasSignature(background.resourceUrl)) {
    background.resourceUrl = secrets.sameAs(background.resourceUrl) ?? secrets.add({ candidate: "showListBackgroundUrl", url: background.resourceUrl, where: "showList.background.resourceUrl" });
  }
  file.showList = entry;
  file.adopt.showList = reading.casterId;
}

// Studio layouts --------------------------------------------------------------------------------

/** A virtual studio's layouts, each as the kind names it, with a media input's anchor and fill left out where they are the API's defaults. */
function studioLayoutsSection(file: ExportedStudio, reading: StudioReading): void {
  for (const item of reading.studioLayouts) {
    const layout = studioLayoutFromApi(item) as Record<string, unknown>;
    delete layout.casterId;
    if (Array.isArray(layout.mediaInputs)) layout.mediaInputs = layout.mediaInputs.map((input: object) => withoutDefaults(MEDIA_INPUT_FIELDS, input));
    const entry = compact(layout as Entry);
    const failures = checkInputs({ fields: studioLayoutFields, rules: casterStudioLayout.rules } as InputSpec<unknown>, { ...entry, casterId: reading.casterId }, "a studio layout");
    const taken = file.studioLayouts.some((other) => other.layoutName === entry.layoutName);
    if (failures.length > 0 || taken) {
      leaveOut(file, "studioLayouts", `Studio layout ${item.LayoutId} (${JSON.stringify(item.LayoutName ?? "")})`, taken ? "another layout of the studio has its name, and a file knows a layout by its name" : reasons(failures), "The studio keeps it, unmanaged.");
      continue;
    }
    file.studioLayouts.push(entry);
    file.adopt.studioLayouts[entry.layoutName as string] = item.LayoutId;
  }
}

/** A show as a file writes it: one play (no duration, repeatTimes 0) and the type label 0 are what the API fills in. */
function showEntry(show: Show): Entry {
  return compact({
    ...show,
    liveInputType: show.liveInputType === 0 ? undefined : show.liveInputType,
    repeatTimes: show.duration === undefined && show.repeatTimes === 0 ? undefined : show.repeatTimes,
  });
}

/** `evening-news` from "Evening news": lower-case letters, digits and hyphens, at most 36 (a suffix may follow). */
export function slug(text: string): string {
  const words = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return words.slice(0, 36).replace(/-+$/, "") || "episode";
}

// Stack secrets ---------------------------------------------------------------------------------

/**
 * Stack config keys for the signed URLs: the studio's from the property (`studioCallbackUrl`), a
 * source's from its name (`mainCameraUrl`, or `rv01Url` for a name with no latin letters); a key
 * two would share takes the source's position (`mainCameraRv01Url`).
 */
type WantedSecret = { candidate: string; position?: string; url: string; where: string; ref: { secret: string } };

class SecretKeys {
  private readonly wanted: WantedSecret[] = [];

  /** The reference of a URL already kept as a secret: a show that plays a source's signed URL names the same key. */
  sameAs(url: string): { secret: string } | undefined {
    return this.wanted.find((wanted) => wanted.url === url)?.ref;
  }

  add(secret: { candidate: string; position?: string; url: string; where: string }): { secret: string } {
    const ref = { secret: "" };
    this.wanted.push({ ...secret, ref });
    return ref;
  }

  resolve(): StackSecret[] {
    const keyOf = (wanted: WantedSecret) => `${wanted.candidate || (wanted.position ?? "").toLowerCase()}${wanted.position ? "Url" : ""}`;
    const uses = new Map<string, number>();
    for (const wanted of this.wanted) uses.set(keyOf(wanted), (uses.get(keyOf(wanted)) ?? 0) + 1);
    const taken = new Set<string>();
    return this.wanted.map((wanted) => {
      let key = keyOf(wanted);
      if ((uses.get(key) ?? 0) > 1 && wanted.position && wanted.candidate) key = `${wanted.candidate}${capitalize(wanted.position.toLowerCase())}Url`;
      for (let n = 2; taken.has(key); n++) key = `${keyOf(wanted)}${n}`;
      taken.add(key);
      wanted.ref.secret = key;
      return { key, url: wanted.url, where: wanted.where };
    });
  }
}

/** "Main camera" → mainCamera; "" when the name has no latin letter to start a key with. */
function camelWords(name: string): string {
  const words = name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").split(/[^A-Za-z0-9]+/).filter(Boolean).slice(0, 5);
  const key = words.map((word, index) => (index === 0 ? word.toLowerCase() : capitalize(word.toLowerCase()))).join("");
  return /^[a-z]/.test(key) ? key : "";
}

// Helpers ---------------------------------------------------------------------------------------

/** Unique names from bases: the first of each base (by `order`) keeps it, the others are numbered -2, -3, … */
function uniqueNames(items: { id: string; base: string; order: string }[]): Map<string, string> {
  const byBase = new Map<string, typeof items>();
  for (const item of items) byBase.set(item.base, [...(byBase.get(item.base) ?? []), item]);
  const names = new Map<string, string>();
  const used = new Set(byBase.keys());
  for (const [base, group] of byBase) {
    group.sort((a, b) => compare(a.order, b.order) || compare(a.id, b.id));
    let n = 1;
    for (const [index, item] of group.entries()) {
      if (index === 0) {
        names.set(item.id, base);
        continue;
      }
      let name: string;
      do name = `${base}-${++n}`; while (used.has(name));
      used.add(name);
      names.set(item.id, name);
    }
  }
  return names;
}

function compact<T extends Entry>(entry: T): T {
  return Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined)) as T;
}

function sortedKeys(map: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => compare(a, b)));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A name the API reported, fit for a comment line: one line, signatures masked. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return redactSignatures(text).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").trim();
}

export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
