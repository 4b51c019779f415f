import { diffStudioFiles, formatChanges, LayoutChange } from "./diff";
import { MODIFIED_IN_PLACE } from "./diff/composition-changes";
import { FileComponent, FileLayout, LayoutEpisodeGroup, LayoutSource, LayoutStudio, StudioFileDefinition } from "./schema";

const STUDIO = "LIVEPRODUCER_POST-cn-0pp1czt1234";
const SIGNED_VOD = "https://cdn.example.com/reel.mp4?auth_key=1700000000-0-0-5f4dcc3b5aa765d61d8327deb882cf99";
const RESIGNED_VOD = "https://cdn.example.com/reel.mp4?auth_key=1800000000-0-0-0123456789abcdef0123456789abcdef";
const SIGNATURES = ["5f4dcc3b5aa765d61d8327deb882cf99", "0123456789abcdef0123456789abcdef", "s3cr3t-push-token"];

const camera: LayoutSource = { resourceName: "Main camera", liveStreamUrl: "rtmp://push.example.com/live/main" };
const reel: LayoutSource = { resourceName: "Intro reel", vodUrl: "https://cdn.example.com/intro.mp4" };
const logo: LayoutSource = { resourceName: "Logo", imageUrl: "https://cdn.example.com/logo.png" };

const night: LayoutEpisodeGroup = {
  startTime: "2026-12-24T20:00:00Z",
  repeatNum: -1,
  items: [
    { itemName: "Ident", vodUrl: "https://cdn.example.com/ident.mp4" },
    { itemName: "News", vodUrl: "https://cdn.example.com/news.mp4" },
    { itemName: "Weather", vodUrl: "https://cdn.example.com/weather.mp4" },
  ],
};

function layout(parts: Partial<StudioFileDefinition> = {}): StudioFileDefinition {
  return { caster: { casterId: STUDIO }, ...parts };
}

function withSource(position: string, source: LayoutSource, rest: Record<string, LayoutSource> = {}): StudioFileDefinition {
  return layout({ sources: { ...rest, [position]: source } });
}

/** The one change a diff is expected to have. */
function onlyChange(before: StudioFileDefinition, after: StudioFileDefinition): LayoutChange {
  const changes = diffStudioFiles(before, after);
  expect(changes).toHaveLength(1);
  return changes[0];
}

function allText(changes: LayoutChange[]): string {
  return JSON.stringify(changes) + formatChanges(changes);
}

describe("diffStudioFiles: no change", () => {
  it("finds nothing between a layout and itself", () => {
    const full = layout({ sources: { RV01: camera, RV02: reel }, episodeGroups: { night } });
    expect(diffStudioFiles(full, full)).toEqual([]);
  });

  it("finds nothing when the file lists sources, groups and keys in another order", () => {
    const before = layout({ sources: { RV01: camera, RV02: reel, RV03: logo }, episodeGroups: { night, early: { ...night, repeatNum: 0 } } });
    const after: StudioFileDefinition = {
      episodeGroups: {
        early: { items: night.items, repeatNum: 0, startTime: night.startTime },
        night: { items: night.items, repeatNum: -1, startTime: night.startTime },
      },
      sources: { RV03: logo, RV02: { vodUrl: reel.vodUrl, resourceName: reel.resourceName }, RV01: camera },
      caster: { casterId: STUDIO },
    };
    expect(diffStudioFiles(before, after)).toEqual([]);
  });

  it("finds nothing when a start time names the same instant in another zone", () => {
    const before = layout({ episodeGroups: { night } });
    const after = layout({ episodeGroups: { night: { ...night, startTime: "2026-12-25T04:00:00+08:00" } } });
    expect(diffStudioFiles(before, after)).toEqual([]);
  });

  it("finds nothing when a setting is written out at the value it defaults to", () => {
    const before = layout({ sources: { RV02: reel }, episodeGroups: { night: { ...night, repeatNum: undefined } } });
    const after = layout({
      sources: { RV02: { ...reel, repeatNum: 0, beginOffset: 0, endOffset: 0, ptsCallbackInterval: 0, fixedDelayDuration: 0 } },
      episodeGroups: { night: { ...night, repeatNum: 0 } },
    });
    expect(diffStudioFiles(before, after)).toEqual([]);
  });

  it("skips a change of importId: it only decides how a source is first brought under management", () => {
    const before = withSource("RV01", { ...camera, importId: `${STUDIO}:old-resource` });
    const after = withSource("RV01", { ...camera, importId: `${STUDIO}:other-resource` });
    expect(diffStudioFiles(before, after)).toEqual([]);
  });

  it("skips a studio default left out of the new layout, as the provider does", () => {
    const before = layout({ episodeGroups: { night: { ...night, domainName: "live.example.com" } } });
    expect(diffStudioFiles(before, layout({ episodeGroups: { night } }))).toEqual([]);
  });
});

describe("diffStudioFiles: sources added and removed", () => {
  it("says which position gets which source, and what it plays", () => {
    const change = onlyChange(layout(), withSource("RV07", { resourceName: "Guest camera", liveStreamUrl: "rtmp://push.example.com/live/guest" }));
    expect(change).toEqual({
      subject: "RV07",
      action: "add",
      summary: 'Source added at RV07: "Guest camera" (live stream).',
      details: ["Plays the live stream rtmp://push.example.com/live/guest."],
    });
  });

  it("lists a new file's playback settings, leaving out defaults", () => {
    const change = onlyChange(layout(), withSource("RV02", {
      ...reel, beginOffset: 1500, endOffset: -2000, repeatNum: -1, ptsCallbackInterval: 0, fixedDelayDuration: 500,
    }));
    expect(change.details).toEqual([
      "Plays the VOD file https://cdn.example.com/intro.mp4.",
      "Starts 1.5 s into the file.",
      "Ends 2 s before the end of the file.",
      "Loops.",
      "Has a fixed delay of 500 ms.",
    ]);
  });

  it("says when a new source adopts an existing one", () => {
    const change = onlyChange(layout(), withSource("RV01", { ...camera, importId: `${STUDIO}:e5542d98` }));
    expect(change.details).toContain(`Adopts the existing source ${STUDIO}:e5542d98 instead of adding a new one.`);
  });

  it("says which source leaves which position", () => {
    const change = onlyChange(withSource("RV03", logo), layout());
    expect(change).toMatchObject({ subject: "RV03", action: "remove", summary: 'Source removed from RV03: "Logo" (image).' });
    expect(change.details).toEqual(["It played the image https://cdn.example.com/logo.png."]);
  });
});

describe("diffStudioFiles: sources updated in place", () => {
  it("names a rename with both names", () => {
    const change = onlyChange(withSource("RV01", { ...camera, resourceName: "A" }), withSource("RV01", { ...camera, resourceName: "B" }));
    expect(change).toEqual({ subject: "RV01", action: "update", summary: 'RV01 renamed from "A" to "B".', details: [] });
  });

  it("says what a position now plays instead, kind included", () => {
    const change = onlyChange(withSource("RV02", camera), withSource("RV02", { resourceName: camera.resourceName, vodUrl: "https://cdn.example.com/b.mp4" }));
    expect(change.summary).toBe(
      'RV02 "Main camera" now plays the VOD file https://cdn.example.com/b.mp4 instead of the live stream rtmp://push.example.com/live/main.',
    );
  });

  it("says only the new file when the kind stays the same", () => {
    const change = onlyChange(withSource("RV02", reel), withSource("RV02", { ...reel, vodUrl: "https://cdn.example.com/b.mp4" }));
    expect(change.summary).toBe('RV02 "Intro reel" now plays the VOD file https://cdn.example.com/b.mp4 instead of https://cdn.example.com/intro.mp4.');
  });

  it.each([
    [{ repeatNum: -1 }, {}, 'RV03 "Intro reel" now loops.'],
    [{}, { repeatNum: -1 }, 'RV03 "Intro reel" now plays once.'],
    [{ repeatNum: 3 }, {}, 'RV03 "Intro reel" now repeats 3 times.'],
    [{ repeatNum: 1 }, {}, 'RV03 "Intro reel" now repeats once.'],
    [{ beginOffset: 1500 }, {}, 'RV03 "Intro reel" now starts 1.5 s into the file.'],
    [{ beginOffset: 0 }, { beginOffset: 800 }, 'RV03 "Intro reel" now starts at the beginning of the file.'],
    [{ endOffset: -2000 }, {}, 'RV03 "Intro reel" now ends 2 s before the end of the file.'],
    [{ endOffset: 90_000 }, {}, 'RV03 "Intro reel" now ends at 1:30.'],
    [{ endOffset: 5_500 }, {}, 'RV03 "Intro reel" now ends at 0:05.5.'],
    [{ endOffset: 3_723_000 }, {}, 'RV03 "Intro reel" now ends at 1:02:03.'],
    [{}, { endOffset: 90_000 }, 'RV03 "Intro reel" now plays to the end of the file.'],
    [{ ptsCallbackInterval: 2000 }, {}, 'RV03 "Intro reel" now reports its playback position (PTS callback) every 2 s.'],
    [{ ptsCallbackInterval: 2000 }, { ptsCallbackInterval: 500 }, 'RV03 "Intro reel" now reports its playback position (PTS callback) every 2 s instead of every 500 ms.'],
    [{}, { ptsCallbackInterval: 90_000 }, 'RV03 "Intro reel" no longer reports its playback position (PTS callback).'],
  ])("says %j (was %j) in one phrase", (settings, previous, summary) => {
    const change = onlyChange(withSource("RV03", { ...reel, ...previous }), withSource("RV03", { ...reel, ...settings }));
    expect(change).toEqual({ subject: "RV03", action: "update", summary, details: [] });
  });

  it("gathers several changes to one source into one change with a detail each", () => {
    const change = onlyChange(
      withSource("RV03", { ...reel, resourceName: "Intro" }),
      withSource("RV03", { ...reel, repeatNum: -1, beginOffset: 1500 }),
    );
    expect(change).toEqual({
      subject: "RV03",
      action: "update",
      summary: 'RV03 "Intro reel" is updated in place (3 changes).',
      details: ['Renamed from "Intro" to "Intro reel".', "Now starts 1.5 s into the file.", "Now loops."],
    });
  });

  it("ignores a file's settings once the source plays something that is not a file", () => {
    const change = onlyChange(withSource("RV03", { ...reel, repeatNum: -1 }), withSource("RV03", { resourceName: reel.resourceName, imageUrl: logo.imageUrl }));
    expect(change.details).toEqual([]);
    expect(change.summary).toBe('RV03 "Intro reel" now plays the image https://cdn.example.com/logo.png instead of the VOD file https://cdn.example.com/intro.mp4.');
  });
});

describe("diffStudioFiles: sources replaced", () => {
  it("replaces a source whose fixed delay changes, and says it is briefly off air", () => {
    const change = onlyChange(withSource("RV04", camera), withSource("RV04", { ...camera, fixedDelayDuration: 500 }));
    expect(change).toEqual({
      subject: "RV04",
      action: "replace",
      summary: 'RV04 "Main camera" is replaced because its fixed delay changes from 0 ms to 500 ms; it is briefly off air.',
      details: [],
    });
  });

  it("lists what else comes with the replacement", () => {
    const change = onlyChange(
      withSource("RV04", { ...reel, fixedDelayDuration: 200 }),
      withSource("RV04", { ...reel, fixedDelayDuration: 0, repeatNum: -1 }),
    );
    expect(change.action).toBe("replace");
    expect(change.summary).toContain("its fixed delay changes from 200 ms to 0 ms");
    expect(change.details).toEqual(["Now loops."]);
  });
});

describe("diffStudioFiles: moves", () => {
  it("reports a source that changes position under the same name as one move", () => {
    const changes = diffStudioFiles(withSource("RV02", reel, { RV01: camera }), withSource("RV05", reel, { RV01: camera }));
    expect(changes).toEqual([{
      subject: "RV05",
      action: "move",
      from: "RV02",
      summary: '"Intro reel" moves from RV02 to RV05 (removed at RV02 and added at RV05).',
      details: [],
    }]);
  });

  it("recognises a moved source by what it plays when it is renamed too", () => {
    const change = onlyChange(withSource("RV02", reel), withSource("RV05", { ...reel, resourceName: "Opening" }));
    expect(change).toMatchObject({ action: "move", from: "RV02", subject: "RV05" });
    expect(change.summary).toBe('"Opening" moves from RV02 to RV05 (removed at RV02 and added at RV05).');
    expect(change.details).toEqual(['Renamed from "Intro reel" to "Opening".']);
  });

  it("recognises a moved file whose URL was signed anew", () => {
    const change = onlyChange(
      withSource("RV02", { resourceName: "Reel", vodUrl: SIGNED_VOD }),
      withSource("RV06", { resourceName: "Reel (signed)", vodUrl: RESIGNED_VOD }),
    );
    expect(change.action).toBe("move");
    expect(change.details).toEqual(['Renamed from "Reel" to "Reel (signed)".', "Now plays the same VOD file with a new signature."]);
  });

  it("keeps unrelated removals and additions apart", () => {
    const changes = diffStudioFiles(withSource("RV02", reel), withSource("RV05", logo));
    expect(changes.map((change) => [change.subject, change.action])).toEqual([["RV02", "remove"], ["RV05", "add"]]);
  });

  it("pairs each moved source once, when two move", () => {
    const changes = diffStudioFiles(
      layout({ sources: { RV01: camera, RV02: reel } }),
      layout({ sources: { RV08: reel, RV09: camera } }),
    );
    expect(changes.map((change) => [change.from, change.subject])).toEqual([["RV02", "RV08"], ["RV01", "RV09"]]);
  });
});

describe("diffStudioFiles: signed URLs", () => {
  it("never prints a signature, and marks a signed URL as such", () => {
    const before = layout({ sources: { RV01: camera, RV02: { ...reel, vodUrl: SIGNED_VOD } } });
    const after = layout({
      sources: {
        RV01: { ...camera, liveStreamUrl: "rtmp://push.example.com/live/main?token=s3cr3t-push-token" },
        RV03: { resourceName: "Signed", vodUrl: RESIGNED_VOD },
      },
      episodeGroups: {
        night: {
          ...night,
          sideOutputUrl: "rtmp://out.example.com/live/x?auth_key=s3cr3t-push-token",
          items: [{ itemName: "Signed", vodUrl: SIGNED_VOD }],
        },
      },
    });
    const changes = diffStudioFiles(before, after);
    const text = allText(changes);
    for (const signature of SIGNATURES) expect(text).not.toContain(signature);
    expect(changes[0].summary).toBe(
      'RV01 "Main camera" now plays the live stream rtmp://push.example.com/live/main?token=*** (signed URL) instead of rtmp://push.example.com/live/main.',
    );
    expect(text).toContain("https://cdn.example.com/reel.mp4?auth_key=*** (signed URL)");
  });

  it("says a file is signed anew rather than showing two identical masked URLs", () => {
    const change = onlyChange(withSource("RV02", { ...reel, vodUrl: SIGNED_VOD }), withSource("RV02", { ...reel, vodUrl: RESIGNED_VOD }));
    expect(change.summary).toBe('RV02 "Intro reel" now plays the same VOD file with a new signature.');
  });

  it("masks a signature written into a name", () => {
    const change = onlyChange(layout(), withSource("RV01", { ...camera, resourceName: "cam?sign=abcdef" }));
    expect(change.summary).toBe('Source added at RV01: "cam?sign=***" (live stream).');
  });
});

describe("diffStudioFiles: episode groups", () => {
  it("describes a new group in one sentence, with its items as details", () => {
    const change = onlyChange(layout(), layout({ episodeGroups: { night: { ...night, regionId: "cn-shanghai" } } }));
    expect(change).toEqual({
      subject: "episode group night",
      action: "add",
      summary: 'Episode group "night" added: 3 items from 2026-12-24 20:00 UTC, looping.',
      details: [
        'Item 1: "Ident", https://cdn.example.com/ident.mp4.',
        'Item 2: "News", https://cdn.example.com/news.mp4.',
        'Item 3: "Weather", https://cdn.example.com/weather.mp4.',
        "Region: cn-shanghai.",
      ],
    });
  });

  it("shows start times in UTC, whatever zone the file uses", () => {
    const group = { ...night, repeatNum: 0 as const, startTime: "2026-12-25T04:30:15+08:00", items: [night.items[0]] };
    const change = onlyChange(layout(), layout({ episodeGroups: { late: group } }));
    expect(change.summary).toBe('Episode group "late" added: 1 item from 2026-12-24 20:30:15 UTC, played once.');
  });

  it("describes a removed group", () => {
    const change = onlyChange(layout({ episodeGroups: { night } }), layout());
    expect(change).toMatchObject({
      subject: "episode group night",
      action: "remove",
      summary: 'Episode group "night" removed: it had 3 items from 2026-12-24 20:00 UTC, looping.',
    });
  });

  it("replaces a group whose items are added and removed, naming them", () => {
    const items = [night.items[1], night.items[2], { itemName: "Highlights", vodUrl: "https://cdn.example.com/highlights.mp4" }];
    const change = onlyChange(layout({ episodeGroups: { night } }), layout({ episodeGroups: { night: { ...night, items } } }));
    expect(change).toEqual({
      subject: "episode group night",
      action: "replace",
      summary: 'Episode group "night" replaced because its items changed: "Ident" removed, "Highlights" added.',
      details: [
        '"Ident" removed (was item 1, https://cdn.example.com/ident.mp4).',
        '"Highlights" added as item 3: https://cdn.example.com/highlights.mp4.',
      ],
    });
  });

  it("replaces a group whose items play in another order", () => {
    const items = [night.items[2], night.items[0], night.items[1]];
    const change = onlyChange(layout({ episodeGroups: { night } }), layout({ episodeGroups: { night: { ...night, items } } }));
    expect(change.summary).toBe('Episode group "night" replaced because its items changed: the order changes.');
    expect(change.details).toEqual(['New order: "Weather", "Ident", "News" (was "Ident", "News", "Weather").']);
  });

  it("does not call it a new order when only an item in the middle is removed", () => {
    const items = [night.items[0], night.items[2]];
    const change = onlyChange(layout({ episodeGroups: { night } }), layout({ episodeGroups: { night: { ...night, items } } }));
    expect(change.summary).toBe('Episode group "night" replaced because its items changed: "News" removed.');
  });

  it("tells an item renamed from an item whose file changed", () => {
    const items = [
      { itemName: "Station ident", vodUrl: night.items[0].vodUrl },
      { itemName: "News", vodUrl: "https://cdn.example.com/news-late.mp4" },
      night.items[2],
    ];
    const change = onlyChange(layout({ episodeGroups: { night } }), layout({ episodeGroups: { night: { ...night, items } } }));
    expect(change.summary).toBe('Episode group "night" replaced because its items changed: "Ident" renamed to "Station ident", "News" plays another file.');
    // The rename is said in full by the summary; the details add only what it shortens.
    expect(change.details).toEqual([
      '"News" now plays https://cdn.example.com/news-late.mp4 instead of https://cdn.example.com/news.mp4.',
    ]);
  });

  it("counts many item changes in the summary and lists them below", () => {
    const items = [1, 2, 3, 4].map((n) => ({ itemName: `Clip ${n}`, vodUrl: `https://cdn.example.com/clip${n}.mp4` }));
    const change = onlyChange(layout({ episodeGroups: { night } }), layout({ episodeGroups: { night: { ...night, items } } }));
    expect(change.summary).toBe('Episode group "night" replaced because its items changed (7 changes).');
    expect(change.details).toHaveLength(7);
  });

  it("replaces a group whose start time moves, with both times in UTC", () => {
    const change = onlyChange(
      layout({ episodeGroups: { night } }),
      layout({ episodeGroups: { night: { ...night, startTime: "2026-12-25T05:00:00+08:00" } } }),
    );
    expect(change.summary).toBe('Episode group "night" replaced because its start time moves from 2026-12-24 20:00 UTC to 2026-12-24 21:00 UTC.');
  });

  it("replaces a group that now loops, or no longer does", () => {
    const once = layout({ episodeGroups: { night: { ...night, repeatNum: 0 } } });
    const looping = layout({ episodeGroups: { night } });
    expect(onlyChange(once, looping).summary).toBe('Episode group "night" replaced because it now loops.');
    expect(onlyChange(looping, once).summary).toBe('Episode group "night" replaced because it now plays once, no longer looping.');
  });

  it("joins several reasons, items last", () => {
    const change = onlyChange(
      layout({ episodeGroups: { night } }),
      layout({ episodeGroups: { night: { ...night, repeatNum: 0, regionId: "cn-beijing", items: night.items.slice(0, 2) } } }),
    );
    expect(change.summary).toBe(
      'Episode group "night" replaced because it now plays once, no longer looping, its region changes from the provider\'s default to cn-beijing and its items changed: "Weather" removed.',
    );
  });

  it("says a group's output settings change, and that one left out goes back to the studio's own", () => {
    const before = layout({ episodeGroups: { night: { ...night, domainName: "live.example.com", callbackUrl: "https://hooks.example.com/a" } } });
    const after = layout({ episodeGroups: { night: { ...night, callbackUrl: "https://hooks.example.com/b" } } });
    const change = onlyChange(before, after);
    expect(change.summary).toBe('Episode group "night" replaced because its callback URL changes.');
    expect(change.details).toEqual([
      "Streaming domain: now the studio's own instead of live.example.com.",
      "Callback URL: https://hooks.example.com/b instead of https://hooks.example.com/a.",
    ]);
  });

  it("calls a group with the same content under a new name a rename, which is a replacement", () => {
    const change = onlyChange(layout({ episodeGroups: { night } }), layout({ episodeGroups: { late: { ...night, startTime: "2026-12-25T04:00:00+08:00" } } }));
    expect(change).toEqual({
      subject: "episode group late",
      action: "replace",
      from: "episode group night",
      summary: 'Episode group "night" is renamed to "late" with the same items and start time: it is replaced.',
      details: [],
    });
  });
});

describe("diffStudioFiles: the studio", () => {
  it("puts a studio change first, then sources by position, then groups by name", () => {
    const before = layout({ sources: { RV09: camera, RV01: reel }, episodeGroups: { night } });
    const after: StudioFileDefinition = {
      caster: { casterId: "LIVEPRODUCER_POST-cn-other" },
      sources: { RV09: camera, RV01: { ...reel, repeatNum: -1 }, RV05: logo },
      episodeGroups: { night, early: night },
    };
    const changes = diffStudioFiles(before, after);
    expect(changes.map((change) => change.subject)).toEqual(["studio", "RV01", "RV05", "episode group early"]);
    expect(changes[0]).toEqual({
      subject: "studio",
      action: "replace",
      summary: "Every source and episode group moves to studio LIVEPRODUCER_POST-cn-other: all are replaced.",
      details: [`It was studio ${STUDIO}.`],
    });
    expect(changes[1]).toMatchObject({ action: "replace", summary: 'RV01 "Intro reel" is replaced on the new studio, and now loops.' });
  });

  it("names a studio taken from stack config, and says it may be the same studio", () => {
    const change = onlyChange(layout({ sources: { RV01: camera } }), { caster: { config: "casterId" }, sources: { RV01: camera } });
    expect(change.summary).toBe("Every source and episode group moves to the studio from stack config key casterId: all are replaced.");
    expect(change.details).toEqual([`It was studio ${STUDIO}.`, "If both name the same studio ID, nothing is replaced."]);
  });

  it("names a studio that the program passes in", () => {
    const change = onlyChange({ caster: { config: "casterId" } }, {});
    expect(change.summary).toBe("Every source and episode group moves to the studio the program passes as casterId: all are replaced.");
  });
});

describe("formatChanges", () => {
  it("says plainly when nothing changes on air", () => {
    expect(formatChanges([])).toBe("### Studio file\n\nNo change on air.\n");
  });

  it("names what it compares", () => {
    expect(formatChanges([], { before: "main:studio.yaml", after: "studio.yaml" }))
      .toBe("### Studio file\n\nComparing main:studio.yaml with studio.yaml.\n\nNo change on air.\n");
  });

  it("writes a heading, a tally, a bullet per change and a sub-bullet per detail", () => {
    const before = layout({ sources: { RV02: reel, RV03: { ...reel, resourceName: "Outro", vodUrl: "https://cdn.example.com/outro.mp4" } }, episodeGroups: { night } });
    const after = layout({
      sources: { RV05: reel, RV03: { resourceName: "Outro", vodUrl: "https://cdn.example.com/outro.mp4", repeatNum: -1 }, RV07: camera },
      episodeGroups: { night: { ...night, items: [...night.items, { itemName: "Highlights", vodUrl: "https://cdn.example.com/highlights.mp4" }] } },
    });
    expect(formatChanges(diffStudioFiles(before, after))).toBe([
      "### Studio file: 4 changes on air",
      "",
      "1 added, 1 moved, 1 replaced, 1 updated in place.",
      "",
      '- RV03 "Outro" now loops.',
      '- "Intro reel" moves from RV02 to RV05 (removed at RV02 and added at RV05).',
      '- Source added at RV07: "Main camera" (live stream).',
      "  - Plays the live stream `rtmp://push.example.com/live/main`.",
      '- Episode group "night" replaced because its items changed: "Highlights" added.',
      '  - "Highlights" added as item 4: `https://cdn.example.com/highlights.mp4`.',
      "",
    ].join("\n"));
  });

  it("counts one change in the singular", () => {
    expect(formatChanges(diffStudioFiles(layout(), withSource("RV01", camera)))).toMatch(/^### Studio file: 1 change on air\n/);
  });

  it("puts a signed URL in a code span, masked, so *** is not read as emphasis", () => {
    const text = formatChanges(diffStudioFiles(layout(), withSource("RV02", { ...reel, vodUrl: SIGNED_VOD })));
    expect(text).toContain("  - Plays the VOD file `https://cdn.example.com/reel.mp4?auth_key=***` (signed URL).");
    expect(text).not.toContain(SIGNATURES[0]);
  });

  it("masks a signature even in changes it did not make", () => {
    const text = formatChanges([{ subject: "RV01", action: "update", summary: "RV01 now plays rtmp://x/y?token=abc.", details: ["See rtmp://x/y?token=abc."] }]);
    expect(text).not.toContain("token=abc");
    expect(text).toContain("- RV01 now plays `rtmp://x/y?token=***`");
  });
});

describe("diffStudioFiles: URLs kept in stack secrets", () => {
  test("are named by their key, never read, and a new key is a change", () => {
    const before = { sources: { RV01: { resourceName: "Cam", liveStreamUrl: { secret: "camUrl" } } } };
    const after = { sources: { RV01: { resourceName: "Cam", liveStreamUrl: { secret: "cam2Url" } } } };
    expect(diffStudioFiles(before, before)).toEqual([]);
    expect(diffStudioFiles(before, after).map((change) => change.summary)).toEqual([
      'RV01 "Cam" now plays the live stream stack secret cam2Url instead of stack secret camUrl.',
    ]);
  });
});

describe("formatChanges: names are text, not Markdown", () => {
  test("a line break, an @mention and HTML in a name stay inside their list entry and do nothing", () => {
    const before = { sources: {} };
    const after = { sources: { RV01: { resourceName: "Cam @octocat\n- fake entry <img src=x>", liveStreamUrl: "rtmp://push.example.com/live/cam" } } };
    const comment = formatChanges(diffStudioFiles(before, after));
    const entries = comment.split("\n").filter((line) => line.startsWith("- "));
    expect(entries).toEqual(['- Source added at RV01: "Cam @\u2060octocat - fake entry &lt;img src=x>" (live stream).']);
    expect(comment).not.toMatch(/@octocat|<img/);
  });
});

describe("diffStudioFiles: a new layout (issue 10)", () => {
  const full = layout({ sources: { RV01: camera, RV02: reel }, episodeGroups: { night } });

  it("reads a layout compared with nothing (/dev/null) as everything added, with no studio replaced", () => {
    const changes = diffStudioFiles({}, full);
    expect(changes.map((change) => [change.action, change.subject])).toEqual([
      ["add", "RV01"], ["add", "RV02"], ["add", "episode group night"],
    ]);
    const text = formatChanges(changes);
    expect(text).toContain("3 added.");
    expect(text).not.toMatch(/replaced/);
  });

  it("does so whichever way the new layout names its studio", () => {
    for (const caster of [{ config: "casterId" }, undefined]) {
      const changes = diffStudioFiles({}, { ...full, caster });
      expect(changes.map((change) => change.action)).toEqual(["add", "add", "add"]);
    }
  });

  it("reads sections left empty as nothing on air too", () => {
    expect(diffStudioFiles({ sources: null, episodeGroups: null }, full).map((change) => change.action)).toEqual(["add", "add", "add"]);
  });
});

describe("diffStudioFiles: a studio the layout makes (issue 12)", () => {
  const studio: LayoutStudio = {
    casterName: "Evening show", normType: 1, casterTemplate: "lp_sd", domainName: "live.example.com", delaySeconds: 3, running: true,
  };
  const made = (settings: Partial<LayoutStudio> = {}, parts: Partial<StudioFileDefinition> = {}): StudioFileDefinition =>
    ({ caster: { new: { ...studio, ...settings } }, sources: { RV01: camera }, ...parts });

  it("reads a new file's studio as made first, then everything added in it", () => {
    const changes = diffStudioFiles({}, made());
    expect(changes.map((change) => [change.action, change.subject])).toEqual([["add", "studio"], ["add", "RV01"]]);
    expect(changes[0]).toEqual({
      subject: "studio",
      action: "add",
      summary: 'A new studio is made: "Evening show", a general studio, output lp_sd (standard definition).',
      details: ["Streaming domain: live.example.com.", "Delay: 3 s.", "The studio will start (goes on air) once it is made."],
    });
    expect(formatChanges(changes)).toContain("2 added.");
  });

  it("lists what a new studio declares, its URLs from stack secrets by key, and says when it stays stopped", () => {
    const [change] = diffStudioFiles({}, { caster: { new: {
      normType: 6, casterTemplate: "lp_hd_v", callbackUrl: { secret: "hookUrl" }, standbyImageUrl: "https://media.example.com/standby.png",
      recording: { ossEndpoint: "oss-cn-shanghai.aliyuncs.com", ossBucket: "shows", formats: [{ format: "mp4" }, { format: "flv" }] },
      channelMode: true, allowStopOnAir: true,
    } } });
    expect(change.summary).toBe("A new studio is made: a carousel studio, output lp_hd_v (high definition, portrait).");
    expect(change.details).toEqual([
      "Callback URL: stack secret hookUrl.",
      "Recording: to OSS bucket shows (oss-cn-shanghai.aliyuncs.com) as mp4 and flv.",
      "Standby image: https://media.example.com/standby.png.",
      "Channel mode: on.",
      "The standby image is switched to by hand (autoSwitchToStandby is not set).",
      "The studio stays stopped (running is not true): nothing goes on air.",
      "allowStopOnAir is true: a later change that needs the studio stopped may take it off air for a moment.",
    ]);
  });

  it("finds nothing when the studio is the same, or only a setting it no longer manages is left out", () => {
    expect(diffStudioFiles(made(), made())).toEqual([]);
    expect(diffStudioFiles(made(), made({ running: true, chargeType: "PostPaid" }))).toEqual([]);
    const { delaySeconds: _delay, ...unmanaged } = studio;
    expect(diffStudioFiles(made(), { caster: { new: unmanaged }, sources: { RV01: camera } })).toEqual([]);
  });

  it.each([
    [{ delaySeconds: 5 }, 'Studio "Evening show": delay 3 s → 5 s.'],
    [{ running: false }, 'Studio "Evening show" will stop (goes off air).'],
    [{ casterTemplate: "lp_hd" as const }, 'Studio "Evening show": output template lp_sd (standard definition) → lp_hd (high definition).'],
    [{ casterName: "Late show" }, 'Studio "Late show": name "Evening show" → "Late show".'],
    [{ liveTemplates: ["lsd" as const] }, "Studio \"Evening show\": live transcoding templates set to lsd (until now the studio's own)."],
  ])("says a setting changed in place in one phrase: %j", (settings, summary) => {
    expect(onlyChange(made(), made(settings))).toEqual({ subject: "studio", action: "update", summary, details: [] });
  });

  it("says a stopped studio will start", () => {
    expect(onlyChange(made({ running: false }), made()).summary).toBe('Studio "Evening show" will start (goes on air).');
  });

  it("gathers several changes into one, and says what it no longer manages", () => {
    const { domainName: _domain, ...rest } = studio;
    const change = onlyChange(made({ running: false }), { caster: { new: { ...rest, delaySeconds: 10 } }, sources: { RV01: camera } });
    expect(change).toEqual({
      subject: "studio",
      action: "update",
      summary: 'Studio "Evening show" is updated in place (2 changes).',
      details: ["Delay 3 s → 10 s.", "The studio will start (goes on air).", "Streaming domain is no longer managed: the studio keeps live.example.com."],
    });
  });

  it("says a change that needs the studio stopped while it is on air is refused without allowStopOnAir", () => {
    const change = onlyChange(made(), made({ channelMode: true, delaySeconds: 0 }));
    expect(change).toEqual({
      subject: "studio",
      action: "update",
      summary: 'Channel mode turned on: studio "Evening show" must stop; allowStopOnAir is not set, so the preview refuses this change and the studio stays on air: set allowStopOnAir: true, or running: false first.',
      details: ["Delay 3 s → 0 s."],
    });
  });

  it("says the studio goes off air for the change with allowStopOnAir, and needs no stop when it is not on air", () => {
    expect(onlyChange(made(), made({ domainName: "other.example.com", allowStopOnAir: true })).summary).toBe(
      'Streaming domain live.example.com → other.example.com: studio "Evening show" must stop; allowStopOnAir is true, so `pulumi up` stops it, changes it and starts it again (off air meanwhile).',
    );
    expect(onlyChange(made({ running: false }), made({ running: false, channelMode: true })).summary).toBe(
      "Studio \"Evening show\": channel mode set to on (until now the studio's own).",
    );
    // Stopping in the same change: it goes off air anyway, and nothing is refused.
    expect(onlyChange(made(), made({ running: false, channelMode: true })).summary).toBe('Studio "Evening show" is updated in place (2 changes).');
  });

  it("replaces the studio, and everything in it, for a change the kind's spec marks as replacing", () => {
    const changes = diffStudioFiles(made(), made({ normType: 6, delaySeconds: 5 }, { sources: { RV01: { ...camera, resourceName: "Camera" } } }));
    expect(changes[0]).toEqual({
      subject: "studio",
      action: "replace",
      summary: 'Studio "Evening show" is replaced because its type changes from general studio (1) to carousel studio (6): a new studio is made, and every source and episode group is made again there.',
      details: [
        "Delay 3 s → 5 s.",
        "The old studio is on air and allowStopOnAir is not set, so the preview refuses this change and the studio stays on air: set allowStopOnAir: true, or running: false first.",
      ],
    });
    expect(changes[1]).toMatchObject({ subject: "RV01", action: "replace", summary: 'RV01 is replaced on the new studio, and renamed from "Main camera" to "Camera".' });
    expect(onlyChange(made(), made({ normType: 6, allowStopOnAir: true })).details).toContain(
      "The old studio is on air; allowStopOnAir is true, so it is stopped (goes off air) and deleted.");
    // Stopped in the same change: nothing is refused, and the old studio goes off air as declared.
    expect(onlyChange(made(), made({ normType: 6, running: false })).details).toContain("The old studio is on air: it is stopped (goes off air) and deleted.");
    // Started in the same change: the new studio starts; the old one is not on air, so nothing is refused.
    expect(onlyChange(made({ running: false }), made({ normType: 6 })).details).toEqual(["The studio will start (goes on air)."]);
    const stopped = onlyChange(made({ running: false }), made({ running: false, normType: 6 }));
    expect(stopped.summary).toBe(
      'Studio "Evening show" is replaced because its type changes from general studio (1) to carousel studio (6): a new studio is made, and every source and episode group is made again there.',
    );
    expect(stopped.details).toEqual([]);
  });

  it("moves the studio to another resource group in place, on air or not: nothing is replaced or made again", () => {
    const changes = diffStudioFiles(made(), made({ resourceGroupId: "rg-acfmxazb4ph6aiy" }));
    expect(changes).toEqual([{
      subject: "studio",
      action: "update",
      summary: 'Studio "Evening show" moves in place to resource group rg-acfmxazb4ph6aiy: the same studio, with its sources and scenes; nothing is made again.',
      details: [],
    }]);
    const again = onlyChange(made({ resourceGroupId: "rg-acfmxazb4ph6aiy" }), made({ resourceGroupId: "rg-second", delaySeconds: 5 }));
    expect(again).toEqual({
      subject: "studio",
      action: "update",
      summary: 'Studio "Evening show" is updated in place (2 changes).',
      details: [
        "The studio moves in place from resource group rg-acfmxazb4ph6aiy to resource group rg-second: the same studio, with its sources and scenes; nothing is made again.",
        "Delay 3 s → 5 s.",
      ],
    });
    expect(formatChanges([again])).not.toContain("replaced");
  });

  it("moves everything from an existing studio to a new one, which is made first", () => {
    const change = onlyChange(layout({ sources: { RV01: camera } }), made());
    expect(change).toEqual({
      subject: "studio",
      action: "replace",
      summary: "A new studio is made, and every source and episode group moves there: all are made again on it.",
      details: [
        'The new studio: "Evening show", a general studio, output lp_sd (standard definition).',
        "Streaming domain: live.example.com.",
        "Delay: 3 s.",
        "The studio will start (goes on air) once it is made.",
        `Studio ${STUDIO}, where they were, is left as it is, without them: this file did not make it.`,
      ],
    });
    expect(formatChanges([change])).toContain("1 replaced.");
  });

  it("moves everything from the studio it made to an existing one, and deletes the one it made", () => {
    expect(onlyChange(made(), { caster: { config: "casterId" }, sources: { RV01: camera } })).toEqual({
      subject: "studio",
      action: "replace",
      summary: 'Every source and episode group moves to the studio from stack config key casterId: all are replaced, and the studio "Evening show" that this file made is deleted.',
      details: [
        "That studio is on air: it is stopped (goes off air) and deleted.",
      ],
    });
    expect(onlyChange(made({ running: false }), layout({ sources: { RV01: camera } })).details).toEqual([]);
    // Compared with nothing (the file deleted): the studio goes, and what was in it.
    expect(diffStudioFiles(made(), {})).toEqual([
      {
        subject: "studio",
        action: "remove",
        summary: 'The studio "Evening show" that this file made is deleted.',
        details: ["It is on air: it is stopped (goes off air) and deleted."],
      },
      expect.objectContaining({ subject: "RV01", action: "remove" }),
    ]);
  });

  it("never prints a signature of a studio's URL", () => {
    const signed = "rtmp://relay.example.com/live/out?auth_key=1767225600-0-0-5f4dcc3b5aa765d61d8327deb882cf99";
    const text = allText([...diffStudioFiles({}, made({ sideOutputUrl: signed })), ...diffStudioFiles(made(), made({ sideOutputUrl: signed }))]);
    expect(text).not.toContain("5f4dcc3b5aa765d61d8327deb882cf99");
    expect(text).toContain("rtmp://relay.example.com/live/out?auth_key=*** (signed URL)");
  });
});

describe("diffStudioFiles: what is on screen (issue 13)", () => {
  const guest: LayoutSource = { resourceName: "Guest camera", liveStreamUrl: "rtmp://push.example.com/live/guest" };
  type VideoLayer = FileLayout["videoLayers"][number];
  const full: VideoLayer = { locationId: "RV01", position: [0, 0], widthNormalized: 1, heightNormalized: 1, fillMode: "fit" };
  const corner: VideoLayer = { locationId: "RV02", position: [0.05, 0.05], widthNormalized: 0.25, heightNormalized: 0.25 };
  const lowerThird: FileComponent = {
    componentName: "Lower third", componentType: "text",
    geometry: { position: [0.05, 0.8], widthNormalized: 0.6, heightNormalized: 0.1 },
    text: { text: "Live from Hangzhou", color: "0xffffff", sizeNormalized: 0.05 },
  };
  const logo: FileComponent = {
    componentName: "Logo", componentType: "image",
    geometry: { position: [0.95, 0.05], anchor: "topRight", widthNormalized: 0.1, heightNormalized: 0.1 }, image: { materialId: "logo01" },
  };
  const layouts = {
    pip: { videoLayers: [full, corner] },
    split: { videoLayers: [{ ...full, widthNormalized: 0.5 }, { ...corner, position: [0.5, 0] as [number, number], widthNormalized: 0.5, heightNormalized: 1 }] },
  };
  const screen = (parts: Partial<StudioFileDefinition> = {}): StudioFileDefinition => layout({
    sources: { RV01: camera, RV02: guest },
    layouts,
    components: { RC01: lowerThird, RC02: logo },
    scenes: { pgm: { layout: "pip", components: ["RC01", "RC02"] }, pvw: { layout: "split" } },
    ...parts,
  });
  const withPip = (...videoLayers: VideoLayer[]) => screen({ layouts: { ...layouts, pip: { videoLayers } } });
  const withLowerThird = (component: FileComponent) => screen({ components: { RC01: component, RC02: logo } });
  const summaries = (after: StudioFileDefinition, before = screen()) =>
    diffStudioFiles(before, after).map((change) => `${change.action} ${change.subject}: ${change.summary}`);

  it("what replaces and what is modified in place comes from the kinds' specs", () => {
    expect(MODIFIED_IN_PLACE).toEqual({ layout: ["videoLayers", "audioLayers"], scene: ["layoutId", "componentIds"] });
  });

  it("finds nothing when a layout or component writes the API's defaults out, or the file lists things in another order", () => {
    const explicit = screen({
      scenes: { pvw: { layout: "split", components: [] }, pgm: { components: ["RC01", "RC02"], layout: "pip" } },
      layouts: {
        split: layouts.split,
        pip: {
          videoLayers: [{ ...full, anchor: "topLeft", fixedDelayDuration: 0 }, { ...corner, fillMode: "none", anchor: "topLeft" }],
          audioLayers: [{ locationId: "RV01", volumeRate: 1, validChannel: "all" }, { locationId: "RV02" }],
        },
      },
      components: {
        RC02: logo,
        RC01: {
          ...lowerThird, effect: "none", layerOrder: "cover",
          geometry: { ...lowerThird.geometry, anchor: "topLeft", transparency: 255 }, text: { ...lowerThird.text!, fontName: "KaiTi", color: "0xFFFFFF" },
        },
      },
    });
    expect(diffStudioFiles(screen(), explicit)).toEqual([]);
  });

  it("a layer that moves and grows: where on screen, in words, modified in place", () => {
    expect(onlyChange(screen(), withPip(full, { ...corner, position: [0.95, 0.95], anchor: "bottomRight", widthNormalized: 0.3, heightNormalized: 0.3 }))).toEqual({
      subject: "layout pip",
      action: "update",
      summary: 'Layout "pip": Guest camera moves from top-left to bottom-right (now placed by its bottom-right corner) and grows from 25% to 30% of the width.',
      details: [],
    });
  });

  it("a move within a third, a new anchor for the same place, a new height, the source's own size, fit", () => {
    const summary = (layer: VideoLayer) => onlyChange(screen(), withPip(full, layer)).summary;
    expect(summary({ ...corner, position: [0.1, 0.05] })).toBe('Layout "pip": Guest camera moves from (0.05, 0.05) to (0.1, 0.05), still at the top-left.');
    expect(summary({ ...corner, position: [0.3, 0.3], anchor: "bottomRight" }))
      .toBe('Layout "pip": Guest camera is now placed by its bottom-right corner at (0.3, 0.3) (the same place on screen).');
    expect(summary({ ...corner, heightNormalized: 0.4 })).toBe('Layout "pip": Guest camera grows from 25% to 40% of the height.');
    expect(summary({ ...corner, widthNormalized: 0, heightNormalized: 0 })).toBe("Layout \"pip\": Guest camera now keeps its source's own size instead of 25% of the screen.");
    expect(summary({ ...corner, fillMode: "fit" })).toBe('Layout "pip": Guest camera now fills its box (fit).');
  });

  it("layers reordered, removed, and what is heard, each a sentence of the layout's change", () => {
    const change = onlyChange(screen(), screen({ layouts: { ...layouts, pip: { videoLayers: [corner, full], audioLayers: [{ locationId: "RV01", volumeRate: 0.5 }] } } }));
    expect(change.action).toBe("update");
    expect(change.summary).toBe('Layout "pip" is modified in place (3 changes).');
    expect(change.details).toEqual([
      "The layers, bottom to top, are now Guest camera, Main camera (were Main camera, Guest camera).",
      "Main camera is heard at 50% volume instead of 100%.",
      "Guest camera (RV02) is no longer heard.",
    ]);
    expect(onlyChange(screen(), withPip(full)).summary).toBe('Layout "pip" is modified in place (2 changes).');
    expect(onlyChange(screen(), withPip(full)).details).toEqual(["Guest camera (RV02) is no longer shown.", "Guest camera (RV02) is no longer heard."]);
  });

  it("layouts added and removed say what they show; the scene that swaps between them is one change", () => {
    const before = screen({ layouts: { split: layouts.split }, scenes: { pvw: { layout: "split" } } });
    const after = screen({ layouts: { pip: layouts.pip }, scenes: { pvw: { layout: "pip" } } });
    expect(summaries(after, before)).toEqual([
      'add layout pip: Layout "pip" added, bottom to top: Main camera full screen; Guest camera at the top-left, 25% of the screen.',
      'remove layout split: Layout "split" removed (it showed Main camera and Guest camera).',
      'update scene PVW: PVW now shows layout "pip" (was "split").',
    ]);
    expect(diffStudioFiles(before, after)[0].details).toEqual([
      "Layer 1: Main camera (RV01), full screen, its top-left corner at (0, 0), filling its box (fit).",
      "Layer 2: Guest camera (RV02), at the top-left, 25% of the screen, its top-left corner at (0.05, 0.05), keeping its shape.",
      "Heard: Main camera (RV01); Guest camera (RV02).",
    ]);
  });

  it("a layout renamed with the same layers is one replacement, and the scene follows it", () => {
    const renamed = screen({ layouts: { corner: layouts.pip, split: layouts.split }, scenes: { pgm: { layout: "corner", components: ["RC01", "RC02"] }, pvw: { layout: "split" } } });
    expect(summaries(renamed)).toEqual([
      'replace layout corner: Layout "pip" is renamed to "corner" with the same layers: it is made again under its new name, and the old one deleted.',
      'update scene PGM: PGM now shows layout "corner" (was "pip", the same layers under a new name).',
    ]);
  });

  it("PGM swapping its layout is one in-place scene change; components gained, lost and reordered are said", () => {
    expect(onlyChange(screen(), screen({ scenes: { pgm: { layout: "split", components: ["RC01", "RC02"] }, pvw: { layout: "split" } } }))).toEqual({
      subject: "scene PGM", action: "update", summary: 'PGM now shows layout "split" (was "pip").', details: [],
    });
    expect(summaries(screen({ scenes: { pgm: { layout: "pip", components: ["RC02", "RC01"] }, pvw: { layout: "split", components: ["RC01"] } } }))).toEqual([
      "update scene PGM: PGM now shows its components in another order, bottom to top: RC02, RC01 (was RC01, RC02).",
      'update scene PVW: PVW now also shows RC01 "Lower third".',
    ]);
    expect(summaries(screen({ scenes: { pgm: { layout: "split", components: ["RC01"] } } }))).toEqual([
      'update scene PGM: PGM now shows layout "split" (was "pip") and no longer shows RC02 "Logo".',
      "remove scene PVW: PVW is no longer bound by this file: its layout and components are cleared (DeleteCasterSceneConfig).",
    ]);
  });

  it("a lower third's text, colour and size change in place, each said", () => {
    expect(onlyChange(screen(), withLowerThird({ ...lowerThird, text: { ...lowerThird.text!, text: "Live from Shanghai" } }))).toEqual({
      subject: "component RC01", action: "update",
      summary: 'Component RC01 "Lower third": its text changes from "Live from Hangzhou" to "Live from Shanghai".', details: [],
    });
    const styled = onlyChange(screen(), withLowerThird({ ...lowerThird, text: { ...lowerThird.text!, color: "0xffff00", sizeNormalized: 0.06 } }));
    expect(styled.summary).toBe('Component RC01 "Lower third" is modified in place (2 changes).');
    expect(styled.details).toEqual(["Its colour changes from white (0xffffff) to yellow (0xffff00).", "Its size changes from 5% to 6% of the screen's height."]);
    const moved = onlyChange(screen(), withLowerThird({ ...lowerThird, geometry: { ...lowerThird.geometry, position: [0.05, 0.05], transparency: 128 }, effect: "animateH" }));
    expect(moved.details).toEqual(["Moves from bottom to top and is now 50.2% opaque (was opaque).", "Now scrolls across (animateH)."]);
    expect(onlyChange(screen(), screen({ components: { RC01: lowerThird, RC02: { ...logo, image: { materialId: "logo02" } } } })).summary)
      .toBe('Component RC02 "Logo": now shows the image asset logo02 instead of logo01.');
  });

  it("a component's layer order replaces it (the kind's spec), and the scenes that show it are set again", () => {
    expect(summaries(withLowerThird({ ...lowerThird, layerOrder: "background" }))).toEqual([
      'replace component RC01: Component RC01 "Lower third" is replaced because it moves under the picture (layerOrder background), which ModifyCasterComponent cannot change; the scenes that show it are set again.',
      'update scene PGM: PGM is set again, to show the new RC01 "Lower third" (replaced), with the same layout and components.',
    ]);
  });

  it("components added, removed and moved to another position, and the scenes that follow", () => {
    const caption: FileComponent = {
      componentType: "caption", geometry: { position: [0.5, 0.97], anchor: "bottomCenter", widthNormalized: 0.8, heightNormalized: 0.08 },
      caption: { sourceLocationId: "RV02", targetLanguage: "en" },
    };
    expect(summaries(screen({
      components: { RC01: lowerThird, RC05: caption },
      scenes: { pgm: { layout: "pip", components: ["RC01"] }, pvw: { layout: "split", components: ["RC05"] } },
    }))).toEqual([
      'remove component RC02: Component RC02 "Logo" removed (it showed the image asset logo01).',
      "add component RC05: Component RC05 added: captions of Guest camera (RV02), cn → en, at the bottom, 80% × 8% of the screen.",
      'update scene PGM: PGM no longer shows RC02 "Logo".',
      "update scene PVW: PVW now also shows RC05.",
    ]);
    expect(summaries(screen({ components: { RC03: lowerThird, RC02: logo }, scenes: { pgm: { layout: "pip", components: ["RC03", "RC02"] }, pvw: { layout: "split" } } }))).toEqual([
      'move component RC03: "Lower third" moves from RC01 to RC03 (removed at RC01 and added at RC03).',
      'update scene PGM: PGM shows RC03 "Lower third" at its new position (was RC01).',
    ]);
  });

  it("a file from nothing adds its layouts, components and bindings after its sources; a studio that moves takes them along", () => {
    const added = diffStudioFiles({}, screen());
    expect(added.map((change) => `${change.action} ${change.subject}`)).toEqual([
      "add RV01", "add RV02", "add layout pip", "add layout split", "add component RC01", "add component RC02", "add scene PGM", "add scene PVW",
    ]);
    expect(added[6].summary).toBe('PGM now shows layout "pip", with RC01 "Lower third" and RC02 "Logo" over it (bottom to top).');
    expect(added[7].summary).toBe('PVW now shows layout "split", with no components.');
    expect(onlyChange(screen(), screen({ caster: { casterId: "LIVEPRODUCER_POST-cn-other" } })).details)
      .toContain("Its layouts, components and scene bindings are made again there too.");
  });

  it("reads as a pull-request comment", () => {
    const after = screen({
      layouts: { ...layouts, pip: { videoLayers: [full, { ...corner, position: [0.95, 0.95], anchor: "bottomRight", widthNormalized: 0.3, heightNormalized: 0.3 }] } },
      scenes: { pgm: { layout: "split", components: ["RC01", "RC02"] }, pvw: { layout: "split" } },
    });
    expect(formatChanges(diffStudioFiles(screen(), after))).toBe([
      "### Studio file: 2 changes on air",
      "",
      "2 updated in place.",
      "",
      '- Layout "pip": Guest camera moves from top-left to bottom-right (now placed by its bottom-right corner) and grows from 25% to 30% of the width.',
      '- PGM now shows layout "split" (was "pip").',
      "",
    ].join("\n"));
  });
});

describe("diffStudioFiles: the file's connection", () => {
  test("a new connection is said first, as an update that moves nothing; the same one in another key order is no change", () => {
    const before = layout({ sources: { RV01: camera }, connection: { profile: "staging" } });
    const after = layout({ sources: { RV01: camera }, connection: { profile: "production", region: "cn-beijing" } });
    const changes = diffStudioFiles(before, after);
    expect(changes).toEqual([{
      subject: "connection",
      action: "update",
      summary: 'Everything in the file is reached through {"profile":"production","region":"cn-beijing"} instead of {"profile":"staging"}.',
      details: [expect.stringContaining("Nothing is moved")],
    }]);
    expect(diffStudioFiles(layout({ connection: { region: "cn-beijing", profile: "p" } }), layout({ connection: { profile: "p", region: "cn-beijing" } }))).toEqual([]);
    expect(diffStudioFiles(layout({ connection: { profile: "p" } }), layout())[0].summary).toContain("none (the stack's settings)");
  });

  test("an external ID (a secret of the role's trust policy) is masked; a change of it alone still reads as a change", () => {
    const role = (externalId: string) => ({ profile: "staging", assumeRole: { roleArn: "acs:ram::2222222222222222:role/caster-deployer", externalId } });
    const [first] = diffStudioFiles(layout({ connection: { profile: "staging" } }), layout({ connection: role("trust-policy-secret-1") }));
    expect(first.summary).toContain('"externalId":"***"');
    const [second] = diffStudioFiles(layout({ connection: role("trust-policy-secret-1") }), layout({ connection: role("trust-policy-secret-2") }));
    expect(second.summary).toContain("(another assumeRole.externalId)");
    expect(JSON.stringify([first, second])).not.toContain("trust-policy-secret");
  });
});
