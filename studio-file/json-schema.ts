import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { COMPONENT_TYPES } from "../spec/api-facts";
import { SOURCE_PROPERTIES } from "../spec/kinds/caster-video-resource";
import { fileComponentSchema, fileSceneSchema, layoutSourceSchema, studioLayoutSchema } from "./schema";

/** Where the package ships the schema; editors reach it as node_modules/pulumi-alicloud-caster/<this>. */
export const SCHEMA_FILE = "studio-layout.schema.json";

/**
 * The layout's JSON Schema, generated from the resources' zod schemas. Draft 7, the newest draft
 * every common editor plugin (yaml-language-server among them) understands.
 */
export function studioLayoutJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(studioLayoutSchema, {
    target: "draft-7",
    unrepresentable: "any",
    override: ({ zodSchema, jsonSchema }) => {
      // "Exactly one source property" is a rule across fields that zod cannot express as a schema.
      if (zodSchema === layoutSourceSchema) jsonSchema.oneOf = SOURCE_PROPERTIES.map((name) => ({ required: [name] }));
      // A component sets the content its componentType names, and no other (the kind's rule).
      if (zodSchema === fileComponentSchema) {
        jsonSchema.oneOf = COMPONENT_TYPES.map((type) => ({
          properties: { componentType: { const: type } },
          required: [type],
          not: { anyOf: COMPONENT_TYPES.filter((other) => other !== type).map((other) => ({ required: [other] })) },
        }));
      }
      // A scene shows a component once.
      if (zodSchema === fileSceneSchema) {
        const components = (jsonSchema.properties as Record<string, Record<string, unknown>> | undefined)?.components;
        if (components) components.uniqueItems = true;
      }
    },
  });
  return { $id: `https://unpkg.com/pulumi-alicloud-caster/${SCHEMA_FILE}`, title: "Studio file", ...schema };
}

/** The schema file's text, as committed and shipped. */
export function studioLayoutJsonSchemaText(): string {
  return `${JSON.stringify(studioLayoutJsonSchema(), null, 2)}\n`;
}

/** Writes the shipped schema file (`npm run schema`). */
export function writeSchemaFile(root: string): string {
  const path = join(root, SCHEMA_FILE);
  writeFileSync(path, studioLayoutJsonSchemaText());
  return path;
}
