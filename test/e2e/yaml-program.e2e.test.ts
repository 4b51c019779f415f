import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DEMO_ACCOUNT } from "../../emulator";
import { EmulatorFixture, startEmulatorFixture } from "../helpers/emulator-fixture";
import { PulumiStack } from "../helpers/pulumi-stack";

const REPO = path.resolve(__dirname, "..", "..");
const SIGNATURE = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
const SIGNED_CAMERA_URL = `rtmp://push.example.com/studio/main-camera?auth_key=1767225600-0-0-${SIGNATURE}`;
/** The sources of examples/studio/studio.yaml, as `<position> <name>`. */
const EXAMPLE_SOURCES = ["RV01 Main camera", "RV02 Intro reel", "RV03 Station logo", "RV04 Guest camera"];

/**
 * The project folder of examples/yaml-studio as a user has it after `npm install
 * pulumi-alicloud-caster @pulumi/pulumi`: the package in node_modules holds exactly what `npm
 * pack` ships (not a link to this repository), beside its dependencies; the studio file beside it
 * as in this repository (`file: ../studio/studio.yaml`). No registry is needed: the dependencies
 * are the repository's own, linked.
 */
function installedYamlProject(root: string): { projectDir: string; studioFile: string; packedFiles: string[] } {
  const projectDir = path.join(root, "yaml-studio");
  const studioFile = path.join(root, "studio", "studio.yaml");
  fs.mkdirSync(path.dirname(studioFile), { recursive: true });
  fs.copyFileSync(path.join(REPO, "examples", "studio", "studio.yaml"), studioFile);
  fs.mkdirSync(projectDir);
  fs.copyFileSync(path.join(REPO, "examples", "yaml-studio", "Pulumi.yaml"), path.join(projectDir, "Pulumi.yaml"));

  const nodeModules = path.join(projectDir, "node_modules");
  fs.mkdirSync(nodeModules);
  for (const entry of fs.readdirSync(path.join(REPO, "node_modules"))) {
    if (entry === "pulumi-alicloud-caster" || entry.startsWith(".")) continue;
    fs.symlinkSync(path.join(REPO, "node_modules", entry), path.join(nodeModules, entry));
  }
  const [packed] = JSON.parse(
    execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", root], { cwd: REPO, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }),
  ) as { filename: string; files: { path: string }[] }[];
  const installed = path.join(nodeModules, "pulumi-alicloud-caster");
  fs.mkdirSync(installed);
  execFileSync("tar", ["-xzf", path.join(root, packed.filename), "--strip-components=1", "-C", installed]);
  return { projectDir, studioFile, packedFiles: packed.files.map((file) => file.path) };
}

const STUDIO_TYPE = "alicloud-caster:index:Studio";
const STUDIO_LAYOUT_TYPE = "alicloud-caster:index:StudioLayout";

/**
 * The example studio file applied from a Pulumi YAML program, through the real CLI, the YAML
 * language host and the package's component provider. The stack is made as a program written
 * before the rename has it (`type: alicloud-caster:index:StudioLayout`), then the program is the
 * example's own (`alicloud-caster:index:Studio`), which must change nothing.
 */
describe("a Pulumi YAML program with Studio", () => {
  let root: string;
  let live: EmulatorFixture;
  let stack: PulumiStack;
  let project: ReturnType<typeof installedYamlProject>;

  const account = () => live.emulator.state().accounts[DEMO_ACCOUNT.uid];
  const example = fs.readFileSync(path.join(REPO, "examples", "yaml-studio", "Pulumi.yaml"), "utf8");
  /** The component and the URNs of its children, from the state. */
  const tree = async () => {
    const resources = (await stack.exportState()).deployment.resources ?? [];
    const component = resources.find((resource) => resource.urn.endsWith("::studio"));
    return { component, children: resources.filter((resource) => resource.parent === component?.urn).map((resource) => resource.urn) };
  };
  const studios = () => Object.values(account()?.casters ?? {});

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "caster-yaml-"));
    project = installedYamlProject(root);
    live = await startEmulatorFixture();
    // The program as it was written before the rename.
    expect(example).toContain(`    type: ${STUDIO_TYPE}\n`);
    fs.writeFileSync(path.join(project.projectDir, "Pulumi.yaml"), example.replace(`    type: ${STUDIO_TYPE}\n`, `    type: ${STUDIO_LAYOUT_TYPE}\n`));
    stack = await PulumiStack.create("yaml", { projectDir: project.projectDir, env: live.env });
    await stack.setConfig("mainCameraUrl", SIGNED_CAMERA_URL, { secret: true });
  });

  afterAll(async () => {
    await stack?.remove();
    await live?.close();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  test("the package ships the plugin folder that the Pulumi.yaml names", () => {
    expect(project.packedFiles).toEqual(expect.arrayContaining(["component-provider/PulumiPlugin.yaml", "component-provider/index.js", "dist/component-provider/studio-provider.js"]));
    expect(fs.readFileSync(path.join(REPO, "examples", "yaml-studio", "Pulumi.yaml"), "utf8")).toMatch(
      /^runtime: yaml$[\s\S]*^packages:\n {2}alicloud-caster: \.\/node_modules\/pulumi-alicloud-caster\/component-provider$/m,
    );
  });

  test("pulumi up (with StudioLayout, the former name) makes the studio of the file and everything in it, with the signed URL a secret in state", async () => {
    const result = await stack.up();
    if (result.code !== 0) throw new Error(`pulumi up exited with ${result.code}:\n${result.output}`);
    // The YAML host shows no schema deprecation: the component warns itself.
    expect(result.output).toContain("StudioLayout is deprecated, the former name of Studio: write new Studio(name, { file }) (in Pulumi YAML, type: alicloud-caster:index:Studio)");

    // The file declares the studio: exactly one, made and started, holding what the file declares.
    expect(studios()).toHaveLength(1);
    const [studio] = studios();
    expect(studio.casterName).toBe("Demo studio");
    const reply = await live.client.call("DescribeCasterVideoResources", { CasterId: studio.casterId }) as
      { VideoResources: { VideoResource: { LocationId: string; ResourceName: string; ResourceId: string; LiveStreamUrl?: string }[] } };
    const sources = reply.VideoResources.VideoResource;
    expect(sources.map((source) => `${source.LocationId} ${source.ResourceName}`).sort()).toEqual(EXAMPLE_SOURCES);
    expect(sources.find((source) => source.LocationId === "RV01")?.LiveStreamUrl).toBe(SIGNED_CAMERA_URL);
    expect(Object.keys(studio.layouts)).toHaveLength(2);
    expect(Object.keys(studio.components)).toHaveLength(3);
    expect(Object.keys(studio.episodes)).toHaveLength(4);
    expect(Object.values(account().episodeGroups).map((group) => group.items.map((item) => item.itemName))).toEqual([["Opening titles", "Highlights", "Station ident"]]);

    // The component's outputs reach the YAML program's outputs.
    const outputs = JSON.parse((await stack.expectSuccess(["stack", "output", "--json", "--stack", stack.name])).stdout);
    expect(outputs.casterId).toBe(studio.casterId);
    expect(outputs.resourceIds).toEqual(Object.fromEntries(sources.map((source) => [source.LocationId, source.ResourceId])));
    expect(Object.keys(outputs.layoutIds).sort()).toEqual(["pip", "split"]);
    expect(Object.keys(outputs.componentIds).sort()).toEqual(["RC01", "RC02", "RC03"]);
    expect(Object.keys(outputs.boundSceneIds).sort()).toEqual(["pgm", "pvw"]);
    expect(outputs.pgmSceneId).toBe(outputs.boundSceneIds.pgm);

    // The component is the package's own, of the type the program names, with every child under it.
    const { component, children } = await tree();
    expect(component?.type).toBe(STUDIO_LAYOUT_TYPE);
    expect(children).toHaveLength(18);
    expect(stack.stateFileText()).not.toContain(SIGNATURE);
  });

  test("the program moved to type alicloud-caster:index:Studio (the example's) previews no changes", async () => {
    fs.writeFileSync(path.join(project.projectDir, "Pulumi.yaml"), example);
    live.emulator.clearCalls();
    const preview = await stack.preview(["--expect-no-changes"]);
    if (preview.code !== 0) throw new Error(`pulumi preview exited with ${preview.code}:\n${preview.output}`);
    expect(preview.output).toContain("20 unchanged");
    expect(preview.output).not.toContain("deprecated");
    expect(live.mutatingCalls()).toEqual([]);
  });

  test("a problem in the studio file fails the preview with its file:line:column, before any API call", async () => {
    const text = fs.readFileSync(project.studioFile, "utf8");
    expect(text).toContain("\n  RV04:\n");
    fs.writeFileSync(project.studioFile, text.replace("\n  RV04:\n", "\n  RV4:\n"));
    try {
      live.emulator.clearCalls();
      const preview = await stack.preview();
      expect(preview.code).not.toBe(0);
      expect(preview.output).toContain(`../studio/studio.yaml:${text.split("\n").indexOf("  RV04:") + 1}:3 sources.RV4: "RV4" is not allowed as a key of sources`);
      expect(preview.output).not.toMatch(/\n\s+at .*\(/); // the problem list, not a stack trace
      expect(live.mutatingCalls()).toEqual([]);
    } finally {
      fs.writeFileSync(project.studioFile, text);
    }
  });

  test("the up records the new type; a plain pulumi destroy of the example studio, on air, stops it and leaves nothing", async () => {
    expect(fs.readFileSync(project.studioFile, "utf8")).toContain("    running: true\n");
    const before = await tree();
    live.emulator.clearCalls();
    expect((await stack.up()).code).toBe(0);
    // A change of type only: no call to the API.
    expect(live.mutatingCalls()).toEqual([]);
    // The up recorded the new type, in the component's URN and in each child's.
    expect(before.children.filter((urn) => !urn.includes(`::${STUDIO_LAYOUT_TYPE}$`))).toEqual([]);
    const after = await tree();
    expect(after.component?.type).toBe(STUDIO_TYPE);
    expect(after.children.sort()).toEqual(before.children.map((urn) => urn.replace(`::${STUDIO_LAYOUT_TYPE}$`, `::${STUDIO_TYPE}$`)).sort());

    expect(studios().map((studio) => studio.status)).toEqual([1]);
    live.emulator.clearCalls();
    const destroy = await stack.destroy();
    if (destroy.code !== 0) throw new Error(`pulumi destroy exited with ${destroy.code}:\n${destroy.output}`);
    expect(studios()).toEqual([]);
    expect(account().episodeGroups).toEqual({});
    expect(live.mutatingCalls().slice(-2)).toEqual(["StopCaster", "DeleteCaster"]);
    expect((await stack.exportState()).deployment.resources ?? []).toEqual([]);
    // The component provider and the language hosts that ran it ended with the engine.
    expect(await stack.leftoverProcesses()).toEqual([]);
  });
});
