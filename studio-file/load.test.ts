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
      'studio.yaml:3:5 sources.RV1.resourcename: resourcename "Guest" is given, but resourcename is not a property of a source: use resourceName.',
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
    expect(problemsOf(text)).toEqual(["studio.yaml:3:3 sources.RV01: RV01 is listed twice (first on line 2); keep one of them."]);
    // The rest of the file is still checked, so one run lists everything.
    expect(problemsOf(text.replace("b.png", "b.gif"))).toEqual([
      "studio.yaml:3:3 sources.RV01: RV01 is listed twice (first on line 2); keep one of them.",
      expect.stringMatching(/^studio\.yaml:3:\d+ sources\.RV01\.imageUrl: imageUrl "https:\/\/media\.example\.com\/b\.gif" is not allowed/),
    ]);
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
      "studio.yaml:2:3 caster.id: id is not a caster key (casterId: the studio's ID, or config: a stack config key holding it); remove it, or use one of casterId, config.",
    ]);
    expect(problemsOf(lines("caster:", "  casterid: a"))).toEqual([
      "studio.yaml:2:3 caster.casterid: casterid is not a caster key (casterId: the studio's ID, or config: a stack config key holding it): use casterId.",
    ]);
    expect(problemsOf(lines("caster: { casterId: 'no spaces allowed' }"))[0]).toMatch(/^studio\.yaml:1:21 caster\.casterId: casterId "no spaces allowed" is not allowed/);
  });

  test("every bad item and every rule is reported in one run, not the first of each", () => {
    const text = lines(
      "sources:",
      "  RV01:",
      "    resourceName: ''",
      "    imageUrl: https://media.example.com/logo.png",
      "    repeatNum: 2",
      "episodeGroups:",
      "  night:",
      "    startTime: 2030-12-24T23:00:00Z",
      "    items:",
      "      - { itemName: A, vodUrl: 'https://media.example.com/a.mov' }",
      "      - { itemName: B, vodUrl: 'https://media.example.com/b.mp4', extra: 1 }",
      "      - { itemName: C, vodUrl: 'https://media.example.com/c.gif' }",
    );
    expect(problemsOf(text).map((problem) => problem.split(": ")[0])).toEqual([
      "studio.yaml:3:19 sources.RV01.resourceName",
      "studio.yaml:5:16 sources.RV01.repeatNum",
      "studio.yaml:10:32 episodeGroups.night.items[0].vodUrl",
      "studio.yaml:11:9 episodeGroups.night.items[1]",
      "studio.yaml:12:32 episodeGroups.night.items[2].vodUrl",
    ]);
    expect(problemsOf(text)[3]).toContain("an item has only itemName and vodUrl; remove extra.");
  });

  test("sections left empty are empty; an entry left empty is told what it needs", () => {
    expect(parseLayout(lines("sources:", "episodeGroups: ~"), "studio.yaml").problems).toEqual([]);
    expect(problemsOf(lines("sources:", "  RV01:"))).toEqual([
      "studio.yaml:2:3 sources.RV01: sources.RV01 is empty: give it resourceName and one of liveStreamUrl, materialId, vodUrl, imageId, imageUrl, or remove it.",
    ]);
  });

  test("a number or a boolean where text belongs is told to quote it", () => {
    expect(problemsOf(lines("sources:", "  RV01: { resourceName: 2026, imageId: true }"))).toEqual([
      'studio.yaml:2:25 sources.RV01.resourceName: resourceName must be a string, got number 2026: use a string. In YAML, quote it: "2026".',
      'studio.yaml:2:40 sources.RV01.imageId: imageId must be a string, got boolean true: use a string. In YAML, quote it: "true".',
    ]);
  });

  test("YAML anchors and merge keys share settings between sources", () => {
    const text = lines(
      "sources:",
      "  RV01: &reel { resourceName: Reel A, vodUrl: 'https://media.example.com/a.mp4', repeatNum: -1 }",
      "  RV02:",
      "    <<: *reel",
      "    resourceName: Reel B",
    );
    expect(parseLayout(text, "studio.yaml").layout?.sources?.RV02).toEqual({ resourceName: "Reel B", vodUrl: "https://media.example.com/a.mp4", repeatNum: -1 });
  });

  test("what YAML would read differently is refused: a second document, a tag, YAML 1.1", () => {
    expect(problemsOf(lines("sources: {}", "---", "sources: {}"))).toEqual([
      "studio.yaml:2:1 (layout): a layout file holds one studio: remove the second --- and what follows, or move it to a file of its own.",
    ]);
    expect(problemsOf(lines("sources:", "  RV01: { resourceName: A, imageId: !secret logo }"))).toEqual([
      "studio.yaml:2:37 (layout): Unresolved tag: !secret: a layout uses plain YAML values; remove the tag.",
    ]);
    expect(problemsOf(lines("%YAML 1.1", "---", "sources: {}"))[0]).toContain("use YAML 1.2: remove the %YAML 1.1 line");
  });

  test("a URL may come from the stack's secret config; the reference is checked, the URL later", () => {
    const text = lines(
      "sources:",
      "  RV01: { resourceName: Cam, liveStreamUrl: { secret: mainCameraUrl } }",
      "episodeGroups:",
      "  night:",
      "    startTime: 2030-12-24T23:00:00Z",
      "    callbackUrl: { secret: 'my-project:callbackUrl' }",
      "    items: [{ itemName: Replay, vodUrl: { secret: replayUrl } }, { itemName: Bad, vodUrl: 'ftp://x.mp4' }]",
    );
    expect(problemsOf(text)).toEqual([
      expect.stringMatching(/^studio\.yaml:7:\d+ episodeGroups\.night\.items\[1\]\.vodUrl: items\[1\]\.vodUrl "ftp:\/\/x\.mp4" is not allowed/),
    ]);
    expect(parseLayout(text.replace("'ftp://x.mp4'", "'https://m.example.com/x.mp4'"), "studio.yaml").layout?.sources?.RV01.liveStreamUrl).toEqual({ secret: "mainCameraUrl" });

    expect(problemsOf(lines("sources:", "  RV01: { resourceName: Cam, liveStreamUrl: { secret: 'not a key' } }"))).toEqual([
      'studio.yaml:2:55 sources.RV01.liveStreamUrl.secret: secret "not a key" is not allowed: use a stack config key such as casterId or my-project:casterId.',
    ]);
    expect(problemsOf(lines("sources:", "  RV01: { resourceName: Cam, liveStreamUrl: { sekret: camUrl } }"))).toEqual([
      'studio.yaml:2:45 sources.RV01.liveStreamUrl: liveStreamUrl {"sekret":"camUrl"} is not allowed: give the URL, or { secret: <stack config key> } for one kept in the stack\'s secret config.',
    ]);
    // The rules across fields still see the secret as a source, and say so by its key.
    expect(problemsOf(lines("sources:", "  RV01: { resourceName: Cam, liveStreamUrl: { secret: camUrl }, vodUrl: 'https://m.example.com/a.mp4' }"))).toEqual([
      expect.stringContaining("sources.RV01.vodUrl: a source plays one thing, but liveStreamUrl and vodUrl are both set (liveStreamUrl={ secret: camUrl }, vodUrl="),
    ]);
  });

  test("a byte-order mark does not shift the columns", () => {
    expect(problemsOf("\uFEFFstudio: 1\n")).toEqual(["studio.yaml:1:1 studio: studio is not a layout key; remove it, or use one of $schema, caster, sources, episodeGroups."]);
  });

  test("a signed URL's signature never reaches a message, a YAML syntax error's included", () => {
    const syntax = problemsOf(lines("sources:", "  RV01:", "    resourceName: Cam", "    liveStreamUrl: |rtmp://push.example.com/live/cam?auth_key=1767225600-0-0-abcdef"));
    expect(syntax.join("\n")).not.toContain("abcdef");
    expect(syntax.join("\n")).toContain("auth_key=***");
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

  test("an object layout may hold values still to come (Outputs, promises) and Dates: the resources check those once known", () => {
    const pending = { __pulumiOutput: true };
    const layout = {
      sources: { RV01: { resourceName: "Cam", liveStreamUrl: pending } },
      episodeGroups: { night: { startTime: new Date("2030-12-24T23:00:00Z"), items: Promise.resolve([]) } },
    };
    expect(checkLayoutObject(layout, "layout")).toEqual({ file: "layout", layout, problems: [] });
    // Known values beside them are still checked.
    expect(checkLayoutObject({ sources: { RV1: { resourceName: "Cam", liveStreamUrl: pending } } }, "layout").problems.map(formatProblem)).toEqual([
      'layout sources.RV1: "RV1" is not allowed as a key of sources: use a layout position from RV01 to RV99, always two digits (RV07, not RV7).',
    ]);
  });

  test("throws a LayoutError listing every problem", () => {
    expect(() => loadLayout({ sources: { RV100: { resourceName: "" } } } as never)).toThrow(LayoutError);
    expect(() => loadLayout("/nonexistent/studio.yaml")).toThrow("/nonexistent/studio.yaml (layout): cannot read the layout: no such file.");
  });
});
