import { addShow, addShows, BatchResult, describeShowList, editShowAndReplace, modifyShowList, playShow, removeShow, removeShows, setBackground, ShowInput } from "../models/show-lists";
import { ShowListRecord, ShowRecord } from "../models/state";
import { errors } from "../errors";
import { OperationHandler } from "./operation";

/**
 * Show lists. A batch (isBatchMode=true) answers successfulShowIds comma-separated and failedList
 * as a JSON list of what it refused (the SDK's reply model types both as strings; LIMITATIONS).
 */

export const AddShowIntoShowList: OperationHandler<"AddShowIntoShowList"> = (call) => {
  const p = call.params;
  const casterId = p.required("CasterId");
  const spot = p.optionalInteger("Spot");
  if (p.optionalBoolean("isBatchMode")) {
    const inputs: ShowInput[] = [...p.objects("showList").entries()].sort(([a], [b]) => a - b).map(([, fields]) => ({
      showName: fields.showName,
      resourceType: fields.resourceType,
      resourceUrl: fields.resourceUrl || undefined,
      resourceId: fields.resourceId || undefined,
      liveInputType: integerOrUndefined(fields.liveInputType),
      duration: integerOrUndefined(fields.duration),
      repeatTimes: integerOrUndefined(fields.repeatTimes),
    }));
    return batchReply(call.backend.change(call.uid, (account) => addShows(account, casterId, inputs, spot)));
  }
  const input: ShowInput = {
    showName: p.optional("ShowName"),
    resourceType: p.optional("ResourceType"),
    resourceUrl: p.optional("ResourceUrl"),
    resourceId: p.optional("ResourceId"),
    liveInputType: p.optionalInteger("LiveInputType"),
    duration: p.optionalInteger("Duration"),
    repeatTimes: p.optionalInteger("RepeatTimes"),
  };
  const show = call.backend.change(call.uid, (account) => addShow(account, casterId, input, spot));
  return { ShowId: show.showId };
};

export const ModifyShowList: OperationHandler<"ModifyShowList"> = (call) => {
  const p = call.params;
  const casterId = p.required("CasterId");
  const input = {
    showId: p.optional("ShowId"),
    spot: p.optionalInteger("Spot"),
    repeatTimes: p.optionalInteger("RepeatTimes"),
    highPriorityShowId: p.optional("HighPriorityShowId"),
    highPriorityShowStartTime: p.optional("HighPriorityShowStartTime"),
  };
  call.backend.change(call.uid, (account) => modifyShowList(account, casterId, input));
  return {};
};

export const RemoveShowFromShowList: OperationHandler<"RemoveShowFromShowList"> = (call) => {
  const p = call.params;
  const casterId = p.required("CasterId");
  if (p.optionalBoolean("isBatchMode")) {
    const showIds = p.values("showIdList") ?? [];
    return batchReply(call.backend.change(call.uid, (account) => removeShows(account, casterId, showIds)));
  }
  const showId = p.required("ShowId");
  call.backend.change(call.uid, (account) => removeShow(account, casterId, showId));
  return { ShowId: showId };
};

export const DescribeShowList: OperationHandler<"DescribeShowList"> = (call) => {
  const casterId = call.params.required("CasterId");
  const list = call.backend.read(call.uid, (account) => describeShowList(account, casterId));
  const shows = list.shows.map(describeShow);
  return {
    ShowList: JSON.stringify(shows),
    ShowListInfo: {
      ShowList: { Show: shows },
      ShowListRepeatTimes: list.repeatTimes,
      // The plays of the list so far: the emulator plays nothing (LIMITATIONS).
      TotalShowListRepeatTimes: 0,
      ...(list.highPriorityShowId ? { HighPriorityShowId: list.highPriorityShowId, HighPriorityShowStartTime: list.highPriorityShowStartTime } : {}),
      ...(list.currentShowId ? { CurrentShowId: list.currentShowId } : {}),
      ...(list.background ? { Background: backgroundText(list.background) } : {}),
    },
  };
};

export const SetShowListBackground: OperationHandler<"SetShowListBackground"> = (call) => {
  const p = call.params;
  const casterId = p.required("CasterId");
  const input = { resourceType: p.optional("ResourceType"), materialId: p.optional("MaterialId"), resourceUrl: p.optional("ResourceUrl") };
  call.backend.change(call.uid, (account) => setBackground(account, casterId, input));
  return {};
};

export const PlayChoosenShow: OperationHandler<"PlayChoosenShow"> = (call) => {
  const casterId = call.params.required("CasterId");
  const showId = call.params.required("ShowId");
  call.backend.change(call.uid, (account) => playShow(account, casterId, showId));
  return { ShowId: showId };
};

export const EditShowAndReplace: OperationHandler<"EditShowAndReplace"> = (call) => {
  const p = call.params;
  const casterId = p.required("CasterId");
  const input = { showId: p.required("ShowId"), startTime: p.optionalFloat("StartTime"), endTime: p.optionalFloat("EndTime"), storageInfo: p.optional("StorageInfo") };
  const job = call.backend.change(call.uid, (account) => editShowAndReplace(account, casterId, input));
  // The page's JobInfo example names the media `mediaid`, in lower case.
  return { JobInfo: JSON.stringify({ vodId: job.vodId, mediaid: job.mediaId, jobId: job.jobId }) };
};

function describeShow(show: ShowRecord) {
  return {
    ShowId: show.showId,
    ShowName: show.showName,
    // One of the two, as the show was added with it.
    ...(show.duration > 0 ? { Duration: show.duration } : { RepeatTimes: show.repeatTimes }),
    ResourceInfo: {
      ResourceType: show.resourceType,
      ...(show.resourceUrl ? { ResourceUrl: show.resourceUrl } : {}),
      ...(show.resourceId ? { ResourceId: show.resourceId } : {}),
      LiveInputType: show.liveInputType,
    },
  };
}

/** The background as the page's example writes it: `{"MaterialId":"…","resourceType":"VOD"}`. */
function backgroundText(background: NonNullable<ShowListRecord["background"]>): string {
  return JSON.stringify({
    ...(background.materialId ? { MaterialId: background.materialId } : {}),
    ...(background.resourceUrl ? { ResourceUrl: background.resourceUrl } : {}),
    ...(background.resourceType ? { resourceType: background.resourceType } : {}),
  });
}

function batchReply(result: BatchResult) {
  return { successfulShowIds: result.showIds.join(","), failedList: JSON.stringify(result.failed) };
}

function integerOrUndefined(value: string | undefined): number | undefined {
  if (value === undefined || value === "") return undefined;
  if (!/^-?\d{1,10}$/.test(value)) throw errors.invalidParameter(`showList.N: ${JSON.stringify(value)} is not an integer`);
  return Number(value);
}
