import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import { ROLE_ARN_PATTERN, ROLE_MAX_SESSION_DURATION_SECONDS } from "../../model/api-facts";
import { AccountKey } from "../gateway/accounts";

/**
 * The RAM side of the emulator: roles that STS can hand out temporary credentials for, OIDC
 * identity providers, and the temporary credentials issued, with their expiry. Nothing here is
 * stored: temporary credentials end with the process, as a session would.
 */

/** A RAM role: `acs:ram::<uid>:role/<name>`, and who may assume it. */
export interface EmulatorRole {
  arn: string;
  /** UIDs whose keys may call AssumeRole on it (its trust policy). @default the role's own account */
  trustedAccounts?: string[];
  /** OIDC providers (their ARNs) whose tokens AssumeRoleWithOIDC takes for it. @default none */
  trustedOidcProviders?: string[];
  /** The role's MaxSessionDuration, the most DurationSeconds may ask (3600 to 43,200). @default 3600 */
  maxSessionDurationSeconds?: number;
  /** A trust policy condition on sts:ExternalId: AssumeRole must send this ExternalId. @default none */
  externalId?: string;
}

/** An OIDC identity provider registered in RAM: `acs:ram::<uid>:oidc-provider/<name>`. */
export interface EmulatorOidcProvider {
  arn: string;
  /** The `iss` a token must carry. */
  issuerUrl: string;
  /** The client IDs (`aud`) a token may be for. */
  clientIds: string[];
}

/** The account UID and role name of a role ARN; undefined for text that is not one. */
export function parseRoleArn(arn: string): { uid: string; roleName: string } | undefined {
  const match = ROLE_ARN_PATTERN.exec(arn);
  return match ? { uid: match[1], roleName: match[2] } : undefined;
}

export interface TemporaryCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken: string;
  /** The account of the role: calls signed with these credentials act in it. */
  uid: string;
  roleArn: string;
  roleSessionName: string;
  expiresAtMs: number;
}

/** The temporary credentials STS issued in this process, by AccessKeyId. */
export class SessionStore {
  private readonly sessions = new Map<string, TemporaryCredentials>();

  issue(role: { arn: string; uid: string }, roleSessionName: string, durationSeconds: number, nowMs: number): TemporaryCredentials {
    const session: TemporaryCredentials = {
      // The "STS." prefix is how Alibaba Cloud's temporary AccessKey IDs look.
      accessKeyId: `STS.${randomBytes(12).toString("hex")}`,
      accessKeySecret: randomBytes(24).toString("base64url"),
      securityToken: `CAIS${randomBytes(48).toString("base64url")}`,
      uid: role.uid,
      roleArn: role.arn,
      roleSessionName,
      expiresAtMs: nowMs + durationSeconds * 1000,
    };
    this.sessions.set(session.accessKeyId, session);
    return session;
  }

  find(accessKeyId: string): TemporaryCredentials | undefined {
    return this.sessions.get(accessKeyId);
  }
}

/** The key a temporary credential signs as: the role's account. */
export function sessionKey(session: TemporaryCredentials): AccountKey {
  return { accessKeyId: session.accessKeyId, accessKeySecret: session.accessKeySecret, uid: session.uid };
}

/**
 * The roles and OIDC providers of a `--sts` file. Every problem of the file is said at once, each
 * naming its place in the file and what to write there, so that one edit fixes them all.
 */
export function loadStsFile(file: string): { roles: EmulatorRole[]; oidcProviders: EmulatorOidcProvider[] } {
  const text = fs.readFileSync(file, "utf8");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not JSON (${(error as Error).message}): write {"roles": [...], "oidcProviders": [...]}, as \`caster-emulator --help\` shows.`);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new Error(`${file} holds ${Array.isArray(parsed) ? "an array" : shown(parsed)}: write an object, {"roles": [...], "oidcProviders": [...]}.`);
  }
  const top = parsed as { roles?: unknown; oidcProviders?: unknown };
  const problems: string[] = [];
  const list = (value: unknown, where: string): Record<string, unknown>[] => {
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      problems.push(`${where} must be a JSON array, got ${shown(value)}.`);
      return [];
    }
    return value.map((entry, index) => {
      if (entry !== null && typeof entry === "object" && !Array.isArray(entry)) return entry as Record<string, unknown>;
      problems.push(`${where}[${index}] must be an object, got ${shown(entry)}.`);
      return {};
    });
  };
  const strings = (value: unknown, where: string): string[] | undefined => {
    if (value === undefined) return undefined;
    if (Array.isArray(value) && value.every((item) => typeof item === "string")) return value as string[];
    problems.push(`${where} must be an array of strings, got ${shown(value)}.`);
    return undefined;
  };
  const { min, max } = ROLE_MAX_SESSION_DURATION_SECONDS;
  const roles = list(top.roles, "roles").map((role, index): EmulatorRole => {
    const where = `roles[${index}]`;
    if (typeof role.arn !== "string" || !parseRoleArn(role.arn)) problems.push(`${where}.arn must be a role ARN, acs:ram::<uid>:role/<name>, got ${shown(role.arn)}.`);
    const longest = role.maxSessionDurationSeconds;
    if (longest !== undefined && (!Number.isInteger(longest) || (longest as number) < min || (longest as number) > max)) {
      problems.push(`${where}.maxSessionDurationSeconds must be a whole number of seconds from ${min} to ${max}, got ${shown(longest)}.`);
    }
    // Its value is not quoted: in a trust policy, the external ID is a shared secret.
    if (role.externalId !== undefined && typeof role.externalId !== "string") problems.push(`${where}.externalId must be text, got a ${typeof role.externalId}.`);
    return {
      arn: role.arn as string,
      trustedAccounts: strings(role.trustedAccounts, `${where}.trustedAccounts`),
      trustedOidcProviders: strings(role.trustedOidcProviders, `${where}.trustedOidcProviders`),
      maxSessionDurationSeconds: longest as number | undefined,
      externalId: role.externalId as string | undefined,
    };
  });
  const oidcProviders = list(top.oidcProviders, "oidcProviders").map((provider, index): EmulatorOidcProvider => {
    const where = `oidcProviders[${index}]`;
    if (typeof provider.arn !== "string" || !/^acs:ram::\d+:oidc-provider\/[\w.-]+$/.test(provider.arn)) {
      problems.push(`${where}.arn must be acs:ram::<uid>:oidc-provider/<name>, got ${shown(provider.arn)}.`);
    }
    if (typeof provider.issuerUrl !== "string" || !provider.issuerUrl.startsWith("https://")) {
      problems.push(`${where}.issuerUrl must be an https:// URL, got ${shown(provider.issuerUrl)}.`);
    }
    const clientIds = strings(provider.clientIds, `${where}.clientIds`);
    if (provider.clientIds === undefined || (clientIds && clientIds.length === 0)) problems.push(`${where}.clientIds must name at least one client ID (the token's aud).`);
    return { arn: provider.arn as string, issuerUrl: provider.issuerUrl as string, clientIds: clientIds ?? [] };
  });
  if (problems.length > 0) throw new Error(`${file}:\n${problems.map((problem) => `  ${problem}`).join("\n")}`);
  return { roles, oidcProviders };
}

/** A value as a problem quotes it: JSON, cut short. */
function shown(value: unknown): string {
  const text = value === undefined ? "nothing" : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
