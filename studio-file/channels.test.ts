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
