import { CasterComponent } from "pulumi-alicloud-caster";

const casterId = "LIVEPRODUCER_POST-cn-0pp1czt1234";

// A lower third: a text over the picture.
const lowerThird = new CasterComponent("lower-third", {
  casterId,
  locationId: "RC01",
  componentName: "Lower third",
  componentType: "text",
  geometry: { position: [0.05, 0.76], widthNormalized: 0.55, heightNormalized: 0.1 },
  text: { text: "Live from Hangzhou", color: "0xffffff", sizeNormalized: 0.06 },
});

// The station logo: an image from the media library, in the top-right corner.
new CasterComponent("logo", {
  casterId,
  locationId: "RC02",
  componentName: "Logo",
  componentType: "image",
  geometry: { position: [0.97, 0.04], anchor: "topRight", widthNormalized: 0.12, heightNormalized: 0.12 },
  image: { materialId: "brand-logo-2026" },
});

export const lowerThirdId = lowerThird.componentId;
