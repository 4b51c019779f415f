import { EmulatorFixture, startEmulatorFixture } from "../helpers/emulator-fixture";
import { howSaid, PulumiStack } from "../helpers/pulumi-stack";

/** `pulumi preview` checks inputs before anything reaches the API. */
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

  test.each([
    ["a location outside RV01-RV99", { locationId: "RV100" }, /locationId "RV100" is not allowed: use a source position from RV01 to RV99/],
    ["a one-digit location", { locationId: "RV7" }, /locationId "RV7" is not allowed: .*RV07, not RV7/],
    ["two sources at once", { vodUrl: "https://media.example.com/a.mp4" }, /liveStreamUrl and vodUrl are both set .*keep exactly one/],
    ["a file type the API refuses", { liveStreamUrl: undefined, vodUrl: "https://media.example.com/a.mkv" }, /vodUrl "https:\/\/media.example.com\/a.mkv" is not allowed: use an http\(s\) URL of an MP4, FLV or TS file/],
    ["a delay over 5000 ms", { fixedDelayDuration: 6000 }, /fixedDelayDuration 6000 is not allowed: use whole milliseconds from 0 to 5000/],
    ["offsets on a live stream", { beginOffset: 100 }, /beginOffset 100 applies only to files \(vodUrl or materialId\), not to liveStreamUrl; remove it/],
    ["a number where a name goes", { resourceName: 42 }, /resourceName must be a string, got number 42/],
  ])("%s fails with a message that names the property, the value and the fix, and calls nothing", async (_case, change, message) => {
    const args = { casterId, resourceName: "Camera", locationId: "RV01", liveStreamUrl: "rtmp://push.example.com/a/b", ...change };
    const stack = await stackWith({ camera: args });
    live.emulator.clearCalls();
    const preview = await stack.preview();
    expect(preview.code).not.toBe(0);
    expect(preview.output).toMatch(message);
    expect(live.emulator.calls()).toEqual([]);
  });
});
