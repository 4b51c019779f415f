import { Caster, CasterComponent, CasterLayout, CasterSceneBinding, CasterVideoResource } from "pulumi-alicloud-caster";

// Scenes exist once the studio has been started.
const studio = new Caster("main", { casterName: "Evening show", normType: 1, casterTemplate: "lp_hd", domainName: "live.example.com", running: true });
const camera = new CasterVideoResource("camera", {
  casterId: studio.casterId, resourceName: "Main camera", locationId: "RV01", liveStreamUrl: "rtmp://push.example.com/studio/main-camera",
});
const full = new CasterLayout("full", {
  casterId: studio.casterId,
  videoLayers: [{ locationId: camera.locationId, position: [0, 0], widthNormalized: 1, heightNormalized: 1, fillMode: "fit" }],
});
const lowerThird = new CasterComponent("lower-third", {
  casterId: studio.casterId, locationId: "RC01", componentName: "Lower third", componentType: "text",
  geometry: { position: [0.05, 0.76], widthNormalized: 0.55, heightNormalized: 0.1 },
  text: { text: "Live from Hangzhou" },
});

// What is on air: the layout, with the lower third over it.
new CasterSceneBinding("on-air", {
  casterId: studio.casterId,
  scene: "PGM",
  layout: full,                // the CasterLayout; or layoutId
  components: [lowerThird],    // the CasterComponents, bottom to top; or componentIds
});
