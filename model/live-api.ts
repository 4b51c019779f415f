/**
 * The ApsaraVideo Live API (product `live`, RPC style, version 2016-11-01) as this project uses
 * it, described once, as data. The emulator routes, throttles and checks required parameters
 * from it; the provider's client takes each operation's QPS and idempotency from it; the
 * benchmark its QPS; docs/live-api.md and the emulator's operation table are generated from it.
 *
 * Names and types: the official Go SDK's models (github.com/aliyun/alibaba-cloud-sdk-go v1.63.107,
 * services/live: request structs' `position:"Query" name:"X"` tags, response structs' json tags).
 * Required parameters, QPS and error codes: the public API pages and the SDK docs; each entry says
 * where a fact comes from when the SDK's models do not carry it. A new operation is one entry here
 * (plus its handler in emulator/responses when the emulator serves it).
 *
 * model/official.test.ts holds these names, types, required flags, QPS and reply fields to the newest
 * official metadata and SDK models (model/official/caster-operations.json); the differences kept on
 * purpose, each with its reason, are listed in model/official/deliberate.ts.
 */

export const API_VERSION = "2016-11-01";
export const API_PRODUCT = "live";
export const PUBLIC_ENDPOINT = "https://live.aliyuncs.com";

/** Request types as the SDK declares them; all travel as text. */
export type ParamType = "String" | "Integer" | "Boolean" | "Float";

export interface ParamSpec {
  /** The API's name; repeated forms are written `Item.N.ItemName`, `ComponentId.N`. */
  name: string;
  type: ParamType;
  /**
   * `true`: absent or empty is `Missing{Name}` (a list, `BlendList.N`: no entry is `MissingBlendList`). A required
   * list of objects has an entry of its own beside its fields (`VideoLayer.N` beside `VideoLayer.N.FillMode`), which
   * the operation's handler checks: what answers an empty one differs by operation.
   * `"present"`: must be sent but may be empty (the API then uses its default). Left out: optional.
   */
  required?: true | "present";
}

/** A reply field's type, as the SDK's response struct has it: a primitive, an object, or a list. */
export type ReplyType = "str" | "int" | "float" | "bool" | ReplyObject | [ReplyType];
export interface ReplyObject {
  [field: string]: ReplyType;
}

export interface OperationSpec {
  /**
   * The documented calls per second for one account (a main account and its RAM users together),
   * from the API pages. `qpsAssumed` says why where no page gives one.
   */
  qps: number;
  qpsAssumed?: string;
  /**
   * What a second copy of a call does: `clientToken`, the API returns the first call's result;
   * `safe`, reads, deletes and modifies that end in the same state; `unsafe`, it may create a
   * second thing, so it is never resent after a failure whose outcome is unknown.
   */
  idempotency: "clientToken" | "safe" | "unsafe";
  params: ParamSpec[];
  /** The reply's fields besides RequestId; lists are wrapped `Plural: { Singular: [...] }` as the API sends them. */
  reply: ReplyObject;
  /**
   * Error codes of the operation beyond the gateway's (which every call can get), where its page
   * lists them; empty where no page was read for them.
   */
  errors: string[];
  /**
   * The API takes the operation over HTTPS only: over plain HTTP its gateway answers
   * `InvalidProtocol.NeedSsl`. The client sends it to the endpoint's host over https; the emulator
   * refuses it over http. Left out: either protocol.
   */
  httpsOnly?: true;
}

/**
 * A parameter's spec with its name and requiredness kept as literal types, so that ParamsOf can
 * derive each operation's parameter names and which of them must be sent.
 */
type Param<N extends string, T extends ParamType, R extends ParamSpec["required"]> = R extends true | "present"
  ? { name: N; type: T; required: R }
  : { name: N; type: T };
const param = <N extends string, T extends ParamType, R extends ParamSpec["required"] = undefined>(name: N, type: T, required?: R): Param<N, T, R> =>
  ({ name, type, ...(required ? { required } : {}) }) as Param<N, T, R>;
const s = <N extends string, R extends true | "present" | undefined = undefined>(name: N, required?: R) => param(name, "String", required);
const i = <N extends string, R extends true | undefined = undefined>(name: N, required?: R) => param(name, "Integer", required);
const f = <N extends string>(name: N) => param(name, "Float");

const VIDEO_SOURCE_REPLY = {
  ResourceId: "str", ResourceName: "str", LocationId: "str", LiveStreamUrl: "str", VodUrl: "str", FlvUrl: "str",
  MaterialId: "str", ImageId: "str", ImageUrl: "str", BeginOffset: "int", EndOffset: "int", RepeatNum: "int", PtsCallbackInterval: "int",
} satisfies ReplyObject;

/**
 * A scene's outputs, as StartCaster (its PGM scene), DescribeCasterScenes and DescribeCasterStreamUrl answer them: the
 * newest reply models (model/official) have these three fields, and no RtsUrl beside StreamUrl.
 */
const STREAM_INFOS = {
  StreamInfo: [{ VideoFormat: "str", TranscodeConfig: "str", OutputStreamUrl: "str" }],
} satisfies ReplyObject;

/** What AddPlaylistItems and EditPlaylist answer of each item they were given. */
const PLAYLIST_ITEMS_REPLY = {
  FailedItems: [{ ItemId: "str", ItemName: "str" }],
  SuccessItems: [{ ItemId: "str", ItemName: "str" }],
} satisfies ReplyObject;

/** Every operation the project calls or serves. */
export const OPERATIONS = {
  CreateCaster: {
    qps: 10,
    idempotency: "clientToken",
    params: [
      s("CasterName"), s("CasterTemplate"), s("ChargeType", true), s("ClientToken", true), s("ExpireTime"),
      i("NormType", true), s("PurchaseTime"), s("ResourceGroupId"), s("Tag.N.Key"), s("Tag.N.Value"),
    ],
    reply: { CasterId: "str" },
    errors: [],
  },
  DescribeCasters: {
    qps: 15,
    idempotency: "safe",
    params: [
      s("CasterId"), s("CasterName"), i("ChargeType"), s("EndTime"), s("NormType"), s("OrderByModifyAsc"), i("PageNum"), i("PageSize"),
      s("ResourceGroupId"), s("StartTime"), i("Status"), s("Tag.N.Key"), s("Tag.N.Value"),
    ],
    reply: {
      Total: "int",
      CasterList: {
        Caster: [{
          CasterId: "str", CasterName: "str", CasterTemplate: "str", ChannelEnable: "int", ChargeType: "str", CreateTime: "str",
          Duration: "str", ExpireTime: "str", LastModified: "str", NormType: "int", PurchaseTime: "str", StartTime: "str",
          Status: "int",
          // The Go SDK's struct says int, but a group ID is text (`rg-…`); the tea-based SDKs
          // (alibabacloud-csharp-sdk live-20161101) declare it a string, as the API sends it.
          ResourceGroupId: "str",
          ClientTokenId: "str",
          Tags: { tag: [{ TagKey: "str", TagValue: "str" }] },
        }],
      },
    },
    errors: [],
  },
  DeleteCaster: {
    qps: 10,
    idempotency: "safe",
    params: [s("CasterId", true)],
    reply: { CasterId: "str" },
    errors: ["InvalidCaster.NotFound", "IncorrectCasterStatus.Inuse"],
  },
  DescribeCasterConfig: {
    // "up to 15 times per second per account" (https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-describecasterconfig).
    qps: 15,
    idempotency: "safe",
    params: [s("CasterId", true)],
    reply: {
      AudioMixerMode: "str", AutoSwitchUrgentConfig: "str", AutoSwitchUrgentOn: "str", CallbackUrl: "str", CasterId: "str", CasterName: "str", ChannelEnable: "int",
      Delay: "float", DomainName: "str", ProgramEffect: "int", ProgramName: "str", SideOutputUrl: "str", SideOutputUrlList: "str",
      UrgentImageId: "str", UrgentImageUrl: "str", UrgentLiveStreamUrl: "str", UrgentMaterialId: "str",
      RecordConfig: {
        OnDemand: "int", OssBucket: "str", OssEndpoint: "str",
        RecordFormat: { RecordFormat: [{ CycleDuration: "int", Format: "str", OssObjectPrefix: "str", SliceOssObjectPrefix: "str" }] },
      },
      TranscodeConfig: {
        CasterTemplate: "str", LiveTemplateIds: { LocationId: ["str"] },
        CustomParams: { video: { bitrate: "int", fps: "int", height: "int", width: "int" } },
      },
      SyncGroupsConfig: { SyncGroup: [{ HostResourceId: "str", Mode: "int", ResourceIds: { ResourceId: ["str"] } }] },
    },
    errors: ["InvalidCaster.NotFound"],
  },
  SetCasterConfig: {
    // "10 calls per second" (https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-setcasterconfig).
    qps: 10,
    // It replaces the whole configuration: the same call twice ends in the same configuration.
    idempotency: "safe",
    params: [
      s("AutoSwitchUrgentConfig"), param("AutoSwitchUrgentOn", "Boolean"), s("CallbackUrl"), s("CasterId", true), s("CasterName"),
      i("ChannelEnable"), param("Delay", "Float"), s("DomainName"), i("ProgramEffect"), s("ProgramName"), s("RecordConfig"),
      s("SideOutputUrl"), s("SideOutputUrlList"), s("SyncGroupsConfig"), s("TranscodeConfig"), s("UrgentImageId"), s("UrgentImageUrl"),
      s("UrgentLiveStreamUrl"), s("UrgentMaterialId"),
    ],
    reply: { CasterId: "str" },
    // The page's error table could not be read; this code is named in its ChannelEnable description.
    errors: ["InvalidCaster.ChannelDisableUnsupported"],
  },
  StartCaster: {
    // "10 calls per second per user" (https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-startcaster).
    qps: 10,
    // The scenes are made once; a second start of a running studio is refused and changes nothing.
    idempotency: "safe",
    params: [s("CasterId", true)],
    // The newest reply model gives the PVW scene no StreamInfos.
    reply: {
      PgmSceneInfos: { SceneInfo: [{ SceneId: "str", StreamUrl: "str", StreamInfos: STREAM_INFOS }] },
      PvwSceneInfos: { SceneInfo: [{ SceneId: "str", StreamUrl: "str" }] },
    },
    // The page's error table could not be read.
    errors: [],
  },
  StopCaster: {
    // "10 calls per second per user" (https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-stopcaster).
    qps: 10,
    idempotency: "safe",
    params: [s("CasterId", true)],
    reply: {},
    // The page's error table (less InternalError, which any call can get).
    errors: ["IncorrectSceneStatus", "InvalidCasterId.Malformed", "IllegalOperation", "InvalidCaster.NotFound", "InvalidScene.NotFound"],
  },
  // Actions on a running broadcast: the official TypeScript SDK's models (live-20161101 RestartCasterRequest.ts,
  // StartCasterSceneRequest.ts, StopCasterSceneRequest.ts) and the official extract (QPS 10 each). No page was read for
  // their errors: the emulator answers StopCaster's scene codes and IncorrectCasterStatus for an idle studio (LIMITATIONS).
  RestartCaster: {
    qps: 10,
    // A restart of a running studio ends with it running: the same call twice ends the same.
    idempotency: "safe",
    params: [s("CasterId", true)],
    reply: {},
    errors: ["InvalidCaster.NotFound", "IncorrectCasterStatus"],
  },
  StartCasterScene: {
    qps: 10,
    // A second start of a started scene is refused and changes nothing.
    idempotency: "safe",
    params: [s("CasterId", true), s("SceneId", true)],
    reply: { StreamUrl: "str" },
    errors: ["InvalidCaster.NotFound", "InvalidScene.NotFound", "IncorrectSceneStatus", "IncorrectCasterStatus"],
  },
  StopCasterScene: {
    qps: 10,
    idempotency: "safe",
    params: [s("CasterId", true), s("SceneId", true)],
    reply: {},
    errors: ["InvalidCaster.NotFound", "InvalidScene.NotFound", "IncorrectSceneStatus", "IncorrectCasterStatus"],
  },
  // A channel-mode studio's channels (SetCasterConfig ChannelEnable 1): the official TypeScript SDK's models
  // (live-20161101 SetCasterChannelRequest.ts, DescribeCasterChannelsResponseBody.ts), the official extract (QPS) and
  // https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-setcasterchannel. No error table was
  // read: the codes are the emulator's choice (LIMITATIONS).
  SetCasterChannel: {
    qps: 10,
    // The channel ends as sent, however often the call is repeated.
    idempotency: "safe",
    params: [s("CasterId", true), s("ChannelId", true), s("FaceBeauty"), i("PlayStatus"), s("ResourceId"), i("SeekOffset")],
    reply: {},
    errors: ["InvalidCaster.NotFound", "IllegalOperation", "InvalidParameter.Malformed", "InvalidResource.NotFound"],
  },
  DescribeCasterChannels: {
    qps: 15,
    idempotency: "safe",
    params: [s("CasterId", true)],
    reply: {
      Total: "int",
      Channels: { Channel: [{ ChannelId: "str", FaceBeauty: "str", ResourceId: "str", RtmpUrl: "str", StreamUrl: "str" }] },
    },
    errors: ["InvalidCaster.NotFound"],
  },
  // What a started scene shows during a broadcast: the official TypeScript SDK's models (live-20161101
  // EffectCasterVideoResourceRequest.ts, EffectCasterUrgentRequest.ts) and the official extract (QPS 10 each). No page
  // was read for their errors: SetCasterSceneConfig's scene codes, AddCasterVideoResource's source code, and
  // MissingParameter for a studio without a standby source (LIMITATIONS).
  EffectCasterVideoResource: {
    qps: 10,
    idempotency: "safe",
    params: [s("CasterId", true), s("ResourceId", true), s("SceneId", true)],
    reply: {},
    errors: ["InvalidCaster.NotFound", "InvalidScene.NotFound", "IncorrectSceneStatus", "InvalidResource.NotFound"],
  },
  EffectCasterUrgent: {
    qps: 10,
    idempotency: "safe",
    params: [s("CasterId", true), s("SceneId", true)],
    reply: {},
    errors: ["InvalidCaster.NotFound", "InvalidScene.NotFound", "IncorrectSceneStatus", "MissingParameter"],
  },
  // The PVW scene's configuration to the PGM scene: the official TypeScript SDK's model (live-20161101
  // CopyCasterSceneConfigRequest.ts: the source "must be a PVW scene", the destination "a PGM scene") and the official
  // extract (QPS 10). No page was read for its errors: SetCasterSceneConfig's scene codes (LIMITATIONS).
  CopyCasterSceneConfig: {
    qps: 10,
    idempotency: "safe",
    params: [s("CasterId", true), s("FromSceneId", true), s("ToSceneId", true)],
    reply: {},
    errors: ["InvalidCaster.NotFound", "InvalidScene.NotFound", "IncorrectSceneStatus", "InvalidParameter.Malformed"],
  },
  // A studio copied: the official TypeScript SDK's model (live-20161101 CopyCasterRequest.ts: ClientToken "used to
  // ensure the idempotence of the request") and the official extract (QPS 10). No page was read for its errors.
  CopyCaster: {
    qps: 10,
    idempotency: "clientToken",
    params: [s("CasterName", true), s("ClientToken", true), s("SrcCasterId", true)],
    reply: { CasterId: "str" },
    errors: ["InvalidCaster.NotFound", "IdempotentParameterMismatch"],
  },
  UpdateCasterResourceGroup: {
    // Added to the API in September 2024. Parameters, their types and the reply: the official TypeScript SDK's
    // models (github.com/aliyun/alibabacloud-typescript-sdk, live-20161101/src/models/UpdateCasterResourceGroupRequest.ts
    // and ...ResponseBody.ts); "10 calls per second per user", and "your account must have permissions on both the
    // source and destination resource groups" (https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-updatecasterresourcegroup).
    qps: 10,
    // It sets the studio's group: the same call twice ends with the studio in the same group.
    idempotency: "safe",
    params: [s("CasterId", true), s("NewResourceGroupId", true)],
    reply: {},
    // The page's error table (of Aug 2025) repeats CreateCaster's codes; of them these can concern a move. It names
    // no code for an unknown studio: InvalidCaster.NotFound is the other Caster operations'.
    errors: ["MissingParameter", "InvalidParameter.Malformed", "IncorrectCasterStatus", "PermissionDenied", "InvalidCaster.NotFound"],
    // The only Caster operation that the official metadata (github.com/aliyun/aliyun-openapi-meta,
    // metadatas/live/UpdateCasterResourceGroup.json, April 2026) declares for HTTPS alone.
    httpsOnly: true,
  },
  DescribeCasterScenes: {
    // "15 calls per second" (https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-describecasterscenes).
    qps: 15,
    idempotency: "safe",
    params: [s("CasterId", true), s("SceneId")],
    reply: {
      Total: "int",
      SceneList: {
        Scene: [{
          LayoutId: "str", OutputType: "str", SceneId: "str", SceneName: "str", Status: "int", StreamUrl: "str",
          ComponentIds: { componentId: ["str"] },
          StreamInfos: STREAM_INFOS,
        }],
      },
    },
    // The page's error table could not be read.
    errors: [],
  },
  DescribeCasterStreamUrl: {
    // "The queries per second (QPS) limit for this operation is 5 for each user" (the page of Aug 2025; earlier
    // revisions said 15): https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-describecasterstreamurl.
    qps: 5,
    idempotency: "safe",
    params: [s("CasterId", true)],
    reply: {
      CasterId: "str", Total: "int",
      CasterStreams: {
        CasterStream: [{
          OutputType: "int", RtmpUrl: "str", SceneId: "str", StreamUrl: "str",
          StreamInfos: STREAM_INFOS,
        }],
      },
    },
    // Named in the page's description ("the InvalidScene.NotFound error is returned"); the page's older
    // revision lists IllegalOperation, InvalidCaster.NotFound and InvalidScene.NotFound.
    errors: ["IllegalOperation", "InvalidCaster.NotFound", "InvalidScene.NotFound"],
  },
  AddCasterVideoResource: {
    qps: 10,
    // No ClientToken: a lost reply is reconciled by looking the location up (provider/video-resource).
    idempotency: "unsafe",
    params: [
      i("BeginOffset"), s("CasterId", true), i("EndOffset"), i("FixedDelayDuration"), s("ImageId"), s("ImageUrl"),
      s("LiveStreamUrl"), s("LocationId"), s("MaterialId"), i("PtsCallbackInterval"), i("RepeatNum"), s("ResourceName", true),
      s("VodUrl"),
    ],
    reply: { ResourceId: "str" },
    // The page's error table (https://www.alibabacloud.com/help/en/live/developer-reference/api-addcastervideoresource).
    errors: [
      "InvalidCasterId.Malformed", "InvalidCaster.NotFound", "InvalidLiveStreamUrl.Malformed", "InvalidMaterialId.Malformed",
      "InvalidVodUrl.Malformed", "DuplicateLocationID", "UnexpectedLocationID", "ResourceNumberExceed", "IllegalOperation",
      "InvalidUserId.Malformed", "InvalidParameter.Malformed", "MissingParameter",
    ],
  },
  ModifyCasterVideoResource: {
    qps: 10,
    idempotency: "safe",
    params: [
      i("BeginOffset"), s("CasterId", true), i("EndOffset"), s("ImageId"), s("ImageUrl"), s("LiveStreamUrl"), s("MaterialId"),
      i("PtsCallbackInterval"), i("RepeatNum"), s("ResourceId", true), s("ResourceName"), s("VodUrl"),
    ],
    reply: { CasterId: "str", ResourceId: "str" },
    errors: ["InvalidCaster.NotFound", "InvalidResource.NotFound"],
  },
  DeleteCasterVideoResource: {
    qps: 10,
    idempotency: "safe",
    params: [s("CasterId", true), s("ResourceId", true)],
    reply: {},
    errors: ["InvalidCaster.NotFound", "InvalidResource.NotFound"],
  },
  DescribeCasterVideoResources: {
    qps: 15,
    idempotency: "safe",
    params: [s("CasterId", true)],
    reply: { Total: "int", VideoResources: { VideoResource: [VIDEO_SOURCE_REPLY] } },
    errors: ["InvalidCaster.NotFound"],
  },
  AddCasterEpisodeGroup: {
    qps: 4,
    idempotency: "clientToken",
    // Every parameter is required (API page); SideOutputUrl may be empty for the studio's own output.
    params: [
      s("CallbackUrl", true), s("ClientToken", true), s("DomainName", true), s("Item.N", true), s("Item.N.ItemName"), s("Item.N.VodUrl"), i("RepeatNum", true),
      s("SideOutputUrl", "present"), s("StartTime", true),
    ],
    reply: { ProgramId: "str", ItemIds: { ItemId: ["str"] } },
    errors: [],
  },
  AddCasterEpisodeGroupContent: {
    qps: 4,
    idempotency: "clientToken",
    params: [s("ClientToken", true), s("Content", true)],
    reply: { ProgramId: "str", ItemIds: { ItemId: ["str"] } },
    errors: [],
  },
  DeleteCasterEpisodeGroup: {
    qps: 4,
    idempotency: "safe",
    params: [s("ProgramId", true)],
    reply: {},
    errors: [],
  },
  AddCasterEpisode: {
    // "4 for each account" (https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-addcasterepisode).
    qps: 4,
    // No ClientToken: a second call makes a second episode (found after a lost reply by lookup, provider/episode).
    idempotency: "unsafe",
    // Required on the page: CasterId, EpisodeType, StartTime, EndTime, SwitchType. ComponentId.N lists components
    // bottom to top; ResourceId is the video source an episode of type Resource switches to.
    params: [
      s("CasterId", true), s("ComponentId.N"), s("EndTime", true), s("EpisodeName"), s("EpisodeType", true), s("ResourceId"),
      s("StartTime", true), s("SwitchType", true),
    ],
    reply: { EpisodeId: "str" },
    // The page's error table is not in the stored copy; these are the codes its sibling DeleteCasterEpisode lists
    // (IncorrectStartTime) and the studio/source/component lookups every Caster operation shares.
    errors: ["IncorrectStartTime", "InvalidCaster.NotFound", "InvalidResource.NotFound", "InvalidComponent.NotFound"],
  },
  ModifyCasterEpisode: {
    // "4 calls per second" (https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-modifycasterepisode).
    qps: 4,
    // It sets what it is given: the same call twice ends in the same episode. "The episode type cannot be modified."
    idempotency: "safe",
    params: [
      s("CasterId", true), s("ComponentId.N"), s("EndTime"), s("EpisodeId", true), s("EpisodeName"), s("ResourceId"), s("StartTime"),
      s("SwitchType"),
    ],
    reply: { CasterId: "str", EpisodeId: "str" },
    errors: ["IncorrectStartTime", "InvalidCaster.NotFound", "InvalidEpisode.NotFound", "InvalidResource.NotFound", "InvalidComponent.NotFound"],
  },
  DeleteCasterEpisode: {
    // "The queries per second (QPS) limit for a single user is 4" (https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-deletecasterepisode).
    qps: 4,
    idempotency: "safe",
    params: [s("CasterId", true), s("EpisodeId", true)],
    reply: { CasterId: "str", EpisodeId: "str" },
    // The page's table as far as the stored copy reads (it is cut after "IncorrectEpisod"); the NotFound codes as for the others.
    errors: ["MissingParameter", "InvalidUserId.Malformed", "InvalidCasterId.Malformed", "IncorrectStartTime", "InvalidCaster.NotFound", "InvalidEpisode.NotFound"],
  },
  DescribeCasterProgram: {
    qps: 4,
    idempotency: "safe",
    params: [
      s("CasterId", true), s("EndTime"), s("EpisodeId"), s("EpisodeType"), i("PageNum"), i("PageSize"), s("StartTime"), i("Status"),
    ],
    reply: {
      CasterId: "str", ProgramEffect: "int", ProgramName: "str", Total: "int",
      Episodes: {
        Episode: [{
          EndTime: "str", EpisodeId: "str", EpisodeName: "str", EpisodeType: "str", ResourceId: "str", StartTime: "str", Status: "int",
          SwitchType: "str", ComponentIds: { ComponentId: ["str"] },
        }],
      },
    },
    errors: ["InvalidCaster.NotFound"],
  },
  // A whole programme of episodes in one call: the official TypeScript SDK's models (live-20161101 AddCasterProgramRequest.ts
  // and its neighbours) and the official extract (QPS 10, 4, 4). The emulator shares AddCasterEpisode's episodes and rules.
  AddCasterProgram: {
    qps: 10,
    // No ClientToken: a second call adds the episodes again.
    idempotency: "unsafe",
    params: [
      s("CasterId", true), s("Episode.N", true), s("Episode.N.ComponentId.N"), s("Episode.N.EndTime"), s("Episode.N.EpisodeName"),
      s("Episode.N.EpisodeType"), s("Episode.N.ResourceId"), s("Episode.N.StartTime"), s("Episode.N.SwitchType"),
    ],
    reply: { EpisodeIds: { EpisodeId: [{ EpisodeId: "str" }] } },
    // No page read: AddCasterEpisode's codes, which the same rules answer.
    errors: ["IncorrectStartTime", "InvalidCaster.NotFound", "InvalidResource.NotFound", "InvalidComponent.NotFound"],
  },
  ModifyCasterProgram: {
    qps: 4,
    // It sets what it is given for each episode named: the same call twice ends in the same programme.
    idempotency: "safe",
    params: [
      s("CasterId", true), s("Episode.N", true), s("Episode.N.ComponentId.N"), s("Episode.N.EndTime"), s("Episode.N.EpisodeId"),
      s("Episode.N.EpisodeName"), s("Episode.N.EpisodeType"), s("Episode.N.ResourceId"), s("Episode.N.StartTime"), s("Episode.N.SwitchType"),
    ],
    reply: { CasterId: "str" },
    errors: ["IncorrectStartTime", "InvalidCaster.NotFound", "InvalidEpisode.NotFound", "InvalidResource.NotFound", "InvalidComponent.NotFound"],
  },
  DeleteCasterProgram: {
    qps: 4,
    idempotency: "safe",
    params: [s("CasterId", true)],
    reply: { CasterId: "str" },
    errors: ["InvalidCaster.NotFound"],
  },
  AddCasterLayout: {
    // "10 calls per second per user" (https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-addcasterlayout).
    qps: 10,
    // No ClientToken: a second call makes a second layout.
    idempotency: "unsafe",
    // A required list (`BlendList.N`) needs at least one entry.
    params: [
      s("AudioLayer.N", true), i("AudioLayer.N.FixedDelayDuration"), s("AudioLayer.N.ValidChannel"), f("AudioLayer.N.VolumeRate"), s("BlendList.N", true),
      s("CasterId", true), s("MixList.N", true), s("VideoLayer.N", true), s("VideoLayer.N.FillMode"), i("VideoLayer.N.FixedDelayDuration"),
      f("VideoLayer.N.HeightNormalized"), f("VideoLayer.N.PositionNormalized.N"), s("VideoLayer.N.PositionRefer"),
      f("VideoLayer.N.WidthNormalized"),
    ],
    reply: { LayoutId: "str" },
    // The table of special error codes of the page's Chinese revision (https://help.aliyun.com/document_detail/60249.html),
    // less InternalError; it names InvalidVideoLayersAndBlendListSize.Mismatch for AudioLayers against MixList too.
    errors: ["IllegalOperation", "InvalidVideoLayersAndBlendListSize.Mismatch", "InvalidPositionNormalized.Malformed", "InvalidCaster.NotFound"],
  },
  ModifyCasterLayout: {
    // "10 calls per user" (https://www.alibabacloud.com/help/en/live/developer-reference/api-modifycasterlayout).
    qps: 10,
    // "You only need to pass the parameters that you want to modify" (the page), yet the official metadata requires all
    // four lists; within a layer, a setting left out is kept. The same call twice ends in the same layout.
    idempotency: "safe",
    params: [
      s("AudioLayer.N", true), i("AudioLayer.N.FixedDelayDuration"), s("AudioLayer.N.ValidChannel"), f("AudioLayer.N.VolumeRate"), s("BlendList.N", true),
      s("CasterId", true), s("LayoutId", true), s("MixList.N", true), s("VideoLayer.N", true), s("VideoLayer.N.FillMode"), i("VideoLayer.N.FixedDelayDuration"),
      f("VideoLayer.N.HeightNormalized"), f("VideoLayer.N.PositionNormalized.N"), s("VideoLayer.N.PositionRefer"),
      f("VideoLayer.N.WidthNormalized"),
    ],
    reply: { LayoutId: "str" },
    // The page has no error table.
    errors: [],
  },
  DeleteCasterLayout: {
    // "10 times per second per account" (https://www.alibabacloud.com/help/en/live/developer-reference/api-deletecasterlayout).
    qps: 10,
    idempotency: "safe",
    params: [s("CasterId", true), s("LayoutId", true)],
    reply: { CasterId: "str", LayoutId: "str" },
    // The special error codes of the page's Chinese revision, less InternalError.
    errors: ["IllegalOperation", "InvalidLayout.NotFound"],
  },
  DescribeCasterLayouts: {
    // "单用户 QPS 限制为 15 次/秒" (https://help.aliyun.com/zh/live/developer-reference/api-describecasterlayouts).
    qps: 15,
    idempotency: "safe",
    params: [s("CasterId", true), s("LayoutId")],
    // The SDK's LayoutInDescribeCasterLayouts: sizes, positions and volumes as numbers, not the request's strings.
    reply: {
      Total: "int",
      Layouts: {
        Layout: [{
          LayoutId: "str",
          BlendList: { LocationId: ["str"] },
          MixList: { LocationId: ["str"] },
          AudioLayers: { AudioLayer: [{ ValidChannel: "str", FixedDelayDuration: "int", VolumeRate: "float" }] },
          VideoLayers: {
            VideoLayer: [{
              FillMode: "str", FixedDelayDuration: "int", HeightNormalized: "float", PositionRefer: "str", WidthNormalized: "float",
              PositionNormalizeds: { Position: ["float"] },
            }],
          },
        }],
      },
    },
    errors: [],
  },
  AddCasterComponent: {
    // "The queries per second (QPS) limit for a single user is 10" (https://www.alibabacloud.com/help/en/live/developer-reference/api-addcastercomponent).
    qps: 10,
    // No ClientToken; a second call with the same LocationId is refused (one component per position).
    idempotency: "unsafe",
    params: [
      s("CaptionLayerContent"), s("CasterId", true), s("ComponentLayer", true), s("ComponentName"), s("ComponentType", true), s("Effect"),
      s("HtmlLayerContent"), s("ImageLayerContent"), s("LayerOrder"), s("LocationId", true), s("TextLayerContent"),
    ],
    reply: { ComponentId: "str" },
    // The page has no error table.
    errors: [],
  },
  ModifyCasterComponent: {
    // "10 calls per second" (https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-modifycastercomponent).
    qps: 10,
    idempotency: "safe",
    params: [
      s("CaptionLayerContent"), s("CasterId", true), s("ComponentId", true), s("ComponentLayer"), s("ComponentName"), s("ComponentType"),
      s("Effect"), s("ImageLayerContent"), s("TextLayerContent"),
    ],
    reply: { ComponentId: "str" },
    errors: [],
  },
  DeleteCasterComponent: {
    // "limited to 10 queries per second (QPS) per user" (https://alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-deletecastercomponent).
    qps: 10,
    idempotency: "safe",
    params: [s("CasterId", true), s("ComponentId", true)],
    reply: { CasterId: "str", ComponentId: "str" },
    errors: [],
  },
  DescribeCasterComponents: {
    // "The queries per second (QPS) limit for a single user is 15" (https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-describecastercomponents).
    qps: 15,
    idempotency: "safe",
    params: [s("CasterId", true), s("ComponentId")],
    // The request's JSON strings come back as typed objects; LayerOrder and HtmlLayerContent are not read back.
    reply: {
      Total: "int",
      Components: {
        Component: [{
          ComponentId: "str", ComponentName: "str", ComponentType: "str", Effect: "str", LocationId: "str",
          CaptionLayerContent: {
            BorderColor: "str", BorderWidthNormalized: "float", Color: "str", FontName: "str", LineSpaceNormalized: "float", LocationId: "str",
            PtsOffset: "int", ShowSourceLan: "bool", SizeNormalized: "float", SourceLan: "str", TargetLan: "str", WordCountPerLine: "int",
            WordSpaceNormalized: "float", WordsCount: "int",
          },
          ComponentLayer: {
            HeightNormalized: "float", PositionRefer: "str", Transparency: "int", WidthNormalized: "float",
            PositionNormalizeds: { Position: ["float"] },
          },
          ImageLayerContent: { MaterialId: "str" },
          TextLayerContent: {
            BorderColor: "str", BorderWidthNormalized: "float", Color: "str", FontName: "str", SizeNormalized: "float", Text: "str",
          },
        }],
      },
    },
    errors: [],
  },
  SetCasterSceneConfig: {
    // "10 calls per second per user" (https://alibabacloud.com/help/en/live/developer-reference/api-setcastersceneconfig).
    qps: 10,
    // It replaces the scene's whole configuration: the same call twice ends in the same scene.
    idempotency: "safe",
    params: [s("CasterId", true), s("ComponentId.N"), s("LayoutId"), s("SceneId", true)],
    reply: {},
    // The special error codes of the page's Chinese revision (IncorrectSceneStatus: "Scene is not started."), less InternalError.
    errors: ["IllegalOperation", "InvalidCaster.NotFound", "InvalidScene.NotFound", "IncorrectSceneStatus", "InvalidLayout.NotFound"],
  },
  UpdateCasterSceneConfig: {
    // "10 calls per second per user" (https://alibabacloud.com/help/en/live/developer-reference/api-updatecastersceneconfig).
    qps: 10,
    idempotency: "safe",
    params: [s("CasterId", true), s("ComponentId.N"), s("LayoutId", true), s("SceneId", true)],
    reply: {},
    errors: [],
  },
  DeleteCasterSceneConfig: {
    // "单用户 QPS 限制为 10 次/秒" (https://help.aliyun.com/document_detail/94775.html).
    qps: 10,
    idempotency: "safe",
    // Type: Component (the components), Layout (the layout) or All (both).
    params: [s("CasterId", true), s("SceneId", true), s("Type", true)],
    reply: {},
    // The page's error table as far as it could be read.
    errors: [
      "IncorrectSceneStatus.Inuse", "InvalidCasterId.Malformed", "InvalidSceneId.Malformed", "IncorrectSceneStatus.ConfigError",
      "IncorrectSceneStatus.Idle", "IllegalOperation", "InvalidCaster.NotFound", "InvalidScene.NotFound",
    ],
  },
  DescribeCasterSceneAudio: {
    // "单用户QPS限制为15次/秒" (https://alibabacloud.com/help/zh/live/developer-reference/api-describecastersceneaudio).
    qps: 15,
    idempotency: "safe",
    params: [s("CasterId", true), s("SceneId", true)],
    reply: {
      CasterId: "str", FollowEnable: "int",
      MixList: { LocationId: ["str"] },
      AudioLayers: { AudioLayer: [{ ValidChannel: "str", FixedDelayDuration: "int", VolumeRate: "float" }] },
    },
    errors: [],
  },
  UpdateCasterSceneAudio: {
    // "up to 10 queries per second (QPS) per Alibaba Cloud account" (https://alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-updatecastersceneaudio).
    qps: 10,
    idempotency: "safe",
    params: [
      s("AudioLayer.N.Filter"), i("AudioLayer.N.FixedDelayDuration"), s("AudioLayer.N.ValidChannel"), f("AudioLayer.N.VolumeRate"),
      s("CasterId", true), i("FollowEnable"), s("MixList.N"), s("SceneId", true),
    ],
    reply: {},
    errors: [],
  },
  // Show lists (a studio's playlist of shows): the official TypeScript SDK's models (live-20161101
  // AddShowIntoShowListRequest.ts and its neighbours, August 2026) and the API pages
  // (https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-addshowintoshowlist and
  // its neighbours: QPS 10 each). The pages list no error codes of their own; Long travels as an Integer.
  AddShowIntoShowList: {
    qps: 10,
    // No ClientToken: a second call adds a second show (found after a lost reply by its name, provider/show-list).
    idempotency: "unsafe",
    params: [
      s("CasterId", true), i("Duration"), i("LiveInputType"), i("RepeatTimes"), s("ResourceId"), s("ResourceType"), s("ResourceUrl"),
      s("ShowName"), i("Spot"), param("isBatchMode", "Boolean"), i("showList.N.duration"), i("showList.N.liveInputType"),
      i("showList.N.repeatTimes"), s("showList.N.resourceId"), s("showList.N.resourceType"), s("showList.N.resourceUrl"), s("showList.N.showName"),
    ],
    reply: { ShowId: "str", failedList: "str", successfulShowIds: "str" },
    errors: ["InvalidCaster.NotFound"],
  },
  ModifyShowList: {
    qps: 10,
    // It sets what it is given (a show's position, the list's repeat and priority show): the same call twice ends the same.
    idempotency: "safe",
    params: [s("CasterId", true), s("HighPriorityShowId"), s("HighPriorityShowStartTime"), i("RepeatTimes"), s("ShowId"), i("Spot")],
    reply: {},
    errors: ["InvalidCaster.NotFound"],
  },
  RemoveShowFromShowList: {
    qps: 10,
    idempotency: "safe",
    params: [s("CasterId", true), s("ShowId"), param("isBatchMode", "Boolean"), s("showIdList.N")],
    reply: { ShowId: "str", failedList: "str", successfulShowIds: "str" },
    errors: ["InvalidCaster.NotFound"],
  },
  DescribeShowList: {
    qps: 10,
    idempotency: "safe",
    params: [s("CasterId", true)],
    // ShowList (a string) is the list in the page's older form; ShowListInfo holds it typed.
    reply: {
      ShowList: "str",
      ShowListInfo: {
        Background: "str", CurrentShowId: "str", HighPriorityShowId: "str", HighPriorityShowStartTime: "str",
        ShowListRepeatTimes: "int", TotalShowListRepeatTimes: "int",
        ShowList: {
          Show: [{
            ShowId: "str", ShowName: "str", Duration: "int", RepeatTimes: "int",
            ResourceInfo: { LiveInputType: "int", ResourceId: "str", ResourceType: "str", ResourceUrl: "str" },
          }],
        },
      },
    },
    errors: ["InvalidCaster.NotFound"],
  },
  SetShowListBackground: {
    qps: 10,
    // It replaces the background (none sent clears it): the same call twice ends the same.
    idempotency: "safe",
    params: [s("CasterId", true), s("MaterialId"), s("ResourceType"), s("ResourceUrl")],
    reply: {},
    errors: ["InvalidCaster.NotFound"],
  },
  PlayChoosenShow: {
    qps: 10,
    idempotency: "safe",
    params: [s("CasterId", true), s("ShowId", true)],
    reply: { ShowId: "str" },
    errors: ["InvalidCaster.NotFound"],
  },
  // https://www.alibabacloud.com/help/en/live/developer-reference/api-editshowandreplace (QPS 10).
  EditShowAndReplace: {
    qps: 10,
    // Each call starts another editing job, with another VOD file.
    idempotency: "unsafe",
    params: [s("CasterId", true), f("EndTime"), s("ShowId", true), f("StartTime"), s("StorageInfo"), s("UserData")],
    reply: { JobInfo: "str" },
    errors: ["InvalidCaster.NotFound"],
  },
  // https://www.alibabacloud.com/help/en/live/developer-reference/api-initializeautoshowlisttask (QPS 10): it
  // creates the studio the task plays (its reply's CasterId). StartTime and EndTime are Long milliseconds.
  InitializeAutoShowListTask: {
    qps: 10,
    // No ClientToken: a second call creates a second studio and task.
    idempotency: "unsafe",
    params: [s("CallBackUrl"), s("CasterConfig", true), s("DomainName", true), i("EndTime", true), s("ResourceIds"), i("StartTime", true)],
    reply: { CasterId: "str", StreamList: "str" },
    errors: [],
  },
  // https://www.alibabacloud.com/help/en/live/developer-reference/api-describeautoshowlisttasks (QPS 10).
  DescribeAutoShowListTasks: {
    qps: 10,
    idempotency: "safe",
    params: [s("CasterId")],
    reply: { AutoShowListTasks: "str" },
    errors: ["InvalidUserId.Malformed", "InvalidCaster.NotFound"],
  },
  // Playlists (a lightweight carousel studio's episode lists): the official TypeScript SDK's models (live-20161101
  // AddPlaylistItemsRequest.ts and its neighbours) and the API pages
  // (https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-addplaylistitems and its
  // neighbours: QPS 10 each). The stored pages' error tables could not be read: the codes are the ones the emulator
  // answers (LIMITATIONS).
  AddPlaylistItems: {
    qps: 10,
    // No ClientToken: a second call adds the items again.
    idempotency: "unsafe",
    params: [s("CasterId", true), s("ProgramConfig"), s("ProgramId"), s("ProgramItems", true)],
    reply: { ProgramId: "str", Items: PLAYLIST_ITEMS_REPLY },
    errors: ["InvalidCaster.NotFound", "IllegalOperation", "InvalidProgram.NotFound"],
  },
  EditPlaylist: {
    qps: 10,
    // It replaces the items and the settings: the same call twice ends the same (with new ItemIds).
    idempotency: "safe",
    params: [s("ProgramConfig"), s("ProgramId", true), s("ProgramItems", true)],
    reply: { CasterId: "str", ProgramId: "str", Items: PLAYLIST_ITEMS_REPLY },
    errors: ["InvalidProgram.NotFound"],
  },
  DeletePlaylistItems: {
    qps: 10,
    idempotency: "safe",
    params: [s("ProgramId", true), s("ProgramItemIds", true)],
    reply: { ProgramId: "str" },
    errors: ["InvalidProgram.NotFound", "InvalidProgramItem.NotFound"],
  },
  DeletePlaylist: {
    qps: 10,
    idempotency: "safe",
    params: [s("ProgramId", true)],
    reply: { ProgramId: "str" },
    // The page's error table: an unknown list is PlayListNotFound, a playing list is refused.
    errors: ["PlayListNotFound", "IncorrectPlaylistStatus.Inuse"],
  },
  ListPlaylist: {
    qps: 10,
    idempotency: "safe",
    params: [i("Page"), i("PageSize"), s("ProgramId")],
    reply: {
      Total: "int",
      ProgramList: [{ CasterId: "str", DomainName: "str", ProgramId: "str", ProgramName: "str", RepeatNumber: "int", Status: "int" }],
    },
    errors: [],
  },
  ListPlaylistItems: {
    qps: 10,
    idempotency: "safe",
    params: [s("ProgramId", true), s("ProgramItemIds")],
    reply: {
      Total: "int",
      ProgramItems: [{ Index: "int", ProgramId: "str", ProgramItemId: "str", ProgramItemName: "str", ResourceType: "str", ResourceValue: "str" }],
    },
    errors: ["InvalidProgram.NotFound"],
  },
  StartPlaylist: {
    qps: 10,
    // A running list is started again where it is asked to: the same call twice ends the same.
    idempotency: "safe",
    params: [i("Offset"), s("ProgramId", true), s("ResumeMode"), s("StartItemId")],
    reply: {
      ProgramId: "str",
      StreamInfo: {
        AppName: "str", DomainName: "str", StreamName: "str",
        Streams: { Stream: [{ PullFlvUrl: "str", PullM3U8Url: "str", PullRtmpUrl: "str", Quality: "str" }] },
      },
    },
    errors: ["InvalidProgram.NotFound", "InvalidProgramItem.NotFound"],
  },
  StopPlaylist: {
    qps: 10,
    idempotency: "safe",
    params: [s("ProgramId", true)],
    reply: { ProgramId: "str" },
    // The page's error table: an unknown list is PlayListNotFound.
    errors: ["PlayListNotFound"],
  },
  // A virtual studio's layouts (NormType 4): the official TypeScript SDK's models (live-20161101 AddStudioLayoutRequest.ts,
  // DescribeStudioLayoutsResponseBody.ts and their neighbours) and the API pages
  // (https://www.alibabacloud.com/help/en/live/developer-reference/api-addstudiolayout and its neighbours: QPS 10, Describe 15).
  // The stored pages' error tables could not be read: the codes are the ones the emulator answers (LIMITATIONS).
  AddStudioLayout: {
    qps: 10,
    // No ClientToken: a second call adds a second layout.
    idempotency: "unsafe",
    params: [
      s("BgImageConfig"), s("CasterId", true), s("CommonConfig"), s("LayerOrderConfigList"), s("LayoutName", true), s("LayoutType", true),
      s("MediaInputConfigList"), s("ScreenInputConfigList"),
    ],
    reply: { LayoutId: "str" },
    errors: ["InvalidCaster.NotFound", "IllegalOperation"],
  },
  ModifyStudioLayout: {
    qps: 10,
    idempotency: "safe",
    params: [
      s("BgImageConfig"), s("CasterId", true), s("CommonConfig"), s("LayerOrderConfigList"), s("LayoutId", true), s("LayoutName"),
      s("MediaInputConfigList"), s("ScreenInputConfigList"),
    ],
    reply: {},
    errors: ["InvalidCaster.NotFound", "InvalidLayout.NotFound"],
  },
  DeleteStudioLayout: {
    qps: 10,
    idempotency: "safe",
    params: [s("CasterId", true), s("LayoutId", true)],
    reply: {},
    errors: ["InvalidCaster.NotFound", "InvalidLayout.NotFound"],
  },
  DescribeStudioLayouts: {
    qps: 15,
    idempotency: "safe",
    params: [s("CasterId", true), s("LayoutId")],
    // The request's JSON strings come back as typed objects.
    reply: {
      Total: "int",
      StudioLayouts: [{
        LayoutId: "str", LayoutName: "str", LayoutType: "str",
        BgImageConfig: { Id: "str", ImageUrl: "str", LocationId: "str", MaterialId: "str" },
        CommonConfig: { ChannelId: "str", VideoResourceId: "str" },
        LayerOrderConfigList: [{ Id: "str", Type: "str" }],
        MediaInputConfigList: [{
          ChannelId: "str", FillMode: "str", HeightNormalized: "float", Id: "str", ImageMaterialId: "str", Index: "int",
          PositionNormalized: ["float"], PositionRefer: "str", VideoResourceId: "str", WidthNormalized: "float",
        }],
        ScreenInputConfigList: [{
          AudioConfig: { ValidChannel: "str", VolumeRate: "float" }, ChannelId: "str", Color: "str", HeightNormalized: "float", Id: "str",
          Index: "int", OnlyAudio: "bool", PortraitType: "int", PositionX: "str", PositionY: "str", VideoResourceId: "str",
        }],
      }],
    },
    errors: ["InvalidCaster.NotFound"],
  },
} satisfies Record<string, OperationSpec>;

export type Action = keyof typeof OPERATIONS;

/** The spec of an Action, or undefined for one this project does not describe. */
export function operationSpec(action: string): OperationSpec | undefined {
  return (OPERATIONS as Record<string, OperationSpec>)[action];
}

/**
 * Whether `name` (as sent: `Item.3.VodUrl`) is one of the operation's parameters (`Item.N.VodUrl`).
 * Every request may also carry RegionId and OwnerId, which the SDK adds.
 */
export function declaresParameter(operation: OperationSpec, name: string): boolean {
  if (name === "RegionId" || name === "OwnerId") return true;
  const pattern = name.replace(/\.\d+(?=\.|$)/g, ".N");
  return operation.params.some((param) => param.name === pattern);
}

/**
 * How a paged Describe operation pages, as data (like moto's PAGINATION_MODEL): the request's
 * page-number and page-size parameters, the page size it uses when none is sent and the largest it
 * takes, the reply's list (`Plural.Singular`, as the API wraps it) and its count of every item the
 * filters let through. The providers read every page at the largest size (provider/shared/studio-listing.ts);
 * the emulator pages by the same entry (emulator/responses/paging.ts).
 */
export interface PagingSpec<A extends Action = Action> {
  pageNumber: OptionalNames<ParamSpecsOf<A>>;
  pageSize: OptionalNames<ParamSpecsOf<A>>;
  defaultPageSize: number;
  maxPageSize: number;
  /** `Plural.Singular` as the API wraps a list, or `[Plural]` for a list sent bare (ListPlaylist's ProgramList). */
  list: readonly [string, string] | readonly [string];
  total: string;
}

export const PAGING = {
  // DescribeCasterProgram's page: PageSize 1 to 100, 10 when left out.
  DescribeCasterProgram: { pageNumber: "PageNum", pageSize: "PageSize", defaultPageSize: 10, maxPageSize: 100, list: ["Episodes", "Episode"], total: "Total" },
  // ListPlaylist's page: neither the SDK's model nor the page bounds PageSize (its example is 20); 20 and 100 are
  // assumed, as DescribeCasterProgram's largest (LIMITATIONS).
  ListPlaylist: { pageNumber: "Page", pageSize: "PageSize", defaultPageSize: 20, maxPageSize: 100, list: ["ProgramList"], total: "Total" },
} as const satisfies { [A in Action]?: PagingSpec<A> };

/** An operation that pages, by PAGING. */
export type PagedAction = keyof typeof PAGING;

/** How `action` pages, or undefined for an operation that answers with everything at once. */
export function pagingOf(action: Action): PagingSpec | undefined {
  return (PAGING as { [A in Action]?: PagingSpec })[action];
}

/*
 * The operation table's data as types, so that a call is checked against the spec at compile time
 * (an unknown Action or parameter, a missing required one, a misspelt reply field) instead of by
 * the API's answer at run time.
 */

/** A parameter value as the caller builds it; undefined and null are left out of the request. */
export type ParamValue = string | number | boolean | undefined | null;

/** A parameter's name as sent: the spec's `Item.N.ItemName` is `Item.1.ItemName`, `Item.2.ItemName`, ... */
export type SentName<N extends string> = N extends `${infer Head}.N.${infer Tail}`
  ? `${Head}.${number}.${SentName<Tail>}`
  : N extends `${infer Head}.N`
    ? `${Head}.${number}`
    : N;

type ParamSpecsOf<A extends Action> = (typeof OPERATIONS)[A]["params"][number];
type RequiredNames<P> = P extends { name: infer N extends string; required: true | "present" } ? SentName<N> : never;
type OptionalNames<P> = P extends { name: infer N extends string; required: true | "present" } ? never : P extends { name: infer N extends string } ? SentName<N> : never;

/** What every request may carry besides the operation's own parameters (the SDK adds them). */
export type CommonParams = {
  RegionId?: string;
  OwnerId?: ParamValue;
};

/**
 * An operation's parameters as the client takes them. A required one (also `"present"`, which may
 * be empty) must be given a value: undefined would leave it out of the request.
 */
export type ParamsOf<A extends Action> = { [N in RequiredNames<ParamSpecsOf<A>>]: NonNullable<ParamValue> } & {
  [N in OptionalNames<ParamSpecsOf<A>>]?: ParamValue;
} & CommonParams;

/** An operation's parameter names as the spec writes them (`CasterId`, `ComponentId.N`, `Item.N.ItemName`), as the emulator's handlers read them. */
export type ParamNameOf<A extends Action> = ParamSpecsOf<A>["name"];

/**
 * A reply field's value from its ReplyType. Every field is optional: the SDK's response models
 * declare none required, and the API leaves out what a resource does not have. A caller that
 * needs one the API always sends (the ID a create answers with) asserts it (`reply.CasterId!`).
 */
export type ReplyValue<T> = T extends "str"
  ? string
  : T extends "int" | "float"
    ? number
    : T extends "bool"
      ? boolean
      : T extends readonly [infer Item]
        ? ReplyValue<Item>[]
        : { [K in keyof T]?: ReplyValue<T[K]> };

/** An operation's reply besides RequestId, from the spec's `reply`. */
export type ReplyOf<A extends Action> = ReplyValue<(typeof OPERATIONS)[A]["reply"]>;

/** The items of a reply's list, which the API wraps `Plural: { Singular: [...] }`: `ListItem<ReplyOf<"DescribeCasterLayouts">["Layouts"], "Layout">`. */
export type ListItem<Wrapper, K extends keyof NonNullable<Wrapper>> = NonNullable<NonNullable<Wrapper>[K]> extends (infer Item)[] ? Item : never;

/** A listed item with the fields it is known by (its ID), which the API always sends though the SDK's models declare them optional. */
export type Listed<Item, K extends keyof Item> = Item & { [P in K]-?: NonNullable<Item[P]> };
