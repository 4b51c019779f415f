import { addEpisode, deleteEpisode, describeProgram, modifyEpisode, ProgramEntry } from "../models/episodes";
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
