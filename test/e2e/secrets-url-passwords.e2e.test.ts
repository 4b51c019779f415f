import * as fs from "node:fs";
import * as path from "node:path";
import { DEMO_ACCOUNT } from "../../emulator";
import { EmulatorFixture, startEmulatorFixture } from "../helpers/emulator-fixture";
import { PulumiStack } from "../helpers/pulumi-stack";

/** Passwords no other text in the run contains, so that any leak of either is found. */
const PASSWORD = "Pw8-leak-canary-d41c7e";
const NEW_PASSWORD = "Pw8-rotated-canary-0b5a93";
const stream = (password: string) => `rtmp://camera:${password}@push.example.com/live/cam`;
const file = (password: string) => `https://reel:${password}@media.example.com/replays/keynote.mp4`;

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)]);
}

function occurrences(text: string, secret: string): number {
  return text.split(secret).length - 1;
}

/**
 * A password in a source URL's userinfo (`rtmp://user:password@host/...`) is a secret like a
 * signature: through real `pulumi preview --diff` and `up --diff` against the emulator, it
 * appears 0 times in the state (and its backups), in what the CLI prints and in the emulator's
 * call record and log, while the emulator gets the real URL, so the source works. Credentials come
 * from the environment (the emulator fixture's env), not from stack config.
 */
describe("a source URL with a password in it (user:password@host)", () => {
  let live: EmulatorFixture;
  let stack: PulumiStack;
  let casterId: string;
  const emulatorLog: string[] = [];
  const cliOutput: string[] = [];

  beforeAll(async () => {
    live = await startEmulatorFixture({ log: (line) => emulatorLog.push(line) });
    casterId = await live.createCaster("url-passwords");
    stack = await PulumiStack.create("url-passwords", { env: live.env });
  });
  afterAll(async () => {
    await stack?.remove();
    await live?.close();
  });

  const run = async (command: Promise<{ output: string; code: number }>) => {
    const result = await command;
    cliOutput.push(result.output);
    return result;
  };
  const declare = (sources: Record<string, Record<string, unknown>>) =>
    // Secret, as every test's config that holds a URL: the engine records the whole stack config
    // as the dynamic provider's inputs in state. The resources' own inputs are made secret by the SDK.
    stack.setConfigObject("sources", sources, { secret: true });
  const sources = (password: string) => ({
    camera: { casterId, resourceName: "Camera", locationId: "RV01", liveStreamUrl: stream(password) },
    reel: { casterId, resourceName: "Keynote replay", locationId: "RV02", vodUrl: file(password), repeatNum: -1 },
  });
  const held = () => Object.values(live.emulator.state().accounts[DEMO_ACCOUNT.uid].casters[casterId].videoResources);

  test("preview --diff and up --diff: the URLs are secrets in state, and the emulator gets them as written", async () => {
    await declare(sources(PASSWORD));
    const preview = await run(stack.preview());
    expect(preview.code).toBe(0);
    expect(occurrences(preview.output, PASSWORD)).toBe(0);
    expect(preview.output).toContain("[secret]");

    const up = await run(stack.up());
    expect(up.code).toBe(0);
    expect(occurrences(up.output, PASSWORD)).toBe(0);

    const state = stack.stateFileText();
    expect(occurrences(state, PASSWORD)).toBe(0);
    expect(state).toContain("ciphertext");

    expect(held().map((source) => [source.locationId, source.liveStreamUrl || source.vodUrl]).sort()).toEqual([
      ["RV01", stream(PASSWORD)],
      ["RV02", file(PASSWORD)],
    ]);
    const calls = JSON.stringify(live.emulator.calls());
    expect(occurrences(calls, PASSWORD)).toBe(0);
    expect(calls).toContain("rtmp://camera:***@push.example.com/live/cam");
    expect(calls).toContain("https://reel:***@media.example.com/replays/keynote.mp4");
  });

  test("a new password is an update that shows neither password", async () => {
    await declare(sources(NEW_PASSWORD));
    const preview = await run(stack.preview());
    expect(preview.code).toBe(0);
    expect(preview.output).toMatch(/~[^\n]*update/);

    const up = await run(stack.up());
    expect(up.code).toBe(0);
    expect(held().map((source) => source.liveStreamUrl || source.vodUrl).sort()).toEqual([file(NEW_PASSWORD), stream(NEW_PASSWORD)].sort());
  });

  test("a check failure that quotes the URL masks the password", async () => {
    await declare({ camera: { ...sources(NEW_PASSWORD).camera, liveStreamUrl: `ftp://camera:${NEW_PASSWORD}@push.example.com/live/cam` } });
    const preview = await run(stack.preview());
    expect(preview.code).not.toBe(0);
    expect(preview.output).toContain("ftp://camera:***@push.example.com/live/cam");
  });

  test("destroy; then neither password is anywhere: state and its backups, CLI output, emulator calls and log", async () => {
    await declare({});
    expect((await run(stack.destroy())).code).toBe(0);

    const stateFiles = filesUnder(path.join(stack.workDir, "state"));
    expect(stateFiles.length).toBeGreaterThan(0);
    const everything = [
      ...stateFiles.map((stateFile) => fs.readFileSync(stateFile, "utf8")),
      ...cliOutput,
      JSON.stringify(live.emulator.calls()),
      emulatorLog.join("\n"),
    ].join("\n");
    for (const password of [PASSWORD, NEW_PASSWORD]) {
      const at = everything.indexOf(password);
      expect(at === -1 ? "" : everything.slice(Math.max(0, at - 300), at + 40)).toBe("");
    }
    expect(emulatorLog.length).toBeGreaterThan(0);
    expect(live.emulator.calls().length).toBeGreaterThan(0);
  });
});
