import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { diffStudioFiles } from "./diff";
import { renderHtml, renderSvg } from "./render";
import { StudioFileDefinition } from "./schema";
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

/** The diff in words: channels set, freed, moved to another source, retouched; how a file starts is no change. */
describe("studio file: the channels' diff in words", () => {
  const file = () => example() as StudioFileDefinition;
  const changesOf = (edit: (file: Record<string, any>) => void) => {
    const after = file();
    edit(after);
    return diffStudioFiles(file(), after as StudioFileDefinition).filter((change) => change.subject.startsWith("channel "));
  };

  test("a channel set, one freed, one moved to another source with new retouching", () => {
    expect(changesOf((after) => {
      after.channels.RV03 = { source: "RV01", faceBeauty: "2", playStatus: "pause" };
      after.channels.RV01 = { source: "RV02", faceBeauty: "3", playStatus: "pause", seekOffset: 1500 };
      delete after.channels.RV02;
      after.layouts["titles-over-camera"].videoLayers[1].locationId = "RV03";
      after.layouts["titles-over-camera"].audioLayers[0].locationId = "RV03";
    })).toEqual([
      {
        subject: "channel RV01", action: "update",
        summary: 'Channel RV01 now plays RV02 "Opening titles" instead of RV01 "Main camera" and now has dark circle removal instead of skin smoothing (in place).',
        details: ["The file starts paused, 1.5 s in."],
      },
      { subject: "channel RV02", action: "remove", summary: 'Channel RV02 freed: it no longer plays RV02 "Opening titles", and a layout that shows it shows nothing there.', details: [] },
      { subject: "channel RV03", action: "add", summary: 'Channel RV03 set: it plays RV01 "Main camera".', details: ["Skin whitening.", "Starts paused."] },
    ]);
  });

  test("how a file starts, changed alone, and retouching left out are no change (never compared)", () => {
    expect(changesOf((after) => {
      after.channels.RV02.seekOffset = 9000;
      delete after.channels.RV01.faceBeauty;
    })).toEqual([]);
  });

  test("a new studio sets every channel again", () => {
    expect(changesOf((after) => {
      after.caster.new.casterTemplate = "lp_ld";
      after.caster.new.normType = 6;
    }).map((change) => `${change.action}: ${change.summary}`)).toEqual([
      "replace: Channel RV01 is set again on the new studio.",
      "replace: Channel RV02 is set again on the new studio.",
    ]);
  });
});

/** The picture and the page: which source plays on which channel, and layouts drawn with what their channels play. */
describe("studio file: channels in the picture and the page", () => {
  const file = () => {
    const layout = example();
    // The titles on channel RV05 too: a channel's number is not its source's position.
    layout.channels.RV05 = { source: "RV02" };
    layout.layouts["titles-over-camera"].videoLayers[1].locationId = "RV05";
    return layout as StudioFileDefinition;
  };

  test("a source's card says the channels that play it; a layer shows its channel's source", () => {
    const svg = renderSvg(file());
    // On the card (its tooltip in full): the channels that play the source.
    expect(svg).toContain(">channel RV01<");
    expect(svg).toContain("<title>RV02 · VOD file\nOpening titles\nchannels RV02, RV05<");
    // The layer on channel RV05 is drawn with the titles' name and kind, not as "no source" at position RV05.
    expect(svg).toContain("Layer 2 of 2 (top): channel RV05: RV02 &quot;Opening titles&quot; (VOD file)");
    expect(svg).not.toContain("no source");
  });

  test("the page lists the channels, each with its source and settings", () => {
    const html = renderHtml(file());
    expect(html).toContain('<h2 id="channels">Channels</h2>');
    const rows = [...html.matchAll(/<tr data-channel="([^"]+)">([\s\S]*?)<\/tr>/g)].map((match) => `${match[1]}: ${match[2].replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim()}`);
    expect(rows).toEqual([
      "RV01: RV01 RV01 Main camera (live stream) skin smoothing",
      "RV02: RV02 RV02 Opening titles (VOD file) starts paused, 2 s in",
      "RV05: RV05 RV02 Opening titles (VOD file) —",
    ]);
    expect(html).toContain('channel RV01: RV01 &quot;Main camera&quot; (live stream)');
  });

  test("a file without channels is drawn as before", () => {
    const without = example();
    delete without.channels;
    without.caster.new.channelMode = false;
    expect(renderHtml(without as StudioFileDefinition)).not.toContain("channel");
  });
});
