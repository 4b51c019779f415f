import type * as dynamic from "@pulumi/pulumi/dynamic";
import { UserFacingError } from "../client/errors";
import { LiveClient, ReplyOf } from "../client/live-client";
import { isUnknown } from "../../common/unknowns";
import { toApiTime } from "../../model/api-facts";
import { casterEpisodeGroup as kind, CREATE_PROPERTIES, EpisodeGroupInputs } from "../../model/kinds/caster-episode-group";
import { requestParams } from "../../model/kinds/kind";
import { kindProvider } from "../kind-provider";
import { clientScope, listingCache, liveClient, sessionMap } from "../runtime";
import { describeStudioConfig, EpisodeGroupOutputs, StudioConfig } from "./api";
import { deriveClientToken } from "../shared/client-token";
import { Reuse, studioKey, studioListing, unlessStudioGone } from "../shared/studio-listing";
import { ApiEpisode, PROGRAM } from "../episode/provider";

/** Listings shared by the groups of one studio: its config, and its program, where a group's items are listed. */
const studioConfigs = listingCache<StudioConfig>();
const programs = studioListing(PROGRAM);
/** A studio's config changes rarely; one listing serves a whole `pulumi up`. */
const CONFIG_REUSE_MS = 60_000;

/** The CasterEpisodeGroup dynamic provider: the kind's spec, a ClientToken for creation, a cautious read. */
export const episodeGroupProvider = kindProvider(kind, {
  check(news: Record<string, unknown>): dynamic.CheckResult {
    const inputs = { ...news } as EpisodeGroupInputs & Record<string, unknown>;
    if (!isUnknown(inputs.startTime)) inputs.startTime = toApiTime(inputs.startTime);
    // The token can be derived once every input that decides the creation is known.
    const createInputsKnown = CREATE_PROPERTIES.every((name) => !isUnknown(inputs[name]));
    const twin = createInputsKnown ? identicalDeclaration(inputs) : undefined;
    if (twin) {
      return {
        inputs: news,
        failures: [{
          property: "items",
          reason: `this episode group is identical to the group "${twin}" of the same program (same studio, startTime, repeatNum and items): ` +
            "the two would be two playlists playing at once. Remove one of them, or change its startTime or items.",
        }],
      };
    }
    if (inputs.clientToken === undefined && createInputsKnown && !isUnknown(inputs.clientTokenScope)) {
      inputs.clientToken = deriveClientToken(inputs.clientTokenScope ?? "", inputs);
    }
    return { inputs, failures: [] };
  },

  adopt: (inputs: EpisodeGroupInputs) => adopt(liveClient(), inputs),

  async create(inputs: EpisodeGroupInputs): Promise<dynamic.CreateResult> {
    const client = liveClient();
    if (inputs.casterId) await refuseTwin(client, inputs.casterId, inputs);
    return addGroup(client, inputs);
  },

  /**
   * The public docs do not say how a group shows in DescribeCasterProgram. The assumption: its
   * items are episodes of the studio whose main domain it names, with EpisodeId = ItemId, and
   * stay listed once played (the API can filter for finished episodes, Status 2). A group is
   * reported gone only when that was seen to hold for it at creation (listedInProgram) and none
   * of its items is listed now; otherwise read keeps what it has. A wrong "gone" would make the
   * next `pulumi up` add a duplicate playlist.
   */
  async read(id: string, props: EpisodeGroupOutputs): Promise<dynamic.ReadResult> {
    if (!props.casterId || !props.listedInProgram) return { id, props };
    const listed = await isListed(props.casterId, props.itemIds, props.regionId, "refresh");
    if (listed === false) return {};
    return { id, props };
  },

  changed(props: Partial<EpisodeGroupOutputs>) {
    if (props.casterId) programs.changed(liveClient(), props.casterId);
  },
});

/** The group as AddCasterEpisodeGroup takes it: what is left out comes from the studio's config, the token is derived. */
async function groupToSend(client: LiveClient, inputs: EpisodeGroupInputs) {
  const studio = inputs.casterId ? await studioConfig(client, inputs.casterId, inputs.regionId) : {};
  // AddCasterEpisodeGroup needs a DomainName (MissingDomainName), and a studio has none until SetCasterConfig gives it one.
  if (inputs.domainName === undefined && !studio.DomainName) {
    throw new UserFacingError(`casterId ${inputs.casterId}: an episode group plays on a streaming domain, and domainName is not set, so the studio's is used, but studio ${inputs.casterId} has none (DescribeCasterConfig's DomainName is empty). Set the studio's domainName (on its Caster, or with SetCasterConfig), or set domainName on the group.`);
  }
  return {
    ...inputs,
    clientToken: inputs.clientToken ?? deriveClientToken(inputs.clientTokenScope ?? "", inputs),
    domainName: inputs.domainName ?? studio.DomainName ?? "",
    callbackUrl: inputs.callbackUrl ?? studio.CallbackUrl ?? "",
    sideOutputUrl: inputs.sideOutputUrl ?? studio.SideOutputUrl ?? "",
    repeatNum: inputs.repeatNum ?? 0,
  };
}

/** Sends AddCasterEpisodeGroup with the group's token; the ProgramId and ItemIds it answers are this program's from then on. */
async function addGroup(client: LiveClient, inputs: EpisodeGroupInputs): Promise<dynamic.CreateResult> {
  const group = await groupToSend(client, inputs);
  let reply: ReplyOf<"AddCasterEpisodeGroup">;
  try {
    reply = await client.call("AddCasterEpisodeGroup", requestParams(kind, "AddCasterEpisodeGroup", group));
  } finally {
    if (inputs.casterId) programs.changed(client, inputs.casterId);
  }
  const itemIds = reply.ItemIds?.ItemId ?? [];
  claimItems(client, itemIds);
  const listedInProgram = inputs.casterId !== undefined && itemIds.length > 0 &&
    (await isListed(inputs.casterId, itemIds, inputs.regionId)) === true;
  const programId = reply.ProgramId!;
  const outs: EpisodeGroupOutputs = { ...group, programId, itemIds, listedInProgram };
  return { id: programId, outs };
}

/**
 * The items of the groups resources of this session have made or adopted (by connection and
 * ItemId): a group of this program is never another's twin, also when two of its groups share a
 * start and item names (their files differ: the listing does not show files).
 */
const ownItems = sessionMap<string, true>();

function claimItems(client: LiveClient, itemIds: string[]): void {
  for (const itemId of itemIds) ownItems.set(`${clientScope(client)} ${itemId}`, true);
}

/**
 * Refuses a group the studio's program already lists, made by another stack, the console or an
 * interrupted run (issue 29): two playlists would play at once. Its ClientToken cannot catch it,
 * being derived per stack and resource. Seen in the listing of the program from just before the
 * create, one DescribeCasterProgram shared by the creates of a studio within
 * BEFORE_LISTING_REUSE_MS, as episodes share theirs; a twin seen there is confirmed by a listing
 * requested after this process's last change, since a replacement deletes the old group first and
 * an earlier listing still shows it. The API lists a group's items, not its ProgramId, and no
 * operation finds a ProgramId by content: DescribeCasterProgram's reply has no ProgramId
 * (https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-describecasterprogram,
 * and the SDK's DescribeCasterProgramResponseBody), and ListPlaylist lists the episode lists of
 * AddPlaylistItems (https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-listplaylist).
 * So the refusal names the ItemIds and where the ProgramId is found. Deriving the token from
 * the studio and content alone would let a second stack learn the ProgramId by sending it again,
 * but two stacks racing would then share one group silently, and the recovery of one stack's
 * killed run, which finds its group by token, would delete the other's.
 */
async function refuseTwin(client: LiveClient, casterId: string, group: EpisodeGroupInputs): Promise<void> {
  const listed = (reuse: Reuse) => unlessStudioGone(() => programs.list(client, casterId, reuse, { RegionId: group.regionId }));
  if (twinRuns((await listed("before-create")) ?? [], group, client).length === 0) return;
  const runs = twinRuns((await listed("latest")) ?? [], group, client);
  if (runs.length === 0) return;
  const names = group.items.map((item) => JSON.stringify(item.itemName)).join(", ");
  throw new UserFacingError(
    `studio ${casterId} already has this episode group: its program lists, from ${group.startTime}, items named ${names} ` +
      `(ItemIds ${runs.map((run) => run.join(", ")).join("; and ")}) of a group no resource of this \`pulumi up\` made or adopted ` +
      "(another stack's, the console's or an interrupted `pulumi up`'s); adding it again would play two playlists at once. " +
      "To take it over, set importId to its ProgramId (the API lists a group's items, not its ProgramId: it is that resource's ID " +
      "in the stack that made it, `pulumi stack --stack <that stack> --show-ids`, or what AddCasterEpisodeGroup answered whoever made it), " +
      "with the resource option `retainOnDelete: true` while that stack still manages it, so that destroying this stack leaves it. " +
      "If an interrupted `pulumi up` of this stack made it, run `npx caster-recover` first. Otherwise change startTime or the items.",
  );
}

/** The runs of the listing that the group's items could be (see listedItems), of items no resource of this session has. */
function twinRuns(entries: ApiEpisode[], group: EpisodeGroupInputs, client: LiveClient): string[][] {
  return runsOf(entries, group).filter((run) => !run.some((itemId) => ownItems.has(`${clientScope(client)} ${itemId}`)));
}

/** The programs adopted by resources of this process: two declarations never take one group. */
const adoptedGroups = sessionMap<string, true>();

/**
 * Brings an existing group under management (importId, its ProgramId). The API has no call that
 * describes a group by its ProgramId, nor one that modifies it: the group is taken as declared,
 * with no call that changes anything. As cautious as read: its items are recorded (and refresh may
 * later call it gone) only when the studio's program lists, at the declared start, exactly one run
 * of items named as declared; otherwise `listedInProgram` is false and refresh keeps it.
 */
async function adopt(client: LiveClient, inputs: EpisodeGroupInputs): Promise<EpisodeGroupOutputs> {
  const programId = inputs.importId as string;
  const key = `${client.settings.endpoint} ${programId}`;
  if (adoptedGroups.has(key)) {
    throw new UserFacingError(`importId ${programId}: another resource of this program already manages that episode group; remove one of the two.`);
  }
  const group = await groupToSend(client, inputs);
  const itemIds = inputs.casterId ? await listedItems(client, inputs.casterId, group) : [];
  adoptedGroups.set(key, true);
  claimItems(client, itemIds);
  return { ...group, programId, itemIds, listedInProgram: itemIds.length > 0 };
}

/**
 * The ItemIds of the group's items as the studio's program lists them: entries at the group's
 * start with no end (as a group's items are listed), named as its items, in item order. Empty
 * when there is no such run, or more than one (another group with the same start and names).
 */
async function listedItems(client: LiveClient, casterId: string, group: EpisodeGroupInputs): Promise<string[]> {
  const entries = await unlessStudioGone(() => programs.describe(client, casterId, { RegionId: group.regionId })) ?? [];
  const runs = runsOf(entries, group);
  return runs.length === 1 ? runs[0] : [];
}

/** Every run of entries that could be the group's items (at its start, no end, named as its items in order), as ItemIds. */
function runsOf(entries: ApiEpisode[], group: EpisodeGroupInputs): string[][] {
  const names = group.items.map((item) => item.itemName);
  const runs: string[][] = [];
  for (let start = 0; start + names.length <= entries.length; start++) {
    const run = entries.slice(start, start + names.length);
    const matches = run.every((entry, index) => entry.StartTime === group.startTime && !entry.EndTime && entry.EpisodeName === names[index]);
    if (matches) runs.push(run.map((entry) => entry.EpisodeId));
  }
  return runs;
}

/**
 * The groups this process has checked, by what they would create: two declarations of one
 * program with the same content are a contradiction (each gets its own ClientToken from its
 * name, so the API would make both).
 */
const declaredGroups = sessionMap<string, string>();

/** The name of another declaration with the same content, if this program has one. */
function identicalDeclaration(inputs: EpisodeGroupInputs): string | undefined {
  const scope = inputs.clientTokenScope ?? "";
  const content = JSON.stringify(CREATE_PROPERTIES.map((name) =>
    name === "items" ? inputs.items.map((item) => [item.itemName, item.vodUrl]) : inputs[name] ?? null));
  const first = declaredGroups.get(content);
  if (first === undefined) declaredGroups.set(content, scope);
  return first !== undefined && first !== scope ? first.split("/").pop() : undefined;
}

/**
 * What an unfinished create of these (checked) inputs made, for the recovery of a killed `pulumi
 * up`: the group is found by its ClientToken, the way the API offers. Sent again with the same
 * token, AddCasterEpisodeGroup answers with the program the lost request made; if that request
 * never landed, this makes it, and the recovery deletes it like any other. Undefined when the
 * stack's state has it (`owned`) or the inputs carry no token.
 */
export async function madeByUnfinishedCreate(
  inputs: EpisodeGroupInputs,
  owned: ReadonlySet<string>,
): Promise<{ id: string; props: EpisodeGroupOutputs; description: string } | undefined> {
  if (!inputs.clientToken) return undefined;
  // Not refused as a twin: the group the killed run made is listed, and is what is looked for.
  const made = await addGroup(liveClient(), inputs);
  if (owned.has(made.id)) return undefined;
  const props = made.outs as EpisodeGroupOutputs;
  return { id: made.id, props, description: `episode group ${made.id} (ClientToken ${props.clientToken}, ${props.items.length} items from ${props.startTime})` };
}

function studioConfig(client: LiveClient, casterId: string, regionId?: string): Promise<StudioConfig> {
  return studioConfigs.read(studioKey(client, casterId), studioConfigs.moment() - CONFIG_REUSE_MS, () =>
    describeStudioConfig(client, casterId, regionId));
}

/** true: some item is listed; false: none is; undefined: the studio could not be asked. */
async function isListed(casterId: string, itemIds: string[], regionId: string | undefined, reuse?: Reuse): Promise<boolean | undefined> {
  // A studio that is gone says nothing about a group, which belongs to a domain.
  const listed = await programs.listOrNone(liveClient(), casterId, reuse, { RegionId: regionId });
  if (!listed) return undefined;
  const listedIds = new Set(listed.map((entry) => entry.EpisodeId));
  return itemIds.some((itemId) => listedIds.has(itemId));
}
