import { CASTER_TEMPLATES, CHARGE_TYPE, DOMAIN_NAME_PATTERN, LIVE_TEMPLATES, MAX_AUTO_SHOW_LIST_RESOURCES, NORM_TYPE } from "../../model/api-facts";
import { errors } from "../errors";
import { CasterDefaults, createCaster, findCaster } from "./casters";
import { newResourceId } from "./ids";
import { addShow } from "./show-lists";
import { AccountState, CasterRecord } from "./state";
import { hasProtocol } from "./urls";

/**
 * Automatic show-list tasks: InitializeAutoShowListTask creates a show-list studio that plays the
 * given VOD media from StartTime to EndTime; DescribeAutoShowListTasks lists them. The rules are the
 * official SDK's request models' (live-20161101) and the pages':
 * - INIT: https://www.alibabacloud.com/help/en/live/developer-reference/api-initializeautoshowlisttask
 *   (CasterConfig's CasterTemplate required, LiveTemplate optional, upper camel case; up to three VOD
 *   media; the reply's CasterId is a studio's, usable as any other's)
 * - DESCRIBE: https://www.alibabacloud.com/help/en/live/developer-reference/api-describeautoshowlisttasks
 *   (Status 0 paused, 1 started; LiveTemplate, TranscodeConfig, CasterId; no CasterId lists all the account's)
 * INIT lists no error code: the ones chosen are LIMITATIONS'.
 */

export interface AutoShowListTaskInput {
  casterConfig: string;
  domainName: string;
  callbackUrl?: string;
  startTime: number;
  endTime: number;
  resourceIds?: string;
  regionId: string;
}

/** The output streams INIT's reply lists: `transcodeConfig` is "original" or a live template. */
export interface OutputStream {
  videoFormat: string;
  outputStreamUrl: string;
  transcodeConfig: string;
}

/** One task as DESCRIBE lists it. */
export interface AutoShowListTask {
  casterId: string;
  status: number;
  startTime: number;
  endTime: number;
  resourceIds: string[];
  casterTemplate: string;
  liveTemplates: string[];
}

const OUTPUT_FORMATS = ["flv", "rtmp", "m3u8"] as const;

export function initializeAutoShowListTask(
  account: AccountState,
  input: AutoShowListTaskInput,
  defaults: CasterDefaults,
  nowMs: number,
): { caster: CasterRecord; streams: OutputStream[] } {
  const { casterTemplate, liveTemplates } = parseCasterConfig(input.casterConfig);
  if (!DOMAIN_NAME_PATTERN.test(input.domainName)) throw errors.invalidParameter(`DomainName ${JSON.stringify(input.domainName)} is not a domain name`);
  if (input.callbackUrl !== undefined && !hasProtocol(input.callbackUrl, ["http:", "https:"])) {
    throw errors.invalidParameter(`CallBackUrl ${JSON.stringify(input.callbackUrl)} must be an http(s) URL`);
  }
  if (input.startTime < 0) throw errors.invalidParameter(`StartTime ${input.startTime}: use milliseconds since 1970`);
  if (input.endTime <= input.startTime) throw errors.invalidParameter(`EndTime ${input.endTime} must be after StartTime ${input.startTime}`);
  const resourceIds = input.resourceIds === undefined ? [] : parseResourceIds(input.resourceIds);

  // No ClientToken is sent: each call's own token, so that it always creates a studio.
  const caster = createCaster(
    account,
    { clientToken: `InitializeAutoShowListTask-${newResourceId()}`, normType: NORM_TYPE.carousel, chargeType: CHARGE_TYPE, casterTemplate, tags: [], regionId: input.regionId },
    defaults,
    nowMs,
  );
  caster.config.domainName = input.domainName;
  caster.config.callbackUrl = input.callbackUrl ?? "";
  caster.config.transcode.liveTemplateIds = liveTemplates;
  for (const resourceId of resourceIds) addShow(account, caster.casterId, { showName: resourceId, resourceType: "vod", resourceId }, undefined);
  caster.autoShowListTask = { startTime: input.startTime, endTime: input.endTime, resourceIds };
  return { caster, streams: outputStreams(caster) };
}

/** The account's tasks, or the one of CasterId's studio (none when that studio has no task). */
export function describeAutoShowListTasks(account: AccountState, casterId: string | undefined, nowMs: number): AutoShowListTask[] {
  const casters = casterId === undefined ? Object.values(account.casters) : [findCaster(account, casterId)];
  return casters.flatMap((caster) => {
    const task = caster.autoShowListTask;
    if (!task) return [];
    return [{
      casterId: caster.casterId,
      // The emulator starts and stops nothing: a task counts as started between its times on the emulator's clock (LIMITATIONS).
      status: nowMs >= task.startTime && nowMs < task.endTime ? 1 : 0,
      startTime: task.startTime,
      endTime: task.endTime,
      resourceIds: task.resourceIds,
      casterTemplate: caster.config.transcode.casterTemplate,
      liveTemplates: caster.config.transcode.liveTemplateIds,
    }];
  });
}

/** INIT, CasterConfig: `{"CasterTemplate":"lp_ld","LiveTemplates":["lhd","lsd"]}`; the page names the list LiveTemplate, its example LiveTemplates. */
function parseCasterConfig(text: string): { casterTemplate: string; liveTemplates: string[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw errors.invalidParameter("CasterConfig must be a JSON object such as {\"CasterTemplate\":\"lp_ld\",\"LiveTemplates\":[\"lhd\"]}");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw errors.invalidParameter("CasterConfig must be a JSON object");
  const config = value as Record<string, unknown>;
  const unknown = Object.keys(config).filter((field) => !["CasterTemplate", "LiveTemplate", "LiveTemplates"].includes(field));
  if (unknown.length > 0) throw errors.invalidParameter(`CasterConfig has no field ${unknown.join(", ")}: use CasterTemplate and LiveTemplates, in upper camel case`);
  if (config.CasterTemplate === undefined) throw errors.missingParameter("CasterConfig.CasterTemplate is required");
  if (typeof config.CasterTemplate !== "string" || !(CASTER_TEMPLATES as readonly string[]).includes(config.CasterTemplate)) {
    throw errors.invalidParameter(`CasterConfig.CasterTemplate ${JSON.stringify(config.CasterTemplate)}: use ${CASTER_TEMPLATES.join(", ")}`);
  }
  if (config.LiveTemplate !== undefined && config.LiveTemplates !== undefined) throw errors.invalidParameter("CasterConfig: give LiveTemplates or LiveTemplate, not both");
  const liveTemplates = config.LiveTemplates ?? config.LiveTemplate ?? [];
  if (!Array.isArray(liveTemplates) || liveTemplates.some((template) => !(LIVE_TEMPLATES as readonly unknown[]).includes(template))) {
    throw errors.invalidParameter(`CasterConfig.LiveTemplates must be a list of ${LIVE_TEMPLATES.join(", ")}`);
  }
  return { casterTemplate: config.CasterTemplate, liveTemplates: [...new Set(liveTemplates as string[])] };
}

/** INIT, ResourceIds: a JSON list of up to three VOD media IDs (the page's example pads them with spaces: trimmed). */
function parseResourceIds(text: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (!Array.isArray(value) || value.some((id) => typeof id !== "string" || id.trim() === "")) {
    throw errors.invalidParameter("ResourceIds must be a JSON list of VOD media IDs such as [\"89e02…\",\"6ae0…\"]");
  }
  if (value.length > MAX_AUTO_SHOW_LIST_RESOURCES) throw errors.invalidParameter(`ResourceIds: at most ${MAX_AUTO_SHOW_LIST_RESOURCES} VOD media`);
  return value.map((id: string) => id.trim());
}

/** The studio's output on its domain, unsigned as the page's example: the original and each live template, in each format. */
function outputStreams(caster: CasterRecord): OutputStream[] {
  const domain = caster.config.domainName;
  const stream = caster.casterId.split("-").pop() ?? caster.casterId;
  const url = (format: (typeof OUTPUT_FORMATS)[number], name: string) =>
    format === "rtmp" ? `rtmp://${domain}/caster/${name}` : `http://${domain}/caster/${name}.${format}`;
  return ["original", ...caster.config.transcode.liveTemplateIds].flatMap((transcodeConfig) =>
    OUTPUT_FORMATS.map((videoFormat) => ({
      videoFormat,
      transcodeConfig,
      outputStreamUrl: url(videoFormat, transcodeConfig === "original" ? stream : `${stream}_${transcodeConfig}`),
    })),
  );
}
