import { LiveApiError, UserFacingError } from "../client/errors";
import { LiveClient, ParamsOf } from "../client/live-client";
import { liveClient } from "../runtime";
import { formatId, kindProvider, parseId } from "../kind-provider";
import { casterVideoResource as kind, VideoResourceInputs } from "../../model/kinds/caster-video-resource";
import { comparable, requestParams, stateFromReply } from "../../model/kinds/kind";
import { studioListing } from "../shared/studio-listing";
import { ApiVideoResource, sourceKind, VIDEO_SOURCES, VideoResourceOutputs } from "./api";

/**
 * A studio's sources. A source found at a location is adopted only when no other resource here
 * has claimed it: two identical declarations at one location must not end up sharing one source.
 */
export const sources = studioListing(VIDEO_SOURCES);

/** The CasterVideoResource dynamic provider: the kind's spec, and how a source is made, read and modified. */
export const videoResourceProvider = kindProvider(kind, {
  adopt: (inputs: VideoResourceInputs) => adopt(liveClient(), inputs),

  async create(inputs: VideoResourceInputs) {
    const outs = await add(liveClient(), inputs);
    return { id: videoResourceId(outs.casterId, outs.resourceId), outs };
  },

  async read(id: string, props: VideoResourceOutputs) {
    const { casterId, resourceId } = parseId(kind, id);
    const item = await sources.find(liveClient(), casterId, resourceId, "refresh");
    // A source (or its studio) that the API positively no longer has: no id, so refresh drops it.
    if (!item) return {};
    return { id, props: outputsFromApi(casterId, item, props) };
  },

  async update(id: string, _olds: VideoResourceOutputs, news: VideoResourceInputs) {
    const client = liveClient();
    const { casterId, resourceId } = parseId(kind, id);
    await sources.change(client, casterId, "ModifyCasterVideoResource", modifyParams(resourceId, news));
    return { outs: outputsFromApi(casterId, await sources.readBack(client, casterId, resourceId), news) };
  },

  changed(props: Partial<VideoResourceOutputs>) {
    if (props.casterId) sources.changed(liveClient(), props.casterId);
  },
});

/** A source's Pulumi ID carries its studio: `<casterId>:<resourceId>`, the form importId takes too. */
export function videoResourceId(casterId: string, resourceId: string): string {
  return formatId(kind, { casterId, resourceId });
}

/** The parameters of ModifyCasterVideoResource that make the source what the inputs declare, from the kind's spec. */
function modifyParams(resourceId: string, inputs: VideoResourceInputs): ParamsOf<"ModifyCasterVideoResource"> {
  return { ...requestParams(kind, "ModifyCasterVideoResource", inputs), ResourceId: resourceId };
}

/** What the provider stores for a source the API listed. */
export function outputsFromApi(casterId: string, item: ApiVideoResource, applied: Partial<VideoResourceInputs>): VideoResourceOutputs {
  return stateFromReply(kind, item, { ...applied, casterId }) as unknown as VideoResourceOutputs;
}

/**
 * What an unfinished create of these inputs made, for the recovery of a killed `pulumi up`: the
 * source at its location when it has exactly these settings and no resource of the stack has it
 * (`owned`: the IDs in the stack's state). Undefined when the create made nothing.
 */
export async function madeByUnfinishedCreate(
  inputs: VideoResourceInputs,
  owned: ReadonlySet<string>,
): Promise<{ id: string; description: string } | undefined> {
  const occupant = (await sources.listOrNone(liveClient(), inputs.casterId))?.find((item) => item.LocationId === inputs.locationId);
  if (!occupant || !matchesInputs(occupant, inputs)) return undefined;
  const id = videoResourceId(inputs.casterId, occupant.ResourceId);
  if (owned.has(id)) return undefined;
  return { id, description: `${sourceKind(occupant)} source "${occupant.ResourceName}" at ${occupant.LocationId} (${id})` };
}

/** How often a create whose reply was lost is looked up and sent again. */
const MAX_ADD_ATTEMPTS = 5;

/**
 * AddCasterVideoResource has no ClientToken, so a create whose reply was lost may or may not have
 * happened. One source per location makes it safe to find out: look the location up; a source
 * there that matches the inputs is the one this create made, and is adopted; an empty location
 * means the request never landed, and it is sent again.
 *
 * What happens when a location is already taken: a DuplicateLocationID answer to the first
 * attempt means the source was there before this create (the console's, another stack's, or one
 * that a killed `pulumi up` made), so it is never adopted, even when it matches: two stacks would
 * silently share it, and destroying one would take it off air for the other. The error names the
 * occupant and the ways out (importId, or the recovery command for a killed run).
 */
async function add(client: LiveClient, inputs: VideoResourceInputs): Promise<VideoResourceOutputs> {
  let mayHaveLanded = false;
  for (let attempt = 1; ; attempt++) {
    try {
      const resourceId = (await sources.change(client, inputs.casterId, "AddCasterVideoResource", requestParams(kind, "AddCasterVideoResource", inputs))).ResourceId!;
      sources.claim(client, inputs.casterId, resourceId);
      return outputsFromApi(inputs.casterId, await sources.readBack(client, inputs.casterId, resourceId), inputs);
    } catch (error) {
      const lostReply = error instanceof LiveApiError && error.outcomeUnknown && attempt < MAX_ADD_ATTEMPTS;
      const taken = error instanceof LiveApiError && error.code === "DuplicateLocationID";
      if (!lostReply && !taken) throw error;
      mayHaveLanded ||= lostReply;
      const occupant = (await sources.list(client, inputs.casterId)).find((item) => item.LocationId === inputs.locationId);
      if (mayHaveLanded && occupant && matchesInputs(occupant, inputs) && sources.claim(client, inputs.casterId, occupant.ResourceId)) {
        return outputsFromApi(inputs.casterId, occupant, inputs);
      }
      if (occupant || taken) throw locationTakenError(inputs, occupant);
      // The location is free: the lost request never landed.
    }
  }
}

/**
 * Brings an existing source under management, then makes it what the program declares: a source
 * that already matches is taken over with no call that changes anything (ModifyCasterVideoResource
 * only when it differs). Every refusal comes before any such call.
 */
async function adopt(client: LiveClient, inputs: VideoResourceInputs): Promise<VideoResourceOutputs> {
  const { casterId, resourceId } = parseId(kind, inputs.importId as string);
  if (casterId !== inputs.casterId) {
    throw new Error(`importId ${inputs.importId} names studio ${casterId}, but casterId is ${inputs.casterId}; they must match.`);
  }
  const item = await sources.find(client, casterId, resourceId);
  if (!item) {
    throw new Error(`importId ${inputs.importId}: studio ${casterId} has no video source ${resourceId}. Check the ID with DescribeCasterVideoResources, or remove importId to create a new source.`);
  }
  if (item.LocationId !== inputs.locationId) {
    throw new Error(`importId ${inputs.importId}: that source sits at ${item.LocationId}, but locationId is ${inputs.locationId}. A source cannot move; set locationId to ${item.LocationId}.`);
  }
  if (!sources.claim(client, casterId, resourceId)) {
    throw new Error(`importId ${inputs.importId}: another resource of this program already manages that source; remove one of the two.`);
  }
  if (matchesInputs(item, inputs)) return outputsFromApi(casterId, item, inputs);
  await sources.change(client, casterId, "ModifyCasterVideoResource", modifyParams(resourceId, inputs));
  return outputsFromApi(casterId, await sources.readBack(client, casterId, resourceId), inputs);
}

/** Whether a source found at the location is what these inputs would have made (FixedDelayDuration cannot be read). */
function matchesInputs(item: ApiVideoResource, inputs: VideoResourceInputs): boolean {
  const found = comparable(kind, outputsFromApi(inputs.casterId, item, inputs));
  const wanted = comparable(kind, inputs);
  return Object.keys(wanted).every((key) => found[key] === wanted[key]);
}

function locationTakenError(inputs: VideoResourceInputs, occupant: ApiVideoResource | undefined): Error {
  const who = occupant
    ? `${sourceKind(occupant)} source "${occupant.ResourceName}" (${videoResourceId(inputs.casterId, occupant.ResourceId)})`
    : "another source";
  const same = occupant !== undefined && matchesInputs(occupant, inputs);
  return new UserFacingError(
    `${inputs.locationId} on studio ${inputs.casterId} is already taken by ${who}` +
      (same ? ", which has the very settings declared here but is not this resource's" : "") + ". " +
      `Choose another locationId, delete that source, or manage it here by setting importId to ` +
      `"${occupant ? videoResourceId(inputs.casterId, occupant.ResourceId) : "<casterId>:<resourceId>"}"` +
      (same
        ? ` (only if no other stack manages it). If an interrupted \`pulumi up\` of this stack made it, run \`npx caster-recover\` first.`
        : "."),
  );
}
