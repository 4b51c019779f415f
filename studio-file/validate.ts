import { checkInputs, CheckFailure, CrossFieldRule, describeValue, InputSpec } from "../common/check";
import { connectionSchema } from "../model/fields/connection";
import { isUnknown } from "../common/unknowns";
import { COMPONENT_LOCATION_ID_PATTERN, MIN_EPISODE_LEAD_SECONDS } from "../model/api-facts";
import { caster as casterKind, casterFields } from "../model/kinds/caster";
import { casterComponent } from "../model/kinds/caster-component";
import { casterEpisode, EpisodeInputs, GIVE_A_SOURCE, GIVE_A_SOURCE_IN_THE_FILE } from "../model/kinds/caster-episode";
import { casterLayout } from "../model/kinds/caster-layout";
import { casterShowList } from "../model/kinds/caster-show-list";
import { casterChannel, FILE_ONLY_CHANNEL_SETTINGS } from "../model/kinds/caster-channel";
import { casterStudioLayout } from "../model/kinds/caster-studio-layout";
import { CHANNEL_ID_PATTERN, CHANNEL_ID_RULE, NORM_TYPE, PLAYLIST_NORM_TYPE } from "../model/api-facts";
import { casterPlaylist } from "../model/kinds/caster-playlist";
import { fileStudioLayoutFields } from "./studio-layouts";
import {
  importIdOfThisStudio, LOCATION_ID_PATTERN, videoResourceFields, videoResourceSpec,
} from "../model/kinds/caster-video-resource";
import {
  ADOPT_SECTIONS,
  AdoptSection,
  fileAdoptSchema,
  CONFIG_KEY_PATTERN,
  CONFIG_KEY_RULE,
  EPISODE_KEY_PATTERN,
  fileComponentFields,
  fileEpisodeSchema,
  fileLayoutFields,
  fileSceneSchema,
  fileShowListFields,
  fileChannelFields,
  inChannelMode,
  filePlaylistFields,
  GROUP_NAME_PATTERN,
  LAYOUT_NAME_PATTERN,
  SCENE_KEYS,
  isSecretReference,
  SECRET_CAPABLE_GROUP_PROPERTIES,
  SECRET_CAPABLE_SOURCE_PROPERTIES,
  layoutCasterSchema,
  layoutEpisodeGroupFields,
  layoutSourceFields,
  layoutStudioFields,
  NEW_STUDIO_KEY,
  SECRET_CAPABLE_STUDIO_PROPERTIES,
  StudioFileDefinition,
  studioLayoutSchema,
  timeZoneSchema,
} from "./schema";
import { FILE_RULE_WORDS, KEYED_SECTIONS, KeyedSectionName } from "./sections";
import { duration, momentPhrase, spanPhrase } from "./words";

/**
 * Checks a layout's content. Sources and groups go through the resources' own checkInputs, so a
 * layout problem reads exactly as the resource's preview error would, and every problem is found
 * in one pass. The schedule is checked as one timeline across the file too, against `now`: what
 * would fail `pulumi up` is a problem, what it leaves as it is (an episode that started already)
 * a warning.
 */

/** One problem, placed by its path in the layout; `atKey` points at the key itself (a misspelt or extra key). */
export interface PathProblem {
  path: (string | number)[];
  atKey?: boolean;
  message: string;
  /**
   * What a check across entries found, for a caller that weighs it: a reference to a source,
   * component or layout that is not there, or an episode that has started.
   */
  finding?: "missing source" | "missing component" | "missing layout" | "missing channel" | "started";
}

/** What the checks take besides the file. */
export interface CheckOptions {
  /**
   * The moment the schedule is checked against, in ms since the epoch: an episode must start at
   * least MIN_EPISODE_LEAD_SECONDS after it. @default Date.now()
   */
  now?: number;
}

/**
 * A file's problems, which refuse it, and its warnings, which do not: an episode that started
 * already, a carousel and an episode that both switch the studio.
 */
export interface LayoutCheck {
  problems: PathProblem[];
  warnings: PathProblem[];
}

/**
 * How the checks across entries (references, the schedule's timeline) name what holds a studio's
 * entries: a studio file's sections, or the resources a program declares one by one
 * (sdk/whole-studio-check.ts). The rules are the same; only the words and the fix differ.
 */
export interface StudioTerms {
  /** What the entries are checked within: "this file". */
  holder: string;
  /** What says it has none of a section: "the file" (declares no sources). */
  declarer: string;
  /** The fix for a reference to an entry that is not there: "add sources.RV05". */
  add(section: "sources" | "layouts" | "components" | "channels", key: string): string;
  /** Whether an entry's key must have its section's form to be checked (a file's keys do; a program's resource names are any). */
  keysOfFileForm: boolean;
  /** Where the new studio's `running` is declared, and how to make scenes bindable: the file's `caster.new.running`. */
  studioRunning: { where: string; fix: string };
  /** Where the new studio's `channelMode` is declared, and how to give it channels: the file's `caster.new.channelMode`. */
  studioChannelMode: { where: string; fix: string };
  /** Where the new studio's `domainName` is declared, and how to give its episode groups a domain: the file's `caster.new.domainName`. */
  studioDomain: { where: string; fix: string };
}

/** A studio file's words. */
const FILE_TERMS: StudioTerms = {
  holder: "this file",
  declarer: "the file",
  studioRunning: { where: "caster.new.running", fix: FILE_RULE_WORDS.scenesNeedARunningStudio.fix },
  studioChannelMode: { where: "caster.new.channelMode", fix: "set caster.new.channelMode: true, or remove channels." },
  studioDomain: { where: "caster.new.domainName", fix: FILE_RULE_WORDS.groupsNeedADomain.fix },
  add: (section, key) => `add ${section}.${key}`,
  keysOfFileForm: true,
};

const TOP_LEVEL_KEYS = Object.keys(studioLayoutSchema.shape);
const CASTER_KEYS = ["casterId", "config", NEW_STUDIO_KEY];
const CASTER_FORMS = "{ casterId: <studio ID> } or { config: <stack config key> } for an existing studio, or { new: { normType, casterTemplate, ... } } for one this layout makes";

/** How one entry of a layout (a source, a group, a new studio) is checked. */
interface EntryCheck {
  /** What an entry is, for messages: "a source", "an episode group", "a studio". */
  entry: string;
  spec: InputSpec<Record<string, unknown>>;
  /** URL properties that may be `{ secret: <key> }`, each with a stand-in of the right shape for the checks. */
  secretStandIns: Record<string, string>;
  /**
   * URLs one level down that may be `{ secret: <key> }`: in each item of a list (an episode group's
   * `items[].vodUrl`) or in an object (a show list's `background.resourceUrl`).
   */
  nestedSecrets?: { property: string; url: string; standIn: string }[];
}

/** How each section of a layout is keyed and checked. */
interface Section extends EntryCheck {
  name: KeyedSectionName;
  keyPattern: RegExp;
  keyRule: string;
  /** What an entry must hold, for the message about an empty one. */
  needs: string;
  /** How the section is keyed, with an example entry: "position (RV01: { resourceName, ... })". */
  keyedBy: string;
  /** The spec as it reads in this file, when its messages need more than the entry (the schedule's zone). */
  specFor?: (file: Record<string, unknown>) => InputSpec<Record<string, unknown>>;
}

/**
 * What a secret reference is checked as: a URL of the right form, so the rules across fields
 * (exactly one source, file-only settings) still hold; the URL itself is checked by the resource
 * once the secret is read.
 */
const STAND_IN = {
  stream: "rtmp://secret.invalid/stand-in",
  file: "https://secret.invalid/stand-in.mp4",
  image: "https://secret.invalid/stand-in.png",
  web: "https://secret.invalid/stand-in",
};

/** How each keyed section's entries are checked, besides what studio-file/sections.ts says of it. */
const ENTRY_CHECKS: Record<KeyedSectionName, Omit<EntryCheck, "entry"> & Pick<Section, "specFor">> = {
  sources: {
    secretStandIns: { liveStreamUrl: STAND_IN.stream, vodUrl: STAND_IN.file, imageUrl: STAND_IN.image } satisfies Record<(typeof SECRET_CAPABLE_SOURCE_PROPERTIES)[number], string>,
    // The resource's own rules, less what the layout supplies itself (casterId, locationId).
    spec: { fields: layoutSourceFields, rules: videoResourceSpec.rules } as unknown as InputSpec<Record<string, unknown>>,
  },
  episodeGroups: {
    secretStandIns: { callbackUrl: STAND_IN.web, sideOutputUrl: STAND_IN.stream } satisfies Record<(typeof SECRET_CAPABLE_GROUP_PROPERTIES)[number], string>,
    nestedSecrets: [{ property: "items", url: "vodUrl", standIn: STAND_IN.file }],
    // The studio always comes from `caster`, so the domain and callback default from its config.
    spec: { fields: layoutEpisodeGroupFields, rules: [] } as unknown as InputSpec<Record<string, unknown>>,
  },
  layouts: {
    secretStandIns: {},
    // The CasterLayout kind's fields and rules, less casterId: the studio is the file's.
    spec: { fields: fileLayoutFields, rules: casterLayout.rules } as unknown as InputSpec<Record<string, unknown>>,
  },
  components: {
    secretStandIns: {},
    // The CasterComponent kind's fields and rules, less casterId and locationId (its key).
    spec: { fields: fileComponentFields, rules: casterComponent.rules } as unknown as InputSpec<Record<string, unknown>>,
  },
  episodes: {
    secretStandIns: {},
    // The CasterEpisode kind's fields and rules, less casterId, with the file's locationId and
    // `components` (positions) where the kind takes resourceId and componentIds (IDs).
    spec: episodeSpec(undefined),
    specFor: (file) => episodeSpec(zoneOf(file)),
  },
};

/** The keyed sections, in the file's order. */
const SECTIONS: Section[] = TOP_LEVEL_KEYS
  .filter((key): key is KeyedSectionName => key in KEYED_SECTIONS)
  .map((name) => {
    const { keyPattern, keyRule, entry, needs, keyedBy } = KEYED_SECTIONS[name];
    return { name, keyPattern, keyRule, entry, needs, keyedBy, ...ENTRY_CHECKS[name] };
  });

/** A new studio (`caster: { new: ... }`): the Caster kind's fields and rules, less the ClientToken. */
const NEW_STUDIO: EntryCheck = {
  entry: "a studio",
  spec: { fields: layoutStudioFields, rules: casterKind.rules } as unknown as InputSpec<Record<string, unknown>>,
  // Each signable URL stands in as the first stand-in its own schema takes.
  secretStandIns: Object.fromEntries(SECRET_CAPABLE_STUDIO_PROPERTIES.map((name) => [name, standInFor(name, layoutStudioFields[name])])),
};

/** A new studio that adopt.caster takes over: its importId is adopt.caster's, checked there. */
const ADOPTED_STUDIO: EntryCheck = {
  ...NEW_STUDIO,
  spec: { fields: { ...layoutStudioFields, importId: casterFields.importId.optional() }, rules: casterKind.rules } as unknown as InputSpec<Record<string, unknown>>,
};

/** The show list (`showList:`): the CasterShowList kind's fields and rules, less casterId; a show's or the background's URL may be a secret. */
const SHOW_LIST: EntryCheck = {
  entry: "a show list",
  spec: { fields: fileShowListFields, rules: casterShowList.rules } as unknown as InputSpec<Record<string, unknown>>,
  secretStandIns: {},
  // Any stand-in does for a show whatever its type: the kind takes the same URLs for each.
  nestedSecrets: [
    { property: "shows", url: "resourceUrl", standIn: STAND_IN.web },
    { property: "background", url: "resourceUrl", standIn: STAND_IN.web },
  ],
};

/** A channel (`channels.RV01`): the CasterChannel kind's fields, less casterId, channelId and resourceId (the file names the source by position). */
const CHANNEL: EntryCheck = {
  entry: "a channel",
  spec: { fields: fileChannelFields, rules: casterChannel.rules } as unknown as InputSpec<Record<string, unknown>>,
  secretStandIns: {},
};

/** The playlist (`playlist:`): the CasterPlaylist kind's fields and rules, less casterId. It holds no URL. */
const PLAYLIST: EntryCheck = {
  entry: "a playlist",
  spec: { fields: filePlaylistFields, rules: casterPlaylist.rules } as unknown as InputSpec<Record<string, unknown>>,
  secretStandIns: {},
};

/** What a new studio must hold: its required properties, as the kind has them. */
const NEW_STUDIO_NEEDS = Object.entries(layoutStudioFields)
  .filter(([, schema]) => !schema.safeParse(undefined).success)
  .map(([name]) => name);

function standInFor(name: string, schema: { safeParse(value: unknown): { success: boolean } }): string {
  const standIn = [STAND_IN.web, STAND_IN.stream, STAND_IN.image, STAND_IN.file].find((candidate) => schema.safeParse(candidate).success);
  if (standIn === undefined) throw new Error(`pulumi-alicloud-caster: no stand-in URL fits the studio's ${name}; please report this.`);
  return standIn;
}

/** Every problem of a parsed layout; none means it is a valid {@link StudioFileDefinition}. Its warnings: {@link checkLayout}. */
export function findLayoutProblems(value: unknown, options: CheckOptions = {}): PathProblem[] {
  return checkLayout(value, options).problems;
}

/** A parsed layout's problems (none: a valid {@link StudioFileDefinition}) and its warnings. */
export function checkLayout(value: unknown, options: CheckOptions = {}): LayoutCheck {
  if (!isPlainObject(value)) {
    return {
      problems: [{ path: [], message: `a studio file is a mapping with caster, sources, episodeGroups, layouts, components, scenes and episodes, got ${kindOf(value)}.` }],
      warnings: [],
    };
  }
  const problems: PathProblem[] = unknownKeyProblems(value, [], TOP_LEVEL_KEYS, "a key of a studio file");
  if (value.$schema !== undefined && typeof value.$schema !== "string") {
    problems.push({ path: ["$schema"], message: `$schema ${describeValue(value.$schema)} must be the schema's path or URL, as text.` });
  }
  if (value.caster !== undefined) problems.push(...casterProblems(value.caster, adoptedStudioId(value)));
  for (const section of SECTIONS) problems.push(...sectionProblems(value[section.name], section, value));
  problems.push(...scenesProblems(value.scenes));
  problems.push(...showListProblems(value.showList));
  problems.push(...channelsProblems(value.channels));
  problems.push(...playlistProblems(value.playlist, value.caster));
  problems.push(...studioLayoutsProblems(value));
  problems.push(...timeZoneProblems(value.timeZone));
  problems.push(...connectionProblems(value.connection));
  problems.push(...importIdProblems(value));
  problems.push(...referenceProblems(value, FILE_TERMS));
  problems.push(...adoptProblems(value));
  const timeline = timelineProblems(value, options.now ?? Date.now(), FILE_TERMS);
  return { problems: [...problems, ...timeline.problems], warnings: timeline.warnings };
}

/**
 * The checks across a studio's entries alone, in `terms`' words: what layouts, components,
 * episodes and scenes refer to, and the schedule as one timeline. Each entry's own checks are its
 * resource's (checkInputs at preview); this is what no single resource can see. The studio file
 * runs them within {@link checkLayout}, a program of resources declared one by one through
 * sdk/whole-studio-check.ts, over the same shape.
 */
export function crossEntryChecks(studio: Record<string, unknown>, now: number, terms: StudioTerms): LayoutCheck {
  const timeline = timelineProblems(studio, now, terms);
  return { problems: [...referenceProblems(studio, terms), ...timeline.problems], warnings: timeline.warnings };
}

// ---------------------------------------------------------------------------------------------
// Scenes, and what layouts, components and scenes refer to

/** The scenes section: pgm and pvw, each checked as the file's scene schema has it. */
function scenesProblems(scenes: unknown): PathProblem[] {
  if (scenes === undefined || scenes === null) return [];
  if (!isPlainObject(scenes)) {
    return [{ path: ["scenes"], message: `scenes is a mapping of ${SCENE_KEYS.join(" and ")} (pgm: { layout: pip, components: [RC01] }), got ${kindOf(scenes)}.` }];
  }
  const problems = unknownKeyProblems(scenes, ["scenes"], SCENE_KEYS, "a scene (pgm is the program output, on air; pvw the preview)");
  for (const key of SCENE_KEYS) {
    if (!(key in scenes)) continue;
    const scene = scenes[key];
    const path = ["scenes", key];
    if (scene === null || scene === undefined) {
      problems.push({ path, atKey: true, message: `scenes.${key} is empty: give it the layout it shows (layout: <name>) and its components, or remove it.` });
    } else if (!isPlainObject(scene)) {
      problems.push({ path, message: `scenes.${key} must be a mapping { layout: <name>, components: [RC01, ...] }, got ${kindOf(scene)}.` });
    } else {
      const spec = { fields: fileSceneSchema.shape, rules: [] } as unknown as InputSpec<Record<string, unknown>>;
      problems.push(...entryProblems(scene, path, { entry: "a scene", spec, secretStandIns: {} }));
    }
  }
  return problems;
}

/**
 * What the sections refer to, checked across them: a layer's or a caption's source is a source of
 * the file (the API takes a layout only over positions that hold sources); a scene's layout and
 * components are the file's, each component once; and scenes, which StartCaster makes, need a
 * studio that runs. A value not yet known (a program's Output) is skipped; a value of the wrong
 * form is its section's problem, reported there.
 */
function referenceProblems(file: Record<string, unknown>, terms: StudioTerms): PathProblem[] {
  const problems: PathProblem[] = studioLayoutStudioProblems(file);
  const sources = keysOf(file.sources, LOCATION_ID_PATTERN);
  const layouts = keysOf(file.layouts, terms.keysOfFileForm ? LAYOUT_NAME_PATTERN : /^/);
  const components = keysOf(file.components, COMPONENT_LOCATION_ID_PATTERN);
  const addOrUse = (section: "sources" | "layouts" | "components" | "channels", key: string, keys: string[]) => addOrUseIn(terms, section, key, keys);
  const notASource = (path: (string | number)[], locationId: unknown, why: string) => {
    if (typeof locationId !== "string" || !LOCATION_ID_PATTERN.test(locationId) || sources.includes(locationId)) return;
    problems.push({
      path,
      finding: "missing source",
      message: `${String(path[path.length - 1])} ${describeValue(locationId)} is not a source of ${terms.holder}: ${why}; ${addOrUse("sources", locationId, sources)}.`,
    });
  };
  // In channel mode a layout shows channels, not sources (SetCasterConfigRequest.ts, ChannelEnable: "Resources
  // must first be assigned to a Channel, and new layouts directly reference the Channel"; SetCasterChannelRequest.ts,
  // ChannelId: "The reference ID for the layout scene"): each layer names a channel that plays a source.
  const channels = keysOf(file.channels, CHANNEL_ID_PATTERN);
  const showsChannels = inChannelMode(file);
  const notAChannel = (path: (string | number)[], channelId: unknown) => {
    if (typeof channelId !== "string" || channels.includes(channelId)) return;
    const why = "in a channel-mode studio a layout shows channels, each playing a source (SetCasterConfig's ChannelEnable: \"new layouts directly reference the Channel\")";
    problems.push(CHANNEL_ID_PATTERN.test(channelId)
      ? { path, finding: "missing channel", message: `${String(path[path.length - 1])} ${describeValue(channelId)} is not a channel of ${terms.holder}: ${why}; ${addOrUse("channels", channelId, channels)}.` }
      : { path, message: `${String(path[path.length - 1])} ${describeValue(channelId)} is not a channel: ${why}; ${CHANNEL_ID_RULE}` });
  };
  for (const [name, layout] of entriesOf(file.layouts)) {
    if (!isPlainObject(layout)) continue;
    for (const list of ["videoLayers", "audioLayers"] as const) {
      const layers = layout[list];
      if (!Array.isArray(layers)) continue;
      layers.forEach((layer, index) => {
        if (!isPlainObject(layer) || isUnknown(layer.locationId)) return;
        const path = ["layouts", name, list, index, "locationId"];
        if (showsChannels) notAChannel(path, layer.locationId);
        else notASource(path, layer.locationId, "the API takes a layout only over positions that hold sources");
      });
    }
  }
  for (const [position, component] of entriesOf(file.components)) {
    if (!isPlainObject(component) || !isPlainObject(component.caption)) continue;
    if (!isUnknown(component.caption.sourceLocationId)) {
      notASource(["components", position, "caption", "sourceLocationId"], component.caption.sourceLocationId, "a caption captions one of the studio's sources");
    }
  }
  for (const [name, episode] of entriesOf(file.episodes)) {
    if (!isPlainObject(episode)) continue;
    if (!isUnknown(episode.locationId)) {
      notASource(["episodes", name, "locationId"], episode.locationId, "an episode switches the studio to one of its sources");
    }
    if (!Array.isArray(episode.components)) continue;
    episode.components.forEach((position: unknown, index: number) => {
      // A component listed twice is the kind's rule's to report (eachComponentOnce).
      if (typeof position !== "string" || !COMPONENT_LOCATION_ID_PATTERN.test(position) || components.includes(position)) return;
      problems.push({
        path: ["episodes", name, "components", index],
        finding: "missing component",
        message: `components[${index}] ${describeValue(position)} is not a component of ${terms.holder}: an episode shows the studio's components; ${addOrUse("components", position, components)}.`,
      });
    });
  }
  problems.push(...channelReferenceProblems(file, terms, notASource));
  problems.push(...groupsNeedADomainProblems(file, terms));
  if (!isPlainObject(file.scenes)) return problems;
  const bound = SCENE_KEYS.filter((key) => isPlainObject((file.scenes as Record<string, unknown>)[key]));
  for (const key of bound) {
    const scene = (file.scenes as Record<string, Record<string, unknown>>)[key];
    if (typeof scene.layout === "string" && (!terms.keysOfFileForm || LAYOUT_NAME_PATTERN.test(scene.layout)) && !layouts.includes(scene.layout)) {
      problems.push({
        path: ["scenes", key, "layout"],
        finding: "missing layout",
        message: `layout ${describeValue(scene.layout)} is not a layout of ${terms.holder}; ${addOrUse("layouts", scene.layout, layouts)}.`,
      });
    }
    if (!Array.isArray(scene.components)) continue;
    scene.components.forEach((position: unknown, index: number) => {
      if (typeof position !== "string" || !COMPONENT_LOCATION_ID_PATTERN.test(position)) return;
      const path = ["scenes", key, "components", index];
      const first = (scene.components as unknown[]).indexOf(position);
      if (first !== index) {
        problems.push({ path, message: `components[${index}] ${describeValue(position)} is listed twice (first as components[${first}]): a scene shows a component once; remove one.` });
      } else if (!components.includes(position)) {
        problems.push({ path, finding: "missing component", message: `components[${index}] ${describeValue(position)} is not a component of ${terms.holder}; ${addOrUse("components", position, components)}.` });
      }
    });
  }
  if (bound.length > 0) problems.push(...studioRunsProblems(file.caster, terms));
  return problems;
}

/**
 * A channel plays one of the studio's sources; what applies to a video file only (SetCasterChannelRequest.ts,
 * PlayStatus and SeekOffset: "applies only to video files, not live streams") is refused for a live
 * stream; and channels exist in channel mode only (SetCasterChannel refuses a studio without it).
 */
function channelReferenceProblems(
  file: Record<string, unknown>,
  terms: StudioTerms,
  notASource: (path: (string | number)[], locationId: unknown, why: string) => void,
): PathProblem[] {
  const problems: PathProblem[] = [];
  const channels = entriesOf(file.channels).filter(([, channel]) => isPlainObject(channel)) as [string, Record<string, unknown>][];
  for (const [channelId, channel] of channels) {
    if (isUnknown(channel.source)) continue;
    notASource(["channels", channelId, "source"], channel.source, "a channel plays one of the studio's sources");
    const source = typeof channel.source === "string" && isPlainObject(file.sources) ? file.sources[channel.source] : undefined;
    if (!isPlainObject(source) || source.liveStreamUrl === undefined) continue;
    for (const setting of FILE_ONLY_CHANNEL_SETTINGS) {
      if (channel[setting] === undefined) continue;
      problems.push({
        path: ["channels", channelId, setting],
        message: `${setting} ${describeValue(channel[setting])} applies to a video file only, and source ${channel.source} is a live stream (SetCasterChannel: "not live streams"); remove ${setting}, or put a file on ${channelId}.`,
      });
    }
  }
  const studio = isPlainObject(file.caster) && isPlainObject(file.caster[NEW_STUDIO_KEY]) ? (file.caster[NEW_STUDIO_KEY] as Record<string, unknown>) : undefined;
  // channelMode left out is not managed (the Caster kind's whenOmitted: "not compared"): an adopted studio keeps
  // its own, which may be on; a studio made new starts without it (SetCasterConfigRequest.ts: "0 (default)").
  const adopted = isPlainObject(file.adopt) && file.adopt.caster !== undefined && file.adopt.caster !== null;
  const channelModeOff = studio !== undefined && !isUnknown(studio.channelMode) && (studio.channelMode === false || (studio.channelMode === undefined && !adopted));
  if (channels.length > 0 && channelModeOff) {
    problems.push({
      path: ["channels"],
      atKey: true,
      message: `channels exist in channel mode only (SetCasterChannel refuses a studio without it, and a new studio starts without it), and ${terms.studioChannelMode.where} is ${studio.channelMode === undefined ? "not set" : describeValue(studio.channelMode)}: ${terms.studioChannelMode.fix}`,
    });
  }
  return problems;
}


/** The channels section: each key a channel RV01 to RV12, each entry checked as the CasterChannel resource checks its inputs. */
function channelsProblems(channels: unknown): PathProblem[] {
  if (channels === undefined || channels === null) return [];
  if (!isPlainObject(channels)) {
    return [{ path: ["channels"], message: `channels is a mapping of channels to what each plays (RV01: { source: RV03 }), got ${kindOf(channels)}.` }];
  }
  const problems: PathProblem[] = [];
  for (const [key, channel] of Object.entries(channels)) {
    const path = ["channels", key];
    if (!CHANNEL_ID_PATTERN.test(key)) {
      problems.push({ path, atKey: true, message: `channels key ${describeValue(key)} is not a channel: ${CHANNEL_ID_RULE}` });
    } else if (!isPlainObject(channel)) {
      problems.push({ path, atKey: true, message: `channels.${key} must be a mapping { source: <position of a source>, faceBeauty?, playStatus?, seekOffset? }, got ${kindOf(channel)}.` });
    } else {
      problems.push(...entryProblems(channel, path, CHANNEL));
    }
  }
  return problems;
}

/** Scenes exist on a started studio only: a studio the file makes must run (an existing one is the owner's to start). */
function studioRunsProblems(caster: unknown, terms: StudioTerms): PathProblem[] {
  if (!isPlainObject(caster) || !isPlainObject(caster[NEW_STUDIO_KEY])) return [];
  const running = (caster[NEW_STUDIO_KEY] as Record<string, unknown>).running;
  if (running === true || isUnknown(running)) return [];
  return [{
    path: ["scenes"],
    atKey: true,
    message: `${FILE_RULE_WORDS.scenesNeedARunningStudio.why}, and ${terms.studioRunning.where} is ${running === undefined ? "not set" : describeValue(running)}: ${terms.studioRunning.fix}`,
  }];
}

/**
 * A group that names no domain plays on its studio's, which a studio made new has only when its
 * domainName is set. An adopted studio (adopt.caster, a Caster's importId) has its own, which the
 * group's provider reads at `up` (provider/episode-group/provider.ts).
 */
function groupsNeedADomainProblems(file: Record<string, unknown>, terms: StudioTerms): PathProblem[] {
  const caster = file.caster;
  if (!isPlainObject(caster) || !isPlainObject(caster[NEW_STUDIO_KEY])) return [];
  if (isPlainObject(file.adopt) && file.adopt.caster !== undefined) return [];
  const domainName = (caster[NEW_STUDIO_KEY] as Record<string, unknown>).domainName;
  if (domainName !== undefined) return [];
  return entriesOf(file.episodeGroups)
    .filter(([, group]) => isPlainObject(group) && group.domainName === undefined)
    .map(([key]) => ({
      path: ["episodeGroups", key],
      atKey: true,
      message: `${FILE_RULE_WORDS.groupsNeedADomain.why}, and neither the group's domainName nor ${terms.studioDomain.where} is set: ${terms.studioDomain.fix}`,
    }));
}

/** A section's keys of the right form (a misspelt one is the section's own problem, and no target). */
function keysOf(section: unknown, pattern: RegExp): string[] {
  return isPlainObject(section) ? Object.keys(section).filter((key) => pattern.test(key)) : [];
}

function entriesOf(section: unknown): [string, unknown][] {
  return isPlainObject(section) ? Object.entries(section) : [];
}

/** "add sources.RV05, or use one of RV01, RV02", or, with none declared, "add sources.RV05 (the file declares no sources)". */
function addOrUseIn(terms: StudioTerms, section: "sources" | "layouts" | "components" | "channels", key: string, keys: string[]): string {
  if (keys.length === 0) return `${terms.add(section, key)} (${terms.declarer} declares no ${section})`;
  const sorted = [...keys].sort();
  return `${terms.add(section, key)}, or use ${sorted.length === 1 ? sorted[0] : `one of ${sorted.join(", ")}`}`;
}

function addOrUse(section: "sources" | "layouts" | "components" | AdoptSection, key: string, keys: string[]): string {
  return addOrUseIn(FILE_TERMS, section as "sources", key, keys);
}

/**
 * The rule across a source's importId and its studio, which in a layout is the file's `caster`:
 * checked when both are written in the file, silent when the studio comes from stack config or
 * the program (the resource checks it at preview, once the ID is known).
 */
function importIdProblems(layout: Record<string, unknown>): PathProblem[] {
  const caster = layout.caster;
  const sources = layout.sources;
  if (!isPlainObject(caster) || !isPlainObject(sources)) return [];
  const casterId = caster.casterId;
  if (!videoResourceFields.casterId.safeParse(casterId).success) return [];
  const problems: PathProblem[] = [];
  for (const [key, entry] of Object.entries(sources)) {
    if (!isPlainObject(entry) || !videoResourceFields.importId.safeParse(entry.importId).success || entry.importId === undefined) continue;
    const failure = importIdOfThisStudio({ casterId: casterId as string, importId: entry.importId as string }, new Set());
    if (failure) problems.push({ path: ["sources", key, failure.property], message: failure.reason });
  }
  return problems;
}

/**
 * The `adopt` section: what the first `pulumi up` takes over instead of making new. Each key names
 * an entry the file declares, in the section of the same name; each ID has the form the API gives;
 * the studio is adopted only where the file makes one (`caster: { new: … }`: an existing studio
 * given by casterId or config is not managed by the file), and a studio the file makes new has
 * nothing to take over unless it is itself adopted.
 */
function adoptProblems(file: Record<string, unknown>): PathProblem[] {
  const adopt = file.adopt;
  if (adopt === undefined || adopt === null || isUnknown(adopt)) return [];
  if (!isPlainObject(adopt)) {
    return [{ path: ["adopt"], message: `adopt is a mapping of what the first \`pulumi up\` takes over (caster, ${ADOPT_SECTION_NAMES.join(", ")}), got ${kindOf(adopt)}.` }];
  }
  const problems = unknownKeyProblems(adopt, ["adopt"], ["caster", ...ADOPT_SECTION_NAMES, "showList", "playlist", "studioLayouts"], "a section of adopt");
  const newStudio = isPlainObject(file.caster) && NEW_STUDIO_KEY in file.caster;
  if (adopt.caster !== undefined && adopt.caster !== null && !isUnknown(adopt.caster)) {
    if (!newStudio) {
      problems.push({
        path: ["adopt", "caster"],
        atKey: true,
        message: `adopt.caster ${describeValue(adopt.caster)} ${FILE_RULE_WORDS.adoptsANewStudio.what}, but this file's studio is ${file.caster === undefined ? "not declared in it" : "an existing one (casterId or config), which the file does not manage"}: ${FILE_RULE_WORDS.adoptsANewStudio.fix}`,
      });
    } else {
      const parsed = fileAdoptSchema.shape.caster.safeParse(adopt.caster);
      if (!parsed.success) problems.push({ path: ["adopt", "caster"], message: `adopt.caster ${describeValue(adopt.caster)} is not allowed: ${parsed.error.issues[0].message}` });
    }
  }
  const studioIsNew = newStudio && (adopt.caster === undefined || adopt.caster === null);
  problems.push(...adoptedShowListProblems(file, adopt, studioIsNew));
  problems.push(...adoptedPlaylistProblems(file, adopt, studioIsNew));
  for (const section of ADOPT_SECTION_NAMES) {
    const entries = adopt[section];
    if (entries === undefined || entries === null || isUnknown(entries)) continue;
    const { keyPattern, noun, id } = ADOPT_SECTIONS[section];
    if (!isPlainObject(entries)) {
      problems.push({ path: ["adopt", section], message: `adopt.${section} is a mapping from a key of ${section} to the existing ${noun}'s ${id}, got ${kindOf(entries)}.` });
      continue;
    }
    const declared = keysOf(file[section], keyPattern);
    const idSchema = fileAdoptSchema.shape[section].unwrap().unwrap().valueType;
    for (const [key, value] of Object.entries(entries)) {
      const path = ["adopt", section, key];
      if (!declared.includes(key)) {
        problems.push({ path, atKey: true, message: `${key} is not ${article(noun)} ${noun} of this file: adopt takes over what the file declares; ${addOrUse(section, key, declared)}.` });
      } else if (studioIsNew) {
        problems.push({
          path,
          atKey: true,
          message: `adopt.${section}.${key} ${FILE_RULE_WORDS.nothingToTakeOver.what(noun)}: ${FILE_RULE_WORDS.nothingToTakeOver.fix(`adopt.${section}.${key}`)}`,
        });
      }
      if (isUnknown(value)) continue;
      const parsed = idSchema.safeParse(value);
      if (!parsed.success) {
        const rule = typeof value === "string" ? parsed.error.issues[0].message
          : `use the ${noun}'s ${id} as text${typeof value === "number" || typeof value === "boolean" ? `; in YAML, quote it: "${String(value)}"` : ""}.`;
        problems.push({ path, message: `${key} ${describeValue(value)} is not allowed: ${rule}` });
      } else if (section === "sources" && isPlainObject(file.sources) && isPlainObject(file.sources[key]) && (file.sources[key] as Record<string, unknown>).importId !== undefined) {
        problems.push({
          path,
          message: `sources.${key} is adopted twice, here and by its importId ${describeValue((file.sources[key] as Record<string, unknown>).importId)}: give its ID once; remove sources.${key}.importId.`,
        });
      }
    }
  }
  return problems;
}

const ADOPT_SECTION_NAMES = Object.keys(ADOPT_SECTIONS) as AdoptSection[];

/**
 * `adopt.showList`: the studio's list is taken over by the studio's ID (a studio has one list), so
 * it names the file's studio, where the file says which that is, and the file declares a list.
 */
function adoptedShowListProblems(file: Record<string, unknown>, adopt: Record<string, unknown>, studioIsNew: boolean): PathProblem[] {
  const id = adopt.showList;
  if (id === undefined || id === null || isUnknown(id)) return [];
  const path = ["adopt", "showList"];
  if (file.showList === undefined || file.showList === null) {
    return [{ path, atKey: true, message: `adopt.showList takes over the studio's show list, but this file declares none: add showList with its shows, or remove adopt.showList.` }];
  }
  if (studioIsNew) {
    return [{ path, atKey: true, message: `adopt.showList ${FILE_RULE_WORDS.nothingToTakeOver.what("show list")}: ${FILE_RULE_WORDS.nothingToTakeOver.fix("adopt.showList")}` }];
  }
  const parsed = fileAdoptSchema.shape.showList.safeParse(id);
  if (!parsed.success) {
    const quoteIt = typeof id === "number" || typeof id === "boolean" ? `; in YAML, quote it: "${String(id)}"` : "";
    return [{ path, message: `showList ${describeValue(id)} is not allowed: ${typeof id === "string" ? parsed.error.issues[0].message : `use the studio's CasterId as text${quoteIt}.`}` }];
  }
  const caster = isPlainObject(file.caster) ? file.caster : {};
  const studio = typeof adopt.caster === "string" ? adopt.caster : typeof caster.casterId === "string" ? caster.casterId : undefined;
  if (studio !== undefined && id !== studio) {
    return [{ path, message: `showList ${describeValue(id)} is not this file's studio, ${studio}: a show list is taken over by its studio's CasterId (a studio has one list); use ${studio}.` }];
  }
  return [];
}

/** `adopt.playlist`: the studio's playlist by its ProgramId, where the file declares one and its studio exists. */
function adoptedPlaylistProblems(file: Record<string, unknown>, adopt: Record<string, unknown>, studioIsNew: boolean): PathProblem[] {
  const id = adopt.playlist;
  if (id === undefined || id === null || isUnknown(id)) return [];
  const path = ["adopt", "playlist"];
  if (file.playlist === undefined || file.playlist === null) {
    return [{ path, atKey: true, message: "adopt.playlist takes over the studio's playlist, but this file declares none: add playlist with its items, or remove adopt.playlist." }];
  }
  if (studioIsNew) {
    return [{ path, atKey: true, message: `adopt.playlist ${FILE_RULE_WORDS.nothingToTakeOver.what("playlist")}: ${FILE_RULE_WORDS.nothingToTakeOver.fix("adopt.playlist")}` }];
  }
  const parsed = fileAdoptSchema.shape.playlist.safeParse(id);
  if (!parsed.success) return [{ path, message: `playlist ${describeValue(id)} is not allowed: ${typeof id === "string" ? parsed.error.issues[0].message : "use the playlist's ProgramId as text."}` }];
  return [];
}

function article(noun: string): string {
  return /^[aeiou]/.test(noun) ? "an" : "a";
}

/**
 * Narrows a layout that {@link findLayoutProblems} passed. The layout's own zod schema must agree
 * (it is what the JSON Schema is made from); if it does not, that is a bug here, not in the file.
 */
export function asValidLayout(value: unknown): StudioFileDefinition {
  const parsed = studioLayoutSchema.safeParse(value);
  if (!parsed.success) {
    throw new Error(`pulumi-alicloud-caster: a layout passed the checks but not its schema (${parsed.error.issues[0].message}); please report this.`);
  }
  return value as StudioFileDefinition;
}

function casterProblems(caster: unknown, adoptedId: unknown): PathProblem[] {
  if (!isPlainObject(caster)) {
    return [{ path: ["caster"], message: `caster must be ${CASTER_FORMS}, got ${kindOf(caster)}.` }];
  }
  const misspelt = unknownKeyProblems(caster, ["caster"], CASTER_KEYS,
    "a caster key (casterId: an existing studio's ID, config: a stack config key holding it, or new: a studio this layout makes)");
  if (misspelt.length > 0) return misspelt;
  const keys = Object.keys(caster);
  if (keys.length !== 1) {
    return [{
      path: ["caster"],
      message: `caster takes one of ${CASTER_KEYS.join(", ")}, not several and not none: keep the one that says which studio this is (${CASTER_FORMS}).`,
    }];
  }
  if (keys[0] === NEW_STUDIO_KEY) return newStudioProblems(caster[NEW_STUDIO_KEY], adoptedId);
  if (layoutCasterSchema.safeParse(caster).success) return [];
  const field = layoutCasterSchema.options[keys[0] === "casterId" ? 0 : 1].shape;
  const failures = checkInputs({ fields: field, rules: [] } as unknown as InputSpec<Record<string, unknown>>, caster, "caster");
  return failures.map((failure) => ({ path: ["caster", failure.property], message: withYamlHint(failure.reason, caster[failure.property]) }));
}

/** The studio `adopt.caster` takes over, as Studio passes it to the Caster (its importId). */
function adoptedStudioId(file: Record<string, unknown>): unknown {
  return isPlainObject(file.adopt) && file.adopt.caster !== null ? file.adopt.caster : undefined;
}

/**
 * A studio the layout makes: checked as the Caster resource checks its inputs, rules across its
 * fields included; an adopted one with the importId Studio gives it (the rules that an adopted
 * studio decides from the API, such as running's domain, then hold at adoption).
 */
function newStudioProblems(studio: unknown, adoptedId: unknown): PathProblem[] {
  const path = ["caster", NEW_STUDIO_KEY];
  if (studio === null || studio === undefined) {
    return [{ path, atKey: true, message: `caster.new is empty: give the new studio its ${NEW_STUDIO_NEEDS.join(" and ")} (and any settings), or use casterId or config for an existing studio.` }];
  }
  if (!isPlainObject(studio)) {
    return [{ path, message: `caster.new must be a mapping of the new studio's properties (${NEW_STUDIO_NEEDS.join(", ")}, ...), got ${kindOf(studio)}.` }];
  }
  if (adoptedId === undefined || "importId" in studio) return entryProblems(studio, path, NEW_STUDIO);
  return entryProblems({ ...studio, importId: adoptedId }, path, ADOPTED_STUDIO);
}

/** A studio layout (`studioLayouts:`): the CasterStudioLayout kind's fields and rules, less casterId. */
const STUDIO_LAYOUT: EntryCheck = {
  entry: "a studio layout",
  spec: { fields: fileStudioLayoutFields, rules: casterStudioLayout.rules } as unknown as InputSpec<Record<string, unknown>>,
  secretStandIns: {},
};

/**
 * The studio layouts: a list, each checked as the CasterStudioLayout resource checks its inputs,
 * each name once (a layout is known by its name); `adopt.studioLayouts` names declared layouts.
 */
function studioLayoutsProblems(file: Record<string, unknown>): PathProblem[] {
  const layouts = file.studioLayouts;
  if (layouts === undefined || layouts === null || isUnknown(layouts)) return [];
  if (!Array.isArray(layouts)) {
    return [{ path: ["studioLayouts"], message: `studioLayouts is a list of studio layouts ([{ layoutName, layoutType, ... }]), got ${kindOf(layouts)}.` }];
  }
  const problems: PathProblem[] = [];
  const firstOf = new Map<unknown, number>();
  layouts.forEach((layout: unknown, index: number) => {
    const path = ["studioLayouts", index] as unknown as string[];
    if (!isPlainObject(layout)) {
      problems.push({ path, message: `studioLayouts[${index}] is a studio layout { layoutName, layoutType, ... }, got ${kindOf(layout)}.` });
      return;
    }
    problems.push(...entryProblems(layout, path, STUDIO_LAYOUT));
    const first = firstOf.get(layout.layoutName);
    if (first !== undefined && typeof layout.layoutName === "string") {
      problems.push({
        path: ["studioLayouts", index, "layoutName"],
        message: `studioLayouts[${index}] and studioLayouts[${first}] are both named ${describeValue(layout.layoutName)}: a studio layout is known by its name (that is how a lost reply is found again); rename one.`,
      });
    } else if (first === undefined) {
      firstOf.set(layout.layoutName, index);
    }
  });
  const adopted = isPlainObject(file.adopt) ? file.adopt.studioLayouts : undefined;
  for (const name of isPlainObject(adopted) ? Object.keys(adopted) : []) {
    if (firstOf.has(name)) continue;
    problems.push({
      path: ["adopt", "studioLayouts", name],
      atKey: true,
      message: `${describeValue(name)} is not the layoutName of a studio layout of this file: adopt takes over what the file declares; use one of ${[...firstOf.keys()].map((known) => describeValue(known)).join(", ") || "(the file declares no studio layouts)"}.`,
    });
  }
  return problems;
}

/**
 * Studio layouts are a virtual studio's (AddStudioLayout's CasterId "must be a virtual studio"):
 * where the studio's normType is declared, another one is refused at the first studio layout. The
 * section is a list in a file and keyed by layoutName in a program's resources.
 */
function studioLayoutStudioProblems(studio: Record<string, unknown>): PathProblem[] {
  const caster = studio.caster;
  const normType = isPlainObject(caster) && isPlainObject(caster[NEW_STUDIO_KEY]) ? caster[NEW_STUDIO_KEY].normType : undefined;
  if (typeof normType !== "number" || normType === NORM_TYPE.virtualStudio) return [];
  const layouts = studio.studioLayouts;
  const first = Array.isArray(layouts) ? (layouts.length > 0 ? 0 : undefined) : Object.keys(isPlainObject(layouts) ? layouts : {})[0];
  if (first === undefined) return [];
  return [{
    path: ["studioLayouts", first],
    message: `a studio layout needs a virtual studio (normType ${NORM_TYPE.virtualStudio}): AddStudioLayout refuses any other, and the studio's normType is ${normType}; set normType: ${NORM_TYPE.virtualStudio} on the studio, or remove the studio layouts.`,
  }];
}

/** The show list: one per studio, checked as the CasterShowList resource checks its inputs. */
function showListProblems(showList: unknown): PathProblem[] {
  if (showList === undefined || showList === null) return [];
  if (!isPlainObject(showList)) {
    return [{ path: ["showList"], message: `showList is a mapping of the studio's show list (shows: [{ showName, resourceType, resourceUrl | resourceId, duration | repeatTimes }], repeatTimes, ...), got ${kindOf(showList)}.` }];
  }
  return entryProblems(showList, ["showList"], SHOW_LIST);
}

/** The playlist: one per lightweight carousel studio, checked as the CasterPlaylist resource checks its inputs. */
function playlistProblems(playlist: unknown, caster: unknown): PathProblem[] {
  if (playlist === undefined || playlist === null) return [];
  if (!isPlainObject(playlist)) {
    return [{ path: ["playlist"], message: `playlist is a mapping of the studio's playlist (items: [{ itemName, mediaId }], programName, repeatNumber), got ${kindOf(playlist)}.` }];
  }
  // AddPlaylistItems refuses any other studio: said here, before the studio is made.
  const normType = isPlainObject(caster) && isPlainObject(caster[NEW_STUDIO_KEY]) ? (caster[NEW_STUDIO_KEY] as Record<string, unknown>).normType : undefined;
  const wrongStudio: PathProblem[] = typeof normType === "number" && normType !== PLAYLIST_NORM_TYPE
    ? [{ path: ["playlist"], atKey: true, message: `a playlist is a lightweight carousel studio's (normType ${PLAYLIST_NORM_TYPE}), but caster.new.normType is ${normType}: set normType: ${PLAYLIST_NORM_TYPE} (with casterTemplate lp_noTranscode and programEffect 1), or remove playlist.` }]
    : [];
  return [...wrongStudio, ...entryProblems(playlist, ["playlist"], PLAYLIST)];
}

function sectionProblems(entries: unknown, section: Section, file: Record<string, unknown>): PathProblem[] {
  // Left empty (`sources:`), a section has nothing in it.
  if (entries === undefined || entries === null) return [];
  if (!isPlainObject(entries)) {
    return [{ path: [section.name], message: `${section.name} is a mapping keyed by ${section.keyedBy}, got ${kindOf(entries)}.` }];
  }
  const problems: PathProblem[] = [];
  const check: EntryCheck = section.specFor ? { ...section, spec: section.specFor(file) } : section;
  for (const [key, entry] of Object.entries(entries)) {
    const path = [section.name, key];
    if (!section.keyPattern.test(key)) {
      problems.push({ path, atKey: true, message: `${JSON.stringify(key)} is not allowed as a key of ${section.name}: ${section.keyRule}` });
    }
    if (entry === null || entry === undefined) {
      problems.push({ path, atKey: true, message: `${section.name}.${key} is empty: give it ${section.needs}, or remove it.` });
      continue;
    }
    if (!isPlainObject(entry)) {
      problems.push({ path, message: `${section.name}.${key} must be a mapping of its properties (${section.needs}), got ${kindOf(entry)}.` });
      continue;
    }
    problems.push(...entryProblems(entry, path, check));
  }
  return problems;
}

/** An entry's problems: its properties and the rules across them, checked as its resource checks its inputs. */
function entryProblems(entry: Record<string, unknown>, path: string[], check: EntryCheck): PathProblem[] {
  // checkInputs passes over __-keys, which Pulumi adds to a resource's inputs; a file has none.
  const reserved = Object.keys(entry).filter((name) => name.startsWith("__"));
  const problems: PathProblem[] = reserved.map((name) => ({ path: [...path, name], atKey: true, message: `${name} is not a property of ${check.entry}; remove it.` }));
  const { checkable, secretProblems, standIns } = setSecretsAside(entry, path, check);
  problems.push(...secretProblems);
  for (const failure of checkInputs(check.spec, checkable, check.entry)) {
    problems.push(entryProblem(path, failure, entry, check, standIns));
  }
  return problems;
}

function entryProblem(path: string[], failure: CheckFailure, entry: Record<string, unknown>, check: EntryCheck, standIns: Map<string, string>): PathProblem {
  const misspelt = !(failure.property in check.spec.fields);
  const where = failure.path ?? [failure.property];
  const received = where.reduce<unknown>((inner, key) => (inner as Record<string | number, unknown> | undefined)?.[key], entry);
  let message = withYamlHint(failure.reason, received);
  for (const [standIn, secret] of standIns) message = message.split(JSON.stringify(standIn)).join(`{ secret: ${secret} }`);
  return { path: [...path, ...where], atKey: misspelt, message };
}

/**
 * Secret references, checked for their key and replaced by stand-ins, so the entry goes through the
 * resource's checks like any other; `standIns` maps each stand-in back to its key for messages.
 */
function setSecretsAside(entry: Record<string, unknown>, path: string[], check: EntryCheck) {
  const checkable: Record<string, unknown> = { ...entry };
  const secretProblems: PathProblem[] = [];
  const standIns = new Map<string, string>();
  const setAside = (value: unknown, where: (string | number)[], standIn: string): unknown => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
    const name = String(where[where.length - 1]);
    if (!isSecretReference(value)) {
      secretProblems.push({
        path: [...path, ...where],
        message: `${name} ${describeValue(value)} is not allowed: give the URL, or { secret: <stack config key> } for one kept in the stack's secret config.`,
      });
    } else if (!CONFIG_KEY_PATTERN.test(value.secret)) {
      secretProblems.push({ path: [...path, ...where, "secret"], message: `secret ${describeValue(value.secret)} is not allowed: ${CONFIG_KEY_RULE}` });
    } else {
      standIns.set(standIn, value.secret);
    }
    return standIn;
  };
  for (const [name, standIn] of Object.entries(check.secretStandIns)) {
    if (name in entry) checkable[name] = setAside(entry[name], [name], standIn);
  }
  for (const { property, url, standIn } of check.nestedSecrets ?? []) {
    const withUrl = (inner: unknown, where: (string | number)[]) => isPlainObject(inner) && url in inner
      ? { ...inner, [url]: setAside(inner[url], [...where, url], standIn) }
      : inner;
    const value = entry[property];
    if (Array.isArray(value)) checkable[property] = value.map((item, index) => withUrl(item, [property, index]));
    else if (isPlainObject(value)) checkable[property] = withUrl(value, [property]);
  }
  return { checkable, secretProblems, standIns };
}

/** YAML reads 123 and true as a number and a boolean; a text property needs them quoted. */
function withYamlHint(message: string, received: unknown): string {
  if ((typeof received === "number" || typeof received === "boolean") && / must be a string, got /.test(message)) {
    return `${message} In YAML, quote it: "${String(received)}".`;
  }
  return message;
}

function unknownKeyProblems(value: Record<string, unknown>, path: string[], allowed: string[], what: string): PathProblem[] {
  return Object.keys(value)
    .filter((key) => !allowed.includes(key))
    .map((key) => {
      const likely = allowed.find((known) => known.toLowerCase() === key.toLowerCase());
      return {
        path: [...path, key],
        atKey: true,
        message: likely ? `${key} is not ${what}: use ${likely}.` : `${key} is not ${what}; remove it, or use one of ${allowed.join(", ")}.`,
      };
    });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  return `${typeof value} ${describeValue(value)}`;
}

// ---------------------------------------------------------------------------------------------
// The schedule: episodes, each checked as the CasterEpisode kind checks its inputs, then the
// timeline across them

/** The file's timeZone when it is a valid one (else it is its own problem, and times are given in UTC only). */
function zoneOf(file: Record<string, unknown>): string | undefined {
  return timeZoneSchema.safeParse(file.timeZone).success ? (file.timeZone as string) : undefined;
}

function timeZoneProblems(zone: unknown): PathProblem[] {
  if (zone === undefined || isUnknown(zone)) return [];
  const spec = { fields: { timeZone: timeZoneSchema }, rules: [] } as unknown as InputSpec<Record<string, unknown>>;
  return checkInputs(spec, { timeZone: zone }, "a studio file").map((failure) => ({ path: ["timeZone"], message: withYamlHint(failure.reason, zone) }));
}

/** The file's connection, checked as each resource checks its own; each problem where it is in the file. */
function connectionProblems(connection: unknown): PathProblem[] {
  if (connection === undefined || isUnknown(connection)) return [];
  const spec = { fields: { connection: connectionSchema }, rules: [] } as unknown as InputSpec<Record<string, unknown>>;
  return checkInputs(spec, { connection }, "a studio file").map((failure) => ({ path: failure.path ?? ["connection"], message: failure.reason }));
}

/** An episode entry's fields, and the kind's rules read in the file's terms, with times in the file's zone. */
function episodeSpec(zone: string | undefined): InputSpec<Record<string, unknown>> {
  return {
    fields: fileEpisodeSchema.shape,
    rules: casterEpisode.rules.map((rule) => fileEpisodeRule(rule, zone)),
  } as unknown as InputSpec<Record<string, unknown>>;
}

/**
 * A rule of the CasterEpisode kind, applied to a file's episode: the file names its components by
 * position in `components` where the kind has `componentIds`, and its source by position only
 * (`locationId`; the kind also takes `resourceId`, which a file never holds). Its failures are
 * said back in the file's terms.
 */
function fileEpisodeRule(rule: CrossFieldRule<EpisodeInputs>, zone: string | undefined): CrossFieldRule<Record<string, unknown>> {
  return (known, unknown) => {
    const { components, ...rest } = known;
    const asKind = { ...rest, ...(components !== undefined ? { componentIds: components } : {}) } as Partial<EpisodeInputs>;
    const unknownAsKind = new Set([...unknown].map((name) => (name === "components" ? "componentIds" : name)));
    const failure = rule(asKind, unknownAsKind);
    return failure === undefined ? undefined : inFileTerms(failure, known, zone);
  };
}

const KIND_PROPERTY_IN_FILE: Record<string, string> = { componentIds: "components", resourceId: "locationId" };

function inFileTerms(failure: CheckFailure, known: Record<string, unknown>, zone: string | undefined): CheckFailure {
  const property = KIND_PROPERTY_IN_FILE[failure.property] ?? failure.property;
  const path = failure.path?.map((key) => (typeof key === "string" ? KIND_PROPERTY_IN_FILE[key] ?? key : key));
  const [start, end] = [Date.parse(String(known.startTime)), Date.parse(String(known.endTime))];
  if (failure.property === "endTime" && typeof known.startTime === "string" && typeof known.endTime === "string" && end <= start) {
    // The timeline's own words: both times in the file's zone and in UTC.
    return {
      property,
      reason: `the episode ends at ${momentPhrase(end, zone)}, ${end === start ? "the moment it starts" : `before it starts, at ${momentPhrase(start, zone)}`}: an episode ends after it starts; move endTime later or startTime earlier.`,
    };
  }
  const reason = failure.reason
    .replace(GIVE_A_SOURCE, GIVE_A_SOURCE_IN_THE_FILE)
    .replace(/\bcomponentIds\b/g, "components");
  return { ...failure, property, ...(path ? { path } : {}), reason };
}

/** An episode whose times are known and valid, placed on the timeline. */
interface TimedEpisode {
  name: string;
  entry: Record<string, unknown>;
  /** ms since the epoch. */
  start: number;
  end: number;
}

/** A time the field's own schema accepts (its problem is the field's otherwise), in ms since the epoch. */
function validTime(value: unknown): number | undefined {
  if (typeof value !== "string" || !fileEpisodeSchema.shape.startTime.safeParse(value).success) return undefined;
  return Date.parse(value);
}

/**
 * One timeline across the file, checked before anything is applied: no two episodes on air at
 * once, none that starts too soon to be made in time (an error) or has started already (a
 * warning: one already made stays as it is), no live stream waited for to end (ContentFirst),
 * and no carousel (an episode group) starting while an episode is on air (a warning). Every
 * message gives the times involved in the file's zone and in UTC.
 */
function timelineProblems(file: Record<string, unknown>, now: number, terms: StudioTerms): LayoutCheck {
  const zone = zoneOf(file);
  const span = (episode: TimedEpisode) => spanPhrase(episode.start, episode.end, zone);
  const at = (ms: number) => momentPhrase(ms, zone);
  const problems: PathProblem[] = [];
  const warnings: PathProblem[] = [];
  const timed: TimedEpisode[] = [];
  for (const [name, entry] of entriesOf(file.episodes)) {
    if (!isPlainObject(entry) || (terms.keysOfFileForm && !EPISODE_KEY_PATTERN.test(name))) continue;
    const start = validTime(entry.startTime);
    const end = validTime(entry.endTime);
    if (start !== undefined) {
      const lead = start - now;
      if (lead < 0) {
        const until = end === undefined ? "" : end > now ? ` and is on air until ${at(end)}` : ` and ended at ${at(end)}`;
        warnings.push({
          finding: "started",
          path: ["episodes", name, "startTime"],
          message: `episode ${describeValue(name)} started at ${at(start)}${until}; it is now ${at(now)}. `
            + "An episode already made stays as it is, but the API refuses to add one that starts in the past: "
            + `if this one is new, \`pulumi up\` fails on it; move it later${end !== undefined && end <= now ? ", or remove it (it has been played)" : ""}.`,
        });
      } else if (lead < MIN_EPISODE_LEAD_SECONDS * 1000) {
        // A warning, not an error: the file cannot tell a new episode from one made before, and a
        // deploy in the minute before a made episode starts must not fail on it.
        warnings.push({
          path: ["episodes", name, "startTime"],
          message: `episode ${describeValue(name)} starts ${lead < 1000 ? "now" : `in ${duration(Math.floor(lead / 1000) * 1000)}`}, at ${at(start)}; if it is new or moved, by the time \`pulumi up\` reaches it, it will have started and the API refuses it: `
            + `move it later, at least ${MIN_EPISODE_LEAD_SECONDS} s from when \`pulumi up\` runs.`,
        });
      }
    }
    if (start !== undefined && end !== undefined && end > start) {
      timed.push({ name, entry, start, end });
      problems.push(...liveStreamWaitedFor(file, name, entry, span({ name, entry, start, end })));
    }
  }
  timed.sort((a, b) => a.start - b.start || a.end - b.end || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // Each overlap once, at the start of the episode that starts later.
  for (const [index, later] of timed.entries()) {
    for (const earlier of timed.slice(0, index)) {
      if (earlier.end <= later.start) continue;
      problems.push({
        path: ["episodes", later.name, "startTime"],
        message: `episode ${describeValue(later.name)}, ${span(later)}, overlaps episode ${describeValue(earlier.name)}, ${span(earlier)}: `
          + `the studio is on one episode at a time; start ${describeValue(later.name)} at ${at(earlier.end)} or later, or end ${describeValue(earlier.name)} by ${at(later.start)}.`,
      });
    }
  }
  for (const [group, entry] of entriesOf(file.episodeGroups)) {
    if (!isPlainObject(entry) || (terms.keysOfFileForm && !GROUP_NAME_PATTERN.test(group))) continue;
    const start = validTime(entry.startTime);
    if (start === undefined) continue;
    for (const episode of timed.filter((candidate) => candidate.start <= start && start < candidate.end)) {
      warnings.push({
        path: ["episodes", episode.name],
        atKey: true,
        message: `episode ${describeValue(episode.name)}, ${span(episode)}, is on air when episode group ${describeValue(group)} starts, at ${at(start)}: `
          + `the carousel and the episode would both switch the studio; end the episode by ${at(start)}, or move the group's startTime out of it.`,
      });
    }
  }
  return { problems, warnings };
}

/** ContentFirst waits for the source's content to end, and a live stream has none (the API takes TimeFirst only for one). */
function liveStreamWaitedFor(file: Record<string, unknown>, name: string, entry: Record<string, unknown>, span: string): PathProblem[] {
  if (entry.switchType !== "ContentFirst" || typeof entry.locationId !== "string" || !isPlainObject(file.sources)) return [];
  const source = file.sources[entry.locationId];
  if (!isPlainObject(source) || source.liveStreamUrl === undefined) return [];
  const named = typeof source.resourceName === "string" ? ` ${describeValue(source.resourceName)}` : "";
  return [{
    path: ["episodes", name, "switchType"],
    message: `switchType "ContentFirst" waits for the source's content to end, but episode ${describeValue(name)}, ${span}, shows ${entry.locationId}${named}, a live stream, which has no end: use TimeFirst, or leave switchType out.`,
  }];
}
