import RPCClient from "@alicloud/pop-core";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { API_VERSION } from "../model/live-api";
import { RunningEmulator, startEmulator } from "./server";
import { CI_ROLE, DEPLOY_ROLE, ISSUER, jwt, OIDC_PROVIDER, OIDC_PROVIDERS, PRODUCTION, STAGING, stsRoles } from "../test/helpers/sts-accounts";
import { loadStsFile } from "./sts/identity";
import { STS_VERSION } from "./sts/operations";


interface Reply {
  status: number;
  body: Record<string, any>;
}

/** pop-core as a user of STS or the Live API uses it, answering the status and body instead of throwing. */
function client(endpoint: string, apiVersion: string, key: { accessKeyId: string; accessKeySecret: string; securityToken?: string }) {
  const rpc = new RPCClient({ endpoint, apiVersion, ...key });
  return async (action: string, params: Record<string, unknown> = {}): Promise<Reply> => {
    try {
      return { status: 200, body: (await rpc.request(action, params, { method: "POST" })) as Record<string, any> };
    } catch (error) {
      const failure = error as { data?: Record<string, any>; entry?: { response?: { statusCode?: number } } };
      if (!failure.data) throw error;
      return { status: failure.entry?.response?.statusCode ?? 0, body: failure.data };
    }
  };
}

/** An anonymous form POST, as @alicloud/credentials sends AssumeRoleWithOIDC. */
async function anonymous(endpoint: string, params: Record<string, string>): Promise<Reply> {
  const response = await fetch(endpoint, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ Version: STS_VERSION, Format: "JSON", Timestamp: new Date(now).toISOString().replace(/\.\d{3}Z$/, "Z"), ...params }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

/** The emulator's clock runs ahead of the real one by this much (pop-core stamps requests with the real one). */
let aheadMs = 0;
let now = Date.now();
let emulator: RunningEmulator;

beforeEach(async () => {
  aheadMs = 0;
  now = Date.now();
  emulator = await startEmulator({
    accounts: [STAGING, PRODUCTION],
    clock: () => Date.now() + aheadMs,
    roles: stsRoles({ maxSessionDurationSeconds: 7200 }),
    oidcProviders: OIDC_PROVIDERS,
  });
});
afterEach(() => emulator.close());

describe("STS AssumeRole", () => {
  test("a trusted key gets temporary credentials that act in the role's account, and only with their token", async () => {
    const sts = client(emulator.url, STS_VERSION, STAGING);
    const reply = await sts("AssumeRole", { RoleArn: DEPLOY_ROLE, RoleSessionName: "pulumi-up", DurationSeconds: 900 });
    expect(reply.status).toBe(200);
    const credentials = reply.body.Credentials;
    expect(credentials.AccessKeyId).toMatch(/^STS\./);
    const expiresMs = Date.parse(credentials.Expiration);
    expect(expiresMs).toBeGreaterThanOrEqual(Math.floor(now / 1000) * 1000 + 900_000);
    expect(expiresMs).toBeLessThan(Date.now() + 900_000);
    expect(reply.body.AssumedRoleUser.Arn).toBe(`${DEPLOY_ROLE}/pulumi-up`);

    const asRole = client(emulator.url, API_VERSION, {
      accessKeyId: credentials.AccessKeyId, accessKeySecret: credentials.AccessKeySecret, securityToken: credentials.SecurityToken,
    });
    const created = await asRole("CreateCaster", { ClientToken: "t-1", NormType: 1, ChargeType: "PostPaid", CasterName: "Production" });
    expect(created.status).toBe(200);
    // The studio is the production account's, not the staging caller's.
    expect(Object.keys(emulator.state().accounts[PRODUCTION.uid]?.casters ?? {})).toEqual([created.body.CasterId]);
    expect(emulator.state().accounts[STAGING.uid]).toBeUndefined();

    const withoutToken = client(emulator.url, API_VERSION, { accessKeyId: credentials.AccessKeyId, accessKeySecret: credentials.AccessKeySecret });
    expect((await withoutToken("DescribeCasters")).body.Code).toBe("MissingSecurityToken");
    const otherToken = client(emulator.url, API_VERSION, { accessKeyId: credentials.AccessKeyId, accessKeySecret: credentials.AccessKeySecret, securityToken: "CAISforged" });
    expect((await otherToken("DescribeCasters")).body.Code).toBe("InvalidSecurityToken.MismatchWithAccessKey");
    const wrongSecret = client(emulator.url, API_VERSION, { accessKeyId: credentials.AccessKeyId, accessKeySecret: "guess", securityToken: credentials.SecurityToken });
    expect((await wrongSecret("DescribeCasters")).body.Code).toBe("SignatureDoesNotMatch");

    // Once the 900 s are over the credentials are refused: the token's expiry is checked before the
    // request's time, so the clock moved ahead shows that, not a stale Timestamp.
    aheadMs = 900_000;
    expect((await asRole("DescribeCasters")).body.Code).toBe("InvalidSecurityToken.Expired");
  });

  test("the call is signed and checked as any RPC call: a wrong secret is SignatureDoesNotMatch", async () => {
    const forged = client(emulator.url, STS_VERSION, { accessKeyId: STAGING.accessKeyId, accessKeySecret: "not-the-secret" });
    const reply = await forged("AssumeRole", { RoleArn: DEPLOY_ROLE, RoleSessionName: "pulumi-up" });
    expect(reply).toMatchObject({ status: 400, body: { Code: "SignatureDoesNotMatch" } });
    const unknownKey = client(emulator.url, STS_VERSION, { accessKeyId: "nobody", accessKeySecret: "x" });
    expect((await unknownKey("AssumeRole", { RoleArn: DEPLOY_ROLE, RoleSessionName: "pulumi-up" })).body.Code).toBe("InvalidAccessKeyId.NotFound");
  });

  test.each([
    ["an account the role does not trust", PRODUCTION, { RoleArn: DEPLOY_ROLE, RoleSessionName: "s-1" }, 403, "NoPermission"],
    ["a role that does not exist", STAGING, { RoleArn: "acs:ram::2222222222222222:role/nope", RoleSessionName: "s-1" }, 404, "EntityNotExist.Role"],
    ["a malformed role ARN", STAGING, { RoleArn: "caster-deployer", RoleSessionName: "s-1" }, 400, "InvalidParameter.RoleArn"],
    ["no session name", STAGING, { RoleArn: DEPLOY_ROLE }, 400, "MissingRoleSessionName"],
    ["a one-character session name", STAGING, { RoleArn: DEPLOY_ROLE, RoleSessionName: "a" }, 400, "InvalidParameter.RoleSessionName"],
    ["a duration under 900 s", STAGING, { RoleArn: DEPLOY_ROLE, RoleSessionName: "s-1", DurationSeconds: 600 }, 400, "InvalidParameter.DurationSeconds"],
    ["a duration over the role's maximum", STAGING, { RoleArn: DEPLOY_ROLE, RoleSessionName: "s-1", DurationSeconds: 3601 }, 400, "InvalidParameter.DurationSeconds"],
  ])("refuses %s", async (_name, key, params, status, code) => {
    const reply = await client(emulator.url, STS_VERSION, key)("AssumeRole", params);
    expect(reply).toMatchObject({ status, body: { Code: code } });
  });

  test("the Live API's actions are not STS's: AssumeRole with the Live API's version is InvalidVersion", async () => {
    const reply = await client(emulator.url, API_VERSION, STAGING)("AssumeRole", { RoleArn: DEPLOY_ROLE, RoleSessionName: "s-1" });
    expect(reply.body.Code).toBe("InvalidVersion");
    const live = await client(emulator.url, STS_VERSION, STAGING)("DescribeCasters");
    expect(live.body.Code).toBe("InvalidAction.NotFound");
  });
});

describe("STS GetCallerIdentity", () => {
  test("names the account a key acts in: its own for an account key, the role's for temporary credentials", async () => {
    const own = await client(emulator.url, STS_VERSION, STAGING)("GetCallerIdentity");
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ AccountId: STAGING.uid, IdentityType: "Account", Arn: `acs:ram::${STAGING.uid}:root` });
    const assumed = (await client(emulator.url, STS_VERSION, STAGING)("AssumeRole", { RoleArn: DEPLOY_ROLE, RoleSessionName: "pulumi-up" })).body.Credentials;
    const asRole = await client(emulator.url, STS_VERSION, {
      accessKeyId: assumed.AccessKeyId, accessKeySecret: assumed.AccessKeySecret, securityToken: assumed.SecurityToken,
    })("GetCallerIdentity");
    expect(asRole.body).toMatchObject({ AccountId: PRODUCTION.uid, IdentityType: "AssumedRoleUser", Arn: expect.stringMatching(/^acs:ram::\d+:assumed-role\/.+\/pulumi-up$/) });
    // Signed like any call: a wrong secret is refused.
    const forged = await client(emulator.url, STS_VERSION, { ...STAGING, accessKeySecret: "not-the-secret" })("GetCallerIdentity");
    expect(forged.body.Code).toBe("SignatureDoesNotMatch");
  });
});

describe("STS AssumeRoleWithOIDC", () => {
  const token = (claims: Record<string, unknown> = {}) =>
    jwt({ iss: ISSUER, aud: "sts.aliyuncs.com", sub: "repo:team/studios:ref:refs/heads/main", iat: Math.floor(now / 1000), exp: Math.floor(now / 1000) + 300, ...claims });

  test("a token of the registered issuer and audience gets credentials for the role's account; the token is never recorded", async () => {
    const oidcToken = token();
    const reply = await anonymous(emulator.url, { Action: "AssumeRoleWithOIDC", OIDCProviderArn: OIDC_PROVIDER, RoleArn: CI_ROLE, OIDCToken: oidcToken, RoleSessionName: "github-run-1" });
    expect(reply.status).toBe(200);
    expect(reply.body.OIDCTokenInfo).toMatchObject({ Issuer: ISSUER, Subject: "repo:team/studios:ref:refs/heads/main", ClientIds: "sts.aliyuncs.com" });
    const credentials = reply.body.Credentials;
    const asRole = client(emulator.url, API_VERSION, { accessKeyId: credentials.AccessKeyId, accessKeySecret: credentials.AccessKeySecret, securityToken: credentials.SecurityToken });
    expect((await asRole("DescribeCasters")).status).toBe(200);
    const record = emulator.calls().find((call) => call.action === "AssumeRoleWithOIDC");
    expect(record?.uid).toBe(PRODUCTION.uid);
    expect(record?.params.OIDCToken).toBe("***");
    expect(JSON.stringify(emulator.calls())).not.toContain(oidcToken.split(".")[1]);
  });

  test.each([
    ["an expired token", () => ({ OIDCToken: token({ exp: Math.floor(now / 1000) - 1 }) }), "AuthenticationFail.OIDCToken.Expired"],
    ["another audience", () => ({ OIDCToken: token({ aud: "someone-else" }) }), "AuthenticationFail.OIDCToken.AudienceNotMatch"],
    ["another issuer", () => ({ OIDCToken: token({ iss: "https://evil.example.com" }) }), "AuthenticationFail.OIDCToken.Invalid"],
    ["a token that is not a JWT", () => ({ OIDCToken: "not-a-jwt" }), "AuthenticationFail.OIDCToken.Invalid"],
    ["a provider that is not registered", () => ({ OIDCToken: token(), OIDCProviderArn: "acs:ram::2222222222222222:oidc-provider/gitlab" }), "AuthenticationFail.NoPermission"],
    ["a role that does not trust the provider", () => ({ OIDCToken: token(), RoleArn: DEPLOY_ROLE }), "AuthenticationFail.NoPermission"],
  ])("refuses %s", async (_name, params, code) => {
    const reply = await anonymous(emulator.url, { Action: "AssumeRoleWithOIDC", OIDCProviderArn: OIDC_PROVIDER, RoleArn: CI_ROLE, RoleSessionName: "run", ...params() });
    expect(reply.body.Code).toBe(code);
    expect(reply.status).toBe(401);
  });
});

describe("the --sts file", () => {
  let directory: string;
  beforeAll(() => (directory = fs.mkdtempSync(path.join(os.tmpdir(), "caster-sts-file-"))));
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const file = path.join(directory, name);
    fs.writeFileSync(file, text);
    return file;
  };

  test("every problem of the file at once, each naming its place and what was there; an external ID is not quoted", () => {
    const file = write("many.json", JSON.stringify({
      roles: [
        { arn: "caster-deployer", maxSessionDurationSeconds: 600 },
        { arn: DEPLOY_ROLE, trustedAccounts: "1111111111111111", externalId: 1234 },
      ],
      oidcProviders: [{ arn: OIDC_PROVIDER, issuerUrl: "http://issuer.example.com", clientIds: [] }],
    }));
    const error = (() => {
      try {
        loadStsFile(file);
      } catch (caught) {
        return caught as Error;
      }
      throw new Error("no error");
    })();
    expect(error.message.split("\n")).toEqual([
      `${file}:`,
      '  roles[0].arn must be a role ARN, acs:ram::<uid>:role/<name>, got "caster-deployer".',
      "  roles[0].maxSessionDurationSeconds must be a whole number of seconds from 3600 to 43200, got 600.",
      "  roles[1].externalId must be text, got a number.",
      '  roles[1].trustedAccounts must be an array of strings, got "1111111111111111".',
      '  oidcProviders[0].issuerUrl must be an https:// URL, got "http://issuer.example.com".',
      "  oidcProviders[0].clientIds must name at least one client ID (the token's aud).",
    ]);
  });

  test("a file that is not JSON: the file named, with the parser's reason", () => {
    const file = write("broken.json", '{"roles": [');
    expect(() => loadStsFile(file)).toThrow(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} is not JSON \\(`));
  });

  test("a good file gives its roles and providers", () => {
    const file = write("good.json", JSON.stringify({ roles: stsRoles(), oidcProviders: OIDC_PROVIDERS }));
    expect(loadStsFile(file)).toEqual({ roles: stsRoles(), oidcProviders: OIDC_PROVIDERS });
  });
});
