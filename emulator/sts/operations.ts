import { ROLE_MAX_SESSION_DURATION_SECONDS, ROLE_SESSION_NAME_PATTERN, STS_DURATION_SECONDS } from "../../model/api-facts";
import { ApiError } from "../errors";
import { Gateway, GatewayRequest } from "../gateway/authenticate";
import { EmulatorOidcProvider, EmulatorRole, parseRoleArn, SessionStore, TemporaryCredentials } from "./identity";

/**
 * The two STS operations that Alibaba Cloud's credential chain calls (@alicloud/credentials:
 * ram_role_arn and oidc_role_arn), on the API version STS has, and GetCallerIdentity, which the
 * provider asks which account a key acts in (the shared rate limiter's budget is the account's).
 * AssumeRole and GetCallerIdentity are signed like any RPC call and checked by the same gateway;
 * AssumeRoleWithOIDC is anonymous, the OIDC token is the proof.
 */
export const STS_VERSION = "2015-04-01";
export const STS_ACTIONS: ReadonlySet<string> = new Set(["AssumeRole", "AssumeRoleWithOIDC", "GetCallerIdentity"]);

/** OIDCToken: 4 to 20,000 characters (https://www.alibabacloud.com/help/en/ram/api-assumerolewithoidc). */
const OIDC_TOKEN_LENGTH = { min: 4, max: 20_000 };

// Error codes and messages of STS. Sources: the STS error-code list
// (https://help.aliyun.com/zh/ram/developer-reference/api-sts-2015-04-01-errorcodes) for the
// AuthenticationFail.* codes, and "STS AssumeRole common errors"
// (https://www.alibabacloud.com/help/doc-detail/42775.htm) for NoPermission and InvalidParameter.*.
const stsErrors = {
  missing: (name: string) => new ApiError(400, `Missing${name}`, `${name} is mandatory for this action.`),
  roleSessionName: () => new ApiError(400, "InvalidParameter.RoleSessionName", "The parameter RoleSessionName is wrongly formed: use 2 to 64 letters, digits, '.', '@', '-' or '_'."),
  durationSeconds: (max: number) =>
    new ApiError(400, "InvalidParameter.DurationSeconds", `The Min/Max value of DurationSeconds is ${STS_DURATION_SECONDS.min}s/${max}s (the role's MaxSessionDuration).`),
  // The list seen names no code for a malformed ARN; this one follows InvalidParameter.RoleSessionName.
  roleArn: (arn: string) => new ApiError(400, "InvalidParameter.RoleArn", `The parameter RoleArn ${JSON.stringify(arn)} is wrongly formed: use acs:ram::<account UID>:role/<role name>.`),
  roleNotFound: (arn: string) => new ApiError(404, "EntityNotExist.Role", `The role not exists: ${arn}.`),
  notTrusted: () =>
    new ApiError(403, "NoPermission", "No permission perform sts:AssumeRole on this Role. Maybe you are not authorized in the trust policy of the role."),
  oidcProviderNotFound: () => new ApiError(401, "AuthenticationFail.NoPermission", "No such OIDC Provider registered."),
  oidcNoPermission: () => new ApiError(401, "AuthenticationFail.NoPermission", "There is no permission"),
  oidcParts: () => new ApiError(401, "AuthenticationFail.OIDCToken.Invalid", "The number of Jwt field should be divided into 3 parts with '.' ."),
  oidcEmpty: () => new ApiError(401, "AuthenticationFail.OIDCToken.Invalid", "The OIDCToken can not empty."),
  oidcContent: () => new ApiError(401, "AuthenticationFail.OIDCToken.Invalid", "The Jwt content is invalid that cannot be recognized."),
  // The list seen has no issuer code; Invalid is the emulator's choice (README: limitations).
  oidcIssuer: (issuer: unknown) => new ApiError(401, "AuthenticationFail.OIDCToken.Invalid", `Invalid issuer: ${JSON.stringify(issuer)} is not the provider's issuer URL.`),
  oidcAudience: () => new ApiError(401, "AuthenticationFail.OIDCToken.AudienceNotMatch", "Invalid audience."),
  oidcExpired: () => new ApiError(401, "AuthenticationFail.OIDCToken.Expired", "This JsonWebToken is expired."),
};

export interface StsReply {
  /** The account the call acted for (the caller's for AssumeRole, the role's for OIDC). */
  uid: string;
  body: Record<string, unknown>;
}

export class StsService {
  constructor(
    private readonly gateway: Gateway,
    private readonly sessions: SessionStore,
    private readonly roles: readonly EmulatorRole[],
    private readonly oidcProviders: readonly EmulatorOidcProvider[],
  ) {}

  serve(request: GatewayRequest, nowMs: number): StsReply {
    if (request.params.Action === "GetCallerIdentity") return this.callerIdentity(request, nowMs);
    return request.params.Action === "AssumeRoleWithOIDC" ? this.assumeRoleWithOidc(request.params, nowMs) : this.assumeRole(request, nowMs);
  }

  /**
   * GetCallerIdentity: who signed the call, with the fields of the official SDK's reply model
   * (sts-20150401 GetCallerIdentityResponseBody.ts: AccountId, Arn, IdentityType, PrincipalId,
   * RoleId, UserId; its examples: `acs:ram::<uid>:user/admin`, IdentityType `RAMUser`). The
   * emulator's keys are the accounts' own (`Account`, Arn `acs:ram::<uid>:root`); temporary
   * credentials are an `AssumedRoleUser` of their role, in the role's account.
   */
  private callerIdentity(request: GatewayRequest, nowMs: number): StsReply {
    const call = this.gateway.authenticate(request, nowMs);
    const session = this.sessions.find(call.key.accessKeyId);
    const uid = call.key.uid;
    if (!session) {
      return { uid, body: { AccountId: uid, UserId: uid, PrincipalId: uid, IdentityType: "Account", Arn: `acs:ram::${uid}:root` } };
    }
    const role = roleId(session.roleArn);
    const assumedRoleArn = session.roleArn.replace(/:role\//i, ":assumed-role/");
    return {
      uid,
      body: {
        AccountId: uid, UserId: `${role}:${session.roleSessionName}`, PrincipalId: `${role}:${session.roleSessionName}`, RoleId: role,
        IdentityType: "AssumedRoleUser", Arn: `${assumedRoleArn}/${session.roleSessionName}`,
      },
    };
  }

  /** AssumeRole (https://alibabacloud.com/help/en/ram/api-assumerole): a signed call by a key the role trusts. */
  private assumeRole(request: GatewayRequest, nowMs: number): StsReply {
    const call = this.gateway.authenticate(request, nowMs);
    const p = request.params;
    const role = this.role(p.RoleArn);
    const sessionName = this.sessionName(p.RoleSessionName, true);
    const duration = durationSeconds(p.DurationSeconds, role);
    // The role's trust policy names the accounts that may assume it; by default its own.
    const trusted = role.trustedAccounts ?? [role.uid];
    if (!trusted.includes(call.key.uid)) throw stsErrors.notTrusted();
    // A trust policy with an sts:ExternalId condition takes only that ExternalId.
    if (role.externalId !== undefined && p.ExternalId !== role.externalId) throw stsErrors.notTrusted();
    const session = this.sessions.issue(role, sessionName, duration, nowMs);
    return { uid: call.key.uid, body: credentialsReply(session, role.id) };
  }

  /**
   * AssumeRoleWithOIDC (https://www.alibabacloud.com/help/en/ram/api-assumerolewithoidc): no
   * signature, the token is the proof. STS validates the token's signature, issuer and audience
   * (https://www.alibabacloud.com/help/en/ram/overview-of-oidc-based-sso); the emulator checks the
   * issuer, the audience and the expiry, not the signature (it fetches no keys: README, limitations).
   */
  private assumeRoleWithOidc(p: Record<string, string>, nowMs: number): StsReply {
    for (const name of ["OIDCProviderArn", "RoleArn"]) if (!p[name]) throw stsErrors.missing(name);
    if (!p.OIDCToken) throw stsErrors.oidcEmpty();
    if (p.OIDCToken.length < OIDC_TOKEN_LENGTH.min || p.OIDCToken.length > OIDC_TOKEN_LENGTH.max) throw stsErrors.oidcContent();
    const provider = this.oidcProviders.find((candidate) => candidate.arn === p.OIDCProviderArn);
    if (!provider) throw stsErrors.oidcProviderNotFound();
    const claims = jwtClaims(p.OIDCToken);
    if (claims.iss !== provider.issuerUrl) throw stsErrors.oidcIssuer(claims.iss);
    const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (!audiences.some((audience) => provider.clientIds.includes(String(audience)))) throw stsErrors.oidcAudience();
    if (typeof claims.exp !== "number" || claims.exp * 1000 <= nowMs) throw stsErrors.oidcExpired();
    const role = this.role(p.RoleArn);
    if (!(role.trustedOidcProviders ?? []).includes(provider.arn)) throw stsErrors.oidcNoPermission();
    const sessionName = this.sessionName(p.RoleSessionName, false) ?? `oidc-${nowMs}`;
    const session = this.sessions.issue(role, sessionName, durationSeconds(p.DurationSeconds, role), nowMs);
    return {
      uid: role.uid,
      body: {
        ...credentialsReply(session, role.id),
        OIDCTokenInfo: {
          Subject: String(claims.sub ?? ""),
          Issuer: provider.issuerUrl,
          ClientIds: audiences.join(","),
          ExpirationTime: isoSeconds(Number(claims.exp) * 1000),
          IssuanceTime: typeof claims.iat === "number" ? isoSeconds(claims.iat * 1000) : "",
        },
      },
    };
  }

  private role(arn: string | undefined): EmulatorRole & { uid: string; id: string } {
    if (!arn) throw stsErrors.missing("RoleArn");
    const parsed = parseRoleArn(arn);
    if (!parsed) throw stsErrors.roleArn(arn);
    // ARNs compare as RAM does: the role name is not case-sensitive.
    const role = this.roles.find((candidate) => candidate.arn.toLowerCase() === arn.toLowerCase());
    if (!role) throw stsErrors.roleNotFound(arn);
    return { ...role, uid: parsed.uid, id: roleId(role.arn) };
  }

  private sessionName(name: string | undefined, required: true): string;
  private sessionName(name: string | undefined, required: false): string | undefined;
  private sessionName(name: string | undefined, required: boolean): string | undefined {
    if (name === undefined || name === "") {
      if (required) throw stsErrors.missing("RoleSessionName");
      return undefined;
    }
    if (!ROLE_SESSION_NAME_PATTERN.test(name)) throw stsErrors.roleSessionName();
    return name;
  }
}

function durationSeconds(value: string | undefined, role: EmulatorRole): number {
  const max = role.maxSessionDurationSeconds ?? ROLE_MAX_SESSION_DURATION_SECONDS.default;
  if (value === undefined || value === "") return Math.min(STS_DURATION_SECONDS.default, max);
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < STS_DURATION_SECONDS.min || seconds > max) throw stsErrors.durationSeconds(max);
  return seconds;
}

/** The reply's Credentials and AssumedRoleUser, as the API pages show them. */
function credentialsReply(session: TemporaryCredentials, roleIdValue: string): Record<string, unknown> {
  return {
    Credentials: {
      AccessKeyId: session.accessKeyId,
      AccessKeySecret: session.accessKeySecret,
      SecurityToken: session.securityToken,
      Expiration: isoSeconds(session.expiresAtMs),
    },
    AssumedRoleUser: {
      Arn: `${session.roleArn}/${session.roleSessionName}`,
      AssumedRoleId: `${roleIdValue}:${session.roleSessionName}`,
    },
  };
}

/** A stable numeric role ID derived from the ARN, as RAM gives every role one. */
function roleId(arn: string): string {
  let hash = 0n;
  for (const character of arn.toLowerCase()) hash = (hash * 131n + BigInt(character.codePointAt(0) as number)) % 10n ** 18n;
  return hash.toString().padStart(18, "3");
}

/** `2015-04-09T11:52:19Z`: STS's Expiration has no milliseconds. */
function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function jwtClaims(token: string): Record<string, unknown> {
  const parts = token.split(".");
  if (parts.length !== 3) throw stsErrors.oidcParts();
  try {
    const claims: unknown = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8"));
    if (claims === null || typeof claims !== "object" || Array.isArray(claims)) throw new Error("not an object");
    JSON.parse(Buffer.from(parts[0], "base64url").toString("utf8"));
    return claims as Record<string, unknown>;
  } catch {
    throw stsErrors.oidcContent();
  }
}
