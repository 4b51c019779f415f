import { redactSignatures } from "../shared/redact";

/**
 * Failures of Live API calls, as the provider reports them. Built from the parts of pop-core's
 * error that are safe to show: pop-core's own message ends with the request URL, which for a
 * GET holds the key, the signature and every parameter, so it is never used.
 */
const NOTHING_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

export class LiveApiError extends Error {
  constructor(
    /** The operation that failed, e.g. AddCasterVideoResource. */
    readonly action: string,
    /** The API's error code (e.g. DuplicateLocationID), or a transport code (RequestTimeout, ECONNRESET, InvalidResponse). */
    readonly code: string,
    /** The API's own message, or a description of the transport failure. */
    readonly apiMessage: string,
    /** The API's RequestId, for support tickets. */
    readonly requestId?: string,
    /** HTTP status of the reply, when there was one. */
    readonly httpStatus?: number,
  ) {
    const context = [httpStatus !== undefined ? `HTTP ${httpStatus}` : "no reply", requestId && `RequestId ${requestId}`];
    super(`${action} failed: ${code}: ${apiMessage} (${context.filter(Boolean).join(", ")})`);
    this.name = "LiveApiError";
  }

  /**
   * True when the request may have reached the API and changed something although no answer came
   * back (a timeout, a dropped connection, an unreadable reply). A refused connection sent nothing.
   */
  get outcomeUnknown(): boolean {
    return this.httpStatus === undefined && !NOTHING_SENT.has(this.code);
  }
}

/** No credentials were found in stack config or the environment. */
export class MissingCredentialsError extends Error {
  constructor() {
    super(
      "No Alibaba Cloud credentials were found. Give them in stack config:\n" +
        "    pulumi config set alicloud:accessKey <AccessKeyId>\n" +
        "    pulumi config set --secret alicloud:secretKey <AccessKeySecret>\n" +
        "  (and alicloud:securityToken for STS credentials), or in the environment:\n" +
        "    ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (and ALIBABA_CLOUD_SECURITY_TOKEN),\n" +
        "    or ALICLOUD_ACCESS_KEY and ALICLOUD_SECRET_KEY.",
    );
    this.name = "MissingCredentialsError";
  }
}

/**
 * The API's own message, made safe to show: SignatureDoesNotMatch repeats the server's string to
 * sign (every parameter of the request, an STS token among them), and any message may quote a
 * signed URL.
 */
function safeMessage(message: string): string {
  const at = message.indexOf("server string to sign is:");
  const cut = at === -1 ? message : `${message.slice(0, at).trimEnd()} (the server's string to sign is left out: it repeats the request)`;
  return redactSignatures(cut);
}

interface PopCoreFailure {
  name?: string;
  code?: string;
  data?: { Code?: string; Message?: string; RequestId?: string };
  entry?: { response?: { statusCode?: number } };
}

/** Turns whatever pop-core or the network threw into a LiveApiError without the request URL. */
export function toLiveApiError(action: string, caught: unknown): LiveApiError {
  const failure = (caught ?? {}) as PopCoreFailure;
  if (failure.data && typeof failure.data.Code === "string") {
    return new LiveApiError(
      action,
      failure.data.Code,
      safeMessage(failure.data.Message ?? "(no message)"),
      failure.data.RequestId,
      failure.entry?.response?.statusCode,
    );
  }
  if (failure.name === "SyntaxError") {
    return new LiveApiError(action, "InvalidResponse", "the endpoint answered with a body that is not JSON (a gateway or proxy page)");
  }
  if (typeof failure.name === "string" && /Timeout/i.test(failure.name)) {
    return new LiveApiError(action, "RequestTimeout", "no answer within the client's timeout");
  }
  if (typeof failure.code === "string" && /^E[A-Z]+$/.test(failure.code)) {
    return new LiveApiError(action, failure.code, `network failure (${failure.code})`);
  }
  return new LiveApiError(action, "UnknownError", failure.name ? `unexpected ${failure.name}` : "unexpected failure");
}
