import { z } from "zod";
import { redactSignatures } from "./redact";
import { isUnknown } from "./unknowns";

/** The shape Pulumi's check() returns for each problem. */
export interface CheckFailure {
  property: string;
  reason: string;
  /** Where inside the property the problem is, when it is nested: ["items", 1, "vodUrl"]. */
  path?: (string | number)[];
}

/**
 * A rule across several properties. It sees only the known values and the names of the unknown
 * ones, and must stay silent when an unknown value could still make the inputs valid.
 */
export type CrossFieldRule<T> = (known: Partial<T>, unknown: ReadonlySet<string>) => CheckFailure | undefined;

export interface InputSpec<T> {
  /** One zod schema per property; optional properties are `.optional()`. */
  fields: { [K in keyof T]-?: z.ZodType };
  rules: CrossFieldRule<T>[];
}

/**
 * Validates a resource's inputs property by property, so that a value still unknown during
 * preview is skipped rather than reported, and every failure names the property, the value
 * received and what is allowed.
 */
export function checkInputs<T>(spec: InputSpec<T>, inputs: Record<string, unknown>, subject = "this resource"): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const unknown = new Set<string>();
  const known: Record<string, unknown> = {};
  const fieldNames = Object.keys(spec.fields);

  for (const name of Object.keys(inputs)) {
    if (name.startsWith("__")) continue;
    if (!fieldNames.includes(name)) {
      const likely = fieldNames.find((field) => field.toLowerCase() === name.toLowerCase());
      failures.push({
        property: name,
        reason: likely
          ? `${name} ${describeValue(inputs[name])} is given, but ${name} is not a property of ${subject}: use ${likely}.`
          : `${name} ${describeValue(inputs[name])} is given, but ${name} is not a property of ${subject}; remove it, or use one of ${fieldNames.join(", ")}.`,
      });
    }
  }

  for (const name of fieldNames) {
    const value = inputs[name];
    if (isUnknown(value)) {
      unknown.add(name);
      continue;
    }
    const schema = (spec.fields as Record<string, z.ZodType>)[name];
    const result = schema.safeParse(value);
    if (result.success) {
      if (value !== undefined) known[name] = result.data;
      continue;
    }
    // A value not yet valid is, for the rules across fields, as good as one not yet known.
    unknown.add(name);
    for (const issue of firstIssuePerPlace(result.error.issues)) {
      failures.push({
        property: name,
        reason: describeIssue(name, value, issue, schema.description),
        ...(issue.path.length > 0 ? { path: [name, ...issue.path.map((key) => (typeof key === "number" ? key : String(key)))] } : {}),
      });
    }
  }

  // Every problem at once, so a user fixes a layout or a program in one round.
  const failed = new Set(failures.map((failure) => failure.property));
  for (const rule of spec.rules) {
    const failure = rule(known as Partial<T>, unknown);
    if (failure && !failed.has(failure.property)) failures.push(failure);
  }
  return failures;
}

/** One issue for each place in a value (items[0] and items[2] each get theirs), the first zod found there. */
function firstIssuePerPlace(issues: z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const place = JSON.stringify(issue.path);
    if (seen.has(place)) return false;
    seen.add(place);
    return true;
  });
}

/**
 * A value as a message quotes it: short, and with any URL signature masked. JSON escapes control
 * characters (\n, \u001b); the line separators and bidirectional controls it leaves as they are
 * are escaped too, so that a quoted value can neither break a line nor reorder the message.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  // JSON writes NaN and the infinities as null; YAML's .nan and .inf arrive as them.
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  const text = redactSignatures(JSON.stringify(value))
    .replace(/[\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (character) => `\\u${(character.codePointAt(0) as number).toString(16).padStart(4, "0")}`);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function describeIssue(name: string, value: unknown, issue: z.core.$ZodIssue, description?: string): string {
  // For a problem inside a list or object, name the exact place: items[1].vodUrl.
  const where = name + issue.path.map((key) => (typeof key === "number" ? `[${key}]` : `.${String(key)}`)).join("");
  // A value that may be a credential (a key added where none belongs) is never quoted.
  if (issue.code === "custom" && (issue as { params?: { conceal?: boolean } }).params?.conceal) return `${where} is not allowed: ${issue.message}`;
  // A map's key that is refused (a tag key): the key is what was received, and its own rule says why.
  if (issue.code === "invalid_key") {
    const key = issue.path[issue.path.length - 1];
    const owner = name + issue.path.slice(0, -1).map((part) => (typeof part === "number" ? `[${part}]` : `.${String(part)}`)).join("");
    return `${owner} key ${describeValue(String(key))} is not allowed: ${issue.issues[0]?.message ?? issue.message}`;
  }
  const received = issue.path.reduce<unknown>((inner, key) => (inner as Record<PropertyKey, unknown> | undefined)?.[key], value);
  if (received === undefined) {
    return issue.path.length === 0
      ? `${where} is required: set it to ${description ?? "a value"}.`
      : `${where} is required: give every entry of ${name} its ${String(issue.path[issue.path.length - 1])}.`;
  }
  // A value of the wrong JavaScript type; a number that is not whole falls through to the field's own message.
  if (issue.code === "invalid_type" && !(issue.expected === "int" && typeof received === "number")) {
    const fix = issue.message.startsWith("Invalid input") ? `use ${article(issue.expected)}.` : issue.message;
    const got = typeof received === "number" && !Number.isFinite(received) ? describeValue(received) : `${typeof received} ${describeValue(received)}`;
    return `${where} must be ${article(issue.expected)}, got ${got}: ${fix}`;
  }
  return `${where} ${describeValue(received)} is not allowed: ${issue.message}`;
}

function article(expected: string): string {
  return expected === "int" ? "a whole number" : /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}
