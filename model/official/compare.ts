import { OPERATIONS, OperationSpec, ParamSpec, ReplyType } from "../live-api";
import { OFFICIAL, OfficialExtract, OfficialOperation, OfficialParam, OfficialReplyType } from "./extract";

/**
 * model/live-api.ts held against the official extract (caster-operations.json, written by
 * tools/generate/official-extract.ts), as moto holds its models to botocore's.
 */

export type DisagreementKind =
  | "unknown operation" | "qps" | "obsolete parameter" | "missing parameter" | "parameter type" | "required flag"
  | "obsolete reply field" | "missing reply field" | "reply type";

export interface Disagreement {
  operation: string;
  kind: DisagreementKind;
  /** The parameter (`BlendList.N`) or the reply field's path (`PgmSceneInfos.SceneInfo[].RtsUrl`); empty for the operation itself. */
  subject: string;
  /** One line: what differs and the fix in model/live-api.ts. */
  line: string;
}

/** The spec's parameter types each official type may be written as (a repeated value by its items' type). */
function acceptedTypes(param: OfficialParam): ParamSpec["type"][] {
  if (param.type === "RepeatList") {
    return { string: ["String"], number: ["Integer", "Float"], boolean: ["Boolean"], none: ["String"] }[param.items ?? "none"] as ParamSpec["type"][];
  }
  return param.type === "Long" ? ["Integer"] : [param.type];
}

/** A repeated parameter with fields of its own (`Item.N` of `Item.N.VodUrl`): the spec names its fields, not the list. */
function isListOfFields(param: OfficialParam, params: OfficialParam[]): boolean {
  return param.type === "RepeatList" && params.some((other) => other.name.startsWith(`${param.name}.`) && other.name !== param.name);
}

function requiredWords(param: OfficialParam): string {
  return param.required ? ", required" : "";
}

function compareParams(operation: string, spec: OperationSpec, official: OfficialOperation): Disagreement[] {
  const found: Disagreement[] = [];
  const officialByName = new Map(official.params.map((param) => [param.name, param]));
  for (const param of spec.params) {
    const theirs = officialByName.get(param.name);
    if (!theirs) {
      found.push({ operation, kind: "obsolete parameter", subject: param.name, line: `${operation}: parameter ${param.name} is not in the official metadata — remove it` });
      continue;
    }
    const accepted = acceptedTypes(theirs);
    if (!isListOfFields(theirs, official.params) && !accepted.includes(param.type)) {
      found.push({ operation, kind: "parameter type", subject: param.name, line: `${operation}: parameter ${param.name} is ${param.type}, officially ${theirs.type}${theirs.items ? ` of ${theirs.items}` : ""} — make it ${accepted.join(" or ")}` });
    }
    if (Boolean(param.required) !== Boolean(theirs.required)) {
      found.push({
        operation, kind: "required flag", subject: param.name,
        line: `${operation}: parameter ${param.name} is ${param.required ? "required" : "optional"}, officially ${theirs.required ? "required" : "optional"} — ${theirs.required ? "add" : "drop"} required`,
      });
    }
  }
  const ours = new Set(spec.params.map((param) => param.name));
  for (const param of official.params) {
    if (ours.has(param.name)) continue;
    // A list of fields is described by its fields; only its required flag needs an entry of its own.
    if (isListOfFields(param, official.params) && !param.required) continue;
    const kind: DisagreementKind = isListOfFields(param, official.params) ? "required flag" : "missing parameter";
    found.push({
      operation, kind, subject: param.name,
      line: kind === "required flag"
        ? `${operation}: the list ${param.name} is officially required (at least one entry) — mark it required`
        : `${operation}: parameter ${param.name} (${acceptedTypes(param).join(" or ")}${requiredWords(param)}) is official but not declared — add it`,
    });
  }
  return found;
}

const REPLY_PRIMITIVES: Record<string, string> = { str: "string", int: "number", float: "number", bool: "boolean" };

function replyWords(type: ReplyType | OfficialReplyType): string {
  if (typeof type === "string") return type;
  if (Array.isArray(type)) return `[${replyWords(type[0])}]`;
  return "object";
}

function compareReply(operation: string, ours: ReplyType, theirs: OfficialReplyType, at: string, found: Disagreement[]): void {
  const mismatch = () => found.push({
    operation, kind: "reply type", subject: at,
    line: `${operation}: reply field ${at} is ${replyWords(ours)}, officially ${replyWords(theirs)} — change its type`,
  });
  if (typeof ours === "string" || typeof theirs === "string") {
    if (typeof ours !== "string" || typeof theirs !== "string" || REPLY_PRIMITIVES[ours] !== theirs) mismatch();
    return;
  }
  if (Array.isArray(ours) || Array.isArray(theirs)) {
    if (!Array.isArray(ours) || !Array.isArray(theirs)) mismatch();
    else compareReply(operation, ours[0], theirs[0], `${at}[]`, found);
    return;
  }
  const inside = (field: string) => (at ? `${at}.${field}` : field);
  for (const [field, type] of Object.entries(ours)) {
    if (!(field in theirs)) {
      found.push({ operation, kind: "obsolete reply field", subject: inside(field), line: `${operation}: reply field ${inside(field)} is not in the newest reply model — remove it` });
    } else {
      compareReply(operation, type, theirs[field], inside(field), found);
    }
  }
  for (const [field, type] of Object.entries(theirs)) {
    if (!(field in ours)) {
      found.push({ operation, kind: "missing reply field", subject: inside(field), line: `${operation}: reply field ${inside(field)} (${replyWords(type)}) is in the newest reply model — add it` });
    }
  }
}

/** Every disagreement between model/live-api.ts and the official extract, for the operations the spec describes. */
export function disagreements(operations: Record<string, OperationSpec> = OPERATIONS, official: OfficialExtract = OFFICIAL): Disagreement[] {
  return Object.entries(operations).flatMap(([operation, spec]) => {
    const theirs = official.operations[operation];
    if (!theirs) return [{ operation, kind: "unknown operation" as const, subject: "", line: `${operation}: not an official Caster operation — remove it or add it to the extract's list` }];
    const found = compareParams(operation, spec, theirs);
    if (theirs.qps !== undefined && theirs.qps !== spec.qps) {
      found.push({ operation, kind: "qps", subject: "", line: `${operation}: QPS ${spec.qps}, officially ${theirs.qps} — set qps: ${theirs.qps}` });
    }
    compareReply(operation, spec.reply, theirs.reply, "", found);
    return found;
  });
}
