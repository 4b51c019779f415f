import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { SOURCE_PROPERTIES } from "../spec/kinds/caster-video-resource";
import { layoutSourceSchema, studioLayoutSchema } from "./schema";

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
    },
  });
  return { $id: `https://unpkg.com/pulumi-alicloud-caster/${SCHEMA_FILE}`, title: "Studio layout", ...schema };
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
