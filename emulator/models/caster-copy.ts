import { createHash } from "node:crypto";
import { errors } from "../errors";
import { emptyShowList, findCaster } from "./casters";
import { apiTime, newCasterId, newResourceId } from "./ids";
import { AccountState, CasterRecord } from "./state";

/**
 * CopyCaster: a new idle studio with the source studio's settings. The official request model
 * (github.com/aliyun/alibabacloud-typescript-sdk, live-20161101 CopyCasterRequest.ts): CasterName, "The name of the new
 * production studio", and ClientToken, "used to ensure the idempotence of the request" — a retry with the same token
 * and parameters gets the same studio, other parameters IdempotentParameterMismatch, as CreateCaster (the tokens are
 * one namespace with CreateCaster's). What a copy holds is not documented (LIMITATIONS): the configuration, video
 * sources, layouts, components and channels, under new IDs (a source's references follow it); not the scenes (StartCaster
 * makes them), the episodes (a schedule) or the show list.
 */
export function copyCaster(account: AccountState, input: { srcCasterId: string; casterName: string; clientToken: string; regionId: string }, nowMs: number): CasterRecord {
  const source = findCaster(account, input.srcCasterId);
  const fingerprint = createHash("sha256").update(JSON.stringify({ action: "CopyCaster", ...input, clientToken: undefined })).digest("hex");
  const earlier = account.casterClientTokens[input.clientToken];
  if (earlier) {
    if (earlier.fingerprint !== fingerprint) throw errors.idempotentParameterMismatch(input.clientToken);
    const existing = account.casters[earlier.casterId];
    if (existing) return existing;
  }

  const copy: CasterRecord = JSON.parse(JSON.stringify(source));
  const resourceIds = new Map(Object.keys(source.videoResources).map((id) => [id, newResourceId()]));
  const newId = (id: string) => resourceIds.get(id) ?? id;
  const now = apiTime(nowMs);
  Object.assign(copy, {
    casterId: newCasterId(input.regionId),
    casterName: input.casterName,
    status: 0,
    createTime: now,
    lastModified: now,
    startTime: "",
    videoResources: rekey(copy.videoResources, (resource) => { resource.resourceId = newId(resource.resourceId); return resource.resourceId; }),
    layouts: rekey(copy.layouts, (layout) => (layout.layoutId = newResourceId())),
    components: rekey(copy.components, (component) => (component.componentId = newResourceId())),
    scenes: {},
    episodes: {},
    showList: emptyShowList(),
  });
  // The copy was made by CopyCaster, not by the automatic task that made its source (if one did).
  delete copy.autoShowListTask;
  for (const channel of Object.values(copy.channels)) channel.resourceId = newId(channel.resourceId);
  for (const group of copy.config.syncGroups) {
    group.hostResourceId = newId(group.hostResourceId);
    group.resourceIds = group.resourceIds.map(newId);
  }
  account.casters[copy.casterId] = copy;
  account.casterClientTokens[input.clientToken] = { casterId: copy.casterId, fingerprint };
  return copy;
}

/** The records under the new ID each gets, in the same order. */
function rekey<T>(records: Record<string, T>, renew: (record: T) => string): Record<string, T> {
  return Object.fromEntries(Object.values(records).map((record) => [renew(record), record]));
}
