import * as fs from "node:fs";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { DEMO_ACCOUNT } from "../../emulator";
import { EmulatorFixture, startEmulatorFixture } from "../helpers/emulator-fixture";
import { exportAndAdopt } from "../helpers/export-adopt";
import { PulumiStack } from "../helpers/pulumi-stack";

const EXAMPLE = path.resolve(__dirname, "..", "..", "docs", "examples", "caster-studio-layout.studio.yaml");

/**
 * A virtual studio's studio layouts through the real engine, from the docs' example file: up from
 * nothing, no drift, a change in place and a replacement, export and adoption with no mutating
 * call, destroy with nothing left.
 */
describe("CasterStudioLayout through pulumi up", () => {
  let live: EmulatorFixture;
  let stack: PulumiStack;
  let adopter: PulumiStack | undefined;
  let file: string;

  const account = () => live.emulator.state().accounts[DEMO_ACCOUNT.uid];
  // In name order: the engine makes the two side by side.
  const layouts = () => Object.values(account()?.studioLayouts ?? {}).sort((a, b) => a.layoutName.localeCompare(b.layoutName));
  const casterIds = () => Object.keys(account()?.casters ?? {});
  const edit = (change: (value: Record<string, any>) => void) => {
    const value = parse(fs.readFileSync(file, "utf8")) as Record<string, any>;
    change(value);
    fs.writeFileSync(file, stringify(value));
  };

  beforeAll(async () => {
    live = await startEmulatorFixture();
    stack = await PulumiStack.create("studio-layout", { env: live.env });
    file = path.join(stack.workDir, "studio.yaml");
    fs.copyFileSync(EXAMPLE, file);
    await stack.setConfig("layoutFile", file);
  });

  afterAll(async () => {
    await adopter?.remove();
    await stack?.remove();
    await live?.close();
  });

  test("up makes the virtual studio and its two studio layouts from nothing", async () => {
    live.emulator.clearCalls();
    const up = await stack.up();
    expect({ code: up.code, output: up.code === 0 ? "" : up.output }).toEqual({ code: 0, output: "" });
    expect(live.mutatingCalls().filter((action) => action === "AddStudioLayout")).toHaveLength(2);
    expect(account()?.casters[casterIds()[0]].normType).toBe(4);
    expect(layouts().map((layout) => [layout.layoutName, layout.layoutType])).toEqual([["News desk", "studio"], ["Wide", "common"]]);
    expect(live.undeclaredParameters()).toEqual([]);
  });

  test("refresh and preview then find no difference", async () => {
    live.emulator.clearCalls();
    expect((await stack.refresh(["--expect-no-changes"])).code).toBe(0);
    expect((await stack.preview(["--expect-no-changes"])).code).toBe(0);
    expect(live.mutatingCalls()).toEqual([]);
  });

  test("a moved presenter is one ModifyStudioLayout; a new layout type replaces the layout, the old one deleted first", async () => {
    edit((value) => {
      value.studioLayouts[0].chromaKeyInputs[0].positionX = 0.2;
      value.studioLayouts[1] = {
        layoutName: "Wide", layoutType: "studio", background: { imageUrl: "https://img.example.com/set.png" },
        chromaKeyInputs: [{ channelId: "RV03", color: "blue", positionX: 0.4, positionY: 0.2, heightNormalized: 0.8 }],
      };
    });
    live.emulator.clearCalls();
    const up = await stack.up();
    expect({ code: up.code, output: up.code === 0 ? "" : up.output }).toEqual({ code: 0, output: "" });
    expect(live.mutatingCalls().sort()).toEqual(["AddStudioLayout", "DeleteStudioLayout", "ModifyStudioLayout"]);
    expect(layouts().map((layout) => [layout.layoutName, layout.layoutType])).toEqual([["News desk", "studio"], ["Wide", "studio"]]);
    live.emulator.clearCalls();
    expect((await stack.preview(["--expect-no-changes"])).code).toBe(0);
  });

  test("caster-studio export writes the layouts, and a new stack takes them over with no mutating call", async () => {
    adopter = await PulumiStack.create("studio-layout-adopt", { env: live.env });
    const value = await exportAndAdopt(live, adopter, casterIds()[0]);
    expect(value.studioLayouts.map((layout: { layoutName: string }) => layout.layoutName)).toEqual(["News desk", "Wide"]);
    expect(Object.keys(value.adopt.studioLayouts)).toEqual(["News desk", "Wide"]);
  });

  test("destroy leaves nothing: no studio layout, no studio", async () => {
    const destroyed = await adopter!.destroy();
    expect({ code: destroyed.code, output: destroyed.code === 0 ? "" : destroyed.output }).toEqual({ code: 0, output: "" });
    expect(layouts()).toEqual([]);
    expect(casterIds()).toEqual([]);
  });
});
