import { createHash } from "node:crypto";
import { CASTER_TEMPLATES, CHARGE_TYPE, LIGHTWEIGHT_CAROUSEL_DEMANDS, PLAYLIST_NORM_TYPE, RESOURCE_GROUP_ID_PATTERN } from "../../model/api-facts";
import { errors } from "../errors";
import { apiTime, newCasterId } from "./ids";
import { AccountState, CasterConfigRecord, CasterRecord, SceneAudioRecord, ShowListRecord } from "./state";

/** Studio IDs are `LIVEPRODUCER_POST-cn-…` today; studios from before that carry a UUID. */
const CASTER_ID_PATTERN = /^(LIVEPRODUCER_(POST|PRE)-[a-z]{2}-[0-9a-z]{6,32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/**
 * The studio's transcoding templates: lp_ld, lp_sd, lp_hd, lp_ud, with _v for portrait (model/api-facts.ts, CREATE's
 * CasterTemplate); lp_noTranscode for a lightweight carousel studio, which AddPlaylistItems demands (LIGHTWEIGHT_CAROUSEL_DEMANDS).
 */
export function isCasterTemplate(template: string, normType: number): boolean {
  if (normType === PLAYLIST_NORM_TYPE && template === LIGHTWEIGHT_CAROUSEL_DEMANDS.casterTemplate) return true;
  return (CASTER_TEMPLATES as readonly string[]).includes(template);
}

/** What a template error says: the templates and, for a lightweight carousel studio, its own. */
export function casterTemplateRule(normType: number): string {
  const noTranscode = normType === PLAYLIST_NORM_TYPE ? `, or ${LIGHTWEIGHT_CAROUSEL_DEMANDS.casterTemplate}` : ` (${LIGHTWEIGHT_CAROUSEL_DEMANDS.casterTemplate} is a lightweight carousel studio's, NormType ${PLAYLIST_NORM_TYPE})`;
  return `lp_ld, lp_sd, lp_hd or lp_ud, with _v for portrait${noTranscode}`;
}

export interface CreateCasterInput {
  clientToken: string;
  normType: number;
  chargeType: string;
  casterName?: string;
  casterTemplate?: string;
  resourceGroupId?: string;
  tags: { key: string; value: string }[];
  regionId: string;
}

export interface CasterDefaults {
  ingestEndpoints: number;
  domainName: string;
  callbackUrl: string;
}

/** Looks a studio up in the caller's account; another account's studio is not found, as in the API. */
export function findCaster(account: AccountState, casterId: string): CasterRecord {
  if (!CASTER_ID_PATTERN.test(casterId)) throw errors.casterIdMalformed(casterId);
  const caster = account.casters[casterId];
  if (!caster) throw errors.casterNotFound(casterId);
  return caster;
}

/**
 * UpdateCasterResourceGroup: the same studio, with everything on it, in another group. A studio
 * already in that group stays there and the call succeeds: what the API answers then is not
 * documented (LIMITATIONS).
 */
export function moveCaster(account: AccountState, casterId: string, newResourceGroupId: string, nowMs: number): CasterRecord {
  const caster = findCaster(account, casterId);
  if (!RESOURCE_GROUP_ID_PATTERN.test(newResourceGroupId)) {
    throw errors.invalidParameter(`NewResourceGroupId ${JSON.stringify(newResourceGroupId)} is not a resource group ID such as rg-aekz7***34cn5ty`);
  }
  if (caster.resourceGroupId !== newResourceGroupId) {
    caster.resourceGroupId = newResourceGroupId;
    caster.lastModified = apiTime(nowMs);
  }
  return caster;
}

export function createCaster(
  account: AccountState,
  input: CreateCasterInput,
  defaults: CasterDefaults,
  nowMs: number,
): CasterRecord {
  if (input.chargeType !== CHARGE_TYPE) {
    throw errors.invalidParameter(`ChargeType ${JSON.stringify(input.chargeType)} is not supported; use ${CHARGE_TYPE}`);
  }
  const template = input.casterTemplate ?? "lp_sd";
  if (!isCasterTemplate(template, input.normType)) {
    throw errors.invalidParameter(`CasterTemplate ${JSON.stringify(template)}; use ${casterTemplateRule(input.normType)}`);
  }
  const fingerprint = createHash("sha256").update(JSON.stringify({ ...input, clientToken: undefined })).digest("hex");
  const earlier = account.casterClientTokens[input.clientToken];
  if (earlier) {
    if (earlier.fingerprint !== fingerprint) throw errors.idempotentParameterMismatch(input.clientToken);
    const existing = account.casters[earlier.casterId];
    if (existing) return existing;
  }

  const now = apiTime(nowMs);
  const casterId = newCasterId(input.regionId);
  const caster: CasterRecord = {
    casterId,
    casterName: input.casterName ?? casterId,
    normType: input.normType,
    chargeType: input.chargeType,
    resourceGroupId: input.resourceGroupId ?? "",
    tags: input.tags,
    status: 0,
    createTime: now,
    lastModified: now,
    startTime: "",
    ingestEndpoints: defaults.ingestEndpoints,
    config: {
      ...emptyConfig(),
      // CreateCaster takes no DomainName (CreateCasterRequest.ts), and SetCasterConfig's page says to
      // "Configure the domain name before you start the production studio": a new studio has none.
      callbackUrl: defaults.callbackUrl,
      // The template chosen at creation is the studio's transcoding template until SetCasterConfig replaces it.
      transcode: { casterTemplate: template, liveTemplateIds: [] },
    },
    videoResources: {},
    scenes: {},
    layouts: {},
    components: {},
    episodes: {},
    showList: emptyShowList(),
    channels: {},
  };
  account.casters[casterId] = caster;
  account.casterClientTokens[input.clientToken] = { casterId, fingerprint };
  return caster;
}

export interface CasterFilter {
  casterId?: string;
  casterName?: string;
  status?: number;
  normType?: number;
}

export function listCasters(account: AccountState, filter: CasterFilter): CasterRecord[] {
  return Object.values(account.casters).filter(
    (caster) =>
      (filter.casterId === undefined || caster.casterId === filter.casterId) &&
      (filter.casterName === undefined || caster.casterName.includes(filter.casterName)) &&
      (filter.status === undefined || caster.status === filter.status) &&
      (filter.normType === undefined || caster.normType === filter.normType),
  );
}

export function deleteCaster(account: AccountState, casterId: string): void {
  const caster = findCaster(account, casterId);
  if (caster.status === 1) throw errors.casterInUse(casterId);
  delete account.casters[casterId];
}

/** Every setting cleared: what SetCasterConfig starts from (it replaces the whole configuration). */
export function emptyConfig(): CasterConfigRecord {
  return {
    domainName: "",
    callbackUrl: "",
    sideOutputUrl: "",
    sideOutputUrlList: "",
    delay: 0,
    channelEnable: 0,
    programEffect: 0,
    programName: "",
    autoSwitchUrgentOn: "",
    autoSwitchUrgentConfig: "",
    urgentMaterialId: "",
    urgentImageId: "",
    urgentImageUrl: "",
    urgentLiveStreamUrl: "",
    transcode: { casterTemplate: "", liveTemplateIds: [] },
    record: null,
    syncGroups: [],
  };
}

/** A studio's show list before any show is added. */
export function emptyShowList(): ShowListRecord {
  return { shows: [], repeatTimes: 0, highPriorityShowId: "", highPriorityShowStartTime: "", currentShowId: "", background: null };
}

/**
 * A studio as an older state file holds it (before SetCasterConfig, scenes, layouts, components
 * and episodes were emulated) brought to today's record: the settings it lacks are cleared ones,
 * its creation template becomes its transcoding template, it has no scenes (or its scenes have
 * the default audio), no layouts, no components and no episodes.
 */
export function upgradeCaster(stored: CasterRecord & { casterTemplate?: string }): CasterRecord {
  const { casterTemplate, ...caster } = stored;
  const config = { ...emptyConfig(), ...caster.config };
  if (!stored.config?.transcode) config.transcode = { casterTemplate: casterTemplate ?? "", liveTemplateIds: [] };
  const scenes = Object.fromEntries(Object.entries(caster.scenes ?? {}).map(([id, scene]) =>
    [id, { ...scene, layoutId: scene.layoutId ?? "", componentIds: scene.componentIds ?? [], audio: scene.audio ?? defaultSceneAudio() }]));
  return { ...caster, startTime: caster.startTime ?? "", scenes, layouts: caster.layouts ?? {}, components: caster.components ?? {},
    episodes: caster.episodes ?? {}, showList: caster.showList ?? emptyShowList(), config };
}

/**
 * A new scene's audio: audio follows video, no mix of its own (UpdateCasterSceneAudio's page:
 * FollowEnable "默认启用音频跟随", audio-follows-video is the default).
 */
export function defaultSceneAudio(): SceneAudioRecord {
  return { followEnable: 1, mixList: [], audioLayers: [] };
}
