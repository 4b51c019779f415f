import extractJson from "./caster-operations.json";

/**
 * The official facts of the Caster operations (caster-operations.json, written by
 * tools/generate/official-extract.ts from Alibaba's metadata and TypeScript SDK; see its header).
 */

/** A request parameter as the metadata has it; `items` is a repeated value's type, from the SDK's request model. */
export interface OfficialParam {
  name: string;
  type: "String" | "Integer" | "Long" | "Float" | "Boolean" | "RepeatList";
  required?: true;
  items?: "string" | "number" | "boolean";
}

export type OfficialReplyType = "string" | "number" | "boolean" | OfficialReplyObject | [OfficialReplyType];
export interface OfficialReplyObject {
  [field: string]: OfficialReplyType;
}

export interface OfficialOperation {
  qps?: number;
  httpsOnly?: true;
  params: OfficialParam[];
  reply: OfficialReplyObject;
}

export interface OfficialExtract {
  about: string;
  sources: Record<string, { commit: string; files: string }>;
  operations: Record<string, OfficialOperation>;
}

export const OFFICIAL = extractJson as unknown as OfficialExtract;
