import * as fs from "node:fs";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { EmulatorFixture, startEmulatorFixture } from "../helpers/emulator-fixture";
import { exportAndAdopt } from "../helpers/export-adopt";
import { PulumiStack } from "../helpers/pulumi-stack";

/** A channel-mode studio from its studio file (docs/examples/caster-channel.studio.yaml) through the real engine. */
describe("CasterChannel through pulumi up", () => {
  let live: EmulatorFixture;
  let stack: PulumiStack;
  let layoutFile: string;
  const example = parse(fs.readFileSync(path.join(__dirname, "..", "..", "docs", "examples", "caster-channel.studio.yaml"), "utf8"));

  const studio = () => Object.values(live.emulator.state().accounts["1000000000000001"]?.casters ?? {})[0];
  const channels = () => Object.fromEntries(Object.values(studio()?.channels ?? {}).map((channel) => [channel.channelId, channel.resourceId]));
  const sourceAt = (position: string) => Object.values(studio().videoResources).find((source) => source.locationId === position)?.resourceId;

  beforeAll(async () => {
    live = await startEmulatorFixture();
    stack = await PulumiStack.create("channel", { env: live.env });
    layoutFile = path.join(stack.workDir, "studio.yaml");
    fs.writeFileSync(layoutFile, stringify(example));
    await stack.setConfig("layoutFile", layoutFile);
  });
  afterAll(async () => {
    await stack?.remove();
    await live?.close();
  });

  test("up from nothing: a channel-mode studio, its sources, each on its channel", async () => {
    const result = await stack.up();
    expect(result.code).toBe(0);
    expect(studio().config.channelEnable).toBe(1);
    expect(channels()).toEqual({ RV01: sourceAt("RV01"), RV02: sourceAt("RV02") });
    // The layout shows channels RV01 and RV02: made once both play their sources.
    expect(Object.values(studio().layouts).map((layout) => layout.blendList)).toEqual([["RV01", "RV02"]]);
  });

  test("refresh and preview then find no difference", async () => {
    live.emulator.clearCalls();
    expect((await stack.refresh()).code).toBe(0);
    expect((await stack.preview(["--expect-no-changes"])).code).toBe(0);
    expect(live.mutatingCalls()).toEqual([]);
  });

  test("a channel moved to another source is one SetCasterChannel", async () => {
    fs.writeFileSync(layoutFile, stringify({ ...example, channels: { ...example.channels, RV01: { source: "RV02" } } }));
    live.emulator.clearCalls();
    expect((await stack.up()).code).toBe(0);
    expect(live.mutatingCalls()).toEqual(["SetCasterChannel"]);
    expect(channels()).toEqual({ RV01: sourceAt("RV02"), RV02: sourceAt("RV02") });
    expect((await stack.preview(["--expect-no-changes"])).code).toBe(0);
  });

  test("caster-studio export writes the channels; a new stack from the exported file adopts the studio with no mutating call", async () => {
    const adopter = await PulumiStack.create("channel-adopt", { env: live.env });
    try {
      const written = await exportAndAdopt(live, adopter, studio().casterId);
      expect(written.channels).toEqual({ RV01: { source: "RV02", faceBeauty: "1" }, RV02: { source: "RV02" } });
      expect(Object.keys(written.layouts)).toEqual(["rv01-rv02"]);
      expect((await adopter.refresh(["--expect-no-changes"])).code).toBe(0);
      expect(live.mutatingCalls()).toEqual([]);
    } finally {
      // The adopter's state only: the first stack destroys the studio.
      await adopter.remove();
    }
  });

  test("destroy leaves nothing", async () => {
    expect((await stack.destroy()).code).toBe(0);
    expect(studio()).toBeUndefined();
  });
});
