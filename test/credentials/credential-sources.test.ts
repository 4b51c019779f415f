import RPCClient from "@alicloud/pop-core";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { RunningEmulator, startEmulator } from "../../emulator";
import { CI_ROLE, credentialsFileText, DEPLOY_ROLE, ISSUER, jwt, OIDC_PROVIDER, OIDC_PROVIDERS, PRODUCTION, STAGING, stsRoles } from "../helpers/sts-accounts";
import { makeTestCertificate, TestCertificate } from "../helpers/tls-certificate";

/**
 * Each source of Alibaba Cloud's credential chain that works offline, resolved as the provider
 * process resolves it (dist/, in a process of its own, so that HOME and NODE_EXTRA_CA_CERTS are
 * read at its start as in a real run), and used against the emulator: the shared profile file
 * and ALIBABA_CLOUD_PROFILE, the CLI's ~/.aliyun/config.json, an STS token in the environment,
 * AssumeRole and OIDC against the emulator's STS (over HTTPS, which the library insists on).
 */

const SCRIPT = path.join(__dirname, "resolve-credentials.js");

let emulator: RunningEmulator;
let certificate: TestCertificate;
let home: string;
let credentialsFile: string;

interface Resolved {
  accessKeyId?: string;
  hasSecret?: boolean;
  hasToken?: boolean;
  regionId?: string;
  endpoint?: string;
  created?: string;
  error?: string;
  name?: string;
}

/** Asynchronous: the emulator answers from this process, which a synchronous spawn would block. */
function resolveIn(env: Record<string, string>, connection?: object): Promise<Resolved> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [SCRIPT, connection ? JSON.stringify(connection) : ""], {
      env: {
        PATH: process.env.PATH ?? "",
        HOME: home,
        ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true",
        NODE_EXTRA_CA_CERTS: certificate.certFile,
        ALICLOUD_CASTER_ENDPOINT: emulator.url,
        ...env,
      },
    }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout) as Resolved);
    });
  });
}

const castersOf = (uid: string) => Object.keys(emulator.state().accounts[uid]?.casters ?? {});

beforeAll(async () => {
  certificate = makeTestCertificate();
  emulator = await startEmulator({
    accounts: [STAGING, PRODUCTION],
    roles: stsRoles(),
    oidcProviders: OIDC_PROVIDERS,
    tls: { cert: certificate.cert, key: certificate.key },
  });
  home = fs.mkdtempSync(path.join(os.tmpdir(), "caster-home-"));
  credentialsFile = path.join(home, "team-credentials.ini");
  fs.writeFileSync(credentialsFile, credentialsFileText({ default: STAGING, production: PRODUCTION }));
  fs.mkdirSync(path.join(home, ".aliyun"));
  fs.writeFileSync(path.join(home, ".aliyun", "config.json"), JSON.stringify({
    current: "cli-staging",
    profiles: [
      { name: "cli-staging", mode: "AK", access_key_id: STAGING.accessKeyId, access_key_secret: STAGING.accessKeySecret },
      {
        name: "cli-deployer", mode: "RamRoleArn", access_key_id: STAGING.accessKeyId, access_key_secret: STAGING.accessKeySecret,
        ram_role_arn: DEPLOY_ROLE, ram_session_name: "cli-session", expired_seconds: 900, sts_endpoint: emulator.httpsHost,
      },
    ],
  }));
});

afterAll(async () => {
  await emulator.close();
  fs.rmSync(home, { recursive: true, force: true });
  fs.rmSync(certificate.directory, { recursive: true, force: true });
});

describe("the shared credentials file", () => {
  test("connection.profile picks a section of ALIBABA_CLOUD_CREDENTIALS_FILE; ALIBABA_CLOUD_PROFILE picks the stack's", async () => {
    // The CLI's config is not consulted for a name it does not have.
    const env = { ALIBABA_CLOUD_CREDENTIALS_FILE: credentialsFile, ALIBABA_CLOUD_CLI_PROFILE_DISABLED: "true" };
    await expect(resolveIn(env, { profile: "production" })).resolves.toMatchObject({ accessKeyId: PRODUCTION.accessKeyId, hasSecret: true, hasToken: false });
    await expect(resolveIn(env)).resolves.toMatchObject({ accessKeyId: STAGING.accessKeyId });
    await expect(resolveIn({ ...env, ALIBABA_CLOUD_PROFILE: "production" })).resolves.toMatchObject({ accessKeyId: PRODUCTION.accessKeyId });
  });

  test("a region and an endpoint of the connection win over the stack's", async () => {
    const resolved = await resolveIn({ ALIBABA_CLOUD_CREDENTIALS_FILE: credentialsFile, ALIBABA_CLOUD_REGION_ID: "cn-shanghai" },
      { profile: "production", region: "cn-beijing", endpoint: "http://127.0.0.1:9" });
    expect(resolved).toMatchObject({ regionId: "cn-beijing", endpoint: "http://127.0.0.1:9" });
  });

  test("a profile in neither file: one error naming both files and their profiles, and the fix, with no secret", async () => {
    const resolved = await resolveIn({ ALIBABA_CLOUD_CREDENTIALS_FILE: credentialsFile }, { profile: "prodution" });
    expect(resolved.name).toBe("CredentialSourceError");
    expect(resolved.error).toContain(`connection.profile "prodution" is in neither ${path.join(home, ".aliyun", "config.json")} (profiles: cli-staging, cli-deployer) nor ${credentialsFile} (profiles: default, production)`);
    expect(resolved.error).toContain("aliyun configure --profile prodution");
    expect(resolved.error).not.toMatch(/s3cret/);
  });
});

describe("the Alibaba Cloud CLI's ~/.aliyun/config.json", () => {
  test("its current profile for the stack, a named one for a connection, and a RamRoleArn profile assumed at its sts_endpoint", async () => {
    await expect(resolveIn({})).resolves.toMatchObject({ accessKeyId: STAGING.accessKeyId });
    const assumed = await resolveIn({ CREATE_STUDIO_NAMED: "cli-role" }, { profile: "cli-deployer" });
    expect(assumed).toMatchObject({ hasToken: true });
    expect(assumed.accessKeyId).toMatch(/^STS\./);
    // The role is the production account's: what it makes is there.
    expect(castersOf(PRODUCTION.uid)).toContain(assumed.created);
  });
});

describe("temporary credentials", () => {
  test("an STS token in the environment (ALIBABA_CLOUD_SECURITY_TOKEN) signs Live API calls of the role's account, and only with its own token", async () => {
    const sts = new RPCClient({ endpoint: emulator.url, apiVersion: "2015-04-01", ...STAGING });
    const { Credentials: issued } = (await sts.request("AssumeRole", { RoleArn: DEPLOY_ROLE, RoleSessionName: "handed-over" }, { method: "POST" })) as {
      Credentials: { AccessKeyId: string; AccessKeySecret: string; SecurityToken: string };
    };
    const env = { ALIBABA_CLOUD_ACCESS_KEY_ID: issued.AccessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: issued.AccessKeySecret, CREATE_STUDIO_NAMED: "from-token" };
    const used = await resolveIn({ ...env, ALIBABA_CLOUD_SECURITY_TOKEN: issued.SecurityToken });
    expect(used).toMatchObject({ accessKeyId: issued.AccessKeyId, hasToken: true });
    expect(castersOf(PRODUCTION.uid)).toContain(used.created);
    const forged = await resolveIn({ ...env, ALIBABA_CLOUD_SECURITY_TOKEN: "CAISnot-the-one-issued" });
    expect(forged.error).toContain("InvalidSecurityToken.MismatchWithAccessKey");
    expect(forged.error).not.toContain(issued.SecurityToken);
  });

  test("connection.assumeRole: the profile's key assumes the role at the emulator's STS, and the studio is the role's account's", async () => {
    const resolved = await resolveIn({ ALIBABA_CLOUD_CREDENTIALS_FILE: credentialsFile, ALIBABA_CLOUD_CLI_PROFILE_DISABLED: "true", CREATE_STUDIO_NAMED: "assumed" },
      { profile: "default", assumeRole: { roleArn: DEPLOY_ROLE, sessionName: "pulumi-staging", sessionExpiration: 900 }, stsEndpoint: emulator.httpsHost });
    expect(resolved.error).toBeUndefined();
    expect(resolved.accessKeyId).toMatch(/^STS\./);
    expect(castersOf(PRODUCTION.uid)).toContain(resolved.created);
    expect(castersOf(STAGING.uid)).not.toContain(resolved.created);
    const call = emulator.calls().filter((record) => record.action === "AssumeRole").pop();
    expect(call).toMatchObject({ uid: STAGING.uid, httpStatus: 200, params: { RoleArn: DEPLOY_ROLE, RoleSessionName: "pulumi-staging", DurationSeconds: "900" } });
  });

  test("a role the key may not assume: the STS error, said without the server's string to sign", async () => {
    const resolved = await resolveIn({ ALIBABA_CLOUD_CREDENTIALS_FILE: credentialsFile, ALIBABA_CLOUD_CLI_PROFILE_DISABLED: "true" },
      { profile: "production", assumeRole: { roleArn: DEPLOY_ROLE }, stsEndpoint: emulator.httpsHost });
    expect(resolved.name).toBe("CredentialSourceError");
    expect(resolved.error).toContain(`assumeRole ${DEPLOY_ROLE}`);
    expect(resolved.error).toContain("NoPermission");
    expect(resolved.error).not.toMatch(/s3cret|string to sign is:/);
  });

  test("OIDC from the environment (ALIBABA_CLOUD_ROLE_ARN, _OIDC_PROVIDER_ARN, _OIDC_TOKEN_FILE) at the STS endpoint of ALICLOUD_CASTER_STS_ENDPOINT", async () => {
    const tokenFile = path.join(home, "oidc-token");
    const now = Math.floor(Date.now() / 1000);
    fs.writeFileSync(tokenFile, jwt({ iss: ISSUER, aud: "sts.aliyuncs.com", sub: "repo:team/studios:ref:refs/heads/main", iat: now, exp: now + 600 }));
    const resolved = await resolveIn({
      ALIBABA_CLOUD_ROLE_ARN: CI_ROLE,
      ALIBABA_CLOUD_OIDC_PROVIDER_ARN: OIDC_PROVIDER,
      ALIBABA_CLOUD_OIDC_TOKEN_FILE: tokenFile,
      ALICLOUD_CASTER_STS_ENDPOINT: emulator.httpsHost as string,
      CREATE_STUDIO_NAMED: "from-ci",
    });
    expect(resolved.error).toBeUndefined();
    expect(resolved.accessKeyId).toMatch(/^STS\./);
    expect(castersOf(PRODUCTION.uid)).toContain(resolved.created);
    const call = emulator.calls().filter((record) => record.action === "AssumeRoleWithOIDC").pop();
    expect(call).toMatchObject({ httpStatus: 200, uid: PRODUCTION.uid, params: { OIDCToken: "***", RoleArn: CI_ROLE } });
  });
});
