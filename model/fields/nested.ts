import { isDeepStrictEqual } from "node:util";
import { VIDEO_LAYER_DEFAULTS } from "../api-facts";

/**
 * The objects inside a kind's properties (a layout's layers, a component's geometry, text and
 * caption, a recording format), field by field, as data: each field's API name, what the API has
 * when it is left out (a fact of model/api-facts.ts), what a reviewer calls it, and how its value
 * travels. The providers' requests, comparisons and read-backs, the export's omissions and the
 * diff's normal forms are derived from these tables, so a new field is one line of one table.
 *
 * Two ways of sending an object, as the API takes them:
 * - written out (layers, a component's geometry): every field is sent, its default where it is
 *   left out, numbers as text, so that removing a setting resets it; the reply is read back with
 *   every value written out;
 * - sparse (a text's or a caption's content, a recording format): only what is declared is sent,
 *   as it is; the reply is read back without its empty values.
 */

/** How a value travels: a number (sent as text when written out), text, true or false, or a point [x, y]. */
export type Conversion = "number" | "text" | "boolean" | "point";

export interface NestedField {
  /** The API's name in a request, and in the reply unless `reply` says otherwise. */
  api: string;
  /** Where the reply carries it, as a dotted path, when not under `api` (`PositionNormalizeds.Position`). */
  reply?: string;
  /** What the API has when it is left out: a fact of model/api-facts.ts. Absent: nothing applies. */
  default?: unknown;
  /** The kind's schema requires it: a studio file writes it even when it is the default. */
  required?: true;
  as: Conversion;
  /** What a reviewer calls it. */
  label: string;
}

export type NestedSpec = Record<string, NestedField>;

type Values = Record<string, unknown>;

/** The spec's fields, every one written out: what is left out is its default. */
export function withDefaults<S extends NestedSpec, V extends object>(spec: S, value: V): Required<Pick<V, keyof S & keyof V>> {
  const values = value as Values;
  return Object.fromEntries(Object.entries(spec).map(([name, field]) => {
    const given = values[name] ?? field.default;
    return [name, field.as === "point" && Array.isArray(given) ? [given[0], given[1]] : given];
  })) as Required<Pick<V, keyof S & keyof V>>;
}

/** The defaults the spec's fields have. */
export function defaultsOf(spec: NestedSpec): Values {
  return Object.fromEntries(Object.entries(spec).filter(([, field]) => field.default !== undefined).map(([name, field]) => [name, field.default]));
}

/** The request's values, by API name, every field written out: numbers as text, a point as [x, y] in text. */
export function writtenOutRequest(spec: NestedSpec, value: object): Record<string, string | string[]> {
  const values = withDefaults(spec, value) as Values;
  return Object.fromEntries(Object.entries(spec).map(([name, field]) => {
    const given = values[name];
    return [field.api, field.as === "point" ? (given as unknown[]).map(String) : field.as === "text" ? given as string : String(given)];
  }));
}

/** The reply's values, by the kind's names, every field written out: numbers as numbers, empty text as the default. */
export function writtenOutReply(spec: NestedSpec, item: object): Values {
  return Object.fromEntries(Object.entries(spec).map(([name, field]) => {
    const given = replied(field, item);
    if (field.as === "point") {
      const point = (given ?? field.default) as readonly unknown[];
      const fallback = field.default as readonly unknown[];
      return [name, [Number(point[0] ?? fallback[0]), Number(point[1] ?? fallback[1])]];
    }
    if (field.as === "number") return [name, Number(given ?? field.default)];
    return [name, given || field.default];
  }));
}

/** The request's values, by API name: only what is declared, as it is. */
export function sparseRequest(spec: NestedSpec, value: object): Values {
  const values = value as Values;
  return Object.fromEntries(Object.entries(spec).filter(([name]) => values[name] !== undefined).map(([name, field]) => [field.api, values[name]]));
}

/** The reply's values, by the kind's names: what is not empty (a false switch is kept). */
export function sparseReply(spec: NestedSpec, item: object): Values {
  return meaningful(Object.fromEntries(Object.entries(spec).map(([name, field]) => {
    const given = replied(field, item);
    return [name, field.as === "boolean" ? given : given || undefined];
  })));
}

/**
 * The values a studio file writes: each field that is its default is left out (unless the file
 * requires it), and so is nothing; other properties are kept as they are, in their order.
 */
export function withoutDefaults(spec: NestedSpec, value: object): Values {
  return Object.fromEntries(Object.entries(value).filter(([name, given]) => {
    if (given === undefined) return false;
    const field = spec[name];
    return !field || field.required || field.default === undefined || !isDeepStrictEqual(given, field.default);
  }));
}

function replied(field: NestedField, item: object): unknown {
  return (field.reply ?? field.api).split(".").reduce<unknown>((at, key) => (at as Values | undefined)?.[key], item);
}

function meaningful(values: Values): Values {
  return Object.fromEntries(Object.entries(values).filter(([, given]) => given !== undefined && given !== ""));
}

/**
 * Where a box is on the screen and how large, as a video layer (VideoLayer.N.*) and a component
 * (ComponentLayer) both say it, with the defaults of the one or the other; in a studio file's order.
 */
export function placementFields(defaults: Pick<typeof VIDEO_LAYER_DEFAULTS, "position" | "anchor" | "widthNormalized" | "heightNormalized">) {
  return {
    position: { api: "PositionNormalized", reply: "PositionNormalizeds.Position", default: defaults.position, required: true, as: "point", label: "position" },
    anchor: { api: "PositionRefer", default: defaults.anchor, as: "text", label: "anchor" },
    widthNormalized: { api: "WidthNormalized", default: defaults.widthNormalized, as: "number", label: "width" },
    heightNormalized: { api: "HeightNormalized", default: defaults.heightNormalized, as: "number", label: "height" },
  } as const satisfies NestedSpec;
}

/**
 * The request's values, by API name, as the official SDK's examples of a JSON setting write them
 * (AddStudioLayoutRequest: `"Index":"1"`, `"PositionNormalized":"[0.1, 0.2]"`): only what is
 * declared, numbers as text, a point as the text of a JSON list.
 */
export function textualRequest(spec: NestedSpec, value: object): Values {
  const values = value as Values;
  return Object.fromEntries(Object.entries(spec).filter(([name]) => values[name] !== undefined).map(([name, field]) => {
    const given = values[name];
    if (field.as === "number") return [field.api, String(given)];
    if (field.as === "point") return [field.api, `[${(given as unknown[]).join(", ")}]`];
    return [field.api, given];
  }));
}

/** The reply's values, by the kind's names: what it carries, typed (numbers and points from text, `"true"` as true); empty text as absent. */
export function typedReply(spec: NestedSpec, item: object): Values {
  return meaningful(Object.fromEntries(Object.entries(spec).map(([name, field]) => {
    const given = replied(field, item);
    if (given === undefined || given === null || given === "") return [name, undefined];
    if (field.as === "number") return [name, Number(given)];
    if (field.as === "boolean") return [name, given === true || given === "true"];
    if (field.as === "point") {
      const point = typeof given === "string" ? JSON.parse(given) as unknown[] : given as unknown[];
      return [name, [Number(point[0]), Number(point[1])]];
    }
    return [name, given];
  })));
}
