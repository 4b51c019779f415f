import { UserFacingError } from "../client/errors";
import { configureProvider } from "../runtime";
import { CasterInputs } from "../../model/kinds/caster";
import { EpisodeGroupInputs } from "../../model/kinds/caster-episode-group";
import { madeByUnfinishedCreate as studioMadeBy } from "../caster/provider";
import { episodeGroupProvider, madeByUnfinishedCreate as groupMadeBy } from "../episode-group/provider";
import { VideoResourceInputs } from "../../model/kinds/caster-video-resource";
import { madeByUnfinishedCreate as sourceMadeBy, videoResourceProvider } from "../video-resource/provider";
import { componentProvider, madeByUnfinishedCreate as componentMadeBy } from "../component/provider";
import { episodeProvider, madeByUnfinishedCreate as episodeMadeBy } from "../episode/provider";
import { layoutProvider, madeByUnfinishedCreate as layoutMadeBy } from "../layout/provider";

/** The types this package's resources have in a stack's state. */
export const VIDEO_SOURCE_TYPE = "pulumi-nodejs:dynamic/alicloud-caster:CasterVideoResource";
export const EPISODE_GROUP_TYPE = "pulumi-nodejs:dynamic/alicloud-caster:CasterEpisodeGroup";
export const CASTER_TYPE = "pulumi-nodejs:dynamic/alicloud-caster:Caster";
export const LAYOUT_TYPE = "pulumi-nodejs:dynamic/alicloud-caster:CasterLayout";
export const COMPONENT_TYPE = "pulumi-nodejs:dynamic/alicloud-caster:CasterComponent";
export const EPISODE_TYPE = "pulumi-nodejs:dynamic/alicloud-caster:CasterEpisode";

/**
 * The kinds whose create has no ClientToken and is found by lookup: an object of the studio with
 * exactly the inputs' content that the state does not have. Found without a change, so a dry run
 * finds them too; recovery deletes them. (Sources are found by lookup as well, at their position.)
 */
const FOUND_BY_LOOKUP: Record<string, {
  madeBy: (inputs: never, owned: ReadonlySet<string>) => Promise<{ id: string; props: object; description: string } | undefined>;
  remove: (id: string, props: never) => Promise<void>;
}> = {
  [LAYOUT_TYPE]: { madeBy: layoutMadeBy, remove: layoutProvider.delete },
  [COMPONENT_TYPE]: { madeBy: componentMadeBy, remove: componentProvider.delete },
  [EPISODE_TYPE]: { madeBy: episodeMadeBy, remove: episodeProvider.delete },
};

/** Every type whose unfinished creates the recovery looks for, in the order `caster-recover --help` names them. */
export const RECOVERED_TYPES: readonly string[] = [VIDEO_SOURCE_TYPE, EPISODE_GROUP_TYPE, CASTER_TYPE, ...Object.keys(FOUND_BY_LOOKUP)];

/** A type's resource class, as a program names it: `CasterLayout` of `pulumi-nodejs:dynamic/alicloud-caster:CasterLayout`. */
export function className(type: string): string {
  return type.slice(type.lastIndexOf(":") + 1);
}

/** A resource as `pulumi stack export` gives it. */
export interface StateResource {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  /** The provider's reference, `<provider URN>::<provider ID>`. */
  provider?: string;
  /** The URN of the resource's parent, for children of a component. */
  parent?: string;
}

/** An operation the engine had started and not finished when the run ended. */
export interface PendingOperation {
  resource: StateResource;
  type: "creating" | "updating" | "deleting" | "reading" | "importing" | string;
}

export interface Checkpoint {
  deployment: { resources?: StateResource[]; pending_operations?: PendingOperation[] };
}

/** What one unfinished create of this package made, and what recovery does with it. */
export interface UnfinishedCreate {
  urn: string;
  /** The thing it made on the studio, in words; undefined when it made nothing (or, in a dry run, is not known). */
  made?: string;
  /** Deletes what it made. */
  remove?: () => Promise<void>;
  /** Why it is left alone, or what a real run would do, when there is nothing to remove. */
  note?: string;
  /** Never deleted: what it touched existed before it (an object being adopted with importId). */
  leftAlone?: boolean;
  /** Kept, and handed to the stack under this ID (a studio): `pulumi up` then applies the program to it. */
  adoptId?: string;
  /** A studio, which is kept (adopted), never deleted. */
  adopts?: boolean;
}

/**
 * Finds what the unfinished creates of a killed `pulumi up` made on the studio. Their inputs are
 * in the state (pending operations); a source is found at its location with exactly those
 * settings, a group and a studio by their ClientToken. What the state already has is never
 * touched, nor is an object that an unfinished create was adopting (importId): it existed before.
 * A studio is not deleted but adopted (adoptId): deleting one and making it again under the same
 * ClientToken could be answered with the deleted one, and `pulumi up` can apply any program to it
 * (configure and start it, rename it, or replace or delete it if the program says so). Each create's
 * provider is configured with the stack config the killed run gave it (the inputs the state
 * holds for that provider); credentials come from the environment, as for any run.
 *
 * A dry run makes no call that changes anything: a group or a studio can only be found by
 * sending its ClientToken again, which would make it if the killed request never landed, so a dry
 * run only says what a real run would send.
 */
export async function findUnfinishedCreates(checkpoint: Checkpoint, options: { dryRun?: boolean } = {}): Promise<UnfinishedCreate[]> {
  const resources = checkpoint.deployment.resources ?? [];
  const pending = (checkpoint.deployment.pending_operations ?? []).filter(
    (operation) => operation.type === "creating"
      && RECOVERED_TYPES.includes(operation.resource.type),
  );
  const owned = (type: string) => new Set(resources.filter((r) => r.type === type && r.id).map((r) => r.id as string));
  const ownedSources = owned(VIDEO_SOURCE_TYPE);
  const ownedGroups = owned(EPISODE_GROUP_TYPE);
  const ownedStudios = owned(CASTER_TYPE);
  const ownedByLookup = Object.fromEntries(Object.keys(FOUND_BY_LOOKUP).map((type) => [type, owned(type)]));

  const found: UnfinishedCreate[] = [];
  // By provider (each its own endpoint and region), and one create at a time: two unfinished
  // creates may concern one location, and a source found for one is then owned.
  const byProvider = new Map<string | undefined, PendingOperation[]>();
  for (const operation of pending) byProvider.set(operation.resource.provider, [...(byProvider.get(operation.resource.provider) ?? []), operation]);
  for (const [providerReference, operations] of byProvider) {
    configureProvider(storedProviderConfig(resources, providerReference));
    for (const { resource } of operations) {
      const inputs = revealed(withoutEngineKeys(resource.inputs ?? {})) as Record<string, unknown>;
      const lookup = FOUND_BY_LOOKUP[resource.type];
      if (inputs.importId) {
        // Adopting makes nothing (a studio adopted is never sent to CreateCaster): what it touched existed before.
        found.push({ urn: resource.urn, leftAlone: true, note: `was adopting ${String(inputs.importId)} (importId), which existed before it: left as it is` });
      } else if (lookup) {
        const made = await lookup.madeBy(inputs as never, ownedByLookup[resource.type]);
        if (made) ownedByLookup[resource.type].add(made.id);
        found.push({ urn: resource.urn, made: made?.description, remove: made && (() => lookup.remove(made.id, made.props as never)) });
      } else if (resource.type === VIDEO_SOURCE_TYPE) {
        const made = await sourceMadeBy(inputs as unknown as VideoResourceInputs, ownedSources);
        if (made) ownedSources.add(made.id);
        found.push({ urn: resource.urn, made: made?.description, remove: made && (() => videoResourceProvider.delete(made.id)) });
      } else if (resource.type === CASTER_TYPE) {
        if (options.dryRun) {
          found.push({
            urn: resource.urn,
            adopts: true,
            note: `a real run sends its ClientToken ${String(inputs.clientToken)} again to find its studio, and keeps that studio: ` +
              "the stack takes it over, and pulumi up applies the program to it",
          });
          continue;
        }
        const made = await studioMadeBy(inputs as unknown as CasterInputs, ownedStudios);
        if (made) ownedStudios.add(made.id);
        found.push({ urn: resource.urn, made: made?.description, adopts: true, adoptId: made?.id });
      } else if (options.dryRun) {
        found.push({
          urn: resource.urn,
          note: `a real run sends its ClientToken ${String(inputs.clientToken)} again to find its group, and deletes what that answers`,
        });
      } else {
        const made = await groupMadeBy(inputs as unknown as EpisodeGroupInputs, ownedGroups);
        if (made) ownedGroups.add(made.id);
        found.push({ urn: resource.urn, made: made?.description, remove: made && (() => episodeGroupProvider.delete(made.id, made.props)) });
      }
    }
  }
  return found;
}

/**
 * The state with each adopted pending create (URN → the ID found for it) completed: moved from the
 * pending operations to the resources, with that ID, its inputs as the killed run sent them and,
 * until the refresh that follows reads the object, those inputs as its outputs (they carry the
 * provider that refresh, update and delete need). It has no dependents in the state (they could
 * not be made without its ID), so it goes last; a dependency the state no longer holds is dropped.
 * Secrets stay as the export wrote them (ciphertext).
 */
export function withCreatesAdopted<T extends Checkpoint>(checkpoint: T, adopted: ReadonlyMap<string, string>): T {
  const resources = [...(checkpoint.deployment.resources ?? [])];
  const pending: PendingOperation[] = [];
  for (const operation of checkpoint.deployment.pending_operations ?? []) {
    const id = operation.type === "creating" ? adopted.get(operation.resource.urn) : undefined;
    if (!id) {
      pending.push(operation);
      continue;
    }
    const held = new Set(resources.map((resource) => resource.urn));
    const resource = { ...operation.resource } as StateResource & { dependencies?: string[]; propertyDependencies?: Record<string, string[]> };
    resource.id = id;
    resource.outputs = { ...(resource.inputs ?? {}) };
    if (resource.dependencies) resource.dependencies = resource.dependencies.filter((urn) => held.has(urn));
    if (resource.propertyDependencies) {
      resource.propertyDependencies = Object.fromEntries(Object.entries(resource.propertyDependencies)
        .map(([name, urns]) => [name, urns.filter((urn) => held.has(urn))]));
    }
    resources.push(resource);
  }
  return { ...checkpoint, deployment: { ...checkpoint.deployment, resources, pending_operations: pending } };
}

/** The stack config the killed run gave a dynamic provider, as the state stores it. */
function storedProviderConfig(resources: StateResource[], providerReference: string | undefined) {
  const separator = providerReference?.lastIndexOf("::") ?? -1;
  const urn = separator > 0 ? providerReference?.slice(0, separator) : undefined;
  const provider = resources.find((r) => r.urn === urn) ?? resources.find((r) => r.type === "pulumi:providers:pulumi-nodejs");
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(revealed(withoutEngineKeys(provider?.inputs ?? {})) as Record<string, unknown>)) {
    if (typeof value === "string") values[key] = value;
  }
  return { get: (key: string) => values[key], keys: () => Object.keys(values) };
}

function withoutEngineKeys(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !key.startsWith("__")));
}

/** The marker Pulumi's state gives a secret value: `{ [SECRET_SIGNATURE]: SECRET_VALUE, plaintext | ciphertext }`. */
const SECRET_SIGNATURE = "4dabf18193072939515e22adb298388d";
const SECRET_VALUE = "1b47061264138c4ac30d75fd1eb44270";

/**
 * A value of the exported state with its secrets as plain values: `pulumi stack export
 * --show-secrets` writes a secret (a signed URL, a list of items with one) as its marker object
 * holding the JSON text of the value.
 */
export function revealed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revealed);
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  if (record[SECRET_SIGNATURE] === SECRET_VALUE) {
    if (typeof record.plaintext !== "string") {
      throw new UserFacingError("the exported state holds secrets as ciphertext; run caster-recover where `pulumi stack export --show-secrets` can decrypt them (the stack's passphrase or secrets provider).");
    }
    return revealed(JSON.parse(record.plaintext));
  }
  return Object.fromEntries(Object.entries(record).map(([key, inner]) => [key, revealed(inner)]));
}
