import { diffStudioFiles, formatChanges } from "./diff";
import { formatProblem, parseLayout } from "./load";
import { renderHtml, renderSvg } from "./render";
import { StudioFileDefinition } from "./schema";

/**
 * The studio file's showList section (issue 26): checked with the CasterShowList kind's own checks
 * (the resource's words, every door equally safe), a signed URL as a stack secret, adopted by the
 * studio's ID; the diff in words; the picture and the page.
 */

const STUDIO = "LIVEPRODUCER_POST-cn-0pp1czt1234";
const lines = (...text: string[]) => `${text.join("\n")}\n`;
const problemsOf = (text: string) => parseLayout(text, "studio.yaml").problems.map(formatProblem);
const layoutOf = (text: string) => {
  const loaded = parseLayout(text, "studio.yaml");
  expect(loaded.problems.map(formatProblem)).toEqual([]);
  return loaded.layout as StudioFileDefinition;
};

const LIST = lines(
  `caster: { casterId: ${STUDIO} }`,
  "showList:",
  "  repeatTimes: -1",
  "  shows:",
  "    - { showName: Opening, resourceType: vod, resourceUrl: 'https://media.example.com/opening.mp4' }",
  "    - { showName: Desk, resourceType: live, resourceUrl: { secret: deskUrl }, duration: 1800 }",
  "    - { showName: Card, resourceType: pic, resourceId: a2b8e671-2fe5-4642-a2ec-bf93880e1234, duration: 60 }",
  "    - { showName: Highlights, resourceType: vod, resourceUrl: 'https://media.example.com/highlights.flv', repeatTimes: 1 }",
);

describe("showList: validation", () => {
  test("a valid list, a secret among its URLs", () => {
    expect(layoutOf(LIST).showList?.shows[1].resourceUrl).toEqual({ secret: "deskUrl" });
  });

  test("each problem in the kind's own words, where it is in the file", () => {
    expect(problemsOf(lines(
      `caster: { casterId: ${STUDIO} }`,
      "showList:",
      "  repeatTimes: -2",
      "  shows:",
      "    - { showName: A, resourceType: film, resourceUrl: 'ftp://media.example.com/a' }",
      "    - { showName: B, resourceType: vod, resourceUrl: { secret: 'not a key' } }",
      "    - { showName: C, resourceType: vod, resoureUrl: 'https://media.example.com/c.mp4' }",
    )).sort()).toEqual([
      "studio.yaml:3:16 showList.repeatTimes: repeatTimes -2 is not allowed: use -1 (forever), 0 (once) or N (N + 1 times).",
      "studio.yaml:6:64 showList.shows[1].resourceUrl.secret: secret \"not a key\" is not allowed: use a stack config key such as casterId or my-project:casterId.",
      "studio.yaml:5:36 showList.shows[0].resourceType: shows[0].resourceType \"film\" is not allowed: use live (a live stream), vod (a file) or pic (an image).",
      "studio.yaml:5:55 showList.shows[0].resourceUrl: shows[0].resourceUrl \"ftp://media.example.com/a\" is not allowed: use the resource's URL: rtmp(s), http(s), artc or srt for a live stream, http(s) for a file or an image.",
      "studio.yaml:7:7 showList.shows[2]: shows[2] {\"showName\":\"C\",\"resourceType\":\"vod\",\"resoureUrl\":\"https://media.example.com/c.mp4\"} is not allowed: a show has showName, resourceType, resourceUrl or resourceId, liveInputType, and duration or repeatTimes; remove resoureUrl.",
    ].sort());
  });

  test("the rules across a show's fields and across the list, a secret named as written", () => {
    expect(problemsOf(lines(
      `caster: { casterId: ${STUDIO} }`,
      "showList:",
      "  shows:",
      "    - { showName: A, resourceType: vod, resourceUrl: { secret: aUrl }, resourceId: a2b8e671, duration: 5, repeatTimes: 1 }",
    ))).toEqual([
      "studio.yaml:4:84 showList.shows[0].resourceId: shows[0]: a show plays one resource, but resourceUrl and resourceId are both set (resourceUrl={ secret: aUrl }, resourceId=\"a2b8e671\"); keep resourceUrl or resourceId.",
      "studio.yaml:4:120 showList.shows[0].repeatTimes: shows[0]: a show plays for a duration or a number of times (AddShowIntoShowList takes only one of them), but duration and repeatTimes are both set (duration=5, repeatTimes=1); keep duration or repeatTimes.",
    ]);
    expect(problemsOf(lines(
      `caster: { casterId: ${STUDIO} }`,
      "showList:",
      "  highPriorityShow: Breaking",
      "  highPriorityShowStartTime: '2030-12-24T20:00:00'",
      "  shows:",
      "    - { showName: A, resourceType: vod, resourceUrl: 'https://media.example.com/a.mp4' }",
      "    - { showName: A, resourceType: vod, resourceUrl: 'https://media.example.com/b.mp4' }",
    ))).toEqual([
      "studio.yaml:3:21 showList.highPriorityShow: highPriorityShow \"Breaking\" is not the showName of any show; use one of \"A\", \"A\".",
      "studio.yaml:7:19 showList.shows[1].showName: shows[1] and shows[0] are both named \"A\": a show is known by its name (that is how a lost reply is found again); rename one.",
    ]);
  });

  test("not a mapping, and an empty list", () => {
    expect(problemsOf(lines(`caster: { casterId: ${STUDIO} }`, "showList: [a]"))).toEqual([
      "studio.yaml:2:11 showList: showList is a mapping of the studio's show list (shows: [{ showName, resourceType, resourceUrl | resourceId, duration | repeatTimes }], repeatTimes, ...), got a list.",
    ]);
    expect(problemsOf(lines(`caster: { casterId: ${STUDIO} }`, "showList: { shows: [] }"))).toEqual([
      "studio.yaml:2:20 showList.shows: shows [] is not allowed: give at least one show; to have none, delete the show list.",
    ]);
  });

  test("adopt.showList: the file's studio, by its ID, and a list the file declares", () => {
    const adopting = (caster: string, id: string, list = true) => problemsOf(lines(caster, ...(list ? LIST.split("\n").slice(1) : []), "adopt:", `  showList: ${id}`));
    expect(adopting(`caster: { casterId: ${STUDIO} }`, STUDIO)).toEqual([]);
    expect(adopting(`caster: { casterId: ${STUDIO} }`, "LIVEPRODUCER_POST-cn-0pp1czt9999")).toEqual([
      `studio.yaml:11:13 adopt.showList: showList "LIVEPRODUCER_POST-cn-0pp1czt9999" is not this file's studio, ${STUDIO}: a show list is taken over by its studio's CasterId (a studio has one list); use ${STUDIO}.`,
    ]);
    expect(adopting(`caster: { casterId: ${STUDIO} }`, STUDIO, false)).toEqual([
      "studio.yaml:3:3 adopt.showList: adopt.showList takes over the studio's show list, but this file declares none: add showList with its shows, or remove adopt.showList.",
    ]);
    expect(adopting("caster: { new: { normType: 6, casterTemplate: lp_sd } }", STUDIO)).toEqual([
      "studio.yaml:11:3 adopt.showList: adopt.showList takes over an existing show list, but the studio this file makes is new and has none: add adopt.caster with the existing studio's CasterId, or remove adopt.showList.",
    ]);
  });
});

describe("showList: the diff in words", () => {
  const before = layoutOf(LIST);
  const changed = (edit: (text: string) => string) => diffStudioFiles(before, layoutOf(edit(LIST)));
  const CARD = "    - { showName: Card, resourceType: pic, resourceId: a2b8e671-2fe5-4642-a2ec-bf93880e1234, duration: 60 }\n";

  test("a list added, every show said; a list removed", () => {
    const none = layoutOf(lines(`caster: { casterId: ${STUDIO} }`));
    expect(diffStudioFiles(none, before)).toEqual([{
      subject: "show list",
      action: "add",
      summary: "Show list added: 4 shows, the list loops forever.",
      details: [
        "Show 1: \"Opening\", a file, https://media.example.com/opening.mp4, once.",
        "Show 2: \"Desk\", a live stream, stack secret deskUrl, for 30 min.",
        "Show 3: \"Card\", an image, media-library asset a2b8e671-2fe5-4642-a2ec-bf93880e1234, for 1 min.",
        "Show 4: \"Highlights\", a file, https://media.example.com/highlights.flv, twice.",
      ],
    }]);
    expect(diffStudioFiles(before, none)).toEqual([{
      subject: "show list",
      action: "remove",
      summary: "Show list removed: its 4 shows (\"Opening\", \"Desk\", \"Card\" and \"Highlights\") are taken off the studio's list.",
      details: [],
    }]);
  });

  test("a show added and one removed: one update in place", () => {
    expect(changed((text) => text.replace(CARD, "").replace("    - { showName: Opening", "    - { showName: Outro, resourceType: vod, resourceUrl: 'https://media.example.com/outro.mp4' }\n    - { showName: Opening"))).toEqual([{
      subject: "show list",
      action: "update",
      summary: "Show list updated in place: \"Outro\" added and \"Card\" removed.",
      details: [
        "\"Outro\" added as show 1: a file, https://media.example.com/outro.mp4, once.",
        "\"Card\" removed (was show 3, an image, media-library asset a2b8e671-2fe5-4642-a2ec-bf93880e1234, for 1 min).",
      ],
    }]);
  });

  test("a show changed is removed and added again; a move names only the show that moves", () => {
    expect(changed((text) => text.replace("duration: 1800", "duration: 900"))[0].details).toEqual([
      "\"Desk\" now plays for 15 min instead of for 30 min: a show cannot be modified, so it is removed and added again.",
    ]);
    const highlightsFirst = (text: string) => {
      const rows = text.split("\n");
      return [...rows.slice(0, 4), rows[7], ...rows.slice(4, 7), ...rows.slice(8)].join("\n");
    };
    expect(changed(highlightsFirst)).toEqual([{
      subject: "show list",
      action: "update",
      summary: "Show list updated in place: \"Highlights\" moved.",
      details: ["New order: \"Highlights\", \"Opening\", \"Desk\", \"Card\" (was \"Opening\", \"Desk\", \"Card\", \"Highlights\")."],
    }]);
    // The same show with its keys in another order is no change.
    expect(changed((text) => text.replace("{ showName: Desk, resourceType: live, resourceUrl: { secret: deskUrl }, duration: 1800 }",
      "{ duration: 1800, resourceUrl: { secret: deskUrl }, showName: Desk, resourceType: live }"))).toEqual([]);
  });

  test("the list's repeat, priority show and background, as a pull-request comment", () => {
    const after = changed((text) => text.replace("repeatTimes: -1", "repeatTimes: 2").replace("  shows:",
      "  highPriorityShow: Desk\n  highPriorityShowStartTime: '2030-12-24T20:00:00'\n  background: { resourceType: pic, resourceUrl: 'https://media.example.com/backdrop.png' }\n  shows:"));
    expect(formatChanges(after)).toBe([
      "### Studio file: 1 change on air",
      "",
      "1 updated in place.",
      "",
      "- Show list updated in place: the list now plays 3 times, the priority show is now \"Desk\" and the background changes.",
      "  - The list now plays 3 times (it loops forever).",
      "  - Priority show: \"Desk\" at 2030-12-24T20:00:00 (the studio's time); the API takes it only before the list starts playing.",
      "  - Background: an image, `https://media.example.com/backdrop.png`.",
      "",
    ].join("\n"));
  });

  test("adopt.showList counts as one object taken over", () => {
    const adopting = layoutOf(`${LIST}adopt:\n  showList: ${STUDIO}\n`);
    expect(formatChanges(diffStudioFiles(before, adopting), { adopting: 1 })).toContain("adopts 1 existing object");
  });
});

describe("showList: the picture and the page", () => {
  const layout = layoutOf(LIST);

  test("the picture draws a card per show, in order, with its number, type, name and length; no URL", () => {
    const svg = renderSvg(layout);
    expect(svg).toContain('data-part="show-list"');
    const shows = [...svg.matchAll(/<g data-show="([^"]+)" data-resource-type="([^"]+)"/g)].map((match) => `${match[1]} ${match[2]}`);
    expect(shows).toEqual(["Opening vod", "Desk live", "Card pic", "Highlights vod"]);
    expect(svg).toContain(">for 30 min<");
    expect(svg).toContain(">plays twice<");
    expect(svg).toContain("4 shows in playing order; the list loops forever · no background");
    expect(svg).toContain("a show list of 4 shows");
    expect(svg).not.toContain("media.example.com");
  });

  test("the page lists every show in a table", () => {
    const html = renderHtml(layout);
    expect(html).toContain('<h2 id="show-list">Show list</h2>');
    const rows = [...html.matchAll(/<tr data-show="([^"]+)">/g)].map((match) => match[1]);
    expect(rows).toEqual(["Opening", "Desk", "Card", "Highlights"]);
    expect(html).toContain("image (media library)");
    expect(html).not.toContain("media.example.com");
  });

  test("a file without a show list is drawn as before", () => {
    const without = layoutOf(lines(`caster: { casterId: ${STUDIO} }`));
    expect(renderSvg(without)).not.toContain("show-list");
    expect(renderHtml(without)).not.toContain("show-list");
  });
});
