import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { packageSchema, STUDIO_LAYOUT_OUTPUTS, STUDIO_LAYOUT_TOKEN, StudioLayoutProvider } from "./studio-layout-provider";
import { StudioLayout } from "../sdk/studio-layout";

/**
 * The component provider against the component it serves, with Pulumi's mocks in place of the
 * engine. The whole path through the real CLI and a YAML program is test/e2e/yaml-program.
 */

pulumi.runtime.setMocks(
  {
    // A source's Pulumi ID is `<casterId>:<resourceId>`, as its kind's spec has it: its resourceId output is read from it.
    newResource: (args) => ({ id: `${args.inputs.casterId}:${args.name}-resource`, state: { ...args.inputs, resourceId: `${args.name}-resource` } }),
    call: (args) => args.inputs,
  },
  "project",
  "stack",
  false,
);

const value = <T>(output: pulumi.Output<T>): Promise<T> => new Promise((resolve) => output.apply(resolve));

describe("the StudioLayout component provider", () => {
  let file: string;
  beforeAll(() => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "caster-component-provider-"));
    file = path.join(dir, "studio.yaml");
    fs.writeFileSync(file, "caster: { casterId: LIVEPRODUCER_POST-cn-mockstudio }\nsources:\n  RV01: { resourceName: Main camera, liveStreamUrl: rtmp://push.example.com/live/main }\n");
  });

  test("the schema declares every Output property of StudioLayout as an output, and nothing else", () => {
    const layout = new StudioLayout("outputs", { layout: file });
    const outputProperties = Object.entries(layout).filter(([, property]) => pulumi.Output.isInstance(property)).map(([name]) => name).sort();
    // urn is every resource's, not one of the component's outputs.
    expect(outputProperties.filter((name) => name !== "urn")).toEqual(Object.keys(STUDIO_LAYOUT_OUTPUTS).sort());
    const resource = (packageSchema("1.2.3").resources as Record<string, { properties: object; required: string[] }>)[STUDIO_LAYOUT_TOKEN];
    expect(Object.keys(resource.properties).sort()).toEqual(outputProperties.filter((name) => name !== "urn"));
    // Only a studio the file makes has scenes.
    expect(resource.required.sort()).toEqual(outputProperties.filter((name) => !["urn", "pvwSceneId", "pgmSceneId"].includes(name)));
  });

  test("construct makes the component under the schema's type token and returns its outputs", async () => {
    const provider = new StudioLayoutProvider();
    const result = await provider.construct("studio", STUDIO_LAYOUT_TOKEN, { file }, {});
    expect(await value(pulumi.output(result.urn))).toMatch(/::alicloud-caster:index:StudioLayout::studio$/);
    expect(Object.keys(result.state).sort()).toEqual(Object.keys(STUDIO_LAYOUT_OUTPUTS).sort());
    expect(await value(pulumi.output(result.state.casterId))).toBe("LIVEPRODUCER_POST-cn-mockstudio");
    expect(await value(pulumi.output(result.state.resourceIds))).toEqual({ RV01: "studio-RV01-resource" });
    const schema = JSON.parse(await provider.getSchema());
    expect(schema.name).toBe("alicloud-caster");
    expect(schema.version).toBe(provider.version);
    expect(provider.version).toBe(JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8")).version);
  });

  test("a file that is not a path known when the program runs is refused with what to write instead", async () => {
    const provider = new StudioLayoutProvider();
    await expect(provider.construct("late", STUDIO_LAYOUT_TOKEN, { file: pulumi.output(file) }, {})).rejects.toThrow(
      'StudioLayout "late": file must be the studio file\'s path, written in the program (not a secret or another resource\'s output); got an output.',
    );
    await expect(provider.construct("other", "alicloud-caster:index:Other", { file }, {})).rejects.toThrow("unknown resource type alicloud-caster:index:Other");
  });
});
