import { errors } from "../errors";
import { casterTemplateRule, emptyConfig, findCaster, isCasterTemplate } from "./casters";
import { apiTime } from "./ids";
import { AccountState, CasterConfigRecord, CasterRecord, RecordConfigRecord, SyncGroupRecord } from "./state";
import { hasProtocol, isHttpFile } from "./urls";
import {
  ASSET_ID_PATTERN, DOMAIN_NAME_PATTERN, IMAGE_FILE_EXTENSIONS, LIVE_STREAM_PROTOCOLS, LIVE_TEMPLATES, MAX_DELAY_SECONDS, MAX_OSS_OBJECT_PREFIX_BYTES, MAX_SIDE_OUTPUTS,
  RECORD_FORMATS, RECORD_ON_DEMAND_VALUES, SYNC_GROUP_MODE,
} from "../../model/api-facts";

/**
 * SetCasterConfig: the studio's whole configuration in one call. Its rules, each with the page
 * it comes from; where the pages are silent the emulator decides, as LIMITATIONS in the README
 * says. The pages, by the names the comments below give them:
 * - SET_CASTER_CONFIG_PAGE: https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-setcasterconfig
 * - DESCRIBE_CASTER_CONFIG_PAGE: https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-describecasterconfig
 * - ADD_LIVE_APP_RECORD_CONFIG_PAGE: https://www.alibabacloud.com/help/doc-detail/35416.htm (Live recording's own rules)
 */

/** The request's parameters, read (integers, float and boolean parsed) but not yet checked. */
export interface CasterConfigInput {
  casterId: string;
  casterName?: string;
  domainName?: string;
  callbackUrl?: string;
  sideOutputUrl?: string;
  sideOutputUrlList?: string;
  delay?: number;
  channelEnable?: number;
  programEffect?: number;
  programName?: string;
  autoSwitchUrgentOn?: boolean;
  autoSwitchUrgentConfig?: string;
  urgentMaterialId?: string;
  urgentImageId?: string;
  urgentImageUrl?: string;
  urgentLiveStreamUrl?: string;
  transcodeConfig?: string;
  recordConfig?: string;
  syncGroupsConfig?: string;
}

// The delay's maximum (SET_CASTER_CONFIG_PAGE, Delay: 0 disables it), the relay addresses'
// (SideOutputUrlList), the live transcoding templates (an earlier revision of
// DESCRIBE_CASTER_CONFIG_PAGE), the recording formats and the object prefixes' length
// (ADD_LIVE_APP_RECORD_CONFIG_PAGE) are model/api-facts.ts's, the facts the resources check with.

/**
 * Replaces the studio's configuration with the call's (SET_CASTER_CONFIG_PAGE: "This operation
 * replaces all existing configurations. If you set a parameter to an empty value, the existing
 * configuration for that parameter is cleared."). Everything is checked before anything changes.
 */
export function setCasterConfig(account: AccountState, input: CasterConfigInput, nowMs: number): CasterRecord {
  const caster = findCaster(account, input.casterId);
  const config = readConfig(input, caster);
  const before = caster.config;

  // SET_CASTER_CONFIG_PAGE, ChannelEnable: "Channel is disabled by default and cannot be disabled after it is enabled";
  // leaving it out (or 0) once it is 1 is InvalidCaster.ChannelDisableUnsupported.
  if (before.channelEnable === 1 && config.channelEnable !== 1) throw errors.channelDisableUnsupported(caster.casterId);
  const enablingChannels = before.channelEnable === 0 && config.channelEnable === 1;
  if (caster.status === 1) {
    // SET_CASTER_CONFIG_PAGE, ChannelEnable: "To enable Channel for the first time, the production studio must be stopped."
    if (enablingChannels) throw errors.casterRunning(caster.casterId, "channels can be enabled only while the studio is stopped (StopCaster first)");
    // SET_CASTER_CONFIG_PAGE, DomainName: "Configure the domain name before you start the production studio."
    // Changing or clearing it while the studio runs is refused (an assumption, LIMITATIONS).
    if (config.domainName !== before.domainName) {
      throw errors.casterRunning(caster.casterId, "its DomainName can change only while it is stopped (StopCaster first)");
    }
  }
  // SET_CASTER_CONFIG_PAGE, ChannelEnable: enabling channels "Existing layouts are discarded": the studio's layouts
  // go, and so do the scenes' references to them.
  if (enablingChannels) {
    caster.layouts = {};
    for (const scene of Object.values(caster.scenes)) scene.layoutId = "";
  }

  caster.casterName = input.casterName ?? "";
  caster.config = config;
  caster.lastModified = apiTime(nowMs);
  return caster;
}

function readConfig(input: CasterConfigInput, caster: CasterRecord): CasterConfigRecord {
  const config = emptyConfig();
  if (input.domainName !== undefined) {
    if (!DOMAIN_NAME_PATTERN.test(input.domainName)) malformed("DomainName", input.domainName, "a domain name such as live.example.com");
    config.domainName = input.domainName;
  }
  if (input.callbackUrl !== undefined) {
    // SET_CASTER_CONFIG_PAGE, CallbackUrl: "a valid receiving address that accepts the HTTP protocol".
    if (!isUrl(input.callbackUrl, ["http:", "https:"])) malformed("CallbackUrl", input.callbackUrl, "an http(s) URL");
    config.callbackUrl = input.callbackUrl;
  }
  if (input.sideOutputUrl !== undefined) {
    // SET_CASTER_CONFIG_PAGE, SideOutputUrl: "Currently, SideOutputUrl supports only the RTMP protocol".
    if (!isUrl(input.sideOutputUrl, ["rtmp:"])) malformed("SideOutputUrl", input.sideOutputUrl, "an rtmp:// URL");
    config.sideOutputUrl = input.sideOutputUrl;
  }
  if (input.sideOutputUrlList !== undefined) {
    readSideOutputUrlList(input.sideOutputUrlList);
    config.sideOutputUrlList = input.sideOutputUrlList;
  }
  if (input.delay !== undefined) {
    if (input.delay < 0 || input.delay > MAX_DELAY_SECONDS) {
      throw errors.invalidParameter(`Delay ${input.delay} is out of range 0 to ${MAX_DELAY_SECONDS} seconds`);
    }
    config.delay = input.delay;
  }
  if (input.channelEnable !== undefined) config.channelEnable = zeroOrOne("ChannelEnable", input.channelEnable);
  if (input.programEffect !== undefined) config.programEffect = zeroOrOne("ProgramEffect", input.programEffect);
  config.programName = input.programName ?? "";
  if (input.autoSwitchUrgentOn !== undefined) config.autoSwitchUrgentOn = String(input.autoSwitchUrgentOn);
  if (input.autoSwitchUrgentConfig !== undefined) {
    readAutoSwitchUrgentConfig(input.autoSwitchUrgentConfig);
    config.autoSwitchUrgentConfig = input.autoSwitchUrgentConfig;
  }
  // The standby sources: media-library IDs as AddCasterVideoResource takes them, an image URL, a stream URL.
  if (input.urgentMaterialId !== undefined) {
    if (!ASSET_ID_PATTERN.test(input.urgentMaterialId)) malformed("UrgentMaterialId", input.urgentMaterialId, "a media-library asset ID");
    config.urgentMaterialId = input.urgentMaterialId;
  }
  if (input.urgentImageId !== undefined) {
    if (!ASSET_ID_PATTERN.test(input.urgentImageId)) malformed("UrgentImageId", input.urgentImageId, "a media-library asset ID");
    config.urgentImageId = input.urgentImageId;
  }
  if (input.urgentImageUrl !== undefined) {
    if (!isHttpFile(input.urgentImageUrl, IMAGE_FILE_EXTENSIONS)) malformed("UrgentImageUrl", input.urgentImageUrl, "an http(s) URL of a JPG or PNG image");
    config.urgentImageUrl = input.urgentImageUrl;
  }
  if (input.urgentLiveStreamUrl !== undefined) {
    if (!isUrl(input.urgentLiveStreamUrl, LIVE_STREAM_PROTOCOLS)) {
      malformed("UrgentLiveStreamUrl", input.urgentLiveStreamUrl, "an rtmp, rtmps, http(s), artc or srt URL");
    }
    config.urgentLiveStreamUrl = input.urgentLiveStreamUrl;
  }
  if (input.transcodeConfig !== undefined) config.transcode = readTranscodeConfig(input.transcodeConfig, caster.normType);
  if (input.recordConfig !== undefined) config.record = readRecordConfig(input.recordConfig);
  if (input.syncGroupsConfig !== undefined) config.syncGroups = readSyncGroups(input.syncGroupsConfig, caster);
  return config;
}

/** SET_CASTER_CONFIG_PAGE, SideOutputUrlList: an array of at most 20 RTMP URLs, `["rtmp://…","rtmp://…"]`, or one URL as the page's example. */
function readSideOutputUrlList(text: string): string[] {
  let urls: unknown;
  if (text.trimStart().startsWith("[")) {
    urls = parseJson("SideOutputUrlList", text);
    if (!Array.isArray(urls)) malformed("SideOutputUrlList", text, "a JSON array of rtmp:// URLs");
  } else {
    urls = [text];
  }
  const list = urls as unknown[];
  if (list.length > MAX_SIDE_OUTPUTS) {
    throw errors.invalidParameter(`SideOutputUrlList holds ${list.length} URLs; a studio takes at most ${MAX_SIDE_OUTPUTS}`);
  }
  for (const url of list) {
    if (typeof url !== "string" || !isUrl(url, ["rtmp:"])) malformed("SideOutputUrlList", url, "an rtmp:// URL: the list takes RTMP URLs only");
  }
  return list as string[];
}

/** DESCRIBE_CASTER_CONFIG_PAGE, AutoSwitchUrgentConfig: `{"eofThres":3}`, seconds of interruption before the switch. */
function readAutoSwitchUrgentConfig(text: string): void {
  const value = jsonObject("AutoSwitchUrgentConfig", text, ["eofThres"]);
  const threshold = field(value, "eofThres");
  if (threshold !== undefined && (typeof threshold !== "number" || !(threshold > 0))) {
    malformed("AutoSwitchUrgentConfig.eofThres", threshold, "a number of seconds above 0");
  }
}

/**
 * SET_CASTER_CONFIG_PAGE, TranscodeConfig: a JSON object in upper camel case, yet its example is
 * `{"casterTemplate": "lp_ld"}`, so both cases are read. `LiveTemplate` lists the live
 * transcoding templates (an earlier revision's example); `LiveTemplateIds` is accepted too, as a
 * list or in the reply's own shape `{"LocationId": [...]}`, so that a configuration read back can
 * be sent again. An empty CasterTemplate is kept: StartCaster refuses it.
 */
function readTranscodeConfig(text: string, normType: number): CasterConfigRecord["transcode"] {
  const value = jsonObject("TranscodeConfig", text, ["CasterTemplate", "LiveTemplate", "LiveTemplateIds"]);
  const template = field(value, "CasterTemplate") ?? "";
  if (typeof template !== "string" || (template !== "" && !isCasterTemplate(template, normType))) {
    malformed("TranscodeConfig.CasterTemplate", template, casterTemplateRule(normType));
  }
  const liveTemplate = field(value, "LiveTemplate");
  let liveTemplateIds = field(value, "LiveTemplateIds");
  if (liveTemplate !== undefined && liveTemplateIds !== undefined) {
    throw errors.invalidParameter("TranscodeConfig takes LiveTemplate or LiveTemplateIds, not both");
  }
  if (liveTemplateIds && typeof liveTemplateIds === "object" && !Array.isArray(liveTemplateIds)) {
    liveTemplateIds = field(liveTemplateIds as Record<string, unknown>, "LocationId");
  }
  const templates = liveTemplate ?? liveTemplateIds ?? [];
  if (!Array.isArray(templates) || templates.some((id) => typeof id !== "string" || !(LIVE_TEMPLATES as readonly string[]).includes(id))) {
    malformed("TranscodeConfig.LiveTemplate", templates, `a list of ${LIVE_TEMPLATES.join(", ")}`);
  }
  return { casterTemplate: template as string, liveTemplateIds: [...new Set(templates as string[])] };
}

/**
 * SET_CASTER_CONFIG_PAGE, RecordConfig: the OSS endpoint (`endpoint`), `ossBucket`, `videoFormat`
 * (a list of `{Format, OssObjectPrefix, SliceOssObjectPrefix, CycleDuration}`) and `interval`;
 * the keys in either case. `OssEndpoint` and `OnDemand` are read too, as DescribeCasterConfig
 * answers them. A format's rules are AddLiveAppRecordConfig's (ADD_LIVE_APP_RECORD_CONFIG_PAGE).
 */
function readRecordConfig(text: string): RecordConfigRecord {
  const value = jsonObject("RecordConfig", text, ["Endpoint", "OssEndpoint", "OssBucket", "VideoFormat", "Interval", "OnDemand"]);
  if (field(value, "Endpoint") !== undefined && field(value, "OssEndpoint") !== undefined) {
    throw errors.invalidParameter("RecordConfig takes endpoint or OssEndpoint, not both");
  }
  const ossEndpoint = field(value, "OssEndpoint") ?? field(value, "Endpoint");
  if (typeof ossEndpoint !== "string" || ossEndpoint === "") malformed("RecordConfig.endpoint", ossEndpoint, "the OSS endpoint");
  const ossBucket = field(value, "OssBucket");
  if (typeof ossBucket !== "string" || ossBucket === "") malformed("RecordConfig.ossBucket", ossBucket, "the OSS bucket's name");
  const interval = field(value, "Interval");
  if (interval !== undefined && (typeof interval !== "number" || !(interval >= 0))) {
    malformed("RecordConfig.interval", interval, "a number of milliseconds");
  }
  const onDemand = field(value, "OnDemand") ?? 0;
  if (!(RECORD_ON_DEMAND_VALUES as readonly unknown[]).includes(onDemand)) malformed("RecordConfig.OnDemand", onDemand, RECORD_ON_DEMAND_VALUES.join(", "));
  const videoFormat = field(value, "VideoFormat");
  if (!Array.isArray(videoFormat) || videoFormat.length === 0) {
    malformed("RecordConfig.videoFormat", videoFormat, "a list of one or more formats");
  }
  const formats = (videoFormat as unknown[]).map((item, index) => readRecordFormat(item, index));
  return { ossEndpoint: ossEndpoint as string, ossBucket: ossBucket as string, onDemand: onDemand as number, formats };
}

function readRecordFormat(item: unknown, index: number): RecordConfigRecord["formats"][number] {
  const where = `RecordConfig.videoFormat[${index}]`;
  // An earlier revision's example lists formats as words: ["flv","m3u8"].
  const value = typeof item === "string" ? { Format: item } : item;
  if (!value || typeof value !== "object" || Array.isArray(value)) malformed(where, item, "a format object");
  const format = value as Record<string, unknown>;
  const unknown = unknownKeys(format, ["Format", "OssObjectPrefix", "SliceOssObjectPrefix", "CycleDuration"]);
  if (unknown.length > 0) throw errors.invalidParameter(`${where} has unknown fields ${unknown.join(", ")}`);
  const name = field(format, "Format");
  if (typeof name !== "string" || !(RECORD_FORMATS as readonly string[]).includes(name.toLowerCase())) malformed(`${where}.Format`, name, RECORD_FORMATS.join(", "));
  const prefix = field(format, "OssObjectPrefix") ?? "";
  const slicePrefix = field(format, "SliceOssObjectPrefix") ?? "";
  for (const [key, text] of [["OssObjectPrefix", prefix], ["SliceOssObjectPrefix", slicePrefix]] as const) {
    if (typeof text !== "string" || Buffer.byteLength(text) > MAX_OSS_OBJECT_PREFIX_BYTES) {
      malformed(`${where}.${key}`, text, `text under ${MAX_OSS_OBJECT_PREFIX_BYTES + 1} bytes`);
    }
  }
  // ADD_LIVE_APP_RECORD_CONFIG_PAGE: "When the recording format is m3u8, you must configure the name of ts slicer."
  if ((name as string).toLowerCase() === "m3u8" && slicePrefix === "") {
    throw errors.invalidParameter(`${where}: an m3u8 recording needs SliceOssObjectPrefix, the name of its TS segments`);
  }
  const cycleDuration = field(format, "CycleDuration") ?? 0;
  if (typeof cycleDuration !== "number" || !Number.isInteger(cycleDuration) || cycleDuration < 0) {
    malformed(`${where}.CycleDuration`, cycleDuration, "a whole number of seconds");
  }
  return { format: name as string, ossObjectPrefix: prefix as string, sliceOssObjectPrefix: slicePrefix as string, cycleDuration: cycleDuration as number };
}

/**
 * SET_CASTER_CONFIG_PAGE, SyncGroupsConfig: a list of `{mode, resourceIds, hostResourceId}`;
 * mode 0 (streamer) syncs the sources to `hostResourceId`, mode 1 (conference) syncs them with
 * each other and needs no host. Each ID must be one of the studio's video sources.
 */
function readSyncGroups(text: string, caster: CasterRecord): SyncGroupRecord[] {
  const value = parseJson("SyncGroupsConfig", text);
  if (!Array.isArray(value)) malformed("SyncGroupsConfig", text, "a JSON list of sync groups");
  return (value as unknown[]).map((item, index) => {
    const where = `SyncGroupsConfig[${index}]`;
    if (!item || typeof item !== "object" || Array.isArray(item)) malformed(where, item, "an object");
    const group = item as Record<string, unknown>;
    const unknown = unknownKeys(group, ["Mode", "ResourceIds", "HostResourceId"]);
    if (unknown.length > 0) throw errors.invalidParameter(`${where} has unknown fields ${unknown.join(", ")}`);
    const mode = field(group, "Mode");
    if (mode !== SYNC_GROUP_MODE.streamer && mode !== SYNC_GROUP_MODE.conference) malformed(`${where}.mode`, mode, "0 (streamer) or 1 (conference)");
    const resourceIds = field(group, "ResourceIds");
    if (!Array.isArray(resourceIds) || resourceIds.length === 0 || resourceIds.some((id) => typeof id !== "string")) {
      malformed(`${where}.resourceIds`, resourceIds, "a list of one or more ResourceIds");
    }
    const host = field(group, "HostResourceId") ?? "";
    if (typeof host !== "string") malformed(`${where}.hostResourceId`, host, "a ResourceId");
    if (mode === SYNC_GROUP_MODE.streamer && host === "") throw errors.invalidParameter(`${where}: streamer mode (0) needs hostResourceId, the streamer's video source`);
    for (const id of [...(host ? [host as string] : []), ...(resourceIds as string[])]) {
      if (!caster.videoResources[id]) throw errors.resourceNotFound(id);
    }
    return { mode: mode as number, hostResourceId: host as string, resourceIds: resourceIds as string[] };
  });
}

/** A key in upper camel case or lower camel case, as the pages write them both. */
function field(value: Record<string, unknown>, key: string): unknown {
  return spellings(key).map((name) => value[name]).find((found) => found !== undefined);
}

function unknownKeys(value: Record<string, unknown>, known: string[]): string[] {
  const names = new Set(known.flatMap(spellings));
  return Object.keys(value).filter((key) => !names.has(key));
}

function spellings(key: string): string[] {
  return [key[0].toUpperCase() + key.slice(1), key[0].toLowerCase() + key.slice(1)];
}

function jsonObject(name: string, text: string, known: string[]): Record<string, unknown> {
  const value = parseJson(name, text);
  if (!value || typeof value !== "object" || Array.isArray(value)) malformed(name, text, "a JSON object");
  const unknown = unknownKeys(value as Record<string, unknown>, known);
  if (unknown.length > 0) throw errors.invalidParameter(`${name} has unknown fields ${unknown.join(", ")}; it takes ${known.join(", ")}`);
  return value as Record<string, unknown>;
}

function parseJson(name: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw errors.invalidParameter(`${name} is not valid JSON`);
  }
}

function isUrl(value: string, protocols: readonly string[]): boolean {
  return hasProtocol(value, protocols) && new URL(value).host !== "";
}

function zeroOrOne(name: string, value: number): number {
  if (value !== 0 && value !== 1) throw errors.invalidParameter(`${name} must be 0 or 1, got ${value}`);
  return value;
}

function malformed(name: string, value: unknown, expected: string): never {
  throw errors.invalidParameter(`${name} ${JSON.stringify(value)} is not ${expected}`);
}
