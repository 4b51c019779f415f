import { Caster, CasterVideoResource } from "pulumi-alicloud-caster";

// A studio of its own, configured and on air.
const studio = new Caster("main", {
  casterName: "Evening show",
  normType: 1,                      // 1 general, 6 carousel
  casterTemplate: "lp_hd",
  domainName: "live.example.com",   // StartCaster needs one
  delaySeconds: 3,
  running: true,                    // StartCaster; false stops it
});

new CasterVideoResource("camera", {
  casterId: studio.casterId,
  resourceName: "Main camera",
  locationId: "RV01",
  liveStreamUrl: "rtmp://push.example.com/studio/main-camera",
});

export const casterId = studio.casterId;
export const pgmSceneId = studio.pgmSceneId;
