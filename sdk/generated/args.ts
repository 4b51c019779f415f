// Generated from model/kinds by `npm run docs`; edit the kind's spec, not this file.
import type * as pulumi from "@pulumi/pulumi";
import type { EpisodeItemArgs } from "../caster-episode-group";
import type { ShowArgs } from "../caster-show-list";
import type { PlaylistItemArgs } from "../caster-playlist";

/**
 * The inputs of a {@link Caster}.
 *
 * An ApsaraVideo Live production studio: made with CreateCaster, configured as a whole with
 * SetCasterConfig (every declared setting; what is not declared keeps the studio's value), read
 * back setting by setting, and started or stopped as `running` says.
 */
export interface CasterArgs {
  /**
   * The studio's name in the console.
   * @default none (the console shows the studio's ID). Modified in place.
   */
  casterName?: pulumi.Input<string>;
  /**
   * 1 a general studio; 6 a carousel (playlist) studio, which plays episode groups and takes no
   * video sources; 3 a lightweight carousel studio (China site), the only one with a playlist
   * (CasterPlaylist): it needs casterTemplate `lp_noTranscode`, programEffect 1 and channel mode
   * off; 4 a virtual studio (China site), the only one with studio layouts (CasterStudioLayout).
   * Changing it replaces the studio (a new studio: its sources and scenes are made again).
   */
  normType: pulumi.Input<1 | 3 | 4 | 6>;
  /**
   * The output's resolution: `lp_ld`, `lp_sd`, `lp_hd`, `lp_ud` (low, standard, high, ultra
   * definition), with `_v` for portrait; `lp_noTranscode` (no transcoding) for a lightweight
   * carousel studio (normType 3), and only for it. Sent at creation and as the transcoding template
   * of the configuration.
   * Modified in place.
   */
  casterTemplate: pulumi.Input<"lp_ld" | "lp_sd" | "lp_hd" | "lp_ud" | "lp_ld_v" | "lp_sd_v" | "lp_hd_v" | "lp_ud_v" | "lp_noTranscode">;
  /**
   * How the studio is billed: `PostPaid` (pay as you go), the only one CreateCaster takes.
   * @default PostPaid. Changing it replaces the studio.
   */
  chargeType?: pulumi.Input<"PostPaid">;
  /**
   * The resource group the studio belongs to. A change moves the studio to the new group in place
   * (UpdateCasterResourceGroup): the same studio, with its sources, layouts, scenes and episodes.
   * The account needs permission on both groups.
   * @default the account's default group. Modified in place (UpdateCasterResourceGroup moves the
   * same studio, with everything on it, to the new group).
   */
  resourceGroupId?: pulumi.Input<string>;
  /**
   * The studio's tags, `{ key: value }` (CreateCaster's Tag.N.Key / Tag.N.Value), keys and values
   * up to 128 characters.
   * @default none. Changing it replaces the studio (the Caster operations set tags only when a
   * studio is made).
   */
  tags?: pulumi.Input<Record<string, string>>;
  /**
   * The streaming domain the studio outputs on. StartCaster needs one, and a new studio has none:
   * `running: true` needs it, except on an adopted studio (importId) that already has one. Changing
   * it needs the studio stopped.
   * @default not managed: the studio's own value is kept (a new studio has none). Modified in
   * place.
   */
  domainName?: pulumi.Input<string>;
  /**
   * The http(s) URL that receives the studio's events. A signed URL is stored as a secret.
   * @default not managed: the studio's own value is kept. Modified in place.
   */
  callbackUrl?: pulumi.Input<string>;
  /**
   * An rtmp:// address the program output is relayed to. A signed URL is stored as a secret.
   * @default not managed: the studio's own value is kept. Modified in place.
   */
  sideOutputUrl?: pulumi.Input<string>;
  /**
   * Up to 20 rtmp:// addresses the output is relayed to (SideOutputUrlList). A list with a signed
   * URL is stored as a secret.
   * @default not managed: the studio's own value is kept. Modified in place.
   */
  sideOutputUrls?: pulumi.Input<string[]>;
  /**
   * How long the output is held back, in seconds, 0 to 300 (Delay). 0 is no delay.
   * @default not managed: the studio's own value is kept. Modified in place.
   */
  delaySeconds?: pulumi.Input<number>;
  /**
   * The live transcoding templates the output is also served in: `lsd`, `lld`, `lud`, `lhd`,
   * `daobo-lsd`, `daobo-lld`, `daobo-lud`, `daobo-lhd`.
   * @default not managed: the studio's own value is kept. Modified in place.
   */
  liveTemplates?: pulumi.Input<pulumi.Input<"lsd" | "lld" | "lud" | "lhd" | "daobo-lsd" | "daobo-lld" | "daobo-lud" | "daobo-lhd">[]>;
  /**
   * Recording of the output to OSS: `{ ossEndpoint, ossBucket, formats: [{ format: m3u8|flv|mp4,
   * ossObjectPrefix?, sliceOssObjectPrefix?, cycleDurationSeconds? }] }`; m3u8 needs
   * `sliceOssObjectPrefix`.
   * @default not managed: the studio's own value is kept. Modified in place.
   */
  recording?: pulumi.Input<{ ossEndpoint: pulumi.Input<string>; ossBucket: pulumi.Input<string>; formats: pulumi.Input<pulumi.Input<{ format: pulumi.Input<"m3u8" | "flv" | "mp4">; ossObjectPrefix?: pulumi.Input<string>; sliceOssObjectPrefix?: pulumi.Input<string>; cycleDurationSeconds?: pulumi.Input<number> }>[]> }>;
  /**
   * A live stream the studio can switch to in an emergency (UrgentLiveStreamUrl). A signed URL is
   * stored as a secret.
   * @default not managed: the studio's own value is kept. Modified in place.
   */
  standbyLiveStreamUrl?: pulumi.Input<string>;
  /**
   * A media-library file the studio can switch to in an emergency (UrgentMaterialId).
   * @default not managed: the studio's own value is kept. Modified in place.
   */
  standbyMaterialId?: pulumi.Input<string>;
  /**
   * An image the studio can switch to in an emergency (UrgentImageUrl). A signed URL is stored as a
   * secret.
   * @default not managed: the studio's own value is kept. Modified in place.
   */
  standbyImageUrl?: pulumi.Input<string>;
  /**
   * A media-library image the studio can switch to in an emergency (UrgentImageId).
   * @default not managed: the studio's own value is kept. Modified in place.
   */
  standbyImageId?: pulumi.Input<string>;
  /**
   * How many seconds the program's input may break off before the studio switches to standby by
   * itself (AutoSwitchUrgentConfig's eofThres).
   * @default not managed: the studio's own value is kept. Modified in place.
   */
  standbySwitchAfterSeconds?: pulumi.Input<number>;
  /**
   * Whether the studio switches to its standby source by itself when the program's input breaks off
   * (AutoSwitchUrgentOn).
   * @default not managed: the studio's own value is kept. Modified in place.
   */
  autoSwitchToStandby?: pulumi.Input<boolean>;
  /**
   * Groups of sources kept in sync (SyncGroupsConfig): `{ mode: 0 (streamer: the sources follow
   * `hostResourceId`) or 1 (conference), resourceIds: [...] }`, with the sources' `resourceId`
   * outputs.
   * @default not managed: the studio's own value is kept. Modified in place.
   */
  syncGroups?: pulumi.Input<pulumi.Input<{ mode: pulumi.Input<0 | 1>; hostResourceId?: pulumi.Input<string>; resourceIds: pulumi.Input<pulumi.Input<string>[]> }>[]>;
  /**
   * The name of the studio's program (its schedule).
   * @default not managed: the studio's own value is kept. Modified in place.
   */
  programName?: pulumi.Input<string>;
  /**
   * 1 puts the studio's program (its schedule of episodes) in effect; 0 holds it.
   * @default not managed: the studio's own value is kept. Modified in place.
   */
  programEffect?: pulumi.Input<0 | 1>;
  /**
   * Channel mode (ChannelEnable). One-way: once on, the API cannot turn it off; turning it on needs
   * the studio stopped and discards its layouts.
   * @default not managed: the studio's own value is kept. Modified in place.
   */
  channelMode?: pulumi.Input<boolean>;
  /**
   * Whether the studio is started (StartCaster) or stopped (StopCaster). A started studio has its
   * PVW and PGM scenes and is billed as running.
   * @default false. Modified in place.
   */
  running?: pulumi.Input<boolean>;
  /**
   * Allows a change that needs the studio stopped (turning channel mode on, changing the domain, or
   * a change that replaces it) while it is on air: the studio is stopped, changed, and started
   * again (one replaced is stopped and deleted). Without it the preview refuses such a change and
   * the studio stays on air. It does not guard deleting the studio (`pulumi destroy`, or the studio
   * taken out of the program), which stops it if it is on air, then deletes it: guard a production
   * studio with Pulumi's `protect: true` on it and on everything in it (a Studio passes its own to
   * all it declares).
   * @default false. Modified in place (stored only: no API call).
   */
  allowStopOnAir?: pulumi.Input<boolean>;
  /**
   * The ClientToken of CreateCaster, printable ASCII, at most 64 characters: a retry, a lost reply
   * or a killed `pulumi up` never makes a second studio.
   * @default derived from the project, stack and resource name. Not compared: it matters only when
   * the studio is made.
   */
  clientToken?: pulumi.Input<string>;
  /**
   * Adopt an existing studio instead of making one: `<casterId>` (from DescribeCasters, or the
   * console). What only a new studio could change (`normType`, `chargeType`, and `tags` when
   * declared) must already be as declared; a declared `resourceGroupId` it is not in moves it there
   * (UpdateCasterResourceGroup); its configuration is compared with what SetCasterConfig would
   * send, and its run state with `running`: SetCasterConfig, StartCaster or StopCaster is sent only
   * for what differs, so a studio that already matches is taken over with no call that changes
   * anything. Pulumi's own `import` option cannot serve a dynamic provider (the engine reads
   * imported resources without their provider code), so this takes its place.
   * @default none: a new studio is made. Not compared: it matters only when the studio is made.
   */
  importId?: pulumi.Input<string>;
  /**
   * How this object is reached, when not with the stack's settings: `profile` (a profile of
   * `~/.aliyun/config.json` or of the credentials file, `ALIBABA_CLOUD_CREDENTIALS_FILE` or
   * `~/.alibabacloud/credentials`), `assumeRole` (`{ roleArn, sessionName?, externalId?,
   * sessionExpiration? }`, assumed with the profile's or the environment's credentials), `region`,
   * `endpoint` (the Live API's URL) and `stsEndpoint` (the STS host for `assumeRole`). Names where
   * credentials are, never holds them: a key, secret or token here is refused, because inputs are
   * stored in the state.
   * @default the stack's settings: `alicloud:region`, `alicloud-caster:endpoint` and the
   * credentials of the environment. Modified in place (the object is not moved: the preview and the
   * update check that it is found through the new connection, and fail if not).
   */
  connection?: pulumi.Input<{ profile?: pulumi.Input<string>; region?: pulumi.Input<string>; endpoint?: pulumi.Input<string>; assumeRole?: pulumi.Input<{ roleArn: pulumi.Input<string>; sessionName?: pulumi.Input<string>; externalId?: pulumi.Input<string>; sessionExpiration?: pulumi.Input<number> }>; stsEndpoint?: pulumi.Input<string> }>;
}

/**
 * The inputs of a {@link CasterVideoResource}.
 *
 * A video source of an ApsaraVideo Live production studio: a live stream, a file, a media asset or
 * an image, placed at a layout position RV01–RV99. Exactly one of `liveStreamUrl`, `materialId`,
 * `vodUrl`, `imageId` and `imageUrl` says what it plays.
 */
export interface CasterVideoResourceArgs {
  /**
   * The production studio's ID, e.g. `LIVEPRODUCER_POST-cn-0pp1czt1234`.
   * Changing it replaces the source, the old one deleted first (then added to the new studio).
   */
  casterId: pulumi.Input<string>;
  /**
   * The source's display name in the studio, 1 to 128 characters on one line: not only spaces, no
   * control characters (line breaks, tabs, ANSI escapes).
   * Modified in place.
   */
  resourceName: pulumi.Input<string>;
  /**
   * The layout position, `RV01` to `RV99` (always two digits). A position holds one source.
   * Changing it replaces the source, the old one deleted first (so that a swap never collides).
   */
  locationId: pulumi.Input<string>;
  /**
   * A live stream's URL (rtmp, rtmps, http(s) FLV/HLS, artc or srt). A URL that carries a signature
   * (`auth_key`, ...) or a password (`rtmp://user:password@host/...`) is stored as a secret.
   * @default none. Modified in place.
   */
  liveStreamUrl?: pulumi.Input<string>;
  /**
   * A media-library asset's ID, for a file from the media library.
   * @default none. Modified in place.
   */
  materialId?: pulumi.Input<string>;
  /**
   * The http(s) URL of an MP4, FLV or TS file that is not in the media library. A signed URL, or
   * one with a password, is stored as a secret.
   * @default none. Modified in place.
   */
  vodUrl?: pulumi.Input<string>;
  /**
   * An image asset's ID, for an image source.
   * @default none. Modified in place.
   */
  imageId?: pulumi.Input<string>;
  /**
   * The http(s) URL of a JPG or PNG image (at most 10 MB), for an image source. A signed URL, or
   * one with a password, is stored as a secret.
   * @default none. Modified in place.
   */
  imageUrl?: pulumi.Input<string>;
  /**
   * Where playback of a file starts, in milliseconds from the first frame, 0 to 2147483647. Files
   * only.
   * @default 0. Modified in place.
   */
  beginOffset?: pulumi.Input<number>;
  /**
   * Where playback of a file ends, in milliseconds: positive from the first frame, negative back
   * from the last frame. Files only.
   * @default 0 (the end of the file). Modified in place.
   */
  endOffset?: pulumi.Input<number>;
  /**
   * How often a file plays: 0 once, -1 loops forever, n > 0 repeats n times. Files only.
   * @default 0. Modified in place.
   */
  repeatNum?: pulumi.Input<number>;
  /**
   * The interval of PTS callbacks, in milliseconds, 0 to 2147483647.
   * @default 0. Modified in place.
   */
  ptsCallbackInterval?: pulumi.Input<number>;
  /**
   * A fixed delay for caption sync, in milliseconds, 0 to 5000. The API does not report it: what
   * was applied is kept.
   * @default 0. Changing it replaces the source, the old one deleted first (the API cannot modify
   * it).
   */
  fixedDelayDuration?: pulumi.Input<number>;
  /**
   * Adopt an existing source of the same studio instead of making one: `<casterId>:<resourceId>`
   * (from DescribeCasterVideoResources). It must sit at `locationId`; it is modified to match these
   * inputs only where it differs (ModifyCasterVideoResource), so a source that already matches is
   * taken over with no call that changes anything. Pulumi's own `import` option cannot serve a
   * dynamic provider (the engine reads imported resources without their provider code), so this
   * takes its place.
   * @default none: a new source is added. Not compared: it matters only when the source is made.
   */
  importId?: pulumi.Input<string>;
  /**
   * How this object is reached, when not with the stack's settings: `profile` (a profile of
   * `~/.aliyun/config.json` or of the credentials file, `ALIBABA_CLOUD_CREDENTIALS_FILE` or
   * `~/.alibabacloud/credentials`), `assumeRole` (`{ roleArn, sessionName?, externalId?,
   * sessionExpiration? }`, assumed with the profile's or the environment's credentials), `region`,
   * `endpoint` (the Live API's URL) and `stsEndpoint` (the STS host for `assumeRole`). Names where
   * credentials are, never holds them: a key, secret or token here is refused, because inputs are
   * stored in the state.
   * @default the stack's settings: `alicloud:region`, `alicloud-caster:endpoint` and the
   * credentials of the environment. Modified in place (the object is not moved: the preview and the
   * update check that it is found through the new connection, and fail if not).
   */
  connection?: pulumi.Input<{ profile?: pulumi.Input<string>; region?: pulumi.Input<string>; endpoint?: pulumi.Input<string>; assumeRole?: pulumi.Input<{ roleArn: pulumi.Input<string>; sessionName?: pulumi.Input<string>; externalId?: pulumi.Input<string>; sessionExpiration?: pulumi.Input<number> }>; stsEndpoint?: pulumi.Input<string> }>;
}

/**
 * The inputs of a {@link CasterLayout}.
 *
 * A layout of a production studio: which sources are on screen, where, at what size, in which
 * order, and which are heard. Scenes show a layout (CasterSceneBinding).
 */
export interface CasterLayoutArgs {
  /**
   * The production studio's ID.
   * Changing it replaces the layout.
   */
  casterId: pulumi.Input<string>;
  /**
   * The picture, bottom to top: each layer shows the source at `locationId`, at `position` [x, y]
   * (0–1, measured from `anchor`: topLeft (default), topCenter, topRight, leftCenter, center,
   * rightCenter, bottomLeft, bottomCenter, bottomRight), `widthNormalized` / `heightNormalized` of
   * the screen (0–1; 0 or left out keeps the source's size), `fillMode` `fit` to fill that box. The
   * API's BlendList is this list's locations, in this order. In a channel-mode studio (the Caster's
   * `channelMode`) `locationId` names a channel RV01 to RV12 that a CasterChannel sets
   * (SetCasterConfig's ChannelEnable: "new layouts directly reference the Channel").
   * Modified in place.
   */
  videoLayers: pulumi.Input<pulumi.Input<{ locationId: pulumi.Input<string>; widthNormalized?: pulumi.Input<number>; heightNormalized?: pulumi.Input<number>; position?: pulumi.Input<[number, number]>; anchor?: pulumi.Input<"topLeft" | "topCenter" | "topRight" | "leftCenter" | "center" | "rightCenter" | "bottomLeft" | "bottomCenter" | "bottomRight">; fillMode?: pulumi.Input<"none" | "fit">; fixedDelayDuration?: pulumi.Input<number> }>[]>;
  /**
   * What is heard: each layer mixes the source at `locationId` in, at `volumeRate` (0–10, default
   * 1) on `validChannel` (default `all`). The API's MixList is this list's locations, in this
   * order.
   * @default every video layer's source, at volume 1 on all channels (the API needs a MixList).
   * Modified in place.
   */
  audioLayers?: pulumi.Input<pulumi.Input<{ locationId: pulumi.Input<string>; volumeRate?: pulumi.Input<number>; validChannel?: pulumi.Input<"leftChannel" | "rightChannel" | "all">; fixedDelayDuration?: pulumi.Input<number> }>[]>;
  /**
   * Adopt an existing layout of the same studio instead of making one: `<casterId>:<layoutId>`
   * (from DescribeCasterLayouts). Its layers are compared with these, every default written out,
   * and ModifyCasterLayout is sent only when they differ, so a layout that already matches is taken
   * over with no call that changes anything. Pulumi's own `import` option cannot serve a dynamic
   * provider (the engine reads imported resources without their provider code), so this takes its
   * place.
   * @default none: a new layout is added. Not compared: it matters only when the layout is made.
   */
  importId?: pulumi.Input<string>;
  /**
   * How this object is reached, when not with the stack's settings: `profile` (a profile of
   * `~/.aliyun/config.json` or of the credentials file, `ALIBABA_CLOUD_CREDENTIALS_FILE` or
   * `~/.alibabacloud/credentials`), `assumeRole` (`{ roleArn, sessionName?, externalId?,
   * sessionExpiration? }`, assumed with the profile's or the environment's credentials), `region`,
   * `endpoint` (the Live API's URL) and `stsEndpoint` (the STS host for `assumeRole`). Names where
   * credentials are, never holds them: a key, secret or token here is refused, because inputs are
   * stored in the state.
   * @default the stack's settings: `alicloud:region`, `alicloud-caster:endpoint` and the
   * credentials of the environment. Modified in place (the object is not moved: the preview and the
   * update check that it is found through the new connection, and fail if not).
   */
  connection?: pulumi.Input<{ profile?: pulumi.Input<string>; region?: pulumi.Input<string>; endpoint?: pulumi.Input<string>; assumeRole?: pulumi.Input<{ roleArn: pulumi.Input<string>; sessionName?: pulumi.Input<string>; externalId?: pulumi.Input<string>; sessionExpiration?: pulumi.Input<number> }>; stsEndpoint?: pulumi.Input<string> }>;
}

/**
 * The inputs of a {@link CasterComponent}.
 *
 * An overlay of a production studio: a text, an image or a caption at a component position
 * RC01–RC99, with its geometry and effect. Scenes show components over their layout
 * (CasterSceneBinding).
 */
export interface CasterComponentArgs {
  /**
   * The production studio's ID.
   * Changing it replaces the component, the old one deleted first.
   */
  casterId: pulumi.Input<string>;
  /**
   * The component position, `RC01` to `RC99`. A position holds one component.
   * Changing it replaces the component, the old one deleted first (so that a swap never collides).
   */
  locationId: pulumi.Input<string>;
  /**
   * The component's name in the console.
   * @default its ComponentId. Modified in place.
   */
  componentName?: pulumi.Input<string>;
  /**
   * What the component shows: `text`, `image` or `caption`; set the property of the same name.
   * Modified in place.
   */
  componentType: pulumi.Input<"text" | "image" | "caption">;
  /**
   * Where it is: `position` [x, y] (0–1) from `anchor` (default topLeft), `widthNormalized` /
   * `heightNormalized` (0–1), `transparency` 0–255 (default 255, opaque). The API's ComponentLayer.
   * Modified in place.
   */
  geometry: pulumi.Input<{ position: pulumi.Input<[number, number]>; anchor?: pulumi.Input<"topLeft" | "topCenter" | "topRight" | "leftCenter" | "center" | "rightCenter" | "bottomLeft" | "bottomCenter" | "bottomRight">; widthNormalized?: pulumi.Input<number>; heightNormalized?: pulumi.Input<number>; transparency?: pulumi.Input<number> }>;
  /**
   * How it moves: `none`, `animateH` (scrolls across), `animateV` (scrolls up).
   * @default none. Modified in place.
   */
  effect?: pulumi.Input<"none" | "animateH" | "animateV">;
  /**
   * Over the picture (`cover`) or under it (`background`). Set only when the component is added:
   * the API does not report it.
   * @default cover. Changing it replaces the component, the old one deleted first
   * (ModifyCasterComponent cannot change it).
   */
  layerOrder?: pulumi.Input<"cover" | "background">;
  /**
   * A text component's text and style: `{ text, fontName?, sizeNormalized?, color? (0xRRGGBB),
   * borderColor?, borderWidthNormalized? }`; left out, the style is the API's: KaiTi, 0xff0000,
   * size 0, no border.
   * @default none. Modified in place.
   */
  text?: pulumi.Input<{ text: pulumi.Input<string>; fontName?: pulumi.Input<string>; sizeNormalized?: pulumi.Input<number>; color?: pulumi.Input<string>; borderColor?: pulumi.Input<string>; borderWidthNormalized?: pulumi.Input<number> }>;
  /**
   * An image component's media-library image: `{ materialId }`.
   * @default none. Modified in place.
   */
  image?: pulumi.Input<{ materialId: pulumi.Input<string> }>;
  /**
   * A caption component: which source is captioned (`sourceLocationId`), from and to which language
   * (`cn`, `en`, `es`, `ru`), and its text style.
   * @default none. Modified in place.
   */
  caption?: pulumi.Input<{ sourceLocationId?: pulumi.Input<string>; sourceLanguage?: pulumi.Input<"cn" | "en" | "es" | "ru">; targetLanguage?: pulumi.Input<"cn" | "en" | "es" | "ru">; showSourceLanguage?: pulumi.Input<boolean>; fontName?: pulumi.Input<string>; sizeNormalized?: pulumi.Input<number>; color?: pulumi.Input<string>; borderColor?: pulumi.Input<string>; borderWidthNormalized?: pulumi.Input<number> }>;
  /**
   * Adopt an existing component of the same studio instead of making one:
   * `<casterId>:<componentId>` (from DescribeCasterComponents). It must sit at `locationId`; its
   * settings are compared with these, defaults written out, and ModifyCasterComponent is sent only
   * when they differ, so a component that already matches is taken over with no call that changes
   * anything. `layerOrder`, which the API does not report, is taken as declared. Pulumi's own
   * `import` option cannot serve a dynamic provider (the engine reads imported resources without
   * their provider code), so this takes its place.
   * @default none: a new component is added. Not compared: it matters only when the component is
   * made.
   */
  importId?: pulumi.Input<string>;
  /**
   * How this object is reached, when not with the stack's settings: `profile` (a profile of
   * `~/.aliyun/config.json` or of the credentials file, `ALIBABA_CLOUD_CREDENTIALS_FILE` or
   * `~/.alibabacloud/credentials`), `assumeRole` (`{ roleArn, sessionName?, externalId?,
   * sessionExpiration? }`, assumed with the profile's or the environment's credentials), `region`,
   * `endpoint` (the Live API's URL) and `stsEndpoint` (the STS host for `assumeRole`). Names where
   * credentials are, never holds them: a key, secret or token here is refused, because inputs are
   * stored in the state.
   * @default the stack's settings: `alicloud:region`, `alicloud-caster:endpoint` and the
   * credentials of the environment. Modified in place (the object is not moved: the preview and the
   * update check that it is found through the new connection, and fail if not).
   */
  connection?: pulumi.Input<{ profile?: pulumi.Input<string>; region?: pulumi.Input<string>; endpoint?: pulumi.Input<string>; assumeRole?: pulumi.Input<{ roleArn: pulumi.Input<string>; sessionName?: pulumi.Input<string>; externalId?: pulumi.Input<string>; sessionExpiration?: pulumi.Input<number> }>; stsEndpoint?: pulumi.Input<string> }>;
}

/**
 * The inputs of a {@link CasterSceneBinding}.
 *
 * What a scene of a started studio shows: one layout and the components over it
 * (SetCasterSceneConfig). Declared whole: the API replaces a scene's binding as a whole.
 */
export interface CasterSceneBindingArgs {
  /**
   * The production studio's ID. The studio must have been started (`running: true`): StartCaster
   * makes its scenes.
   * Changing it replaces the scene binding, the old one deleted first.
   */
  casterId: pulumi.Input<string>;
  /**
   * Which scene: `PGM`, the program output that goes on air, or `PVW`, the preview.
   * Changing it replaces the scene binding, the old one deleted first.
   */
  scene: pulumi.Input<"PGM" | "PVW">;
  /**
   * The layout the scene shows (a CasterLayout's `layoutId`).
   * Modified in place.
   */
  layoutId: pulumi.Input<string>;
  /**
   * The components shown over the layout, bottom to top (CasterComponents' `componentId`s).
   * @default none. Modified in place.
   */
  componentIds?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * How this object is reached, when not with the stack's settings: `profile` (a profile of
   * `~/.aliyun/config.json` or of the credentials file, `ALIBABA_CLOUD_CREDENTIALS_FILE` or
   * `~/.alibabacloud/credentials`), `assumeRole` (`{ roleArn, sessionName?, externalId?,
   * sessionExpiration? }`, assumed with the profile's or the environment's credentials), `region`,
   * `endpoint` (the Live API's URL) and `stsEndpoint` (the STS host for `assumeRole`). Names where
   * credentials are, never holds them: a key, secret or token here is refused, because inputs are
   * stored in the state.
   * @default the stack's settings: `alicloud:region`, `alicloud-caster:endpoint` and the
   * credentials of the environment. Modified in place (the object is not moved: the preview and the
   * update check that it is found through the new connection, and fail if not).
   */
  connection?: pulumi.Input<{ profile?: pulumi.Input<string>; region?: pulumi.Input<string>; endpoint?: pulumi.Input<string>; assumeRole?: pulumi.Input<{ roleArn: pulumi.Input<string>; sessionName?: pulumi.Input<string>; externalId?: pulumi.Input<string>; sessionExpiration?: pulumi.Input<number> }>; stsEndpoint?: pulumi.Input<string> }>;
}

/**
 * The inputs of a {@link CasterEpisodeGroup}.
 *
 * A scheduled carousel playlist of VOD files on a production studio (AddCasterEpisodeGroup). The
 * API cannot modify a group: changing any property replaces it (the old program is deleted first,
 * then the new one is added).
 */
export interface CasterEpisodeGroupArgs {
  /**
   * The production studio. When given, `domainName`, `callbackUrl` and `sideOutputUrl` default to
   * its DescribeCasterConfig values (as the API page advises), and refresh can tell whether the
   * group still exists.
   * @default none: then `domainName` and `callbackUrl` are required. Changing it replaces the
   * episode group, the old one deleted first.
   */
  casterId?: pulumi.Input<string>;
  /**
   * The studio's main streaming domain, e.g. `live.example.com`.
   * @default the studio's DomainName (needs casterId). Changing it replaces the episode group, the
   * old one deleted first.
   */
  domainName?: pulumi.Input<string>;
  /**
   * The callback URL for playback events. Stored as a secret (the studio's may be signed).
   * @default the studio's CallbackUrl (needs casterId). Changing it replaces the episode group, the
   * old one deleted first.
   */
  callbackUrl?: pulumi.Input<string>;
  /**
   * A custom output (relay) URL. Stored as a secret (the studio's may be signed).
   * @default the studio's SideOutputUrl, else empty: the API then uses the studio's own output
   * address. Changing it replaces the episode group, the old one deleted first.
   */
  sideOutputUrl?: pulumi.Input<string>;
  /**
   * When the list starts: an ISO 8601 time with its zone (`2026-12-24T20:00:00Z`,
   * `2026-12-25T04:00:00+08:00`) whose date and time exist (no February 30, no 24:00), or a Date.
   * Sent as UTC to the second. A time in the past is allowed (the list starts at once) and gives a
   * warning.
   * Changing it replaces the episode group, the old one deleted first.
   */
  startTime: pulumi.Input<string | Date>;
  /**
   * 0 plays the list once, -1 loops it.
   * @default 0. Changing it replaces the episode group, the old one deleted first.
   */
  repeatNum?: pulumi.Input<0 | -1>;
  /**
   * The episodes in playing order, 1 to 100 `{ itemName, vodUrl }` (item names follow a source
   * name's rules; MP4, FLV or TS files). The API documents no limit; 100 is this package's: for a
   * longer schedule, add groups that start when the previous one ends. A signed URL, or one with a
   * password, makes the list a secret.
   * Changing it replaces the episode group, the old one deleted first.
   */
  items: pulumi.Input<pulumi.Input<EpisodeItemArgs>[]>;
  /**
   * The region of the API calls.
   * @default the provider's region (`alicloud:region`, else cn-shanghai). Changing it replaces the
   * episode group, the old one deleted first.
   */
  regionId?: pulumi.Input<string>;
  /**
   * The ClientToken that makes the creation idempotent, printable ASCII, at most 64 characters.
   * Used only when the group is created.
   * @default derived from the project, stack, resource name and the inputs above, so that a retry
   * after a lost reply gets the same program, not a second one, and `caster-recover` finds what an
   * interrupted `pulumi up` made. Not compared: it matters only when the episode group is made.
   */
  clientToken?: pulumi.Input<string>;
  /**
   * Adopt an existing episode group instead of making one: `<programId>` (from
   * AddCasterEpisodeGroup's reply, or the console). The API has no call that describes a group by
   * its ProgramId, nor one that modifies it: the group is taken over as declared, and nothing is
   * compared or sent (declare its start, repeat and items as they are: a later change replaces it).
   * When `casterId` is given and the studio's program lists the declared items at the declared
   * start, their ItemIds are recorded, so that refresh can later tell that it is gone; otherwise
   * refresh keeps it. Pulumi's own `import` option cannot serve a dynamic provider (the engine
   * reads imported resources without their provider code), so this takes its place.
   * @default none: a new episode group is added. Not compared: it matters only when the episode
   * group is made.
   */
  importId?: pulumi.Input<string>;
  /**
   * How this object is reached, when not with the stack's settings: `profile` (a profile of
   * `~/.aliyun/config.json` or of the credentials file, `ALIBABA_CLOUD_CREDENTIALS_FILE` or
   * `~/.alibabacloud/credentials`), `assumeRole` (`{ roleArn, sessionName?, externalId?,
   * sessionExpiration? }`, assumed with the profile's or the environment's credentials), `region`,
   * `endpoint` (the Live API's URL) and `stsEndpoint` (the STS host for `assumeRole`). Names where
   * credentials are, never holds them: a key, secret or token here is refused, because inputs are
   * stored in the state.
   * @default the stack's settings: `alicloud:region`, `alicloud-caster:endpoint` and the
   * credentials of the environment. Modified in place (the object is not moved: the preview and the
   * update check that it is found through the new connection, and fail if not).
   */
  connection?: pulumi.Input<{ profile?: pulumi.Input<string>; region?: pulumi.Input<string>; endpoint?: pulumi.Input<string>; assumeRole?: pulumi.Input<{ roleArn: pulumi.Input<string>; sessionName?: pulumi.Input<string>; externalId?: pulumi.Input<string>; sessionExpiration?: pulumi.Input<number> }>; stsEndpoint?: pulumi.Input<string> }>;
}

/**
 * The inputs of a {@link CasterEpisode}.
 *
 * An episode of a production studio's schedule: from its start to its end time the studio shows a
 * video source (with components over it) or a set of components (AddCasterEpisode).
 */
export interface CasterEpisodeArgs {
  /**
   * The production studio's ID.
   * Changing it replaces the episode.
   */
  casterId: pulumi.Input<string>;
  /**
   * The episode's name, as the schedule shows it (one line, at most 128 characters).
   * Modified in place.
   */
  episodeName: pulumi.Input<string>;
  /**
   * `Resource` switches the studio to a video source (`resourceId` or `locationId`), with
   * `componentIds` over it if given; `Component` shows `componentIds` only.
   * @default Resource when a source is given, else Component. Changing it replaces the episode
   * (ModifyCasterEpisode cannot change an episode's type).
   */
  episodeType?: pulumi.Input<"Resource" | "Component">;
  /**
   * The video source the episode switches to, by its ID (a CasterVideoResource's `resourceId`).
   * Give this or `locationId` for a Resource episode.
   * @default the source at `locationId`. Modified in place.
   */
  resourceId?: pulumi.Input<string>;
  /**
   * The video source the episode switches to, by its position (RV01–RV99); the provider looks up
   * its ID. Give this or `resourceId` for a Resource episode.
   * @default the position of `resourceId`. Modified in place.
   */
  locationId?: pulumi.Input<string>;
  /**
   * The components shown, bottom to top (CasterComponents' `componentId`s): over the source for a
   * Resource episode (they switch with it), alone for a Component episode (at least one).
   * @default none. Modified in place.
   */
  componentIds?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * When the episode starts: an ISO 8601 time with its zone (`2026-12-24T20:00:00Z`,
   * `2026-12-25T04:00:00+08:00`) whose date and time exist, or a Date; sent as UTC to the second.
   * The API refuses a start that has passed.
   * Modified in place.
   */
  startTime: pulumi.Input<string | Date>;
  /**
   * When the episode ends: an ISO 8601 time with its zone (`2026-12-24T20:00:00Z`,
   * `2026-12-25T04:00:00+08:00`) whose date and time exist, or a Date; sent as UTC to the second;
   * after `startTime`.
   * Modified in place.
   */
  endTime: pulumi.Input<string | Date>;
  /**
   * How the episode ends: `TimeFirst` switches at `endTime`; `ContentFirst` lets a file finish
   * first. A Resource episode's only (the API ignores it for Component), and a live stream takes
   * TimeFirst only.
   * @default TimeFirst. Modified in place.
   */
  switchType?: pulumi.Input<"TimeFirst" | "ContentFirst">;
  /**
   * Adopt an existing episode of the same studio instead of making one: `<casterId>:<episodeId>`
   * (from DescribeCasterProgram). Its name, type, source, components, times and switch type are
   * compared with these, and ModifyCasterEpisode is sent only when they differ, so an episode that
   * already matches is taken over with no call that changes anything. Its type cannot be modified:
   * an episode of another type is refused. Pulumi's own `import` option cannot serve a dynamic
   * provider (the engine reads imported resources without their provider code), so this takes its
   * place.
   * @default none: a new episode is added. Not compared: it matters only when the episode is made.
   */
  importId?: pulumi.Input<string>;
  /**
   * How this object is reached, when not with the stack's settings: `profile` (a profile of
   * `~/.aliyun/config.json` or of the credentials file, `ALIBABA_CLOUD_CREDENTIALS_FILE` or
   * `~/.alibabacloud/credentials`), `assumeRole` (`{ roleArn, sessionName?, externalId?,
   * sessionExpiration? }`, assumed with the profile's or the environment's credentials), `region`,
   * `endpoint` (the Live API's URL) and `stsEndpoint` (the STS host for `assumeRole`). Names where
   * credentials are, never holds them: a key, secret or token here is refused, because inputs are
   * stored in the state.
   * @default the stack's settings: `alicloud:region`, `alicloud-caster:endpoint` and the
   * credentials of the environment. Modified in place (the object is not moved: the preview and the
   * update check that it is found through the new connection, and fail if not).
   */
  connection?: pulumi.Input<{ profile?: pulumi.Input<string>; region?: pulumi.Input<string>; endpoint?: pulumi.Input<string>; assumeRole?: pulumi.Input<{ roleArn: pulumi.Input<string>; sessionName?: pulumi.Input<string>; externalId?: pulumi.Input<string>; sessionExpiration?: pulumi.Input<number> }>; stsEndpoint?: pulumi.Input<string> }>;
}

/**
 * The inputs of a {@link CasterShowList}.
 *
 * A production studio's show list: the shows it plays in turn, each a live stream, a file or an
 * image, for a duration or a number of plays; how often the list repeats, the show that interrupts
 * it at a set time, and its background. One per studio.
 */
export interface CasterShowListArgs {
  /**
   * The production studio's ID (a playlist studio, NormType 6, as the API pages ask).
   * Changing it replaces the show list, the old one deleted first.
   */
  casterId: pulumi.Input<string>;
  /**
   * The shows in playing order, 1 to 1000: `{ showName, resourceType, resourceUrl | resourceId,
   * liveInputType?, duration | repeatTimes }`. `resourceType` is `live`, `vod` or `pic`; a show
   * plays for `duration` seconds or `repeatTimes` + 1 times (-1 forever; neither: once). Names
   * differ from show to show: a show is known by its name. A show's content cannot be modified: a
   * changed show is removed and added again; a move is one ModifyShowList. A signed URL, or one
   * with a password, makes the list a secret.
   * Modified in place.
   */
  shows: pulumi.Input<pulumi.Input<ShowArgs>[]>;
  /**
   * How often the whole list plays: 0 once, N for N + 1 times, -1 forever.
   * @default 0. Modified in place.
   */
  repeatTimes?: pulumi.Input<number>;
  /**
   * The show (by its `showName`) that interrupts whatever plays at `highPriorityShowStartTime`.
   * Settable only before the list starts playing. The API cannot unset it: left out, the list keeps
   * what it has.
   * @default none; left out, what the list has is kept. Modified in place.
   */
  highPriorityShow?: pulumi.Input<string>;
  /**
   * When the high-priority show starts: `yyyy-MM-ddTHH:mm:ss`, as ModifyShowList takes it (the page
   * gives no zone).
   * @default none; left out, what the list has is kept. Modified in place.
   */
  highPriorityShowStartTime?: pulumi.Input<string>;
  /**
   * What the list shows behind its shows: `{ resourceType? (live, vod, pic), resourceUrl |
   * materialId }` (SetShowListBackground). Left out, the list has none.
   * @default none. Modified in place.
   */
  background?: pulumi.Input<{ resourceType?: pulumi.Input<"live" | "vod" | "pic">; resourceUrl?: pulumi.Input<string>; materialId?: pulumi.Input<string> }>;
  /**
   * Adopt an existing show list instead of making one: `<casterId>` (from the studio's ID: a studio
   * has one show list). Every show the list has is taken over, with the list's settings: shows the
   * program does not declare are removed, missing ones added and the rest moved into order, so a
   * list that already matches is taken over with no call that changes anything. Without it, a list
   * that holds shows of other names is refused, so that nobody's shows are removed unasked.
   * Pulumi's own `import` option cannot serve a dynamic provider (the engine reads imported
   * resources without their provider code), so this takes its place.
   * @default none: the studio's list must hold no show of another name. Not compared: it matters
   * only when the show list is made.
   */
  importId?: pulumi.Input<string>;
  /**
   * How this object is reached, when not with the stack's settings: `profile` (a profile of
   * `~/.aliyun/config.json` or of the credentials file, `ALIBABA_CLOUD_CREDENTIALS_FILE` or
   * `~/.alibabacloud/credentials`), `assumeRole` (`{ roleArn, sessionName?, externalId?,
   * sessionExpiration? }`, assumed with the profile's or the environment's credentials), `region`,
   * `endpoint` (the Live API's URL) and `stsEndpoint` (the STS host for `assumeRole`). Names where
   * credentials are, never holds them: a key, secret or token here is refused, because inputs are
   * stored in the state.
   * @default the stack's settings: `alicloud:region`, `alicloud-caster:endpoint` and the
   * credentials of the environment. Modified in place (the object is not moved: the preview and the
   * update check that it is found through the new connection, and fail if not).
   */
  connection?: pulumi.Input<{ profile?: pulumi.Input<string>; region?: pulumi.Input<string>; endpoint?: pulumi.Input<string>; assumeRole?: pulumi.Input<{ roleArn: pulumi.Input<string>; sessionName?: pulumi.Input<string>; externalId?: pulumi.Input<string>; sessionExpiration?: pulumi.Input<number> }>; stsEndpoint?: pulumi.Input<string> }>;
}

/**
 * The inputs of a {@link CasterChannel}.
 *
 * A channel of a channel-mode studio (RV01 to RV12) and the video source it plays, with face
 * retouching; where a video file starts, and whether it plays or waits, when it is put on the
 * channel. Layouts of a channel-mode studio show channels, not sources.
 */
export interface CasterChannelArgs {
  /**
   * The production studio's ID. The studio must be in channel mode (its Caster's `channelMode:
   * true`): SetCasterChannel refuses a studio without channels.
   * Changing it replaces the channel, the old one deleted first.
   */
  casterId: pulumi.Input<string>;
  /**
   * The channel, `RV01` to `RV12` (SetCasterChannel's ChannelId: the studio's channels are fixed
   * when it is created). A channel plays one source; a layout of a channel-mode studio names it
   * where it would name a source's position.
   * Changing it replaces the channel, the old one deleted first (the old channel is freed first, so
   * two channels never swap into a collision).
   */
  channelId: pulumi.Input<string>;
  /**
   * The video source the channel plays: a CasterVideoResource's `resourceId` output, so that the
   * engine makes the source first and frees the channel before it deletes the source. A change
   * moves the channel to the other source (one SetCasterChannel).
   * Modified in place.
   */
  resourceId: pulumi.Input<string>;
  /**
   * Face retouching, as SetCasterChannel's FaceBeauty lists it: `"0"` all effects, `"1"` skin
   * smoothing, `"2"` skin whitening, `"3"` dark circle removal, `"4"` nasolabial fold removal. The
   * API has no value for none: left out, the channel keeps what it has.
   * @default not managed: the channel's own value is kept. Modified in place.
   */
  faceBeauty?: pulumi.Input<"0" | "1" | "2" | "3" | "4">;
  /**
   * Whether a video file starts playing (`play`) or paused (`pause`) when it is put on the channel
   * (SetCasterChannel's PlayStatus; video files only, not live streams). An operation of the
   * broadcast, not a setting: DescribeCasterChannels does not report it, so it is sent when the
   * channel is set or moved to another source, and never compared.
   * @default play. Not compared: it matters only when the channel is made.
   */
  playStatus?: pulumi.Input<"play" | "pause">;
  /**
   * Where a video file starts when it is put on the channel, in milliseconds from its first frame
   * (SetCasterChannel's SeekOffset, 0 or more; video files only). An operation of the broadcast, as
   * `playStatus` is: sent when the channel is set or moved, never compared.
   * @default 0. Not compared: it matters only when the channel is made.
   */
  seekOffset?: pulumi.Input<number>;
  /**
   * How this object is reached, when not with the stack's settings: `profile` (a profile of
   * `~/.aliyun/config.json` or of the credentials file, `ALIBABA_CLOUD_CREDENTIALS_FILE` or
   * `~/.alibabacloud/credentials`), `assumeRole` (`{ roleArn, sessionName?, externalId?,
   * sessionExpiration? }`, assumed with the profile's or the environment's credentials), `region`,
   * `endpoint` (the Live API's URL) and `stsEndpoint` (the STS host for `assumeRole`). Names where
   * credentials are, never holds them: a key, secret or token here is refused, because inputs are
   * stored in the state.
   * @default the stack's settings: `alicloud:region`, `alicloud-caster:endpoint` and the
   * credentials of the environment. Modified in place (the object is not moved: the preview and the
   * update check that it is found through the new connection, and fail if not).
   */
  connection?: pulumi.Input<{ profile?: pulumi.Input<string>; region?: pulumi.Input<string>; endpoint?: pulumi.Input<string>; assumeRole?: pulumi.Input<{ roleArn: pulumi.Input<string>; sessionName?: pulumi.Input<string>; externalId?: pulumi.Input<string>; sessionExpiration?: pulumi.Input<number> }>; stsEndpoint?: pulumi.Input<string> }>;
}

/**
 * The inputs of a {@link CasterPlaylist}.
 *
 * A lightweight carousel studio's playlist (normType 3, China site): the VOD files it plays in
 * turn, its name, and how often the whole list repeats. One per studio. Playing it (StartPlaylist /
 * StopPlaylist) is the operator's, not declared.
 */
export interface CasterPlaylistArgs {
  /**
   * The production studio's ID: a lightweight carousel studio (normType 3, with casterTemplate
   * lp_noTranscode, programEffect 1 and channel mode off, as AddPlaylistItems demands).
   * Changing it replaces the playlist, the old one deleted first.
   */
  casterId: pulumi.Input<string>;
  /**
   * The playlist's name (ProgramConfig's ProgramName).
   * @default none. Modified in place.
   */
  programName?: pulumi.Input<string>;
  /**
   * How many times the whole list plays again after its first play (ProgramConfig's RepeatNumber):
   * 0 never (it plays once), N times (N + 1 plays), -1 in a loop until stopped.
   * @default 0. Modified in place.
   */
  repeatNumber?: pulumi.Input<number>;
  /**
   * The items in playing order: `{ itemName, mediaId }`, each a VOD file by its media ID (the only
   * resource a playlist plays: InputProgramItem's ResourceType vod). Names differ from item to
   * item: an item is known by its name. Items removed from the end or the middle are one
   * DeletePlaylistItems, items added at the end one AddPlaylistItems; any other change (a reorder,
   * a changed item, a new name or repeat) is one EditPlaylist, which replaces the items (they get
   * new IDs).
   * Modified in place.
   */
  items: pulumi.Input<pulumi.Input<PlaylistItemArgs>[]>;
  /**
   * Adopt an existing playlist instead of making one: `<programId>` (from ListPlaylist, or
   * AddPlaylistItems' reply). The playlist must be the studio's (casterId). Its items and settings
   * are then compared with these inputs, and the one call that makes them so is sent only where
   * they differ, so a playlist that already matches is taken over with no call that changes
   * anything. Without it, a studio whose playlist holds items of other names is refused, so that
   * nobody's items are removed unasked. Pulumi's own `import` option cannot serve a dynamic
   * provider (the engine reads imported resources without their provider code), so this takes its
   * place.
   * @default none: the studio's playlist is made, or taken over when it holds only items this
   * program declares. Not compared: it matters only when the playlist is made.
   */
  importId?: pulumi.Input<string>;
  /**
   * How this object is reached, when not with the stack's settings: `profile` (a profile of
   * `~/.aliyun/config.json` or of the credentials file, `ALIBABA_CLOUD_CREDENTIALS_FILE` or
   * `~/.alibabacloud/credentials`), `assumeRole` (`{ roleArn, sessionName?, externalId?,
   * sessionExpiration? }`, assumed with the profile's or the environment's credentials), `region`,
   * `endpoint` (the Live API's URL) and `stsEndpoint` (the STS host for `assumeRole`). Names where
   * credentials are, never holds them: a key, secret or token here is refused, because inputs are
   * stored in the state.
   * @default the stack's settings: `alicloud:region`, `alicloud-caster:endpoint` and the
   * credentials of the environment. Modified in place (the object is not moved: the preview and the
   * update check that it is found through the new connection, and fail if not).
   */
  connection?: pulumi.Input<{ profile?: pulumi.Input<string>; region?: pulumi.Input<string>; endpoint?: pulumi.Input<string>; assumeRole?: pulumi.Input<{ roleArn: pulumi.Input<string>; sessionName?: pulumi.Input<string>; externalId?: pulumi.Input<string>; sessionExpiration?: pulumi.Input<number> }>; stsEndpoint?: pulumi.Input<string> }>;
}

/**
 * The inputs of a {@link CasterStudioLayout}.
 *
 * A virtual studio's studio layout (NormType 4, China site): a `common` layout shows one channel; a
 * `studio` layout keys presenters out of their green or blue screen and places them, with videos
 * and images, on a background.
 */
export interface CasterStudioLayoutArgs {
  /**
   * The production studio's ID: a virtual studio (NormType 4), as AddStudioLayout asks.
   * Changing it replaces the studio layout, the old one deleted first.
   */
  casterId: pulumi.Input<string>;
  /**
   * The studio layout's name (AddStudioLayout's LayoutName, required). Names differ from layout to
   * layout of a studio: a layout whose reply was lost is found again by its name.
   * Modified in place.
   */
  layoutName: pulumi.Input<string>;
  /**
   * `common`: one channel shown as it is (`commonConfig`); `studio`: chroma-keyed presenters
   * (`chromaKeyInputs`) over a `background`, with optional `mediaInputs` and `layerOrder`.
   * Changing it replaces the studio layout, the old one deleted first (ModifyStudioLayout takes no
   * LayoutType).
   */
  layoutType: pulumi.Input<"common" | "studio">;
  /**
   * A common layout's channel: `{ channelId }`, `RV01` to `RV12` (CommonConfig). Required with
   * `layoutType: common`, refused with `studio`.
   * @default none. Modified in place.
   */
  commonConfig?: pulumi.Input<{ channelId: pulumi.Input<string> }>;
  /**
   * What the set shows behind the presenters: `{ id?, materialId | imageUrl | locationId }`
   * (BgImageConfig): a media-library image, an image URL or a video source's position. `id` names
   * it in `layerOrder`. Required with `layoutType: studio`.
   * @default none. Modified in place.
   */
  background?: pulumi.Input<{ id?: pulumi.Input<string>; materialId?: pulumi.Input<string>; imageUrl?: pulumi.Input<string>; locationId?: pulumi.Input<string> }>;
  /**
   * The presenters keyed out of their screen and placed on the set (ScreenInputConfigList): each `{
   * channelId (RV01–RV12), color (green, blue, auto, complex), positionX, positionY (0–1, from the
   * top left), heightNormalized (0–1), index?, portraitType? (0 half body, 1 full body),
   * onlyAudio?, id? }`. Required with `layoutType: studio`.
   * @default none. Modified in place.
   */
  chromaKeyInputs?: pulumi.Input<pulumi.Input<{ id?: pulumi.Input<string>; index?: pulumi.Input<number>; channelId: pulumi.Input<string>; color: pulumi.Input<"green" | "blue" | "auto" | "complex">; positionX: pulumi.Input<number>; positionY: pulumi.Input<number>; heightNormalized: pulumi.Input<number>; portraitType?: pulumi.Input<0 | 1>; onlyAudio?: pulumi.Input<boolean> }>[]>;
  /**
   * Videos and images placed on the set (MediaInputConfigList): each `{ channelId |
   * imageMaterialId, position [x, y] (0–1), widthNormalized, heightNormalized (0–1), anchor?
   * (default topLeft), fillMode? (none, fit; default none), index?, id? }`. Only with `layoutType:
   * studio`.
   * @default none. Modified in place.
   */
  mediaInputs?: pulumi.Input<pulumi.Input<{ id?: pulumi.Input<string>; index?: pulumi.Input<number>; channelId?: pulumi.Input<string>; imageMaterialId?: pulumi.Input<string>; position: pulumi.Input<[number, number]>; anchor?: pulumi.Input<"topLeft" | "topCenter" | "topRight" | "leftCenter" | "center" | "rightCenter" | "bottomLeft" | "bottomCenter" | "bottomRight">; widthNormalized: pulumi.Input<number>; heightNormalized: pulumi.Input<number>; fillMode?: pulumi.Input<"none" | "fit"> }>[]>;
  /**
   * How the background and the media inputs stack, the first lowest (LayerOrderConfigList): each `{
   * type: background | media, id }`, naming the `id` of the background or of a media input.
   * Presenters are not in it (the API keys them on top). Only with `layoutType: studio`.
   * @default the API's order. Modified in place.
   */
  layerOrder?: pulumi.Input<pulumi.Input<{ type: pulumi.Input<"background" | "media">; id: pulumi.Input<string> }>[]>;
  /**
   * Adopt an existing studio layout of the same studio instead of making one:
   * `<casterId>:<layoutId>` (from DescribeStudioLayouts). Its `layoutType` must be the declared
   * one; its name and settings are compared with these, and ModifyStudioLayout is sent only when
   * they differ, so a layout that already matches is taken over with no call that changes anything.
   * Pulumi's own `import` option cannot serve a dynamic provider (the engine reads imported
   * resources without their provider code), so this takes its place.
   * @default none: a new studio layout is added (refused when the studio has a layout of the same
   * name). Not compared: it matters only when the studio layout is made.
   */
  importId?: pulumi.Input<string>;
  /**
   * How this object is reached, when not with the stack's settings: `profile` (a profile of
   * `~/.aliyun/config.json` or of the credentials file, `ALIBABA_CLOUD_CREDENTIALS_FILE` or
   * `~/.alibabacloud/credentials`), `assumeRole` (`{ roleArn, sessionName?, externalId?,
   * sessionExpiration? }`, assumed with the profile's or the environment's credentials), `region`,
   * `endpoint` (the Live API's URL) and `stsEndpoint` (the STS host for `assumeRole`). Names where
   * credentials are, never holds them: a key, secret or token here is refused, because inputs are
   * stored in the state.
   * @default the stack's settings: `alicloud:region`, `alicloud-caster:endpoint` and the
   * credentials of the environment. Modified in place (the object is not moved: the preview and the
   * update check that it is found through the new connection, and fail if not).
   */
  connection?: pulumi.Input<{ profile?: pulumi.Input<string>; region?: pulumi.Input<string>; endpoint?: pulumi.Input<string>; assumeRole?: pulumi.Input<{ roleArn: pulumi.Input<string>; sessionName?: pulumi.Input<string>; externalId?: pulumi.Input<string>; sessionExpiration?: pulumi.Input<number> }>; stsEndpoint?: pulumi.Input<string> }>;
}

/**
 * The outputs of a {@link Caster}: the API's IDs and what it reports, and each input as the
 * provider stored it.
 */
export interface CasterOutputs {
  /**
   * The studio's ID (CasterId), e.g. `LIVEPRODUCER_POST-cn-0pp1czt1234`.
   */
  readonly casterId: pulumi.Output<string>;
  /**
   * The API's Status: 0 idle, 1 streaming.
   */
  readonly status: pulumi.Output<number>;
  /**
   * The preview (PVW) scene's ID, once the studio has been started.
   */
  readonly pvwSceneId: pulumi.Output<string | undefined>;
  /**
   * The program (PGM) scene's ID, once the studio has been started.
   */
  readonly pgmSceneId: pulumi.Output<string | undefined>;
  /**
   * The program output's stream URL while the studio runs (a secret: it is signed).
   */
  readonly pgmStreamUrl: pulumi.Output<string | undefined>;
  /**
   * The studio's name in the console.
   */
  readonly casterName: pulumi.Output<string | undefined>;
  /**
   * 1 a general studio; 6 a carousel (playlist) studio, which plays episode groups and takes no
   * video sources; 3 a lightweight carousel studio (China site), the only one with a playlist
   * (CasterPlaylist): it needs casterTemplate `lp_noTranscode`, programEffect 1 and channel mode
   * off; 4 a virtual studio (China site), the only one with studio layouts (CasterStudioLayout).
   */
  readonly normType: pulumi.Output<1 | 3 | 4 | 6>;
  /**
   * The output's resolution: `lp_ld`, `lp_sd`, `lp_hd`, `lp_ud` (low, standard, high, ultra
   * definition), with `_v` for portrait; `lp_noTranscode` (no transcoding) for a lightweight
   * carousel studio (normType 3), and only for it. Sent at creation and as the transcoding template
   * of the configuration.
   */
  readonly casterTemplate: pulumi.Output<"lp_ld" | "lp_sd" | "lp_hd" | "lp_ud" | "lp_ld_v" | "lp_sd_v" | "lp_hd_v" | "lp_ud_v" | "lp_noTranscode">;
  /**
   * How the studio is billed: `PostPaid` (pay as you go), the only one CreateCaster takes.
   */
  readonly chargeType: pulumi.Output<"PostPaid" | undefined>;
  /**
   * The resource group the studio belongs to. A change moves the studio to the new group in place
   * (UpdateCasterResourceGroup): the same studio, with its sources, layouts, scenes and episodes.
   * The account needs permission on both groups.
   */
  readonly resourceGroupId: pulumi.Output<string | undefined>;
  /**
   * The studio's tags, `{ key: value }` (CreateCaster's Tag.N.Key / Tag.N.Value), keys and values
   * up to 128 characters.
   */
  readonly tags: pulumi.Output<Record<string, string> | undefined>;
  /**
   * The streaming domain the studio outputs on. StartCaster needs one, and a new studio has none:
   * `running: true` needs it, except on an adopted studio (importId) that already has one. Changing
   * it needs the studio stopped.
   */
  readonly domainName: pulumi.Output<string | undefined>;
  /**
   * The http(s) URL that receives the studio's events. A signed URL is stored as a secret.
   */
  readonly callbackUrl: pulumi.Output<string | undefined>;
  /**
   * An rtmp:// address the program output is relayed to. A signed URL is stored as a secret.
   */
  readonly sideOutputUrl: pulumi.Output<string | undefined>;
  /**
   * Up to 20 rtmp:// addresses the output is relayed to (SideOutputUrlList). A list with a signed
   * URL is stored as a secret.
   */
  readonly sideOutputUrls: pulumi.Output<string[] | undefined>;
  /**
   * How long the output is held back, in seconds, 0 to 300 (Delay). 0 is no delay.
   */
  readonly delaySeconds: pulumi.Output<number | undefined>;
  /**
   * The live transcoding templates the output is also served in: `lsd`, `lld`, `lud`, `lhd`,
   * `daobo-lsd`, `daobo-lld`, `daobo-lud`, `daobo-lhd`.
   */
  readonly liveTemplates: pulumi.Output<("lsd" | "lld" | "lud" | "lhd" | "daobo-lsd" | "daobo-lld" | "daobo-lud" | "daobo-lhd")[] | undefined>;
  /**
   * Recording of the output to OSS: `{ ossEndpoint, ossBucket, formats: [{ format: m3u8|flv|mp4,
   * ossObjectPrefix?, sliceOssObjectPrefix?, cycleDurationSeconds? }] }`; m3u8 needs
   * `sliceOssObjectPrefix`.
   */
  readonly recording: pulumi.Output<{ ossEndpoint: string; ossBucket: string; formats: ({ format: "m3u8" | "flv" | "mp4"; ossObjectPrefix?: string; sliceOssObjectPrefix?: string; cycleDurationSeconds?: number })[] } | undefined>;
  /**
   * A live stream the studio can switch to in an emergency (UrgentLiveStreamUrl). A signed URL is
   * stored as a secret.
   */
  readonly standbyLiveStreamUrl: pulumi.Output<string | undefined>;
  /**
   * A media-library file the studio can switch to in an emergency (UrgentMaterialId).
   */
  readonly standbyMaterialId: pulumi.Output<string | undefined>;
  /**
   * An image the studio can switch to in an emergency (UrgentImageUrl). A signed URL is stored as a
   * secret.
   */
  readonly standbyImageUrl: pulumi.Output<string | undefined>;
  /**
   * A media-library image the studio can switch to in an emergency (UrgentImageId).
   */
  readonly standbyImageId: pulumi.Output<string | undefined>;
  /**
   * How many seconds the program's input may break off before the studio switches to standby by
   * itself (AutoSwitchUrgentConfig's eofThres).
   */
  readonly standbySwitchAfterSeconds: pulumi.Output<number | undefined>;
  /**
   * Whether the studio switches to its standby source by itself when the program's input breaks off
   * (AutoSwitchUrgentOn).
   */
  readonly autoSwitchToStandby: pulumi.Output<boolean | undefined>;
  /**
   * Groups of sources kept in sync (SyncGroupsConfig): `{ mode: 0 (streamer: the sources follow
   * `hostResourceId`) or 1 (conference), resourceIds: [...] }`, with the sources' `resourceId`
   * outputs.
   */
  readonly syncGroups: pulumi.Output<({ mode: 0 | 1; hostResourceId?: string; resourceIds: string[] })[] | undefined>;
  /**
   * The name of the studio's program (its schedule).
   */
  readonly programName: pulumi.Output<string | undefined>;
  /**
   * 1 puts the studio's program (its schedule of episodes) in effect; 0 holds it.
   */
  readonly programEffect: pulumi.Output<0 | 1 | undefined>;
  /**
   * Channel mode (ChannelEnable). One-way: once on, the API cannot turn it off; turning it on needs
   * the studio stopped and discards its layouts.
   */
  readonly channelMode: pulumi.Output<boolean | undefined>;
  /**
   * Whether the studio is started (StartCaster) or stopped (StopCaster). A started studio has its
   * PVW and PGM scenes and is billed as running.
   */
  readonly running: pulumi.Output<boolean | undefined>;
  /**
   * Allows a change that needs the studio stopped (turning channel mode on, changing the domain, or
   * a change that replaces it) while it is on air: the studio is stopped, changed, and started
   * again (one replaced is stopped and deleted). Without it the preview refuses such a change and
   * the studio stays on air. It does not guard deleting the studio (`pulumi destroy`, or the studio
   * taken out of the program), which stops it if it is on air, then deletes it: guard a production
   * studio with Pulumi's `protect: true` on it and on everything in it (a Studio passes its own to
   * all it declares).
   */
  readonly allowStopOnAir: pulumi.Output<boolean | undefined>;
  /**
   * The ClientToken of CreateCaster, printable ASCII, at most 64 characters: a retry, a lost reply
   * or a killed `pulumi up` never makes a second studio.
   */
  readonly clientToken: pulumi.Output<string | undefined>;
  /**
   * Adopt an existing studio instead of making one: `<casterId>` (from DescribeCasters, or the
   * console). What only a new studio could change (`normType`, `chargeType`, and `tags` when
   * declared) must already be as declared; a declared `resourceGroupId` it is not in moves it there
   * (UpdateCasterResourceGroup); its configuration is compared with what SetCasterConfig would
   * send, and its run state with `running`: SetCasterConfig, StartCaster or StopCaster is sent only
   * for what differs, so a studio that already matches is taken over with no call that changes
   * anything. Pulumi's own `import` option cannot serve a dynamic provider (the engine reads
   * imported resources without their provider code), so this takes its place.
   */
  readonly importId: pulumi.Output<string | undefined>;
  /**
   * How this object is reached, when not with the stack's settings: `profile` (a profile of
   * `~/.aliyun/config.json` or of the credentials file, `ALIBABA_CLOUD_CREDENTIALS_FILE` or
   * `~/.alibabacloud/credentials`), `assumeRole` (`{ roleArn, sessionName?, externalId?,
   * sessionExpiration? }`, assumed with the profile's or the environment's credentials), `region`,
   * `endpoint` (the Live API's URL) and `stsEndpoint` (the STS host for `assumeRole`). Names where
   * credentials are, never holds them: a key, secret or token here is refused, because inputs are
   * stored in the state.
   */
  readonly connection: pulumi.Output<{ profile?: string; region?: string; endpoint?: string; assumeRole?: { roleArn: string; sessionName?: string; externalId?: string; sessionExpiration?: number }; stsEndpoint?: string } | undefined>;
}

/**
 * The outputs of a {@link CasterVideoResource}: the API's IDs and what it reports, and each input
 * as the provider stored it.
 */
export interface CasterVideoResourceOutputs {
  /**
   * The API's ResourceId of the source.
   */
  readonly resourceId: pulumi.Output<string>;
  /**
   * The FLV address the studio serves a live input at, when the API reports one.
   */
  readonly flvUrl: pulumi.Output<string | undefined>;
  /**
   * The production studio's ID, e.g. `LIVEPRODUCER_POST-cn-0pp1czt1234`.
   */
  readonly casterId: pulumi.Output<string>;
  /**
   * The source's display name in the studio, 1 to 128 characters on one line: not only spaces, no
   * control characters (line breaks, tabs, ANSI escapes).
   */
  readonly resourceName: pulumi.Output<string>;
  /**
   * The layout position, `RV01` to `RV99` (always two digits). A position holds one source.
   */
  readonly locationId: pulumi.Output<string>;
  /**
   * A live stream's URL (rtmp, rtmps, http(s) FLV/HLS, artc or srt). A URL that carries a signature
   * (`auth_key`, ...) or a password (`rtmp://user:password@host/...`) is stored as a secret.
   */
  readonly liveStreamUrl: pulumi.Output<string | undefined>;
  /**
   * A media-library asset's ID, for a file from the media library.
   */
  readonly materialId: pulumi.Output<string | undefined>;
  /**
   * The http(s) URL of an MP4, FLV or TS file that is not in the media library. A signed URL, or
   * one with a password, is stored as a secret.
   */
  readonly vodUrl: pulumi.Output<string | undefined>;
  /**
   * An image asset's ID, for an image source.
   */
  readonly imageId: pulumi.Output<string | undefined>;
  /**
   * The http(s) URL of a JPG or PNG image (at most 10 MB), for an image source. A signed URL, or
   * one with a password, is stored as a secret.
   */
  readonly imageUrl: pulumi.Output<string | undefined>;
  /**
   * Where playback of a file starts, in milliseconds from the first frame, 0 to 2147483647. Files
   * only.
   */
  readonly beginOffset: pulumi.Output<number | undefined>;
  /**
   * Where playback of a file ends, in milliseconds: positive from the first frame, negative back
   * from the last frame. Files only.
   */
  readonly endOffset: pulumi.Output<number | undefined>;
  /**
   * How often a file plays: 0 once, -1 loops forever, n > 0 repeats n times. Files only.
   */
  readonly repeatNum: pulumi.Output<number | undefined>;
  /**
   * The interval of PTS callbacks, in milliseconds, 0 to 2147483647.
   */
  readonly ptsCallbackInterval: pulumi.Output<number | undefined>;
  /**
   * A fixed delay for caption sync, in milliseconds, 0 to 5000. The API does not report it: what
   * was applied is kept.
   */
  readonly fixedDelayDuration: pulumi.Output<number | undefined>;
  /**
   * Adopt an existing source of the same studio instead of making one: `<casterId>:<resourceId>`
   * (from DescribeCasterVideoResources). It must sit at `locationId`; it is modified to match these
   * inputs only where it differs (ModifyCasterVideoResource), so a source that already matches is
   * taken over with no call that changes anything. Pulumi's own `import` option cannot serve a
   * dynamic provider (the engine reads imported resources without their provider code), so this
   * takes its place.
   */
  readonly importId: pulumi.Output<string | undefined>;
  /**
   * How this object is reached, when not with the stack's settings: `profile` (a profile of
   * `~/.aliyun/config.json` or of the credentials file, `ALIBABA_CLOUD_CREDENTIALS_FILE` or
   * `~/.alibabacloud/credentials`), `assumeRole` (`{ roleArn, sessionName?, externalId?,
   * sessionExpiration? }`, assumed with the profile's or the environment's credentials), `region`,
   * `endpoint` (the Live API's URL) and `stsEndpoint` (the STS host for `assumeRole`). Names where
   * credentials are, never holds them: a key, secret or token here is refused, because inputs are
   * stored in the state.
   */
  readonly connection: pulumi.Output<{ profile?: string; region?: string; endpoint?: string; assumeRole?: { roleArn: string; sessionName?: string; externalId?: string; sessionExpiration?: number }; stsEndpoint?: string } | undefined>;
}

/**
 * The outputs of a {@link CasterLayout}: the API's IDs and what it reports, and each input as the
 * provider stored it.
 */
export interface CasterLayoutOutputs {
  /**
   * The API's LayoutId.
   */
  readonly layoutId: pulumi.Output<string>;
  /**
   * The production studio's ID.
   */
  readonly casterId: pulumi.Output<string>;
  /**
   * The picture, bottom to top: each layer shows the source at `locationId`, at `position` [x, y]
   * (0–1, measured from `anchor`: topLeft (default), topCenter, topRight, leftCenter, center,
   * rightCenter, bottomLeft, bottomCenter, bottomRight), `widthNormalized` / `heightNormalized` of
   * the screen (0–1; 0 or left out keeps the source's size), `fillMode` `fit` to fill that box. The
   * API's BlendList is this list's locations, in this order. In a channel-mode studio (the Caster's
   * `channelMode`) `locationId` names a channel RV01 to RV12 that a CasterChannel sets
   * (SetCasterConfig's ChannelEnable: "new layouts directly reference the Channel").
   */
  readonly videoLayers: pulumi.Output<({ locationId: string; widthNormalized?: number; heightNormalized?: number; position?: [number, number]; anchor?: "topLeft" | "topCenter" | "topRight" | "leftCenter" | "center" | "rightCenter" | "bottomLeft" | "bottomCenter" | "bottomRight"; fillMode?: "none" | "fit"; fixedDelayDuration?: number })[]>;
  /**
   * What is heard: each layer mixes the source at `locationId` in, at `volumeRate` (0–10, default
   * 1) on `validChannel` (default `all`). The API's MixList is this list's locations, in this
   * order.
   */
  readonly audioLayers: pulumi.Output<({ locationId: string; volumeRate?: number; validChannel?: "leftChannel" | "rightChannel" | "all"; fixedDelayDuration?: number })[] | undefined>;
  /**
   * Adopt an existing layout of the same studio instead of making one: `<casterId>:<layoutId>`
   * (from DescribeCasterLayouts). Its layers are compared with these, every default written out,
   * and ModifyCasterLayout is sent only when they differ, so a layout that already matches is taken
   * over with no call that changes anything. Pulumi's own `import` option cannot serve a dynamic
   * provider (the engine reads imported resources without their provider code), so this takes its
   * place.
   */
  readonly importId: pulumi.Output<string | undefined>;
  /**
   * How this object is reached, when not with the stack's settings: `profile` (a profile of
   * `~/.aliyun/config.json` or of the credentials file, `ALIBABA_CLOUD_CREDENTIALS_FILE` or
   * `~/.alibabacloud/credentials`), `assumeRole` (`{ roleArn, sessionName?, externalId?,
   * sessionExpiration? }`, assumed with the profile's or the environment's credentials), `region`,
   * `endpoint` (the Live API's URL) and `stsEndpoint` (the STS host for `assumeRole`). Names where
   * credentials are, never holds them: a key, secret or token here is refused, because inputs are
   * stored in the state.
   */
  readonly connection: pulumi.Output<{ profile?: string; region?: string; endpoint?: string; assumeRole?: { roleArn: string; sessionName?: string; externalId?: string; sessionExpiration?: number }; stsEndpoint?: string } | undefined>;
}

/**
 * The outputs of a {@link CasterComponent}: the API's IDs and what it reports, and each input as
 * the provider stored it.
 */
export interface CasterComponentOutputs {
  /**
   * The API's ComponentId.
   */
  readonly componentId: pulumi.Output<string>;
  /**
   * The production studio's ID.
   */
  readonly casterId: pulumi.Output<string>;
  /**
   * The component position, `RC01` to `RC99`. A position holds one component.
   */
  readonly locationId: pulumi.Output<string>;
  /**
   * The component's name in the console.
   */
  readonly componentName: pulumi.Output<string | undefined>;
  /**
   * What the component shows: `text`, `image` or `caption`; set the property of the same name.
   */
  readonly componentType: pulumi.Output<"text" | "image" | "caption">;
  /**
   * Where it is: `position` [x, y] (0–1) from `anchor` (default topLeft), `widthNormalized` /
   * `heightNormalized` (0–1), `transparency` 0–255 (default 255, opaque). The API's ComponentLayer.
   */
  readonly geometry: pulumi.Output<{ position: [number, number]; anchor?: "topLeft" | "topCenter" | "topRight" | "leftCenter" | "center" | "rightCenter" | "bottomLeft" | "bottomCenter" | "bottomRight"; widthNormalized?: number; heightNormalized?: number; transparency?: number }>;
  /**
   * How it moves: `none`, `animateH` (scrolls across), `animateV` (scrolls up).
   */
  readonly effect: pulumi.Output<"none" | "animateH" | "animateV" | undefined>;
  /**
   * Over the picture (`cover`) or under it (`background`). Set only when the component is added:
   * the API does not report it.
   */
  readonly layerOrder: pulumi.Output<"cover" | "background" | undefined>;
  /**
   * A text component's text and style: `{ text, fontName?, sizeNormalized?, color? (0xRRGGBB),
   * borderColor?, borderWidthNormalized? }`; left out, the style is the API's: KaiTi, 0xff0000,
   * size 0, no border.
   */
  readonly text: pulumi.Output<{ text: string; fontName?: string; sizeNormalized?: number; color?: string; borderColor?: string; borderWidthNormalized?: number } | undefined>;
  /**
   * An image component's media-library image: `{ materialId }`.
   */
  readonly image: pulumi.Output<{ materialId: string } | undefined>;
  /**
   * A caption component: which source is captioned (`sourceLocationId`), from and to which language
   * (`cn`, `en`, `es`, `ru`), and its text style.
   */
  readonly caption: pulumi.Output<{ sourceLocationId?: string; sourceLanguage?: "cn" | "en" | "es" | "ru"; targetLanguage?: "cn" | "en" | "es" | "ru"; showSourceLanguage?: boolean; fontName?: string; sizeNormalized?: number; color?: string; borderColor?: string; borderWidthNormalized?: number } | undefined>;
  /**
   * Adopt an existing component of the same studio instead of making one:
   * `<casterId>:<componentId>` (from DescribeCasterComponents). It must sit at `locationId`; its
   * settings are compared with these, defaults written out, and ModifyCasterComponent is sent only
   * when they differ, so a component that already matches is taken over with no call that changes
   * anything. `layerOrder`, which the API does not report, is taken as declared. Pulumi's own
   * `import` option cannot serve a dynamic provider (the engine reads imported resources without
   * their provider code), so this takes its place.
   */
  readonly importId: pulumi.Output<string | undefined>;
  /**
   * How this object is reached, when not with the stack's settings: `profile` (a profile of
   * `~/.aliyun/config.json` or of the credentials file, `ALIBABA_CLOUD_CREDENTIALS_FILE` or
   * `~/.alibabacloud/credentials`), `assumeRole` (`{ roleArn, sessionName?, externalId?,
   * sessionExpiration? }`, assumed with the profile's or the environment's credentials), `region`,
   * `endpoint` (the Live API's URL) and `stsEndpoint` (the STS host for `assumeRole`). Names where
   * credentials are, never holds them: a key, secret or token here is refused, because inputs are
   * stored in the state.
   */
  readonly connection: pulumi.Output<{ profile?: string; region?: string; endpoint?: string; assumeRole?: { roleArn: string; sessionName?: string; externalId?: string; sessionExpiration?: number }; stsEndpoint?: string } | undefined>;
}

/**
 * The outputs of a {@link CasterSceneBinding}: the API's IDs and what it reports, and each input as
 * the provider stored it.
 */
export interface CasterSceneBindingOutputs {
  /**
   * The scene's ID (SceneId).
   */
  readonly sceneId: pulumi.Output<string>;
  /**
   * The production studio's ID. The studio must have been started (`running: true`): StartCaster
   * makes its scenes.
   */
  readonly casterId: pulumi.Output<string>;
  /**
   * Which scene: `PGM`, the program output that goes on air, or `PVW`, the preview.
   */
  readonly scene: pulumi.Output<"PGM" | "PVW">;
  /**
   * The layout the scene shows (a CasterLayout's `layoutId`).
   */
  readonly layoutId: pulumi.Output<string>;
  /**
   * The components shown over the layout, bottom to top (CasterComponents' `componentId`s).
   */
  readonly componentIds: pulumi.Output<string[] | undefined>;
  /**
   * How this object is reached, when not with the stack's settings: `profile` (a profile of
   * `~/.aliyun/config.json` or of the credentials file, `ALIBABA_CLOUD_CREDENTIALS_FILE` or
   * `~/.alibabacloud/credentials`), `assumeRole` (`{ roleArn, sessionName?, externalId?,
   * sessionExpiration? }`, assumed with the profile's or the environment's credentials), `region`,
   * `endpoint` (the Live API's URL) and `stsEndpoint` (the STS host for `assumeRole`). Names where
   * credentials are, never holds them: a key, secret or token here is refused, because inputs are
   * stored in the state.
   */
  readonly connection: pulumi.Output<{ profile?: string; region?: string; endpoint?: string; assumeRole?: { roleArn: string; sessionName?: string; externalId?: string; sessionExpiration?: number }; stsEndpoint?: string } | undefined>;
}

/**
 * The outputs of a {@link CasterEpisodeGroup}: the API's IDs and what it reports, and each input as
 * the provider stored it.
 */
export interface CasterEpisodeGroupOutputs {
  /**
   * The API's ProgramId: the group's ID.
   */
  readonly programId: pulumi.Output<string>;
  /**
   * The API's ItemIds, in item order.
   */
  readonly itemIds: pulumi.Output<string[]>;
  /**
   * Whether the studio listed the items after creation; refresh relies on it (see the page of
   * CasterEpisodeGroup, docs/resources/caster-episode-group.md).
   */
  readonly listedInProgram: pulumi.Output<boolean>;
  /**
   * The production studio. When given, `domainName`, `callbackUrl` and `sideOutputUrl` default to
   * its DescribeCasterConfig values (as the API page advises), and refresh can tell whether the
   * group still exists.
   */
  readonly casterId: pulumi.Output<string | undefined>;
  /**
   * The studio's main streaming domain, e.g. `live.example.com`.
   */
  readonly domainName: pulumi.Output<string | undefined>;
  /**
   * The callback URL for playback events. Stored as a secret (the studio's may be signed).
   */
  readonly callbackUrl: pulumi.Output<string | undefined>;
  /**
   * A custom output (relay) URL. Stored as a secret (the studio's may be signed).
   */
  readonly sideOutputUrl: pulumi.Output<string | undefined>;
  /**
   * When the list starts: an ISO 8601 time with its zone (`2026-12-24T20:00:00Z`,
   * `2026-12-25T04:00:00+08:00`) whose date and time exist (no February 30, no 24:00), or a Date.
   * Sent as UTC to the second. A time in the past is allowed (the list starts at once) and gives a
   * warning.
   */
  readonly startTime: pulumi.Output<string>;
  /**
   * 0 plays the list once, -1 loops it.
   */
  readonly repeatNum: pulumi.Output<0 | -1 | undefined>;
  /**
   * The episodes in playing order, 1 to 100 `{ itemName, vodUrl }` (item names follow a source
   * name's rules; MP4, FLV or TS files). The API documents no limit; 100 is this package's: for a
   * longer schedule, add groups that start when the previous one ends. A signed URL, or one with a
   * password, makes the list a secret.
   */
  readonly items: pulumi.Output<{ itemName: string; vodUrl: string }[]>;
  /**
   * The region of the API calls.
   */
  readonly regionId: pulumi.Output<string | undefined>;
  /**
   * The ClientToken that makes the creation idempotent, printable ASCII, at most 64 characters.
   * Used only when the group is created.
   */
  readonly clientToken: pulumi.Output<string | undefined>;
  /**
   * Adopt an existing episode group instead of making one: `<programId>` (from
   * AddCasterEpisodeGroup's reply, or the console). The API has no call that describes a group by
   * its ProgramId, nor one that modifies it: the group is taken over as declared, and nothing is
   * compared or sent (declare its start, repeat and items as they are: a later change replaces it).
   * When `casterId` is given and the studio's program lists the declared items at the declared
   * start, their ItemIds are recorded, so that refresh can later tell that it is gone; otherwise
   * refresh keeps it. Pulumi's own `import` option cannot serve a dynamic provider (the engine
   * reads imported resources without their provider code), so this takes its place.
   */
  readonly importId: pulumi.Output<string | undefined>;
  /**
   * How this object is reached, when not with the stack's settings: `profile` (a profile of
   * `~/.aliyun/config.json` or of the credentials file, `ALIBABA_CLOUD_CREDENTIALS_FILE` or
   * `~/.alibabacloud/credentials`), `assumeRole` (`{ roleArn, sessionName?, externalId?,
   * sessionExpiration? }`, assumed with the profile's or the environment's credentials), `region`,
   * `endpoint` (the Live API's URL) and `stsEndpoint` (the STS host for `assumeRole`). Names where
   * credentials are, never holds them: a key, secret or token here is refused, because inputs are
   * stored in the state.
   */
  readonly connection: pulumi.Output<{ profile?: string; region?: string; endpoint?: string; assumeRole?: { roleArn: string; sessionName?: string; externalId?: string; sessionExpiration?: number }; stsEndpoint?: string } | undefined>;
}

/**
 * The outputs of a {@link CasterEpisode}: the API's IDs and what it reports, and each input as the
 * provider stored it.
 */
export interface CasterEpisodeOutputs {
  /**
   * The API's EpisodeId.
   */
  readonly episodeId: pulumi.Output<string>;
  /**
   * The production studio's ID.
   */
  readonly casterId: pulumi.Output<string>;
  /**
   * The episode's name, as the schedule shows it (one line, at most 128 characters).
   */
  readonly episodeName: pulumi.Output<string>;
  /**
   * `Resource` switches the studio to a video source (`resourceId` or `locationId`), with
   * `componentIds` over it if given; `Component` shows `componentIds` only.
   */
  readonly episodeType: pulumi.Output<"Resource" | "Component" | undefined>;
  /**
   * The video source the episode switches to, by its ID (a CasterVideoResource's `resourceId`).
   * Give this or `locationId` for a Resource episode.
   */
  readonly resourceId: pulumi.Output<string | undefined>;
  /**
   * The video source the episode switches to, by its position (RV01–RV99); the provider looks up
   * its ID. Give this or `resourceId` for a Resource episode.
   */
  readonly locationId: pulumi.Output<string | undefined>;
  /**
   * The components shown, bottom to top (CasterComponents' `componentId`s): over the source for a
   * Resource episode (they switch with it), alone for a Component episode (at least one).
   */
  readonly componentIds: pulumi.Output<string[] | undefined>;
  /**
   * When the episode starts: an ISO 8601 time with its zone (`2026-12-24T20:00:00Z`,
   * `2026-12-25T04:00:00+08:00`) whose date and time exist, or a Date; sent as UTC to the second.
   * The API refuses a start that has passed.
   */
  readonly startTime: pulumi.Output<string>;
  /**
   * When the episode ends: an ISO 8601 time with its zone (`2026-12-24T20:00:00Z`,
   * `2026-12-25T04:00:00+08:00`) whose date and time exist, or a Date; sent as UTC to the second;
   * after `startTime`.
   */
  readonly endTime: pulumi.Output<string>;
  /**
   * How the episode ends: `TimeFirst` switches at `endTime`; `ContentFirst` lets a file finish
   * first. A Resource episode's only (the API ignores it for Component), and a live stream takes
   * TimeFirst only.
   */
  readonly switchType: pulumi.Output<"TimeFirst" | "ContentFirst" | undefined>;
  /**
   * Adopt an existing episode of the same studio instead of making one: `<casterId>:<episodeId>`
   * (from DescribeCasterProgram). Its name, type, source, components, times and switch type are
   * compared with these, and ModifyCasterEpisode is sent only when they differ, so an episode that
   * already matches is taken over with no call that changes anything. Its type cannot be modified:
   * an episode of another type is refused. Pulumi's own `import` option cannot serve a dynamic
   * provider (the engine reads imported resources without their provider code), so this takes its
   * place.
   */
  readonly importId: pulumi.Output<string | undefined>;
  /**
   * How this object is reached, when not with the stack's settings: `profile` (a profile of
   * `~/.aliyun/config.json` or of the credentials file, `ALIBABA_CLOUD_CREDENTIALS_FILE` or
   * `~/.alibabacloud/credentials`), `assumeRole` (`{ roleArn, sessionName?, externalId?,
   * sessionExpiration? }`, assumed with the profile's or the environment's credentials), `region`,
   * `endpoint` (the Live API's URL) and `stsEndpoint` (the STS host for `assumeRole`). Names where
   * credentials are, never holds them: a key, secret or token here is refused, because inputs are
   * stored in the state.
   */
  readonly connection: pulumi.Output<{ profile?: string; region?: string; endpoint?: string; assumeRole?: { roleArn: string; sessionName?: string; externalId?: string; sessionExpiration?: number }; stsEndpoint?: string } | undefined>;
}

/**
 * The outputs of a {@link CasterShowList}: the API's IDs and what it reports, and each input as the
 * provider stored it.
 */
export interface CasterShowListOutputs {
  /**
   * The API's ShowIds, in show order.
   */
  readonly showIds: pulumi.Output<string[]>;
  /**
   * The production studio's ID (a playlist studio, NormType 6, as the API pages ask).
   */
  readonly casterId: pulumi.Output<string>;
  /**
   * The shows in playing order, 1 to 1000: `{ showName, resourceType, resourceUrl | resourceId,
   * liveInputType?, duration | repeatTimes }`. `resourceType` is `live`, `vod` or `pic`; a show
   * plays for `duration` seconds or `repeatTimes` + 1 times (-1 forever; neither: once). Names
   * differ from show to show: a show is known by its name. A show's content cannot be modified: a
   * changed show is removed and added again; a move is one ModifyShowList. A signed URL, or one
   * with a password, makes the list a secret.
   */
  readonly shows: pulumi.Output<({ showName: string; resourceType: "live" | "vod" | "pic"; resourceUrl?: string; resourceId?: string; liveInputType?: number; duration?: number; repeatTimes?: number })[]>;
  /**
   * How often the whole list plays: 0 once, N for N + 1 times, -1 forever.
   */
  readonly repeatTimes: pulumi.Output<number | undefined>;
  /**
   * The show (by its `showName`) that interrupts whatever plays at `highPriorityShowStartTime`.
   * Settable only before the list starts playing. The API cannot unset it: left out, the list keeps
   * what it has.
   */
  readonly highPriorityShow: pulumi.Output<string | undefined>;
  /**
   * When the high-priority show starts: `yyyy-MM-ddTHH:mm:ss`, as ModifyShowList takes it (the page
   * gives no zone).
   */
  readonly highPriorityShowStartTime: pulumi.Output<string | undefined>;
  /**
   * What the list shows behind its shows: `{ resourceType? (live, vod, pic), resourceUrl |
   * materialId }` (SetShowListBackground). Left out, the list has none.
   */
  readonly background: pulumi.Output<{ resourceType?: "live" | "vod" | "pic"; resourceUrl?: string; materialId?: string } | undefined>;
  /**
   * Adopt an existing show list instead of making one: `<casterId>` (from the studio's ID: a studio
   * has one show list). Every show the list has is taken over, with the list's settings: shows the
   * program does not declare are removed, missing ones added and the rest moved into order, so a
   * list that already matches is taken over with no call that changes anything. Without it, a list
   * that holds shows of other names is refused, so that nobody's shows are removed unasked.
   * Pulumi's own `import` option cannot serve a dynamic provider (the engine reads imported
   * resources without their provider code), so this takes its place.
   */
  readonly importId: pulumi.Output<string | undefined>;
  /**
   * How this object is reached, when not with the stack's settings: `profile` (a profile of
   * `~/.aliyun/config.json` or of the credentials file, `ALIBABA_CLOUD_CREDENTIALS_FILE` or
   * `~/.alibabacloud/credentials`), `assumeRole` (`{ roleArn, sessionName?, externalId?,
   * sessionExpiration? }`, assumed with the profile's or the environment's credentials), `region`,
   * `endpoint` (the Live API's URL) and `stsEndpoint` (the STS host for `assumeRole`). Names where
   * credentials are, never holds them: a key, secret or token here is refused, because inputs are
   * stored in the state.
   */
  readonly connection: pulumi.Output<{ profile?: string; region?: string; endpoint?: string; assumeRole?: { roleArn: string; sessionName?: string; externalId?: string; sessionExpiration?: number }; stsEndpoint?: string } | undefined>;
}

/**
 * The outputs of a {@link CasterChannel}: the API's IDs and what it reports, and each input as the
 * provider stored it.
 */
export interface CasterChannelOutputs {
  /**
   * The channel's own output as RTMP (DescribeCasterChannels' RtmpUrl).
   */
  readonly rtmpUrl: pulumi.Output<string>;
  /**
   * The channel's own output for playback (DescribeCasterChannels' StreamUrl).
   */
  readonly streamUrl: pulumi.Output<string>;
  /**
   * The production studio's ID. The studio must be in channel mode (its Caster's `channelMode:
   * true`): SetCasterChannel refuses a studio without channels.
   */
  readonly casterId: pulumi.Output<string>;
  /**
   * The channel, `RV01` to `RV12` (SetCasterChannel's ChannelId: the studio's channels are fixed
   * when it is created). A channel plays one source; a layout of a channel-mode studio names it
   * where it would name a source's position.
   */
  readonly channelId: pulumi.Output<string>;
  /**
   * The video source the channel plays: a CasterVideoResource's `resourceId` output, so that the
   * engine makes the source first and frees the channel before it deletes the source. A change
   * moves the channel to the other source (one SetCasterChannel).
   */
  readonly resourceId: pulumi.Output<string>;
  /**
   * Face retouching, as SetCasterChannel's FaceBeauty lists it: `"0"` all effects, `"1"` skin
   * smoothing, `"2"` skin whitening, `"3"` dark circle removal, `"4"` nasolabial fold removal. The
   * API has no value for none: left out, the channel keeps what it has.
   */
  readonly faceBeauty: pulumi.Output<"0" | "1" | "2" | "3" | "4" | undefined>;
  /**
   * Whether a video file starts playing (`play`) or paused (`pause`) when it is put on the channel
   * (SetCasterChannel's PlayStatus; video files only, not live streams). An operation of the
   * broadcast, not a setting: DescribeCasterChannels does not report it, so it is sent when the
   * channel is set or moved to another source, and never compared.
   */
  readonly playStatus: pulumi.Output<"play" | "pause" | undefined>;
  /**
   * Where a video file starts when it is put on the channel, in milliseconds from its first frame
   * (SetCasterChannel's SeekOffset, 0 or more; video files only). An operation of the broadcast, as
   * `playStatus` is: sent when the channel is set or moved, never compared.
   */
  readonly seekOffset: pulumi.Output<number | undefined>;
  /**
   * How this object is reached, when not with the stack's settings: `profile` (a profile of
   * `~/.aliyun/config.json` or of the credentials file, `ALIBABA_CLOUD_CREDENTIALS_FILE` or
   * `~/.alibabacloud/credentials`), `assumeRole` (`{ roleArn, sessionName?, externalId?,
   * sessionExpiration? }`, assumed with the profile's or the environment's credentials), `region`,
   * `endpoint` (the Live API's URL) and `stsEndpoint` (the STS host for `assumeRole`). Names where
   * credentials are, never holds them: a key, secret or token here is refused, because inputs are
   * stored in the state.
   */
  readonly connection: pulumi.Output<{ profile?: string; region?: string; endpoint?: string; assumeRole?: { roleArn: string; sessionName?: string; externalId?: string; sessionExpiration?: number }; stsEndpoint?: string } | undefined>;
}

/**
 * The outputs of a {@link CasterPlaylist}: the API's IDs and what it reports, and each input as the
 * provider stored it.
 */
export interface CasterPlaylistOutputs {
  /**
   * The playlist's ID (ProgramId), which StartPlaylist and StopPlaylist take.
   */
  readonly programId: pulumi.Output<string>;
  /**
   * The items' IDs (ProgramItemId), in playing order; StartPlaylist's StartItemId takes one.
   */
  readonly itemIds: pulumi.Output<string[]>;
  /**
   * The production studio's ID: a lightweight carousel studio (normType 3, with casterTemplate
   * lp_noTranscode, programEffect 1 and channel mode off, as AddPlaylistItems demands).
   */
  readonly casterId: pulumi.Output<string>;
  /**
   * The playlist's name (ProgramConfig's ProgramName).
   */
  readonly programName: pulumi.Output<string | undefined>;
  /**
   * How many times the whole list plays again after its first play (ProgramConfig's RepeatNumber):
   * 0 never (it plays once), N times (N + 1 plays), -1 in a loop until stopped.
   */
  readonly repeatNumber: pulumi.Output<number | undefined>;
  /**
   * The items in playing order: `{ itemName, mediaId }`, each a VOD file by its media ID (the only
   * resource a playlist plays: InputProgramItem's ResourceType vod). Names differ from item to
   * item: an item is known by its name. Items removed from the end or the middle are one
   * DeletePlaylistItems, items added at the end one AddPlaylistItems; any other change (a reorder,
   * a changed item, a new name or repeat) is one EditPlaylist, which replaces the items (they get
   * new IDs).
   */
  readonly items: pulumi.Output<{ itemName: string; mediaId: string }[]>;
  /**
   * Adopt an existing playlist instead of making one: `<programId>` (from ListPlaylist, or
   * AddPlaylistItems' reply). The playlist must be the studio's (casterId). Its items and settings
   * are then compared with these inputs, and the one call that makes them so is sent only where
   * they differ, so a playlist that already matches is taken over with no call that changes
   * anything. Without it, a studio whose playlist holds items of other names is refused, so that
   * nobody's items are removed unasked. Pulumi's own `import` option cannot serve a dynamic
   * provider (the engine reads imported resources without their provider code), so this takes its
   * place.
   */
  readonly importId: pulumi.Output<string | undefined>;
  /**
   * How this object is reached, when not with the stack's settings: `profile` (a profile of
   * `~/.aliyun/config.json` or of the credentials file, `ALIBABA_CLOUD_CREDENTIALS_FILE` or
   * `~/.alibabacloud/credentials`), `assumeRole` (`{ roleArn, sessionName?, externalId?,
   * sessionExpiration? }`, assumed with the profile's or the environment's credentials), `region`,
   * `endpoint` (the Live API's URL) and `stsEndpoint` (the STS host for `assumeRole`). Names where
   * credentials are, never holds them: a key, secret or token here is refused, because inputs are
   * stored in the state.
   */
  readonly connection: pulumi.Output<{ profile?: string; region?: string; endpoint?: string; assumeRole?: { roleArn: string; sessionName?: string; externalId?: string; sessionExpiration?: number }; stsEndpoint?: string } | undefined>;
}

/**
 * The outputs of a {@link CasterStudioLayout}: the API's IDs and what it reports, and each input as
 * the provider stored it.
 */
export interface CasterStudioLayoutOutputs {
  /**
   * The API's LayoutId.
   */
  readonly layoutId: pulumi.Output<string>;
  /**
   * The production studio's ID: a virtual studio (NormType 4), as AddStudioLayout asks.
   */
  readonly casterId: pulumi.Output<string>;
  /**
   * The studio layout's name (AddStudioLayout's LayoutName, required). Names differ from layout to
   * layout of a studio: a layout whose reply was lost is found again by its name.
   */
  readonly layoutName: pulumi.Output<string>;
  /**
   * `common`: one channel shown as it is (`commonConfig`); `studio`: chroma-keyed presenters
   * (`chromaKeyInputs`) over a `background`, with optional `mediaInputs` and `layerOrder`.
   */
  readonly layoutType: pulumi.Output<"common" | "studio">;
  /**
   * A common layout's channel: `{ channelId }`, `RV01` to `RV12` (CommonConfig). Required with
   * `layoutType: common`, refused with `studio`.
   */
  readonly commonConfig: pulumi.Output<{ channelId: string } | undefined>;
  /**
   * What the set shows behind the presenters: `{ id?, materialId | imageUrl | locationId }`
   * (BgImageConfig): a media-library image, an image URL or a video source's position. `id` names
   * it in `layerOrder`. Required with `layoutType: studio`.
   */
  readonly background: pulumi.Output<{ id?: string; materialId?: string; imageUrl?: string; locationId?: string } | undefined>;
  /**
   * The presenters keyed out of their screen and placed on the set (ScreenInputConfigList): each `{
   * channelId (RV01–RV12), color (green, blue, auto, complex), positionX, positionY (0–1, from the
   * top left), heightNormalized (0–1), index?, portraitType? (0 half body, 1 full body),
   * onlyAudio?, id? }`. Required with `layoutType: studio`.
   */
  readonly chromaKeyInputs: pulumi.Output<({ id?: string; index?: number; channelId: string; color: "green" | "blue" | "auto" | "complex"; positionX: number; positionY: number; heightNormalized: number; portraitType?: 0 | 1; onlyAudio?: boolean })[] | undefined>;
  /**
   * Videos and images placed on the set (MediaInputConfigList): each `{ channelId |
   * imageMaterialId, position [x, y] (0–1), widthNormalized, heightNormalized (0–1), anchor?
   * (default topLeft), fillMode? (none, fit; default none), index?, id? }`. Only with `layoutType:
   * studio`.
   */
  readonly mediaInputs: pulumi.Output<({ id?: string; index?: number; channelId?: string; imageMaterialId?: string; position: [number, number]; anchor?: "topLeft" | "topCenter" | "topRight" | "leftCenter" | "center" | "rightCenter" | "bottomLeft" | "bottomCenter" | "bottomRight"; widthNormalized: number; heightNormalized: number; fillMode?: "none" | "fit" })[] | undefined>;
  /**
   * How the background and the media inputs stack, the first lowest (LayerOrderConfigList): each `{
   * type: background | media, id }`, naming the `id` of the background or of a media input.
   * Presenters are not in it (the API keys them on top). Only with `layoutType: studio`.
   */
  readonly layerOrder: pulumi.Output<({ type: "background" | "media"; id: string })[] | undefined>;
  /**
   * Adopt an existing studio layout of the same studio instead of making one:
   * `<casterId>:<layoutId>` (from DescribeStudioLayouts). Its `layoutType` must be the declared
   * one; its name and settings are compared with these, and ModifyStudioLayout is sent only when
   * they differ, so a layout that already matches is taken over with no call that changes anything.
   * Pulumi's own `import` option cannot serve a dynamic provider (the engine reads imported
   * resources without their provider code), so this takes its place.
   */
  readonly importId: pulumi.Output<string | undefined>;
  /**
   * How this object is reached, when not with the stack's settings: `profile` (a profile of
   * `~/.aliyun/config.json` or of the credentials file, `ALIBABA_CLOUD_CREDENTIALS_FILE` or
   * `~/.alibabacloud/credentials`), `assumeRole` (`{ roleArn, sessionName?, externalId?,
   * sessionExpiration? }`, assumed with the profile's or the environment's credentials), `region`,
   * `endpoint` (the Live API's URL) and `stsEndpoint` (the STS host for `assumeRole`). Names where
   * credentials are, never holds them: a key, secret or token here is refused, because inputs are
   * stored in the state.
   */
  readonly connection: pulumi.Output<{ profile?: string; region?: string; endpoint?: string; assumeRole?: { roleArn: string; sessionName?: string; externalId?: string; sessionExpiration?: number }; stsEndpoint?: string } | undefined>;
}
