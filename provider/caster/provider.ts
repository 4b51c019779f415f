import type * as dynamic from "@pulumi/pulumi/dynamic";
import { isUnknown } from "../../common/unknowns";
import { caster as kind, CasterInputs, CONFIG_PROPERTIES, RecordingConfig } from "../../spec/kinds/caster";
import { LiveApiError, UserFacingError } from "../client/errors";
import { LiveClient, ParamValue } from "../client/live-client";
import { clientTokenFor } from "../episode-group/client-token";
import { kindProvider } from "../kind-provider";
import { liveClient } from "../runtime";

/** What the provider stores for a studio: the inputs as the API has them, and its run state. */
export interface CasterOutputs extends CasterInputs {
  casterId: string;
  status: number;
  pvwSceneId?: string;
  pgmSceneId?: string;
  pgmStreamUrl?: string;
}

/** One item of DescribeCasters. */
interface ApiCaster {
  CasterId: string;
  CasterName?: string;
  CasterTemplate?: string;
  ChargeType?: string;
  NormType?: number;
  ResourceGroupId?: string;
  Status?: number;
}

/** DescribeCasterConfig's reply, as the spec gives it. */
interface ApiCasterConfig {
  CasterName?: string;
  DomainName?: string;
  CallbackUrl?: string;
  SideOutputUrl?: string;
  SideOutputUrlList?: string;
  Delay?: number;
  ChannelEnable?: number;
  ProgramName?: string;
  ProgramEffect?: number;
  AutoSwitchUrgentOn?: string;
  AutoSwitchUrgentConfig?: string;
  UrgentLiveStreamUrl?: string;
  UrgentMaterialId?: string;
  UrgentImageId?: string;
  UrgentImageUrl?: string;
  TranscodeConfig?: { CasterTemplate?: string; LiveTemplateIds?: { LocationId?: string[] } };
  RecordConfig?: {
    OssEndpoint?: string;
    OssBucket?: string;
    OnDemand?: number;
    RecordFormat?: { RecordFormat?: { Format: string; OssObjectPrefix?: string; SliceOssObjectPrefix?: string; CycleDuration?: number }[] };
  };
  SyncGroupsConfig?: { SyncGroup?: { HostResourceId?: string; Mode?: number; ResourceIds?: { ResourceId?: string[] } }[] };
}

/** The properties whose change the API takes only while the studio is stopped (SetCasterConfig's page: DomainName, ChannelEnable). */
function changesNeedingStop(olds: Partial<CasterInputs>, news: Partial<CasterInputs>): string[] {
  const needs: string[] = [];
  if (news.channelMode === true && olds.channelMode !== true) needs.push("channelMode (turning it on)");
  if (news.domainName !== undefined && olds.domainName !== undefined && news.domainName !== olds.domainName) needs.push("domainName");
  return needs;
}

/** The Caster dynamic provider: the kind's spec, and how a studio is made, configured, started and read back. */
export const casterProvider = kindProvider<CasterInputs, CasterOutputs>(kind, {
  check(news, olds): dynamic.CheckResult {
    const inputs = { ...news } as CasterInputs & Record<string, unknown>;
    // A studio on air (and staying on air) refuses a change that needs it stopped, unless allowed: said at preview.
    const onAir = olds.running === true && inputs.running === true;
    const needs = onAir ? changesNeedingStop(olds as Partial<CasterInputs>, inputs) : [];
    if (needs.length > 0 && inputs.allowStopOnAir !== true && !isUnknown(inputs.allowStopOnAir)) {
      return {
        inputs: news,
        failures: [{
          property: needs[0].split(" ")[0],
          reason: `changing ${needs.join(" and ")} needs the studio stopped, and it is on air (running: true). ` +
            "Set allowStopOnAir: true to let `pulumi up` stop it, change it and start it again (it is off air meanwhile), " +
            "or set running: false first.",
        }],
      };
    }
    const createInputs = ["normType", "chargeType", "resourceGroupId"].map((name) => inputs[name]);
    if (inputs.clientToken === undefined && !isUnknown(inputs.clientTokenScope) && !createInputs.some(isUnknown)) {
      inputs.clientToken = clientTokenFor(String(inputs.clientTokenScope ?? ""), { normType: inputs.normType, chargeType: inputs.chargeType ?? "PostPaid", resourceGroupId: inputs.resourceGroupId ?? null }, "studio");
    }
    return { inputs, failures: [] };
  },

  async create(inputs) {
    const client = liveClient();
    const clientToken = inputs.clientToken ?? clientTokenFor(inputs.clientTokenScope ?? "", { normType: inputs.normType }, "studio");
    // Idempotent by ClientToken: a lost reply is sent again and answered with the same studio.
    const { CasterId: casterId } = await client.call<{ CasterId: string }>("CreateCaster", {
      CasterName: inputs.casterName,
      CasterTemplate: inputs.casterTemplate,
      ChargeType: inputs.chargeType ?? "PostPaid",
      ClientToken: clientToken,
      NormType: inputs.normType,
      ResourceGroupId: inputs.resourceGroupId,
    });
    await configure(client, casterId, inputs);
    if (inputs.running) await start(client, casterId);
    return { id: casterId, outs: await readBack(client, casterId, { ...inputs, clientToken }) };
  },

  async read(id, props) {
    const state = await readStudio(liveClient(), id, props);
    return state ? { id, props: state } : {};
  },

  async update(id, olds, news) {
    const client = liveClient();
    const onAir = olds.status === 1;
    const needs = changesNeedingStop(olds, news);
    const stopFirst = onAir && needs.length > 0;
    if (stopFirst && news.allowStopOnAir !== true) {
      throw new UserFacingError(`studio ${id}: changing ${needs.join(" and ")} needs it stopped, and it is on air. Set allowStopOnAir: true, or running: false first.`);
    }
    if (stopFirst) await client.call("StopCaster", { CasterId: id });
    await configure(client, id, news);
    const shouldRun = news.running === true;
    if (shouldRun && (!onAir || stopFirst)) await start(client, id);
    if (!shouldRun && onAir && !stopFirst) await client.call("StopCaster", { CasterId: id });
    if (!shouldRun && stopFirst) {
      // Stopped above for the change; it stays stopped as declared.
    }
    return { outs: await readBack(client, id, news) };
  },

  async beforeDelete(id, props) {
    const client = liveClient();
    const current = await describeCaster(client, id);
    if (!current || current.Status !== 1) return;
    if (props.allowStopOnAir !== true) {
      throw new UserFacingError(`studio ${id} is on air: deleting it needs it stopped. Run \`pulumi up\` with running: false (or allowStopOnAir: true) first, then delete it.`);
    }
    await client.call("StopCaster", { CasterId: id });
  },
});

/**
 * SetCasterConfig replaces the whole configuration: a parameter left out clears that setting. So
 * the call always carries all of it: each setting the program declares, and for each one it does
 * not, what the studio has now (read just before, so a console change to an undeclared setting
 * survives). Settings this package does not model (sync groups, the standby image ID, the switch
 * threshold) are sent back as the studio has them.
 */
async function configure(client: LiveClient, casterId: string, desired: CasterInputs): Promise<void> {
  const now = await client.call<ApiCasterConfig>("DescribeCasterConfig", { CasterId: casterId });
  const current = configFromApi(now);
  const pick = <K extends (typeof CONFIG_PROPERTIES)[number]>(name: K): CasterInputs[K] => (desired[name] !== undefined ? desired[name] : current[name]) as CasterInputs[K];
  const recording = pick("recording");
  const sideOutputUrls = pick("sideOutputUrls");
  const params: Record<string, ParamValue> = {
    CasterId: casterId,
    CasterName: desired.casterName,
    DomainName: pick("domainName"),
    CallbackUrl: pick("callbackUrl"),
    SideOutputUrl: pick("sideOutputUrl"),
    SideOutputUrlList: sideOutputUrls && sideOutputUrls.length > 0 ? JSON.stringify(sideOutputUrls) : undefined,
    Delay: pick("delaySeconds"),
    TranscodeConfig: JSON.stringify({ CasterTemplate: desired.casterTemplate, LiveTemplate: pick("liveTemplates") ?? [] }),
    RecordConfig: recording ? JSON.stringify(recordConfigParam(recording)) : undefined,
    UrgentLiveStreamUrl: pick("standbyLiveStreamUrl"),
    UrgentMaterialId: pick("standbyMaterialId"),
    UrgentImageUrl: pick("standbyImageUrl"),
    UrgentImageId: now.UrgentImageId || undefined,
    AutoSwitchUrgentOn: pick("autoSwitchToStandby"),
    AutoSwitchUrgentConfig: now.AutoSwitchUrgentConfig || undefined,
    ProgramName: pick("programName"),
    ProgramEffect: pick("programEffect"),
    ChannelEnable: pick("channelMode") ? 1 : 0,
    SyncGroupsConfig: syncGroupsParam(now),
  };
  await client.call("SetCasterConfig", params);
}

function recordConfigParam(recording: RecordingConfig) {
  return {
    endpoint: recording.ossEndpoint,
    ossBucket: recording.ossBucket,
    videoFormat: recording.formats.map((format) => ({
      Format: format.format,
      OssObjectPrefix: format.ossObjectPrefix,
      SliceOssObjectPrefix: format.sliceOssObjectPrefix,
      CycleDuration: format.cycleDurationSeconds,
    })),
  };
}

function syncGroupsParam(config: ApiCasterConfig): string | undefined {
  const groups = config.SyncGroupsConfig?.SyncGroup ?? [];
  if (groups.length === 0) return undefined;
  return JSON.stringify(groups.map((group) => ({
    mode: group.Mode,
    hostResourceId: group.HostResourceId || undefined,
    resourceIds: group.ResourceIds?.ResourceId ?? [],
  })));
}

/** The configuration's settings, as the kind names them, from DescribeCasterConfig. */
function configFromApi(config: ApiCasterConfig): Partial<CasterInputs> {
  const text = (value: string | undefined) => (value ? value : undefined);
  const record = config.RecordConfig;
  const formats = record?.RecordFormat?.RecordFormat ?? [];
  return {
    domainName: text(config.DomainName),
    callbackUrl: text(config.CallbackUrl),
    sideOutputUrl: text(config.SideOutputUrl),
    sideOutputUrls: sideOutputList(config.SideOutputUrlList),
    delaySeconds: Number(config.Delay ?? 0),
    liveTemplates: (config.TranscodeConfig?.LiveTemplateIds?.LocationId ?? []) as CasterInputs["liveTemplates"],
    recording: record?.OssBucket
      ? {
        ossEndpoint: record.OssEndpoint ?? "",
        ossBucket: record.OssBucket,
        formats: formats.map((format) => ({
          format: format.Format.toLowerCase() as "m3u8" | "flv" | "mp4",
          ...(format.OssObjectPrefix ? { ossObjectPrefix: format.OssObjectPrefix } : {}),
          ...(format.SliceOssObjectPrefix ? { sliceOssObjectPrefix: format.SliceOssObjectPrefix } : {}),
          ...(format.CycleDuration ? { cycleDurationSeconds: format.CycleDuration } : {}),
        })),
      }
      : undefined,
    standbyLiveStreamUrl: text(config.UrgentLiveStreamUrl),
    standbyMaterialId: text(config.UrgentMaterialId),
    standbyImageUrl: text(config.UrgentImageUrl),
    autoSwitchToStandby: config.AutoSwitchUrgentOn === "true",
    programName: text(config.ProgramName),
    programEffect: (config.ProgramEffect === 1 ? 1 : 0) as 0 | 1,
    channelMode: config.ChannelEnable === 1,
  };
}

function sideOutputList(value: string | undefined): string[] {
  if (!value) return [];
  if (!value.trimStart().startsWith("[")) return [value];
  try {
    const list = JSON.parse(value);
    return Array.isArray(list) ? list.filter((url): url is string => typeof url === "string") : [];
  } catch {
    return [];
  }
}

async function start(client: LiveClient, casterId: string): Promise<void> {
  try {
    await client.call("StartCaster", { CasterId: casterId });
  } catch (error) {
    // Already running is what start wants (a retry after a lost reply).
    if (error instanceof LiveApiError && error.code === "IncorrectCasterStatus.Inuse") return;
    throw error;
  }
}

async function describeCaster(client: LiveClient, casterId: string): Promise<ApiCaster | undefined> {
  try {
    const reply = await client.call<{ CasterList?: { Caster?: ApiCaster[] } }>("DescribeCasters", { CasterId: casterId });
    return reply.CasterList?.Caster?.find((item) => item.CasterId === casterId);
  } catch (error) {
    if (error instanceof LiveApiError && error.code === "InvalidCaster.NotFound") return undefined;
    throw error;
  }
}

async function readBack(client: LiveClient, casterId: string, applied: CasterInputs): Promise<CasterOutputs> {
  const state = await readStudio(client, casterId, applied);
  if (!state) throw new Error(`studio ${casterId} was made but DescribeCasters does not list it; run pulumi refresh and try again.`);
  return state;
}

/**
 * The studio as the API has it: DescribeCasters for what it is and whether it runs,
 * DescribeCasterConfig for each setting, DescribeCasterScenes for its scenes while it has them.
 * Undefined when the API says it does not exist.
 */
async function readStudio(client: LiveClient, casterId: string, kept: Partial<CasterInputs>): Promise<CasterOutputs | undefined> {
  const item = await describeCaster(client, casterId);
  if (!item) return undefined;
  const config = await client.call<ApiCasterConfig>("DescribeCasterConfig", { CasterId: casterId });
  const status = Number(item.Status ?? 0);
  const scenes = status === 1 ? await describeScenes(client, casterId) : {};
  const state: CasterOutputs = {
    casterId,
    casterName: config.CasterName || item.CasterName || undefined,
    normType: Number(item.NormType) as 1 | 6,
    casterTemplate: (config.TranscodeConfig?.CasterTemplate || item.CasterTemplate || kept.casterTemplate) as CasterInputs["casterTemplate"],
    chargeType: "PostPaid",
    resourceGroupId: item.ResourceGroupId || kept.resourceGroupId,
    ...configFromApi(config),
    running: status === 1,
    status,
    ...scenes,
    allowStopOnAir: kept.allowStopOnAir,
    clientToken: kept.clientToken,
    clientTokenScope: kept.clientTokenScope,
  };
  return Object.fromEntries(Object.entries(state).filter(([, value]) => value !== undefined)) as CasterOutputs;
}

async function describeScenes(client: LiveClient, casterId: string): Promise<Pick<CasterOutputs, "pvwSceneId" | "pgmSceneId" | "pgmStreamUrl">> {
  const reply = await client.call<{ SceneList?: { Scene?: { SceneId: string; OutputType: string; StreamUrl?: string }[] } }>(
    "DescribeCasterScenes", { CasterId: casterId });
  const scenes = reply.SceneList?.Scene ?? [];
  // OutputType: 0 the preview (PVW), 1 the program output (PGM).
  const pvw = scenes.find((scene) => String(scene.OutputType) === "0");
  const pgm = scenes.find((scene) => String(scene.OutputType) === "1");
  return { pvwSceneId: pvw?.SceneId, pgmSceneId: pgm?.SceneId, pgmStreamUrl: pgm?.StreamUrl || undefined };
}
