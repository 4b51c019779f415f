import { EmulatorFixture, startEmulatorFixture } from "../helpers/emulator-fixture";
import { PulumiStack } from "../helpers/pulumi-stack";

/** Settings a user gets wrong, through the real engine: each fails once, with what to do, and no stack trace. */
describe("provider settings", () => {
  let live: EmulatorFixture;
  let stack: PulumiStack;
  let casterId: string;

  beforeAll(async () => {
    live = await startEmulatorFixture();
    casterId = await live.createCaster();
    stack = await PulumiStack.create("settings", { env: live.env });
    await stack.setConfigObject("sources", {
      camera: { casterId, resourceName: "Camera", locationId: "RV01", liveStreamUrl: "rtmp://push.example.com/live/cam" },
    });
  });
  afterAll(async () => {
    await stack?.remove();
    await live?.close();
  });

  test("a misspelled key of alicloud-caster: fails the preview naming it, the known keys and the fix, before any call", async () => {
    await stack.setConfig("alicloud-caster:endpont", "http://127.0.0.1:1");
    live.emulator.clearCalls();
    const preview = await stack.preview();
    expect(preview.code).not.toBe(0);
    expect(preview.output).toContain("stack config key alicloud-caster:endpont is not a setting of pulumi-alicloud-caster (known: alicloud-caster:endpoint, alicloud-caster:rateLimitRedisUrl)");
    expect(preview.output).toContain("did you mean alicloud-caster:endpoint?");
    expect(preview.output).not.toMatch(/\n\s+at /);
    expect(live.emulator.calls()).toEqual([]);
    await stack.run(["config", "rm", "alicloud-caster:endpont", "--stack", stack.name, "--config-file", stack.configFile]);
  });

  test("an API error in refresh is its message, without stack traces", async () => {
    expect((await stack.up()).code).toBe(0);
    // A wrong secret in the environment: every read fails with SignatureDoesNotMatch.
    stack.setEnv({ ALIBABA_CLOUD_ACCESS_KEY_SECRET: "not-the-secret" });
    const refresh = await stack.refresh();
    stack.setEnv({ ALIBABA_CLOUD_ACCESS_KEY_SECRET: live.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET });
    expect(refresh.code).not.toBe(0);
    expect(refresh.output).toContain("DescribeCasterVideoResources failed: SignatureDoesNotMatch");
    expect(refresh.output).not.toMatch(/\n\s+at /);
    expect(refresh.output).not.toContain("not-the-secret");
    expect((await stack.destroy()).code).toBe(0);
  });
});
