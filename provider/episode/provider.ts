import type * as dynamic from "@pulumi/pulumi/dynamic";
import { isDeepStrictEqual } from "node:util";
import { isUnknown } from "../../common/unknowns";
import { describeValue } from "../../common/check";
import { MIN_EPISODE_LEAD_SECONDS, toApiTime } from "../../model/api-facts";
import { casterEpisode as kind, EpisodeInputs, episodeTypeOf } from "../../model/kinds/caster-episode";
import { requestParams } from "../../model/kinds/kind";
import { UserFacingError } from "../client/errors";
import { itemsOf, Listed, ListItem, LiveClient, ReplyOf } from "../client/live-client";
import { differences, formatId, kindProvider, parseId } from "../kind-provider";
import { liveClient } from "../runtime";
import { Reuse, StudioListingSpec, studioListing, unlessStudioGone } from "../shared/studio-listing";
import { VIDEO_SOURCES } from "../video-resource/api";

/** What the provider stores for an episode. */
export interface EpisodeOutputs extends EpisodeInputs {
  episodeId: string;
  episodeType: NonNullable<EpisodeInputs["episodeType"]>;
  /**
   * Whether DescribeCasterProgram listed the episode right after it was made. Only then does its
   * absence later mean it is gone (the same caution as an episode group's).
   */
  listedInProgram: boolean;
}

/** One episode of DescribeCasterProgram. */
export type ApiEpisode = Listed<ListItem<ReplyOf<"DescribeCasterProgram">["Episodes"], "Episode">, "EpisodeId">;

/** How a studio's program is listed, every page of it: its episodes, and its episode groups' items (no EndTime). */
export const PROGRAM: StudioListingSpec<"DescribeCasterProgram", ApiEpisode> = {
  describe: "DescribeCasterProgram",
  items: (reply) => itemsOf(reply.Episodes?.Episode, "EpisodeId"),
  idOf: (episode) => episode.EpisodeId,
  noun: "episode",
};

/** A studio's program, shared by every episode of the studio. */
export const episodes = studioListing(PROGRAM);
/** A studio's sources, for an episode that names its source by position. */
const sources = studioListing(VIDEO_SOURCES);

/** The CasterEpisode dynamic provider: the kind's spec, times as the API writes them, a source by ID or position. */
export const episodeProvider = kindProvider<EpisodeInputs, EpisodeOutputs>(kind, {
  check(news, olds): dynamic.CheckResult {
    const inputs = { ...news } as Record<string, unknown>;
    // A new episode (no earlier inputs, nothing to adopt) that has started: AddCasterEpisode refuses a
    // start that has passed (IncorrectStartTime, on the ADD page). A studio file can only warn, since
    // it cannot tell a new episode from one made before; the provider can, so it refuses at preview.
    const isNew = Object.keys(olds).length === 0 && inputs.importId === undefined;
    const start = typeof inputs.startTime === "string" && !isUnknown(inputs.startTime) ? Date.parse(inputs.startTime) : NaN;
    if (isNew && start < Date.now()) {
      return {
        inputs: news,
        failures: [{
          property: "startTime",
          reason: `startTime ${describeValue(inputs.startTime)} has passed (it is now ${new Date().toISOString().replace(/\.\d{3}Z$/, "Z")}): the API adds no episode that starts in the past; move startTime later, at least ${MIN_EPISODE_LEAD_SECONDS} s from when \`pulumi up\` runs.`,
        }],
      };
    }
    // Compared and sent as the API writes times: UTC to the second.
    for (const name of ["startTime", "endTime"]) {
      if (inputs[name] !== undefined && !isUnknown(inputs[name])) inputs[name] = toApiTime(inputs[name] as string);
    }
    // The type follows from the source: written out, so that a change of it is seen (the API cannot modify it).
    if (inputs.episodeType === undefined) inputs.episodeType = episodeTypeOf(inputs as Partial<EpisodeInputs>);
    return { inputs, failures: [] };
  },

  adopt: (inputs) => adopt(liveClient(), inputs),

  async create(inputs) {
    const client = liveClient();
    const resourceId = await sourceIdOf(client, inputs);
    const applied = { ...inputs, episodeType: episodeTypeOf(inputs), resourceId };
    const wanted = comparableEpisode(applied);
    // AddCasterEpisode has no ClientToken: after a lost reply, the new episode with exactly this content is the one made.
    const episodeId = await episodes.add(client, inputs.casterId, {
      matches: (episode) => isDeepStrictEqual(comparableEpisode(fromApi(episode)), wanted),
      add: async () => (await episodes.change(client, inputs.casterId, "AddCasterEpisode", requestParams(kind, "AddCasterEpisode", applied))).EpisodeId!,
      twin: (existing) => new UserFacingError(
        `studio ${inputs.casterId} already has this very episode (${existing.EpisodeId}: ${JSON.stringify(existing.EpisodeName ?? "")}, ${existing.StartTime} to ${existing.EndTime}), `
        + "made by another stack or in the console; adding it again would put it in the programme twice. "
        + `Set importId: "${inputs.casterId}:${existing.EpisodeId}" to take it over `
        + "(with the resource option `retainOnDelete: true` while another stack still manages it, so that destroying this stack leaves it), or change the episode.",
      ),
    });
    const listed = await findEpisode(client, inputs.casterId, episodeId);
    const outs: EpisodeOutputs = {
      ...applied,
      ...(listed ? fromApi(listed) : {}),
      casterId: inputs.casterId,
      locationId: inputs.locationId,
      episodeId,
      listedInProgram: listed !== undefined,
    } as EpisodeOutputs;
    return { id: formatId(kind, outs), outs };
  },

  /**
   * An episode is reported gone only when its studio is gone, or when it was listed at creation
   * and a fresh listing filtered by its EpisodeId does not have it: a wrong "gone" would make the
   * next `pulumi up` add a second episode at the same time.
   */
  async read(id, props) {
    const client = liveClient();
    const { casterId, episodeId } = parseId(kind, id);
    const found = await unlessStudioGone(async () => ({
      episode: await findEpisode(client, casterId, episodeId, "refresh") ?? await describeOne(client, casterId, episodeId),
    }));
    if (!found) return {};
    const episode = found.episode;
    if (!episode) return props.listedInProgram === false ? { id, props } : {};
    const read = fromApi(episode);
    // A source declared by position is read back by position: the listed source's.
    const locationId = props.locationId !== undefined ? await locationOf(client, casterId, read.resourceId) : undefined;
    return { id, props: { ...props, ...read, casterId, episodeId, locationId, listedInProgram: true } };
  },

  async update(id, _olds, news) {
    const client = liveClient();
    const { casterId, episodeId } = parseId(kind, id);
    const resourceId = await sourceIdOf(client, news);
    const applied = { ...news, episodeType: episodeTypeOf(news), resourceId };
    const params = requestParams(kind, "ModifyCasterEpisode", applied);
    await episodes.change(client, casterId, "ModifyCasterEpisode", { ...params, EpisodeId: episodeId });
    const listed = await findEpisode(client, casterId, episodeId);
    return {
      outs: { ...applied, ...(listed ? fromApi(listed) : {}), casterId, episodeId, locationId: news.locationId, listedInProgram: listed !== undefined },
    };
  },

  normalize: normalEpisode,

  // ModifyCasterEpisode keeps the components when none is sent: removing the last one makes the episode again.
  replaces(olds, news) {
    return (olds.componentIds ?? []).length > 0 && Array.isArray(news.componentIds ?? []) && (news.componentIds ?? []).length === 0
      ? ["componentIds"]
      : [];
  },

  changed(props) {
    if (props.casterId) episodes.changed(liveClient(), props.casterId);
  },
});

/** No components is an empty list, as the API lists it. */
function normalEpisode(props: Record<string, unknown>): Record<string, unknown> {
  return { ...props, componentIds: props.componentIds ?? [] };
}

/**
 * Brings an existing episode under management (importId), then makes it what the program
 * declares: its name, source, components, times and switch type are compared as diff compares
 * them, and ModifyCasterEpisode is sent only when they differ, so an episode that already matches
 * is taken over with no call that changes anything. Its type cannot be modified: one of another
 * type is refused. Every refusal comes before any call that changes something.
 */
async function adopt(client: LiveClient, inputs: EpisodeInputs): Promise<EpisodeOutputs> {
  const { casterId, episodeId } = parseId(kind, inputs.importId as string);
  if (casterId !== inputs.casterId) {
    throw new UserFacingError(`importId ${inputs.importId} names studio ${casterId}, but casterId is ${inputs.casterId}; they must match.`);
  }
  const found = await unlessStudioGone(async () => ({
    episode: await findEpisode(client, casterId, episodeId) ?? await describeOne(client, casterId, episodeId),
  }));
  if (!found) {
    throw new UserFacingError(`importId ${inputs.importId}: the account has no studio ${casterId}. Check the ID with DescribeCasters, or remove importId to add a new episode.`);
  }
  const episode = found.episode;
  if (!episode) {
    throw new UserFacingError(`importId ${inputs.importId}: studio ${casterId} has no episode ${episodeId}. Check the ID with DescribeCasterProgram, or remove importId to add a new episode.`);
  }
  if (!episode.EndTime) {
    throw new UserFacingError(`importId ${inputs.importId}: ${episodeId} is an item of an episode group (it has no end time), not an episode. Adopt the group with a CasterEpisodeGroup's importId (its ProgramId), or use the ID of an episode.`);
  }
  const resourceId = await sourceIdOf(client, inputs);
  const applied = { ...inputs, episodeType: episodeTypeOf(inputs), resourceId };
  // What the episode has; a source declared by position is compared by its ID.
  const adopted = { ...fromApi(episode), casterId, locationId: inputs.locationId, episodeId, listedInProgram: true, connection: inputs.connection } as EpisodeOutputs;
  const { changed, replaces } = differences(kind, normalEpisode, adopted, applied);
  if (replaces.length > 0) {
    throw new UserFacingError(`importId ${inputs.importId}: that episode is of type ${adopted.episodeType}, but this one is ${applied.episodeType}; ModifyCasterEpisode cannot change an episode's type. Declare it as ${adopted.episodeType}, or remove importId to add a new episode.`);
  }
  if ((adopted.componentIds ?? []).length > 0 && (applied.componentIds ?? []).length === 0) {
    throw new UserFacingError(`importId ${inputs.importId}: that episode shows components ${(adopted.componentIds ?? []).join(", ")}, and this one none; ModifyCasterEpisode cannot take an episode's last component away. Declare its components, or remove importId to add a new episode.`);
  }
  // Claimed last, once nothing refuses it: a refused adoption leaves the episode to another resource.
  if (!episodes.claim(client, casterId, episodeId)) {
    throw new UserFacingError(`importId ${inputs.importId}: another resource of this program already manages that episode; remove one of the two.`);
  }
  if (changed.length === 0) return { ...applied, ...adopted };
  await episodes.change(client, casterId, "ModifyCasterEpisode", { ...requestParams(kind, "ModifyCasterEpisode", applied), EpisodeId: episodeId });
  const listed = await findEpisode(client, casterId, episodeId);
  return { ...applied, ...(listed ? fromApi(listed) : {}), casterId, episodeId, locationId: inputs.locationId, listedInProgram: listed !== undefined } as EpisodeOutputs;
}

/** What is compared to find the episode a lost AddCasterEpisode made. */
function comparableEpisode(episode: Partial<EpisodeInputs>) {
  return {
    episodeName: episode.episodeName ?? "",
    episodeType: episode.episodeType,
    resourceId: episode.episodeType === "Resource" ? episode.resourceId ?? "" : "",
    componentIds: episode.componentIds ?? [],
    startTime: episode.startTime,
    endTime: episode.endTime,
    switchType: episode.switchType ?? "TimeFirst",
  };
}

/** A listed episode's properties, as the kind names them. */
export function fromApi(episode: ApiEpisode): Partial<EpisodeInputs> & { episodeType: EpisodeOutputs["episodeType"] } {
  const type = (episode.EpisodeType || "Resource") as EpisodeOutputs["episodeType"];
  return Object.fromEntries(Object.entries({
    episodeName: episode.EpisodeName || undefined,
    episodeType: type,
    resourceId: type === "Resource" ? episode.ResourceId || undefined : undefined,
    componentIds: episode.ComponentIds?.ComponentId ?? [],
    startTime: episode.StartTime,
    endTime: episode.EndTime,
    switchType: (episode.SwitchType || "TimeFirst") as EpisodeInputs["switchType"],
  }).filter(([, value]) => value !== undefined)) as unknown as ReturnType<typeof fromApi>;
}

/** The source's ID: the declared one, or the one of the source at the declared position. */
async function sourceIdOf(client: LiveClient, inputs: EpisodeInputs): Promise<string | undefined> {
  if (episodeTypeOf(inputs) !== "Resource") return undefined;
  if (inputs.resourceId !== undefined || inputs.locationId === undefined) return inputs.resourceId;
  const listed = await sources.list(client, inputs.casterId);
  const source = listed.find((item) => item.LocationId === inputs.locationId);
  if (!source) {
    const taken = listed.map((item) => item.LocationId).sort();
    throw new UserFacingError(
      `episode "${inputs.episodeName}": studio ${inputs.casterId} has no source at ${inputs.locationId}` +
        `${taken.length > 0 ? ` (its sources are at ${taken.join(", ")})` : " (it has no sources)"}: ` +
        "add a CasterVideoResource at that position (and let this episode depend on it), or use another locationId.",
    );
  }
  return source.ResourceId;
}

async function locationOf(client: LiveClient, casterId: string, resourceId: string | undefined): Promise<string | undefined> {
  if (resourceId === undefined) return undefined;
  return (await sources.list(client, casterId, "refresh")).find((item) => item.ResourceId === resourceId)?.LocationId;
}

/** The episode as the studio's program lists it (the studio must exist). */
async function findEpisode(client: LiveClient, casterId: string, episodeId: string, reuse?: Reuse): Promise<ApiEpisode | undefined> {
  return (await episodes.list(client, casterId, reuse)).find((episode) => episode.EpisodeId === episodeId);
}

/** One episode, asked for by its ID: the check before an episode missing from a listing is called gone. */
async function describeOne(client: LiveClient, casterId: string, episodeId: string): Promise<ApiEpisode | undefined> {
  const reply = await client.call("DescribeCasterProgram", { CasterId: casterId, EpisodeId: episodeId });
  return itemsOf(reply.Episodes?.Episode, "EpisodeId").find((episode) => episode.EpisodeId === episodeId);
}

/**
 * What an unfinished create of these (checked) inputs made, for the recovery of a killed `pulumi
 * up`: AddCasterEpisode has no ClientToken, so the episode is found by lookup, an episode of the
 * studio with exactly this content that the stack's state does not have (`owned`, Pulumi IDs).
 * Undefined when there is none: the killed request never landed.
 */
export async function madeByUnfinishedCreate(
  inputs: EpisodeInputs,
  owned: ReadonlySet<string>,
): Promise<{ id: string; props: EpisodeOutputs; description: string } | undefined> {
  const client = liveClient();
  let resourceId: string | undefined;
  try {
    resourceId = await sourceIdOf(client, inputs);
  } catch (error) {
    // No source at the position: the create could not have been sent.
    if (error instanceof UserFacingError) return undefined;
    throw error;
  }
  const applied = { ...inputs, episodeType: episodeTypeOf(inputs), resourceId };
  const wanted = comparableEpisode(applied);
  const made = (await episodes.list(client, inputs.casterId))
    .find((episode) => !owned.has(formatId(kind, { casterId: inputs.casterId, episodeId: episode.EpisodeId }))
      && isDeepStrictEqual(comparableEpisode(fromApi(episode)), wanted));
  if (!made) return undefined;
  const props = { ...applied, ...fromApi(made), casterId: inputs.casterId, episodeId: made.EpisodeId, listedInProgram: true } as EpisodeOutputs;
  return {
    id: formatId(kind, props),
    props,
    description: `episode "${made.EpisodeName ?? ""}" ${made.StartTime}–${made.EndTime} (${made.EpisodeId})`,
  };
}
