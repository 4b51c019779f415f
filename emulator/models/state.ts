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
  casterTemplate: string;
  resourceGroupId: string;
  tags: { key: string; value: string }[];
  /** 0 idle, 1 running: the API's Status codes for a studio. */
  status: number;
  createTime: string;
  lastModified: string;
  /** How many video sources the studio can take: one ingest endpoint each. */
  ingestEndpoints: number;
  config: CasterConfigRecord;
  /** Keyed by ResourceId, in creation order. */
  videoResources: Record<string, VideoResourceRecord>;
}

export interface CasterConfigRecord {
  domainName: string;
  callbackUrl: string;
  sideOutputUrl: string;
  delay: number;
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
