import { CasterLayout, CasterVideoResource } from "pulumi-alicloud-caster";

const casterId = "LIVEPRODUCER_POST-cn-0pp1czt1234";
const camera = new CasterVideoResource("camera", {
  casterId, resourceName: "Main camera", locationId: "RV01", liveStreamUrl: "rtmp://push.example.com/studio/main-camera",
});
const guest = new CasterVideoResource("guest", {
  casterId, resourceName: "Guest camera", locationId: "RV04", liveStreamUrl: "rtmp://push.example.com/studio/guest-camera",
});

// Picture in picture: the main camera full screen, the guest at the bottom-right.
const pip = new CasterLayout("picture-in-picture", {
  casterId,
  videoLayers: [
    { locationId: camera.locationId, position: [0, 0], widthNormalized: 1, heightNormalized: 1, fillMode: "fit" },
    { locationId: guest.locationId, position: [0.95, 0.95], anchor: "bottomRight", widthNormalized: 0.3, heightNormalized: 0.3 },
  ],
  audioLayers: [{ locationId: camera.locationId }],
});

export const layoutId = pip.layoutId;
