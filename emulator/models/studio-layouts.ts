import { errors } from "../errors";
import { findCaster } from "./casters";
import { newResourceId } from "./ids";
import { AccountState, StudioLayoutRecord } from "./state";
import { STUDIO_LAYOUT_TYPES, VIRTUAL_STUDIO_NORM_TYPE } from "../../model/api-facts";

/**
 * A virtual studio's layouts: AddStudioLayout, ModifyStudioLayout, DeleteStudioLayout,
 * DescribeStudioLayouts. Each JSON setting is checked against the fields the official SDK's models
 * (live-20161101 AddStudioLayoutRequest.ts, DescribeStudioLayoutsResponseBody.ts) give it, and kept
 * typed as DescribeStudioLayouts answers it: sizes and positions 0 to 1, Color blue, green, auto or
 * complex, PortraitType 0 (half body) or 1 (full body), a layer order's Type background or media.
 * Numbers may be JSON numbers or text holding one, as the SDK's examples write them (`"0.4"`).
 */

export type StudioSetting = keyof StudioLayoutRecord["settings"];

type FieldRule =
  | "text"
  /** A number from 0 to 1, answered as a number. */
  | "unit"
  /** A number from 0 to 1, answered as text (ScreenInputConfig's PositionX and PositionY are strings in the reply model). */
  | "unitText"
  /** A volume from 0 to 10, as a Caster layout's audio layer (no page bounds a studio layout's). */
  | "volume"
  | "int"
  | "bool"
  /** `[x, y]`, each 0 to 1, as a JSON list or text holding one (`"[0.1, 0.2]"`). */
  | "position"
  | { oneOf: readonly (string | number)[] }
  | { object: Fields };
type Fields = Record<string, FieldRule>;

const AUDIO_CONFIG: Fields = { ValidChannel: "text", VolumeRate: "volume" };

const SETTINGS: Record<StudioSetting, { list: boolean; fields: Fields }> = {
  BgImageConfig: { list: false, fields: { Id: "text", ImageUrl: "text", LocationId: "text", MaterialId: "text" } },
  CommonConfig: { list: false, fields: { ChannelId: "text", VideoResourceId: "text" } },
  LayerOrderConfigList: { list: true, fields: { Id: "text", Type: { oneOf: ["background", "media"] } } },
  MediaInputConfigList: {
    list: true,
    fields: {
      ChannelId: "text", FillMode: "text", HeightNormalized: "unit", Id: "text", ImageMaterialId: "text", Index: "int",
      PositionNormalized: "position", PositionRefer: "text", VideoResourceId: "text", WidthNormalized: "unit",
    },
  },
  ScreenInputConfigList: {
    list: true,
    fields: {
      AudioConfig: { object: AUDIO_CONFIG }, ChannelId: "text", Color: { oneOf: ["blue", "green", "auto", "complex"] }, HeightNormalized: "unit",
      Id: "text", Index: "int", OnlyAudio: "bool", PortraitType: { oneOf: [0, 1] }, PositionX: "unitText", PositionY: "unitText", VideoResourceId: "text",
    },
  },
};

/** What each LayoutType needs (the SDK's AddStudioLayoutRequest: "you must specify"). */
const NEEDED: Record<(typeof STUDIO_LAYOUT_TYPES)[number], StudioSetting[]> = {
  common: ["CommonConfig"],
  studio: ["BgImageConfig", "ScreenInputConfigList"],
};

export interface StudioLayoutInput {
  layoutName?: string;
  settings: Partial<Record<StudioSetting, string>>;
}

export function addStudioLayout(account: AccountState, casterId: string, layoutType: string, input: StudioLayoutInput): StudioLayoutRecord {
  const caster = findCaster(account, casterId);
  if (caster.normType !== VIRTUAL_STUDIO_NORM_TYPE) {
    throw errors.illegalOperation(`Caster ${casterId} is NormType ${caster.normType}: studio layouts are a virtual studio's (NormType ${VIRTUAL_STUDIO_NORM_TYPE})`);
  }
  if (!(STUDIO_LAYOUT_TYPES as readonly string[]).includes(layoutType)) {
    throw errors.invalidParameter(`LayoutType ${JSON.stringify(layoutType)}: use ${STUDIO_LAYOUT_TYPES.join(" or ")}`);
  }
  for (const setting of NEEDED[layoutType as keyof typeof NEEDED]) {
    if (input.settings[setting] === undefined) throw errors.missingParameter(`LayoutType ${layoutType} needs ${setting}`);
  }
  const layout: StudioLayoutRecord = { layoutId: newResourceId(), casterId, layoutName: input.layoutName ?? "", layoutType, settings: parseSettings(input.settings) };
  account.studioLayouts[layout.layoutId] = layout;
  return layout;
}

/** Replaces the name and each setting sent. */
export function modifyStudioLayout(account: AccountState, casterId: string, layoutId: string, input: StudioLayoutInput): void {
  const layout = findStudioLayout(account, casterId, layoutId);
  const settings = parseSettings(input.settings);
  if (input.layoutName !== undefined) layout.layoutName = input.layoutName;
  Object.assign(layout.settings, settings);
}

export function deleteStudioLayout(account: AccountState, casterId: string, layoutId: string): void {
  findStudioLayout(account, casterId, layoutId);
  delete account.studioLayouts[layoutId];
}

/**
 * The studio's layouts in creation order, or those asked for (none where an ID matches nothing, as DescribeCasterLayouts).
 * The SDK's DescribeStudioLayoutsRequest, LayoutId: "Separate multiple layout IDs with commas (,)."
 * Another studio than a virtual one is not found: the SDK's DescribeStudioLayoutsRequest, CasterId: "Only virtual studio
 * production studios (NormType=4) are supported. If you pass in a production studio ID of another type,
 * InvalidCaster.NotFound is returned."
 */
export function describeStudioLayouts(account: AccountState, casterId: string, layoutIds: string | undefined): StudioLayoutRecord[] {
  if (findCaster(account, casterId).normType !== VIRTUAL_STUDIO_NORM_TYPE) throw errors.casterNotFound(casterId);
  const asked = layoutIds === undefined ? undefined : new Set(layoutIds.split(",").map((id) => id.trim()));
  return Object.values(account.studioLayouts).filter((layout) => layout.casterId === casterId && (asked === undefined || asked.has(layout.layoutId)));
}

function findStudioLayout(account: AccountState, casterId: string, layoutId: string): StudioLayoutRecord {
  findCaster(account, casterId);
  const layout = account.studioLayouts[layoutId];
  if (!layout || layout.casterId !== casterId) throw errors.layoutNotFound(layoutId);
  return layout;
}

function parseSettings(sent: Partial<Record<StudioSetting, string>>): StudioLayoutRecord["settings"] {
  const settings: StudioLayoutRecord["settings"] = {};
  for (const [name, text] of Object.entries(sent) as [StudioSetting, string | undefined][]) {
    if (text === undefined) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw errors.invalidParameter(`${name} is not JSON`);
    }
    const { list, fields } = SETTINGS[name];
    if (list) {
      if (!Array.isArray(parsed)) throw errors.invalidParameter(`${name} must be a JSON list of objects`);
      settings[name] = parsed.map((entry, index) => checkObject(`${name}[${index}]`, entry, fields));
    } else {
      settings[name] = checkObject(name, parsed, fields);
    }
  }
  return settings;
}

function checkObject(at: string, value: unknown, fields: Fields): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw errors.invalidParameter(`${at} must be a JSON object`);
  const checked: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    const rule = fields[key];
    if (rule === undefined) throw errors.invalidParameter(`${at}.${key} is not a field of ${at.replace(/\[\d+\]$/, "")}: use ${Object.keys(fields).join(", ")}`);
    checked[key] = checkField(`${at}.${key}`, field, rule);
  }
  return checked;
}

function checkField(at: string, value: unknown, rule: FieldRule): unknown {
  const bad = (what: string) => errors.invalidParameter(`${at} ${JSON.stringify(value)}: ${what}`);
  if (rule === "text") {
    if (typeof value !== "string") throw bad("must be text");
    return value;
  }
  if (rule === "bool") {
    if (typeof value === "boolean") return value;
    if (value === "true" || value === "false") return value === "true";
    throw bad("must be true or false");
  }
  if (rule === "position") {
    const list = typeof value === "string" ? safeJson(value) : value;
    if (!Array.isArray(list) || list.length !== 2) throw bad("must be [x, y]");
    return list.map((coordinate, index) => checkField(`${at}[${index}]`, coordinate, "unit"));
  }
  if (typeof rule === "object" && "object" in rule) return checkObject(at, value, rule.object);
  const number = typeof value === "number" ? value : typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  if (typeof rule === "object") {
    const allowed = rule.oneOf.find((option) => option === value || (typeof option === "number" && option === number));
    if (allowed === undefined) throw bad(`use ${rule.oneOf.join(", ")}`);
    return allowed;
  }
  if (Number.isNaN(number)) throw bad("must be a number");
  if (rule === "int") {
    if (!Number.isInteger(number)) throw bad("must be a whole number");
    return number;
  }
  if (rule === "volume") {
    if (number < 0 || number > 10) throw bad("use 0 to 10");
    return number;
  }
  if (number < 0 || number > 1) throw bad("use 0 to 1");
  return rule === "unitText" ? String(value) : number;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
