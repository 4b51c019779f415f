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
  /** Lightweight carousel studios' playlists (AddPlaylistItems) by ProgramId: one per studio. */
  playlists: Record<string, PlaylistRecord>;
  /** Virtual studios' layouts (AddStudioLayout) by LayoutId, in creation order. */
  studioLayouts: Record<string, StudioLayoutRecord>;
}

/**
 * A virtual studio's layout: its JSON settings as checked and typed, in the form DescribeStudioLayouts
 * answers them (emulator/models/studio-layouts.ts); a setting never sent is absent.
 */
export interface StudioLayoutRecord {
  layoutId: string;
  casterId: string;
  layoutName: string;
  /** common or studio. */
  layoutType: string;
  settings: Partial<Record<"BgImageConfig" | "CommonConfig" | "LayerOrderConfigList" | "MediaInputConfigList" | "ScreenInputConfigList", unknown>>;
}

/** A playlist (AddPlaylistItems, EditPlaylist): its items in playing order, and whether it plays. */
export interface PlaylistRecord {
  programId: string;
  casterId: string;
  programName: string;
  /** -1 forever, 0 once, N plays N + 1 times (ProgramConfig's RepeatNumber). */
  repeatNumber: number;
  /** 0 stopped, 1 running (ListPlaylist's Status). */
  status: number;
  items: PlaylistItemRecord[];
  /** The item StartPlaylist last started from, "" before the first start (what Continue resumes). */
  currentItemId: string;
}

export interface PlaylistItemRecord {
  itemId: string;
  itemName: string;
  /** vod. */
  resourceType: string;
  /** The VOD media's ID. */
  resourceValue: string;
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
  /** AddCasterLayout's layouts, keyed by LayoutId, in creation order. */
  layouts: Record<string, LayoutRecord>;
  /** AddCasterComponent's components (text, image, caption overlays), keyed by ComponentId. */
  components: Record<string, ComponentRecord>;
  /** AddCasterEpisode's episodes, the studio's schedule, keyed by EpisodeId (a studio's episodes go with it). */
  episodes: Record<string, EpisodeRecord>;
  /** The studio's show list (AddShowIntoShowList and its neighbours): one per studio, empty until a show is added. */
  showList: ShowListRecord;
  /** The automatic task that created the studio (InitializeAutoShowListTask); absent for any other studio. */
  autoShowListTask?: AutoShowListTaskRecord;
  /** SetCasterChannel's channels (a studio with ChannelEnable 1), keyed by ChannelId (RV01–RV12), in the order first set. */
  channels: Record<string, ChannelRecord>;
}

/**
 * When an automatic show list plays, and the media it was given (each also a show of the studio's
 * list); its templates are the studio's transcoding configuration.
 */
export interface AutoShowListTaskRecord {
  /** Milliseconds since the epoch, as sent. */
  startTime: number;
  endTime: number;
  /** VOD media IDs, in playing order. */
  resourceIds: string[];
}

/** A channel: at most one video source, and how it plays (SetCasterChannel). */
export interface ChannelRecord {
  channelId: string;
  /** The studio's video source in the channel, "" for none. */
  resourceId: string;
  /** 1 plays, 0 paused (video files only). */
  playStatus: number;
  /** Milliseconds from the first frame (video files only). */
  seekOffset: number;
  /** "0"–"4", "" for none. */
  faceBeauty: string;
}

/** A studio's show list: its shows in playing order, and the list's own settings. */
export interface ShowListRecord {
  shows: ShowRecord[];
  /** -1 forever, 0 once, N plays N + 1 times (ModifyShowList's RepeatTimes). */
  repeatTimes: number;
  /** "" for none; set only before the list plays. */
  highPriorityShowId: string;
  /** `yyyy-MM-ddTHH:mm:ss` as sent, "" for none. */
  highPriorityShowStartTime: string;
  /** The show PlayChoosenShow last chose, "" for none. */
  currentShowId: string;
  /** SetShowListBackground's background, null for none. */
  background: { resourceType: string; materialId: string; resourceUrl: string } | null;
}

export interface ShowRecord {
  showId: string;
  showName: string;
  /** live, vod or pic. */
  resourceType: string;
  resourceUrl: string;
  resourceId: string;
  liveInputType: number;
  /** Seconds; 0 when the show repeats by RepeatTimes instead. */
  duration: number;
  repeatTimes: number;
}

/**
 * An episode of the studio's schedule (AddCasterEpisode): from startTime to endTime the studio
 * shows a video source (Resource, with components over it) or components (Component). Its Status
 * is not stored: DescribeCasterProgram works it out from the clock.
 */
export interface EpisodeRecord {
  episodeId: string;
  episodeName: string;
  /** Resource or Component; it never changes (ModifyCasterEpisode cannot change it). */
  episodeType: string;
  /** The video source of a Resource episode; "" for a Component episode. */
  resourceId: string;
  /** ComponentId.N, bottom to top. */
  componentIds: string[];
  /** UTC, `yyyy-MM-ddTHH:mm:ssZ`, as sent. */
  startTime: string;
  endTime: string;
  /** TimeFirst or ContentFirst. */
  switchType: string;
}

/**
 * A layout: the video sources on screen, bottom to top (BlendList), each with its video layer,
 * and the sources heard (MixList), each with its audio layer. There is always one layer per
 * list entry, in the list's order.
 */
export interface LayoutRecord {
  layoutId: string;
  blendList: string[];
  mixList: string[];
  videoLayers: VideoLayerRecord[];
  audioLayers: AudioLayerRecord[];
}

export interface VideoLayerRecord {
  /** none or fit. */
  fillMode: string;
  /** 0 to 1; 0 keeps the source's size. */
  heightNormalized: number;
  widthNormalized: number;
  /** [x, y], each 0 to 1, measured from positionRefer. */
  positionNormalized: [number, number];
  positionRefer: string;
  /** Milliseconds, 0 to 5000. */
  fixedDelayDuration: number;
}

export interface AudioLayerRecord {
  /** 0 to 10; 1 keeps the volume. */
  volumeRate: number;
  /** leftChannel, rightChannel or all. */
  validChannel: string;
  fixedDelayDuration: number;
}

/** A scene's audio (UpdateCasterSceneAudio): audio-follows-video, or its own mix. */
export interface SceneAudioRecord {
  /** 1 audio follows video (the default), 0 the mix below. */
  followEnable: number;
  mixList: string[];
  /** One per mixList entry; `filter` is the JSON text as sent (not read back by the API). */
  audioLayers: (AudioLayerRecord & { filter: string })[];
}

export interface ComponentRecord {
  componentId: string;
  componentName: string;
  /** text, image or caption. */
  componentType: string;
  /** RC01 to RC99 (a caption may name its source's RV position instead). */
  locationId: string;
  effect: string;
  /** cover or background; sent, never read back. */
  layerOrder: string;
  layer: ComponentLayerRecord;
  /** The content of the component's type; the others are null. */
  text: TextContentRecord | null;
  image: { materialId: string } | null;
  caption: CaptionContentRecord | null;
  /** HtmlLayerContent as sent; never read back. */
  html: string;
}

export interface ComponentLayerRecord {
  heightNormalized: number;
  widthNormalized: number;
  positionRefer: string;
  positionNormalized: [number, number];
  /** 0 (transparent) to 255 (opaque). */
  transparency: number;
}

export interface TextContentRecord {
  text: string;
  color: string;
  fontName: string;
  sizeNormalized: number;
  borderWidthNormalized: number;
  borderColor: string;
}

export interface CaptionContentRecord {
  /** The video source captioned (RV01 to RV99). */
  locationId: string;
  sourceLan: string;
  targetLan: string;
  showSourceLan: boolean;
  color: string;
  fontName: string;
  sizeNormalized: number;
  borderWidthNormalized: number;
  borderColor: string;
  ptsOffset: number;
  wordsCount: number;
  wordCountPerLine: number;
  wordSpaceNormalized: number;
  lineSpaceNormalized: number;
  /** Sent, never read back (AddCasterComponent's caption keys). */
  truncation: boolean;
  sourceLanPerLineWordCount: number;
  targetLanPerLineWordCount: number;
  sourceLanReservePages: number;
  targetLanReservePages: number;
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
  /** What the scene shows (SetCasterSceneConfig): a layout, "" for none, and components bottom to top. */
  layoutId: string;
  componentIds: string[];
  /**
   * What EffectCasterVideoResource or EffectCasterUrgent put on the scene in place of its layout (layoutId is then "");
   * absent while the scene shows its layout. A layout set again replaces it.
   */
  effect?: { kind: "videoResource"; resourceId: string } | { kind: "urgent" };
  /** UpdateCasterSceneAudio's settings. */
  audio: SceneAudioRecord;
  /** Playback URLs, made when the scene starts, on the studio's domain at that time. */
  streamUrl: string;
  rtmpUrl: string;
  /** The transcoded outputs (PGM only): one per live template and format. */
  streamInfos: { videoFormat: string; transcodeConfig: string; outputStreamUrl: string }[];
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
  return { casters: {}, casterClientTokens: {}, episodeGroups: {}, episodeGroupClientTokens: {}, playlists: {}, studioLayouts: {} };
}
