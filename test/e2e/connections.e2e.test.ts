import RPCClient from "@alicloud/pop-core";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { RunningEmulator, startEmulator } from "../../emulator";
import { API_VERSION } from "../../model/live-api";
import { PulumiStack } from "../helpers/pulumi-stack";
import { credentialsFileText, DEPLOY_ROLE, PRODUCTION, STAGING } from "../helpers/sts-accounts";

/** The external ID the deploy role's trust policy asks for: a shared secret, never in the clear. */
const EXTERNAL_ID = "e2e-trust-policy-external-id";
import { makeTestCertificate, TestCertificate } from "../helpers/tls-certificate";

/**
 * Two accounts in one program, with the real CLI: a staging studio through the profile "staging"
 * and a production studio file through the profile "production" of one credentials file (named by
 * ALIBABA_CLOUD_CREDENTIALS_FILE), and a second production studio reached by assuming a role with
 * the staging key at the emulator's STS. Each object lands in its account; refresh and destroy
 * work from the state; no key, secret or token is in the state or the output.
 */

describe("two accounts in one program", () => {
  let emulator: RunningEmulator;
  let certificate: TestCertificate;
  let directory: string;
  let stack: PulumiStack;

  /** DescribeCasters as the account's own key: what the account's console shows. */
  async function studiosSeenBy(key: typeof STAGING): Promise<string[]> {
    const client = new RPCClient({ endpoint: emulator.url, apiVersion: API_VERSION, accessKeyId: key.accessKeyId, accessKeySecret: key.accessKeySecret });
    const reply = (await client.request("DescribeCasters", { PageSize: 100 }, { method: "POST" })) as { CasterList: { Caster: { CasterId: string; CasterName: string }[] } };
    return reply.CasterList.Caster.map((studio) => studio.CasterName).sort();
  }

  async function sourcesSeenBy(key: typeof STAGING, casterName: string): Promise<string[]> {
    const client = new RPCClient({ endpoint: emulator.url, apiVersion: API_VERSION, accessKeyId: key.accessKeyId, accessKeySecret: key.accessKeySecret });
    const studios = (await client.request("DescribeCasters", { CasterName: casterName }, { method: "POST" })) as { CasterList: { Caster: { CasterId: string }[] } };
    const casterId = studios.CasterList.Caster[0]?.CasterId;
    if (!casterId) return [];
    const reply = (await client.request("DescribeCasterVideoResources", { CasterId: casterId }, { method: "POST" })) as { VideoResources: { VideoResource: { ResourceName: string }[] } };
    return reply.VideoResources.VideoResource.map((source) => source.ResourceName).sort();
  }

  function expectNoCredential(text: string, where: string, also: string[] = [EXTERNAL_ID]): void {
    for (const secret of [STAGING.accessKeySecret, PRODUCTION.accessKeySecret, STAGING.accessKeyId, PRODUCTION.accessKeyId, ...also]) {
      if (text.includes(secret)) throw new Error(`${where} contains ${secret.slice(0, 8)}…`);
    }
    // Temporary credentials from STS: a key ID "STS.…" and a token "CAIS…".
    expect(text).not.toMatch(/STS\.[0-9a-f]{8}|CAIS[\w-]{20}/);
  }

  beforeAll(async () => {
    certificate = makeTestCertificate();
    emulator = await startEmulator({
      accounts: [STAGING, PRODUCTION],
      roles: [{ arn: DEPLOY_ROLE, trustedAccounts: [STAGING.uid], externalId: EXTERNAL_ID }],
      tls: { cert: certificate.cert, key: certificate.key },
    });
    directory = fs.mkdtempSync(path.join(os.tmpdir(), "caster-accounts-"));
    const credentialsFile = path.join(directory, "credentials");
    fs.writeFileSync(credentialsFile, credentialsFileText({ staging: STAGING, production: PRODUCTION }));
    const studioFile = path.join(directory, "production.yaml");
    fs.writeFileSync(studioFile, [
      "connection:",
      "  profile: production",
      "caster:",
      "  new: { casterName: Production show, normType: 1, casterTemplate: lp_sd }",
      "sources:",
      "  RV01: { resourceName: Production camera, vodUrl: https://media.example.com/prod.mp4 }",
      "",
    ].join("\n"));

    stack = await PulumiStack.create("accounts", {
      env: {
        ALICLOUD_CASTER_ENDPOINT: emulator.url,
        ALIBABA_CLOUD_CREDENTIALS_FILE: credentialsFile,
        // No credentials of the developer's, and none for the stack: every object names its own.
        ALIBABA_CLOUD_CLI_PROFILE_DISABLED: "true",
        ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true",
        HOME: directory,
        // The provider process trusts the emulator's STS certificate, as it would a company's CA.
        NODE_EXTRA_CA_CERTS: certificate.certFile,
      },
    });
    const staging = { profile: "staging" };
    const assumed = { profile: "staging", assumeRole: { roleArn: DEPLOY_ROLE, sessionName: "pulumi-e2e", externalId: EXTERNAL_ID }, stsEndpoint: emulator.httpsHost };
    await stack.setConfigObject("studios", {
      staging: { casterName: "Staging show", normType: 1, casterTemplate: "lp_sd", connection: staging },
      "production-b": { casterName: "Production B", normType: 1, casterTemplate: "lp_sd", connection: assumed },
    });
    await stack.setConfigObject("sources", {
      "staging-camera": { casterId: "studio:staging", resourceName: "Staging camera", locationId: "RV01", vodUrl: "https://media.example.com/staging.mp4", connection: staging },
      "production-b-camera": { casterId: "studio:production-b", resourceName: "Production B camera", locationId: "RV01", vodUrl: "https://media.example.com/b.mp4", connection: assumed },
    });
    await stack.setConfig("layoutFile", studioFile);
  });

  afterAll(async () => {
    await stack?.remove();
    await emulator?.close();
    if (directory) fs.rmSync(directory, { recursive: true, force: true });
    if (certificate) fs.rmSync(certificate.directory, { recursive: true, force: true });
  });

  test("up puts each studio and source in its account; refresh and destroy work from the state; no credential in state or output", async () => {
    const up = await stack.up();
    expect(up.code).toBe(0);
    expectNoCredential(up.output, "pulumi up's output");

    await expect(studiosSeenBy(STAGING)).resolves.toEqual(["Staging show"]);
    await expect(studiosSeenBy(PRODUCTION)).resolves.toEqual(["Production B", "Production show"]);
    await expect(sourcesSeenBy(STAGING, "Staging show")).resolves.toEqual(["Staging camera"]);
    await expect(sourcesSeenBy(PRODUCTION, "Production show")).resolves.toEqual(["Production camera"]);
    await expect(sourcesSeenBy(PRODUCTION, "Production B")).resolves.toEqual(["Production B camera"]);
    // The role was assumed with the staging key, and the production objects it made were made as the production account.
    expect(emulator.calls().some((call) => call.action === "AssumeRole" && call.uid === STAGING.uid && call.httpStatus === 200)).toBe(true);

    const state = stack.stateFileText();
    // The external ID is in the stack config this test's program reads (plain: a user would set it
    // with `pulumi config set --secret`), which the state keeps as the dynamic provider's config.
    expectNoCredential(state, "the state file", []);
    const ours = JSON.stringify((JSON.parse(state) as { checkpoint: { latest: { resources: { type: string }[] } } }).checkpoint.latest.resources
      .filter((resource) => resource.type.startsWith("pulumi-nodejs:dynamic/alicloud-caster:")));
    // What the state keeps is where the credentials are: the profile's name, in the clear; a
    // connection with an external ID (the role's) only as a secret, its role ARN included.
    expect(state).toContain('"connection":{"profile":"production"}');
    expectNoCredential(ours, "the resources' state");
    expect(ours).not.toContain(DEPLOY_ROLE);
    expect(ours).toContain("ciphertext");

    // A second up changes nothing: each connection compares equal to the stored one.
    const again = await stack.up();
    expect(again.code).toBe(0);
    expect(again.output).not.toMatch(/~ +update|\+- +replace|- +delete|\+ +create/);

    // get(name, id, opts, connection) reads an object of another account through that connection.
    const stagingStudio = (await new RPCClient({ endpoint: emulator.url, apiVersion: API_VERSION, ...STAGING })
      .request("DescribeCasters", { CasterName: "Staging show" }, { method: "POST" }) as { CasterList: { Caster: { CasterId: string }[] } }).CasterList.Caster[0]!.CasterId;
    await stack.setConfigObject("gets", { "staging-studio": { type: "Caster", id: stagingStudio, outputs: ["casterName"], connection: { profile: "staging" } } });
    const read = await stack.up();
    expect({ code: read.code, output: read.code === 0 ? "" : read.output }).toEqual({ code: 0, output: "" });
    const got = JSON.parse((await stack.expectSuccess(["stack", "output", "got", "--json", "--stack", stack.name])).stdout);
    expect(got).toEqual({ "staging-studio": { casterName: "Staging show" } });

    // Refresh reads every object through its stored connection: the stack itself has no credentials,
    // so a read through the stack's settings would fail.
    emulator.clearCalls();
    const refresh = await stack.refresh();
    expect(refresh.code).toBe(0);
    expectNoCredential(refresh.output, "pulumi refresh's output");
    const readers = new Set(emulator.calls().filter((call) => call.action.startsWith("Describe")).map((call) => call.uid));
    expect([...readers].sort()).toEqual([STAGING.uid, PRODUCTION.uid]);

    const destroy = await stack.destroy();
    expect(destroy.code).toBe(0);
    expectNoCredential(destroy.output, "pulumi destroy's output");
    await expect(studiosSeenBy(STAGING)).resolves.toEqual([]);
    await expect(studiosSeenBy(PRODUCTION)).resolves.toEqual([]);
  });
});
