import * as pulumi from "@pulumi/pulumi";
import { Caster, CasterComponent, CasterEpisode, CasterLayout, CasterSceneBinding, CasterVideoResource } from "pulumi-alicloud-caster";

/**
 * A studio made from nothing: two cameras, two layouts, three overlays, both scenes bound, and an
 * episode that switches to the main camera by its resourceId. Stack config edits it:
 * `guestPosition` moves the guest's layer in the picture-in-picture, `pgmLayout` chooses the
 * layout on air ("pip" or "split"), `casterName` and `cameraName` rename the studio and the main
 * camera (in-place updates of resources whose IDs everything else uses).
 */
const config = new pulumi.Config();
const guestPosition = config.getObject<[number, number]>("guestPosition") ?? [0.95, 0.95];
const pgmLayout = config.get("pgmLayout") ?? "pip";

const studio = new Caster("studio", {
  casterName: config.get("casterName") ?? "On-screen test",
  normType: 1,
  casterTemplate: "lp_sd",
  domainName: "live.example.com",
  running: true,
  allowStopOnAir: true,
});

const camera = new CasterVideoResource("camera", {
  casterId: studio.casterId, resourceName: config.get("cameraName") ?? "Main camera", locationId: "RV01", liveStreamUrl: "rtmp://push.example.com/live/main",
});
const guest = new CasterVideoResource("guest", {
  casterId: studio.casterId, resourceName: "Guest", locationId: "RV02", liveStreamUrl: "rtmp://push.example.com/live/guest",
});

const layouts = {
  pip: new CasterLayout("pip", {
    casterId: studio.casterId,
    videoLayers: [
      { locationId: camera.locationId, position: [0, 0], widthNormalized: 1, heightNormalized: 1, fillMode: "fit" },
      { locationId: guest.locationId, position: guestPosition, anchor: "bottomRight", widthNormalized: 0.3, heightNormalized: 0.3 },
    ],
    audioLayers: [{ locationId: camera.locationId }],
  }),
  split: new CasterLayout("split", {
    casterId: studio.casterId,
    videoLayers: [
      { locationId: camera.locationId, position: [0, 0.25], widthNormalized: 0.5, heightNormalized: 0.5, fillMode: "fit" },
      { locationId: guest.locationId, position: [0.5, 0.25], widthNormalized: 0.5, heightNormalized: 0.5, fillMode: "fit" },
    ],
  }),
};

const lowerThird = new CasterComponent("lower-third", {
  casterId: studio.casterId, locationId: "RC01", componentType: "text",
  text: { text: "Live from the studio", color: "0xffffff", sizeNormalized: 0.05 },
  geometry: { position: [0.05, 0.85], widthNormalized: 0.6, heightNormalized: 0.1 },
});
const logo = new CasterComponent("logo", {
  casterId: studio.casterId, locationId: "RC02", componentType: "image", image: { materialId: "logo01" },
  geometry: { position: [0.95, 0.05], anchor: "topRight", widthNormalized: 0.1 },
});
const ticker = new CasterComponent("ticker", {
  casterId: studio.casterId, locationId: "RC03", componentType: "text", effect: "animateH",
  text: { text: "Next: the evening news" },
  geometry: { position: [0, 0.95], widthNormalized: 1, heightNormalized: 0.05 },
});

const pgm = new CasterSceneBinding("pgm", {
  casterId: studio.casterId, scene: "PGM",
  layoutId: pgmLayout === "split" ? layouts.split.layoutId : layouts.pip.layoutId,
  componentIds: [lowerThird.componentId, logo.componentId],
});
const pvw = new CasterSceneBinding("pvw", {
  casterId: studio.casterId, scene: "PVW", layoutId: layouts.split.layoutId, componentIds: [ticker.componentId],
});

const show = new CasterEpisode("show", {
  casterId: studio.casterId,
  episodeName: "Evening show",
  resourceId: camera.resourceId,
  componentIds: [lowerThird.componentId],
  startTime: "2030-12-24T20:00:00Z",
  endTime: "2030-12-24T21:00:00Z",
});

export const casterId = studio.casterId;
export const episodeId = show.episodeId;
export const layoutIds = { pip: layouts.pip.layoutId, split: layouts.split.layoutId };
export const componentIds = [lowerThird.componentId, logo.componentId, ticker.componentId];
export const pgmSceneId = pgm.sceneId;
export const pvwSceneId = pvw.sceneId;
