import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { RunningEmulator, startEmulator } from "../emulator";
import { credentialsFileText, PRODUCTION, STAGING } from "../test/helpers/sts-accounts";
import { run } from "./index";
import { configureProvider } from "./runtime";

/**
 * A connection per resource, through the provider's one entry point (run), as Pulumi's host calls
 * it: each object is made, read, changed and deleted in the account its connection reaches; a
 * change of connection moves nothing, it is checked.
 */
const PRODUCTION_CI = { accessKeyId: "production-ci-key", accessKeySecret: "production-ci-s3cret", uid: PRODUCTION.uid };
/** A key the emulator has no account for: the API refuses it (InvalidAccessKeyId.NotFound). */
const REVOKED = { accessKeyId: "revoked-key", accessKeySecret: "revoked-s3cret" };

let emulator: RunningEmulator;
let directory: string;
const saved: Record<string, string | undefined> = {};

function setEnv(values: Record<string, string>): void {
  for (const [key, value] of Object.entries(values)) {
    saved[key] = process.env[key];
    process.env[key] = value;
  }
}

beforeAll(async () => {
  emulator = await startEmulator({ accounts: [STAGING, PRODUCTION, PRODUCTION_CI] });
  directory = fs.mkdtempSync(path.join(os.tmpdir(), "caster-connection-"));
  const file = path.join(directory, "credentials");
  fs.writeFileSync(file, credentialsFileText({ staging: STAGING, production: PRODUCTION, "production-ci": PRODUCTION_CI, revoked: REVOKED }));
  // Alibaba's library reads these from process.env when credentials are first asked for.
  setEnv({ ALIBABA_CLOUD_CREDENTIALS_FILE: file, ALIBABA_CLOUD_CLI_PROFILE_DISABLED: "true", ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true" });
  const config: Record<string, string> = { "alicloud-caster:endpoint": emulator.url };
  configureProvider({ get: (key) => config[key], keys: () => Object.keys(config) });
});

afterAll(async () => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  await emulator.close();
  fs.rmSync(directory, { recursive: true, force: true });
});

const castersOf = (uid: string) => emulator.state().accounts[uid]?.casters ?? {};
const sourcesOf = (uid: string, casterId: string) => Object.keys(castersOf(uid)[casterId]?.videoResources ?? {});

async function studioIn(profile: string, name: string): Promise<string> {
  const inputs = { normType: 1, casterTemplate: "lp_sd", casterName: name, clientTokenScope: `p/s/${name}`, connection: { profile } };
  const checked = (await run("studio", "check", [{}, inputs])) as { inputs: Record<string, unknown>; failures?: unknown[] };
  expect(checked.failures ?? []).toEqual([]);
  const made = (await run("studio", "create", [checked.inputs])) as { id: string; outs: Record<string, unknown> };
  expect(made.outs.connection).toEqual({ profile });
  return made.id;
}

describe("a connection per resource", () => {
  test("two studios and their sources in two accounts, in one process; each read and delete goes through the stored connection", async () => {
    const staging = await studioIn("staging", "staging-show");
    const production = await studioIn("production", "production-show");
    expect(Object.keys(castersOf(STAGING.uid))).toEqual([staging]);
    expect(Object.keys(castersOf(PRODUCTION.uid))).toEqual([production]);

    const source = { casterId: production, locationId: "RV01", resourceName: "Main camera", vodUrl: "https://media.example.com/a.mp4", connection: { profile: "production" } };
    const made = (await run("video", "create", [source])) as { id: string; outs: Record<string, unknown> };
    expect(sourcesOf(PRODUCTION.uid, production)).toHaveLength(1);

    // A refresh has only the state: the stored connection reaches the production account.
    const read = (await run("video", "read", [made.id, made.outs])) as { id?: string; props?: Record<string, unknown> };
    expect(read.id).toBe(made.id);
    expect(read.props?.connection).toEqual({ profile: "production" });
    // The same read through the stack's settings (no credentials in this environment) would fail: the connection is what made it work.
    await expect(run("video", "read", [made.id, { ...made.outs, connection: undefined }])).rejects.toThrow(/credentials/i);

    await run("video", "delete", [made.id, made.outs]);
    expect(sourcesOf(PRODUCTION.uid, production)).toHaveLength(0);
  });

  test("a change of connection is an update, never a replacement; through another key of the same account it sends nothing", async () => {
    const production = await studioIn("production", "production-rotated");
    const source = { casterId: production, locationId: "RV02", resourceName: "Guest", vodUrl: "https://media.example.com/b.mp4", connection: { profile: "production" } };
    const made = (await run("video", "create", [source])) as { id: string; outs: Record<string, unknown> };
    const rotated = { ...source, connection: { profile: "production-ci" } };

    await expect(run("video", "diff", [made.id, made.outs, rotated])).resolves.toMatchObject({ changes: true, replaces: [] });
    emulator.clearCalls();
    const updated = (await run("video", "update", [made.id, made.outs, rotated])) as { outs: Record<string, unknown> };
    expect(updated.outs.connection).toEqual({ profile: "production-ci" });
    expect(emulator.calls().map((call) => call.action).filter((action) => !action.startsWith("Describe"))).toEqual([]);
    expect(emulator.calls().every((call) => call.uid === PRODUCTION.uid)).toBe(true);
  });

  test("a connection that reaches another account is refused, in the preview and in the update, saying why and what to do; nothing is made there", async () => {
    const production = await studioIn("production", "production-kept");
    const source = { casterId: production, locationId: "RV03", resourceName: "Slides", vodUrl: "https://media.example.com/c.mp4", connection: { profile: "production" } };
    const made = (await run("video", "create", [source])) as { id: string; outs: Record<string, unknown> };
    const moved = { ...source, connection: { profile: "staging" } };
    const before = JSON.stringify(castersOf(STAGING.uid));

    // The preview says it already: diff reads through the new connection too.
    await expect(run("video", "diff", [made.id, made.outs, moved])).rejects.toThrow("not found through the new one");
    // A connection that cannot be used where the preview runs (no such profile here) is left to the update.
    await expect(run("video", "diff", [made.id, made.outs, { ...source, connection: { profile: "not-on-this-machine" } }]))
      .resolves.toMatchObject({ changes: true, replaces: [] });
    const error: Error = await (run("video", "update", [made.id, made.outs, moved]) as Promise<unknown>).then(() => new Error("no error"), (caught: Error) => caught);
    expect(error.message).toContain(`CasterVideoResource ${made.id}: connection changed from {"profile":"production"} to {"profile":"staging"}`);
    expect(error.message).toContain("not found through the new one");
    expect(error.message).toContain("pulumi up --replace");
    // The preview may not have been able to check it: the run has begun, and the message says so.
    expect(error.message).toContain("found only now, in the update, so other resources of this run may already be updated");
    expect(error.message).not.toMatch(/s3cret/);
    expect(JSON.stringify(castersOf(STAGING.uid))).toBe(before);
    expect(sourcesOf(PRODUCTION.uid, production)).toHaveLength(1);
  });

  test("a change of connection that also replaces the object is no move: the diff gives the replacement, not a refusal", async () => {
    const production = await studioIn("production", "production-moved-away");
    const staging = await studioIn("staging", "staging-moved-to");
    const source = { casterId: production, locationId: "RV04", resourceName: "Moved", vodUrl: "https://media.example.com/d.mp4", connection: { profile: "production" } };
    const made = (await run("video", "create", [source])) as { id: string; outs: Record<string, unknown> };
    // The replacement is made through the new connection, in the staging studio, and the old source
    // deleted through the stored one: nothing is looked for where the new connection points.
    const moved = { ...source, casterId: staging, connection: { profile: "staging" } };
    await expect(run("video", "diff", [made.id, made.outs, moved])).resolves.toMatchObject({ changes: true, replaces: ["casterId"] });
  });

  test("the preview's check leaves to the update only a connection that cannot be used here; any other failure is reported", async () => {
    const production = await studioIn("production", "production-revoked");
    const source = { casterId: production, locationId: "RV05", resourceName: "Revoked", vodUrl: "https://media.example.com/e.mp4", connection: { profile: "production" } };
    const made = (await run("video", "create", [source])) as { id: string; outs: Record<string, unknown> };
    // The profile's key reaches the API, which refuses it: that is no "unknown until the update".
    await expect(run("video", "diff", [made.id, made.outs, { ...source, connection: { profile: "revoked" } }])).rejects.toThrow("InvalidAccessKeyId.NotFound");
  });

  test("check: every problem of a connection at once, each naming the place, what is allowed and the fix; a secret is never quoted", async () => {
    const result = (await run("video", "check", [{}, {
      casterId: "LIVEPRODUCER_POST-cn-0pp1czt1234", locationId: "RV01", resourceName: "Camera", vodUrl: "https://media.example.com/a.mp4",
      connection: {
        profile: "team staging",
        region: "Shanghai",
        endpoint: "https://user:pw@live.aliyuncs.com/path",
        accessKeySecret: "do-not-print-me",
        assumeRole: { roleArn: "caster-deployer", sessionExpiration: 60, sessionname: "x", externalId: "trust secret!" },
      },
    }])) as { failures: { property: string; reason: string }[] };
    const reasons = result.failures.map((failure) => failure.reason);
    expect(reasons).toEqual(expect.arrayContaining([
      expect.stringMatching(/^connection\.profile "team staging" is not allowed: use a profile's name/),
      expect.stringMatching(/^connection\.region "Shanghai" is not allowed: use a region ID such as cn-shanghai/),
      expect.stringMatching(/^connection\.endpoint .* is not allowed: it carries a user name or password/),
      expect.stringMatching(/^connection\.accessKeySecret is not allowed: a connection holds no credentials, since inputs are stored in the state: put the key in a profile/),
      expect.stringMatching(/^connection\.assumeRole\.roleArn "caster-deployer" is not allowed: use the role's ARN, acs:ram::<account UID>:role\/<role name>/),
      expect.stringMatching(/^connection\.assumeRole\.sessionExpiration 60 is not allowed: use at least 900 seconds/),
      expect.stringMatching(/^connection\.assumeRole\.sessionname is not allowed: sessionname is not a setting of assumeRole: use sessionName\./),
      expect.stringMatching(/^connection\.assumeRole\.externalId is not allowed: an external ID of 13 characters was given \(not quoted/),
    ]));
    expect(JSON.stringify(result.failures)).not.toContain("trust secret!");
    expect(JSON.stringify(result.failures)).not.toContain("do-not-print-me");
    expect(JSON.stringify(result.failures)).not.toContain(":pw@");
    // The engine prints a failure's property's whole value: a connection's failures name none, their reasons say the place.
    expect(result.failures.every((failure) => failure.property === "")).toBe(true);
  });
});
