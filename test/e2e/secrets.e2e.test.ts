import * as fs from "node:fs";
import * as path from "node:path";
import { RunningEmulator, startEmulator } from "../../emulator";
import { LiveClient } from "../../provider/client/live-client";
import { PulumiStack } from "../helpers/pulumi-stack";

/** A secret no other text in the run contains, so that any leak of it is found. */
const SECRET = "Zq7-leak-canary-4f1b9e2a";
const KEY_ID = "secrets-test-key";
const SIGNED_URL = "rtmp://push.example.com/live/cam?auth_key=1767225600-0-0-0f1e2d3c4b5a69788796a5b4c3d2e1f0";

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)]);
}

/**
 * The access key secret appears nowhere after up, refresh, a failed call and destroy: not in the
 * state, not in what the CLI prints (with engine and provider logs at -v=6), not in error messages, not in
 * the emulator's log or call record. Signed stream URLs are ciphertext in state.
 */
describe.each([
  ["stack config (alicloud:secretKey as a secret, which is not read) and the environment", "config"],
  ["the environment (ALIBABA_CLOUD_ACCESS_KEY_SECRET)", "env"],
])("an access key secret given in %s", (_where, mode) => {
  let emulator: RunningEmulator;
  let stack: PulumiStack;
  let casterId: string;
  const emulatorLog: string[] = [];
  const cliOutput: string[] = [];

  beforeAll(async () => {
    emulator = await startEmulator({
      accounts: [{ accessKeyId: KEY_ID, accessKeySecret: SECRET, uid: "3000000000000003" }],
      log: (line) => emulatorLog.push(line),
    });
    const client = new LiveClient({ endpoint: emulator.url, regionId: "cn-shanghai", timeoutMs: 5000, credentials: { accessKeyId: KEY_ID, accessKeySecret: SECRET } });
    casterId = (await client.call("CreateCaster", { ClientToken: `secrets-${mode}`, NormType: 1, ChargeType: "PostPaid" })).CasterId!;
    // A new studio has no domain: the episode group below takes the studio's.
    await client.call("SetCasterConfig", {
      CasterId: casterId, DomainName: "live.example.com", CallbackUrl: "http://callback.example.com/caster", TranscodeConfig: '{"CasterTemplate":"lp_sd"}',
    });
    // A source made outside Pulumi, for the failed call below.
    await client.call("AddCasterVideoResource", { CasterId: casterId, ResourceName: "Console", LocationId: "RV09", ImageId: "img9" });

    const env: Record<string, string> = {
      ALICLOUD_CASTER_ENDPOINT: emulator.url,
      ALIBABA_CLOUD_ACCESS_KEY_ID: KEY_ID,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRET,
    };
    stack = await PulumiStack.create(`secrets-${mode}`, { env });
    if (mode === "config") {
      await stack.setConfig("alicloud:accessKey", KEY_ID);
      await stack.setConfig("alicloud:secretKey", SECRET, { secret: true });
    }
  });
  afterAll(async () => {
    await stack?.remove();
    await emulator?.close();
  });

  const logged = async (run: Promise<{ output: string; code: number }>) => {
    const result = await run;
    cliOutput.push(result.output);
    return result;
  };
  // Provider and engine logs, at the highest level that Pulumi's engine keeps free of secret
  // config: from -v=7 on it logs the dynamic provider's inputs, which are the whole decrypted
  // stack config (see the README's section on secrets).
  const verbose = ["--logtostderr", "-v=6"];

  test("up, refresh, a failed call and destroy", async () => {
    await stack.setConfigObject("sources", {
      camera: { casterId, resourceName: "Camera", locationId: "RV01", liveStreamUrl: SIGNED_URL },
    }, { secret: true });
    await stack.setConfigObject("episodeGroups", {
      evening: { casterId, startTime: "2030-01-01T20:00:00Z", items: [{ itemName: "A", vodUrl: "https://media.example.com/a.mp4" }] },
    });
    const up = await logged(stack.up(verbose));
    expect(up.code).toBe(0);
    // Credentials in stack config are not used, and the preview says so with the fix.
    if (mode === "config") {
      expect(up.output).toMatch(/does not read alicloud:accessKey, alicloud:secretKey from stack config[\s\S]*pulumi config rm alicloud:accessKey/);
    } else {
      expect(up.output).not.toContain("does not read");
    }

    const state = stack.stateFileText();
    expect(state).not.toContain("auth_key");
    expect(state).toContain("ciphertext");

    expect((await logged(stack.refresh(verbose))).code).toBe(0);

    await stack.setConfigObject("sources", {
      camera: { casterId, resourceName: "Camera", locationId: "RV01", liveStreamUrl: SIGNED_URL },
      clash: { casterId, resourceName: "Clash", locationId: "RV09", imageId: "img1" },
    }, { secret: true });
    const failed = await logged(stack.up(verbose));
    expect(failed.code).not.toBe(0);
    expect(failed.output).toContain("RV09 on studio");

    await stack.setConfigObject("sources", {}, { secret: true });
    expect((await logged(stack.destroy(verbose))).code).toBe(0);
  });

  test("the secret is nowhere: state and its backups, CLI output and provider logs, emulator log and calls", () => {
    const stateFiles = filesUnder(path.join(stack.workDir, "state"));
    expect(stateFiles.length).toBeGreaterThan(0);
    for (const file of stateFiles) expect(fs.readFileSync(file, "utf8")).not.toContain(SECRET);
    for (const output of cliOutput) {
      const at = output.indexOf(SECRET);
      expect(at === -1 ? "" : output.slice(Math.max(0, at - 300), at + 40)).toBe("");
    }
    // The signed stream URL is ciphertext in the state and in every backup of it.
    for (const file of stateFiles) expect(fs.readFileSync(file, "utf8")).not.toContain("auth_key");
    expect(cliOutput.join("\n").length).toBeGreaterThan(10_000);
    expect(emulatorLog.join("\n")).not.toContain(SECRET);
    expect(JSON.stringify(emulator.calls())).not.toContain(SECRET);
    expect(emulatorLog.length).toBeGreaterThan(0);
  });
});

/**
 * A key rotated after `up` (the old one disabled, the new one in the environment), with the old
 * key still in stack config as a user of @pulumi/alicloud would have it: the engine configures
 * refresh and destroy from the config it stored in the state, so a package that read credentials
 * from config would sign with the disabled key. This one takes them from the environment.
 */
describe("a rotated access key", () => {
  const OLD = { accessKeyId: "rotation-old-key", accessKeySecret: "rotation-old-secret", uid: "4000000000000004", active: true };
  const NEW = { accessKeyId: "rotation-new-key", accessKeySecret: "rotation-new-secret", uid: "4000000000000004" };
  let emulator: RunningEmulator;
  let stack: PulumiStack;

  afterAll(async () => {
    await stack?.remove();
    await emulator?.close();
  });

  test("refresh and destroy sign with the current key from the environment, which no log at -v=9 shows", async () => {
    emulator = await startEmulator({ accounts: [OLD, NEW] });
    const client = new LiveClient({ endpoint: emulator.url, regionId: "cn-shanghai", timeoutMs: 5000, credentials: NEW });
    const casterId = (await client.call("CreateCaster", { ClientToken: "rotation", NormType: 1, ChargeType: "PostPaid" })).CasterId!;
    stack = await PulumiStack.create("rotation", {
      env: { ALICLOUD_CASTER_ENDPOINT: emulator.url, ALIBABA_CLOUD_ACCESS_KEY_ID: OLD.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: OLD.accessKeySecret },
    });
    await stack.setConfig("alicloud:accessKey", OLD.accessKeyId);
    await stack.setConfig("alicloud:secretKey", OLD.accessKeySecret, { secret: true });
    await stack.setConfigObject("sources", { camera: { casterId, resourceName: "Camera", locationId: "RV01", imageUrl: "https://media.example.com/a.png" } });
    expect((await stack.up()).code).toBe(0);

    // The rotation: the console disables the old key; the new one goes into the environment.
    OLD.active = false;
    stack.setEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: NEW.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: NEW.accessKeySecret });
    const refresh = await stack.refresh(["--logtostderr", "-v=9"]);
    expect(refresh.output).not.toContain("InvalidAccessKeyId");
    expect(refresh.code).toBe(0);
    const destroy = await stack.destroy();
    expect(destroy.output).not.toContain("InvalidAccessKeyId");
    expect(destroy.code).toBe(0);
    expect(Object.values(emulator.state().accounts[NEW.uid].casters[casterId].videoResources)).toEqual([]);
    // The engine logs the provider's inputs at -v=9: the old secret is there only as config, never as the new one.
    expect(refresh.output).not.toContain(NEW.accessKeySecret);
  });
});
