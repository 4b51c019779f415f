import { ReplyObject, ReplyType } from "./live-api";

/**
 * What in a reply body the spec does not describe: a field it does not have, or a value of
 * another type, each as `path: problem`. Fields the spec has and the body leaves out are fine:
 * the API leaves empty ones out too.
 */
export function replyProblems(shape: ReplyObject, body: Record<string, unknown>): string[] {
  const { RequestId: _requestId, ...fields } = body;
  return objectProblems(shape, fields, "");
}

function objectProblems(shape: ReplyObject, value: Record<string, unknown>, at: string): string[] {
  return Object.entries(value).flatMap(([field, inner]) => {
    const where = at ? `${at}.${field}` : field;
    return field in shape ? typeProblems(shape[field], inner, where) : [`${where}: not in the spec`];
  });
}

function typeProblems(shape: ReplyType, value: unknown, at: string): string[] {
  if (Array.isArray(shape)) {
    if (!Array.isArray(value)) return [`${at}: a list in the spec, got ${typeof value}`];
    return value.flatMap((item, index) => typeProblems(shape[0], item, `${at}[${index}]`));
  }
  if (typeof shape === "object") {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return [`${at}: an object in the spec, got ${JSON.stringify(value)}`];
    return objectProblems(shape, value as Record<string, unknown>, at);
  }
  const fits = {
    str: typeof value === "string",
    int: typeof value === "number" && Number.isInteger(value),
    float: typeof value === "number",
    bool: typeof value === "boolean",
  }[shape];
  return fits ? [] : [`${at}: ${shape} in the spec, got ${JSON.stringify(value)}`];
}
