import { describeAutoShowListTasks, initializeAutoShowListTask } from "../models/auto-show-list-tasks";
import { OperationHandler } from "./operation";

/** Automatic show-list tasks: both replies are JSON text, as the SDK's reply models type them. */

export const InitializeAutoShowListTask: OperationHandler<"InitializeAutoShowListTask"> = (call) => {
  const p = call.params;
  const input = {
    casterConfig: p.required("CasterConfig"),
    domainName: p.required("DomainName"),
    callbackUrl: p.optional("CallBackUrl"),
    startTime: p.requiredLong("StartTime"),
    endTime: p.requiredLong("EndTime"),
    resourceIds: p.optional("ResourceIds"),
    regionId: call.regionId,
  };
  const { caster, streams } = call.backend.change(call.uid, (account) => initializeAutoShowListTask(account, input, call.casterDefaults, call.nowMs));
  return { CasterId: caster.casterId, StreamList: JSON.stringify(streams) };
};

export const DescribeAutoShowListTasks: OperationHandler<"DescribeAutoShowListTasks"> = (call) => {
  const casterId = call.params.optional("CasterId");
  const tasks = call.backend.read(call.uid, (account) => describeAutoShowListTasks(account, casterId, call.nowMs));
  // The page's fields (its XML example): ResourceIds as the JSON text sent, TranscodeConfig.LiveTemplate a list.
  return {
    AutoShowListTasks: JSON.stringify(tasks.map((task) => ({
      CasterId: task.casterId,
      Status: task.status,
      StartTime: task.startTime,
      EndTime: task.endTime,
      ResourceIds: JSON.stringify(task.resourceIds),
      TranscodeConfig: { CasterTemplate: task.casterTemplate, LiveTemplate: task.liveTemplates },
    }))),
  };
};
