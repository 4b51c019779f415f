import { MissingCredentialsError } from "./errors";
import { DEFAULT_ENDPOINT, DEFAULT_REGION, resolveSettings } from "./settings";

const config = (values: Record<string, string>) => ({ get: (key: string) => values[key] });

describe("resolveSettings", () => {
  test("stack config comes first, with the keys of @pulumi/alicloud and ours for the endpoint", () => {
    const settings = resolveSettings(
      config({
        "alicloud:accessKey": "config-id",
        "alicloud:secretKey": "config-secret",
        "alicloud:securityToken": "config-token",
        "alicloud:region": "cn-beijing",
        "alicloud-caster:endpoint": "http://127.0.0.1:9999",
      }),
      { ALIBABA_CLOUD_ACCESS_KEY_ID: "env-id", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "env-secret" },
    );
    expect(settings).toMatchObject({
      credentials: { accessKeyId: "config-id", accessKeySecret: "config-secret", securityToken: "config-token" },
      regionId: "cn-beijing",
      endpoint: "http://127.0.0.1:9999",
    });
  });

  test("then ALIBABA_CLOUD_*, then ALICLOUD_*; the public endpoint and region by default", () => {
    expect(resolveSettings(undefined, { ALIBABA_CLOUD_ACCESS_KEY_ID: "a", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "b", ALIBABA_CLOUD_SECURITY_TOKEN: "t" }))
      .toMatchObject({ credentials: { accessKeyId: "a", accessKeySecret: "b", securityToken: "t" }, endpoint: DEFAULT_ENDPOINT, regionId: DEFAULT_REGION });
    expect(resolveSettings(config({}), { ALICLOUD_ACCESS_KEY: "c", ALICLOUD_SECRET_KEY: "d", ALICLOUD_REGION: "cn-hangzhou" }))
      .toMatchObject({ credentials: { accessKeyId: "c", accessKeySecret: "d" }, regionId: "cn-hangzhou" });
  });

  test("a key pair is never taken half from config and half from the environment", () => {
    expect(() => resolveSettings(config({ "alicloud:accessKey": "config-id" }), { ALICLOUD_SECRET_KEY: "env-secret" }))
      .toThrow(MissingCredentialsError);
  });

  test("no credentials: one error that says where they can come from", () => {
    expect(() => resolveSettings(undefined, {})).toThrow(
      /pulumi config set alicloud:accessKey[\s\S]*--secret alicloud:secretKey[\s\S]*ALIBABA_CLOUD_ACCESS_KEY_ID[\s\S]*ALICLOUD_ACCESS_KEY/,
    );
  });
});
