import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { Studio, STUDIO_LAYOUT_DEPRECATION, STUDIO_LAYOUT_TYPE, STUDIO_TYPE, StudioLayout } from "../sdk/studio";

/**
 * The package's component provider: `Studio` for programs that cannot run TypeScript, a Pulumi
 * YAML program above all, which declares it as `alicloud-caster:index:Studio`; and, deprecated,
 * `alicloud-caster:index:StudioLayout`, its former name, which a program moves from with no change.
 *
 * Written by hand rather than with `@pulumi/pulumi/provider/experimental`'s componentProviderHost:
 * that host builds its schema by type-checking the component's TypeScript source, which the
 * installed package does not ship, and it cannot express Studio's arguments (a path or a whole
 * studio file) nor its outputs (children by key).
 */

export const PACKAGE_NAME = "alicloud-caster";
export const STUDIO_TOKEN = STUDIO_TYPE;
/** The former token, served for programs written before the rename: the same component, its own type. */
export const STUDIO_LAYOUT_TOKEN = STUDIO_LAYOUT_TYPE;

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
 * The component's outputs, each a property of the same name on {@link Studio}: construct
 * returns exactly these, and the schema declares exactly these (a unit test holds them to the
 * class's Output properties).
 */
export const STUDIO_OUTPUTS: Readonly<Record<string, OutputSpec>> = {
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
    Object.entries(STUDIO_OUTPUTS).map(([name, spec]) => [name, { ...spec.type, description: spec.description }]),
  );
  const component = {
    isComponent: true,
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
    required: Object.entries(STUDIO_OUTPUTS).filter(([, spec]) => !spec.optional).map(([name]) => name),
  };
  const description =
    "A whole studio, a studio file applied as one component: a source per position, an episode group, layout, component, scene binding and episode per entry, and the studio itself when the file declares a new one (`caster: { new: ... }`). Children are named from the file's keys, so reordering the file changes nothing.";
  return {
    name: PACKAGE_NAME,
    displayName: "Alibaba Cloud Caster studio",
    version,
    description: "Alibaba Cloud ApsaraVideo Live production studios (Casters): a studio file applied as one component.",
    license: "Apache-2.0",
    resources: {
      [STUDIO_TOKEN]: { ...component, description },
      [STUDIO_LAYOUT_TOKEN]: {
        ...component,
        description: `${description} The former name of ${STUDIO_TOKEN}.`,
        deprecationMessage: STUDIO_LAYOUT_DEPRECATION,
      },
    },
  };
}

export interface StudioProviderInputs {
  file?: unknown;
  casterId?: pulumi.Input<string>;
}

/** The provider that `pulumi.provider.main` serves: the schema, and construct for Studio (and StudioLayout, its former name). */
export class StudioProvider implements pulumi.provider.Provider {
  readonly version = packageVersion();
  private readonly schemaText = JSON.stringify(packageSchema(this.version));

  async getSchema(): Promise<string> {
    return this.schemaText;
  }

  async construct(name: string, type: string, inputs: pulumi.Inputs, options: pulumi.ComponentResourceOptions): Promise<pulumi.provider.ConstructResult> {
    if (type !== STUDIO_TOKEN && type !== STUDIO_LAYOUT_TOKEN) {
      throw new Error(`unknown resource type ${type}: this package's only component is ${STUDIO_TOKEN} (formerly ${STUDIO_LAYOUT_TOKEN})`);
    }
    const label = `${type.split(":").pop()} "${name}"`;
    const { file, casterId } = inputs as StudioProviderInputs;
    // The file decides which children exist, so it must be known when the program runs: a path
    // written in the program, not another resource's output.
    if (typeof file !== "string" || file === "") {
      throw new pulumi.RunError(
        `${label}: file must be the studio file's path, written in the program (not a secret or another resource's output); got ${pulumi.Output.isInstance(file) ? "an output" : JSON.stringify(file)}.`,
      );
    }
    // The former token keeps its own type, so a stack made with it stays as it is until the program moves.
    const studio = type === STUDIO_TOKEN ? new Studio(name, { file, casterId }, options) : new StudioLayout(name, { layout: file, casterId }, options);
    const state = Object.fromEntries(Object.keys(STUDIO_OUTPUTS).map((key) => [key, (studio as unknown as Record<string, unknown>)[key]]));
    return { urn: studio.urn, state };
  }
}

/** The plugin's entry point (component-provider/index.js): serves the engine at the address it passes. */
export function main(args: string[]): Promise<void> {
  return pulumi.provider.main(new StudioProvider(), args);
}
