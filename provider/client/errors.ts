import { redactSignatures } from "../../common/redact";

/**
 * An error the user fixes in their settings or program, not a defect: its message is the whole
 * story, so it carries no frames of this package's internals (see `run` in provider/index.ts for
 * how it reaches Pulumi).
 */
export class UserFacingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
    Object.defineProperty(this, "stack", { value: `${this.name}: ${message}`, writable: true, configurable: true });
  }
}

/** A TLS handshake that failed (no https there, an untrusted certificate) sent nothing either. */
const NOTHING_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "EPROTO", "CERT_UNTRUSTED"]);

/** Node's codes of a certificate it does not trust, said as one: CERT_UNTRUSTED. */
const UNTRUSTED_CERTIFICATE = /^(DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT(_LOCALLY)?|CERT_HAS_EXPIRED|ERR_TLS_CERT_ALTNAME_INVALID)$/;

/**
 * Failures of Live API calls, as the provider reports them. Built from the parts of pop-core's
 * error that are safe to show: pop-core's own message ends with the request URL, which for a
 * GET holds the key, the signature and every parameter, so it is never used.
 */
export class LiveApiError extends UserFacingError {
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
  }

  /** This error after retries ran out: how many attempts over how long, and that a re-run is safe. */
  afterRetries(attempts: number, elapsedMs: number): LiveApiError {
    if (attempts <= 1) return this;
    const seconds = (elapsedMs / 1000).toFixed(1);
    const copy = new LiveApiError(this.action, this.code, this.apiMessage, this.requestId, this.httpStatus);
    copy.message += `; gave up after ${attempts} attempts over ${seconds} s. Running the command again is safe: ` +
      "a create that may have landed is looked up before it is sent again.";
    copy.stack = `${copy.name}: ${copy.message}`;
    return copy;
  }

  /**
   * True when the request may have reached the API and changed something although no answer came
   * back (a timeout, a dropped connection, an unreadable reply). A refused connection sent nothing.
   */
  get outcomeUnknown(): boolean {
    return this.httpStatus === undefined && !NOTHING_SENT.has(this.code);
  }
}

/** No credentials were found where this package looks for them. */
export class MissingCredentialsError extends UserFacingError {
  constructor(configHasCredentials = false, chainMessage?: string) {
    super(
      "No Alibaba Cloud credentials were found. This package reads them at run time, never from stack config:\n" +
        "    export ALIBABA_CLOUD_ACCESS_KEY_ID=<AccessKeyId> ALIBABA_CLOUD_ACCESS_KEY_SECRET=<AccessKeySecret>\n" +
        "  (and ALIBABA_CLOUD_SECURITY_TOKEN for STS credentials; ALICLOUD_ACCESS_KEY and ALICLOUD_SECRET_KEY work too),\n" +
        "  or an Alibaba Cloud CLI profile (`aliyun configure`), the credentials file ~/.alibabacloud/credentials,\n" +
        "  OIDC (ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN, ALIBABA_CLOUD_OIDC_TOKEN_FILE) or an ECS RAM role." +
        (configHasCredentials
          ? "\n  alicloud:accessKey/alicloud:secretKey are set in stack config, but are not read: the engine stores stack config " +
            "in the state, and refresh and destroy would sign with that stored copy after a key rotation. Export them as above, " +
            "then `pulumi config rm alicloud:secretKey` and `pulumi config rm alicloud:accessKey`."
          : "") +
        (chainMessage ? `\n  (Alibaba Cloud's credential chain said: ${redactSignatures(chainMessage).slice(0, 600)})` : ""),
    );
  }
}

/** A stack config setting of this package that cannot be right. */
export class ConfigProblemError extends UserFacingError {}

/**
 * The API's own message, made safe to show: SignatureDoesNotMatch repeats the server's string to
 * sign (every parameter of the request, an STS token among them), and any message may quote a
 * signed URL.
 */
export function safeMessage(message: string): string {
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
export function toLiveApiError(action: string, caught: unknown, endpoint?: string): LiveApiError {
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
  if (typeof failure.code === "string" && UNTRUSTED_CERTIFICATE.test(failure.code)) {
    return new LiveApiError(action, "CERT_UNTRUSTED", networkFailure("CERT_UNTRUSTED", endpoint, failure.code));
  }
  if (typeof failure.code === "string" && /^E[A-Z]+$/.test(failure.code)) {
    return new LiveApiError(action, failure.code, networkFailure(failure.code, endpoint));
  }
  return new LiveApiError(action, "UnknownError", failure.name ? `unexpected ${failure.name}` : "unexpected failure");
}

/** A transport failure in words, naming the host (never the path or query, which a proxy may log). */
function networkFailure(code: string, endpoint: string | undefined, detail = code): string {
  let host = "the endpoint";
  try {
    if (endpoint) host = new URL(endpoint).host;
  } catch {
    // An endpoint that is not a URL: say "the endpoint".
  }
  const what: Record<string, string> = {
    ENOTFOUND: `the host ${host} could not be resolved: check alicloud-caster:endpoint (or ALICLOUD_CASTER_ENDPOINT) and DNS`,
    EAI_AGAIN: `the host ${host} could not be resolved for now (DNS did not answer)`,
    ECONNREFUSED: `${host} refused the connection: is the endpoint (alicloud-caster:endpoint) running and its port right?`,
    ECONNRESET: `${host} closed the connection before answering`,
    ETIMEDOUT: `the connection to ${host} timed out`,
    EHOSTUNREACH: `${host} cannot be reached from this machine`,
    ENETUNREACH: `the network of ${host} cannot be reached from this machine`,
    EPROTO: `${host} does not answer over https, which an https endpoint and an operation the API takes over HTTPS only need: ` +
      "the emulator speaks https when started with a certificate (--tls-cert and --tls-key)",
    CERT_UNTRUSTED: `the certificate of ${host} is not trusted: for the emulator's, set NODE_EXTRA_CA_CERTS to its certificate file where pulumi runs`,
  };
  return `${what[code] ?? `network failure reaching ${host}`} (${detail})`;
}
