import { configureProvider } from "../runtime";
import { EpisodeGroupInputs } from "../episode-group/schema";
import { episodeGroupProvider, madeByUnfinishedCreate as groupMadeBy } from "../episode-group/provider";
import { VideoResourceInputs } from "../video-resource/schema";
import { madeByUnfinishedCreate as sourceMadeBy, videoResourceProvider } from "../video-resource/provider";

/** The types this package's resources have in a stack's state. */
export const VIDEO_SOURCE_TYPE = "pulumi-nodejs:dynamic/alicloud-caster:CasterVideoResource";
export const EPISODE_GROUP_TYPE = "pulumi-nodejs:dynamic/alicloud-caster:CasterEpisodeGroup";

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
  /** The thing it made on the studio, in words; undefined when it made nothing. */
  made?: string;
  /** Deletes what it made. */
  remove?: () => Promise<void>;
}

/**
 * Finds what the unfinished creates of a killed `pulumi up` made on the studio. Their inputs are
 * in the state (pending operations); a source is found at its location with exactly those
 * settings, a group by its ClientToken. What the state already has is never touched. The
 * providers are configured with the stack config the killed run used (the inputs the state
 * holds for its provider); credentials come from the environment, as for any run.
 */
export async function findUnfinishedCreates(checkpoint: Checkpoint): Promise<UnfinishedCreate[]> {
  const resources = checkpoint.deployment.resources ?? [];
  const pending = (checkpoint.deployment.pending_operations ?? []).filter(
    (operation) => operation.type === "creating" && [VIDEO_SOURCE_TYPE, EPISODE_GROUP_TYPE].includes(operation.resource.type),
  );
  if (pending.length === 0) return [];
  configureProvider(storedProviderConfig(resources, pending[0].resource.provider));
  const owned = (type: string) => new Set(resources.filter((r) => r.type === type && r.id).map((r) => r.id as string));
  const ownedSources = owned(VIDEO_SOURCE_TYPE);
  const ownedGroups = owned(EPISODE_GROUP_TYPE);

  const found: UnfinishedCreate[] = [];
  // One at a time: two unfinished creates may concern one location, and a found source is then owned.
  for (const { resource } of pending) {
    const inputs = withoutEngineKeys(resource.inputs ?? {});
    if (resource.type === VIDEO_SOURCE_TYPE) {
      const made = await sourceMadeBy(inputs as unknown as VideoResourceInputs, ownedSources);
      if (made) ownedSources.add(made.id);
      found.push({ urn: resource.urn, made: made?.description, remove: made && (() => videoResourceProvider.delete(made.id)) });
    } else {
      const made = await groupMadeBy(inputs as unknown as EpisodeGroupInputs, ownedGroups);
      if (made) ownedGroups.add(made.id);
      found.push({ urn: resource.urn, made: made?.description, remove: made && (() => episodeGroupProvider.delete(made.id, made.props)) });
    }
  }
  return found;
}

/** The stack config the killed run gave its dynamic provider, as the state stores it. */
function storedProviderConfig(resources: StateResource[], providerReference: string | undefined) {
  const separator = providerReference?.lastIndexOf("::") ?? -1;
  const urn = separator > 0 ? providerReference?.slice(0, separator) : undefined;
  const provider = resources.find((r) => r.urn === urn) ?? resources.find((r) => r.type === "pulumi:providers:pulumi-nodejs");
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(withoutEngineKeys(provider?.inputs ?? {}))) {
    if (typeof value === "string") values[key] = value;
  }
  return { get: (key: string) => values[key], keys: () => Object.keys(values) };
}

function withoutEngineKeys(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !key.startsWith("__")));
}
