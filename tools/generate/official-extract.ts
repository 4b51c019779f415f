import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import type { OfficialExtract, OfficialOperation, OfficialParam, OfficialReplyObject, OfficialReplyType } from "../../model/official/extract";

/**
 * Writes model/official/caster-operations.json: the facts of the Caster operations as Alibaba
 * publishes them in machine-readable form, which model/official.test.ts holds model/live-api.ts to.
 *
 * Usage (each repository a git clone, bare or not; its HEAD is read):
 *
 *   git clone https://github.com/aliyun/aliyun-openapi-meta
 *   git clone https://github.com/aliyun/alibabacloud-typescript-sdk
 *   npm run build
 *   node dist/tools/generate/official-extract.js aliyun-openapi-meta alibabacloud-typescript-sdk [operations.txt]
 *
 * operations.txt names the operations, one a line; without it, the operations already in the
 * extract are read again. The list is the 67 Caster operations of
 * /work/shared/reference/CASTER-API-2026.md (every operation of the production studio's API pages).
 *
 * Where each fact comes from:
 * - parameters (names, types, required flags, repeated `X.N` and nested `X.N.Y` forms) and
 *   HTTPS-only: aliyun-openapi-meta, metadatas/live/<Action>.json. RegionId, which every request
 *   may carry, is left out;
 * - a repeated value's type (`BlendList.N` of text, `PositionNormalized.N` of numbers), which the
 *   metadata does not give: the TypeScript SDK's request model, live-20161101/src/models/<Action>Request.ts;
 * - reply fields and their types: the TypeScript SDK's live-20161101/src/models/<Action>ResponseBody.ts
 *   (RequestId left out). That SDK has one type for numbers, so a reply says `number`, not int or float;
 * - QPS: the "## QPS limit" (or "## Usage limits") section of the operation's doc comment in
 *   live-20161101/src/client.ts, where it has one.
 */

export const EXTRACT_FILE = path.join("model", "official", "caster-operations.json");

const META = "aliyun/aliyun-openapi-meta";
const SDK = "aliyun/alibabacloud-typescript-sdk";
const SDK_DIR = "live-20161101/src";

interface MetaParam {
  name: string;
  type: OfficialParam["type"];
  required: boolean;
  sub_parameters?: MetaParam[];
}

/** A generated model class: each field's API name and its type as written in `static types()`. */
interface ModelClass {
  [apiName: string]: string;
}

function gitShow(repo: string, file: string): string {
  return execFileSync("git", ["-C", repo, "show", `HEAD:${file}`], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

function headCommit(repo: string): string {
  return execFileSync("git", ["-C", repo, "rev-parse", "HEAD"], { encoding: "utf8" }).trim();
}

/** The classes of a generated model file, by class name, read from their `names()` and `types()`. */
export function modelClasses(source: string): Record<string, ModelClass> {
  const classes: Record<string, ModelClass> = {};
  const classPattern = /export class (\w+) extends \$dara\.Model \{([\s\S]*?)\n\}/g;
  for (const [, className, body] of source.matchAll(classPattern)) {
    const block = (method: string) => body.match(new RegExp(`static ${method}\\(\\)[^\\n]*\\{\\s*return \\{([\\s\\S]*?)\\n    \\};`))?.[1] ?? "";
    const entries = (text: string) => [...text.matchAll(/^\s+(\w+): (.+),$/gm)].map(([, key, value]) => [key, value] as const);
    const apiNames = Object.fromEntries(entries(block("names")).map(([key, value]) => [key, value.replace(/^'|'$/g, "")]));
    classes[className] = Object.fromEntries(entries(block("types")).map(([key, type]) => [apiNames[key] ?? key, type]));
  }
  return classes;
}

/** `'string'`, `SomeClass`, `{ 'type': 'array', 'itemType': X }`: the inner type of an array, or undefined. */
function arrayItem(type: string): string | undefined {
  return type.match(/^\{ 'type': 'array', 'itemType': (.+) \}$/)?.[1];
}

function replyType(type: string, classes: Record<string, ModelClass>): OfficialReplyType {
  const item = arrayItem(type);
  if (item !== undefined) return [replyType(item, classes)];
  const primitive = type.match(/^'(string|number|boolean)'$/)?.[1];
  if (primitive) return primitive as "string" | "number" | "boolean";
  const model = classes[type];
  if (!model) throw new Error(`unknown reply type ${type}`);
  return replyObject(model, classes);
}

function replyObject(model: ModelClass, classes: Record<string, ModelClass>): OfficialReplyObject {
  return Object.fromEntries(Object.entries(model).map(([field, type]) => [field, replyType(type, classes)]));
}

/** The metadata's parameters flattened to the forms requests carry: `Tag.N.Key`, `BlendList.N`. */
function flatParams(params: MetaParam[], model: ModelClass | undefined, classes: Record<string, ModelClass>, prefix = ""): OfficialParam[] {
  return params.flatMap((param): OfficialParam[] => {
    if (prefix === "" && param.name === "RegionId") return [];
    const repeated = param.type === "RepeatList";
    const name = `${prefix}${param.name}${repeated ? ".N" : ""}`;
    const sdkType = model?.[param.name];
    const item = sdkType === undefined ? undefined : arrayItem(sdkType);
    const items = repeated && !param.sub_parameters ? item?.match(/^'(string|number|boolean)'$/)?.[1] : undefined;
    const own: OfficialParam = {
      name,
      type: param.type,
      ...(param.required ? { required: true as const } : {}),
      ...(items ? { items: items as OfficialParam["items"] } : {}),
    };
    const subModel = item === undefined ? undefined : classes[item];
    return [own, ...flatParams(param.sub_parameters ?? [], subModel, classes, `${name}.`)];
  });
}

/** The number of the doc comment's "## QPS limit" (or "## Usage limits") section, for the client's method of `action`. */
export function qpsOf(client: string, action: string): number | undefined {
  const method = `async ${action[0].toLowerCase()}${action.slice(1)}WithOptions(`;
  const at = client.indexOf(method);
  if (at === -1) throw new Error(`client.ts has no ${method}`);
  const comment = client.slice(client.lastIndexOf("/**", at), at);
  const section = comment.match(/## (?:QPS|Usage limit)[^\n]*\n([\s\S]*?)(?:\n\s*\*\s*(?:##|@)|$)/)?.[1];
  const figure = section?.match(/\b(\d+)\b/)?.[1];
  return figure === undefined ? undefined : Number(figure);
}

export function extractOperation(metaRepo: string, sdkRepo: string, client: string, action: string): OfficialOperation {
  const meta = JSON.parse(gitShow(metaRepo, `metadatas/live/${action}.json`)) as { protocol: string; parameters: MetaParam[] };
  const request = modelClasses(gitShow(sdkRepo, `${SDK_DIR}/models/${action}Request.ts`));
  const response = modelClasses(gitShow(sdkRepo, `${SDK_DIR}/models/${action}ResponseBody.ts`));
  const { RequestId: _requestId, ...reply } = replyObject(response[`${action}ResponseBody`], response);
  const qps = qpsOf(client, action);
  return {
    ...(qps === undefined ? {} : { qps }),
    ...(meta.protocol === "HTTPS" ? { httpsOnly: true as const } : {}),
    params: flatParams(meta.parameters, request[`${action}Request`], request),
    reply,
  };
}

/** JSON with one parameter a line, for a readable diff when a source changes. */
export function extractText(extract: OfficialExtract): string {
  return `${JSON.stringify(extract, null, 2).replace(/\{\n\s+("name": [^{}[\]]*?)\n\s+\}/g, (_all, inner: string) => `{ ${inner.replace(/,\n\s+/g, ", ")} }`)}\n`;
}

export function main([metaRepo, sdkRepo, listFile]: string[]): void {
  if (!metaRepo || !sdkRepo) throw new Error("usage: official-extract <aliyun-openapi-meta clone> <alibabacloud-typescript-sdk clone> [operations.txt]");
  const actions = listFile
    ? fs.readFileSync(listFile, "utf8").split("\n").map((line) => line.trim()).filter(Boolean)
    : Object.keys((JSON.parse(fs.readFileSync(EXTRACT_FILE, "utf8")) as OfficialExtract).operations);
  const client = gitShow(sdkRepo, `${SDK_DIR}/client.ts`);
  const extract: OfficialExtract = {
    about: "Facts only, generated by tools/generate/official-extract.ts: the Caster operations of the Live API (2016-11-01) as Alibaba's machine-readable metadata and generated TypeScript SDK give them. Do not edit; regenerate.",
    sources: {
      [META]: { commit: headCommit(metaRepo), files: "metadatas/live/<Action>.json" },
      [SDK]: { commit: headCommit(sdkRepo), files: `${SDK_DIR}/models/<Action>Request.ts, <Action>ResponseBody.ts; ${SDK_DIR}/client.ts (QPS)` },
    },
    operations: Object.fromEntries([...actions].sort().map((action) => [action, extractOperation(metaRepo, sdkRepo, client, action)])),
  };
  fs.mkdirSync(path.dirname(EXTRACT_FILE), { recursive: true });
  fs.writeFileSync(EXTRACT_FILE, extractText(extract));
  console.log(`${EXTRACT_FILE}: ${actions.length} operations`);
}

if (require.main === module) main(process.argv.slice(2));
