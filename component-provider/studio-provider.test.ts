import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { packageSchema, STUDIO_LAYOUT_TOKEN, STUDIO_OUTPUTS, STUDIO_TOKEN, StudioProvider } from "./studio-provider";
import { Studio } from "../sdk/studio";

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

describe("the Studio component provider", () => {
  let file: string;
  beforeAll(() => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "caster-component-provider-"));
    file = path.join(dir, "studio.yaml");
    fs.writeFileSync(file, "caster: { casterId: LIVEPRODUCER_POST-cn-mockstudio }\nsources:\n  RV01: { resourceName: Main camera, liveStreamUrl: rtmp://push.example.com/live/main }\n");
  });

  test("the schema declares every Output property of Studio as an output, and nothing else, under both tokens", () => {
    const studio = new Studio("outputs", { file });
    const outputProperties = Object.entries(studio).filter(([, property]) => pulumi.Output.isInstance(property)).map(([name]) => name).sort();
    // urn is every resource's, not one of the component's outputs.
    expect(outputProperties.filter((name) => name !== "urn")).toEqual(Object.keys(STUDIO_OUTPUTS).sort());
    const resources = packageSchema("1.2.3").resources as Record<string, { properties: object; required: string[]; deprecationMessage?: string }>;
    expect(Object.keys(resources).sort()).toEqual([STUDIO_TOKEN, STUDIO_LAYOUT_TOKEN]);
    for (const resource of Object.values(resources)) {
      expect(Object.keys(resource.properties).sort()).toEqual(outputProperties.filter((name) => name !== "urn"));
      // Only a studio the file makes has scenes.
      expect(resource.required.sort()).toEqual(outputProperties.filter((name) => !["urn", "pvwSceneId", "pgmSceneId"].includes(name)));
    }
    expect(resources[STUDIO_TOKEN].deprecationMessage).toBeUndefined();
    expect(resources[STUDIO_LAYOUT_TOKEN].deprecationMessage).toMatch(/^StudioLayout is deprecated, the former name of Studio: .*type: alicloud-caster:index:Studio/);
  });

  test.each([[STUDIO_TOKEN], [STUDIO_LAYOUT_TOKEN]])("construct of %s makes the component under that type token and returns its outputs", async (token) => {
    const provider = new StudioProvider();
    const result = await provider.construct("studio", token, { file }, {});
    expect(await value(pulumi.output(result.urn))).toMatch(new RegExp(`::${token}::studio$`));
    expect(Object.keys(result.state).sort()).toEqual(Object.keys(STUDIO_OUTPUTS).sort());
    expect(await value(pulumi.output(result.state.casterId))).toBe("LIVEPRODUCER_POST-cn-mockstudio");
    expect(await value(pulumi.output(result.state.resourceIds))).toEqual({ RV01: "studio-RV01-resource" });
    const schema = JSON.parse(await provider.getSchema());
    expect(schema.name).toBe("alicloud-caster");
    expect(schema.version).toBe(provider.version);
    expect(provider.version).toBe(JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8")).version);
  });

  test("a file that is not a path known when the program runs is refused with what to write instead", async () => {
    const provider = new StudioProvider();
    await expect(provider.construct("late", STUDIO_TOKEN, { file: pulumi.output(file) }, {})).rejects.toThrow(
      'Studio "late": file must be the studio file\'s path, written in the program (not a secret or another resource\'s output); got an output.',
    );
    await expect(provider.construct("other", "alicloud-caster:index:Other", { file }, {})).rejects.toThrow(
      "unknown resource type alicloud-caster:index:Other: this package's only component is alicloud-caster:index:Studio (formerly alicloud-caster:index:StudioLayout)",
    );
  });
});
