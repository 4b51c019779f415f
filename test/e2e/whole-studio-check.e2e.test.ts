import * as path from "node:path";
import { DEMO_ACCOUNT } from "../../emulator";
import { EmulatorFixture, startEmulatorFixture } from "../helpers/emulator-fixture";
import { PulumiStack } from "../helpers/pulumi-stack";

const PROGRAM = path.join(__dirname, "one-by-one-program");

/** How many times `text` appears in `output`. */
function occurrences(output: string, text: string): number {
  return output.split(text).length - 1;
}

/**
 * A studio declared in TypeScript resource by resource gets the studio file's checks across its
 * resources: each problem below fails the preview with no API call, said once, with the resource's
 * name; a valid program whose values are not known yet (a new studio) previews; a literal position
 * of the program's own source waits for it; and a rename previews one update.
 */
describe("whole-studio checks for resources declared one by one, through the real CLI", () => {
  let live: EmulatorFixture;
  let stack: PulumiStack;

  beforeAll(async () => {
    live = await startEmulatorFixture();
    stack = await PulumiStack.create("one-by-one", { projectDir: PROGRAM, env: live.env });
  });
  afterAll(async () => {
    await stack?.remove();
    await live?.close();
  });

  const casters = () => Object.values(live.emulator.state().accounts[DEMO_ACCOUNT.uid]?.casters ?? {});

  const refusals: [problem: string, message: string][] = [
    ["overlap", 'CasterEpisode "interview" (index.ts:'],
    ["overlap", 'overlaps episode "news"'],
    ["taken", 'CasterVideoResource "slate" (index.ts:'],
    ["taken", '"RV01" is taken by CasterVideoResource "camera"'],
    ["dangling", 'CasterLayout "pip" (index.ts:'],
    ["dangling", 'locationId "RV09" is not a source of this studio\'s resources in the program'],
    ["stopped-with-scenes", "scenes are bound only on a started studio"],
    ["stopped-with-scenes", "and the Caster's running is false: set running: true on the Caster, or remove the CasterSceneBindings."],
    ["reversed", 'endTime "2031-03-01T20:59:00+08:00" is not after startTime "2031-03-01T21:00:00+08:00"'],
    ["past", "has passed"],
  ];

  // The program's own problems together in one preview; an episode's times one way at a time.
  const previews = ["overlap,taken,dangling,stopped-with-scenes", "reversed", "past"];

  test("every problem of the table is in a preview", () => {
    expect(new Set(previews.flatMap((preview) => preview.split(",")))).toEqual(new Set(refusals.map(([problem]) => problem)));
  });

  test.each(previews)("%s: the preview fails before any API call, each problem said once", async (problem) => {
    await stack.setConfig("problem", problem);
    live.emulator.clearCalls();
    const preview = await stack.preview();
    expect(preview.code).not.toBe(0);
    for (const [, message] of refusals.filter(([which]) => problem.split(",").includes(which))) {
      expect({ message, count: occurrences(preview.output, message) }).toEqual({ message, count: 1 });
    }
    expect(preview.output).not.toMatch(/RunError|UserFacingError|ConfigProblemError/);
    expect(live.emulator.calls().map((call) => call.action)).toEqual([]);
    expect(casters()).toEqual([]);
  });

  test("the valid program previews with the new studio's ID unknown, then goes up with the literal position waiting for its source", async () => {
    await stack.setConfig("problem", "none");
    await stack.setConfig("episodeAt", "literal");
    live.emulator.clearCalls();
    const preview = await stack.preview();
    expect({ code: preview.code, output: preview.code === 0 ? "" : preview.output }).toEqual({ code: 0, output: "" });
    expect(live.emulator.calls().map((call) => call.action)).toEqual([]);
    const up = await stack.up();
    expect({ code: up.code, output: up.code === 0 ? "" : up.output }).toEqual({ code: 0, output: "" });
    const [made] = casters();
    // Both episodes (the one by the literal RV02 among them) and the group's episode.
    expect(Object.values(made.episodes).map((episode) => episode.episodeName).sort()).toEqual(expect.arrayContaining(["Interview", "News"]));
    expect((await stack.preview(["--expect-no-changes"])).code).toBe(0);
  });

  test("renaming a source previews exactly one update: what uses its ID does not change", async () => {
    await stack.setConfig("cameraName", "Camera one");
    const preview = await stack.preview(["--json"]);
    expect(preview.code).toBe(0);
    const steps = (JSON.parse(preview.stdout).steps as { op: string; urn: string }[]).filter((step) => step.op !== "same");
    expect(steps.map((step) => `${step.op} ${step.urn.split("::").pop()}`)).toEqual(["update camera"]);
  });

  test("destroy leaves nothing", async () => {
    expect((await stack.destroy()).code).toBe(0);
    expect(casters()).toEqual([]);
  });
});
