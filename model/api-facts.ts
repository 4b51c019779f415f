/**
 * The Live API's (and STS's) facts that checks rely on, each written once: the provider's input checks, the
 * emulator's rules and the studio file read these. Each says where it comes from; an assumption
 * (a limit no page documents) says so, and is listed in emulator/README.md's LIMITATIONS.
 */

/** A video source's position: `RV01` to `RV99`, always two digits (AddCasterVideoResource's LocationId). */
export const LOCATION_ID_PATTERN = /^RV(0[1-9]|[1-9][0-9])$/;
export const LOCATION_ID_RULE = "use a source position from RV01 to RV99, always two digits (RV07, not RV7).";
/** How many positions a studio has, for its sources (RV01–RV99) and for its components (RC01–RC99). */
export const POSITIONS = 99;

/** A media-library asset's ID (MaterialId, ImageId): the form the media library gives. */
export const ASSET_ID_PATTERN = /^[0-9A-Za-z_-]{1,64}$/;

/**
 * A resource group's ID (CreateCaster's ResourceGroupId, UpdateCasterResourceGroup's NewResourceGroupId): `rg-`
 * and lowercase letters and digits, the form of every example the pages give (`rg-aekz7***34cn5ty` on
 * https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-updatecasterresourcegroup,
 * `rg-acfmxazb4ph6aiy`). No page gives a length: at most 64 after `rg-` is assumed (LIMITATIONS).
 */
export const RESOURCE_GROUP_ID_PATTERN = /^rg-[a-z0-9]{1,64}$/;

/** A source's ResourceName: the public docs give no limit; 128 is assumed (LIMITATIONS). */
export const MAX_RESOURCE_NAME_LENGTH = 128;

/**
 * Documented: "The value range is [0-5000]" (FixedDelayDuration, AddCasterVideoResource,
 * https://www.alibabacloud.com/help/en/live/developer-reference/api-addcastervideoresource, where
 * it sits one row down, on ImageId, as every description on that page does).
 */
export const MAX_FIXED_DELAY_MS = 5000;

/**
 * The API's Integer parameters are 32-bit: the official SDKs declare them as 32-bit ints (C#
 * `int?`, C++ `int`, Java `Integer`; OwnerId, a 64-bit value, is `long`). Where a page gives no
 * range, the int32 range bounds a value: an assumption (LIMITATIONS).
 */
export const INT32_MIN = -(2 ** 31);
export const INT32_MAX = 2 ** 31 - 1;

/** Files a source or an episode plays: MP4, FLV, TS (AddCasterVideoResource's VodUrl, AddCasterEpisodeGroup's Item.N.VodUrl). */
export const VOD_FILE_EXTENSIONS = [".mp4", ".flv", ".ts"] as const;
/** Images a source shows: JPG, PNG (AddCasterVideoResource's ImageUrl). */
export const IMAGE_FILE_EXTENSIONS = [".jpg", ".jpeg", ".png"] as const;
/** Live stream URLs a source takes (AddCasterVideoResource's LiveStreamUrl). */
export const LIVE_STREAM_PROTOCOLS = ["rtmp:", "rtmps:", "http:", "https:", "artc:", "srt:"] as const;

/** ClientToken: printable ASCII, at most 64 characters (the ClientToken parameter of AddCasterEpisodeGroup and CreateCaster). */
export const MAX_CLIENT_TOKEN_LENGTH = 64;

/**
 * The most items an episode group takes: an assumption. The AddCasterEpisodeGroup page documents
 * no limit on Item.N (https://www.alibabacloud.com/help/en/live/developer-reference/api-addcasterepisodegroup),
 * and a list the API refuses for its size fails the create, which no retry cures. So a limit is
 * chosen, well inside what one request carries, and the emulator enforces the same (LIMITATIONS):
 * - each item is two parameters (Item.N.ItemName, up to 128 characters, and Item.N.VodUrl); 100
 *   items with file URLs of a typical 100-200 characters make a request of 20-40 KB, and the
 *   official SDKs send every parameter in the URL's query string (docs/live-api.md), where 8-64 KB
 *   is what HTTP servers commonly accept;
 * - 100 episodes are one page of DescribeCasterProgram as this package reads it;
 * - a longer schedule is several groups, each starting when the one before ends.
 */
export const MAX_EPISODE_ITEMS = 100;
/** An episode item's ItemName, as a source's name (assumed, LIMITATIONS). */
export const MAX_ITEM_NAME_LENGTH = 128;

/** The API's time format: UTC to the second, `2026-12-24T12:00:00Z` (StartTime of AddCasterEpisodeGroup, CreateTime of DescribeCasters). */
export const API_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** A moment in the API's time format. */
export function toApiTime(moment: number | string | Date): string {
  const ms = typeof moment === "number" ? moment : typeof moment === "string" ? Date.parse(moment) : moment.getTime();
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/*
 * Episodes: the studio's schedule (https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-addcasterepisode).
 */
/** EpisodeType: "Resource" switches to a video source (with components, if given), "Component" shows components. */
export const EPISODE_TYPES = ["Resource", "Component"] as const;
/**
 * SwitchType: "TimeFirst" switches at the end time; "ContentFirst" lets the source's content finish first. The page:
 * it "takes effect only when the EpisodeType parameter is set to Resource", and "must be set to TimeFirst when the
 * video" source is a live stream (the stored copy is cut there; a live stream has no end to wait for).
 */
export const SWITCH_TYPES = ["TimeFirst", "ContentFirst"] as const;
/** DescribeCasterProgram's Status: 0 not played yet, 1 playing, 2 played (the page's valid values). */
export const EPISODE_STATUS = { notPlayed: 0, playing: 1, played: 2 } as const;
/**
 * How far ahead of now an episode must start for `pulumi up` to reach it in time. The API refuses a start that has
 * passed (IncorrectStartTime); this package's margin, not a documented figure.
 */
export const MIN_EPISODE_LEAD_SECONDS = 60;

/*
 * Layouts, components and scenes. The pages, by the names the comments below give them:
 * - ADD_LAYOUT: https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-addcasterlayout
 *   (and its earlier revisions: https://www.alibabacloud.com/help/doc-detail/60249.htm, and the Chinese
 *   reference https://help.aliyun.com/document_detail/60249.html with its table of special error codes)
 * - SCALE_LAYER: https://www.alibabacloud.com/help/doc-detail/61820.htm ("Valid values: 0 to 1")
 * - ADD_COMPONENT: https://www.alibabacloud.com/help/en/live/developer-reference/api-addcastercomponent
 *   (Chinese: https://help.aliyun.com/document_detail/63160.html)
 * - DESCRIBE_COMPONENTS: https://help.aliyun.com/document_detail/63162.html
 * - SCENE_AUDIO: https://help.aliyun.com/document_detail/94756.html (UpdateCasterSceneAudio)
 */

/**
 * Where a layer's position is measured from (VideoLayer.N.PositionRefer, ComponentLayer's
 * PositionRefer), default topLeft: the nine values ADD_LAYOUT lists ("topLeft (default), topRight,
 * bottomLeft, bottomRight, center, topCenter, bottomCenter, leftCenter, rightCenter"), in every
 * revision read (Chinese 2021 and 2025, English doc-detail/60249). The pages name no `middleLeft`.
 */
export const POSITION_REFERS = [
  "topLeft", "topCenter", "topRight", "leftCenter", "center", "rightCenter", "bottomLeft", "bottomCenter", "bottomRight",
] as const;

/** VideoLayer.N.FillMode (ADD_LAYOUT): none (default) or fit; fit needs HeightNormalized and WidthNormalized above 0. */
export const FILL_MODES = ["none", "fit"] as const;

/** AudioLayer.N.ValidChannel (ADD_LAYOUT, SCENE_AUDIO): leftChannel, rightChannel or all (default). */
export const AUDIO_CHANNELS = ["leftChannel", "rightChannel", "all"] as const;

/** AudioLayer.N.VolumeRate (ADD_LAYOUT, SCENE_AUDIO): "Valid values: 0 to 10.0", default 1.0. */
export const MAX_VOLUME_RATE = 10;

/**
 * Sizes and positions of layers are normalized: a share of the output, 0 to 1 (SCALE_LAYER:
 * HeightNormalized and WidthNormalized "Valid values: 0 to 1"; 0 keeps the source's size).
 * Positions (PositionNormalized [x, y]) are taken to have the same range: an assumption (LIMITATIONS).
 */
export const MAX_NORMALIZED = 1;

/** A component's position (AddCasterComponent's LocationId): `RC01` to `RC99`, one component per position (ADD_COMPONENT). */
export const COMPONENT_LOCATION_ID_PATTERN = /^RC(0[1-9]|[1-9][0-9])$/;
export const COMPONENT_LOCATION_ID_RULE = "use a component position from RC01 to RC99, always two digits (RC07, not RC7).";

/** AddCasterComponent's ComponentType (ADD_COMPONENT): each needs its own content parameter. */
export const COMPONENT_TYPES = ["text", "image", "caption"] as const;

/** AddCasterComponent's Effect (ADD_COMPONENT): none (default), animateH (scrolls across), animateV (scrolls up). */
export const COMPONENT_EFFECTS = ["none", "animateH", "animateV"] as const;

/** AddCasterComponent's LayerOrder (ADD_COMPONENT): cover (over the picture) or background. */
export const COMPONENT_LAYER_ORDERS = ["cover", "background"] as const;

/** ComponentLayer's Transparency (DESCRIBE_COMPONENTS): 0 (transparent) to 255 (opaque, the default). */
export const MAX_TRANSPARENCY = 255;

/** Text colours (TextLayerContent's Color and BorderColor, ADD_COMPONENT): "0x000000-0xffffff". */
export const COLOR_PATTERN = /^0x[0-9a-fA-F]{6}$/;

/** A caption's languages (CaptionLayerContent's SourceLan, TargetLan, ADD_COMPONENT): cn, en, es, ru. */
export const CAPTION_LANGUAGES = ["cn", "en", "es", "ru"] as const;

/**
 * What a text or caption component has when its style is left out (AddCasterComponent's
 * TextLayerContent / CaptionLayerContent): red 0xff0000, KaiTi, size and border 0, no border colour.
 */
export const TEXT_STYLE_DEFAULTS = { color: "0xff0000", fontName: "KaiTi", sizeNormalized: 0, borderWidthNormalized: 0, borderColor: "" } as const;
/** A caption's languages when left out (CaptionLayerContent): from Chinese, no translation. */
export const CAPTION_DEFAULTS = { sourceLanguage: "cn", targetLanguage: "", showSourceLanguage: false } as const;

/*
 * What a layer or a component has where a setting is left out: the providers write these out, so that a default the
 * API fills in is no change; the emulator applies them; the studio file draws and words them.
 */
/** VideoLayer.N left out, each ADD_LAYOUT's "default value": at [0, 0] from topLeft, size 0 (the source's own), FillMode none, no delay. */
export const VIDEO_LAYER_DEFAULTS = { position: [0, 0], anchor: "topLeft", widthNormalized: 0, heightNormalized: 0, fillMode: "none", fixedDelayDuration: 0 } as const;
/** AudioLayer.N left out (ADD_LAYOUT, SCENE_AUDIO): VolumeRate 1.0 (the volume kept), ValidChannel all, no delay. */
export const AUDIO_LAYER_DEFAULTS = { volumeRate: 1, validChannel: "all", fixedDelayDuration: 0 } as const;
/** ComponentLayer left out: PositionRefer topLeft (ADD_LAYOUT), Transparency 255 (DESCRIBE_COMPONENTS); position and sizes 0, as a video layer's (assumed, LIMITATIONS). */
export const COMPONENT_LAYER_DEFAULTS = { position: [0, 0], anchor: "topLeft", widthNormalized: 0, heightNormalized: 0, transparency: MAX_TRANSPARENCY } as const;
/** A component's Effect left out, none (ADD_COMPONENT), and its LayerOrder, cover (no page gives it: assumed, LIMITATIONS). */
export const COMPONENT_DEFAULTS = { effect: "none", layerOrder: "cover" } as const;

/*
 * STS AssumeRole and RAM roles: the connection's `assumeRole` checks these, and the emulator's STS
 * enforces the same. Source: the AssumeRole page, https://www.alibabacloud.com/help/en/ram/developer-reference/api-sts-2015-04-01-assumerole
 * (RoleArn, RoleSessionName, DurationSeconds), and CreateRole,
 * https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-createrole (MaxSessionDuration).
 */
/** RoleArn: `acs:ram::<account UID>:role/<role name>`; the groups are the UID and the name. */
export const ROLE_ARN_PATTERN = /^acs:ram::(\d+):role\/([\w.@+=,-]{1,64})$/i;
/** RoleSessionName: 2 to 64 letters, digits, `.`, `@`, `-` or `_`. */
export const ROLE_SESSION_NAME_PATTERN = /^[a-zA-Z0-9.@_-]{2,64}$/;
/** DurationSeconds: at least 900, 3600 when left out, at most the role's MaxSessionDuration (itself at most 43,200). */
export const STS_DURATION_SECONDS = { min: 900, default: 3600, max: 43_200 } as const;
/** A role's MaxSessionDuration: 3600 to 43,200 seconds, 3600 when not set. */
export const ROLE_MAX_SESSION_DURATION_SECONDS = { min: 3600, default: 3600, max: 43_200 } as const;

/*
 * The studio (Caster). The pages, by the names the comments give them:
 * - CREATE: https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-createcaster
 * - SET_CONFIG: https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-setcasterconfig
 */
/** CREATE, CasterTemplate; portrait forms end in `_v`. */
export const CASTER_TEMPLATES = ["lp_ld", "lp_sd", "lp_hd", "lp_ud", "lp_ld_v", "lp_sd_v", "lp_hd_v", "lp_ud_v"] as const;
/** The live transcoding templates a studio's output may use (DescribeCasterConfig's TranscodeConfig.LiveTemplateIds). */
export const LIVE_TEMPLATES = ["lsd", "lld", "lud", "lhd", "daobo-lsd", "daobo-lld", "daobo-lud", "daobo-lhd"] as const;
/** SET_CONFIG, Delay: "The maximum value is 300 seconds". */
export const MAX_DELAY_SECONDS = 300;
/** SET_CONFIG, SideOutputUrlList: "A maximum of 20 RTMP relay addresses". */
export const MAX_SIDE_OUTPUTS = 20;
/** Recording formats (AddLiveAppRecordConfig, its Chinese revision): m3u8 needs the name of its TS segments. */
export const RECORD_FORMATS = ["m3u8", "flv", "mp4"] as const;
/**
 * CREATE, NormType: the studio types this project's kinds declare. The SDK's CreateCasterRequest: "1: Standard.
 * 3: Lightweight Carousel. 4: Virtual Studio. 6: Carousel (New Playlist)", 3 and 4 on the China site only.
 */
export const NORM_TYPE = { general: 1, carousel: 6, lightweightCarousel: 3, virtualStudio: 4 } as const;
export const NORM_TYPES = Object.values(NORM_TYPE).sort((a, b) => a - b);
/**
 * What each NormType is, in the words a message uses (`use 1 for a standard studio, …`): every type of
 * CreateCasterRequest, so that a type added to NORM_TYPE is named with no other edit.
 */
export const NORM_TYPE_NAMES: Readonly<Record<number, string>> = {
  1: "a standard studio",
  3: "a lightweight carousel studio (its playlist; China site)",
  4: "a virtual studio (its studio layouts; China site)",
  6: "a carousel studio (its show list; no video sources)",
};
/**
 * A lightweight carousel studio (NormType 3, China site), the only one with a playlist. AddPlaylistItems' CasterId
 * (the SDK's AddPlaylistItemsRequest): "The production studio must meet the following configurations: NormType: 3 …
 * CasterTemplate: lp_noTranscode. channelEnable: 0. programEffect: 1." CreateCasterRequest's CasterTemplate lists
 * no lp_noTranscode, yet only CreateCaster and SetCasterConfig's TranscodeConfig set a template: both take it for
 * such a studio, and only for it (a choice, LIMITATIONS).
 */
export const LIGHTWEIGHT_CAROUSEL_DEMANDS = { casterTemplate: "lp_noTranscode", channelEnable: 0, programEffect: 1 } as const;
/** SET_CONFIG, SyncGroupsConfig mode: 0 streamer (the sources follow `hostResourceId`), 1 conference (all in step, no host). */
export const SYNC_GROUP_MODE = { streamer: 0, conference: 1 } as const;
/** DescribeCasterConfig's page, RecordConfig.OnDemand: 0 off, 1 HTTP callback, 2 stream parameters, 7 not recorded by default. */
export const RECORD_ON_DEMAND_VALUES = [0, 1, 2, 7] as const;
/**
 * A streaming domain (SET_CONFIG DomainName, AddCasterEpisodeGroup DomainName): DNS labels of 1 to 63
 * letters, digits or inner hyphens, a name of at most 253 characters, ending in a top-level domain of letters.
 */
// Spelt out in both cases, with no flag: the JSON Schema's copy of the pattern cannot carry one.
export const DOMAIN_NAME_PATTERN = /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;
/**
 * A text's or caption's FontName: the pages list no fonts and no length; 64 characters is this
 * project's assumption (emulator/README.md, LIMITATIONS), checked by the kind and the emulator alike.
 */
export const MAX_FONT_NAME_LENGTH = 64;
/**
 * The studios of the China site's newer kinds: NormType 3, a lightweight carousel studio, the only one with a
 * playlist (AddPlaylistItems' CasterId: "NormType: 3 … a production studio for lightweight carousel playback",
 * https://www.alibabacloud.com/help/doc-detail/203414.htm), which the Caster kind declares for CasterPlaylist;
 * NormType 4, a virtual studio, the only one with studio layouts (AddStudioLayout's CasterId: "must be a virtual
 * studio", https://www.alibabacloud.com/help/en/live/developer-reference/api-addstudiolayout).
 */
export const PLAYLIST_NORM_TYPE = NORM_TYPE.lightweightCarousel;
export const VIRTUAL_STUDIO_NORM_TYPE = NORM_TYPE.virtualStudio;
/** The playlist item's ResourceType: "Only video-on-demand (VOD) resources are supported" (EditPlaylist's InputProgramItem). */
export const PLAYLIST_RESOURCE_TYPES = ["vod"] as const;
/** A playlist item's ItemName and a playlist's ProgramName: the pages give no limit; a source's 128 is assumed (LIMITATIONS). */
export const MAX_PLAYLIST_NAME_LENGTH = 128;
/** A playlist's Status (the SDK's ListPlaylistResponseBody): 0 stopped, 1 playing. */
export const PLAYLIST_STATUS = { stopped: 0, playing: 1 } as const;
/** StartPlaylist's ResumeMode; StartItemId is required with Custom (the SDK's StartPlaylistRequest). */
export const PLAYLIST_RESUME_MODES = ["Restart", "Continue", "Custom"] as const;
/** AddStudioLayout's LayoutType: common needs CommonConfig; studio needs BgImageConfig and ScreenInputConfigList (the SDK's AddStudioLayoutRequest). */
export const STUDIO_LAYOUT_TYPES = ["common", "studio"] as const;
/*
 * A studio layout's JSON settings: the official TypeScript SDK's models (live-20161101 AddStudioLayoutRequest.ts for
 * the settings and their examples, DescribeStudioLayoutsResponseBody.ts for each field's valid values).
 */
/** ScreenInputConfig's Color, the chroma key (the reply model): blue or green screen, auto (detected), complex (real-scene keying). */
export const CHROMA_KEY_COLORS = ["green", "blue", "auto", "complex"] as const;
/** ScreenInputConfig's PortraitType (the reply model): 0 half body, 1 full body. */
export const PORTRAIT_TYPES = { halfBody: 0, fullBody: 1 } as const;
/** LayerOrderConfig's Type (the reply model): background (the background material) or media (a multimedia input). */
export const LAYER_ORDER_TYPES = ["background", "media"] as const;
/** MediaInputConfig's FillMode and PositionRefer "Default value" (the reply model): none, topLeft. */
export const MEDIA_INPUT_DEFAULTS = { fillMode: "none", anchor: "topLeft" } as const;
/** A studio layout's LayoutName: the pages give no limit; a source's 128 is assumed (LIMITATIONS). */
export const MAX_STUDIO_LAYOUT_NAME_LENGTH = 128;
/** CREATE, ChargeType: PostPaid (pay as you go), the only billing the API offers a new studio. */
export const CHARGE_TYPE = "PostPaid";
/**
 * A recording's OssObjectPrefix and SliceOssObjectPrefix: an OSS object's name is under 256 bytes
 * (AddLiveAppRecordConfig, https://www.alibabacloud.com/help/doc-detail/35416.htm, its Chinese revision).
 */
export const MAX_OSS_OBJECT_PREFIX_BYTES = 255;

/**
 * Show lists (AddShowIntoShowList, https://www.alibabacloud.com/help/en/live/developer-reference/api-addshowintoshowlist):
 * "You can add a maximum of 1,000 shows to a playlist."
 */
export const MAX_SHOWS = 1000;
/** A show's resource: live stream, on-demand video, image (AddShowIntoShowList's ResourceType). */
export const SHOW_RESOURCE_TYPES = ["live", "vod", "pic"] as const;
/** A show list's background: LIVE, VOD, PIC, upper case (SetShowListBackground's ResourceType). */
export const BACKGROUND_RESOURCE_TYPES = ["LIVE", "VOD", "PIC"] as const;
/** ModifyShowList's HighPriorityShowStartTime: `yyyy-MM-ddTHH:mm:ss`, no zone (the page gives none). */
export const SHOW_START_TIME_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;
/** A show's and a list's RepeatTimes: -1 forever, 0 once, N plays N + 1 times. */
export const REPEAT_FOREVER = -1;
/** A show's name: the pages give no limit; a source's 128 is assumed (LIMITATIONS). */
export const MAX_SHOW_NAME_LENGTH = 128;
/**
 * An automatic show-list task's media (InitializeAutoShowListTask's ResourceIds,
 * https://www.alibabacloud.com/help/en/live/developer-reference/api-initializeautoshowlisttask):
 * "You can specify up to three video files in the playlist."
 */
export const MAX_AUTO_SHOW_LIST_RESOURCES = 3;

/**
 * A channel-mode studio's channels (SetCasterChannel, official SDK live-20161101 SetCasterChannelRequest.ts, and
 * https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-setcasterchannel), ChannelId:
 * "The total number of channels is determined when you create the production studio. The format is `RV01` to `RV12`."
 * A studio layout's ChannelId binds one too.
 */
export const CHANNEL_ID_PATTERN = /^RV(0[1-9]|1[0-2])$/;
export const CHANNEL_ID_RULE = "use a channel from RV01 to RV12, always two digits (RV07, not RV7).";
/**
 * SetCasterChannelRequest.ts, FaceBeauty: "0 (whole), 1 (skin smoothing), 2 (skin whitening), 3 (dark circle removal),
 * and 4 (nasolabial fold removal)", as text.
 */
export const FACE_BEAUTY_VALUES = ["0", "1", "2", "3", "4"] as const;
/** SetCasterChannelRequest.ts, PlayStatus ("applies only to video files"): 1 playback (the default), 0 pause. */
export const CHANNEL_PLAY_STATUS = { play: 1, pause: 0 } as const;
