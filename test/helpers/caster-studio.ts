/**
 * The studio the Caster e2e tests declare (test/e2e/caster*.e2e.test.ts), through the e2e
 * program's config: a running studio with a recording, two sources and an episode group in it.
 */
export const UID = "1000000000000001";

export const STUDIO = {
  casterName: "Evening show",
  normType: 1,
  casterTemplate: "lp_sd",
  domainName: "live.example.com",
  delaySeconds: 3,
  callbackUrl: "https://hooks.example.com/caster",
  recording: {
    ossEndpoint: "oss-cn-shanghai.aliyuncs.com",
    ossBucket: "evening-shows",
    formats: [{ format: "mp4", ossObjectPrefix: "record/{AppName}/{StreamName}/{Sequence}", cycleDurationSeconds: 3600 }],
  },
  running: true,
};
export const SOURCES = {
  camera: { casterId: "studio:main", resourceName: "Main camera", locationId: "RV01", liveStreamUrl: "rtmp://push.example.com/live/cam1" },
  reel: { casterId: "studio:main", resourceName: "Intro reel", locationId: "RV02", vodUrl: "https://media.example.com/reels/intro.mp4" },
};
export const EPISODE_GROUPS = {
  evening: {
    casterId: "studio:main",
    startTime: "2030-06-01T18:00:00Z",
    items: [{ itemName: "Opening", vodUrl: "https://media.example.com/evening/opening.mp4" }],
  },
};
