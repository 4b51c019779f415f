import type * as dynamic from "@pulumi/pulumi/dynamic";
import { checkInputs } from "../common/check";
import { comparable, formatId, inputSchemas, KindSpec, parseId, replacedOnChange, requestParams } from "../spec/kinds/kind";
import { LiveApiError, UserFacingError } from "./client/errors";
import { liveClient } from "./runtime";
import { diffProperties, PropertyChanges } from "./shared/diff";

/**
 * How a kind behaves where the API makes it differ: creating (a lost reply, a ClientToken),
 * reading (listings shared by many resources, caution before saying "gone"), modifying.
 */
export interface KindHooks<Inputs, Outputs> {
  /** Runs after the kind's own checks pass: may complete the inputs (a derived token) or refuse them. */
  check?(news: Record<string, unknown>, olds: Record<string, unknown>): dynamic.CheckResult;
  create(inputs: Inputs): Promise<dynamic.CreateResult>;
  read(id: string, props: Outputs): Promise<dynamic.ReadResult>;
  /** Absent where the API cannot modify the kind: every change replaces it. */
  update?(id: string, olds: Outputs, news: Inputs): Promise<dynamic.UpdateResult>;
  /** After a change the kind's listings must not serve again. */
  changed?(props: Partial<Outputs>): void;
  /**
   * Writes out the defaults inside nested properties (a layer's anchor, an overlay's opacity), so
   * that a default the API fills in is no change. Sees values that may still be unknown.
   */
  normalize?(props: Record<string, unknown>): Record<string, unknown>;
  /**
   * Properties whose change replaces the object although the kind modifies them in place, for a
   * change the modify operation cannot express (an episode's last component removed).
   */
  replaces?(olds: Outputs, news: Inputs): string[];
  /** The delete operation's parameters, where the ID alone does not give them (a scene's SceneId). */
  deleteParams?(id: string, props: Outputs): Promise<Record<string, string | undefined>>;
  /** Before the delete operation: may refuse (a studio on air) or prepare (stop it). */
  beforeDelete?(id: string, props: Outputs): Promise<void>;
}

/**
 * One dynamic provider for a kind, from its spec: check by its fields and rules, diff by its
 * fields' normal form and change modes, delete by its delete operation (already gone is done);
 * create, read and update from the kind's hooks.
 */
export function kindProvider<Inputs extends object, Outputs extends object>(kind: KindSpec, hooks: KindHooks<Inputs, Outputs>) {
  const check = { fields: inputSchemas(kind), rules: kind.rules };
  return {
    async check(olds: Record<string, unknown>, news: Record<string, unknown>): Promise<dynamic.CheckResult> {
      const failures = checkInputs(check, news);
      if (failures.length > 0 || !hooks.check) return { inputs: news, failures };
      return hooks.check(news, olds ?? {});
    },

    async diff(_id: string, olds: Outputs, news: Inputs): Promise<dynamic.DiffResult> {
      const { changed, replaces: byKind } = differences(kind, hooks.normalize, olds, news);
      const byHook = (hooks.replaces?.(olds, news) ?? []).filter((name) => changed.includes(name) && !byKind.includes(name));
      const replaces = [...byKind, ...byHook];
      return { changes: changed.length > 0, replaces, deleteBeforeReplace: replaces.length > 0 && kind.deleteBeforeReplace };
    },

    async create(inputs: Inputs): Promise<dynamic.CreateResult> {
      const result = await hooks.create(inputs);
      return { ...result, outs: withoutUndefined(result.outs) };
    },
    async read(id: string, props: Outputs): Promise<dynamic.ReadResult> {
      const result = await hooks.read(id, props);
      // A `get` (the resource class's get(name, id)) knows nothing of the object but its ID: that it
      // does not exist is an error to say, where a refresh of a known object drops it.
      const known = Object.keys(kind.fields).some((name) => (props as Record<string, unknown> | undefined)?.[name] !== undefined);
      if (!result.id && !known) {
        throw new UserFacingError(`${kind.type}.get: there is no ${kind.noun} ${id} (the Pulumi ID has the form ${kind.id.map((name) => `<${name}>`).join(":")}); check the ID with ${kind.operations.read}.`);
      }
      return result.props ? { ...result, props: withoutUndefined(result.props) } : result;
    },
    async update(id: string, olds: Outputs, news: Inputs): Promise<dynamic.UpdateResult> {
      if (!hooks.update) throw new Error(`The API cannot modify a ${kind.type}: every change replaces it.`);
      const result = await hooks.update(id, olds, news);
      return { ...result, outs: withoutUndefined(result.outs) };
    },

    async delete(id: string, props?: Outputs): Promise<void> {
      try {
        await hooks.beforeDelete?.(id, props ?? ({} as Outputs));
        const params = hooks.deleteParams
          ? await hooks.deleteParams(id, props ?? ({} as Outputs))
          : { ...requestParams(kind, kind.operations.delete, props ?? {}), ...idParams(kind, id) };
        await liveClient().call(kind.operations.delete, params);
      } catch (error) {
        // Already gone is what delete wants.
        if (error instanceof LiveApiError && kind.goneCodes.includes(error.code)) return;
        throw error;
      } finally {
        hooks.changed?.({ ...props, ...parseId(kind, id) } as Partial<Outputs>);
      }
    },
  };
}

/**
 * Where an object (its properties as the provider stores them: `olds`) differs from the declared
 * inputs (`news`), compared as diff compares them: each in the kind's normal form, after the
 * kind's `normalize`. Adopting an existing object (importId) compares what it found so, and sends
 * the modify operation only when something differs.
 */
export function differences(
  kind: KindSpec,
  normalize: ((props: Record<string, unknown>) => Record<string, unknown>) | undefined,
  olds: object,
  news: object,
): PropertyChanges {
  const normal = (props: object) => (normalize ? normalize(props as Record<string, unknown>) : props);
  return diffProperties(comparable(kind, normal(olds), news), comparable(kind, normal(news)), replacedOnChange(kind));
}

/**
 * The outputs without undefined values, at any depth: the dynamic-provider host sends them as a
 * protobuf Struct, which refuses an undefined ("Unexpected struct type") and fails the resource.
 */
function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutUndefined) as T;
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== undefined).map(([key, inner]) => [key, withoutUndefined(inner)])) as T;
}

/** The API parameters an ID stands for: `<casterId>:<resourceId>` is CasterId and ResourceId. */
function idParams(kind: KindSpec, id: string): Record<string, string> {
  const named = { ...kind.fields, ...kind.outputs } as Record<string, { api?: string }>;
  return Object.fromEntries(Object.entries(parseId(kind, id)).map(([name, value]) => [named[name]?.api ?? name, value]));
}

export { formatId, parseId };
