import { Caster, CasterChannel, CasterLayout, CasterVideoResource } from "pulumi-alicloud-caster";

// A channel-mode studio: its layouts show channels RV01 to RV12, and each channel plays one source.
const studio = new Caster("desk", {
  casterName: "News desk",
  normType: 1,
  casterTemplate: "lp_sd",
  domainName: "live.example.com",
  channelMode: true,
});

const camera = new CasterVideoResource("camera", {
  casterId: studio.casterId,
  locationId: "RV01",
  resourceName: "Main camera",
  liveStreamUrl: "rtmp://push.example.com/app/camera",
});

const opener = new CasterVideoResource("opener", {
  casterId: studio.casterId,
  locationId: "RV02",
  resourceName: "Opening titles",
  vodUrl: "https://media.example.com/opening.mp4",
});

// The camera on channel RV01, with skin smoothing.
export const cameraChannel = new CasterChannel("channel-1", { casterId: studio.casterId, channelId: "RV01", source: camera, faceBeauty: "1" }).rtmpUrl;

// The titles on channel RV02, waiting paused 2 seconds in: the operator starts them on air.
export const titlesChannel = new CasterChannel("channel-2", { casterId: studio.casterId, channelId: "RV02", source: opener, playStatus: "pause", seekOffset: 2000 }).rtmpUrl;

// In channel mode a layout shows channels: RV01 is channel RV01, whatever it plays. It is made once the channels are set.
new CasterLayout("titles-over-camera", {
  casterId: studio.casterId,
  videoLayers: [
    { locationId: "RV01", position: [0, 0], widthNormalized: 1, heightNormalized: 1, fillMode: "fit" },
    { locationId: "RV02", position: [0.95, 0.95], anchor: "bottomRight", widthNormalized: 0.3, heightNormalized: 0.3 },
  ],
});
