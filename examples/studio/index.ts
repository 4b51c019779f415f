import * as pulumi from "@pulumi/pulumi";
import { CasterEpisodeGroup, CasterVideoResource } from "pulumi-alicloud-caster";

// The studio itself comes from elsewhere (the console, or alicloud.live.Caster); its ID is config.
const casterId = new pulumi.Config().require("casterId");

const mainCamera = new CasterVideoResource("main-camera", {
  casterId,
  resourceName: "Main camera",
  locationId: "RV01",
  // A signed push URL: stored as a secret because it carries auth_key.
  liveStreamUrl: "rtmp://push.example.com/studio/main-camera?auth_key=1767225600-0-0-5f2b6c1d8e9a4b3c7d0e1f2a3b4c5d6e",
});

const introReel = new CasterVideoResource("intro-reel", {
  casterId,
  resourceName: "Intro reel",
  locationId: "RV02",
  vodUrl: "https://media.example.com/reels/intro.mp4",
  beginOffset: 1_000,
  endOffset: -2_000,
  repeatNum: -1,
});

const stationLogo = new CasterVideoResource("station-logo", {
  casterId,
  resourceName: "Station logo",
  locationId: "RV03",
  imageUrl: "https://media.example.com/brand/logo.png",
});

// A carousel playlist for the evening: the studio's domain and callback come from its config.
const eveningLoop = new CasterEpisodeGroup("evening-loop", {
  casterId,
  startTime: "2030-12-24T20:00:00+08:00",
  repeatNum: -1,
  items: [
    { itemName: "Opening titles", vodUrl: "https://media.example.com/loop/opening.mp4" },
    { itemName: "Highlights", vodUrl: "https://media.example.com/loop/highlights.flv" },
    { itemName: "Station ident", vodUrl: "https://media.example.com/loop/ident.ts" },
  ],
});

export const studio = casterId;
export const eveningProgram = { programId: eveningLoop.programId, itemIds: eveningLoop.itemIds };
export const sources = pulumi
  .all([mainCamera, introReel, stationLogo].map((source) =>
    pulumi.all([source.locationId, source.resourceName, source.resourceId])))
  .apply((rows) => rows.map(([location, name, resourceId]) => `${location} ${name} (${resourceId})`));
