import { CasterComponent, CasterEpisode, CasterVideoResource } from "pulumi-alicloud-caster";

const casterId = "LIVEPRODUCER_POST-cn-0pp1czt1234";
const mainCamera = new CasterVideoResource("camera", {
  casterId, resourceName: "Main camera", locationId: "RV01", liveStreamUrl: "rtmp://push.example.com/studio/main-camera",
});
const lowerThird = new CasterComponent("lower-third", {
  casterId, locationId: "RC01", componentName: "Lower third", componentType: "text",
  geometry: { position: [0.05, 0.76], widthNormalized: 0.55, heightNormalized: 0.1 },
  text: { text: "Evening news" },
});

// From 20:00 to 21:00 the studio shows the main camera, with the lower third over it.
const news = new CasterEpisode("evening-news", {
  casterId,
  episodeName: "Evening news",
  source: mainCamera,          // the CasterVideoResource; or resourceId, or locationId: "RV01"
  components: [lowerThird],    // the CasterComponents, bottom to top; or componentIds
  startTime: "2030-12-24T20:00:00+08:00",
  endTime: "2030-12-24T21:00:00+08:00",
});

export const episodeId = news.episodeId;
