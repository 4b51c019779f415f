import { OperationSpec, OPERATIONS, ReplyObject, ReplyType } from "../live-api";
import { RECORDING_FORMAT_FIELDS } from "../kinds/caster";
import { CAPTION_FIELDS, GEOMETRY_FIELDS, TEXT_FIELDS } from "../kinds/caster-component";
import { AUDIO_LAYER_FIELDS, VIDEO_LAYER_FIELDS } from "../kinds/caster-layout";
import { NestedSpec, sparseReply, sparseRequest, withoutDefaults, writtenOutReply, writtenOutRequest } from "./nested";

/** The object at a dotted path of a reply's shape, a list's item where the path meets a list. */
function shapeAt(action: keyof typeof OPERATIONS, path: string): ReplyObject {
  let shape: ReplyType = (OPERATIONS[action] as OperationSpec).reply;
  for (const key of path.split(".")) {
    shape = (shape as ReplyObject)[key];
    if (Array.isArray(shape)) shape = shape[0];
  }
  return shape as ReplyObject;
}

const replyRoots = (spec: NestedSpec) => Object.values(spec).map((field) => (field.reply ?? field.api).split(".")[0]).sort();

describe("nested field specs against the Live API's replies (model/live-api.ts, which the emulator's replies are held to)", () => {
  // A field the reply carries and no table reads would be lost on read-back: refresh could never see it change.
  test.each([
    ["a video layer", VIDEO_LAYER_FIELDS, "DescribeCasterLayouts", "Layouts.Layout.VideoLayers.VideoLayer"],
    ["an audio layer", AUDIO_LAYER_FIELDS, "DescribeCasterLayouts", "Layouts.Layout.AudioLayers.AudioLayer"],
    ["a component's geometry", GEOMETRY_FIELDS, "DescribeCasterComponents", "Components.Component.ComponentLayer"],
    ["a text component's content", TEXT_FIELDS, "DescribeCasterComponents", "Components.Component.TextLayerContent"],
    ["a recording format", RECORDING_FORMAT_FIELDS, "DescribeCasterConfig", "RecordConfig.RecordFormat.RecordFormat"],
  ] as const)("every field of %s in the reply is read back, and nothing else", (_what, spec, action, path) => {
    expect(replyRoots(spec)).toEqual(Object.keys(shapeAt(action, path)).sort());
  });

  test("a caption's fields are in the reply (which has more, that a caption component does not manage)", () => {
    const reply = Object.keys(shapeAt("DescribeCasterComponents", "Components.Component.CaptionLayerContent"));
    expect(replyRoots(CAPTION_FIELDS).filter((name) => !reply.includes(name))).toEqual([]);
  });

  test("every layer field is a parameter AddCasterLayout and ModifyCasterLayout declare", () => {
    for (const action of ["AddCasterLayout", "ModifyCasterLayout"] as const) {
      const declared = new Set((OPERATIONS[action] as OperationSpec).params.map((param) => param.name));
      for (const [list, spec] of [["VideoLayer", VIDEO_LAYER_FIELDS], ["AudioLayer", AUDIO_LAYER_FIELDS]] as const) {
        for (const field of Object.values(spec as NestedSpec)) {
          expect(declared).toContain(`${list}.N.${field.api}${field.as === "point" ? ".N" : ""}`);
        }
      }
    }
  });
});

describe("a value through its spec", () => {
  test("written out, a layer sent and read back is what was declared, every default filled in", () => {
    const layer = { position: [0.5, 0.25], widthNormalized: 0.3 };
    const sent = writtenOutRequest(VIDEO_LAYER_FIELDS, layer);
    expect(sent).toEqual({ PositionNormalized: ["0.5", "0.25"], PositionRefer: "topLeft", WidthNormalized: "0.3", HeightNormalized: "0", FillMode: "none", FixedDelayDuration: "0" });
    const reply = { PositionNormalizeds: { Position: [0.5, 0.25] }, PositionRefer: "topLeft", WidthNormalized: 0.3, HeightNormalized: 0, FillMode: "none", FixedDelayDuration: 0 };
    const read = writtenOutReply(VIDEO_LAYER_FIELDS, reply);
    expect(read).toEqual({ position: [0.5, 0.25], anchor: "topLeft", widthNormalized: 0.3, heightNormalized: 0, fillMode: "none", fixedDelayDuration: 0 });
    // A studio file writes the position always (the kind requires it), and of the rest only what is not the default.
    expect(withoutDefaults(VIDEO_LAYER_FIELDS, { locationId: "RV01", ...writtenOutReply(VIDEO_LAYER_FIELDS, {}) })).toEqual({ locationId: "RV01", position: [0, 0] });
    expect(withoutDefaults(VIDEO_LAYER_FIELDS, read)).toEqual({ position: [0.5, 0.25], widthNormalized: 0.3 });
  });

  test("sparse, a caption sends and reads back only what it has; a false switch is kept", () => {
    expect(sparseRequest(CAPTION_FIELDS, { sourceLocationId: "RV01", showSourceLanguage: false, color: "0xffffff" }))
      .toEqual({ LocationId: "RV01", ShowSourceLan: false, Color: "0xffffff" });
    expect(sparseReply(CAPTION_FIELDS, { LocationId: "RV01", SourceLan: "", ShowSourceLan: false, SizeNormalized: 0, BorderColor: "", FontName: "KaiTi" }))
      .toEqual({ sourceLocationId: "RV01", showSourceLanguage: false, fontName: "KaiTi" });
  });
});
