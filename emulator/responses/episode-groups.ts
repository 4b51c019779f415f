import { errors } from "../errors";
import { addEpisodeGroup, deleteEpisodeGroup, EpisodeGroupInput } from "../models/episode-groups";
import { EpisodeGroupRecord } from "../models/state";
import { OperationHandler } from "./operation";

/** Episode groups (carousel playlists). DescribeCasterProgram, which lists their items with the episodes, is in episodes.ts. */
export const AddCasterEpisodeGroup: OperationHandler<"AddCasterEpisodeGroup"> = (call) => {
  const p = call.params;
  const input: EpisodeGroupInput = {
    clientToken: p.required("ClientToken"),
    domainName: p.required("DomainName"),
    callbackUrl: p.required("CallbackUrl"),
    sideOutputUrl: p.requiredAllowingEmpty("SideOutputUrl"),
    startTime: p.required("StartTime"),
    repeatNum: p.requiredInteger("RepeatNum"),
    // Item.N is required (official metadata); none is refused by addEpisodeGroup with MissingParameter, as
    // AddCasterEpisodeGroupContent's empty Items, and not MissingItem: neither page names a code for it.
    items: p.list("Item", ["ItemName", "VodUrl"]).map((item) => ({ itemName: item.ItemName, vodUrl: item.VodUrl })),
  };
  return created(call.backend.change(call.uid, (account) => addEpisodeGroup(account, input)));
};

/** The same request, as one JSON document in `Content`. */
export const AddCasterEpisodeGroupContent: OperationHandler<"AddCasterEpisodeGroupContent"> = (call) => {
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

export const DeleteCasterEpisodeGroup: OperationHandler<"DeleteCasterEpisodeGroup"> = (call) => {
  const programId = call.params.required("ProgramId");
  call.backend.change(call.uid, (account) => deleteEpisodeGroup(account, programId));
  return {};
};

function created(group: EpisodeGroupRecord) {
  return { ProgramId: group.programId, ItemIds: { ItemId: group.items.map((item) => item.itemId) } };
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
