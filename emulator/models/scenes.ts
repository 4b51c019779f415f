import { createHash } from "node:crypto";
import { errors } from "../errors";
import { defaultSceneAudio, findCaster } from "./casters";
import { apiTime, newResourceId } from "./ids";
import { AccountState, CasterRecord, SceneRecord } from "./state";

/**
 * Starting and stopping a studio, and its two scenes: PVW (preview, OutputType 0) and PGM
 * (program output, OutputType 1). The pages' rules are cited where they apply; the rest is the
 * emulator's decision (LIMITATIONS in the README). The pages, by the names the comments use:
 * - START_CASTER_PAGE: https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-startcaster
 * - STOP_CASTER_PAGE: https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-stopcaster
 * - STREAM_URL_PAGE: https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-describecasterstreamurl
 * - SET_CASTER_CONFIG_PAGE: https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-setcasterconfig
 * - DESCRIBE_CASTERS_PAGE: https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-describecasters (Status 0 idle, 1 streaming)
 */

export const PVW = 0;
export const PGM = 1;
/** How long the emulator's signed playback URLs claim to be valid (the auth_key's timestamp). */
const URL_VALIDITY_SECONDS = 24 * 3600;
const OUTPUT_FORMATS = ["flv", "rtmp", "m3u8"] as const;

/**
 * START_CASTER_PAGE: "If the Preview (PVW) and Program (PGM) scenarios do not exist, this
 * operation creates them, and then starts the scenarios". Scenes made by an earlier start are
 * started again, with URLs on the studio's domain of now.
 */
export function startCaster(account: AccountState, casterId: string, nowMs: number): SceneRecord[] {
  const caster = findCaster(account, casterId);
  // Not documented: starting a running studio is refused with the code of the other "it is running" refusals.
  if (caster.status === 1) throw errors.casterRunning(caster.casterId, "it is already started");
  // SET_CASTER_CONFIG_PAGE, DomainName: "Configure the domain name before you start the production studio."
  if (!caster.config.domainName) {
    throw errors.missingParameter(`Caster ${caster.casterId} has no DomainName: set one with SetCasterConfig before StartCaster`);
  }
  // SET_CASTER_CONFIG_PAGE, TranscodeConfig: "If no transcoding template is specified, an error is reported when you start the production studio."
  if (!caster.config.transcode.casterTemplate) {
    throw errors.missingParameter(`Caster ${caster.casterId} has no transcoding template: set TranscodeConfig.CasterTemplate with SetCasterConfig before StartCaster`);
  }
  for (const [outputType, sceneName] of [[PVW, "PVW"], [PGM, "PGM"]] as const) {
    if (!scenesOf(caster).some((scene) => scene.outputType === outputType)) {
      const sceneId = newResourceId();
      caster.scenes[sceneId] = {
        sceneId, sceneName, outputType, status: 0, layoutId: "", componentIds: [], audio: defaultSceneAudio(),
        streamUrl: "", rtmpUrl: "", streamInfos: [],
      };
    }
  }
  for (const scene of scenesOf(caster)) {
    Object.assign(scene, { status: 1, ...playbackUrls(caster, scene, nowMs) });
  }
  // DESCRIBE_CASTERS_PAGE: Status 1 is "streaming"; StartTime "is returned if the production studio is in the streaming status".
  caster.status = 1;
  caster.startTime = apiTime(nowMs);
  caster.lastModified = caster.startTime;
  return scenesOf(caster);
}

/**
 * STOP_CASTER_PAGE: stopping a studio stops its PVW and PGM scenes. A studio that is not running
 * is refused with the page's codes: InvalidScene.NotFound when it has no scenes yet (never
 * started), IncorrectSceneStatus when its scenes are already stopped.
 */
export function stopCaster(account: AccountState, casterId: string, nowMs: number): void {
  const caster = findCaster(account, casterId);
  if (caster.status !== 1) {
    if (scenesOf(caster).length === 0) throw errors.sceneNotFound(`Caster ${caster.casterId} has no scenes: it was never started`);
    throw errors.sceneStatusIncorrect(`The scenes of caster ${caster.casterId} are not started: the studio is already stopped`);
  }
  for (const scene of scenesOf(caster)) scene.status = 0;
  caster.status = 0;
  caster.startTime = "";
  caster.lastModified = apiTime(nowMs);
}

/** The studio's scenes, PVW first; with `sceneId`, that one only (an unknown ID is an empty list). */
export function listScenes(account: AccountState, casterId: string, sceneId?: string): SceneRecord[] {
  return scenesOf(findCaster(account, casterId)).filter((scene) => sceneId === undefined || scene.sceneId === sceneId);
}

/**
 * The studio's output streams. STREAM_URL_PAGE: "If a production studio has not been created, the
 * InvalidScene.NotFound error is returned": read as a studio without scenes, never started.
 */
export function streamUrls(account: AccountState, casterId: string): SceneRecord[] {
  const scenes = listScenes(account, casterId);
  if (scenes.length === 0) throw errors.sceneNotFound(`Caster ${casterId} has no scenes yet: start it with StartCaster first`);
  return scenes;
}

function scenesOf(caster: CasterRecord): SceneRecord[] {
  return Object.values(caster.scenes).sort((a, b) => a.outputType - b.outputType);
}

/**
 * URLs shaped as the pages' examples: `rtmp://<domain>/caster/<stream>?auth_key=<expiry>-0-0-<md5>`,
 * HTTP-FLV for StreamUrl; the PGM scene also has one output per live transcoding
 * template and format (flv, rtmp, m3u8), `<stream>_<template>`.
 */
function playbackUrls(caster: CasterRecord, scene: SceneRecord, nowMs: number): Partial<SceneRecord> {
  const domain = caster.config.domainName;
  const stream = scene.sceneId.replace(/-/g, "");
  const expiry = Math.floor(nowMs / 1000) + URL_VALIDITY_SECONDS;
  const signed = (path: string) =>
    `${path}?auth_key=${expiry}-0-0-${createHash("md5").update(`${caster.casterId}/${path}/${expiry}`).digest("hex")}`;
  const output = (format: (typeof OUTPUT_FORMATS)[number], name: string) =>
    format === "rtmp" ? signed(`rtmp://${domain}/caster/${name}`) : signed(`http://${domain}/caster/${name}.${format}`);
  const templates = scene.outputType === PGM ? caster.config.transcode.liveTemplateIds : [];
  return {
    streamUrl: output("flv", stream),
    rtmpUrl: output("rtmp", stream),
    streamInfos: templates.flatMap((template) => OUTPUT_FORMATS.map((videoFormat) => ({
      videoFormat,
      transcodeConfig: template,
      outputStreamUrl: output(videoFormat, `${stream}_${template}`),
    }))),
  };
}
