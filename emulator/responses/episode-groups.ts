import { errors } from "../errors";
import { findCaster } from "../models/casters";
import { addEpisodeGroup, deleteEpisodeGroup, EpisodeGroupInput, studioEpisodeGroups } from "../models/episode-groups";
import { EpisodeGroupRecord } from "../models/state";
import { OperationHandler } from "./operation";

export const AddCasterEpisodeGroup: OperationHandler = (call) => {
  const p = call.params;
  const input: EpisodeGroupInput = {
    clientToken: p.required("ClientToken"),
    domainName: p.required("DomainName"),
    callbackUrl: p.required("CallbackUrl"),
    sideOutputUrl: p.requiredAllowingEmpty("SideOutputUrl"),
    startTime: p.required("StartTime"),
    repeatNum: p.requiredInteger("RepeatNum"),
    items: p.list("Item", ["ItemName", "VodUrl"]).map((item) => ({ itemName: item.ItemName, vodUrl: item.VodUrl })),
  };
  return created(call.backend.change(call.uid, (account) => addEpisodeGroup(account, input)));
};

/** The same request, as one JSON document in `Content`. */
export const AddCasterEpisodeGroupContent: OperationHandler = (call) => {
  const clientToken = call.params.required("ClientToken");
  const content = parseContent(call.params.required("Content"));
  const text = (name: string, allowEmpty = false): string => {
    const value = content[name];
    if (value === undefined || value === null || (!allowEmpty && value === "")) {
      throw errors.missingParameter(`Content.${name} is required`);
    }
    if (typeof value !== "string") throw errors.invalidParameter(`Content.${name} must be a string`);
    return value;
  };
  const repeatNum = content.RepeatNum;
  if (repeatNum === undefined) throw errors.missingParameter("Content.RepeatNum is required");
  if (typeof repeatNum !== "number" || !Number.isInteger(repeatNum)) {
    throw errors.invalidParameter("Content.RepeatNum must be an integer");
  }
  const items = content.Items;
  if (items !== undefined && !Array.isArray(items)) throw errors.invalidParameter("Content.Items must be a list");
  const input: EpisodeGroupInput = {
    clientToken,
    domainName: text("DomainName"),
    callbackUrl: text("CallbackUrl"),
    sideOutputUrl: text("SideOutputUrl", true),
    startTime: text("StartTime"),
    repeatNum,
    items: ((items ?? []) as Record<string, unknown>[]).map((item) => ({
      itemName: typeof item?.ItemName === "string" ? item.ItemName : undefined,
      vodUrl: typeof item?.VodUrl === "string" ? item.VodUrl : undefined,
    })),
  };
  return created(call.backend.change(call.uid, (account) => addEpisodeGroup(account, input)));
};

export const DeleteCasterEpisodeGroup: OperationHandler = (call) => {
  const programId = call.params.required("ProgramId");
  call.backend.change(call.uid, (account) => deleteEpisodeGroup(account, programId));
  return {};
};

/** The studio's carousel program: one episode per item of each group on the studio's domain. */
export const DescribeCasterProgram: OperationHandler = (call) => {
  const p = call.params;
  const casterId = p.required("CasterId");
  const filter = {
    episodeId: p.optional("EpisodeId"),
    episodeType: p.optional("EpisodeType"),
    status: p.optionalInteger("Status"),
    startTime: p.optional("StartTime"),
    endTime: p.optional("EndTime"),
  };
  const pageNum = p.optionalInteger("PageNum") ?? 1;
  const pageSize = p.optionalInteger("PageSize") ?? 10;
  if (pageNum < 1 || pageSize < 1 || pageSize > 100) {
    throw errors.invalidParameter("PageNum must be 1 or more and PageSize 1 to 100");
  }
  const { caster, groups } = call.backend.read(call.uid, (account) => {
    const studio = findCaster(account, casterId);
    return { caster: studio, groups: studioEpisodeGroups(account, studio) };
  });
  const episodes = groups
    .flatMap((group) => episodesOf(group, call.nowMs))
    .filter((episode) =>
      (filter.episodeId === undefined || episode.EpisodeId === filter.episodeId) &&
      (filter.episodeType === undefined || episode.EpisodeType === filter.episodeType) &&
      (filter.status === undefined || episode.Status === filter.status) &&
      (filter.startTime === undefined || episode.StartTime >= filter.startTime) &&
      (filter.endTime === undefined || episode.StartTime <= filter.endTime));
  return {
    CasterId: caster.casterId,
    ProgramName: caster.config.programName,
    ProgramEffect: groups.length > 0 ? 1 : 0,
    Total: episodes.length,
    Episodes: { Episode: episodes.slice((pageNum - 1) * pageSize, pageNum * pageSize) },
  };
};

function created(group: EpisodeGroupRecord) {
  return { ProgramId: group.programId, ItemIds: { ItemId: group.items.map((item) => item.itemId) } };
}

function episodesOf(group: EpisodeGroupRecord, nowMs: number) {
  return group.items.map((item) => ({
    EpisodeId: item.itemId,
    EpisodeName: item.itemName,
    EpisodeType: "Resource",
    ResourceId: "",
    ComponentIds: { ComponentId: [] as string[] },
    StartTime: group.startTime,
    EndTime: "",
    // Item durations are not known without the files: an item is "playing" from its group's start on.
    Status: nowMs < Date.parse(group.startTime) ? 0 : 1,
    SwitchType: "TimeFirst",
  }));
}

function parseContent(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw errors.invalidParameter("Content must be a JSON object");
}
