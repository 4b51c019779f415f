import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { checkLayout } from "./validate";

const example = () => parse(fs.readFileSync(path.join(__dirname, "..", "docs", "examples", "caster-channel.studio.yaml"), "utf8")) as Record<string, any>;
const messages = (file: unknown) => checkLayout(file).problems.map((problem) => `${problem.path.join(".")}: ${problem.message}`);

/** The studio file's channels section, checked as the CasterChannel resources are, and across the file. */
describe("studio file: channels", () => {
  test("the documented example validates", () => {
    expect(messages(example())).toEqual([]);
  });

  test("channels need channel mode on the studio the file makes", () => {
    const file = example();
    delete file.caster.new.channelMode;
    expect(messages(file)).toEqual([expect.stringMatching(/^channels: channels exist in channel mode only .* caster\.new\.channelMode is not set: set caster\.new\.channelMode: true, or remove channels\.$/)]);
  });

  test("a channel's source is a source of the file; a live stream takes no playStatus or seekOffset", () => {
    const file = example();
    file.channels.RV01 = { source: "RV01", playStatus: "play" };
    file.channels.RV03 = { source: "RV09" };
    expect(messages(file)).toEqual([
      expect.stringMatching(/^channels\.RV03\.source: source "RV09" is not a source of this file: a channel plays one of the studio's sources/),
      expect.stringMatching(/^channels\.RV01\.playStatus: playStatus "play" applies to a video file only, and source RV01 is a live stream/),
    ]);
  });

  test("bad keys and values name the value and what is allowed", () => {
    const file = example();
    file.channels = { RV13: { source: "RV01" }, RV02: { source: "RV02", faceBeauty: "9", seekOffset: -5 } };
    const found = messages(file);
    expect(found).toEqual(expect.arrayContaining([
      expect.stringMatching(/^channels\.RV13: .*RV13.*RV01 to RV12/),
      expect.stringMatching(/^channels\.RV02\.faceBeauty: .*"9"/),
      expect.stringMatching(/^channels\.RV02\.seekOffset: .*-5/),
    ]));
  });
});

/** Layouts of a channel-mode studio, and a studio whose channel mode the file leaves to the studio. */
describe("studio file: layouts in channel mode", () => {
  test("a layer names a channel the file sets (SetCasterConfig's ChannelEnable: layouts reference the channel), not a source", () => {
    const file = example();
    file.layouts["titles-over-camera"].videoLayers[1].locationId = "RV05";
    file.layouts["titles-over-camera"].audioLayers[0].locationId = "RV14";
    expect(messages(file)).toEqual([
      expect.stringMatching(/^layouts\.titles-over-camera\.videoLayers\.1\.locationId: locationId "RV05" is not a channel of this file: in a channel-mode studio a layout shows channels, each playing a source .*; add channels\.RV05, or use one of RV01, RV02\.$/),
      expect.stringMatching(/^layouts\.titles-over-camera\.audioLayers\.0\.locationId: locationId "RV14" is not a channel: .*RV01 to RV12/),
    ]);
  });

  test("a layer on a channel the file sets is valid though no source is at that position", () => {
    const file = example();
    file.channels.RV07 = { source: "RV02" };
    file.layouts["titles-over-camera"].videoLayers[1].locationId = "RV07";
    expect(messages(file)).toEqual([]);
  });

  test("a studio without channel mode keeps layouts over sources", () => {
    const file = example();
    delete file.channels;
    file.caster.new.channelMode = false;
    file.layouts["titles-over-camera"].videoLayers[1].locationId = "RV05";
    expect(messages(file)).toEqual([expect.stringMatching(/^layouts\.titles-over-camera\.videoLayers\.1\.locationId: locationId "RV05" is not a source of this file/)]);
  });

  test("channelMode left out on an adopted studio is the studio's own (not managed): its channels are not refused", () => {
    const file = example();
    delete file.caster.new.channelMode;
    file.adopt = { caster: "LIVEPRODUCER_POST-cn-0pp1czt1234" };
    expect(messages(file)).toEqual([]);
    // channelMode: false is declared, not left to the studio: still refused.
    file.caster.new.channelMode = false;
    expect(messages(file)).toEqual([expect.stringMatching(/^channels: channels exist in channel mode only .* caster\.new\.channelMode is false/)]);
  });
});
