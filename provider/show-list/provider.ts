import { isDeepStrictEqual } from "node:util";
import { Background, casterShowList as kind, Show, ShowListInputs } from "../../model/kinds/caster-show-list";
import { LiveApiError, UserFacingError } from "../client/errors";
import { itemsOf, Listed, ListItem, LiveClient, ParamsOf, ReplyOf } from "../client/live-client";
import { kindProvider, parseId } from "../kind-provider";
import { liveClient } from "../runtime";
import { planShowList, ShowListStep } from "./plan";

/** What the provider stores for a show list: the list as the API has it, and its shows' IDs in order. */
export interface ShowListOutputs extends ShowListInputs {
  showIds: string[];
}

/** One show of DescribeShowList. */
type ApiShow = Listed<ListItem<NonNullable<ReplyOf<"DescribeShowList">["ShowListInfo"]>["ShowList"], "Show">, "ShowId">;
export type ApiList = NonNullable<ReplyOf<"DescribeShowList">["ShowListInfo"]> & { shows: ApiShow[] };

/**
 * The CasterShowList dynamic provider. None of the show-list operations has a ClientToken, so
 * every create and update is a reconciliation: the list is read, and only what differs from the
 * declared one is sent (removals, additions at their place, moves, the list's settings). A show is
 * known by its name, which the kind's check makes unique: after a lost reply, or a `pulumi up`
 * that was cut short, the next run finds the shows that were added by their names and content,
 * and sends nothing twice.
 */
export const showListProvider = kindProvider<ShowListInputs, ShowListOutputs>(kind, {
  async create(inputs) {
    const outs = await reconcile(liveClient(), inputs, { takeOver: false });
    return { id: inputs.casterId, outs };
  },

  adopt(inputs) {
    if (inputs.importId !== inputs.casterId) {
      throw new UserFacingError(`importId ${inputs.importId} names studio ${inputs.importId}, but casterId is ${inputs.casterId}; a show list's importId is its studio's ID.`);
    }
    return reconcile(liveClient(), inputs, { takeOver: true });
  },

  async read(id, props) {
    const { casterId } = parseId(kind, id);
    const list = await describe(liveClient(), casterId).catch(goneAsUndefined);
    // Gone when the studio is, or when none of the shows it made is listed any more (a list emptied in the console).
    if (!list || (props.showIds?.length && !list.shows.some((show) => props.showIds.includes(show.ShowId)))) return {};
    return { id, props: { ...props, ...fromApi(list), casterId } };
  },

  async update(_id, _olds, news) {
    return { outs: await reconcile(liveClient(), news, { takeOver: true }) };
  },

  normalize: normalList,

  async deleteParams(id, props) {
    const { casterId } = parseId(kind, id);
    // The shows this resource made and still has: one batch; a show someone removed is answered in failedList.
    const showIds = props.showIds ?? [];
    return { CasterId: casterId, isBatchMode: showIds.length > 0 ? "true" : undefined, ...Object.fromEntries(showIds.map((showId, index) => [`showIdList.${index + 1}`, showId])) };
  },

  async beforeDelete(id, props) {
    if (props.background) await liveClient().call("SetShowListBackground", { CasterId: parseId(kind, id).casterId });
  },
});

/** How often a reconciliation that met a lost reply or a refusal reads the list again and goes on. */
const MAX_RECONCILE_ATTEMPTS = 5;

/**
 * Makes the studio's show list the declared one, with the fewest calls that change anything, and
 * answers what the list then is. `takeOver`: shows of other names are removed (an update, or an
 * importId); otherwise they are refused before anything is sent.
 */
async function reconcile(client: LiveClient, inputs: ShowListInputs, options: { takeOver: boolean }): Promise<ShowListOutputs> {
  const casterId = inputs.casterId;
  let list = await describe(client, casterId);
  const declaredNames = new Set(inputs.shows.map((show) => show.showName));
  const foreign = list.shows.filter((show) => !declaredNames.has(show.ShowName ?? ""));
  if (!options.takeOver && foreign.length > 0) {
    throw new UserFacingError(
      `studio ${casterId}'s show list already holds ${foreign.length} show(s) this program does not declare (${foreign.slice(0, 5).map((show) => JSON.stringify(show.ShowName ?? "")).join(", ")}${foreign.length > 5 ? ", …" : ""}). `
      + `Set importId: "${casterId}" to take the list over (those shows are then removed), or declare them.`,
    );
  }
  const planFor = (now: ApiList) => planShowList(now.shows.map((show) => ({ id: show.ShowId, name: show.ShowName ?? "", show: showOf(show) })), inputs.shows.map(normalShow));
  for (let attempt = 1, steps = planFor(list); steps.length > 0; attempt++) {
    try {
      const added = await apply(client, casterId, steps);
      // The list as the add replies say it is (one DescribeShowList a list, not two: its QPS is
      // AddShowIntoShowList's), else as listed. The high-priority show is named by its ID, and the
      // page does not say that a batch's successfulShowIds come in the order of the shows sent:
      // then the list is read.
      const priorityById = inputs.highPriorityShow !== undefined && steps.some((step) => step.kind === "addBatch");
      list = (priorityById ? undefined : listAfterAdds(list, steps, added)) ?? await describe(client, casterId);
      break;
    } catch (error) {
      // A call whose reply was lost (an add is never resent blindly: it has no ClientToken), or a
      // retry refused because the lost first attempt did it (a removal of a show already removed):
      // the list as it is now says what is left to do. The same plan again means nothing moved,
      // and the refusal stands.
      if (!(error instanceof LiveApiError) || attempt >= MAX_RECONCILE_ATTEMPTS) throw error;
      const now = await describe(client, casterId);
      const remaining = planFor(now);
      if (isDeepStrictEqual(remaining, steps)) throw error;
      list = now;
      steps = remaining;
    }
  }
  if (await applySettings(client, casterId, list, inputs)) list = await describe(client, casterId);
  const byName = new Map(list.shows.map((show) => [show.ShowName ?? "", show.ShowId]));
  return { ...inputs, ...fromApi(list), casterId, showIds: inputs.shows.map((show) => byName.get(show.showName) ?? "").filter(Boolean) };
}

/**
 * The list after a plan of adds only, from the list before and the IDs the replies gave: each
 * show added as sent, a batch at the end, a single add at its spot (as the planner sends them).
 * Undefined when the plan did more (a removal, a move), or a reply did not give an ID for each
 * show sent: then only a listing says what the list is.
 */
export function listAfterAdds(before: ApiList, steps: ShowListStep[], added: string[][]): ApiList | undefined {
  const shows = [...before.shows];
  for (const [index, step] of steps.entries()) {
    const ids = added[index] ?? [];
    if (step.kind === "addBatch" && ids.length === step.shows.length) shows.push(...step.shows.map((show, position) => apiShow(ids[position], show)));
    else if (step.kind === "add" && ids.length === 1) shows.splice(step.spot, 0, apiShow(ids[0], step.show));
    else return undefined;
  }
  return { ...before, shows };
}

/** A show as DescribeShowList lists one that was added with these settings. */
function apiShow(showId: string, show: Show): ApiShow {
  const sent = normalShow(show);
  return {
    ShowId: showId, ShowName: sent.showName, Duration: sent.duration, RepeatTimes: sent.repeatTimes,
    ResourceInfo: { ResourceType: sent.resourceType, ResourceUrl: sent.resourceUrl, ResourceId: sent.resourceId, LiveInputType: sent.liveInputType },
  };
}

/**
 * Sends a plan's calls in order, and answers the IDs each step's reply gave (none for a removal or
 * a move; a batch's successfulShowIds taken in the order of the shows sent, as the emulator answers:
 * the page does not say). A move names its show: the IDs of shows just added are listed first.
 */
async function apply(client: LiveClient, casterId: string, steps: ShowListStep[]): Promise<string[][]> {
  const added: string[][] = [];
  let ids: Map<string, string> | undefined;
  for (const step of steps) {
    if (step.kind === "remove") {
      if (step.showIds.length === 1) {
        await client.call("RemoveShowFromShowList", { CasterId: casterId, ShowId: step.showIds[0] });
      } else {
        // A show already gone is answered in failedList: what a removal wants.
        await client.call("RemoveShowFromShowList", {
          CasterId: casterId, isBatchMode: "true", ...Object.fromEntries(step.showIds.map((showId, index) => [`showIdList.${index + 1}`, showId])),
        });
      }
      added.push([]);
    } else if (step.kind === "addBatch") {
      const params: Record<string, string | number> = { CasterId: casterId, isBatchMode: "true" };
      step.shows.forEach((show, index) => {
        for (const [name, value] of Object.entries(showParams(show, "batch"))) if (value !== undefined) params[`showList.${index + 1}.${name}`] = value;
      });
      const reply = await client.call("AddShowIntoShowList", params as ParamsOf<"AddShowIntoShowList">);
      const failed = parseFailed(reply.failedList);
      if (failed.length > 0) {
        throw new UserFacingError(`studio ${casterId} refused ${failed.length} show(s) of the list: ${failed.map((entry) => JSON.stringify(entry)).join("; ")}. Fix them and run pulumi up again; the shows that were added are kept.`);
      }
      added.push((reply.successfulShowIds ?? "").split(",").filter(Boolean));
      ids = undefined;
    } else if (step.kind === "add") {
      const reply = await client.call("AddShowIntoShowList", { CasterId: casterId, Spot: step.spot, ...showParams(step.show, "single") });
      added.push(reply.ShowId ? [reply.ShowId] : []);
      ids = undefined;
    } else {
      ids ??= new Map((await describe(client, casterId)).shows.map((show) => [show.ShowName ?? "", show.ShowId]));
      const showId = ids.get(step.name);
      if (!showId) throw new Error(`show ${JSON.stringify(step.name)} was added to studio ${casterId}'s show list but is not listed by DescribeShowList; run pulumi refresh and try again.`);
      await client.call("ModifyShowList", { CasterId: casterId, ShowId: showId, Spot: step.spot });
      added.push([]);
    }
  }
  return added;
}

/** The list's own settings: one ModifyShowList for what differs, and the background. Whether anything was sent. */
async function applySettings(client: LiveClient, casterId: string, list: ApiList, inputs: ShowListInputs): Promise<boolean> {
  const params: ParamsOf<"ModifyShowList"> = { CasterId: casterId };
  const repeatTimes = inputs.repeatTimes ?? 0;
  if ((list.ShowListRepeatTimes ?? 0) !== repeatTimes) params.RepeatTimes = repeatTimes;
  if (inputs.highPriorityShow !== undefined) {
    const showId = list.shows.find((show) => show.ShowName === inputs.highPriorityShow)?.ShowId;
    if (showId && (showId !== list.HighPriorityShowId || inputs.highPriorityShowStartTime !== list.HighPriorityShowStartTime)) {
      params.HighPriorityShowId = showId;
      params.HighPriorityShowStartTime = inputs.highPriorityShowStartTime;
    }
  }
  let sent = false;
  if (Object.keys(params).length > 1) {
    await client.call("ModifyShowList", params);
    sent = true;
  }
  const wanted = normalBackground(inputs.background);
  if (!isDeepStrictEqual(wanted, normalBackground(backgroundOf(list.Background)))) {
    await client.call("SetShowListBackground", {
      CasterId: casterId, ResourceType: wanted?.resourceType?.toUpperCase(), ResourceUrl: wanted?.resourceUrl, MaterialId: wanted?.materialId,
    });
    sent = true;
  }
  return sent;
}

/** A show's parameters, by their names in a single add (`ShowName`) or in a batch (`showName`). */
function showParams(show: Show, mode: "single" | "batch") {
  const single = {
    ShowName: show.showName, ResourceType: show.resourceType, ResourceUrl: show.resourceUrl, ResourceId: show.resourceId,
    LiveInputType: show.liveInputType, Duration: show.duration, RepeatTimes: show.duration === undefined ? show.repeatTimes : undefined,
  };
  if (mode === "single") return single;
  return Object.fromEntries(Object.entries(single).map(([name, value]) => [name[0].toLowerCase() + name.slice(1), value])) as Record<string, string | number | undefined>;
}

function parseFailed(text: string | undefined): unknown[] {
  if (!text) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed : [parsed];
  } catch {
    return text.trim() === "" || text.trim() === "[]" ? [] : [text];
  }
}

/** The studio's show list as DescribeShowList gives it; `caster-studio export` reads it too (describeShowList). */
async function describe(client: LiveClient, casterId: string): Promise<ApiList> {
  const reply = await client.call("DescribeShowList", { CasterId: casterId });
  const info = reply.ShowListInfo ?? {};
  return { ...info, shows: itemsOf(info.ShowList?.Show, "ShowId") };
}

export { describe as describeShowList };

function goneAsUndefined(error: unknown): undefined {
  if (error instanceof LiveApiError && kind.goneCodes.includes(error.code)) return undefined;
  throw error;
}

/** A listed show as the kind names it, with only what it carries. */
function showOf(item: ApiShow): Show {
  const resource = item.ResourceInfo ?? {};
  return normalShow({
    showName: item.ShowName ?? "",
    resourceType: (resource.ResourceType ?? "vod") as Show["resourceType"],
    resourceUrl: resource.ResourceUrl || undefined,
    resourceId: resource.ResourceId || undefined,
    liveInputType: resource.LiveInputType,
    duration: item.Duration || undefined,
    repeatTimes: item.Duration ? undefined : item.RepeatTimes,
  });
}

/** The list's properties as DescribeShowList reports them, each show in the provider's normal form. */
export function fromApi(list: ApiList): Pick<ShowListOutputs, "shows" | "repeatTimes" | "highPriorityShow" | "highPriorityShowStartTime" | "background"> {
  const priority = list.shows.find((show) => show.ShowId === list.HighPriorityShowId);
  return {
    shows: list.shows.map(showOf),
    repeatTimes: list.ShowListRepeatTimes ?? 0,
    highPriorityShow: priority?.ShowName || undefined,
    highPriorityShowStartTime: priority ? list.HighPriorityShowStartTime || undefined : undefined,
    background: backgroundOf(list.Background),
  };
}

/** DescribeShowList's Background: JSON text, its keys in the page's mixed case (`MaterialId`, `resourceType`). */
function backgroundOf(text: string | undefined): Background | undefined {
  if (!text) return undefined;
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const value = (name: string) => {
    const key = Object.keys(parsed).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
    return key && typeof parsed[key] === "string" && parsed[key] !== "" ? (parsed[key] as string) : undefined;
  };
  const background = dropUndefined({
    resourceType: value("resourceType")?.toLowerCase() as Background["resourceType"],
    resourceUrl: value("resourceUrl"),
    materialId: value("materialId"),
  });
  return Object.keys(background).length > 0 ? background : undefined;
}

function normalBackground(background: Background | undefined): Background | undefined {
  return background ? dropUndefined({ ...background }) : undefined;
}

/** A show with what the API fills in written out: the type label 0, and one play when neither duration nor repeatTimes is given. */
function normalShow(show: Show): Show {
  return dropUndefined({ ...show, liveInputType: show.liveInputType ?? 0, repeatTimes: show.duration === undefined ? show.repeatTimes ?? 0 : undefined });
}

/** The properties with each show in normal form, where the shows are known (a preview may not know them yet). */
function normalList(props: Record<string, unknown>): Record<string, unknown> {
  const shows = props.shows;
  const normal: Record<string, unknown> = { ...props };
  if (Array.isArray(shows) && shows.every((show) => typeof show === "object" && show !== null)) normal.shows = (shows as Show[]).map(normalShow);
  if (typeof props.background === "object" && props.background !== null) normal.background = normalBackground(props.background as Background);
  return normal;
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== undefined)) as T;
}
