import type * as dynamic from "@pulumi/pulumi/dynamic";
import { checkInputs } from "../common/check";
import { Connection, connectionSchema } from "../model/fields/connection";
import { isUnknown } from "../common/unknowns";
import { comparable, formatId, inputSchemas, keptByUpdate, KindSpec, parseId, replacedOnChange, requestParams } from "../model/kinds/kind";
import { CredentialSourceError } from "./client/connection-credentials";
import { LiveApiError, MissingCredentialsError, UserFacingError } from "./client/errors";
import { describeConnections, sameConnection } from "./shared/connection-words";
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
  /**
   * Brings the existing object that `importId` names under management in place of a create, and
   * makes it what the program declares; refuses, before any change, an object that cannot be.
   */
  adopt?(inputs: Inputs): Promise<Outputs>;
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
  /**
   * A change the API refuses whatever is sent (a one-way switch turned back), known from the state
   * alone: said at preview, by the diff, before any call. Its words, or undefined.
   */
  refusedChange?(id: string, olds: Outputs, news: Inputs): string | undefined;
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
  /** Whether the object is found through the new inputs' connection (the call's: run() serves it). */
  async function foundThroughNewConnection(id: string, olds: Outputs, news: Inputs): Promise<boolean> {
    const after = (news as { connection?: unknown }).connection;
    // Not known yet in a preview: the update checks it once it is.
    if (isUnknown(after) || (after !== undefined && !connectionSchema.safeParse(after).success)) return true;
    return Boolean((await hooks.read(id, olds)).id);
  }

  /** `inUpdate`: said by the update, after the engine may have applied other changes of the run. */
  function connectionMovesError(id: string, olds: Outputs, news: Inputs, inUpdate: boolean): UserFacingError {
    const { before, after } = describeConnections((olds as { connection?: Connection }).connection, (news as { connection?: Connection }).connection);
    return new UserFacingError(
      `${kind.type} ${id}: connection changed from ${before} to ${after}, and the ${kind.noun} is not found through the new one` +
        // The preview could not use the new connection (or was skipped): the run has begun.
        (inUpdate ? "; found only now, in the update, so other resources of this run may already be updated. " : ". ") +
        `A connection says how an existing ${kind.noun} is reached; it does not move it to another account or region. ` +
        `Set connection back to ${before}; or, to make a new ${kind.noun} where the new connection points and delete this one through the old, run \`pulumi up --replace <urn of this resource>\`.`,
    );
  }

  const adopted = (outs: Outputs): dynamic.CreateResult => ({ id: formatId(kind, outs), outs });

  return {
    async check(olds: Record<string, unknown>, news: Record<string, unknown>): Promise<dynamic.CheckResult> {
      const failures = checkInputs(check, news);
      if (failures.length > 0 || !hooks.check) return { inputs: news, failures };
      return hooks.check(news, olds ?? {});
    },

    async diff(id: string, olds: Outputs, news: Inputs): Promise<dynamic.DiffResult> {
      const refused = hooks.refusedChange?.(id, olds, news);
      if (refused) throw new UserFacingError(`${kind.type} ${id}: ${refused}`);
      const { changed, replaces: byKind } = differences(kind, hooks.normalize, olds, news);
      const byHook = (hooks.replaces?.(olds, news) ?? []).filter((name) => changed.includes(name) && !byKind.includes(name));
      const replaces = [...byKind, ...byHook];
      // A replacement creates through the new connection and deletes through the stored one: the
      // object is not looked for where the new connection points, and nothing is lost.
      if (changed.includes("connection") && replaces.length === 0) {
        // Said in the preview already, where it can be: a connection that cannot be used here (no
        // credentials in a preview job, no network to its endpoint) leaves it to the update, which
        // always checks. Any other failure is the preview's to report.
        const found = await foundThroughNewConnection(id, olds, news).catch((error: unknown) => {
          if (cannotBeUsedHere(error)) return true;
          throw error;
        });
        if (!found) throw connectionMovesError(id, olds, news, false);
      }
      const inPlace = changed.length > 0 && replaces.length === 0;
      // `stables` as DiffResult documents them. Neither @pulumi/pulumi 3.248.0's dynamic-provider
      // host (its diff passes on changes, replaces and deleteBeforeReplace only) nor the engine acts
      // on them: what keeps a source's resourceId known in the preview of its rename, so that the
      // episode using it shows no change, is the SDK's outputsFromId.
      return {
        changes: changed.length > 0,
        replaces,
        ...(inPlace ? { stables: keptByUpdate(kind) } : {}),
        deleteBeforeReplace: replaces.length > 0 && kind.deleteBeforeReplace,
      };
    },

    async create(inputs: Inputs): Promise<dynamic.CreateResult> {
      const result = hooks.adopt && (inputs as { importId?: string }).importId ? adopted(await hooks.adopt(inputs)) : await hooks.create(inputs);
      return { ...result, outs: withoutUndefined(withConnectionOf(result.outs, inputs)) };
    },
    async read(id: string, props: Outputs): Promise<dynamic.ReadResult> {
      const found = await hooks.read(id, props);
      // The connection is stored with the object: refresh and destroy reach it with it.
      const result = found.props ? { ...found, props: withConnectionOf(found.props, props) } : found;
      // A `get` (the resource class's get(name, id)) knows nothing of the object but its ID: that it
      // does not exist is an error to say, where a refresh of a known object drops it.
      // A get may give a connection (how to reach the object), which says nothing of the object itself.
      const known = Object.keys(kind.fields).some((name) => name !== "connection" && (props as Record<string, unknown> | undefined)?.[name] !== undefined);
      if (!result.id && !known) {
        throw new UserFacingError(`${kind.type}.get: there is no ${kind.noun} ${id} (the Pulumi ID has the form ${kind.id.map((name) => `<${name}>`).join(":")}); check the ID with ${kind.operations.read}.`);
      }
      return result.props ? { ...result, props: withoutUndefined(result.props) } : result;
    },
    async update(id: string, olds: Outputs, news: Inputs): Promise<dynamic.UpdateResult> {
      const before = (olds as { connection?: Connection }).connection;
      const after = (news as { connection?: Connection }).connection;
      if (!sameConnection(before, after)) {
        // A connection says how an object is reached, not where it is: the object must be found
        // through the new one (another profile or role of the same account, a VPC endpoint of the
        // same region), or the change is refused. Moving an object to another account or region
        // is a replacement the user asks for, never a side effect of a diff.
        const found = await hooks.read(id, olds);
        if (!found.id) throw connectionMovesError(id, olds, news, true);
        const onlyConnection = differences(kind, hooks.normalize, { ...olds, connection: after }, news).changed.length === 0;
        if (onlyConnection) return { outs: withoutUndefined({ ...(found.props ?? olds), connection: after }) };
      }
      if (!hooks.update) throw new Error(`The API cannot modify a ${kind.type}: every change replaces it.`);
      const result = await hooks.update(id, olds, news);
      return { ...result, outs: withoutUndefined(withConnectionOf(result.outs, news)) };
    },

    async delete(id: string, props?: Outputs): Promise<void> {
      try {
        await hooks.beforeDelete?.(id, props ?? ({} as Outputs));
        const params = hooks.deleteParams
          ? await hooks.deleteParams(id, props ?? ({} as Outputs))
          : { ...requestParams(kind, kind.operations.delete, props ?? {}), ...idParams(kind, id) };
        // The operation is the kind's, chosen at run time from its table, so its parameters cannot be typed here.
        await liveClient().callUnchecked(kind.operations.delete, params);
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
 * Whether a failure says that a connection cannot be used where this runs, not that anything is
 * wrong with it or the object: its credentials cannot be had here (a profile of another machine,
 * no credentials in a preview job, an STS it cannot reach), or no reply came from its endpoint.
 */
function cannotBeUsedHere(error: unknown): boolean {
  if (error instanceof CredentialSourceError || error instanceof MissingCredentialsError) return true;
  return error instanceof LiveApiError && error.httpStatus === undefined;
}

/** The outputs with the connection they were reached through (the inputs' or the stored one), or none. */
function withConnectionOf<T>(outs: T, source: object): T {
  const connection = (source as { connection?: Connection }).connection;
  const rest = { ...(outs as Record<string, unknown>) };
  delete rest.connection;
  return (connection === undefined ? rest : { ...rest, connection }) as T;
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
