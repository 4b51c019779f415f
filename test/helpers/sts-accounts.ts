/**
 * Two accounts and the RAM side of them, as the STS tests of the emulator, of the credential
 * chain and of the provider use them: a staging account whose key may assume a deploy role of the
 * production account, and a CI role that GitHub's OIDC tokens may assume. The secrets hold
 * "s3cret", so that a test can check that no message, output or state quotes one.
 */
import type { EmulatorOidcProvider, EmulatorRole } from "../../emulator/sts/identity";

export const STAGING = { accessKeyId: "staging-key", accessKeySecret: "staging-s3cret-value", uid: "1111111111111111" };
export const PRODUCTION = { accessKeyId: "production-key", accessKeySecret: "production-s3cret-value", uid: "2222222222222222" };

/** A role of the production account that the staging account's key may assume. */
export const DEPLOY_ROLE = `acs:ram::${PRODUCTION.uid}:role/caster-deployer`;
/** A role of the production account for CI, assumed with an OIDC token of GitHub's. */
export const CI_ROLE = `acs:ram::${PRODUCTION.uid}:role/github-ci`;
export const OIDC_PROVIDER = `acs:ram::${PRODUCTION.uid}:oidc-provider/github`;
export const ISSUER = "https://token.actions.githubusercontent.com";

/** The roles above with their trust policies; `ci` adds to the CI role (e.g. its MaxSessionDuration). */
export function stsRoles(ci: Partial<EmulatorRole> = {}): EmulatorRole[] {
  return [
    { arn: DEPLOY_ROLE, trustedAccounts: [STAGING.uid] },
    { arn: CI_ROLE, trustedOidcProviders: [OIDC_PROVIDER], ...ci },
  ];
}

export const OIDC_PROVIDERS: EmulatorOidcProvider[] = [{ arn: OIDC_PROVIDER, issuerUrl: ISSUER, clientIds: ["sts.aliyuncs.com"] }];

/** A JWT with these claims and a signature the emulator does not check (it fetches no keys). */
export function jwt(claims: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "RS256", typ: "JWT" })}.${part(claims)}.c2lnbmF0dXJl`;
}

/** The shared credentials file's text (ALIBABA_CLOUD_CREDENTIALS_FILE): one `type = access_key` section per profile. */
export function credentialsFileText(profiles: Record<string, { accessKeyId: string; accessKeySecret: string }>): string {
  return Object.entries(profiles)
    .map(([name, key]) => [`[${name}]`, "type = access_key", `access_key_id = ${key.accessKeyId}`, `access_key_secret = ${key.accessKeySecret}`, ""].join("\n"))
    .join("\n");
}
