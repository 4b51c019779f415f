import { redactSignatures } from "../common/redact";

/**
 * Every error the emulator answers, built in one place so that each body has Alibaba Cloud's
 * shape: `{RequestId, HostId, Code, Message, Recommend}` with the documented HTTP status.
 */

export const HOST_ID = "live.aliyuncs.com";

/** A failed call: thrown by the gateway, the throttle and the models; turned into a body by the server. */
export class ApiError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export interface ErrorBody {
  RequestId: string;
  HostId: string;
  Code: string;
  Message: string;
  Recommend: string;
}

/**
 * The body of an error reply. A message that quotes a URL quotes it masked (common/redact.ts):
 * replies end up in clients' logs. The server's string to sign of SignatureDoesNotMatch is
 * percent-encoded, so it is sent as it is, for the client to compare with its own.
 */
export function errorBody(error: ApiError, requestId: string): ErrorBody {
  return {
    RequestId: requestId,
    HostId: HOST_ID,
    Code: error.code,
    Message: redactSignatures(error.message),
    Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=live&requestId=${requestId}`,
  };
}

const retryLater = ", please check and try again later.";

/** The catalogue. Gateway codes and statuses are the RPC gateway's (docs/live-api.md), operation codes the API pages'. */
export const errors = {
  // Gateway: signature, key, time, nonce, action, version.
  signatureDoesNotMatch: (serverStringToSign: string) =>
    new ApiError(400, "SignatureDoesNotMatch",
      `Specified signature is not matched with our calculation. server string to sign is:${serverStringToSign}`),
  incompleteSignature: (detail: string) =>
    new ApiError(400, "IncompleteSignature", `The request signature does not conform to Aliyun standards. ${detail}`),
  accessKeyNotFound: () => new ApiError(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found."),
  accessKeyInactive: () => new ApiError(400, "InvalidAccessKeyId.Inactive", "Specified access key is disabled."),
  nonceUsed: () =>
    new ApiError(400, "SignatureNonceUsed", "Specified signature nonce was used already."),
  timestampExpired: (timestamp: string) =>
    new ApiError(400, "InvalidTimeStamp.Expired",
      `Specified time stamp or date value is expired. The received Timestamp is ${timestamp}; it must be within 15 minutes of the server's time.`),
  timestampMalformed: (timestamp: string) =>
    new ApiError(400, "InvalidTimeStamp.Format",
      `Specified time stamp or date value is not well formatted: ${JSON.stringify(timestamp)}; expected YYYY-MM-DDThh:mm:ssZ in UTC.`),
  actionNotFound: (action: string) =>
    new ApiError(404, "InvalidAction.NotFound", `Specified api is not found, please check your url and method. Action: ${action}`),
  versionInvalid: (version: string) =>
    new ApiError(400, "InvalidVersion", `Specified parameter Version is not valid: ${JSON.stringify(version)}; the Live API's version is 2016-11-01, STS's 2015-04-01.`),
  // Temporary credentials (STS): a temporary AccessKey without its token, with another token, or
  // past its expiry (https://www.alibabacloud.com/help/doc-detail/42775.htm lists MissingSecurityToken;
  // the InvalidSecurityToken.* codes are the RPC gateway's, as SDKs report them).
  missingSecurityToken: () => new ApiError(400, "MissingSecurityToken", "SecurityToken is mandatory for this action."),
  securityTokenMismatch: () =>
    new ApiError(400, "InvalidSecurityToken.MismatchWithAccessKey", "Specified SecurityToken mismatch with the AccessKey."),
  securityTokenExpired: (expiration: string) =>
    new ApiError(400, "InvalidSecurityToken.Expired", `Specified SecurityToken is expired (it expired at ${expiration}); get new temporary credentials from STS.`),
  // An HTTPS-only API called over http: the code and message of the SDK docs' "Errors and troubleshooting" (the gateway's,
  // `source=PopGw`: "Your request is denied as lack of ssl protect."). No stored page gives the status: 400, as for the
  // gateway's other refusals of a request's form, is the emulator's choice (LIMITATIONS).
  needSsl: () => new ApiError(400, "InvalidProtocol.NeedSsl", "Your request is denied as lack of ssl protect."),
  missingRequired: (name: string) => new ApiError(400, `Missing${name}`, `${name} is mandatory for this action.`),
  throttledByUser: (action: string, qps: number) =>
    new ApiError(400, "Throttling.User",
      `Request was denied due to user flow control. ${action} allows ${qps} calls per second for each account.`),

  // Operations: the codes on the AddCasterVideoResource page and its neighbours.
  missingParameter: (detail: string) => new ApiError(400, "MissingParameter", `${detail}.`),
  invalidParameter: (detail: string) =>
    new ApiError(400, "InvalidParameter.Malformed", `There are invalid parameters: ${detail}.`),
  casterIdMalformed: (casterId: string) =>
    new ApiError(400, "InvalidCasterId.Malformed", `CasterId ${JSON.stringify(casterId)} is invalid${retryLater}`),
  casterNotFound: (casterId: string) =>
    new ApiError(404, "InvalidCaster.NotFound", `Caster ${casterId} does not exist${retryLater}`),
  resourceNotFound: (resourceId: string) =>
    new ApiError(404, "InvalidResource.NotFound", `Video resource ${resourceId} does not exist${retryLater}`),
  /** A layout, caption or scene audio names a position without a video source (the code is the emulator's choice, LIMITATIONS). */
  noSourceAtLocation: (locationId: string, where: string) =>
    new ApiError(404, "InvalidResource.NotFound", `No video resource is at location ${locationId} (${where}): add one there first${retryLater}`),
  liveStreamUrlMalformed: (url: string) =>
    new ApiError(400, "InvalidLiveStreamUrl.Malformed", `LiveStreamUrl ${JSON.stringify(url)} is invalid${retryLater}`),
  materialIdMalformed: (id: string) =>
    new ApiError(400, "InvalidMaterialId.Malformed", `MaterialId ${JSON.stringify(id)} is invalid${retryLater}`),
  vodUrlMalformed: (url: string) =>
    new ApiError(400, "InvalidVodUrl.Malformed", `VodUrl ${JSON.stringify(url)} is invalid: it must be an http(s) URL of an MP4, FLV or TS file${retryLater}`),
  duplicateLocation: (locationId: string, occupant: string) =>
    new ApiError(400, "DuplicateLocationID", `LocationId ${locationId} is already used by resource ${occupant}${retryLater}`),
  unexpectedLocation: (locationId: string, channelMode = false) =>
    new ApiError(400, "UnexpectedLocationID", `LocationId ${JSON.stringify(locationId)} is invalid: use ${channelMode ? "a channel, RV01 to RV12 (the studio is in channel mode)" : "RV01 to RV99"}${retryLater}`),
  noSourceOnChannel: (channelId: string, where: string) =>
    new ApiError(404, "InvalidResource.NotFound", `No video resource is on channel ${channelId} (${where}): the studio is in channel mode, SetCasterChannel first${retryLater}`),
  resourceNumberExceed: (limit: number) =>
    new ApiError(400, "ResourceNumberExceed", `The studio's ${limit} ingest endpoints are all in use${retryLater}`),
  illegalOperation: (detail: string) => new ApiError(401, "IllegalOperation", `${detail}${retryLater}`),
  invalidUserId: (ownerId: string) =>
    new ApiError(400, "InvalidUserId.Malformed", `OwnerId ${JSON.stringify(ownerId)} is not this account's user ID, please check userId.`),
  idempotentParameterMismatch: (clientToken: string) =>
    new ApiError(400, "IdempotentParameterMismatch",
      `ClientToken ${clientToken} was already used with other parameters; a retry must send the same parameters, a new request a new token.`),
  programNotFound: (programId: string) =>
    new ApiError(404, "InvalidProgram.NotFound", `Program ${programId} does not exist${retryLater}`),
  /** An unknown playlist, as DeletePlaylist's and StopPlaylist's error tables name it ("PlayList does not exist"). */
  playListNotFound: (programId: string) =>
    new ApiError(404, "PlayListNotFound", `PlayList ${programId} does not exist, please check and try again later.`),
  casterInUse: (casterId: string) =>
    new ApiError(400, "IncorrectCasterStatus.Inuse", `Caster ${casterId} is running; stop it before deleting it.`),
  /** The studio is running and the call needs it stopped (the code DeleteCaster answers; see LIMITATIONS). */
  casterRunning: (casterId: string, detail: string) =>
    new ApiError(400, "IncorrectCasterStatus.Inuse", `Caster ${casterId} is running: ${detail}.`),
  /** The studio is idle and the call acts on its broadcast (RestartCaster, StartCasterScene): chosen, see LIMITATIONS. */
  casterNotStarted: (casterId: string, detail: string) =>
    new ApiError(400, "IncorrectCasterStatus", `Caster ${casterId} is not started: ${detail}.`),
  // Named in SetCasterConfig's ChannelEnable description; the status is assumed (LIMITATIONS).
  channelDisableUnsupported: (casterId: string) =>
    new ApiError(400, "InvalidCaster.ChannelDisableUnsupported",
      `Channels of caster ${casterId} are enabled and cannot be disabled: send ChannelEnable=1 in every SetCasterConfig.`),
  sceneNotFound: (detail: string) => new ApiError(404, "InvalidScene.NotFound", `${detail}${retryLater}`),
  sceneStatusIncorrect: (detail: string) => new ApiError(400, "IncorrectSceneStatus", `${detail}.`),
  // DeleteCasterSceneConfig's error table (https://help.aliyun.com/document_detail/94775.html): the scene is idle.
  sceneIdle: (detail: string) => new ApiError(400, "IncorrectSceneStatus.Idle", `${detail}${retryLater}`),
  // Layouts: the codes of AddCasterLayout's and DeleteCasterLayout's special error tables (https://help.aliyun.com/document_detail/60249.html).
  layoutNotFound: (layoutId: string) => new ApiError(404, "InvalidLayout.NotFound", `Layout ${layoutId} is not found${retryLater}`),
  layersMismatch: (detail: string) =>
    new ApiError(400, "InvalidVideoLayersAndBlendListSize.Mismatch", `Specified parameter size is invalid: ${detail}.`),
  positionMalformed: (detail: string) =>
    new ApiError(400, "InvalidPositionNormalized.Malformed", `Specified parameter PositionNormalized size should be 2: ${detail}.`),
  // Components: no page names a code for an unknown component; the one chosen follows InvalidLayout.NotFound (LIMITATIONS).
  componentNotFound: (componentId: string) =>
    new ApiError(404, "InvalidComponent.NotFound", `Component ${componentId} is not found${retryLater}`),
  unexpectedComponentLocation: (locationId: string, rule: string) =>
    new ApiError(400, "UnexpectedLocationID", `LocationId ${JSON.stringify(locationId)} is invalid: ${rule}`),
  duplicateComponentLocation: (locationId: string, occupant: string) =>
    new ApiError(400, "DuplicateLocationID", `LocationId ${locationId} is already used by component ${occupant}${retryLater}`),
  // Episodes: IncorrectStartTime is in DeleteCasterEpisode's error table
  // (https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-deletecasterepisode); its
  // description and status are not in the stored copy: 400 is assumed, as for the other codes of a bad value.
  incorrectStartTime: (detail: string) => new ApiError(400, "IncorrectStartTime", `${detail}${retryLater}`),
  // No stored page gives an unknown episode's code or status (the table is cut): chosen after InvalidLayout.NotFound (LIMITATIONS).
  episodeNotFound: (episodeId: string) =>
    new ApiError(404, "InvalidEpisode.NotFound", `Episode ${episodeId} is not found${retryLater}`),
  // Show lists: no page names a code for an unknown show; chosen after InvalidEpisode.NotFound (LIMITATIONS).
  showNotFound: (showId: string) => new ApiError(404, "InvalidShow.NotFound", `Show ${showId} is not in the show list${retryLater}`),
  // Playlists: no stored page gives an unknown item's code; chosen after InvalidProgram.NotFound (LIMITATIONS).
  programItemNotFound: (itemId: string, programId: string) =>
    new ApiError(404, "InvalidProgramItem.NotFound", `Item ${itemId} is not in playlist ${programId}${retryLater}`),
  // DeletePlaylist's page lists it: "The Playlist is in use" (400).
  playlistInUse: (programId: string) =>
    new ApiError(400, "IncorrectPlaylistStatus.Inuse", `Playlist ${programId} is playing; stop it (StopPlaylist) before deleting it.`),
  throttledByApi: () => new ApiError(400, "Throttling", "Request was denied due to request throttling."),
  internalError: () => new ApiError(500, "InternalError", "The request processing has failed due to some unknown error, please try again later."),
  serviceUnavailable: () => new ApiError(503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server."),
} as const;
