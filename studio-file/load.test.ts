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
    expect(parseLayout("", "empty.yaml")).toEqual({ file: "empty.yaml", layout: {}, problems: [], warnings: [] });
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
    expect(problemsOf(text)).toEqual(["studio.yaml:1:1 Sources: Sources is not a key of a studio file: use sources."]);
    const fixed = text.replace("Sources", "sources");
    expect(problemsOf(fixed)).toEqual([
      'studio.yaml:2:3 sources.RV1: "RV1" is not allowed as a key of sources: use a source position from RV01 to RV99, always two digits (RV07, not RV7).',
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
      expect.stringMatching(/^studio\.yaml:3:1 \(file\): /),
    ]);
  });

  test("a JSON layout is read the same, with positions", () => {
    const text = JSON.stringify({ sources: { RV09: { resourceName: "Guest", liveStreamUrl: "ftp://x" } } }, null, 2);
    expect(problemsOf(text, "studio.json")).toEqual([
      'studio.json:5:24 sources.RV09.liveStreamUrl: liveStreamUrl "ftp://x" is not allowed: use a stream URL starting with rtmp://, rtmps://, http://, https://, artc:// or srt://.',
    ]);
  });

  test("caster takes exactly one of casterId, config and new", () => {
    const forms = "{ casterId: <studio ID> } or { config: <stack config key> } for an existing studio, or { new: { normType, casterTemplate, ... } } for one this layout makes";
    expect(problemsOf(lines("caster:", "  casterId: a", "  config: b"))).toEqual([
      `studio.yaml:2:3 caster: caster takes one of casterId, config, new, not several and not none: keep the one that says which studio this is (${forms}).`,
    ]);
    expect(problemsOf(lines("caster: {}"))).toEqual([
      `studio.yaml:1:9 caster: caster takes one of casterId, config, new, not several and not none: keep the one that says which studio this is (${forms}).`,
    ]);
    expect(problemsOf(lines("caster: LIVEPRODUCER_POST-cn-0pp1czt1234"))).toEqual([
      `studio.yaml:1:9 caster: caster must be ${forms}, got string "LIVEPRODUCER_POST-cn-0pp1czt1234".`,
    ]);
    expect(problemsOf(lines("caster:", "  id: a"))).toEqual([
      "studio.yaml:2:3 caster.id: id is not a caster key (casterId: an existing studio's ID, config: a stack config key holding it, or new: a studio this layout makes); remove it, or use one of casterId, config, new.",
    ]);
    expect(problemsOf(lines("caster:", "  casterid: a"))).toEqual([
      "studio.yaml:2:3 caster.casterid: casterid is not a caster key (casterId: an existing studio's ID, config: a stack config key holding it, or new: a studio this layout makes): use casterId.",
    ]);
    expect(problemsOf(lines("caster: { casterId: 'no spaces allowed' }"))[0]).toMatch(/^studio\.yaml:1:21 caster\.casterId: casterId "no spaces allowed" is not allowed/);
  });

  test("a new studio (caster: new) comes back as written, its signable URLs as secret references", () => {
    const loaded = parseLayout(
      lines(
        "caster:",
        "  new:",
        "    casterName: Evening show",
        "    normType: 1",
        "    casterTemplate: lp_hd",
        "    domainName: live.example.com",
        "    delaySeconds: 3",
        "    callbackUrl: { secret: studioCallbackUrl }",
        "    standbyLiveStreamUrl: { secret: standbyUrl }",
        "    liveTemplates: [lsd, lhd]",
        "    recording: { ossEndpoint: oss-cn-shanghai.aliyuncs.com, ossBucket: shows, formats: [{ format: mp4 }] }",
        "    running: true",
        "    allowStopOnAir: false",
        "sources:",
        "  RV01: { resourceName: Main camera, liveStreamUrl: 'rtmp://push.example.com/live/main' }",
      ),
      "studio.yaml",
    );
    expect(loaded.problems).toEqual([]);
    expect(loaded.layout?.caster).toEqual({
      new: {
        casterName: "Evening show",
        normType: 1,
        casterTemplate: "lp_hd",
        domainName: "live.example.com",
        delaySeconds: 3,
        callbackUrl: { secret: "studioCallbackUrl" },
        standbyLiveStreamUrl: { secret: "standbyUrl" },
        liveTemplates: ["lsd", "lhd"],
        recording: { ossEndpoint: "oss-cn-shanghai.aliyuncs.com", ossBucket: "shows", formats: [{ format: "mp4" }] },
        running: true,
        allowStopOnAir: false,
      },
    });
  });

  test("every problem of a new studio is listed in one run, at its place, the kind's rules across its fields included", () => {
    const text = lines(
      "caster:",
      "  new:",
      "    casterName: Evening show",
      "    normType: 2",
      "    casterTemplate: lp_4k",
      "    delaySeconds: 301",
      "    domainName: not a domain",
      "    callbackUrl: { secret: 'not a key' }",
      "    sideOutputUrl: https://relay.example.com/live",
      "    standbyLiveStreamUrl: { secret: standbyUrl }",
      "    standbyImageUrl: https://media.example.com/standby.png",
      "    recording:",
      "      ossEndpoint: oss-cn-shanghai.aliyuncs.com",
      "      ossBucket: shows",
      "      formats: [{ format: m3u8 }]",
      "    running: yes",
      "    clientToken: my-token",
      "sources:",
      "  RV01: { resourceName: Main camera, liveStreamUrl: 'rtmp://push.example.com/live/main' }",
    );
    expect(problemsOf(text)).toEqual([
      "studio.yaml:4:15 caster.new.normType: normType 2 is not allowed: use 1 for a standard studio, 3 for a lightweight carousel studio (its playlist; China site), 4 for a virtual studio (its studio layouts; China site) or 6 for a carousel studio (its show list; no video sources).",
      'studio.yaml:5:21 caster.new.casterTemplate: casterTemplate "lp_4k" is not allowed: use one of lp_ld, lp_sd, lp_hd, lp_ud, lp_ld_v, lp_sd_v, lp_hd_v, lp_ud_v (ld, sd, hd, ud; _v for portrait), or lp_noTranscode (no transcoding) for a lightweight carousel studio (its playlist; China site), normType 3.',
      "studio.yaml:6:19 caster.new.delaySeconds: delaySeconds 301 is not allowed: use 0 to 300 seconds.",
      'studio.yaml:7:17 caster.new.domainName: domainName "not a domain" is not allowed: use the studio\'s streaming domain, e.g. live.example.com.',
      'studio.yaml:8:28 caster.new.callbackUrl.secret: secret "not a key" is not allowed: use a stack config key such as casterId or my-project:casterId.',
      'studio.yaml:9:20 caster.new.sideOutputUrl: sideOutputUrl "https://relay.example.com/live" is not allowed: use an rtmp:// URL: the studio relays over RTMP only.',
      // The kind's rule: one standby source; a secret reference counts as the URL it stands for.
      // (The rule's own words are the Caster kind's; a secret reference is quoted as written.)
      expect.stringMatching(/^studio\.yaml:11:22 caster\.new\.standbyImageUrl: a studio has one standby source, but standbyLiveStreamUrl and standbyImageUrl are both set .*standbyLiveStreamUrl=\{ secret: standbyUrl \}.*; keep one/),
      expect.stringMatching(/^studio\.yaml:15:\d+ caster\.new\.recording\.formats\[0\]\.sliceOssObjectPrefix: recording\.formats\[0\] records m3u8 .*, which needs sliceOssObjectPrefix/),
      'studio.yaml:16:14 caster.new.running: running must be a boolean, got string "yes": use true to start the studio (on air) or false to stop it.',
      // The ClientToken is always derived: a layout cannot set it.
      expect.stringMatching(/^studio\.yaml:17:5 caster\.new\.clientToken: clientToken "my-token" is given, but clientToken is not a property of a studio; remove it, or use one of casterName, normType, casterTemplate, /),
    ]);
  });

  test("a new studio left out, empty or not a mapping is told what it needs", () => {
    expect(problemsOf(lines("caster:", "  new:"))).toEqual([
      "studio.yaml:2:3 caster.new: caster.new is empty: give the new studio its normType and casterTemplate (and any settings), or use casterId or config for an existing studio.",
    ]);
    expect(problemsOf(lines("caster: { new: lp_hd }"))).toEqual([
      'studio.yaml:1:16 caster.new: caster.new must be a mapping of the new studio\'s properties (normType, casterTemplate, ...), got string "lp_hd".',
    ]);
    expect(problemsOf(lines("caster:", "  new:", "    casterName: Evening show"))).toEqual([
      "studio.yaml:2:3 caster.new.normType: normType is required: set it to 1 a standard studio, 3 a lightweight carousel studio (its playlist; China site), 4 a virtual studio (its studio layouts; China site), 6 a carousel studio (its show list; no video sources).",
      "studio.yaml:2:3 caster.new.casterTemplate: casterTemplate is required: set it to the output resolution template, e.g. lp_sd.",
    ]);
    expect(problemsOf(lines("caster:", "  new: { normType: 1, casterTemplate: lp_sd }", "  config: casterId"))[0]).toContain("caster takes one of casterId, config, new, not several");
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
      "studio.yaml:2:1 (file): a studio file holds one studio: remove the second --- and what follows, or move it to a file of its own.",
    ]);
    expect(problemsOf(lines("sources:", "  RV01: { resourceName: A, imageId: !secret logo }"))).toEqual([
      "studio.yaml:2:37 (file): Unresolved tag: !secret: a studio file uses plain YAML values; remove the tag.",
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

  test("a connection: section for the whole file; a secret put there is refused without being quoted, with the other problems", () => {
    const loaded = parseLayout(lines("connection:", "  profile: production", "  region: cn-beijing", "sources: {}"), "studio.yaml");
    expect(loaded.problems).toEqual([]);
    expect(loaded.layout?.connection).toEqual({ profile: "production", region: "cn-beijing" });
    const problems = problemsOf(lines("connection:", "  profile: production", "  accessKeySecret: do-not-print-me", "  region: Beijing"));
    expect(problems).toHaveLength(2);
    expect(problems.join("\n")).toMatch(/studio\.yaml:3:\d+ .*accessKeySecret.* a connection holds no credentials, since inputs are stored in the state/);
    expect(problems.join("\n")).toMatch(/studio\.yaml:4:\d+ .*region.*use a region ID such as cn-shanghai/);
    expect(problems.join("\n")).not.toContain("do-not-print-me");
  });

  test("a byte-order mark does not shift the columns", () => {
    expect(problemsOf("\uFEFFstudio: 1\n")).toEqual(["studio.yaml:1:1 studio: studio is not a key of a studio file; remove it, or use one of $schema, caster, sources, episodeGroups, layouts, components, scenes, episodes, showList, channels, playlist, studioLayouts, timeZone, connection, adopt."]);
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
    expect(checkLayoutObject(layout, "layout")).toEqual({ file: "layout", layout, problems: [], warnings: [] });
    // Known values beside them are still checked.
    expect(checkLayoutObject({ sources: { RV1: { resourceName: "Cam", liveStreamUrl: pending } } }, "layout").problems.map(formatProblem)).toEqual([
      'layout sources.RV1: "RV1" is not allowed as a key of sources: use a source position from RV01 to RV99, always two digits (RV07, not RV7).',
    ]);
  });

  test("throws a LayoutError listing every problem", () => {
    expect(() => loadLayout({ sources: { RV100: { resourceName: "" } } } as never)).toThrow(LayoutError);
    expect(() => loadLayout("/nonexistent/studio.yaml")).toThrow("/nonexistent/studio.yaml (file): cannot read the file: no such file.");
  });
});

describe("layouts, components and scenes (issue 13)", () => {
  const studio = (running: string) => `caster: { new: { normType: 1, casterTemplate: lp_sd, domainName: live.example.com${running} } }`;
  const sources = [
    "sources:",
    "  RV01: { resourceName: Main camera, liveStreamUrl: 'rtmp://push.example.com/live/main' }",
    "  RV02: { resourceName: Guest camera, liveStreamUrl: 'rtmp://push.example.com/live/guest' }",
  ];

  test("a file with layouts, components and both scenes bound is valid, and comes back as written", () => {
    const loaded = parseLayout(lines(
      studio(", running: true"),
      ...sources,
      "layouts:",
      "  pip:",
      "    videoLayers:",
      "      - { locationId: RV01, position: [0, 0], widthNormalized: 1, heightNormalized: 1, fillMode: fit }",
      "      - { locationId: RV02, position: [0.95, 0.95], anchor: bottomRight, widthNormalized: 0.3, heightNormalized: 0.3 }",
      "    audioLayers: [{ locationId: RV01, volumeRate: 0.5, validChannel: leftChannel }]",
      "components:",
      "  RC01:",
      "    componentType: text",
      "    geometry: { position: [0.05, 0.85], widthNormalized: 0.6, heightNormalized: 0.1, transparency: 200 }",
      "    text: { text: Live, color: '0xffffff', sizeNormalized: 0.05 }",
      "  RC02: { componentType: caption, geometry: { position: [0.5, 0.95], anchor: bottomCenter }, caption: { sourceLocationId: RV02, targetLanguage: en } }",
      "scenes:",
      "  pgm: { layout: pip, components: [RC01, RC02] }",
      "  pvw: { layout: pip }",
    ), "studio.yaml");
    expect(loaded.problems).toEqual([]);
    expect(loaded.layout?.layouts?.pip.videoLayers[1]).toEqual({ locationId: "RV02", position: [0.95, 0.95], anchor: "bottomRight", widthNormalized: 0.3, heightNormalized: 0.3 });
    expect(loaded.layout?.scenes).toEqual({ pgm: { layout: "pip", components: ["RC01", "RC02"] }, pvw: { layout: "pip" } });
  });

  test("every problem in one run, each where it is: the kinds' checks, and what the sections refer to", () => {
    const text = lines(
      studio(""),
      ...sources,
      "layouts:",
      "  pip:",
      "    videoLayers:",
      "      - { locationId: RV01, position: [0, 0] }",
      "      - { locationId: RV05, position: [1.2, 0], anchor: middle }",
      "    audioLayers: [{ locationId: RV07 }]",
      "  Side: { videoLayers: [] }",
      "  full: { videoLayers: [{ locationId: RV02, position: [0, 0], fillMode: fit }] }",
      "components:",
      "  RC01: { componentType: text, geometry: { position: [0, 0] } }",
      "  RC02: { componentType: caption, geometry: { position: [0, 0] }, caption: { sourceLocationId: RV09 } }",
      "  RC3: { componentType: image, geometry: { position: [0, 0] }, image: { materialId: logo } }",
      "scenes:",
      "  pgm: { layout: split, components: [RC01, RC04, RC01] }",
      "  PVW: { layout: pip }",
    );
    expect(problemsOf(text)).toEqual([
      'studio.yaml:9:23 layouts.pip.videoLayers[1].locationId: locationId "RV05" is not a source of this file: the API takes a layout only over positions that hold sources; add sources.RV05, or use one of RV01, RV02.',
      "studio.yaml:9:40 layouts.pip.videoLayers[1].position[0]: videoLayers[1].position[0] 1.2 is not allowed: use a number from 0 to 1: x as a share of the screen.",
      'studio.yaml:9:57 layouts.pip.videoLayers[1].anchor: videoLayers[1].anchor "middle" is not allowed: use one of topLeft, topCenter, topRight, leftCenter, center, rightCenter, bottomLeft, bottomCenter, bottomRight.',
      'studio.yaml:10:33 layouts.pip.audioLayers[0].locationId: locationId "RV07" is not a source of this file: the API takes a layout only over positions that hold sources; add sources.RV07, or use one of RV01, RV02.',
      'studio.yaml:11:3 layouts.Side: "Side" is not allowed as a key of layouts: use 1 to 40 lower-case letters, digits and hyphens, starting and ending with a letter or digit, e.g. pip or split.',
      "studio.yaml:11:24 layouts.Side.videoLayers: videoLayers [] is not allowed: give at least one video layer: a layout shows something.",
      // The CasterLayout kind's own rule across a layer's fields.
      expect.stringMatching(/^studio\.yaml:12:73 layouts\.full\.videoLayers\[0\]\.fillMode: videoLayers\[0\] .* has fillMode fit without both sizes: fit fills the layer's box/),
      // The CasterComponent kind's rule: the content its type names.
      "studio.yaml:14:3 components.RC01.text: a text component needs its text property; set text.",
      'studio.yaml:15:96 components.RC02.caption.sourceLocationId: sourceLocationId "RV09" is not a source of this file: a caption captions one of the studio\'s sources; add sources.RV09, or use one of RV01, RV02.',
      'studio.yaml:16:3 components.RC3: "RC3" is not allowed as a key of components: use a component position from RC01 to RC99, always two digits (RC07, not RC7).',
      "studio.yaml:17:1 scenes: scenes are bound only on a started studio (StartCaster makes its PGM and PVW scenes), and caster.new.running is not set: set caster.new.running: true, or remove scenes.",
      'studio.yaml:18:18 scenes.pgm.layout: layout "split" is not a layout of this file; add layouts.split, or use one of full, pip.',
      'studio.yaml:18:44 scenes.pgm.components[1]: components[1] "RC04" is not a component of this file; add components.RC04, or use one of RC01, RC02.',
      'studio.yaml:18:50 scenes.pgm.components[2]: components[2] "RC01" is listed twice (first as components[0]): a scene shows a component once; remove one.',
      "studio.yaml:19:3 scenes.PVW: PVW is not a scene (pgm is the program output, on air; pvw the preview): use pvw.",
    ]);
  });

  test("a stopped studio cannot have its scenes bound; an existing one can, and one the program passes too", () => {
    const scenes = ["layouts:", "  full: { videoLayers: [{ locationId: RV01, position: [0, 0] }] }", "scenes:", "  pvw: { layout: full }"];
    expect(problemsOf(lines(studio(", running: false"), ...sources, ...scenes))).toEqual([
      "studio.yaml:7:1 scenes: scenes are bound only on a started studio (StartCaster makes its PGM and PVW scenes), and caster.new.running is false: set caster.new.running: true, or remove scenes.",
    ]);
    expect(problemsOf(lines("caster: { config: casterId }", ...sources, ...scenes))).toEqual([]);
    expect(problemsOf(lines(...sources, ...scenes))).toEqual([]);
  });

  test("an episode group of a new studio needs a domain, the studio's or its own; an adopted studio has its own", () => {
    const newStudio = "caster: { new: { normType: 1, casterTemplate: lp_sd } }";
    const groups = (domain: string) => ["episodeGroups:", `  night: { startTime: 2030-12-24T23:00:00Z, items: [{ itemName: Replay, vodUrl: 'https://media.example.com/replay.ts' }]${domain} }`];
    expect(problemsOf(lines(newStudio, ...groups("")))).toEqual([
      "studio.yaml:3:3 episodeGroups.night: an episode group plays on a streaming domain, its studio's when it names none, and a new studio has none until its domainName is set, " +
        "and neither the group's domainName nor caster.new.domainName is set: set caster.new.domainName, or domainName on the group.",
    ]);
    expect(problemsOf(lines(newStudio, ...groups(", domainName: live.example.com")))).toEqual([]);
    expect(problemsOf(lines("caster: { new: { normType: 1, casterTemplate: lp_sd, domainName: live.example.com } }", ...groups("")))).toEqual([]);
    expect(problemsOf(lines(newStudio, "adopt: { caster: LIVEPRODUCER_POST-cn-0pp1czt1234 }", ...groups("")))).toEqual([]);
    expect(problemsOf(lines("caster: { casterId: LIVEPRODUCER_POST-cn-0pp1czt1234 }", ...groups("")))).toEqual([]);
  });

  test("a scene left empty, or a section of the wrong shape, says what it takes", () => {
    expect(problemsOf(lines("scenes:", "  pgm:"))).toEqual(["studio.yaml:2:3 scenes.pgm: scenes.pgm is empty: give it the layout it shows (layout: <name>) and its components, or remove it."]);
    expect(problemsOf(lines("layouts: [pip]"))).toEqual(["studio.yaml:1:10 layouts: layouts is a mapping keyed by layout name (pip: { videoLayers: [...] }), got a list."]);
    expect(problemsOf(lines("scenes: { pgm: { layout: pip, components: RC01 } }"))).toEqual([
      'studio.yaml:1:26 scenes.pgm.layout: layout "pip" is not a layout of this file; add layouts.pip (the file declares no layouts).',
      'studio.yaml:1:43 scenes.pgm.components: components must be an array, got string "RC01": give a list of component positions, e.g. [RC01, RC02].',
    ]);
  });

  test("an object given by a program may hold layers still to come: what is known is checked, the rest is left to the resources", () => {
    const pending = { __pulumiOutput: true };
    const file = {
      caster: { casterId: "LIVEPRODUCER_POST-cn-0pp1czt1234" },
      sources: { RV01: { resourceName: "Cam", liveStreamUrl: "rtmp://push.example.com/live/cam" } },
      layouts: { full: { videoLayers: [{ locationId: pending, position: [0, 0] }] }, pip: { videoLayers: [{ locationId: "RV02", position: [0, 0] }] } },
      scenes: { pgm: { layout: "full" } },
    };
    expect(checkLayoutObject(file, "layout").problems.map(formatProblem)).toEqual([
      'layout layouts.pip.videoLayers[0].locationId: locationId "RV02" is not a source of this file: the API takes a layout only over positions that hold sources; add sources.RV02, or use RV01.',
    ]);
  });
});
