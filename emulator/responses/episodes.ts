import { errors } from "../errors";
import { addEpisode, addProgram, deleteEpisode, deleteProgram, describeProgram, modifyEpisode, modifyProgram, ProgramEntry } from "../models/episodes";
import { OperationHandler } from "./operation";
import { requestedPage } from "./paging";

/**
 * The studio's schedule: episodes (AddCasterEpisode, ModifyCasterEpisode, DeleteCasterEpisode) and
 * the program that lists them with the episode groups' items (DescribeCasterProgram). The rules
 * are in models/episodes.ts.
 */

export const AddCasterEpisode: OperationHandler<"AddCasterEpisode"> = (call) => {
  const p = call.params;
  const input = {
    casterId: p.required("CasterId"),
    episodeType: p.required("EpisodeType"),
    episodeName: p.optional("EpisodeName"),
    resourceId: p.optional("ResourceId"),
    componentIds: p.values("ComponentId"),
    startTime: p.required("StartTime"),
    endTime: p.required("EndTime"),
    switchType: p.required("SwitchType"),
  };
  const episode = call.backend.change(call.uid, (account) => addEpisode(account, input, call.nowMs));
  return { EpisodeId: episode.episodeId };
};

export const ModifyCasterEpisode: OperationHandler<"ModifyCasterEpisode"> = (call) => {
  const p = call.params;
  const input = {
    casterId: p.required("CasterId"),
    episodeId: p.required("EpisodeId"),
    episodeName: p.optional("EpisodeName"),
    resourceId: p.optional("ResourceId"),
    componentIds: p.values("ComponentId"),
    startTime: p.optional("StartTime"),
    endTime: p.optional("EndTime"),
    switchType: p.optional("SwitchType"),
  };
  const episode = call.backend.change(call.uid, (account) => modifyEpisode(account, input, call.nowMs));
  return { CasterId: input.casterId, EpisodeId: episode.episodeId };
};

export const DeleteCasterEpisode: OperationHandler<"DeleteCasterEpisode"> = (call) => {
  const casterId = call.params.required("CasterId");
  const episodeId = call.params.required("EpisodeId");
  call.backend.change(call.uid, (account) => deleteEpisode(account, casterId, episodeId));
  return { CasterId: casterId, EpisodeId: episodeId };
};

/** The studio's episodes and its episode groups' items, filtered, then paged; Total counts what the filters let through. */
export const DescribeCasterProgram: OperationHandler<"DescribeCasterProgram"> = (call) => {
  const p = call.params;
  const casterId = p.required("CasterId");
  const filter = {
    episodeId: p.optional("EpisodeId"),
    episodeType: p.optional("EpisodeType"),
    status: p.optionalInteger("Status"),
    startTime: p.optional("StartTime"),
    endTime: p.optional("EndTime"),
  };
  const page = requestedPage("DescribeCasterProgram", p);
  const { caster, scheduled, entries } = call.backend.read(call.uid, (account) => describeProgram(account, casterId, filter, call.nowMs));
  return {
    CasterId: caster.casterId,
    ProgramName: caster.config.programName,
    // 1 while the studio has an episode or an episode group, whatever SetCasterConfig's ProgramEffect (assumed, LIMITATIONS).
    ProgramEffect: scheduled ? 1 : 0,
    ...page.of(entries, describeEntry),
  };
};

function describeEntry(entry: ProgramEntry) {
  return {
    EpisodeId: entry.episodeId,
    EpisodeName: entry.episodeName,
    EpisodeType: entry.episodeType,
    ResourceId: entry.resourceId,
    ComponentIds: { ComponentId: entry.componentIds },
    StartTime: entry.startTime,
    EndTime: entry.endTime,
    Status: entry.status,
    SwitchType: entry.switchType,
  };
}

/** `Episode.N`'s episodes by index, each with its `ComponentId.N` as a list (undefined when none is sent). */
function programEpisodes(byIndex: Map<number, Record<string, string>>) {
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([index, fields]) => {
    const componentIds = Object.entries(fields)
      .flatMap(([name, value]) => {
        const position = /^ComponentId\.(\d+)$/.exec(name)?.[1];
        return position === undefined ? [] : [[Number(position), value] as const];
      })
      .sort(([a], [b]) => a - b)
      .map(([, value]) => value);
    const required = (name: string) => {
      if (!fields[name]) throw errors.missingParameter(`Episode.${index}.${name} is required`);
      return fields[name];
    };
    return { index, fields, componentIds: componentIds.length > 0 ? componentIds : undefined, required };
  });
}

export const AddCasterProgram: OperationHandler<"AddCasterProgram"> = (call) => {
  const casterId = call.params.required("CasterId");
  const episodes = programEpisodes(call.params.requiredObjects("Episode")).map(({ fields, componentIds, required }) => {
    const episodeType = required("EpisodeType");
    return {
      episodeType,
      episodeName: fields.EpisodeName,
      resourceId: fields.ResourceId,
      componentIds,
      startTime: required("StartTime"),
      endTime: required("EndTime"),
      switchType: episodeType === "Component" ? (fields.SwitchType ?? "") : required("SwitchType"),
    };
  });
  const added = call.backend.change(call.uid, (account) => addProgram(account, casterId, episodes, call.nowMs));
  return { EpisodeIds: { EpisodeId: added.map((episode) => ({ EpisodeId: episode.episodeId })) } };
};

export const ModifyCasterProgram: OperationHandler<"ModifyCasterProgram"> = (call) => {
  const casterId = call.params.required("CasterId");
  const episodes = programEpisodes(call.params.requiredObjects("Episode")).map(({ fields, componentIds, required }) => ({
    episodeId: required("EpisodeId"),
    episodeName: fields.EpisodeName,
    resourceId: fields.ResourceId,
    componentIds,
    startTime: fields.StartTime,
    endTime: fields.EndTime,
    switchType: fields.SwitchType,
  }));
  call.backend.change(call.uid, (account) => modifyProgram(account, casterId, episodes, call.nowMs));
  return { CasterId: casterId };
};

export const DeleteCasterProgram: OperationHandler<"DeleteCasterProgram"> = (call) => {
  const casterId = call.params.required("CasterId");
  call.backend.change(call.uid, (account) => deleteProgram(account, casterId));
  return { CasterId: casterId };
};
