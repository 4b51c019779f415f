import type * as dynamic from "@pulumi/pulumi/dynamic";
import { isUnknown } from "../../common/unknowns";
import { sparseReply, sparseRequest } from "../../model/fields/nested";
import { CHARGE_TYPE } from "../../model/api-facts";
import {
  caster, caster as kind, CasterInputs, changesNeedingStop as needingStop, channelModeTurnedOff, CONFIG_PROPERTIES, RECORDING_FORMAT_FIELDS, RecordingConfig,
} from "../../model/kinds/caster";
import { LiveApiError, UserFacingError } from "../client/errors";
import { itemsOf, Listed, ListItem, LiveClient, ParamsOf, ReplyOf } from "../client/live-client";
import { clientTokenFor } from "../shared/client-token";
import { comparable, FieldSpec, replacedOnChange } from "../../model/kinds/kind";
import { differences, kindProvider } from "../kind-provider";
import { liveClient, sessionMap } from "../runtime";
import { ApiScene, scenes } from "../scene/provider";
import { unlessStudioGone } from "../shared/studio-listing";
import { diffProperties } from "../shared/diff";

/** What the provider stores for a studio: the inputs as the API has them, and its run state. */
export interface CasterOutputs extends CasterInputs {
  casterId: string;
  status: number;
  pvwSceneId?: string;
  pgmSceneId?: string;
  pgmStreamUrl?: string;
}

/** One item of DescribeCasters. */
type ApiCaster = Listed<ListItem<ReplyOf<"DescribeCasters">["CasterList"], "Caster">, "CasterId">;

type ApiCasterConfig = ReplyOf<"DescribeCasterConfig">;

/** The declared changes that need the studio stopped, in words for messages. */
function changesNeedingStop(olds: Partial<CasterInputs>, news: Partial<CasterInputs>): string[] {
  return needingStop(olds, news).map((name) => ((caster.fields[name] as FieldSpec).needsStop === "turning on" ? `${name} (turning it on)` : name));
}

/** The properties CreateCaster sends: the same ClientToken with other values of them is IdempotentParameterMismatch. */
const CREATE_PROPERTIES = ["casterName", "casterTemplate", "chargeType", "normType", "resourceGroupId", "tags"] as const;

/** The ClientToken of a studio: from its resource (project, stack, name) and every value CreateCaster sends. */
function derivedClientToken(inputs: CasterInputs): string {
  const createInputs = {
    ...Object.fromEntries(CREATE_PROPERTIES.map((name) => [name, inputs[name] ?? null])),
    chargeType: inputs.chargeType ?? CHARGE_TYPE,
    // Key order of the caller's object must not change the token.
    tags: inputs.tags ? Object.entries(inputs.tags).sort(([a], [b]) => a.localeCompare(b)) : null,
  };
  return clientTokenFor(inputs.clientTokenScope ?? "", createInputs, "studio");
}

/** CreateCaster: idempotent by ClientToken, so a lost reply is sent again and answered with the same studio. */
async function createStudio(client: LiveClient, inputs: CasterInputs, clientToken: string): Promise<string> {
  const { CasterId: casterId } = await client.call("CreateCaster", {
    CasterName: inputs.casterName,
    CasterTemplate: inputs.casterTemplate,
    ChargeType: inputs.chargeType ?? CHARGE_TYPE,
    ClientToken: clientToken,
    NormType: inputs.normType,
    ResourceGroupId: inputs.resourceGroupId,
    ...Object.fromEntries(Object.entries(inputs.tags ?? {}).flatMap(([key, value], index) => [[`Tag.${index + 1}.Key`, key], [`Tag.${index + 1}.Value`, value]])),
  });
  return casterId!;
}

/**
 * What an unfinished create of these (checked) inputs made, for the recovery of a killed `pulumi
 * up`: CreateCaster sent again with the same ClientToken and parameters answers with the studio
 * the killed request made (if that request never landed, it makes it now). Nothing else is sent:
 * the recovery hands the studio to the stack, and `pulumi up` applies the program to it.
 * Undefined when the inputs carry no token or the stack's state has that studio (`owned`).
 */
export async function madeByUnfinishedCreate(inputs: CasterInputs, owned: ReadonlySet<string>): Promise<{ id: string; description: string } | undefined> {
  if (!inputs.clientToken) return undefined;
  const casterId = await createStudio(liveClient(), inputs, inputs.clientToken);
  if (owned.has(casterId)) return undefined;
  return { id: casterId, description: `studio ${casterId} (ClientToken ${inputs.clientToken})` };
}

/**
 * Whether the change is of allowStopOnAir alone. It changes nothing on the studio: it is a
 * change applied by storing it, so that the state says what the program declares.
 */
function onlyAllowStopOnAirChanged(olds: CasterOutputs, news: CasterInputs): boolean {
  const { changed } = diffProperties(comparable(kind, olds, news), comparable(kind, news), replacedOnChange(kind));
  return changed.length === 1 && changed[0] === "allowStopOnAir";
}

/** The Caster dynamic provider: the kind's spec, and how a studio is made, configured, started and read back. */
export const casterProvider = kindProvider<CasterInputs, CasterOutputs>(kind, {
  check(news, olds): dynamic.CheckResult {
    const inputs = { ...news } as CasterInputs & Record<string, unknown>;
    // A studio on air (and staying on air) refuses a change that needs it stopped, unless allowed: said at preview.
    const onAir = olds.running === true && inputs.running === true;
    const guarded = inputs.allowStopOnAir !== true && !isUnknown(inputs.allowStopOnAir);
    const needs = onAir ? changesNeedingStop(olds as Partial<CasterInputs>, inputs) : [];
    if (needs.length > 0 && guarded) {
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
    // A replacement deletes the studio on air, and a delete stops it: an update that takes the
    // broadcast off air, guarded as the changes above are. (Not yet known in a preview: not said.)
    const replacing = onAir ? differences(kind, undefined, olds, inputs).replaces.filter((name) => !isUnknown(inputs[name])) : [];
    if (replacing.length > 0 && guarded) {
      return {
        inputs: news,
        failures: [{
          property: replacing[0],
          reason: `changing ${replacing.join(" and ")} replaces the studio, and it is on air (running: true): a new studio is made ` +
            "(with new scenes and stream URLs) and this one is stopped and deleted. Set allowStopOnAir: true to let `pulumi up` do that, " +
            `or declare ${replacing.join(" and ")} as before.`,
        }],
      };
    }
    const createInputs = CREATE_PROPERTIES.map((name) => inputs[name]);
    if (inputs.clientToken === undefined && !isUnknown(inputs.clientTokenScope) && !createInputs.some(isUnknown)) {
      inputs.clientToken = derivedClientToken(inputs);
    }
    return { inputs, failures: [] };
  },

  refusedChange: (id, olds, news) => channelModeTurnedOff(id, olds, news),

  adopt: (inputs) => adopt(liveClient(), inputs),

  async create(inputs) {
    const client = liveClient();
    const clientToken = inputs.clientToken ?? derivedClientToken(inputs);
    const casterId = await createStudio(client, inputs, clientToken);
    const configuration = await configure(client, casterId, inputs);
    if (inputs.running) await startStudio(client, casterId);
    return { id: casterId, outs: await readBack(client, casterId, { ...inputs, clientToken }, configuration) };
  },

  async read(id, props) {
    const state = await readStudio(liveClient(), id, props);
    return state ? { id, props: state } : {};
  },

  async update(id, olds, news) {
    if (onlyAllowStopOnAirChanged(olds, news)) {
      const { allowStopOnAir: _old, ...kept } = olds;
      return { outs: news.allowStopOnAir === undefined ? kept : { ...kept, allowStopOnAir: news.allowStopOnAir } };
    }
    const client = liveClient();
    const onAir = olds.status === 1;
    const needs = changesNeedingStop(olds, news);
    const stopFirst = onAir && needs.length > 0;
    if (stopFirst && news.allowStopOnAir !== true) {
      throw new UserFacingError(`studio ${id}: changing ${needs.join(" and ")} needs it stopped, and it is on air. Set allowStopOnAir: true, or running: false first.`);
    }
    if (stopFirst) await stopStudio(client, id);
    const { changed } = differences(kind, undefined, olds, news);
    if (changed.includes("resourceGroupId")) await moveStudio(client, id, news.resourceGroupId as string);
    // A move alone changes nothing SetCasterConfig sets.
    const configuration = changed.every((name) => name === "resourceGroupId") ? undefined : await configure(client, id, news);
    const shouldRun = news.running === true;
    if (shouldRun && (!onAir || stopFirst)) await startStudio(client, id);
    // Stopped above for the change, it stays stopped as declared.
    if (!shouldRun && onAir && !stopFirst) await stopStudio(client, id);
    return { outs: await readBack(client, id, news, configuration) };
  },

  /**
   * A studio being deleted (destroy, or taken out of the program) is stopped first if it is on air,
   * as DeleteCaster refuses a running one: as Terraform's AWS MediaLive channel is. The guard
   * against deleting a production studio is Pulumi's `protect: true`, which the engine checks
   * before it deletes anything; allowStopOnAir guards updates only. A refusal here came after the
   * engine had deleted everything inside the studio (dependents first), and left it half destroyed.
   */
  async beforeDelete(id) {
    const client = liveClient();
    const current = await describeCaster(client, id);
    if (current?.Status === 1) await stopStudio(client, id);
  },
});

/** The studios adopted by resources of this process: two declarations never take one studio. */
const adoptedStudios = sessionMap<string, true>();

/** Properties compared with the studio that SetCasterConfig does not set: the run state (StartCaster / StopCaster), the group (UpdateCasterResourceGroup), what is stored only. */
const NOT_CONFIGURATION = new Set(["running", "allowStopOnAir", "resourceGroupId"]);

/**
 * Brings an existing studio under management (importId, its CasterId), then makes it what the
 * program declares. What CreateCaster sets (normType, ...) cannot change without a new studio, so
 * a difference there is refused; but a studio in another resource group is moved to the declared one. The configuration is compared, as diff compares it, with what
 * SetCasterConfig would send (DescribeCasters and DescribeCasterConfig), and the run state with
 * `running`: UpdateCasterResourceGroup, SetCasterConfig, StopCaster and StartCaster are sent only for what differs (a change
 * that needs the studio stopped while it is on air, only with allowStopOnAir), so a studio that
 * already matches is taken over with no call that changes anything. Every refusal comes before
 * any such call.
 */
async function adopt(client: LiveClient, inputs: CasterInputs): Promise<CasterOutputs> {
  const casterId = inputs.importId as string;
  let studioConfig: ApiCasterConfig | undefined;
  const found = await readStudio(client, casterId, inputs, { configRead: (config) => (studioConfig = config) });
  if (!found) {
    throw new UserFacingError(`importId ${casterId}: the account has no studio ${casterId} in region ${client.settings.regionId}. Check the ID with DescribeCasters (or the console's list of production studios), or remove importId to make a new studio.`);
  }
  const key = `${client.settings.endpoint} ${casterId}`;
  if (adoptedStudios.has(key)) {
    throw new UserFacingError(`importId ${casterId}: another resource of this program already manages that studio; remove one of the two.`);
  }
  const refused = channelModeTurnedOff(casterId, found, inputs);
  if (refused) throw new UserFacingError(`importId ${casterId}: ${refused}`);
  // The check lets an adopted studio's running: true go without domainName (the kind's runningNeedsADomain): it may have its own.
  if (inputs.running === true && inputs.domainName === undefined && !found.domainName) {
    throw new UserFacingError(`importId ${casterId}: running true starts the studio, and StartCaster needs a streaming domain, but studio ${casterId} has none (DescribeCasterConfig's DomainName is empty). Set domainName to the domain it outputs on (e.g. live.example.com), or set running: false.`);
  }
  // The connection is how the studio was reached, not something it has: never a difference here.
  const { changed, replaces } = differences(kind, undefined, { ...found, connection: inputs.connection }, inputs);
  if (replaces.length > 0) {
    const what = replaces.map((name) => `${name} is ${JSON.stringify(found[name as keyof CasterOutputs])}, not ${JSON.stringify(inputs[name as keyof CasterInputs])}`);
    throw new UserFacingError(`importId ${casterId}: that studio's ${what.join(", and its ")}; only a new studio could change that. Declare it as the studio has it, or remove importId to make a new studio.`);
  }
  const reconfigure = changed.some((name) => !NOT_CONFIGURATION.has(name));
  const move = changed.includes("resourceGroupId");
  const onAir = found.status === 1;
  const needs = reconfigure ? changesNeedingStop(found, inputs) : [];
  const stopFirst = onAir && needs.length > 0;
  if (stopFirst && inputs.allowStopOnAir !== true) {
    throw new UserFacingError(`importId ${casterId}: changing ${needs.join(" and ")} needs the studio stopped, and it is on air. Set allowStopOnAir: true, or declare it as the studio has it.`);
  }
  adoptedStudios.set(key, true);
  const shouldRun = inputs.running === true;
  const startIt = shouldRun && (!onAir || stopFirst);
  const stop = stopFirst || (!shouldRun && onAir);
  if (!reconfigure && !move && !startIt && !stop) return found;
  if (move) await moveStudio(client, casterId, inputs.resourceGroupId as string);
  if (stop) await stopStudio(client, casterId);
  // The configuration read just above is the one to keep undeclared settings from: read once.
  const configuration = reconfigure ? await configure(client, casterId, inputs, studioConfig) : undefined;
  if (startIt) await startStudio(client, casterId);
  return readBack(client, casterId, inputs, configuration);
}

/** The studio's configuration as a SetCasterConfig that succeeded left it, in the kind's terms. */
type AppliedConfiguration = Pick<CasterInputs, "casterName" | "casterTemplate" | (typeof CONFIG_PROPERTIES)[number]>;

/**
 * SetCasterConfig replaces the whole configuration: a parameter left out clears that setting. So
 * the call always carries all of it: each setting the program declares, and for each one it does
 * not, what the studio has now (read just before, so a console change to an undeclared setting
 * survives; or `now`, when the caller has just read it). Answers the configuration the call set:
 * the API keeps what it is sent or refuses the call (SetCasterConfig's page: "This operation
 * replaces all existing configurations"), so reading it back would only repeat it.
 */
async function configure(client: LiveClient, casterId: string, desired: CasterInputs, now?: ApiCasterConfig): Promise<AppliedConfiguration> {
  now ??= await client.call("DescribeCasterConfig", { CasterId: casterId });
  const current = configFromApi(now);
  const pick = <K extends (typeof CONFIG_PROPERTIES)[number]>(name: K): CasterInputs[K] => (desired[name] !== undefined ? desired[name] : current[name]) as CasterInputs[K];
  const recording = pick("recording");
  const sideOutputUrls = pick("sideOutputUrls");
  const params: ParamsOf<"SetCasterConfig"> = {
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
    UrgentImageId: pick("standbyImageId"),
    AutoSwitchUrgentOn: pick("autoSwitchToStandby"),
    AutoSwitchUrgentConfig: switchConfigParam(pick("standbySwitchAfterSeconds"), now.AutoSwitchUrgentConfig),
    ProgramName: pick("programName"),
    ProgramEffect: pick("programEffect"),
    ChannelEnable: pick("channelMode") ? 1 : 0,
    SyncGroupsConfig: syncGroupsParam(pick("syncGroups")),
  };
  await client.call("SetCasterConfig", params);
  return {
    casterName: desired.casterName,
    casterTemplate: desired.casterTemplate,
    ...(Object.fromEntries(CONFIG_PROPERTIES.map((name) => [name, pick(name)])) as Pick<CasterInputs, (typeof CONFIG_PROPERTIES)[number]>),
  };
}

function recordConfigParam(recording: RecordingConfig) {
  return {
    endpoint: recording.ossEndpoint,
    ossBucket: recording.ossBucket,
    videoFormat: recording.formats.map((format) => sparseRequest(RECORDING_FORMAT_FIELDS, format)),
  };
}

function syncGroupsParam(groups: CasterInputs["syncGroups"]): string | undefined {
  if (!groups || groups.length === 0) return undefined;
  return JSON.stringify(groups.map((group) => ({ mode: group.mode, hostResourceId: group.hostResourceId, resourceIds: group.resourceIds })));
}

/** AutoSwitchUrgentConfig `{"eofThres": seconds}`: the declared threshold, or the studio's whole setting as it has it. */
function switchConfigParam(seconds: number | undefined, current: string | undefined): string | undefined {
  if (seconds !== undefined) return JSON.stringify({ eofThres: seconds });
  return current || undefined;
}

function switchThreshold(text: string | undefined): number | undefined {
  if (!text) return undefined;
  try {
    const value = (JSON.parse(text) as { eofThres?: unknown }).eofThres;
    return typeof value === "number" ? value : undefined;
  } catch {
    return undefined;
  }
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
          ...sparseReply(RECORDING_FORMAT_FIELDS, format),
          format: format.Format!.toLowerCase() as "m3u8" | "flv" | "mp4",
        })),
      }
      : undefined,
    standbyLiveStreamUrl: text(config.UrgentLiveStreamUrl),
    standbyMaterialId: text(config.UrgentMaterialId),
    standbyImageUrl: text(config.UrgentImageUrl),
    standbyImageId: text(config.UrgentImageId),
    standbySwitchAfterSeconds: switchThreshold(config.AutoSwitchUrgentConfig),
    autoSwitchToStandby: config.AutoSwitchUrgentOn === "true",
    syncGroups: (config.SyncGroupsConfig?.SyncGroup ?? []).map((group) => ({
      mode: (group.Mode === 0 ? 0 : 1) as 0 | 1,
      ...(group.HostResourceId ? { hostResourceId: group.HostResourceId } : {}),
      resourceIds: group.ResourceIds?.ResourceId ?? [],
    })),
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

/**
 * StopCaster's refusals of a studio that is not running, from its page's error table
 * (https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-stopcaster):
 * IncorrectSceneStatus (its scenes are not started) and InvalidScene.NotFound (it has no scenes:
 * never started). The table describes neither, so the studio's Status confirms them.
 */
const STOP_NOT_RUNNING_CODES = ["IncorrectSceneStatus", "InvalidScene.NotFound"];

/**
 * StopCaster, done once the studio is stopped: every stop of the provider goes through here. The
 * client sends it again after a lost reply (it is safe to repeat), and that retry finds the
 * studio already stopped by the first: a refusal that says so, confirmed by DescribeCasters'
 * Status (0 idle, not 1 streaming), is the stop done, not a failure (issue 29).
 */
export async function stopStudio(client: LiveClient, casterId: string): Promise<void> {
  try {
    await client.call("StopCaster", { CasterId: casterId });
  } catch (error) {
    if (!(error instanceof LiveApiError && STOP_NOT_RUNNING_CODES.includes(error.code))) throw error;
    if ((await describeCaster(client, casterId))?.Status === 1) throw error;
  } finally {
    // A stopped studio's scenes are not what a listing from before showed.
    scenes.changed(client, casterId);
  }
}

/**
 * StartCaster, done once the studio is running: every start of the provider goes through here.
 * A retry after a lost reply finds the studio already started. The StartCaster page's error table
 * could not be read (https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-startcaster;
 * model/live-api.ts), so no code is taken on trust: after any refusal (an HTTP 4xx answer; the
 * emulator's is IncorrectCasterStatus.Inuse, DeleteCaster's documented code for a running studio),
 * a studio that DescribeCasters reports streaming (Status 1) is the start done.
 */
export async function startStudio(client: LiveClient, casterId: string): Promise<void> {
  try {
    await client.call("StartCaster", { CasterId: casterId });
  } catch (error) {
    const refused = error instanceof LiveApiError && error.httpStatus !== undefined && error.httpStatus >= 400 && error.httpStatus < 500;
    if (!refused || (await describeCaster(client, casterId))?.Status !== 1) throw error;
  } finally {
    // StartCaster makes the studio's scenes: a listing from before has none.
    scenes.changed(client, casterId);
  }
}

/**
 * UpdateCasterResourceGroup, done once DescribeCasters shows the studio in the group: the same
 * studio, with everything on it, in another group. The client sends it again after a lost reply
 * (it is safe to repeat), and that retry finds the studio moved by the first. What the API answers
 * a move into the group a studio is in already is not documented (its page's error table repeats
 * CreateCaster's: https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-updatecasterresourcegroup),
 * so, as for StartCaster, no code is taken on trust: after any refusal (an HTTP 4xx answer) a
 * studio that DescribeCasters lists in that group is the move done.
 */
export async function moveStudio(client: LiveClient, casterId: string, resourceGroupId: string): Promise<void> {
  try {
    await client.call("UpdateCasterResourceGroup", { CasterId: casterId, NewResourceGroupId: resourceGroupId });
  } catch (error) {
    const refused = error instanceof LiveApiError && error.httpStatus !== undefined && error.httpStatus >= 400 && error.httpStatus < 500;
    if (!refused || (await describeCaster(client, casterId))?.ResourceGroupId !== resourceGroupId) throw error;
  }
}

async function describeCaster(client: LiveClient, casterId: string): Promise<ApiCaster | undefined> {
  const reply = await unlessStudioGone(() => client.call("DescribeCasters", { CasterId: casterId }));
  return itemsOf(reply?.CasterList?.Caster, "CasterId").find((item) => item.CasterId === casterId);
}

/**
 * The studio after a change: its configuration as `configure` set it (when it did), the rest from
 * the API. A studio just started or left running has scenes: they are listed beside DescribeCasters.
 */
async function readBack(client: LiveClient, casterId: string, applied: CasterInputs, configuration?: AppliedConfiguration): Promise<CasterOutputs> {
  const state = await readStudio(client, casterId, applied, { configuration, listScenesAlongside: applied.running === true });
  if (!state) throw new Error(`studio ${casterId} was made but DescribeCasters does not list it; run pulumi refresh and try again.`);
  return state;
}

/** How readStudio reads, where its caller knows more than the API's defaults. */
export interface StudioReadOptions {
  /** Lists the studio's scenes (default DescribeCasterScenes through the shared listing). */
  listScenes?: (client: LiveClient, casterId: string) => Promise<ApiScene[]>;
  /** Sees the DescribeCasterConfig reply, for a caller that sends the configuration next. */
  configRead?: (config: ApiCasterConfig) => void;
  /** What a SetCasterConfig just set: taken as the configuration instead of reading it. */
  configuration?: AppliedConfiguration;
  /** The studio is expected to run: its scenes are listed at the same time as DescribeCasters, not after it. */
  listScenesAlongside?: boolean;
}

/**
 * The studio as the API has it: DescribeCasters for what it is and whether it runs,
 * DescribeCasterConfig for each setting (unless `configuration` says), DescribeCasterScenes for
 * its scenes while it has them (Status 1). Undefined when the API says it does not exist.
 */
export async function readStudio(
  client: LiveClient,
  casterId: string,
  kept: Partial<CasterInputs>,
  { listScenes = scenes.describe, configRead, configuration, listScenesAlongside = false }: StudioReadOptions = {},
): Promise<CasterOutputs | undefined> {
  const earlySceneListing = listScenesAlongside ? listScenes(client, casterId) : undefined;
  // Not awaited when the studio turns out gone or idle: its failure is then no one's.
  earlySceneListing?.catch(() => undefined);
  const item = await describeCaster(client, casterId);
  if (!item) return undefined;
  let settings = configuration;
  if (!settings) {
    const config = await client.call("DescribeCasterConfig", { CasterId: casterId });
    configRead?.(config);
    settings = {
      ...configFromApi(config),
      casterName: config.CasterName || undefined,
      casterTemplate: config.TranscodeConfig?.CasterTemplate as CasterInputs["casterTemplate"],
    } as AppliedConfiguration;
  }
  const status = Number(item.Status ?? 0);
  const scenes = status === 1 ? sceneIdsOf(await (earlySceneListing ?? listScenes(client, casterId))) : {};
  const { casterName, casterTemplate, ...settingsBySetCasterConfig } = settings;
  const state: CasterOutputs = {
    casterId,
    casterName: casterName || item.CasterName || undefined,
    normType: Number(item.NormType) as CasterInputs["normType"],
    casterTemplate: (casterTemplate || item.CasterTemplate || kept.casterTemplate) as CasterInputs["casterTemplate"],
    chargeType: CHARGE_TYPE,
    resourceGroupId: item.ResourceGroupId || kept.resourceGroupId,
    tags: item.Tags?.tag?.length ? Object.fromEntries(item.Tags.tag.map((tag) => [tag.TagKey, tag.TagValue])) : undefined,
    ...settingsBySetCasterConfig,
    running: status === 1,
    status,
    ...scenes,
    allowStopOnAir: kept.allowStopOnAir,
    clientToken: kept.clientToken,
    clientTokenScope: kept.clientTokenScope,
    importId: kept.importId,
  };
  return Object.fromEntries(Object.entries(state).filter(([, value]) => value !== undefined)) as CasterOutputs;
}

function sceneIdsOf(scenes: ApiScene[]): Pick<CasterOutputs, "pvwSceneId" | "pgmSceneId" | "pgmStreamUrl"> {
  // OutputType: 0 the preview (PVW), 1 the program output (PGM).
  const pvw = scenes.find((scene) => String(scene.OutputType) === "0");
  const pgm = scenes.find((scene) => String(scene.OutputType) === "1");
  return { pvwSceneId: pvw?.SceneId, pgmSceneId: pgm?.SceneId, pgmStreamUrl: pgm?.StreamUrl || undefined };
}
