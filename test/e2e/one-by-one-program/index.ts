import * as pulumi from "@pulumi/pulumi";
import {
  Caster, CasterComponent, CasterEpisode, CasterEpisodeGroup, CasterLayout, CasterSceneBinding, CasterVideoResource,
} from "pulumi-alicloud-caster";

/**
 * A running studio declared resource by resource, as a TypeScript user writes one: 4 sources, 2
 * layouts, 2 components, PGM and PVW bound, 2 episodes and a group. Stack config `problem` adds
 * mistakes that no single resource can see (the whole-studio check's to refuse at preview), one
 * or several, comma-separated;
 * `cameraName` renames a source; `episodeAt: literal` names the guest's position as text
 * (RV02) instead of by the resource.
 */
const config = new pulumi.Config();
const problems = new Set((config.get("problem") ?? "none").split(","));
const problem = (name: string) => problems.has(name);
const cameraName = config.get("cameraName") ?? "Main camera";
const day = config.get("day") ?? "2031-03-01";

const studio = new Caster("studio", {
  casterName: "Declared one by one",
  normType: 1,
  casterTemplate: "lp_sd",
  domainName: "live.example.com",
  running: problem("stopped-with-scenes") ? false : true,
});
const casterId = studio.casterId;

const camera = new CasterVideoResource("camera", { casterId, resourceName: cameraName, locationId: "RV01", liveStreamUrl: "rtmp://push.example.com/live/main" });
const guest = new CasterVideoResource("guest", { casterId, resourceName: "Guest", locationId: "RV02", liveStreamUrl: "rtmp://push.example.com/live/guest" });
new CasterVideoResource("reel", { casterId, resourceName: "Reel", locationId: "RV03", vodUrl: "https://media.example.com/reel.mp4", repeatNum: -1 });
new CasterVideoResource("slate", { casterId, resourceName: "Slate", locationId: problem("taken") ? "RV01" : "RV04", imageUrl: "https://media.example.com/slate.png" });

const pip = new CasterLayout("pip", {
  casterId,
  videoLayers: [
    { locationId: camera.locationId, position: [0, 0], widthNormalized: 1, heightNormalized: 1, fillMode: "fit" },
    { locationId: problem("dangling") ? "RV09" : guest.locationId, position: [0.95, 0.95], anchor: "bottomRight", widthNormalized: 0.3, heightNormalized: 0.3 },
  ],
  audioLayers: [{ locationId: camera.locationId }],
});
const split = new CasterLayout("split", {
  casterId,
  videoLayers: [
    // A literal position of a source of this program: the layout waits for that source.
    { locationId: "RV01", position: [0, 0.25], widthNormalized: 0.5, heightNormalized: 0.5 },
    { locationId: "RV02", position: [0.5, 0.25], widthNormalized: 0.5, heightNormalized: 0.5 },
  ],
});

const lowerThird = new CasterComponent("lower-third", {
  casterId, locationId: "RC01", componentType: "text",
  text: { text: "Live from the studio" },
  geometry: { position: [0.05, 0.85], widthNormalized: 0.6, heightNormalized: 0.1 },
});
const logo = new CasterComponent("logo", {
  casterId, locationId: "RC02", componentType: "image", image: { materialId: "logo01" },
  geometry: { position: [0.95, 0.05], anchor: "topRight", widthNormalized: 0.1 },
});

new CasterSceneBinding("pgm", { casterId, scene: "PGM", layout: pip, components: [lowerThird, logo] });
new CasterSceneBinding("pvw", { casterId, scene: "PVW", layoutId: split.layoutId, componentIds: [logo.componentId] });

new CasterEpisode("news", {
  casterId, episodeName: "News", source: camera, components: [lowerThird],
  startTime: `${day}T20:00:00+08:00`, endTime: `${day}T21:00:00+08:00`,
});
new CasterEpisode("interview", {
  casterId, episodeName: "Interview",
  // As text, the guest's position is looked up when the episode is made: it waits for the guest.
  ...(config.get("episodeAt") === "literal" ? { locationId: "RV02" } : { source: guest }),
  startTime: problem("overlap") ? `${day}T20:30:00+08:00` : problem("past") ? "2020-01-01T20:00:00+08:00" : `${day}T21:00:00+08:00`,
  endTime: problem("reversed") ? `${day}T20:59:00+08:00` : problem("past") ? "2020-01-01T21:00:00+08:00" : `${day}T22:00:00+08:00`,
});
new CasterEpisodeGroup("night-loop", {
  casterId, startTime: `${day}T23:00:00+08:00`, repeatNum: 0,
  items: [{ itemName: "Reel", vodUrl: "https://media.example.com/reel.mp4" }],
});

export const studioId = studio.casterId;
export const cameraId = camera.resourceId;
