import type { DefaultCredentialsProvider } from "@alicloud/credentials";
import { distance } from "fastest-levenshtein";
import { ConfigProblemError, MissingCredentialsError } from "./errors";

/** The public Live API endpoint; the emulator's URL replaces it for offline work. */
export const DEFAULT_ENDPOINT = "https://live.aliyuncs.com";
export const DEFAULT_REGION = "cn-shanghai";
/** pop-core's 3 s default is short for a create on a busy studio; retries come on top of it. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** The namespace of this package's stack config keys. */
export const CONFIG_NAMESPACE = "alicloud-caster";
/** The stack config key of ours: the Live API endpoint, e.g. the emulator's URL. */
export const ENDPOINT_CONFIG_KEY = `${CONFIG_NAMESPACE}:endpoint`;
export const ENDPOINT_ENV = "ALICLOUD_CASTER_ENDPOINT";
/** Every key of our namespace; anything else there is a typo that would silently do nothing. */
export const KNOWN_CONFIG_KEYS: readonly string[] = [ENDPOINT_CONFIG_KEY];

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
}

/** Reads stack config the way a dynamic provider's configure() receives it. */
export interface ConfigSource {
  get(key: string): string | undefined;
  /** Every key that is set, when the source can list them (Pulumi's dynamic-provider config can). */
  keys?(): string[];
}

type Env = Record<string, string | undefined>;

/**
 * Region and endpoint from stack config first, then the environment; credentials only from the
 * environment at run time, through Alibaba Cloud's default credential chain, never from stack
 * config (see IGNORED_CREDENTIAL_CONFIG_KEYS). Throws ConfigProblemError for a key of our
 * namespace that does not exist.
 */
export function resolveSettings(config: ConfigSource | undefined, env: Env = process.env): ClientSettings {
  checkConfigKeys(config);
  const fromConfig = (key: string) => nonEmpty(config?.get(key));
  return {
    credentials: credentialsFromEnvironment(env, Boolean(config && IGNORED_CREDENTIAL_CONFIG_KEYS.some((key) => fromConfig(key)))),
    endpoint: fromConfig(ENDPOINT_CONFIG_KEY) ?? nonEmpty(env[ENDPOINT_ENV]) ?? DEFAULT_ENDPOINT,
    regionId: fromConfig("alicloud:region") ?? nonEmpty(env.ALIBABA_CLOUD_REGION_ID) ?? nonEmpty(env.ALICLOUD_REGION) ?? DEFAULT_REGION,
    timeoutMs: DEFAULT_TIMEOUT_MS,
  };
}

/** A misspelled key of ours (`alicloud-caster:endpont`) is an error, not a silent fall-back to the public endpoint. */
export function checkConfigKeys(config: ConfigSource | undefined): void {
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

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}
