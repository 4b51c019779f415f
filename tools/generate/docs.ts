import * as fs from "node:fs";
import * as path from "node:path";
import { API_PRODUCT, API_VERSION, OPERATIONS, OperationSpec, PUBLIC_ENDPOINT, ReplyType } from "../../model/live-api";
import { sdkArgsSource } from "./kind-docs";
import { writeKindPages } from "./kind-pages";
import { COVERAGE_FILE, coverageTable } from "./coverage";

/**
 * The documents generated from the spec: docs/live-api.md, the operation table of the emulator's
 * README, the SDK's `Args` (sdk/generated/args.ts), the reference pages of the kinds (docs/resources/,
 * tools/generate/kind-pages.ts) and the coverage
 * table of the official operations (docs/coverage.md, tools/generate/coverage.ts). `npm run docs` writes them; tools/generate/docs.test.ts fails when a
 * committed copy is stale.
 */

const GENERATED = "<!-- Generated from model/live-api.ts by `npm run docs`; edit the spec, not this file. -->";

export function liveApiReference(): string {
  const operations = Object.entries(OPERATIONS as Record<string, OperationSpec>);
  const lines = [
    GENERATED,
    "# The Live API, as this project uses it",
    "",
    `Product \`${API_PRODUCT}\`, version \`${API_VERSION}\`, endpoint \`${PUBLIC_ENDPOINT}\`, RPC style. Names and types are the`,
    "official Go SDK's models (`github.com/aliyun/alibaba-cloud-sdk-go` v1.63.107, `services/live`);",
    "required parameters, QPS and error codes come from the public API pages. The official SDKs send",
    "every call as a POST with every parameter in the query string, `Format=JSON`, RPC signature 1.0",
    "(HMAC-SHA1), and add `RegionId` (and `OwnerId`) to every request; empty strings are never sent.",
    "Lists in replies are wrapped `Plural: { Singular: [...] }`; `RequestId` is in every reply.",
    "",
    "| Action | QPS per account | sent twice | required parameters |",
    "|---|---|---|---|",
    ...operations.map(([action, spec]) =>
      `| [${action}](#${action.toLowerCase()}) | ${spec.qps}${spec.qpsAssumed ? " (assumed)" : ""} | ${idempotencyWords(spec)} | ${requiredList(spec)} |`),
    "",
  ];
  for (const [action, spec] of operations) {
    lines.push(`## ${action}`, "");
    if (spec.qpsAssumed) lines.push(`QPS ${spec.qps}, assumed: ${spec.qpsAssumed}.`, "");
    if (spec.httpsOnly) lines.push("HTTPS only: over http the gateway answers `InvalidProtocol.NeedSsl`; the client sends it to the endpoint's host over https.", "");
    lines.push("| parameter | type | required |", "|---|---|---|");
    for (const param of spec.params) {
      lines.push(`| \`${param.name}\` | ${param.type} | ${param.required === true ? "yes" : param.required === "present" ? "yes, may be empty" : ""} |`);
    }
    lines.push("", "Reply:", "", "```", shapeText(spec.reply, ""), "```", "");
    if (spec.errors.length > 0) lines.push(`Errors on its page: ${spec.errors.map((code) => `\`${code}\``).join(", ")}.`, "");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

/** The emulator README's table of the operations it serves. */
export function emulatorOperationTable(served: { action: string; spec: OperationSpec; notes: string }[]): string {
  return [
    "| Action | QPS | required parameters | notes |",
    "|---|---|---|---|",
    ...served.map(({ action, spec, notes }) =>
      `| ${action} | ${spec.qps} | ${requiredList(spec)} | ${[spec.idempotency === "clientToken" ? "idempotent by `ClientToken`" : "", notes].filter(Boolean).join("; ")} |`),
  ].join("\n");
}

const TABLE_START = "<!-- operations:start (generated from model/live-api.ts by `npm run docs`) -->";
const TABLE_END = "<!-- operations:end -->";

/** The emulator README with its operation table replaced by `table`. */
export function withOperationTable(readme: string, table: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start === -1 || end === -1) throw new Error(`emulator/README.md has no ${TABLE_START} … ${TABLE_END} block`);
  return `${readme.slice(0, start + TABLE_START.length)}\n${table}\n${readme.slice(end)}`;
}

/** Where the SDK's generated `Args` live. */
export const SDK_ARGS_FILE = path.join("sdk", "generated", "args.ts");

/**
 * Writes every generated document under the repository's root: the API reference, the emulator's
 * operation table, the SDK's `Args`, the kinds' reference pages and the coverage table. Returns the
 * files written.
 */
export function writeDocs(root: string, served: { action: string; spec: OperationSpec; notes: string }[]): string[] {
  const reference = path.join(root, "docs", "live-api.md");
  fs.mkdirSync(path.dirname(reference), { recursive: true });
  fs.writeFileSync(reference, liveApiReference());
  const emulatorReadme = path.join(root, "emulator", "README.md");
  fs.writeFileSync(emulatorReadme, withOperationTable(fs.readFileSync(emulatorReadme, "utf8"), emulatorOperationTable(served)));
  const args = path.join(root, SDK_ARGS_FILE);
  fs.mkdirSync(path.dirname(args), { recursive: true });
  fs.writeFileSync(args, sdkArgsSource());
  const coverage = path.join(root, COVERAGE_FILE);
  fs.writeFileSync(coverage, coverageTable(served.map(({ action }) => action), root));
  return [reference, emulatorReadme, args, ...writeKindPages(root), coverage];
}

function idempotencyWords(spec: OperationSpec): string {
  return { clientToken: "same result (ClientToken)", safe: "same end state", unsafe: "may create a second thing" }[spec.idempotency];
}

function requiredList(spec: OperationSpec): string {
  return spec.params.filter((param) => param.required).map((param) => `\`${param.name}\``).join(", ") || "none";
}

function shapeText(shape: ReplyType, indent: string): string {
  if (typeof shape === "string") return shape;
  if (Array.isArray(shape)) return `[${shapeText(shape[0], indent)}]`;
  const entries = Object.entries(shape);
  if (entries.length === 0) return "{}";
  const inner = `${indent}  `;
  return `{\n${entries.map(([field, type]) => `${inner}${field}: ${shapeText(type, inner)}`).join("\n")}\n${indent}}`;
}
