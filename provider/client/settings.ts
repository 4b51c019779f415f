import type { DefaultCredentialsProvider } from "@alicloud/credentials";
import { distance } from "fastest-levenshtein";
import { hasSignature, redactSignatures } from "../../common/redact";
import type { Connection } from "../../model/fields/connection";
import { connectionCredentials, nonEmpty, STS_ENDPOINT_ENV } from "./connection-credentials";
import { ConfigProblemError, MissingCredentialsError } from "./errors";

/** The public Live API endpoint; the emulator's URL replaces it for offline work. */
export const DEFAULT_ENDPOINT = "https://live.aliyuncs.com";
export const DEFAULT_REGION = "cn-shanghai";

/**
 * Where an HTTPS-only operation (model/live-api.ts, `httpsOnly`) goes: the endpoint's host and port
 * over https, as the official SDKs send such an operation to the configured host with the
 * operation's protocol. An https endpoint is itself; `http://live.aliyuncs.com` becomes
 * `https://live.aliyuncs.com`; the emulator, given a certificate, speaks https on its http port.
 */
export function httpsEndpoint(endpoint: string): string {
  return endpoint.replace(/^http:\/\//i, "https://");
}
/** pop-core's 3 s default is short for a create on a busy studio; retries come on top of it. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** The namespace of this package's stack config keys. */
export const CONFIG_NAMESPACE = "alicloud-caster";
/** The stack config key of ours: the Live API endpoint, e.g. the emulator's URL. */
export const ENDPOINT_CONFIG_KEY = `${CONFIG_NAMESPACE}:endpoint`;
export const ENDPOINT_ENV = "ALICLOUD_CASTER_ENDPOINT";
/**
 * Opt-in: a Redis URL through which every process and machine that signs with one access key ID
 * shares that key's QPS budget (provider/client/shared-rate-limiter.ts); without it each process
 * limits only itself. A URL with a password is refused in stack config and belongs in the
 * environment variable: stack config is copied into the state (see IGNORED_CREDENTIAL_CONFIG_KEYS).
 */
export const RATE_LIMIT_REDIS_URL_CONFIG_KEY = `${CONFIG_NAMESPACE}:rateLimitRedisUrl`;
export const RATE_LIMIT_REDIS_URL_ENV = "ALICLOUD_CASTER_RATE_LIMIT_REDIS_URL";
/** Every key of our namespace; anything else there is a typo that would silently do nothing. */
export const KNOWN_CONFIG_KEYS: readonly string[] = [ENDPOINT_CONFIG_KEY, RATE_LIMIT_REDIS_URL_CONFIG_KEY];

/**
 * Credential keys that @pulumi/alicloud reads from stack config and this package deliberately
 * does not: the engine keeps a copy of the whole stack config in the state (as the dynamic
 * provider's inputs), and `pulumi refresh` and `pulumi destroy` configure the provider from that
 * stored copy, so a rotated or corrected key in config would go unused until the next `up`.
 */
export const IGNORED_CREDENTIAL_CONFIG_KEYS: readonly string[] = ["alicloud:accessKey", "alicloud:secretKey", "alicloud:securityToken"];

export interface Credentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

/** Where a request's credentials come from; asked before every request, so that STS tokens renew. */
export interface CredentialSource {
  getCredentials(): Promise<Credentials>;
}

export interface ClientSettings {
  /** Fixed credentials (tests, tools), or a source asked at run time (the provider). */
  credentials: Credentials | CredentialSource;
  endpoint: string;
  regionId: string;
  timeoutMs: number;
  /** The Redis through which processes acting in one account share its QPS budget; absent: this process's own limiter. */
  rateLimitRedisUrl?: string;
  /** Where STS is asked (a connection's stsEndpoint, or ALICLOUD_CASTER_STS_ENDPOINT); absent: see caller-account.ts. */
  stsEndpoint?: string;
}

/** Reads stack config the way a dynamic provider's configure() receives it. */
export interface ConfigSource {
  get(key: string): string | undefined;
  /** Every key that is set, when the source can list them (Pulumi's dynamic-provider config can). */
  keys?(): string[];
}

type Env = Record<string, string | undefined>;

/**
 * Region and endpoint from a resource's connection first, then stack config, then the
 * environment; credentials only at run time, from what the connection names (a profile, a role:
 * connection-credentials.ts) or else the environment, through Alibaba Cloud's default credential
 * chain, never from stack config (see IGNORED_CREDENTIAL_CONFIG_KEYS). Throws ConfigProblemError
 * for a key of our namespace that does not exist.
 */
export function resolveSettings(config: ConfigSource | undefined, env: Env = process.env, connection?: Connection): ClientSettings {
  checkConfigKeys(config);
  const fromConfig = (key: string) => nonEmpty(config?.get(key));
  const configHasCredentials = Boolean(config && IGNORED_CREDENTIAL_CONFIG_KEYS.some((key) => fromConfig(key)));
  const redisFromEnv = nonEmpty(env[RATE_LIMIT_REDIS_URL_ENV]);
  // Config's value was checked with the keys; the variable's form is checked here, before any call.
  if (!fromConfig(RATE_LIMIT_REDIS_URL_CONFIG_KEY) && redisFromEnv) checkRedisUrlForm(redisFromEnv, RATE_LIMIT_REDIS_URL_ENV);
  return {
    credentials: connectionCredentials(connection, env, () => credentialsFromEnvironment(env, configHasCredentials)),
    endpoint: connection?.endpoint ?? fromConfig(ENDPOINT_CONFIG_KEY) ?? nonEmpty(env[ENDPOINT_ENV]) ?? DEFAULT_ENDPOINT,
    regionId: connection?.region ?? fromConfig("alicloud:region") ?? nonEmpty(env.ALIBABA_CLOUD_REGION_ID) ?? nonEmpty(env.ALICLOUD_REGION) ?? DEFAULT_REGION,
    timeoutMs: DEFAULT_TIMEOUT_MS,
    rateLimitRedisUrl: fromConfig(RATE_LIMIT_REDIS_URL_CONFIG_KEY) ?? redisFromEnv,
    stsEndpoint: connection?.stsEndpoint ?? nonEmpty(env[STS_ENDPOINT_ENV]),
  };
}

/**
 * A misspelled key of ours (`alicloud-caster:endpont`) is an error, not a silent fall-back to the
 * public endpoint; so is a rateLimitRedisUrl that is not a Redis URL or that holds a password
 * (checkRateLimitRedisConfig).
 */
export function checkConfigKeys(config: ConfigSource | undefined): void {
  checkRateLimitRedisConfig(nonEmpty(config?.get(RATE_LIMIT_REDIS_URL_CONFIG_KEY)));
  const unknown = (config?.keys?.() ?? []).filter((key) => key.startsWith(`${CONFIG_NAMESPACE}:`) && !KNOWN_CONFIG_KEYS.includes(key));
  if (unknown.length === 0) return;
  // Two edits or fewer is a typo, not another word.
  const likely = (key: string) => KNOWN_CONFIG_KEYS.find((known) => distance(known, key) <= 2);
  throw new ConfigProblemError(
    unknown
      .map((key) => {
        const suggestion = likely(key);
        return `stack config key ${key} is not a setting of pulumi-alicloud-caster (known: ${KNOWN_CONFIG_KEYS.join(", ")}); ` +
          (suggestion
            ? `did you mean ${suggestion}? Run \`pulumi config rm ${key}\` and \`pulumi config set ${suggestion} <value>\`.`
            : `remove it with \`pulumi config rm ${key}\`.`);
      })
      .join("\n"),
  );
}

/**
 * The Redis URL of stack config: a Redis URL, and without a password, since the engine copies the
 * whole stack config into the state (the provider's inputs) and every `pulumi stack export` would
 * show it. The environment variable is read at run time and stored nowhere, so it may carry one.
 */
export function checkRateLimitRedisConfig(url: string | undefined): void {
  if (url === undefined) return;
  checkRedisUrlForm(url, RATE_LIMIT_REDIS_URL_CONFIG_KEY);
  if (!hasSignature(url) && !redisUrlPassword(url)) return;
  throw new ConfigProblemError(
    `stack config key ${RATE_LIMIT_REDIS_URL_CONFIG_KEY} is ${redactSignatures(url)}, a URL with a password: stack config is ` +
      `copied into the Pulumi state, so the password would be stored there. Put the URL in the environment variable ` +
      `${RATE_LIMIT_REDIS_URL_ENV} instead, which is read at run time and stored nowhere: ` +
      `\`pulumi config rm ${RATE_LIMIT_REDIS_URL_CONFIG_KEY}\` and \`export ${RATE_LIMIT_REDIS_URL_ENV}='<the URL>'\` where pulumi runs ` +
      `(or keep a URL without a password in stack config).`,
  );
}

/** The password a Redis URL gives ioredis: in its userinfo (`redis://:pw@`, `redis://user:pw@`) or as `?password=`. */
function redisUrlPassword(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.password || parsed.searchParams.get("password") || undefined;
  } catch {
    return undefined;
  }
}

/**
 * A Redis URL as ioredis reads it, `redis://` or `rediss://` (TLS) with a host, checked before
 * anything is sent: a typo would otherwise show only as a failed connection after its timeout, or
 * (ioredis reads a bare `host:port` or a path too) connect somewhere not meant.
 */
function checkRedisUrlForm(url: string, setting: string): void {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  const problem = !/^[a-z][a-z0-9+.-]*:\/\//i.test(url)
    ? "not a URL (no redis:// in front)"
    : !parsed
      ? "not a URL"
      : parsed.protocol !== "redis:" && parsed.protocol !== "rediss:"
        ? `a ${parsed.protocol.replace(/:$/, "")}: URL`
        : !parsed.hostname
          ? "a URL without a host"
          : undefined;
  if (!problem) return;
  const where = setting === RATE_LIMIT_REDIS_URL_ENV ? `environment variable ${setting}` : `stack config key ${setting}`;
  const fix = setting === RATE_LIMIT_REDIS_URL_ENV
    ? `set ${setting} to such a URL, or unset it to have each process limit only itself`
    : `\`pulumi config set ${setting} redis://HOST:PORT\`, or \`pulumi config rm ${setting}\` to have each process limit only itself`;
  throw new ConfigProblemError(
    `${where} is ${JSON.stringify(redactSignatures(url))}, ${problem}: it must be a Redis URL, redis://HOST[:PORT][/DB] ` +
      `or rediss://HOST[:PORT][/DB] (TLS), such as redis://127.0.0.1:6379. Correct it: ${fix}.`,
  );
}

/**
 * Terraform's and @pulumi/alicloud's ALICLOUD_ACCESS_KEY / ALICLOUD_SECRET_KEY pair when
 * ALIBABA_CLOUD_ACCESS_KEY_ID is not set (the official chain does not read that pair), else
 * Alibaba Cloud's default chain: ALIBABA_CLOUD_* variables,
 * OIDC (ALIBABA_CLOUD_ROLE_ARN with ALIBABA_CLOUD_OIDC_*), the Alibaba Cloud CLI's profile, the
 * credentials file, an ECS RAM role, a credentials URI. A key pair always comes from one place.
 */
function credentialsFromEnvironment(env: Env, configHasCredentials: boolean): CredentialSource {
  const accessKeyId = nonEmpty(env.ALICLOUD_ACCESS_KEY);
  const accessKeySecret = nonEmpty(env.ALICLOUD_SECRET_KEY);
  if (accessKeyId && accessKeySecret && !nonEmpty(env.ALIBABA_CLOUD_ACCESS_KEY_ID)) {
    const fixed = { accessKeyId, accessKeySecret, securityToken: nonEmpty(env.ALICLOUD_SECURITY_TOKEN) };
    return { getCredentials: async () => fixed };
  }
  let chain: DefaultCredentialsProvider | undefined;
  return {
    async getCredentials() {
      try {
        // Built on first use: the chain reads the environment and profile files when it is made.
        // Loaded here, not at the top: programs import this module for its constants only.
        chain ??= (require("@alicloud/credentials") as typeof import("@alicloud/credentials")).DefaultCredentialsProvider.builder().build();
        const found = await chain.getCredentials();
        return { accessKeyId: found.accessKeyId, accessKeySecret: found.accessKeySecret, securityToken: found.securityToken || undefined };
      } catch (error) {
        chain = undefined;
        throw new MissingCredentialsError(configHasCredentials, error instanceof Error ? error.message : String(error));
      }
    },
  };
}

/** Fixed credentials as a source; a source as itself. */
export function credentialSource(credentials: Credentials | CredentialSource): CredentialSource {
  if ("getCredentials" in credentials) return credentials;
  return { getCredentials: async () => credentials };
}
