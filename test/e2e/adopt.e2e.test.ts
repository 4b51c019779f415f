import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { DEMO_ACCOUNT } from "../../emulator";
import { buildStudio } from "../helpers/built-studio";
import { EmulatorFixture, startEmulatorFixture } from "../helpers/emulator-fixture";
import { CliResult, PulumiStack } from "../helpers/pulumi-stack";

const REPO = path.resolve(__dirname, "..", "..");

/**
 * Bring an existing studio under management in two commands: `caster-studio export`, then `pulumi
 * up` of the file with the Studio component. The round trip, through the real engine: the
 * export validates, the first up makes no mutating call, refresh finds no change, a second export
 * gives the same file, and render draws it.
 */
describe("export a live studio and adopt it with zero changes", () => {
  // The emulator's clock: the real one, moved on by the studio builder (an episode that has played).
  const clock = { offset: 0, get now() { return Date.now() + this.offset; } };
  let live: EmulatorFixture;
  const stacks: PulumiStack[] = [];

  beforeAll(async () => {
    live = await startEmulatorFixture({ clock: () => clock.now });
  });
  afterAll(async () => {
    for (const stack of stacks) await stack.remove();
    await live?.close();
  });

  /** export, validate, set the secrets the export printed, up with 0 mutating calls, refresh with no change, export again. */
  async function roundTrip(casterId: string, prefix: string): Promise<{ stack: PulumiStack; text: string; exported: CliResult }> {
    const stack = await PulumiStack.create(prefix, { env: live.env });
    stacks.push(stack);
    const file = path.join(stack.workDir, "studio.yaml");
    const exported = await stack.runPackageCommand("caster-studio", ["export", casterId, "--out", file]);
    expect({ code: exported.code, stderr: exported.code === 0 ? "" : exported.stderr }).toEqual({ code: 0, stderr: "" });
    const text = fs.readFileSync(file, "utf8");
    const validated = await stack.runPackageCommand("caster-studio", ["validate", file]);
    expect({ code: validated.code, output: validated.output }).toEqual({ code: 0, output: expect.stringContaining("valid") });

    // The signed URLs: never in the file; their commands on stderr, run as the user runs them.
    const commands = [...exported.stderr.matchAll(/pulumi config set --secret (\S+) '([^']+)'/g)];
    for (const [, key, url] of commands) {
      expect(text).not.toContain(url);
      await stack.setConfig(key, url, { secret: true });
    }
    await stack.setConfig("layoutFile", file);

    live.emulator.clearCalls();
    const up = await stack.up();
    expect({ code: up.code, output: up.code === 0 ? "" : up.output }).toEqual({ code: 0, output: "" });
    expect(live.mutatingCalls()).toEqual([]);
    const refresh = await stack.refresh(["--expect-no-changes"]);
    expect({ code: refresh.code, output: refresh.code === 0 ? "" : refresh.output }).toEqual({ code: 0, output: "" });
    expect((await stack.preview(["--expect-no-changes"])).code).toBe(0);
    expect(live.mutatingCalls()).toEqual([]);

    const again = await stack.runPackageCommand("caster-studio", ["export", casterId]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(text);
    return { stack, text, exported };
  }

  test("a studio built by direct API calls with every kind of object", async () => {
    const built = await buildStudio((action, params) => live.client.call(action, params), clock);
    const { stack, text, exported } = await roundTrip(built.casterId, "adopt-built");
    const file = parse(text);
    expect(Object.keys(file.sources).sort()).toEqual(Object.keys(built.resourceIds).sort());
    expect(Object.keys(file.components).sort()).toEqual(["RC01", "RC02", "RC03"]);
    expect(Object.keys(file.layouts)).toHaveLength(2);
    expect(Object.values(file.adopt.episodes).sort()).toEqual([built.episodeIds.news, built.episodeIds.station].sort());
    // The group cannot be described: said in the file and on stderr, and left as it is.
    expect(text).toMatch(/episode group/i);
    expect(exported.stderr).toMatch(/episode group/i);

    // The stack took every object over: its resources carry the studio's own IDs.
    const state = (await stack.exportState()).deployment.resources ?? [];
    const ids = state.filter((resource) => resource.type.startsWith("pulumi-nodejs:dynamic/alicloud-caster:")).map((resource) => resource.id);
    expect(ids).toEqual(expect.arrayContaining([
      built.casterId,
      ...Object.values(built.resourceIds).map((id) => `${built.casterId}:${id}`),
      `${built.casterId}:${built.layoutIds.pip}`,
      `${built.casterId}:${built.layoutIds.split}`,
      ...Object.values(built.componentIds).map((id) => `${built.casterId}:${id}`),
      `${built.casterId}:PGM`,
      `${built.casterId}:PVW`,
      `${built.casterId}:${built.episodeIds.news}`,
    ]));

    // render draws the studio as it is.
    const svg = path.join(stack.workDir, "studio.svg");
    const render = await stack.runPackageCommand("caster-studio", ["render", path.join(stack.workDir, "studio.yaml"), "--out", svg]);
    expect(render.code).toBe(0);
    const picture = fs.readFileSync(svg, "utf8");
    for (const name of ["Main camera", "Guest camera", "Lower third", "Evening news", "PGM"]) expect(picture).toContain(name);

    // Once adopted, the adopt section can go: nothing changes.
    fs.writeFileSync(path.join(stack.workDir, "studio.yaml"), text.replace(/\n# Written by `caster-studio export`[\s\S]*$/, "\n").replace(/\nadopt:[\s\S]*$/, "\n"));
    expect(parse(fs.readFileSync(path.join(stack.workDir, "studio.yaml"), "utf8")).adopt).toBeUndefined();
    expect((await stack.preview(["--expect-no-changes"])).code).toBe(0);
  });

  test("the example studio, made by another stack, is taken over as it is", async () => {
    const maker = await PulumiStack.create("adopt-example", { projectDir: REPO, env: live.env });
    stacks.push(maker);
    await maker.setConfig("mainCameraUrl", "rtmp://push.example.com/studio/main-camera?auth_key=1767225600-0-0-feedface", { secret: true });
    const made = await maker.up();
    expect({ code: made.code, output: made.code === 0 ? "" : made.output }).toEqual({ code: 0, output: "" });
    const casterIds = Object.keys(live.emulator.state().accounts[DEMO_ACCOUNT.uid]!.casters)
      .filter((id) => live.emulator.state().accounts[DEMO_ACCOUNT.uid]!.casters[id].casterName === "Demo studio");
    expect(casterIds).toHaveLength(1);
    // The maker lets go without deleting anything: the studio is now one nobody manages.
    expect((await maker.run(["stack", "rm", maker.name, "--yes", "--force", "--non-interactive"])).code).toBe(0);
    stacks.splice(stacks.indexOf(maker), 1);

    const { text } = await roundTrip(casterIds[0], "adopt-taker");
    const file = parse(text);
    const example = parse(fs.readFileSync(path.join(REPO, "examples", "studio", "studio.yaml"), "utf8"));
    expect(Object.keys(file.sources).sort()).toEqual(Object.keys(example.sources).sort());
    expect(Object.keys(file.components).sort()).toEqual(Object.keys(example.components).sort());
    expect(Object.keys(file.episodes)).toHaveLength(Object.keys(example.episodes).length);
    expect(file.sources.RV01.liveStreamUrl).toEqual({ secret: expect.any(String) });
    // The show list too, adopted by the studio's ID; its show that plays the camera names the same secret.
    expect(file.showList.shows.map((show: { showName: string }) => show.showName)).toEqual(example.showList.shows.map((show: { showName: string }) => show.showName));
    expect(file.showList.shows[1].resourceUrl).toEqual(file.sources.RV01.liveStreamUrl);
    expect(file.adopt.showList).toBe(casterIds[0]);
  });
});
