import { z } from "zod";
import { CrossFieldRule, describeValue } from "../common/check";

/** A JSON Schema object, as studio-file/json-schema.ts builds it. */
export type JsonSchema = Record<string, unknown>;

/**
 * What a rule adds to the studio file's JSON Schema, so that an editor flags what the check refuses
 * with the same words, and the two cannot drift apart: they are declared in one place.
 */
export interface SchemaFragment {
  /**
   * The zod schema whose JSON carries the fragment: an item of a list (a layer, a recording format).
   * Left out, the studio file's entry of the kind carries it (a source, a component, the studio).
   */
  on?: z.ZodType;
  write: (json: JsonSchema) => void;
  /**
   * The rule does not hold for an object adopted by `importId` (decided then from the API): the
   * studio file applies the fragment only where `adopt` does not name the entry's object.
   */
  exceptAdopted?: true;
}

/** A kind's rule across properties: the check, and where the JSON Schema can say it, its fragment. */
export type KindRule<T> = CrossFieldRule<T> & { jsonSchema?: SchemaFragment };

/** A bespoke check with its JSON Schema beside it, for a rule no constructor here fits. */
export function withJsonSchema<T>(check: CrossFieldRule<T>, jsonSchema: SchemaFragment): KindRule<T> {
  return Object.assign(check, { jsonSchema });
}

/** `name` must not be set here; `message` is what an editor shows at its key. */
export function forbid(name: string, message: string): JsonSchema {
  return { properties: { [name]: false }, errorMessage: message };
}

/** A property set to this value: the condition of an `if`. */
export function isSetTo(name: string, value: unknown): JsonSchema {
  return { required: [name], properties: { [name]: { const: value } } };
}

/** A list property's items each once (`uniqueItems`), where the list is given. */
export function eachItemOnce(property: string): (json: JsonSchema) => void {
  return (json) => {
    const list = (json.properties as Record<string, JsonSchema> | undefined)?.[property];
    if (list) list.uniqueItems = true;
  };
}

/** How a rule that takes one of several properties words a conflict: "<conflict>, but a and b are both set …; <fix>." */
export interface ConflictWords {
  conflict: string;
  fix: string;
}

/**
 * At most one of `properties`: the second one set is reported, with every one set and its value.
 * The JSON Schema is a chain of `if`s in the same order, so an editor marks the same key as the
 * check; a `oneOf` would say "Matches multiple schemas" instead.
 */
export function atMostOneOf<T>(properties: readonly (keyof T & string)[], words: ConflictWords): KindRule<T> {
  const check: CrossFieldRule<T> = (known) => {
    const given = properties.filter((name) => known[name] !== undefined);
    if (given.length < 2) return undefined;
    return {
      property: given[1],
      reason: `${words.conflict}, but ${given.join(" and ")} are ${given.length === 2 ? "both" : "all"} set (${given
        .map((name) => `${name}=${describeValue(known[name])}`).join(", ")}); ${words.fix}.`,
    };
  };
  const chain = (index: number): JsonSchema => {
    if (index === properties.length - 1) return {};
    const property = properties[index];
    return {
      if: { required: [property] },
      then: { allOf: properties.slice(index + 1).map((other) => forbid(other, `${words.conflict}, but ${property} and ${other} are both set; ${words.fix}.`)) },
      else: chain(index + 1),
    };
  };
  return withJsonSchema(check, { write: (json) => Object.assign(json, chain(0)) });
}

/**
 * Exactly one of `properties`: none set is reported at the first, two set as atMostOneOf reports
 * them. The JSON Schema is atMostOneOf's chain, and a `required` of the first where none is set.
 */
export function exactlyOneOf<T>(properties: readonly (keyof T & string)[], words: ConflictWords & { missing: string }): KindRule<T> {
  const atMostOne = atMostOneOf<T>(properties, words);
  const check: CrossFieldRule<T> = (known, unknown) => {
    if (properties.every((name) => known[name] === undefined && !unknown.has(name))) return { property: properties[0], reason: words.missing };
    return atMostOne(known, unknown);
  };
  return withJsonSchema(check, {
    write: (json) => {
      atMostOne.jsonSchema?.write(json);
      json.allOf = [...(json.allOf as JsonSchema[] | undefined) ?? [], { anyOf: properties.map((name) => ({ required: [name] })), errorMessage: words.missing }];
    },
  });
}

/**
 * A rule of an object property, or of each item of a list property, checked item by item (the
 * first item that breaks it is reported, at its place: `shows[2].duration`), its JSON Schema
 * carried by the object's or the items' own schema, in an `allOf` of its own, so that several
 * rules of one item do not overwrite each other's `if`.
 */
export function eachItem<T, Item>(property: keyof T & string, itemSchema: z.ZodType, rule: KindRule<Item>): KindRule<T> {
  const check: CrossFieldRule<T> = (known) => {
    const value = known[property];
    if (value === undefined || value === null || typeof value !== "object") return undefined;
    const items: [number | undefined, unknown][] = Array.isArray(value) ? [...value.entries()] : [[undefined, value]];
    for (const [index, item] of items) {
      const failure = rule(item as Partial<Item>, new Set());
      if (!failure) continue;
      const place = index === undefined ? property : `${property}[${index}]`;
      return { property, path: [property, ...(index === undefined ? [] : [index]), failure.property], reason: `${place}: ${failure.reason}` };
    }
    return undefined;
  };
  const write = rule.jsonSchema?.write;
  if (!write) return check;
  return withJsonSchema(check, {
    on: itemSchema,
    write: (json) => {
      const fragment: JsonSchema = {};
      write(fragment);
      json.allOf = [...(json.allOf as JsonSchema[] | undefined) ?? [], fragment];
    },
  });
}

/** What one value of a choice property needs and what it cannot take: `layoutType: common` needs commonConfig. */
export interface ChoiceNeeds<T> {
  needs: readonly (keyof T & string)[];
  /** The properties of the other choices it takes too; every other property of the table is refused. */
  takes?: readonly (keyof T & string)[];
}

/**
 * A choice (`layoutType`) decides which other properties apply: each value needs its own, and
 * refuses those only other values take. Silent while the choice is unknown. The JSON Schema is one
 * `if` per value, with the check's words.
 */
export function choiceDecides<T>(choice: keyof T & string, table: Record<string, ChoiceNeeds<T>>): KindRule<T> {
  const governed = [...new Set(Object.values(table).flatMap((entry) => [...entry.needs, ...(entry.takes ?? [])]))];
  const refused = (value: string) => governed.filter((name) => !table[value].needs.includes(name) && !(table[value].takes ?? []).includes(name));
  const needsWords = (value: string, name: keyof T & string) =>
    `${choice} ${value} needs ${table[value].needs.join(" and ")}; set ${name}, or change ${choice}.`;
  const refusedWords = (value: string, name: keyof T & string) => {
    const others = Object.keys(table).filter((other) => [...table[other].needs, ...(table[other].takes ?? [])].includes(name as keyof T & string));
    return `${name} is set, but ${choice} is ${value}, which does not take it; remove ${name}, or set ${choice} to ${others.join(" or ")}.`;
  };
  const check: CrossFieldRule<T> = (known, unknown) => {
    const value = known[choice];
    if (typeof value !== "string" || !(value in table)) return undefined;
    const missing = table[value].needs.find((name) => known[name] === undefined && !unknown.has(name));
    if (missing) return { property: missing, reason: needsWords(value, missing) };
    const extra = refused(value).find((name) => known[name] !== undefined);
    if (extra) return { property: extra, reason: refusedWords(value, extra) };
    return undefined;
  };
  return withJsonSchema(check, {
    write: (json) => {
      json.allOf = [...(json.allOf as JsonSchema[] | undefined) ?? [], ...Object.keys(table).map((value) => ({
        if: isSetTo(choice, value),
        then: {
          allOf: [
            ...table[value].needs.map((name) => ({ required: [name], errorMessage: needsWords(value, name) })),
            ...refused(value).map((name) => forbid(name, refusedWords(value, name))),
          ],
        },
      }))];
    },
  });
}

/** What one value of a property demands of another property (see {@link demandsWhen}). */
export interface Demand {
  /** The value the other property must have. */
  value: unknown;
  /** Left out is accepted: what the object has then already is the demanded value (a new studio's channel mode, off). */
  omittedIsFine?: true;
}

/**
 * What `property` set to `value` demands of other properties (a lightweight carousel studio's
 * template, channel mode and program, as AddPlaylistItems asks of its studio): one rule per
 * demand, each reporting the other property, its value and the fix. The JSON Schema says the same
 * with one `if` per demand.
 */
export function demandsWhen<T>(property: keyof T & string, value: unknown, what: string, demands: Partial<Record<keyof T & string, Demand>>): KindRule<T>[] {
  return (Object.entries(demands) as [keyof T & string, Demand][]).map(([name, demand]) => {
    const message = `${property} ${describeValue(value)} (${what}) needs ${name} ${describeValue(demand.value)}`;
    const check: CrossFieldRule<T> = (known, unknown) => {
      if (known[property] !== value || unknown.has(name)) return undefined;
      const given = known[name];
      if (given === demand.value || (given === undefined && demand.omittedIsFine)) return undefined;
      return { property: name, reason: `${message}, but it is ${given === undefined ? "not set" : describeValue(given)}; set ${name}: ${describeValue(demand.value)}, or use another ${property}.` };
    };
    return withJsonSchema(check, {
      write: (json) => {
        const then: JsonSchema = { properties: { [name]: { const: demand.value } }, errorMessage: `${message}; set ${name}: ${describeValue(demand.value)}, or use another ${property}.` };
        if (!demand.omittedIsFine) then.required = [name];
        json.allOf = [...(json.allOf as JsonSchema[] | undefined) ?? [], { if: isSetTo(property, value), then }];
      },
    });
  });
}

/** A value of `property` that only `otherProperty` set to `otherValue` allows (the template no other studio takes). */
export function onlyWith<T>(property: keyof T & string, value: unknown, otherProperty: keyof T & string, otherValue: unknown, what: string): KindRule<T> {
  const message = `${property} ${describeValue(value)} is only for ${what} (${otherProperty} ${describeValue(otherValue)})`;
  const check: CrossFieldRule<T> = (known, unknown) => {
    if (known[property] !== value || unknown.has(otherProperty) || known[otherProperty] === otherValue) return undefined;
    return { property, reason: `${message}, but ${otherProperty} is ${describeValue(known[otherProperty])}; use another ${property}, or set ${otherProperty}: ${describeValue(otherValue)}.` };
  };
  return withJsonSchema(check, {
    write: (json) => {
      json.allOf = [...(json.allOf as JsonSchema[] | undefined) ?? [], {
        if: isSetTo(property, value),
        then: { required: [otherProperty], properties: { [otherProperty]: { const: otherValue } }, errorMessage: `${message}; use another ${property}, or set ${otherProperty}: ${describeValue(otherValue)}.` },
      }];
    },
  });
}
