/**
 * The emulator's state: what the Live API would hold for each account. Plain JSON, so that a
 * store can persist it as it is.
 */

export const STATE_FORMAT = 1;

export interface EmulatorState {
  format: typeof STATE_FORMAT;
  /** Keyed by account UID: a main account and its RAM users share one. */
  accounts: Record<string, AccountState>;
}

export interface AccountState {
  casters: Record<string, CasterRecord>;
  /** CreateCaster ClientToken → the studio it created, so that a retry gets the same studio. */
  casterClientTokens: Record<string, { casterId: string; fingerprint: string }>;
  /** Episode groups (carousel playlists) by ProgramId. They name a domain, not a studio. */
  episodeGroups: Record<string, EpisodeGroupRecord>;
  /** AddCasterEpisodeGroup ClientToken → the group it created. */
  episodeGroupClientTokens: Record<string, { programId: string; fingerprint: string }>;
}

export interface EpisodeGroupRecord {
  programId: string;
  domainName: string;
  callbackUrl: string;
  sideOutputUrl: string;
  startTime: string;
  repeatNum: number;
  items: { itemId: string; itemName: string; vodUrl: string }[];
}

export interface CasterRecord {
  casterId: string;
  casterName: string;
  normType: number;
  chargeType: string;
  resourceGroupId: string;
  tags: { key: string; value: string }[];
  /** 0 idle, 1 streaming: the API's Status codes for a studio (DescribeCasters). */
  status: number;
  createTime: string;
  lastModified: string;
  /** When the studio was last started; empty while it is idle. */
  startTime: string;
  /** How many video sources the studio can take: one ingest endpoint each. */
  ingestEndpoints: number;
  /** What SetCasterConfig sets (and CreateCaster starts with); DescribeCasterConfig answers it. */
  config: CasterConfigRecord;
  /** Keyed by ResourceId, in creation order. */
  videoResources: Record<string, VideoResourceRecord>;
  /** The PVW and PGM scenes, created by the first StartCaster; keyed by SceneId. */
  scenes: Record<string, SceneRecord>;
}

/**
 * The studio's configuration. An empty string (or null, an empty list) is a cleared setting:
 * SetCasterConfig replaces every one of them.
 */
export interface CasterConfigRecord {
  domainName: string;
  callbackUrl: string;
  sideOutputUrl: string;
  /** SideOutputUrlList as sent (a JSON array of RTMP URLs, or one URL). */
  sideOutputUrlList: string;
  /** Seconds, 0 (no delay) to 300. */
  delay: number;
  /** 0 or 1; once 1, it stays 1. */
  channelEnable: number;
  programEffect: number;
  programName: string;
  /** "true", "false", or "" when cleared. */
  autoSwitchUrgentOn: string;
  /** The JSON text as sent, e.g. {"eofThres":3}. */
  autoSwitchUrgentConfig: string;
  urgentMaterialId: string;
  urgentImageId: string;
  urgentImageUrl: string;
  urgentLiveStreamUrl: string;
  /** casterTemplate "" is a cleared transcoding configuration: StartCaster refuses it. */
  transcode: { casterTemplate: string; liveTemplateIds: string[] };
  record: RecordConfigRecord | null;
  syncGroups: SyncGroupRecord[];
}

export interface RecordConfigRecord {
  ossEndpoint: string;
  ossBucket: string;
  onDemand: number;
  formats: { format: string; ossObjectPrefix: string; sliceOssObjectPrefix: string; cycleDuration: number }[];
}

export interface SyncGroupRecord {
  /** 0 streamer mode (with a host source), 1 conference mode. */
  mode: number;
  hostResourceId: string;
  resourceIds: string[];
}

export interface SceneRecord {
  sceneId: string;
  sceneName: string;
  /** 0 PVW (preview), 1 PGM (program output). */
  outputType: number;
  /** 0 stopped, 1 started. */
  status: number;
  layoutId: string;
  componentIds: string[];
  /** Playback URLs, made when the scene starts, on the studio's domain at that time. */
  streamUrl: string;
  rtmpUrl: string;
  rtsUrl: string;
  /** The transcoded outputs (PGM only): one per live template and format. */
  streamInfos: { videoFormat: string; transcodeConfig: string; outputStreamUrl: string; domainName: string; appName: string; streamName: string }[];
}

export interface VideoResourceRecord {
  resourceId: string;
  resourceName: string;
  locationId: string;
  liveStreamUrl: string;
  vodUrl: string;
  flvUrl: string;
  materialId: string;
  imageId: string;
  imageUrl: string;
  beginOffset: number;
  endOffset: number;
  repeatNum: number;
  ptsCallbackInterval: number;
  fixedDelayDuration: number;
}

export function emptyState(): EmulatorState {
  return { format: STATE_FORMAT, accounts: {} };
}

export function emptyAccount(): AccountState {
  return { casters: {}, casterClientTokens: {}, episodeGroups: {}, episodeGroupClientTokens: {} };
}
