import { DEMO_ACCOUNT } from "../../emulator";
import * as fs from "node:fs";
import * as path from "node:path";
import { stringify } from "yaml";
import { EmulatorFixture, startEmulatorFixture } from "../helpers/emulator-fixture";
import { PulumiStack, VIDEO_RESOURCE_TYPE } from "../helpers/pulumi-stack";

const STUDIO_TYPE = "alicloud-caster:index:Studio";
const STUDIO_LAYOUT_TYPE = "alicloud-caster:index:StudioLayout";

/** A studio file applied by the Studio component, through the real engine. */
describe("Studio through pulumi up", () => {
  let live: EmulatorFixture;
  let stack: PulumiStack;
  let casterId: string;
  let layoutFile: string;

  const sources = {
    RV01: { resourceName: "Main camera", liveStreamUrl: "rtmp://push.example.com/live/main" },
    RV02: { resourceName: "Intro reel", vodUrl: "https://media.example.com/intro.mp4", repeatNum: -1 },
    RV03: { resourceName: "Station logo", imageUrl: "https://media.example.com/logo.png" },
  };
  const episodeGroups = {
    "evening-loop": {
      startTime: "2030-12-24T20:00:00+08:00",
      repeatNum: -1,
      items: [
        { itemName: "Opening", vodUrl: "https://media.example.com/opening.mp4" },
        { itemName: "Feature", vodUrl: "https://media.example.com/feature.flv" },
      ],
    },
    night: { startTime: "2030-12-24T23:00:00Z", items: [{ itemName: "Replay", vodUrl: "https://media.example.com/replay.ts" }] },
  };
  const writeLayout = (layout: unknown) => fs.writeFileSync(layoutFile, stringify(layout));
  const placed = () => live.sources(casterId).map((source) => `${source.locationId} ${source.resourceName}`).sort();
  const programs = () => Object.values(live.emulator.state().accounts["1000000000000001"].episodeGroups);

  beforeAll(async () => {
    live = await startEmulatorFixture();
    casterId = await live.createCaster();
    stack = await PulumiStack.create("layout", { env: live.env });
    layoutFile = path.join(stack.workDir, "studio.yaml");
    await stack.setConfig("layoutFile", layoutFile);
    await stack.setConfig("casterId", casterId);
    writeLayout({ caster: { config: "casterId" }, sources, episodeGroups });
  });

  afterAll(async () => {
    await stack?.remove();
    await live?.close();
  });

  test("up declares a child per position and per group, named from them, under the component", async () => {
    const result = await stack.up();
    expect(result.code).toBe(0);
    expect(placed()).toEqual(["RV01 Main camera", "RV02 Intro reel", "RV03 Station logo"]);
    expect(programs()).toHaveLength(2);

    const state = (await stack.exportState()).deployment.resources ?? [];
    const component = state.find((resource) => resource.type === STUDIO_TYPE);
    expect(component?.urn).toMatch(/::studio$/);
    const children = state.filter((resource) => resource.parent === component?.urn);
    expect(children.map((resource) => resource.urn.split("::").pop()).sort()).toEqual(
      ["studio-RV01", "studio-RV02", "studio-RV03", "studio-evening-loop", "studio-night"],
    );
    const outputs = JSON.parse((await stack.expectSuccess(["stack", "output", "--json", "--stack", stack.name])).stdout);
    expect(Object.keys(outputs.layoutResourceIds)).toEqual(["RV01", "RV02", "RV03"]);
    expect(outputs.layoutResourceIds.RV02).toBe(live.sources(casterId).find((source) => source.locationId === "RV02")?.resourceId);
    expect(Object.keys(outputs.layoutProgramIds)).toEqual(["evening-loop", "night"]);
  });

  test("the same file reordered, with a start time written in another zone, changes nothing", async () => {
    const reversed = <T extends object>(entries: T) => Object.fromEntries(Object.entries(entries).reverse());
    writeLayout({
      episodeGroups: reversed({
        ...episodeGroups,
        "evening-loop": { ...reversed(episodeGroups["evening-loop"]), startTime: "2030-12-24T12:00:00Z" },
      }),
      sources: reversed(Object.fromEntries(Object.entries(sources).map(([location, source]) => [location, reversed(source)]))),
      caster: { config: "casterId" },
    });
    live.emulator.clearCalls();
    const preview = await stack.preview(["--expect-no-changes"]);
    expect(preview.code).toBe(0);
    const result = await stack.up();
    expect(result.code).toBe(0);
    expect(live.mutatingCalls()).toEqual([]);
  });

  test("moving a source to another position shows it leaving the old position and arriving at the new one", async () => {
    const { RV02: reel, ...others } = sources;
    writeLayout({ caster: { config: "casterId" }, sources: { ...others, RV05: reel }, episodeGroups });
    const before = live.sources(casterId).find((source) => source.locationId === "RV02")?.resourceId;

    const preview = await stack.preview(["--diff"]);
    expect(preview.code).toBe(0);
    expect(preview.output).toMatch(/\+ pulumi-nodejs:dynamic\/alicloud-caster:CasterVideoResource: \(create\)[\s\S]*::studio-RV05\]/);
    expect(preview.output).toMatch(/- pulumi-nodejs:dynamic\/alicloud-caster:CasterVideoResource: \(delete\)[\s\S]*::studio-RV02\]/);

    live.emulator.clearCalls();
    expect((await stack.up()).code).toBe(0);
    expect(live.mutatingCalls().sort()).toEqual(["AddCasterVideoResource", "DeleteCasterVideoResource"]);
    expect(placed()).toEqual(["RV01 Main camera", "RV03 Station logo", "RV05 Intro reel"]);
    expect(live.sources(casterId).map((source) => source.resourceId)).not.toContain(before);
    const urns = (await stack.resources(VIDEO_RESOURCE_TYPE)).map((resource) => resource.urn.split("::").pop()).sort();
    expect(urns).toEqual(["studio-RV01", "studio-RV03", "studio-RV05"]);
  });

  test("a bad file fails the preview with file:line:column for each problem, before any API call", async () => {
    fs.writeFileSync(
      layoutFile,
      [
        "caster:",
        "  config: casterId",
        "sources:",
        "  RV7:",
        "    resourceName: Guest",
        "    liveStreamUrl: ftp://guest.example.com/live",
        "",
      ].join("\n"),
    );
    live.emulator.clearCalls();
    const preview = await stack.preview();
    expect(preview.code).not.toBe(0);
    expect(preview.output).toContain(`${layoutFile}:4:3 sources.RV7: "RV7" is not allowed as a key of sources: use a source position from RV01 to RV99`);
    expect(preview.output).toContain(`${layoutFile}:6:20 sources.RV7.liveStreamUrl: liveStreamUrl "ftp://guest.example.com/live" is not allowed`);
    expect(preview.output).not.toMatch(/\n\s+at .*\(/); // the problem list, not a stack trace
    expect(live.emulator.calls()).toEqual([]);
  });

  test("a file whose studio config key is not set says which key to set", async () => {
    writeLayout({ caster: { config: "studioOfStaging" }, sources });
    const preview = await stack.preview();
    expect(preview.code).not.toBe(0);
    expect(preview.output).toContain(
      'Studio "studio": the file takes the studio from stack config key studioOfStaging, which is not set; run `pulumi config set studioOfStaging <casterId>`.',
    );
  });

  test("a URL given as { secret: key } is read from the stack's secret config and stays ciphertext in state", async () => {
    const signed = "rtmp://push.example.com/live/main?auth_key=1767225600-0-0-0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    // As the studio stands after the move above, with the camera's URL now a stack secret.
    const withSecret = { RV01: { resourceName: "Main camera", liveStreamUrl: { secret: "mainCameraUrl" } }, RV03: sources.RV03, RV05: sources.RV02 };
    writeLayout({ caster: { config: "casterId" }, sources: withSecret, episodeGroups });
    const missing = await stack.preview();
    expect(missing.code).not.toBe(0);
    expect(missing.output).toContain(
      'Studio "studio": sources.RV01.liveStreamUrl is the stack secret mainCameraUrl, which is not set; run `pulumi config set --secret mainCameraUrl <url>`.',
    );

    await stack.setConfig("mainCameraUrl", signed, { secret: true });
    live.emulator.clearCalls();
    expect((await stack.up()).code).toBe(0);
    expect(live.mutatingCalls()).toEqual(["ModifyCasterVideoResource"]);
    const camera = live.emulator.state().accounts["1000000000000001"].casters[casterId].videoResources;
    expect(Object.values(camera).find((source) => source.locationId === "RV01")?.liveStreamUrl).toBe(signed);
    expect(stack.stateFileText()).not.toContain("0f1e2d3c4b5a69788796a5b4c3d2e1f0");
  });

  test("destroy removes every child", async () => {
    writeLayout({ caster: { config: "casterId" }, sources, episodeGroups });
    expect((await stack.destroy()).code).toBe(0);
    expect(live.sources(casterId)).toEqual([]);
    expect(programs()).toEqual([]);
  });
});

/** The example studio, as the demo and a copied template run it: both its projects, through the real engine. */
/** The sources of examples/studio/studio.yaml, as `<position> <name>`. */
const EXAMPLE_SOURCES = ["RV01 Main camera", "RV02 Intro reel", "RV03 Station logo", "RV04 Guest camera"];

describe("the example studio", () => {
  const repo = path.join(__dirname, "..", "..");
  let live: EmulatorFixture;
  const stacks: PulumiStack[] = [];

  beforeAll(async () => {
    live = await startEmulatorFixture();
  });

  afterAll(async () => {
    for (const stack of stacks) await stack.remove();
    await live?.close();
  });

  /** The studios of the emulator's demo account. */
  const studios = () => Object.keys(live.emulator.state().accounts[DEMO_ACCOUNT.uid]?.casters ?? {});

  test("the root Pulumi.yaml (the demo's project) makes the studio of examples/studio/studio.yaml from nothing and fills it; a second run changes nothing", async () => {
    const stack = await PulumiStack.create("demo", { projectDir: repo, env: live.env });
    stacks.push(stack);
    await stack.setConfig("mainCameraUrl", "rtmp://push.example.com/studio/main-camera?auth_key=1767225600-0-0-feedface", { secret: true });
    expect(studios()).toEqual([]);
    expect((await stack.up()).code).toBe(0);
    // The file declares the studio: the up made exactly one, and the sources are in it.
    expect(studios()).toHaveLength(1);
    const casterId = studios()[0];
    expect(live.sources(casterId).map((source) => `${source.locationId} ${source.resourceName}`).sort()).toEqual(EXAMPLE_SOURCES);
    expect((await stack.preview(["--expect-no-changes"])).code).toBe(0);
    expect(stack.stateFileText()).not.toContain("feedface");

    // A rename in the console drifts back on a plain `pulumi up`: the project refreshes first
    // (options: refresh: always in Pulumi.yaml), as the README says.
    const camera = live.sources(casterId).find((source) => source.locationId === "RV01")!;
    await live.client.call("ModifyCasterVideoResource", { CasterId: casterId, ResourceId: camera.resourceId, ResourceName: "Renamed in the console" });
    live.emulator.clearCalls();
    expect((await stack.up()).code).toBe(0);
    expect(live.mutatingCalls()).toEqual(["ModifyCasterVideoResource"]);
    expect(live.sources(casterId).find((source) => source.locationId === "RV01")?.resourceName).toBe("Main camera");
    expect(studios()).toHaveLength(1);
  });

  test("examples/studio as a project of its own previews the same studio", async () => {
    const stack = await PulumiStack.create("template", { projectDir: path.join(repo, "examples", "studio"), env: live.env });
    stacks.push(stack);
    await stack.setConfig("mainCameraUrl", "rtmp://push.example.com/studio/main-camera?auth_key=1767225600-0-0-feedface", { secret: true });
    const preview = await stack.preview();
    expect(preview.code).toBe(0);
    for (const child of ["studio-studio", "studio-RV01", "studio-RV02", "studio-RV03", "studio-evening-loop", "studio-layout-pip", "studio-RC01", "studio-pgm", "studio-pvw", "studio-episode-evening-news"]) {
      expect(preview.output).toContain(child);
    }
    // The template refreshes before every operation too, so that a console change drifts back.
    expect(fs.readFileSync(path.join(repo, "examples", "studio", "Pulumi.yaml"), "utf8")).toMatch(/^options:\n {2}refresh: always$/m);
    // The stack, the component, the studio, 4 sources, the group, 2 layouts, 3 components, 2 scene bindings, 4 episodes and the show list.
    expect(preview.output).toContain("20 to create");
  });
});

/**
 * The example studio file (a studio it makes, on air, and 13 objects in it) removed: guarded by
 * `protect: true` on the Studio, which every resource it declares inherits, then destroyed
 * by a plain `pulumi destroy`, which stops the studio and leaves nothing.
 */
describe("the example studio on air, destroyed", () => {
  const example = path.join(__dirname, "..", "..", "examples", "studio", "studio.yaml");
  let live: EmulatorFixture;
  let stack: PulumiStack;

  beforeAll(async () => {
    live = await startEmulatorFixture();
    stack = await PulumiStack.create("destroy", { env: live.env });
    await stack.setConfig("layoutFile", example);
    await stack.setConfig("mainCameraUrl", "rtmp://push.example.com/studio/main-camera?auth_key=1767225600-0-0-feedface", { secret: true });
    await stack.setConfig("layoutProtected", "true");
  });
  afterAll(async () => {
    await stack?.remove();
    await live?.close();
  });

  const account = () => live.emulator.state().accounts[DEMO_ACCOUNT.uid];
  /** What the account holds, by kind: the studio's objects counted in the studios. */
  function held() {
    const casters = Object.values(account()?.casters ?? {});
    const count = (kind: "videoResources" | "layouts" | "components" | "episodes") => casters.reduce((sum, caster) => sum + Object.keys(caster[kind]).length, 0);
    return {
      studios: casters.map((caster) => caster.status),
      sources: count("videoResources"), layouts: count("layouts"), components: count("components"), episodes: count("episodes"),
      episodeGroups: Object.keys(account()?.episodeGroups ?? {}).length,
    };
  }
  const FULL = { studios: [1], sources: 4, layouts: 2, components: 3, episodes: 4, episodeGroups: 1 };

  test("with protect: true on the Studio, destroy fails and deletes nothing: the studio stays on air with everything in it", async () => {
    const up = await stack.up();
    if (up.code !== 0) console.log(up.output);
    expect(up.code).toBe(0);
    expect(held()).toEqual(FULL);

    live.emulator.clearCalls();
    const destroy = await stack.destroy();
    expect(destroy.code).not.toBe(0);
    expect(destroy.output).toMatch(/cannot be deleted\s+because it is protected/);
    expect(live.mutatingCalls()).toEqual([]);
    expect(held()).toEqual(FULL);
  });

  test("unprotected (an up with no API call), a plain destroy stops the studio after deleting what is in it, and leaves nothing", async () => {
    await stack.setConfig("layoutProtected", "false");
    live.emulator.clearCalls();
    expect((await stack.up()).code).toBe(0);
    expect(live.mutatingCalls()).toEqual([]);

    const destroy = await stack.destroy();
    if (destroy.code !== 0) console.log(destroy.output);
    expect(destroy.code).toBe(0);
    expect(account()).toMatchObject({ casters: {}, episodeGroups: {} });
    const calls = live.mutatingCalls();
    // Everything in the studio first; then the studio is stopped and deleted, the last two calls.
    expect(calls.slice(-2)).toEqual(["StopCaster", "DeleteCaster"]);
    expect((await stack.exportState()).deployment.resources ?? []).toEqual([]);
  });
});


/** A studio declared resource by resource, then moved into a studio file: aliases take it over. */
describe("moving existing resources into a Studio", () => {
  let live: EmulatorFixture;
  let stack: PulumiStack;

  afterAll(async () => {
    await stack?.remove();
    await live?.close();
  });

  test("with aliases, the sources are taken over in place: no create, no delete, no API call", async () => {
    live = await startEmulatorFixture();
    const casterId = await live.createCaster();
    stack = await PulumiStack.create("adopt", { env: live.env });
    const camera = { resourceName: "Main camera", liveStreamUrl: "rtmp://push.example.com/live/main" };
    const logo = { resourceName: "Station logo", imageUrl: "https://media.example.com/logo.png" };
    await stack.setConfigObject("sources", {
      "main-camera": { casterId, locationId: "RV01", ...camera },
      "station-logo": { casterId, locationId: "RV03", ...logo },
    });
    expect((await stack.up()).code).toBe(0);
    const before = live.sources(casterId).map((source) => source.resourceId).sort();

    const layoutFile = path.join(stack.workDir, "studio.yaml");
    fs.writeFileSync(layoutFile, stringify({ caster: { casterId }, sources: { RV01: camera, RV03: logo } }));
    await stack.setConfigObject("sources", {});
    await stack.setConfig("layoutFile", layoutFile);
    await stack.setConfigObject("layoutAliases", { RV01: "main-camera", RV03: "station-logo" });

    live.emulator.clearCalls();
    const preview = await stack.preview(["--diff"]);
    expect(preview.code).toBe(0);
    expect(preview.output).not.toMatch(/CasterVideoResource: \((create|delete|replace)/);
    expect((await stack.up()).code).toBe(0);
    expect(live.mutatingCalls()).toEqual([]);
    expect(live.sources(casterId).map((source) => source.resourceId).sort()).toEqual(before);
    const urns = (await stack.resources(VIDEO_RESOURCE_TYPE)).map((resource) => resource.urn.split("::").pop()).sort();
    expect(urns).toEqual(["studio-RV01", "studio-RV03"]);
  });
});

/**
 * A stack made by a program with `new StudioLayout(...)`, the component's former name, whose
 * program then says `new Studio(...)`: Studio's alias of the former type takes the component over,
 * and the engine derives each child's alias from it (a child's URN carries its parent's type).
 */
describe("a stack of StudioLayout, the former name, moved to Studio", () => {
  let live: EmulatorFixture;
  let stack: PulumiStack;

  afterAll(async () => {
    await stack?.remove();
    await live?.close();
  });

  /** The component and its children, by the name the URN ends with, with the type the URN carries and the ID. */
  const tree = async (): Promise<{ type?: string; children: Record<string, { parentType: string; id?: string }> }> => {
    const resources = (await stack.exportState()).deployment.resources ?? [];
    const component = resources.find((resource) => resource.urn.endsWith("::studio"));
    const children = resources.filter((resource) => resource.parent === component?.urn);
    return {
      type: component?.type,
      children: Object.fromEntries(children.map((child) => [child.urn.split("::").pop(), { parentType: child.urn.split("::")[2].split("$")[0], id: child.id }])),
    };
  };

  test("the example studio made with StudioLayout previews no change with Studio, and up only records the new name", async () => {
    live = await startEmulatorFixture();
    stack = await PulumiStack.create("moved", { env: live.env });
    // The example studio runs: destroying it on air needs allowStopOnAir.
    const example = fs.readFileSync(path.join(__dirname, "..", "..", "examples", "studio", "studio.yaml"), "utf8");
    expect(example).toContain("    running: true\n");
    const studioFile = path.join(stack.workDir, "studio.yaml");
    fs.writeFileSync(studioFile, example.replace("    running: true\n", "    running: true\n    allowStopOnAir: true\n"));
    await stack.setConfig("layoutFile", studioFile);
    await stack.setConfig("layoutClass", "StudioLayout");
    await stack.setConfig("mainCameraUrl", "rtmp://push.example.com/studio/main-camera?auth_key=1767225600-0-0-feedface", { secret: true });
    const made = await stack.up();
    if (made.code !== 0) throw new Error(`pulumi up exited with ${made.code}:\n${made.output}`);
    expect(made.output).toContain("StudioLayout is deprecated, the former name of Studio: write new Studio(name, { file })");
    const before = await tree();
    expect(before.type).toBe(STUDIO_LAYOUT_TYPE);
    // The studio, 4 sources, the group, 2 layouts, 3 components, 2 scene bindings, 4 episodes and the show list.
    expect(Object.keys(before.children)).toHaveLength(18);
    for (const child of Object.values(before.children)) expect(child.parentType).toBe(STUDIO_LAYOUT_TYPE);

    // The program moves to the new name, with the same file.
    await stack.setConfig("layoutClass", "Studio");
    live.emulator.clearCalls();
    const preview = await stack.preview(["--expect-no-changes"]);
    if (preview.code !== 0) throw new Error(`pulumi preview exited with ${preview.code}:\n${preview.output}`);
    expect(preview.output).toContain("20 unchanged");
    expect(preview.output).not.toMatch(/to (create|delete|replace|update)/);
    expect(preview.output).not.toContain("deprecated");

    const up = await stack.up();
    if (up.code !== 0) throw new Error(`pulumi up exited with ${up.code}:\n${up.output}`);
    expect(up.output).toContain("20 unchanged");
    expect(live.mutatingCalls()).toEqual([]);
    // The state now has the new type, for the component and in every child's URN, with the same objects.
    const after = await tree();
    expect(after.type).toBe(STUDIO_TYPE);
    expect(Object.keys(after.children).sort()).toEqual(Object.keys(before.children).sort());
    for (const [name, child] of Object.entries(after.children)) expect(child).toEqual({ parentType: STUDIO_TYPE, id: before.children[name].id });

    const destroy = await stack.destroy();
    if (destroy.code !== 0) throw new Error(`pulumi destroy exited with ${destroy.code}:\n${destroy.output}`);
    expect(Object.keys(live.emulator.state().accounts[DEMO_ACCOUNT.uid]?.casters ?? {})).toEqual([]);
  });
});
