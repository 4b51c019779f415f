import { ConfigProblemError, MissingCredentialsError } from "./errors";
import { checkConfigKeys, credentialSource, DEFAULT_ENDPOINT, DEFAULT_REGION, resolveSettings } from "./settings";

const config = (values: Record<string, string>) => ({ get: (key: string) => values[key], keys: () => Object.keys(values) });
/** No profile file or CLI config of the developer's, and no ECS metadata lookup. */
const isolated = { HOME: "/nonexistent", ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true" };

/**
 * Settings resolved, and their credentials asked for, in exactly this environment: Alibaba's
 * chain reads process.env itself.
 */
async function credentialsIn(env: Record<string, string>, source?: ReturnType<typeof config>) {
  const saved = process.env;
  process.env = { ...env };
  try {
    return await credentialSource(resolveSettings(source, env).credentials).getCredentials();
  } finally {
    process.env = saved;
  }
}

describe("resolveSettings", () => {
  test("region and endpoint from stack config first, with the keys of @pulumi/alicloud and ours", () => {
    const settings = resolveSettings(
      config({ "alicloud:region": "cn-beijing", "alicloud-caster:endpoint": "http://127.0.0.1:9999" }),
      { ...isolated, ALICLOUD_CASTER_ENDPOINT: "http://127.0.0.1:1", ALICLOUD_REGION: "cn-hangzhou" },
    );
    expect(settings).toMatchObject({ regionId: "cn-beijing", endpoint: "http://127.0.0.1:9999" });
  });

  test("credentials in stack config are never used: a rotated key in the environment is", async () => {
    // The engine stores stack config in the state and configures refresh and destroy from it; a
    // key read from there would be the stale one after a rotation.
    const found = credentialsIn(
      { ...isolated, ALIBABA_CLOUD_ACCESS_KEY_ID: "env-id", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "env-secret" },
      config({ "alicloud:accessKey": "stale-id", "alicloud:secretKey": "stale-secret" }),
    );
    await expect(found).resolves.toMatchObject({ accessKeyId: "env-id", accessKeySecret: "env-secret" });
  });

  test("ALIBABA_CLOUD_* through Alibaba's chain, then ALICLOUD_*; the public endpoint and region by default", async () => {
    expect(resolveSettings(undefined, isolated)).toMatchObject({ endpoint: DEFAULT_ENDPOINT, regionId: DEFAULT_REGION });
    await expect(credentialsIn({ ...isolated, ALIBABA_CLOUD_ACCESS_KEY_ID: "a", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "b", ALIBABA_CLOUD_SECURITY_TOKEN: "t" }))
      .resolves.toEqual({ accessKeyId: "a", accessKeySecret: "b", securityToken: "t" });
    expect(resolveSettings(config({}), { ...isolated, ALICLOUD_REGION: "cn-hangzhou" }).regionId).toBe("cn-hangzhou");
    await expect(credentialsIn({ ...isolated, ALICLOUD_ACCESS_KEY: "c", ALICLOUD_SECRET_KEY: "d" }, config({})))
      .resolves.toMatchObject({ accessKeyId: "c", accessKeySecret: "d" });
  });

  test("a key pair is never taken half from config and half from the environment", async () => {
    await expect(credentialsIn({ ...isolated, ALICLOUD_SECRET_KEY: "env-secret" }, config({ "alicloud:accessKey": "config-id" })))
      .rejects.toThrow(MissingCredentialsError);
  });

  test("no credentials: one error that says where they can come from, and why config is not read", async () => {
    const error: Error = await credentialsIn(isolated, config({ "alicloud:accessKey": "id", "alicloud:secretKey": "s3cr3t-value" }))
      .catch((caught) => caught);
    expect(error).toBeInstanceOf(MissingCredentialsError);
    expect(error.message).toMatch(/ALIBABA_CLOUD_ACCESS_KEY_ID[\s\S]*ALICLOUD_ACCESS_KEY[\s\S]*aliyun configure/);
    expect(error.message).toMatch(/stored copy[\s\S]*pulumi config rm alicloud:secretKey/);
    expect(error.message).not.toContain("s3cr3t-value");
    // A message, not a stack trace: Pulumi's host prints `${error}: ${error.stack}`.
    expect(error.stack).not.toMatch(/\n\s+at /);
    const without = await credentialsIn(isolated).catch((caught) => caught);
    expect(without.message).not.toContain("stored copy");
  });

  test("a misspelled key of our namespace is an error naming it and the known keys, with the fix", () => {
    const attempt = () => resolveSettings(config({ "alicloud-caster:endpont": "http://127.0.0.1:8787", "alicloud-caster:speed": "fast" }), isolated);
    expect(attempt).toThrow(ConfigProblemError);
    expect(attempt).toThrow(/alicloud-caster:endpont is not a setting[\s\S]*known: alicloud-caster:endpoint[\s\S]*did you mean alicloud-caster:endpoint\?/);
    expect(attempt).toThrow(/alicloud-caster:speed is not a setting[\s\S]*pulumi config rm alicloud-caster:speed/);
    // Other namespaces are other packages' business.
    expect(() => resolveSettings(config({ "alicloud:profile": "x", "myproject:endpont": "y" }), isolated)).not.toThrow();
  });
});

describe("alicloud-caster:rateLimitRedisUrl and ALICLOUD_CASTER_RATE_LIMIT_REDIS_URL", () => {
  const KEY = "alicloud-caster:rateLimitRedisUrl";
  const ENV = "ALICLOUD_CASTER_RATE_LIMIT_REDIS_URL";

  test("a Redis URL without a password is taken from stack config; one with a password from the environment", () => {
    expect(resolveSettings(config({ [KEY]: "redis://redis.internal:6379/2" }), isolated).rateLimitRedisUrl).toBe("redis://redis.internal:6379/2");
    expect(resolveSettings(config({ [KEY]: "rediss://redis.internal" }), isolated).rateLimitRedisUrl).toBe("rediss://redis.internal");
    // The environment is read at run time and stored nowhere: a password is fine there.
    expect(resolveSettings(config({}), { ...isolated, [ENV]: "redis://user:s3cr3t-pw@redis.internal:6379" }).rateLimitRedisUrl)
      .toBe("redis://user:s3cr3t-pw@redis.internal:6379");
  });

  test.each([
    ["an empty user name", "redis://:s3cr3t-pw@redis.internal:6379", "redis://:***@redis.internal:6379"],
    ["a user name", "redis://fleet:s3cr3t-pw@redis.internal:6379/0", "redis://fleet:***@redis.internal:6379/0"],
    ["a query parameter", "rediss://redis.internal:6380?password=s3cr3t-pw", "rediss://redis.internal:6380?password=***"],
  ])("a password in stack config (%s) is refused: it would be stored in the state; the error masks it and says to use the environment variable", (_, url, masked) => {
    const error: Error = (() => {
      try {
        resolveSettings(config({ [KEY]: url }), isolated);
      } catch (caught) {
        return caught as Error;
      }
      throw new Error("accepted");
    })();
    expect(error).toBeInstanceOf(ConfigProblemError);
    expect(error.message).toContain(`stack config key ${KEY} is ${masked}, a URL with a password`);
    expect(error.message).toContain("copied into the Pulumi state");
    expect(error.message).toContain(`pulumi config rm ${KEY}`);
    expect(error.message).toContain(`export ${ENV}=`);
    expect(error.message).not.toContain("s3cr3t-pw");
  });

  test("the runtime's configuration check refuses it too, before any call (the same check as resolveSettings)", () => {
    expect(() => checkConfigKeys(config({ [KEY]: "redis://:s3cr3t-pw@redis.internal" }))).toThrow(ConfigProblemError);
  });

  test.each([
    ["a typo in the scheme", "redsi://redis.internal:6379", "a redsi: URL"],
    ["another scheme", "http://redis.internal:6379", "a http: URL"],
    ["no scheme", "redis.internal:6379", "not a URL (no redis:// in front)"],
    ["no host", "redis:///0", "a URL without a host"],
    ["not a URL", "redis://redis.internal:port", "not a URL"],
  ])("a value that is not a Redis URL (%s) is refused before anything is sent, naming the setting, what is allowed and the fix", (_, url, problem) => {
    expect(() => resolveSettings(config({ [KEY]: url }), isolated)).toThrow(ConfigProblemError);
    expect(() => resolveSettings(config({ [KEY]: url }), isolated))
      .toThrow(`stack config key ${KEY} is ${JSON.stringify(url)}, ${problem}: it must be a Redis URL, redis://HOST[:PORT][/DB] or rediss://HOST[:PORT][/DB] (TLS)`);
    expect(() => resolveSettings(config({ [KEY]: url }), isolated)).toThrow(`pulumi config set ${KEY} redis://HOST:PORT`);
    expect(() => resolveSettings(config({}), { ...isolated, [ENV]: url }))
      .toThrow(new RegExp(`environment variable ${ENV} is .*${problem.replace(/[.:/()]/g, "\\$&")}[\\s\\S]*set ${ENV} to such a URL, or unset it`));
  });

  test("a malformed URL's password is masked too", () => {
    expect(() => resolveSettings(config({}), { ...isolated, [ENV]: "redsi://:s3cr3t-pw@redis.internal" }))
      .toThrow(/environment variable ALICLOUD_CASTER_RATE_LIMIT_REDIS_URL is "redsi:\/\/:\*\*\*@redis.internal", a redsi: URL/);
  });
});
