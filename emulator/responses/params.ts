import { Action, CommonParams, OperationSpec, ParamNameOf } from "../../model/live-api";
import { errors } from "../errors";
import { DECIMAL_NUMBER } from "../models/layers";
import { INT32_MAX, INT32_MIN } from "../../model/api-facts";

/*
 * The names a handler may read, from its Action's spec, so that a name the operation does not
 * declare does not compile. For a helper shared by several Actions (`RequestParams<"AddX" | "ModifyX">`),
 * the names all of them declare.
 */
type DeclaredName<A extends Action> =
  | ((A extends Action ? (name: ParamNameOf<A>) => void : never) extends (name: infer Common extends string) => void ? Common : never)
  | keyof CommonParams;
/** A parameter sent once: `CasterId`. */
export type SingleParam<A extends Action> = Exclude<DeclaredName<A>, `${string}.N${string}`>;
/** A list of values (`BlendList.N`, sent `BlendList.1`, `BlendList.2`, …), by its prefix: `BlendList`. */
/** (A required list of objects is declared `VideoLayer.N` too: it stays a list of objects.) */
export type ValueListParam<A extends Action> = Exclude<ValueListPrefix<DeclaredName<A>>, ObjectListPrefix<DeclaredName<A>>>;
type ValueListPrefix<N> = N extends `${infer Prefix}.N` ? (Prefix extends `${string}.N${string}` ? never : Prefix) : never;
/** A list of objects (`Item.N.ItemName`, sent `Item.1.ItemName`, …), by its prefix: `Item`. */
export type ObjectListParam<A extends Action> = ObjectListPrefix<DeclaredName<A>>;
type ObjectListPrefix<N> = N extends `${infer Prefix}.N.${string}` ? Prefix : never;
/** The fields of a list of objects: `ItemName` and `VodUrl` for `Item`. */
export type ObjectListField<A extends Action, P extends string> = ObjectFields<DeclaredName<A>, P>;
type ObjectFields<N, P extends string> = N extends `${P}.N.${infer Field}` ? Field : never;

/**
 * An operation's request parameters, read the way the API reads them: every value arrives as
 * text; an empty value counts as absent; integers must be whole decimal numbers.
 */
export class RequestParams<A extends Action = Action> {
  constructor(private readonly raw: Record<string, string>) {}

  /**
   * The operation's required parameters, from its spec: absent (or, unless it may be empty,
   * empty) is `Missing{Name}`, before the handler reads anything.
   */
  checkRequired(spec: OperationSpec): void {
    for (const param of spec.params) {
      const list = param.name.match(/^(\w+)\.N$/)?.[1];
      // A list of objects (`VideoLayer.N` of `VideoLayer.N.FillMode`) is checked by its handler, with requiredObjects
      // or a rule of its own (AddCasterEpisodeGroup's items).
      if (list !== undefined && spec.params.some((other) => other.name.startsWith(`${param.name}.`))) continue;
      if (list !== undefined && param.required === true) {
        if (this.listed(list) === undefined) throw errors.missingRequired(list);
      } else if (param.required === true) this.text(param.name);
      else if (param.required === "present") this.sent(param.name);
    }
  }

  /** A parameter the operation's definition marks required: absent → `Missing{Name}`. */
  required(name: SingleParam<A>): string {
    return this.text(name);
  }

  /** Required to be sent, but may be empty (the API then uses its own default). */
  requiredAllowingEmpty(name: SingleParam<A>): string {
    return this.sent(name);
  }

  optional(name: SingleParam<A>): string | undefined {
    return this.has(name) ? this.raw[name] : undefined;
  }

  /** Sent, possibly empty (where empty means something: SetCasterChannel's ResourceId "" frees a channel); undefined when not sent. */
  optionalAllowingEmpty(name: SingleParam<A>): string | undefined {
    return this.raw[name];
  }

  requiredInteger(name: SingleParam<A>): number {
    return parseInteger(name, this.required(name));
  }

  optionalInteger(name: SingleParam<A>): number | undefined {
    const value = this.optional(name);
    return value === undefined ? undefined : parseInteger(name, value);
  }

  /**
   * A Long parameter (the spec types it Integer, model/official/compare.ts): a whole number beyond
   * 32 bits, such as a timestamp in milliseconds.
   */
  requiredLong(name: SingleParam<A>): number {
    const value = this.required(name);
    if (!/^-?\d{1,16}$/.test(value) || !Number.isSafeInteger(Number(value))) {
      throw errors.invalidParameter(`${name} must be a whole number, got ${JSON.stringify(value)}`);
    }
    return Number(value);
  }

  /** A Float parameter: a decimal number, as the SDKs write it (the Go SDK sends `2.500000`). */
  optionalFloat(name: SingleParam<A>): number | undefined {
    const value = this.optional(name);
    if (value === undefined) return undefined;
    if (!DECIMAL_NUMBER.test(value)) {
      throw errors.invalidParameter(`${name} must be a number, got ${JSON.stringify(value)}`);
    }
    return Number(value);
  }

  /** A Boolean parameter: `true` or `false` (pop-core and the SDKs send a boolean as that text). */
  optionalBoolean(name: SingleParam<A>): boolean | undefined {
    const value = this.optional(name);
    if (value === undefined) return undefined;
    if (!/^(true|false)$/i.test(value)) throw errors.invalidParameter(`${name} must be true or false, got ${JSON.stringify(value)}`);
    return value.toLowerCase() === "true";
  }

  /**
   * `BlendList.1`, `BlendList.2`, … as the SDKs flatten a list of values: the values in order,
   * or undefined when none is sent. The SDKs number a list from 1 without gaps; a gap
   * (`BlendList.1`, `BlendList.3`) or an index such as `BlendList.01` is malformed.
   */
  values(prefix: ValueListParam<A>): string[] | undefined {
    return this.listed(prefix);
  }

  private listed(prefix: string): string[] | undefined {
    const entries = this.indexed(prefix, /^$/).map(([index, , value]) => [index, value] as const);
    if (entries.length === 0) return undefined;
    entries.sort((a, b) => a[0] - b[0]);
    entries.forEach(([index], position) => {
      if (index !== position + 1) throw errors.invalidParameter(`${prefix}.${position + 1} is missing: a list is numbered ${prefix}.1, ${prefix}.2, … without gaps`);
    });
    return entries.map(([, value]) => value);
  }

  /**
   * `VideoLayer.1.FillMode`, `VideoLayer.1.PositionNormalized.2`, … as the SDKs flatten a list of
   * objects: by index (from 1), the fields sent under it (`FillMode`, `PositionNormalized.2`).
   */
  objects(prefix: ObjectListParam<A>): Map<number, Record<string, string>> {
    const byIndex = new Map<number, Record<string, string>>();
    for (const [index, field, value] of this.indexed(prefix, /^\..+$/)) {
      const fields = byIndex.get(index) ?? {};
      fields[field.slice(1)] = value;
      byIndex.set(index, fields);
    }
    return byIndex;
  }

  /** A required list of objects: none sent is `Missing{Prefix}`, as a required list of values. */
  requiredObjects(prefix: ObjectListParam<A>): Map<number, Record<string, string>> {
    const byIndex = this.objects(prefix);
    if (byIndex.size === 0) throw errors.missingRequired(prefix);
    return byIndex;
  }

  /** Every non-empty `prefix.<index><rest>` whose rest matches: [index, rest, value]. */
  private indexed(prefix: string, rest: RegExp): [number, string, string][] {
    const found: [number, string, string][] = [];
    for (const [key, value] of Object.entries(this.raw)) {
      if (!key.startsWith(`${prefix}.`) || value === "") continue;
      const match = /^(\d+)(.*)$/.exec(key.slice(prefix.length + 1));
      if (!match || !rest.test(match[2])) continue;
      if (!/^[1-9]\d{0,3}$/.test(match[1])) {
        throw errors.invalidParameter(`${key}: a list's index is a number from 1, as ${prefix}.1`);
      }
      found.push([Number(match[1]), match[2], value]);
    }
    return found;
  }

  /** `Tag.1.Key`, `Tag.1.Value`, … as pop-core flattens a list of objects. */
  list<P extends ObjectListParam<A>, F extends ObjectListField<A, P>>(prefix: P, fields: F[]): Partial<Record<F, string>>[] {
    const items: Partial<Record<F, string>>[] = [];
    for (let index = 1; ; index++) {
      const item: Partial<Record<F, string>> = {};
      for (const field of fields) {
        const name = `${prefix}.${index}.${field}`;
        if (this.has(name)) item[field] = this.raw[name];
      }
      if (Object.keys(item).length === 0) return items;
      items.push(item);
    }
  }

  private has(name: string): boolean {
    return this.raw[name] !== undefined && this.raw[name] !== "";
  }

  private text(name: string): string {
    if (!this.has(name)) throw errors.missingRequired(name);
    return this.raw[name];
  }

  private sent(name: string): string {
    if (this.raw[name] === undefined) throw errors.missingRequired(name);
    return this.raw[name];
  }
}

/**
 * A value beyond the API's 32-bit integers (model/api-facts.ts) is refused as malformed, as a value
 * the API cannot read. The code is an assumption; see LIMITATIONS in the README.
 */

function parseInteger(name: string, value: string): number {
  if (!/^-?\d{1,15}$/.test(value)) {
    throw errors.invalidParameter(`${name} must be an integer, got ${JSON.stringify(value)}`);
  }
  const number = Number(value);
  if (number < INT32_MIN || number > INT32_MAX) {
    throw errors.invalidParameter(`${name} must be a 32-bit integer from ${INT32_MIN} to ${INT32_MAX}, got ${value}`);
  }
  return number;
}
