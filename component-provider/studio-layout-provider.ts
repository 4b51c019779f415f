import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { StudioLayout } from "../sdk/studio-layout";

/**
 * The package's component provider: `StudioLayout` for programs that cannot run TypeScript, a
 * Pulumi YAML program above all, which declares it as `alicloud-caster:index:StudioLayout`.
 *
 * Written by hand rather than with `@pulumi/pulumi/provider/experimental`'s componentProviderHost:
 * that host builds its schema by type-checking the component's TypeScript source, which the
 * installed package does not ship, and it cannot express StudioLayout's arguments (a path or a
 * whole studio file, a union) nor its outputs (children by key).
 */

export const PACKAGE_NAME = "alicloud-caster";
export const STUDIO_LAYOUT_TOKEN = `${PACKAGE_NAME}:index:StudioLayout`;

type SchemaType = { type: "string" } | { type: "object"; additionalProperties: { type: "string" } };
const STRING: SchemaType = { type: "string" };
const STRING_MAP: SchemaType = { type: "object", additionalProperties: { type: "string" } };

interface OutputSpec {
  type: SchemaType;
  description: string;
  /** Undefined for a studio the file does not make. */
  optional?: true;
}

/**
 * The component's outputs, each a property of the same name on {@link StudioLayout}: construct
 * returns exactly these, and the schema declares exactly these (a unit test holds them to the
 * class's Output properties).
 */
export const STUDIO_LAYOUT_OUTPUTS: Readonly<Record<string, OutputSpec>> = {
  casterId: { type: STRING, description: "The studio's ID: the one the file or `casterId` names, or the one the file's `caster: { new: ... }` made." },
  pvwSceneId: { type: STRING, optional: true, description: "The preview (PVW) scene of a studio this file makes, once it is started." },
  pgmSceneId: { type: STRING, optional: true, description: "The program (PGM) scene of a studio this file makes, once it is started." },
  resourceIds: { type: STRING_MAP, description: "Each source's API ResourceId, by position (`RV01`...)." },
  programIds: { type: STRING_MAP, description: "Each episode group's API ProgramId, by name." },
  layoutIds: { type: STRING_MAP, description: "Each layout's API LayoutId, by name." },
  componentIds: { type: STRING_MAP, description: "Each component's API ComponentId, by position (`RC01`...)." },
  boundSceneIds: { type: STRING_MAP, description: "The SceneId of each scene the file binds, by scene (`pgm`, `pvw`)." },
  episodeIds: { type: STRING_MAP, description: "Each episode's API EpisodeId, by name." },
};

/** The package's version, which the plugin reports and its schema carries. */
export function packageVersion(): string {
  // From dist/component-provider/ (or component-provider/ under ts-jest) up to the package's root.
  for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (fs.existsSync(manifest)) return (JSON.parse(fs.readFileSync(manifest, "utf8")) as { version: string }).version;
  }
  throw new Error(`package.json not found above ${__dirname}`);
}

/** The Pulumi package schema the engine and the YAML language host read (GetSchema). */
export function packageSchema(version = packageVersion()): Record<string, unknown> {
  const properties = Object.fromEntries(
    Object.entries(STUDIO_LAYOUT_OUTPUTS).map(([name, spec]) => [name, { ...spec.type, description: spec.description }]),
  );
  return {
    name: PACKAGE_NAME,
    displayName: "Alibaba Cloud Caster studio",
    version,
    description: "Alibaba Cloud ApsaraVideo Live production studios (Casters): a studio file applied as one component.",
    license: "Apache-2.0",
    resources: {
      [STUDIO_LAYOUT_TOKEN]: {
        isComponent: true,
        description:
          "A studio file applied as one component: a source per position, an episode group, layout, component, scene binding and episode per entry, and the studio itself when the file declares a new one (`caster: { new: ... }`). Children are named from the file's keys, so reordering the file changes nothing.",
        inputProperties: {
          file: {
            type: "string",
            description:
              "The studio file: a YAML or JSON file's path, relative to the Pulumi project's folder. A signed URL in it is written `{ secret: <config key> }` and read from the stack's secret config.",
          },
          casterId: {
            type: "string",
            description: "The studio, when the program knows it (another resource's output). Give it here or as the file's `caster`, not both.",
          },
        },
        requiredInputs: ["file"],
        properties,
        required: Object.entries(STUDIO_LAYOUT_OUTPUTS).filter(([, spec]) => !spec.optional).map(([name]) => name),
      },
    },
  };
}

export interface StudioLayoutProviderInputs {
  file?: unknown;
  casterId?: pulumi.Input<string>;
}

/** The provider that `pulumi.provider.main` serves: the schema, and construct for StudioLayout. */
export class StudioLayoutProvider implements pulumi.provider.Provider {
  readonly version = packageVersion();
  private readonly schemaText = JSON.stringify(packageSchema(this.version));

  async getSchema(): Promise<string> {
    return this.schemaText;
  }

  async construct(name: string, type: string, inputs: pulumi.Inputs, options: pulumi.ComponentResourceOptions): Promise<pulumi.provider.ConstructResult> {
    if (type !== STUDIO_LAYOUT_TOKEN) throw new Error(`unknown resource type ${type}: this package's only component is ${STUDIO_LAYOUT_TOKEN}`);
    const { file, casterId } = inputs as StudioLayoutProviderInputs;
    // The file decides which children exist, so it must be known when the program runs: a path
    // written in the program, not another resource's output.
    if (typeof file !== "string" || file === "") {
      throw new pulumi.RunError(
        `StudioLayout "${name}": file must be the studio file's path, written in the program (not a secret or another resource's output); got ${pulumi.Output.isInstance(file) ? "an output" : JSON.stringify(file)}.`,
      );
    }
    const layout = new StudioLayout(name, { layout: file, casterId }, options);
    const state = Object.fromEntries(Object.keys(STUDIO_LAYOUT_OUTPUTS).map((key) => [key, (layout as unknown as Record<string, unknown>)[key]]));
    return { urn: layout.urn, state };
  }
}

/** The plugin's entry point (component-provider/index.js): serves the engine at the address it passes. */
export function main(args: string[]): Promise<void> {
  return pulumi.provider.main(new StudioLayoutProvider(), args);
}
