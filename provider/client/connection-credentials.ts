import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { CredentialsProvider } from "@alicloud/credentials";
import type { Connection } from "../../model/fields/connection";
import { safeMessage, UserFacingError } from "./errors";
import type { Credentials, CredentialSource } from "./settings";

type Env = Record<string, string | undefined>;
type CredentialsLibrary = typeof import("@alicloud/credentials");

/**
 * An STS host the environment gives for the whole stack (`host` or `host:port`), where a
 * resource's connection gives none: Alibaba's library takes one only in code or in a CLI profile
 * (`sts_endpoint`), and from the environment only as a region (ALIBABA_CLOUD_STS_REGION, which
 * means `sts.<region>.aliyuncs.com`). A private STS endpoint, or the emulator's, needs this.
 */
export const STS_ENDPOINT_ENV = "ALICLOUD_CASTER_STS_ENDPOINT";

/** A credentials source could not give credentials: which one, and why, without any secret. */
export class CredentialSourceError extends UserFacingError {}

/**
 * The credentials a connection names, each from Alibaba's own library (@alicloud/credentials):
 * - `profile`: that profile of the Alibaba Cloud CLI's ~/.aliyun/config.json (any of its modes:
 *   AK, StsToken, RamRoleArn, OIDC, ...) or, when the CLI has none of that name, of the credentials
 *   file (ALIBABA_CLOUD_CREDENTIALS_FILE, else ~/.alibabacloud/credentials), the order of
 *   Alibaba's default chain;
 * - otherwise the stack's credentials (`fromEnvironment`: the environment and the default chain),
 *   except that OIDC variables with an STS endpoint are sent to that endpoint;
 * - then, with `assumeRole`, that role assumed with those credentials (STS AssumeRole, renewed
 *   by the library before it expires).
 */
export function connectionCredentials(connection: Connection | undefined, env: Env, fromEnvironment: () => CredentialSource): CredentialSource {
  const stsEndpoint = connection?.stsEndpoint ?? nonEmpty(env[STS_ENDPOINT_ENV]);
  let base: () => CredentialSource = fromEnvironment;
  if (connection?.profile) {
    const profile = connection.profile;
    base = () => fromProvider(() => profileProvider(profile, env), `profile "${profile}"`);
  } else if (stsEndpoint && oidcFromEnvironment(env)) {
    base = () => fromProvider(() => oidcProvider(env, stsEndpoint), `OIDC (ALIBABA_CLOUD_ROLE_ARN ${env.ALIBABA_CLOUD_ROLE_ARN}, STS ${stsEndpoint})`);
  }
  if (!connection?.assumeRole) return base();
  const role = connection.assumeRole;
  return fromProvider(() => {
    const library = credentialsLibrary();
    let builder = library.RAMRoleARNCredentialsProvider.builder()
      .withCredentialsProvider(asLibraryProvider(base()))
      .withRoleArn(role.roleArn)
      // The session name shows in the role account's ActionTrail: say who made the calls.
      .withRoleSessionName(role.sessionName ?? "pulumi-alicloud-caster");
    if (role.externalId) builder = builder.withExternalId(role.externalId);
    if (role.sessionExpiration) builder = builder.withDurationSeconds(role.sessionExpiration);
    if (stsEndpoint) builder = builder.withStsEndpoint(stsEndpoint);
    return builder.build();
  }, `assumeRole ${role.roleArn}${stsEndpoint ? ` (STS ${stsEndpoint})` : ""}`);
}

/** Whether the environment names an OIDC role, as Alibaba's chain reads it. */
function oidcFromEnvironment(env: Env): boolean {
  // The chain takes an access key from the environment before OIDC: so does this.
  if (nonEmpty(env.ALIBABA_CLOUD_ACCESS_KEY_ID)) return false;
  return Boolean(nonEmpty(env.ALIBABA_CLOUD_ROLE_ARN) && nonEmpty(env.ALIBABA_CLOUD_OIDC_PROVIDER_ARN) && nonEmpty(env.ALIBABA_CLOUD_OIDC_TOKEN_FILE));
}

function oidcProvider(env: Env, stsEndpoint: string): CredentialsProvider {
  return credentialsLibrary().OIDCRoleArnCredentialsProvider.builder()
    .withRoleArn(env.ALIBABA_CLOUD_ROLE_ARN as string)
    .withOIDCProviderArn(env.ALIBABA_CLOUD_OIDC_PROVIDER_ARN as string)
    .withOIDCTokenFilePath(env.ALIBABA_CLOUD_OIDC_TOKEN_FILE as string)
    .withRoleSessionName(nonEmpty(env.ALIBABA_CLOUD_ROLE_SESSION_NAME) ?? "pulumi-alicloud-caster")
    .withStsEndpoint(stsEndpoint)
    .build();
}

/**
 * The named profile's provider: the CLI's profile of that name if its config has one, else the
 * credentials file's. An error names both files and the profiles each has (names only).
 */
async function profileProvider(name: string, env: Env): Promise<CredentialsProvider> {
  const library = credentialsLibrary();
  const home = nonEmpty(env.HOME) ?? os.homedir();
  const cliFile = path.join(home, ".aliyun", "config.json");
  const credentialsFile = nonEmpty(env.ALIBABA_CLOUD_CREDENTIALS_FILE) ?? path.join(home, ".alibabacloud", "credentials");
  const cliProfiles = cliProfileNames(cliFile);
  const cliDisabled = env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED?.toLowerCase() === "true";
  if (!cliDisabled && cliProfiles?.includes(name)) return library.CLIProfileCredentialsProvider.builder().withProfileName(name).build();
  const fileProfiles = iniSectionNames(credentialsFile);
  if (fileProfiles?.includes(name)) return library.ProfileCredentialsProvider.builder().withProfileName(name).build();
  const listed = (file: string, names: string[] | undefined) => (names === undefined ? `${file} (not found or not readable)` : `${file} (profiles: ${names.join(", ") || "none"})`);
  throw new CredentialSourceError(
    `connection.profile "${name}" is in neither ${listed(cliFile, cliDisabled ? undefined : cliProfiles)} nor ${listed(credentialsFile, fileProfiles)}: ` +
      `create it with \`aliyun configure --profile ${name}\`, or add a [${name}] section to the credentials file (ALIBABA_CLOUD_CREDENTIALS_FILE names another file), or correct connection.profile.`,
  );
}

/** The profile names of the CLI's config; undefined when it cannot be read. Nothing else is taken from it. */
function cliProfileNames(file: string): string[] | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as { profiles?: { name?: unknown }[] };
    return (parsed.profiles ?? []).map((profile) => String(profile.name));
  } catch {
    return undefined;
  }
}

/** The section names of an INI file; undefined when it cannot be read. */
function iniSectionNames(file: string): string[] | undefined {
  try {
    return [...fs.readFileSync(file, "utf8").matchAll(/^\s*\[([^\]\r\n]+)\]\s*$/gm)].map((match) => match[1].trim());
  } catch {
    return undefined;
  }
}

/**
 * A library provider as our credential source, made on first use (a profile file is read then, not
 * when the program starts). A failure is said with what was asked for; the library's own message
 * is masked (it may quote the STS server's string to sign) and made again next time.
 */
function fromProvider(make: () => CredentialsProvider | Promise<CredentialsProvider>, what: string): CredentialSource {
  let provider: Promise<CredentialsProvider> | undefined;
  return {
    async getCredentials(): Promise<Credentials> {
      try {
        provider ??= Promise.resolve().then(make);
        const found = await (await provider).getCredentials();
        return { accessKeyId: found.accessKeyId, accessKeySecret: found.accessKeySecret, securityToken: found.securityToken || undefined };
      } catch (error) {
        provider = undefined;
        if (error instanceof UserFacingError) throw error;
        const message = error instanceof Error ? error.message : String(error);
        throw new CredentialSourceError(`The credentials of ${what} could not be had: ${safeMessage(message).slice(0, 600)}`);
      }
    },
  };
}

/**
 * Our credential source as the provider the library's AssumeRole asks for the caller's
 * credentials: the shape of its Credentials model, of which the request reads these four.
 */
function asLibraryProvider(source: CredentialSource): CredentialsProvider {
  return {
    async getCredentials() {
      const found = await source.getCredentials();
      return { accessKeyId: found.accessKeyId, accessKeySecret: found.accessKeySecret, securityToken: found.securityToken ?? "", providerName: "pulumi-alicloud-caster" };
    },
    getProviderName: () => "pulumi-alicloud-caster",
  } as unknown as CredentialsProvider;
}

/** Loaded on first use: programs import the settings module for its constants only. */
function credentialsLibrary(): CredentialsLibrary {
  return require("@alicloud/credentials") as CredentialsLibrary;
}

/** A variable's or setting's value, where an empty one counts as not set (`export X=` unsets it for the library too). */
export function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}
