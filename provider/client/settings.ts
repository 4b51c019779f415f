import { MissingCredentialsError } from "./errors";

/** The public Live API endpoint; the emulator's URL replaces it for offline work. */
export const DEFAULT_ENDPOINT = "https://live.aliyuncs.com";
export const DEFAULT_REGION = "cn-shanghai";
/** pop-core's 3 s default is short for a create on a busy studio; retries come on top of it. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** The stack config key of ours: the Live API endpoint, e.g. the emulator's URL. */
export const ENDPOINT_CONFIG_KEY = "alicloud-caster:endpoint";
export const ENDPOINT_ENV = "ALICLOUD_CASTER_ENDPOINT";

export interface Credentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

export interface ClientSettings {
  credentials: Credentials;
  endpoint: string;
  regionId: string;
  timeoutMs: number;
}

/** Reads stack config the way a dynamic provider's configure() receives it. */
export interface ConfigSource {
  get(key: string): string | undefined;
}

type Env = Record<string, string | undefined>;

/**
 * Credentials, region and endpoint: stack config first (the keys users of @pulumi/alicloud already
 * have), then the environment. A key pair always comes from one place, never half from each.
 */
export function resolveSettings(config: ConfigSource | undefined, env: Env = process.env): ClientSettings {
  const fromConfig = (key: string) => nonEmpty(config?.get(key));
  return {
    credentials: resolveCredentials(fromConfig, env),
    endpoint: fromConfig(ENDPOINT_CONFIG_KEY) ?? nonEmpty(env[ENDPOINT_ENV]) ?? DEFAULT_ENDPOINT,
    regionId: fromConfig("alicloud:region") ?? nonEmpty(env.ALIBABA_CLOUD_REGION_ID) ?? nonEmpty(env.ALICLOUD_REGION) ?? DEFAULT_REGION,
    timeoutMs: DEFAULT_TIMEOUT_MS,
  };
}

function resolveCredentials(fromConfig: (key: string) => string | undefined, env: Env): Credentials {
  const sources: [string | undefined, string | undefined, string | undefined][] = [
    [fromConfig("alicloud:accessKey"), fromConfig("alicloud:secretKey"), fromConfig("alicloud:securityToken")],
    [nonEmpty(env.ALIBABA_CLOUD_ACCESS_KEY_ID), nonEmpty(env.ALIBABA_CLOUD_ACCESS_KEY_SECRET), nonEmpty(env.ALIBABA_CLOUD_SECURITY_TOKEN)],
    [nonEmpty(env.ALICLOUD_ACCESS_KEY), nonEmpty(env.ALICLOUD_SECRET_KEY), nonEmpty(env.ALICLOUD_SECURITY_TOKEN)],
  ];
  for (const [accessKeyId, accessKeySecret, securityToken] of sources) {
    if (accessKeyId && accessKeySecret) return { accessKeyId, accessKeySecret, securityToken };
  }
  throw new MissingCredentialsError();
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}
