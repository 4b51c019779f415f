import { EmulatorFixture, startEmulatorFixture } from "../helpers/emulator-fixture";
import { howSaid, PulumiStack } from "../helpers/pulumi-stack";

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
    try {
      live.emulator.clearCalls();
      const preview = await stack.preview();
      expect(preview.code).not.toBe(0);
      expect(preview.output).toContain("stack config key alicloud-caster:endpont is not a setting of pulumi-alicloud-caster (known: alicloud-caster:endpoint, alicloud-caster:rateLimitRedisUrl)");
      expect(preview.output).toContain("did you mean alicloud-caster:endpoint?");
      expect(preview.output).not.toMatch(/\n\s+at /);
      // Said once, in words: Pulumi's dynamic-provider host printed it twice more, after the class's name.
      expect(howSaid(preview.output, "is not a setting of pulumi-alicloud-caster")).toEqual({ times: 1, className: null });
      const up = await stack.up();
      expect(up.code).not.toBe(0);
      expect(howSaid(up.output, "is not a setting of pulumi-alicloud-caster")).toEqual({ times: 1, className: null });
      expect(live.emulator.calls()).toEqual([]);
    } finally {
      // Whatever this test finds: the tests after it need a stack that works.
      await stack.run(["config", "rm", "alicloud-caster:endpont", "--stack", stack.name, "--config-file", stack.configFile]);
    }
  });

  test("a Redis URL with a password in stack config is refused before the engine can store it", async () => {
    // Issue 29: the check ran in the provider, after the engine had registered the provider with
    // the whole stack config as its inputs, so the password reached the state once.
    const password = "hunter2-redis-pw";
    await stack.setConfig("alicloud-caster:rateLimitRedisUrl", `redis://:${password}@127.0.0.1:6379/0`);
    try {
      live.emulator.clearCalls();
      const up = await stack.up();
      expect(up.code).not.toBe(0);
      expect(up.output).toContain("alicloud-caster:rateLimitRedisUrl");
      expect(up.output).toContain("ALICLOUD_CASTER_RATE_LIMIT_REDIS_URL");
      expect(up.output).not.toContain(password);
      expect(howSaid(up.output, "a URL with a password")).toEqual({ times: 1, className: null });
      expect(up.output).not.toMatch(/\n\s+at /);
      expect(stack.stateFileText()).not.toContain(password);
      expect(live.emulator.calls()).toEqual([]);
    } finally {
      await stack.run(["config", "rm", "alicloud-caster:rateLimitRedisUrl", "--stack", stack.name, "--config-file", stack.configFile]);
    }
  });

  test("an API error in refresh is its message, without stack traces", async () => {
    expect((await stack.up()).code).toBe(0);
    // A wrong secret in the environment: every read fails with SignatureDoesNotMatch.
    stack.setEnv({ ALIBABA_CLOUD_ACCESS_KEY_SECRET: "not-the-secret" });
    // The diff display, as up's and preview's here: Pulumi's progress display shows a resource's
    // error on each redraw of its row and again under Diagnostics, so only there is once its whole say.
    const refresh = await stack.refresh(["--diff"]);
    stack.setEnv({ ALIBABA_CLOUD_ACCESS_KEY_SECRET: live.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET });
    expect(refresh.code).not.toBe(0);
    expect(refresh.output).toContain("DescribeCasterVideoResources failed: SignatureDoesNotMatch");
    // Once, in words: the host's own print of a failed read said it again, after `LiveApiError: `.
    expect(howSaid(refresh.output, "DescribeCasterVideoResources failed")).toEqual({ times: 1, className: null });
    expect(refresh.output).not.toMatch(/\n\s+at /);
    expect(refresh.output).not.toContain("not-the-secret");
    expect((await stack.destroy()).code).toBe(0);
  });

  test("an API error at create is said once, in words", async () => {
    await stack.setConfigObject("sources", {
      camera: { casterId: "LIVEPRODUCER_POST-cn-nosuchstudio1", resourceName: "Camera", locationId: "RV01", liveStreamUrl: "rtmp://push.example.com/live/cam" },
    });
    const up = await stack.up();
    expect(up.code).not.toBe(0);
    expect(up.output).toContain("AddCasterVideoResource failed: InvalidCaster.NotFound: Caster LIVEPRODUCER_POST-cn-nosuchstudio1 does not exist");
    expect(howSaid(up.output, "AddCasterVideoResource failed")).toEqual({ times: 1, className: null });
  });
});
