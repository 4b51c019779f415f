import { CasterVideoResource } from "pulumi-alicloud-caster";

// A studio made elsewhere (the console, another stack, `caster-emulator create-studio`).
const casterId = "LIVEPRODUCER_POST-cn-0pp1czt1234";

const camera = new CasterVideoResource("main-camera", {
  casterId,
  resourceName: "Main camera",
  locationId: "RV01",
  liveStreamUrl: "rtmp://push.example.com/studio/main-camera?auth_key=1700000000-0-0-abc", // stored as a secret
});

new CasterVideoResource("intro-reel", {
  casterId,
  resourceName: "Intro reel",
  locationId: "RV02",
  vodUrl: "https://media.example.com/reels/intro.mp4",
  beginOffset: 1_000,   // ms from the first frame
  endOffset: -2_000,    // ms back from the last frame
  repeatNum: -1,        // loop forever
});

export const cameraResourceId = camera.resourceId;
