import { timingSafeEqual } from "node:crypto";
import { errors } from "../errors";
import { SessionStore, sessionKey } from "../sts/identity";
import { AccountKey } from "./accounts";
import { NonceCache } from "./nonce-cache";
import { sign, stringToSign } from "./signature";

export { API_VERSION } from "../../model/live-api";
import { API_VERSION } from "../../model/live-api";
/** How far a request's Timestamp may be from the server's clock, and how long a nonce is remembered. */
export const REPLAY_WINDOW_MS = 15 * 60 * 1000;

const TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

export interface GatewayRequest {
  method: string;
  params: Record<string, string>;
}

export interface AuthenticatedCall {
  action: string;
  key: AccountKey;
  regionId: string;
}

/**
 * The checks the API gateway makes before an operation runs, in its order: the Action and
 * Version, the key, the time, the signature, and last the nonce (so that a forged request
 * cannot use up a real client's nonce).
 */
export class Gateway {
  private readonly keys = new Map<string, AccountKey>();
  private readonly nonces = new NonceCache(REPLAY_WINDOW_MS);

  /**
   * `versionOf` gives the API version an Action belongs to (2016-11-01 for the Live API,
   * 2015-04-01 for STS), undefined for an Action no product here has. `sessions` holds the
   * temporary credentials STS issued, which sign like a key of the role's account.
   */
  constructor(
    keys: AccountKey[],
    private readonly versionOf: (action: string) => string | undefined,
    private readonly sessions: SessionStore = new SessionStore(),
    private readonly versions: ReadonlySet<string> = new Set([API_VERSION]),
  ) {
    for (const key of keys) this.keys.set(key.accessKeyId, key);
  }

  authenticate(request: GatewayRequest, nowMs: number): AuthenticatedCall {
    const p = request.params;
    const action = p.Action;
    if (!action) throw errors.missingRequired("Action");
    if (!p.Version) throw errors.missingRequired("Version");
    if (!this.versions.has(p.Version)) throw errors.versionInvalid(p.Version);
    if (this.versionOf(action) !== p.Version) throw errors.actionNotFound(action);

    if (!p.AccessKeyId) throw errors.missingRequired("AccessKeyId");
    const session = this.keys.has(p.AccessKeyId) ? undefined : this.sessions.find(p.AccessKeyId);
    const key = this.keys.get(p.AccessKeyId) ?? (session && sessionKey(session));
    if (!key) throw errors.accessKeyNotFound();
    if (key.active === false) throw errors.accessKeyInactive();
    if (session) {
      // A temporary AccessKey works only with the SecurityToken issued with it, until it expires
      // (https://www.alibabacloud.com/help/doc-detail/42775.htm: "MissingSecurityToken ... SecurityToken
      // is mandatory"; https://www.alibabacloud.com/help/en/oss/support/0002-00000007 for an expired one).
      if (!p.SecurityToken) throw errors.missingSecurityToken();
      const sent = Buffer.from(p.SecurityToken);
      const issued = Buffer.from(session.securityToken);
      if (sent.length !== issued.length || !timingSafeEqual(sent, issued)) throw errors.securityTokenMismatch();
      if (nowMs >= session.expiresAtMs) throw errors.securityTokenExpired(new Date(session.expiresAtMs).toISOString());
    }

    if (!p.Timestamp) throw errors.missingRequired("Timestamp");
    if (!TIMESTAMP_PATTERN.test(p.Timestamp) || Number.isNaN(Date.parse(p.Timestamp))) {
      throw errors.timestampMalformed(p.Timestamp);
    }
    const requestTimeMs = Date.parse(p.Timestamp);
    if (Math.abs(requestTimeMs - nowMs) > REPLAY_WINDOW_MS) throw errors.timestampExpired(p.Timestamp);

    for (const name of ["Signature", "SignatureMethod", "SignatureVersion", "SignatureNonce"]) {
      if (!p[name]) throw errors.incompleteSignature(`${name} is missing.`);
    }
    if (p.SignatureMethod !== "HMAC-SHA1") {
      throw errors.incompleteSignature(`SignatureMethod ${p.SignatureMethod} is not supported; use HMAC-SHA1.`);
    }
    if (p.SignatureVersion !== "1.0") {
      throw errors.incompleteSignature(`SignatureVersion ${p.SignatureVersion} is not supported; use 1.0.`);
    }
    const expected = Buffer.from(sign(request.method, p, key.accessKeySecret));
    const received = Buffer.from(p.Signature);
    if (expected.length !== received.length || !timingSafeEqual(expected, received)) {
      throw errors.signatureDoesNotMatch(stringToSign(request.method, p));
    }
    if (!this.nonces.remember(key.accessKeyId, p.SignatureNonce, nowMs, requestTimeMs)) throw errors.nonceUsed();

    return { action, key, regionId: p.RegionId || "cn-shanghai" };
  }
}
