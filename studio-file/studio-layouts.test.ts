import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { findLayoutProblems } from "./validate";
import { withSecretsAsText } from "./schema";
import { adoptedObjects, diffStudioFiles } from "./diff";
import { renderHtml, renderSvg } from "./render";

const EXAMPLE = path.resolve(__dirname, "..", "docs", "examples", "caster-studio-layout.studio.yaml");
const example = () => parse(fs.readFileSync(EXAMPLE, "utf8")) as Record<string, any>;
const messages = (file: unknown) => findLayoutProblems(file, { now: Date.parse("2030-01-01T00:00:00Z") }).map((problem) => `${problem.path.join(".")}: ${problem.message}`);

describe("the studio file's studioLayouts section", () => {
  test("the docs' example virtual studio, with its two studio layouts, validates", () => {
    expect(messages(example())).toEqual([]);
    expect(withSecretsAsText(example()).studioLayouts).toHaveLength(2);
  });

  test("a layout is checked as the CasterStudioLayout resource checks it, at its place in the list", () => {
    const file = example();
    delete file.studioLayouts[0].background;
    expect(messages(file)).toEqual(["studioLayouts.0.background: layoutType studio needs background and chromaKeyInputs; set background, or change layoutType."]);
  });

  test("two layouts of one name are refused: a layout is known by its name", () => {
    const file = example();
    file.studioLayouts[1].layoutName = "News desk";
    expect(messages(file)).toEqual([
      "studioLayouts.1.layoutName: studioLayouts[1] and studioLayouts[0] are both named \"News desk\": a studio layout is known by its name (that is how a lost reply is found again); rename one.",
    ]);
  });

  test("a studio layout on a studio that is not a virtual studio is refused", () => {
    const file = example();
    file.caster.new.normType = 1;
    expect(messages(file)).toEqual([
      "studioLayouts.0: a studio layout needs a virtual studio (normType 4): AddStudioLayout refuses any other, and the studio's normType is 1; set normType: 4 on the studio, or remove the studio layouts.",
    ]);
  });

  test("adopt.studioLayouts names declared layouts by layoutName", () => {
    const file = { ...example(), adopt: { caster: "LIVEPRODUCER_POST-cn-0pp1czt1234", studioLayouts: { "News desk": "445409ec-7eaa-461d-8f29-4bec2eb91234", Tall: "x1" } } };
    expect(messages(file)).toEqual([
      "adopt.studioLayouts.Tall: \"Tall\" is not the layoutName of a studio layout of this file: adopt takes over what the file declares; use one of \"News desk\", \"Wide\".",
    ]);
  });
});

describe("studio layouts in the picture and the page", () => {
  const layoutGroup = (svg: string, name: string) => {
    const start = svg.indexOf(`data-studio-layout="${name}"`);
    expect(start).toBeGreaterThan(-1);
    const end = svg.indexOf("data-studio-layout=", start + 1);
    return svg.slice(start, end === -1 ? undefined : end);
  };

  test("a studio layout is drawn as the screen shows it: the background, the media inputs at their boxes, the presenters keyed on top", () => {
    const svg = renderSvg(example());
    expect(svg).toMatch(/data-part="summary">[^<]* · 2 studio layouts</);
    const desk = layoutGroup(svg, "News desk");
    expect(desk).toContain('data-layout-type="studio"');
    expect(desk).toMatch(/data-layer="background" data-box="0 0 1 1"/);
    expect(desk).toMatch(/data-layer="media" data-index="1" data-box="0.6 0.15 0.35 0.35"/);
    // Placed by its top-left corner, as high as declared; its width is assumed (the API gives none).
    expect(desk).toMatch(/data-presenter="RV01" data-index="1" data-box="0.1 0.3 0.\d+ 0.65"/);
    expect(desk).toMatch(/data-presenter="RV02" data-index="2" data-box="0.35 0.3 0.\d+ 0.65"/);
    const order = ['data-layer="background"', 'data-layer="media"', 'data-presenter="RV01"', 'data-presenter="RV02"'].map((part) => desk.indexOf(part));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(desk).toContain("Bottom to top: the background &quot;set&quot;, media 1 &quot;clip&quot;, the presenters");
  });

  test("layerOrder decides the stacking: a media input listed under the background is drawn under it", () => {
    const file = example();
    file.studioLayouts[0].layerOrder = [{ type: "media", id: "clip" }, { type: "background", id: "set" }];
    const desk = layoutGroup(renderSvg(file), "News desk");
    expect(desk.indexOf('data-layer="media"')).toBeLessThan(desk.indexOf('data-layer="background"'));
    expect(desk).toContain("Bottom to top: media 1 &quot;clip&quot;, the background &quot;set&quot;, the presenters");
  });

  test("a common layout is its one channel, full screen", () => {
    const wide = layoutGroup(renderSvg(example()), "Wide");
    expect(wide).toMatch(/data-layer="channel" data-channel="RV03" data-box="0 0 1 1"/);
  });

  test("the page lists each studio layout in words; a file without any has no such section", () => {
    const html = renderHtml(example());
    expect(html).toContain('data-part="studio-layouts"');
    expect(html).toContain("Presenter 1: RV01, green key, its top-left corner at (0.1, 0.3), 65% of the set&#39;s height.");
    expect(html).toContain("Media 1: channel RV03, top-right, 35% of the set, its top-left corner at (0.6, 0.15), keeping its shape.");
    expect(html).toContain("Shows channel RV03 full screen.");
    // No URL is drawn or listed: the background is named by what it is.
    const byUrl = example();
    byUrl.studioLayouts[0].background = { id: "set", imageUrl: "https://media.example.com/set.png?auth_key=1-0-0-abc" };
    for (const page of [renderSvg(byUrl), renderHtml(byUrl)]) {
      expect(page).not.toContain("media.example.com");
      expect(page).toContain("an image by its URL");
    }
    const without = { ...example(), studioLayouts: undefined };
    expect(renderSvg(without)).not.toContain("studio-layout");
    expect(renderHtml(without)).not.toContain("studio-layout");
  });
});

describe("studio layouts in the diff's words", () => {
  const changes = (edit: (file: Record<string, any>) => void) => {
    const after = example();
    edit(after);
    return diffStudioFiles(example(), after);
  };

  test("added with the studio, and deleted", () => {
    const added = diffStudioFiles({}, example()).filter((change) => change.subject.startsWith("studio layout"));
    expect(added.map((change) => [change.action, change.summary])).toEqual([
      ["add", "Studio layout \"News desk\" added: studio: 2 presenters keyed over media-library image f080575eb5f4427684fc0715159a1234, 1 media input."],
      ["add", "Studio layout \"Wide\" added: common: channel RV03 as it is."],
    ]);
    expect(added[0].details).toContain("Stacking, bottom first: the background \"set\" and media 1 \"clip\", the presenters on top.");
    expect(changes((file) => file.studioLayouts.splice(1, 1))).toEqual([
      { subject: "studio layout \"Wide\"", action: "remove", summary: "Studio layout \"Wide\" deleted (was common: channel RV03 as it is).", details: [] },
    ]);
  });

  test("a moved presenter and a new background are one ModifyStudioLayout, naming the settings that change", () => {
    expect(changes((file) => {
      file.studioLayouts[0].chromaKeyInputs[0].positionX = 0.4;
      file.studioLayouts[0].background = { id: "set", imageUrl: "https://media.example.com/set.png" };
    })).toEqual([{
      subject: "studio layout \"News desk\"",
      action: "update",
      summary: "Studio layout \"News desk\" updated in place (one ModifyStudioLayout): its background and presenters change.",
      details: [
        "Background: image https://media.example.com/set.png instead of media-library image f080575eb5f4427684fc0715159a1234.",
        "Presenter 1: RV01, green key, its top-left corner at (0.4, 0.3), 65% of the set's height (was RV01, green key, its top-left corner at (0.1, 0.3), 65% of the set's height).",
      ],
    }]);
  });

  test("media inputs and the stacking, added and removed", () => {
    const [change] = changes((file) => {
      file.studioLayouts[0].mediaInputs = undefined;
      file.studioLayouts[0].layerOrder = undefined;
    });
    expect(change.action).toBe("update");
    expect(change.summary).toContain("its media and layer order change");
    expect(change.details).toEqual([
      "Media 1 removed (was channel RV03, top-right, 35% of the set, its top-left corner at (0.6, 0.15), keeping its shape).",
      "Stacking, bottom first: the API's order (was the background \"set\" and media 1 \"clip\").",
    ]);
  });

  test("a new layout type replaces the layout, the old one deleted first", () => {
    const [change] = changes((file) => {
      file.studioLayouts[1] = { layoutName: "Wide", layoutType: "studio", background: { locationId: "RV04" }, chromaKeyInputs: [{ channelId: "RV01", color: "blue", positionX: 0, positionY: 0, heightNormalized: 1 }] };
    });
    expect(change).toMatchObject({ subject: "studio layout \"Wide\"", action: "replace" });
    expect(change.summary).toBe("Studio layout \"Wide\" replaced: its type changes (common: channel RV03 as it is → studio: 1 presenter keyed over source RV04).");
    expect(change.details[0]).toMatch(/deleted first/);
  });

  test("the same layouts, written in another order of keys, are no change", () => {
    expect(changes((file) => {
      const { layoutType, layoutName, ...rest } = file.studioLayouts[1];
      file.studioLayouts[1] = { ...rest, layoutType, layoutName };
    })).toEqual([]);
  });

  test("adopted studio layouts count among the objects a file takes over", () => {
    expect(adoptedObjects({ ...example(), adopt: { caster: "LIVEPRODUCER_POST-cn-0pp1czt1234", studioLayouts: { "News desk": "445409ec-7eaa-461d-8f29-4bec2eb91234", Wide: "x1" } } } as never)).toBe(3);
  });
});
