import { Caster, CasterStudioLayout } from "pulumi-alicloud-caster";

// A virtual studio (NormType 4, China site): the only kind of studio that takes studio layouts.
const studio = new Caster("virtual-studio", { casterName: "Virtual news", normType: 4, casterTemplate: "lp_hd" });

// Two presenters keyed out of their green screens, standing in front of a background image, with
// the programme's clip on a screen beside them, drawn over the background.
new CasterStudioLayout("news-desk", {
  casterId: studio.casterId,
  layoutName: "News desk",
  layoutType: "studio",
  background: { id: "set", materialId: "f080575eb5f4427684fc0715159a1234" },
  chromaKeyInputs: [
    { index: 1, channelId: "RV01", color: "green", positionX: 0.1, positionY: 0.3, heightNormalized: 0.65 },
    { index: 2, channelId: "RV02", color: "green", positionX: 0.35, positionY: 0.3, heightNormalized: 0.65, portraitType: 0 },
  ],
  mediaInputs: [{ id: "clip", index: 1, channelId: "RV03", position: [0.6, 0.15], widthNormalized: 0.35, heightNormalized: 0.35 }],
  layerOrder: [{ type: "background", id: "set" }, { type: "media", id: "clip" }],
});

// One channel, full screen, as it is.
new CasterStudioLayout("wide", { casterId: studio.casterId, layoutName: "Wide", layoutType: "common", commonConfig: { channelId: "RV03" } });
