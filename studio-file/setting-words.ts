import { casterVideoResource, isFile } from "../model/kinds/caster-video-resource";
import { comparable } from "../model/kinds/kind";
import { LayoutEpisodeGroup, LayoutSource } from "./schema";
import { clock, displayValue, duration, repeatPhrase } from "./words";

/**
 * A source's and an episode group's settings in words, kept in one place so that the diff, the
 * picture and the page cannot drift apart in what they call a setting. Each place reads them in
 * its own form, and the forms differ only where each place's tests hold it to its own words:
 *
 * - "change": a clause after a source's name in the diff ("starts 1.5 s into the file"), for the
 *   settings that differ from the API's defaults (what `pulumi up` sets);
 * - "listing": the page's table and the picture's tooltips ("starts at 5 s"), for every setting
 *   the file writes, defaults too, since the picture shows the file;
 * - "hint": the few characters a source card has room for ("from 5 s").
 */
export type SettingsForm = "change" | "listing" | "hint";

/** The settings a source has beyond what it plays. */
export type SourceSetting = "repeatNum" | "beginOffset" | "endOffset" | "ptsCallbackInterval" | "fixedDelayDuration" | "importId";

type SourceSettingWords = Record<SettingsForm, (value: never) => string>;

const SOURCE_SETTING_WORDS: Record<SourceSetting, SourceSettingWords> = {
  repeatNum: {
    change: repeatPhrase,
    listing: repeatPhrase,
    hint: (repeatNum: number) => (repeatNum === -1 ? "loops" : repeatNum === 0 ? "once" : `×${repeatNum}`),
  },
  beginOffset: {
    change: beginPhrase,
    listing: (ms: number) => (ms === 0 ? beginPhrase(ms) : `starts at ${duration(ms)}`),
    hint: (ms: number) => `from ${duration(ms)}`,
  },
  endOffset: {
    change: endPhrase,
    listing: (ms: number) => (ms < 0 ? `ends ${duration(-ms)} before the last frame` : endPhrase(ms)),
    hint: (ms: number) => `to ${duration(ms)}`,
  },
  ptsCallbackInterval: {
    change: ptsPhrase,
    listing: ptsPhrase,
    hint: (ms: number) => `PTS ${duration(ms)}`,
  },
  fixedDelayDuration: {
    change: (ms: number) => `has a fixed delay of ${ms} ms`,
    listing: (ms: number) => `fixed delay ${duration(ms)}`,
    hint: (ms: number) => `delay ${duration(ms)}`,
  },
  importId: {
    change: adoptionPhrase,
    listing: adoptionPhrase,
    hint: () => "adopted",
  },
};

/**
 * The order each form lists them in. The diff tells a file's playback in the order it plays
 * (start, end, then how often), the picture leads with how often, as its cards have room for
 * little more; each is what its tests read.
 */
const SOURCE_SETTING_ORDER: Record<SettingsForm, SourceSetting[]> = {
  change: ["beginOffset", "endOffset", "repeatNum", "ptsCallbackInterval", "fixedDelayDuration", "importId"],
  listing: ["repeatNum", "beginOffset", "endOffset", "fixedDelayDuration", "ptsCallbackInterval", "importId"],
  hint: ["repeatNum", "beginOffset", "endOffset", "fixedDelayDuration", "ptsCallbackInterval", "importId"],
};

/** Settings that mean something only while the source plays a file. */
const FILE_SETTINGS = new Set<SourceSetting>(["repeatNum", "beginOffset", "endOffset"]);

/** One setting of a source at a value, in a form: the diff's "now …" clauses are made of these. */
export function sourceSettingWords(setting: SourceSetting, value: number | string, form: SettingsForm): string {
  return (SOURCE_SETTING_WORDS[setting][form] as (value: number | string) => string)(value);
}

/**
 * A source's settings in a form, in that form's order. The diff compares in the providers' normal
 * form, so a setting written out at its default is none; the picture shows what the file writes.
 */
export function sourceSettingsWords(source: LayoutSource, form: SettingsForm): string[] {
  const values = form === "change" ? changedSourceSettings(source) : writtenSourceSettings(source);
  return SOURCE_SETTING_ORDER[form]
    .filter((setting) => values[setting] !== undefined)
    .map((setting) => sourceSettingWords(setting, values[setting]!, form));
}

/** A source's settings in the providers' normal form (the kind's spec), so that a setting written out at its default is no change. */
export function normalSource(source: LayoutSource): NormalSource {
  return comparable(casterVideoResource, source) as unknown as NormalSource;
}

export interface NormalSource {
  resourceName: string;
  beginOffset: number;
  endOffset: number;
  repeatNum: number;
  ptsCallbackInterval: number;
  fixedDelayDuration: number;
}

type SettingValues = Partial<Record<SourceSetting, number | string>>;

function changedSourceSettings(source: LayoutSource): SettingValues {
  const normal = normalSource(source);
  const values: SettingValues = {};
  for (const setting of SOURCE_SETTING_ORDER.change) {
    if (setting === "importId") values.importId = source.importId;
    else if (normal[setting] !== 0 && (isFile(source) || !FILE_SETTINGS.has(setting))) values[setting] = normal[setting];
  }
  return values;
}

function writtenSourceSettings(source: LayoutSource): SettingValues {
  return Object.fromEntries(SOURCE_SETTING_ORDER.listing.map((setting) => [setting, source[setting]]));
}

function beginPhrase(beginOffset: number): string {
  return beginOffset === 0 ? "starts at the beginning of the file" : `starts ${duration(beginOffset)} into the file`;
}

/** endOffset: 0 plays the whole file, a negative value counts back from its last frame. */
function endPhrase(endOffset: number): string {
  if (endOffset === 0) return "plays to the end of the file";
  if (endOffset < 0) return `ends ${duration(-endOffset)} before the end of the file`;
  return `ends at ${clock(endOffset)}`;
}

function ptsPhrase(ms: number): string {
  return `reports its playback position (PTS callback) every ${duration(ms)}`;
}

function adoptionPhrase(importId: string): string {
  return `adopts the existing source ${importId} instead of adding a new one`;
}

// Episode groups --------------------------------------------------------------------------------

/** The settings a group has besides its schedule and items, by the names a reviewer reads. */
export const GROUP_SETTING_NAMES = {
  domainName: "streaming domain",
  callbackUrl: "callback URL",
  sideOutputUrl: "output URL",
  regionId: "region",
} as const;
export type GroupSetting = keyof typeof GROUP_SETTING_NAMES;

/** The settings a group takes from the studio when it leaves them out; the region is the provider's. */
export const STUDIO_DEFAULT_GROUP_SETTINGS = ["domainName", "callbackUrl", "sideOutputUrl"] as const;

const GROUP_URL_SETTINGS = new Set<GroupSetting>(["callbackUrl", "sideOutputUrl"]);

/**
 * A group's settings besides its schedule and items: in the diff with their values ("streaming
 * domain: live.example.com", a signed URL masked); in the picture, a URL only as being set ("own
 * callback URL"), since the picture draws no URL.
 */
export function groupSettingsWords(group: LayoutEpisodeGroup, form: Exclude<SettingsForm, "hint">): string[] {
  return (Object.keys(GROUP_SETTING_NAMES) as GroupSetting[])
    .filter((setting) => group[setting] !== undefined)
    .map((setting) => {
      const name = GROUP_SETTING_NAMES[setting];
      const value = String(group[setting]);
      if (form === "change") return `${name}: ${displayValue(value)}`;
      return GROUP_URL_SETTINGS.has(setting) ? `own ${name}` : `${name} ${value}`;
    });
}
