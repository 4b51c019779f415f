import { checkLayoutObject, formatProblem, LayoutError, loadLayout, parseLayout } from "./load";

const lines = (...text: string[]) => `${text.join("\n")}\n`;
const problemsOf = (text: string, file = "studio.yaml") => parseLayout(text, file).problems.map(formatProblem);

describe("parseLayout", () => {
  test("a valid layout comes back as written, with no problems", () => {
    const loaded = parseLayout(
      lines(
        "caster: { casterId: LIVEPRODUCER_POST-cn-0pp1czt1234 }",
        "sources:",
        "  RV02:",
        "    resourceName: Intro reel",
        "    vodUrl: https://media.example.com/intro.mp4",
        "    repeatNum: -1",
        "episodeGroups:",
        "  night:",
        "    startTime: 2030-12-24T23:00:00Z",
        "    items: [{ itemName: Replay, vodUrl: 'https://media.example.com/replay.ts' }]",
      ),
      "studio.yaml",
    );
    expect(loaded.problems).toEqual([]);
    expect(loaded.layout).toEqual({
      caster: { casterId: "LIVEPRODUCER_POST-cn-0pp1czt1234" },
      sources: { RV02: { resourceName: "Intro reel", vodUrl: "https://media.example.com/intro.mp4", repeatNum: -1 } },
      // YAML 1.2 keeps an unquoted time as text, so the zone survives for the provider to normalise.
      episodeGroups: { night: { startTime: "2030-12-24T23:00:00Z", items: [{ itemName: "Replay", vodUrl: "https://media.example.com/replay.ts" }] } },
    });
  });

  test("an empty file is an empty studio", () => {
    expect(parseLayout("", "empty.yaml")).toEqual({ file: "empty.yaml", layout: {}, problems: [] });
  });

  test("every problem is listed, in file order, each at the line and column of the value at fault", () => {
    const text = lines(
      "caster:",
      "  config: casterId",
      "sources:",
      "  RV03:",
      "    resourceName: Station logo",
      "    imageUrl: https://media.example.com/logo.gif",
      "  RV01:",
      "    resourceName: Main camera",
      "    liveStreamUrl: rtmp://push.example.com/live/main",
      "    repeatNum: -1",
      "episodeGroups:",
      "  night:",
      "    startTime: tomorrow",
      "    items:",
      "      - itemName: Replay",
      "        vodUrl: https://media.example.com/replay.mov",
    );
    expect(problemsOf(text)).toEqual([
      'studio.yaml:6:15 sources.RV03.imageUrl: imageUrl "https://media.example.com/logo.gif" is not allowed: use an http(s) URL of a JPG or PNG image (the path must end in .jpg, .jpeg or .png).',
      "studio.yaml:10:16 sources.RV01.repeatNum: repeatNum -1 applies only to files (vodUrl or materialId), not to liveStreamUrl; remove it.",
      'studio.yaml:13:16 episodeGroups.night.startTime: startTime "tomorrow" is not allowed: use an ISO 8601 time with its zone, e.g. 2026-12-24T20:00:00Z or 2026-12-25T04:00:00+08:00 (or pass a Date).',
      'studio.yaml:16:17 episodeGroups.night.items[0].vodUrl: items[0].vodUrl "https://media.example.com/replay.mov" is not allowed: use an http(s) URL of an MP4, FLV or TS file (the path must end in .mp4, .flv or .ts).',
    ]);
  });

  test("a wrong key is pointed at, with the key it probably meant", () => {
    const text = lines("Sources:", "  RV1:", "    resourcename: Guest", "    liveStreamUrl: rtmp://push.example.com/live/guest");
    expect(problemsOf(text)).toEqual(["studio.yaml:1:1 Sources: Sources is not a layout key: use sources."]);
    const fixed = text.replace("Sources", "sources");
    expect(problemsOf(fixed)).toEqual([
      'studio.yaml:2:3 sources.RV1: "RV1" is not allowed as a key of sources: use a layout position from RV01 to RV99, always two digits (RV07, not RV7).',
      'studio.yaml:3:5 sources.RV1.resourcename: resourcename "Guest" is given, but resourcename is not a property of this resource: use resourceName.',
      // Left out: pointed at the entry that lacks it.
      "studio.yaml:2:3 sources.RV1.resourceName: resourceName is required: set it to the source's display name, 1 to 128 characters.",
    ].sort((a, b) => a.localeCompare(b, "en", { numeric: true })));
  });

  test("a source with two things to play, and one with none, are told which to keep", () => {
    const text = lines(
      "sources:",
      "  RV01:",
      "    resourceName: Camera",
      "    liveStreamUrl: rtmp://push.example.com/live/cam",
      "    vodUrl: https://media.example.com/cam.mp4",
      "  RV02:",
      "    resourceName: Nothing",
    );
    const problems = problemsOf(text);
    expect(problems[0]).toMatch(/^studio\.yaml:5:13 sources\.RV01\.vodUrl: a source plays one thing, but liveStreamUrl and vodUrl are both set/);
    expect(problems[1]).toMatch(/^studio\.yaml:6:3 sources\.RV02\.liveStreamUrl: no source is set; set exactly one of liveStreamUrl, materialId, vodUrl, imageId, imageUrl/);
  });

  test("a position listed twice is an error, not a silent last-one-wins", () => {
    const text = lines(
      "sources:",
      "  RV01: { resourceName: A, imageUrl: 'https://media.example.com/a.png' }",
      "  RV01: { resourceName: B, imageUrl: 'https://media.example.com/b.png' }",
    );
    expect(problemsOf(text)).toEqual(["studio.yaml:3:3 (layout): Map keys must be unique"]);
  });

  test("YAML syntax errors carry their position", () => {
    expect(problemsOf(lines("sources:", "  RV01: [resourceName: A", "caster: x"))).toEqual([
      expect.stringMatching(/^studio\.yaml:3:1 \(layout\): /),
    ]);
  });

  test("a JSON layout is read the same, with positions", () => {
    const text = JSON.stringify({ sources: { RV09: { resourceName: "Guest", liveStreamUrl: "ftp://x" } } }, null, 2);
    expect(problemsOf(text, "studio.json")).toEqual([
      'studio.json:5:24 sources.RV09.liveStreamUrl: liveStreamUrl "ftp://x" is not allowed: use a stream URL starting with rtmp://, rtmps://, http://, https://, artc:// or srt://.',
    ]);
  });

  test("caster takes exactly one of casterId and config", () => {
    expect(problemsOf(lines("caster:", "  casterId: a", "  config: b"))).toEqual([
      "studio.yaml:2:3 caster: caster takes one of casterId and config, not both and not neither: keep the one that says where the studio's ID is.",
    ]);
    expect(problemsOf(lines("caster:", "  id: a"))).toEqual([
      "studio.yaml:2:3 caster.id: id is not a caster key; give casterId (the studio's ID) or config (a stack config key holding it).",
    ]);
    expect(problemsOf(lines("caster: { casterId: 'no spaces allowed' }"))[0]).toMatch(/^studio\.yaml:1:21 caster\.casterId: casterId "no spaces allowed" is not allowed/);
  });

  test("a signed URL's signature never reaches a message", () => {
    const text = lines("sources:", "  RV01:", "    resourceName: Cam", "    liveStreamUrl: ftp://push.example.com/live/cam?auth_key=1767225600-0-0-abcdef");
    const [problem] = problemsOf(text);
    expect(problem).toContain("auth_key=***");
    expect(problem).not.toContain("abcdef");
  });
});

describe("loadLayout", () => {
  test("an object layout is checked the same way, named without a position", () => {
    expect(checkLayoutObject({ sources: { RV01: { resourceName: "A" } } }, 'StudioLayout "studio" layout').problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^StudioLayout "studio" layout sources\.RV01\.liveStreamUrl: no source is set/),
    ]);
  });

  test("throws a LayoutError listing every problem", () => {
    expect(() => loadLayout({ sources: { RV100: { resourceName: "" } } } as never)).toThrow(LayoutError);
    expect(() => loadLayout("/nonexistent/studio.yaml")).toThrow("/nonexistent/studio.yaml (layout): cannot read the layout: no such file.");
  });
});
