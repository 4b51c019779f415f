import { EmulatorFixture, startEmulatorFixture } from "../helpers/emulator-fixture";
import { howSaid, PulumiStack } from "../helpers/pulumi-stack";

/**
 * `pulumi preview` checks inputs before anything reaches the API. Each bad input's wording is
 * checked through the provider's check path in-process (test/bad-input/bad-input.test.ts); here
 * the engine's part: a value not known yet, and a refusal that stops `up` before any call.
 */
describe("pulumi preview of video sources", () => {
  let live: EmulatorFixture;
  let casterId: string;
  const stacks: PulumiStack[] = [];

  beforeAll(async () => {
    live = await startEmulatorFixture();
    casterId = await live.createCaster();
  });

  afterAll(async () => {
    await Promise.all(stacks.map((stack) => stack.remove()));
    await live?.close();
  });

  async function stackWith(sources: Record<string, unknown>, config: Record<string, string> = {}): Promise<PulumiStack> {
    const stack = await PulumiStack.create("preview", { env: live.env });
    stacks.push(stack);
    await stack.setConfigObject("sources", sources);
    for (const [key, value] of Object.entries(config)) await stack.setConfig(key, value);
    return stack;
  }

  test("a casterId not known until apply is not an error", async () => {
    const stack = await stackWith(
      { camera: { casterId, resourceName: "Camera", locationId: "RV01", liveStreamUrl: "rtmp://push.example.com/a/b" } },
      { casterIdFrom: "output" },
    );
    live.emulator.clearCalls();
    const preview = await stack.preview();
    expect(preview.output).not.toMatch(/error/i);
    expect(preview.code).toBe(0);
    expect(preview.output).toContain("+ 3 to create");
    expect(live.emulator.calls()).toEqual([]);
  });

  test("pulumi up of an invalid source fails in check and sends nothing, while a valid one beside it would be created", async () => {
    const stack = await stackWith({
      bad: { casterId, resourceName: "Camera", locationId: "RV7", liveStreamUrl: "rtmp://push.example.com/a/b" },
    });
    live.emulator.clearCalls();
    const up = await stack.up();
    expect(up.code).not.toBe(0);
    expect(up.output).toContain('locationId "RV7" is not allowed');
    expect(howSaid(up.output, 'locationId "RV7" is not allowed')).toEqual({ times: 1, className: null });
    expect(live.emulator.calls()).toEqual([]);
  });

});
