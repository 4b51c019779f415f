import { renderHtml, renderSvg } from "./render";
import { SOURCE_KINDS, StudioLayoutDefinition } from "./schema";

/**
 * What the pictures say, read from their text. That the SVG parses as XML, and that what it draws
 * fits and does not overlap, is checked in a real browser: test/browser/render.browser.test.ts.
 */

const SECRET = "0f3c9e1d7a2b4c6e8f00deadbeef1234";
const LONG_NAME =
  "Main stage wide shot from the balcony camera, left side, with the sponsor banner and the audience in view";
const SPECIAL_NAME = `Q&A <live> "Ask" 'Me'`;

const layout: StudioLayoutDefinition = {
  caster: { casterId: "LIVEPRODUCER_POST-cn-0pp1czt1234" },
  sources: {
    // Listed out of order on purpose: the grid is by position, not by the file's order.
    RV12: { resourceName: "Lobby still", imageUrl: "https://media.example.com/stills/lobby.png" },
    RV01: { resourceName: "Main camera", liveStreamUrl: `rtmp://push.example.com/live/main?auth_key=1700000000-0-0-${SECRET}` },
    RV02: { resourceName: "Opening titles", vodUrl: `https://media.example.com/opening.mp4?auth_key=1700000000-0-0-${SECRET}`, repeatNum: -1 },
    RV03: { resourceName: "Sponsor reel", materialId: "a1b2c3d4", repeatNum: 3, beginOffset: 5000, endOffset: -10_000 },
    RV04: { resourceName: "Logo", imageId: "logo01" },
    RV05: { resourceName: SPECIAL_NAME, liveStreamUrl: "srt://ingest.example.com:9000" },
    RV99: { resourceName: LONG_NAME, vodUrl: "https://media.example.com/wide.flv", fixedDelayDuration: 500 },
  },
  episodeGroups: {
    // Key order is neither name nor time order; +08:00 puts "morning" before "late" in UTC.
    late: {
      startTime: "2026-12-24T20:00:00Z",
      items: [{ itemName: "Late show", vodUrl: `https://media.example.com/late.mp4?token=${SECRET}` }],
      callbackUrl: `https://hooks.example.com/caster?sign=${SECRET}`,
    },
    night: {
      startTime: "2026-12-25T02:00:00Z",
      repeatNum: -1,
      items: [
        { itemName: "Night loop A", vodUrl: "https://media.example.com/a.mp4" },
        { itemName: "Night loop B", vodUrl: "https://media.example.com/b.mp4" },
      ],
    },
    morning: {
      startTime: "2026-12-24T20:00:00+08:00",
      repeatNum: 0,
      items: [{ itemName: "Breakfast news", vodUrl: "https://media.example.com/news.ts" }],
    },
  },
};

/** The cells of the grid as [location, kind] pairs, in drawing order; kind is undefined for an empty cell. */
function cells(svg: string): [string, string | undefined][] {
  return [...svg.matchAll(/<g data-location="(RV\d\d)"(?: data-kind="([^"]*)")?>/g)].map((match) => [match[1], match[2]]);
}

/** The element `<g data-location="...">...</g>` of a cell, up to the next cell. */
function cellMarkup(svg: string, location: string): string {
  const start = svg.indexOf(`<g data-location="${location}"`);
  const end = svg.indexOf("<g data-location=", start + 1);
  return svg.slice(start, end === -1 ? undefined : end);
}

/** The texts a cell draws (its tooltip left out), unescaped. */
function drawnTexts(markup: string): string[] {
  return [...markup.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => unescapeXml(match[1]));
}

function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
}

/** A timeline row, up to the next one (the last row is the picture's last element). */
function rowMarkup(svg: string, group: string): string {
  const start = svg.indexOf(`<g data-group="${group}"`);
  const end = svg.indexOf("<g data-group=", start + 1);
  return svg.slice(start, end === -1 ? undefined : end);
}

/** The order in which rows with `data-group` appear. */
function groupOrder(markup: string): string[] {
  return [...markup.matchAll(/<(?:g|tr) data-group="([^"]+)"/g)].map((match) => match[1]);
}

/**
 * A quick structural check for the fast suite: every tag closed in order, every & an entity,
 * no < or > loose in text or attributes. The browser test parses the SVG with a real XML parser.
 */
function expectBalancedMarkup(markup: string): void {
  const open: string[] = [];
  const tokens = markup.split(/(<[^>]*>)/);
  for (const token of tokens) {
    if (token.startsWith("<")) {
      const tag = /^<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<>]*")*)\s*(\/?)>$/.exec(token);
      if (!tag) throw new Error(`malformed tag ${token}`);
      const [, closing, name, attributes, selfClosing] = tag;
      if (/&(?!(?:amp|lt|gt|quot|#39);)/.test(attributes)) throw new Error(`unescaped & in ${token}`);
      if (closing) {
        const expected = open.pop();
        if (expected !== name) throw new Error(`</${name}> closes <${expected}>`);
      } else if (!selfClosing) {
        open.push(name);
      }
    } else {
      if (/[<>]/.test(token)) throw new Error(`loose < or > in text ${JSON.stringify(token)}`);
      if (/&(?!(?:amp|lt|gt|quot|#39);)/.test(token)) throw new Error(`unescaped & in text ${JSON.stringify(token)}`);
    }
  }
  expect(open).toEqual([]);
}

describe("renderSvg", () => {
  const svg = renderSvg(layout, { title: "studio.yaml" });

  test("is one <svg> element with its size, namespace and accessible name", () => {
    expect(svg).toMatch(/^<svg /);
    expect(svg.trimEnd()).toMatch(/<\/svg>$/);
    const root = /^<svg[^>]*>/.exec(svg)![0];
    expect(root).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(root).toMatch(/ width="\d+"/);
    expect(root).toMatch(/ height="\d+"/);
    expect(root).toMatch(/ viewBox="0 0 \d+ \d+"/);
    expect(root).toContain('role="img"');
    expect(root).toMatch(/ aria-label="studio\.yaml: studio LIVEPRODUCER_POST-cn-0pp1czt1234 · 7 of 99 positions used · 3 episode groups"/);
    expect(root).toContain('font-family="DejaVu Sans, Arial, sans-serif"');
    expectBalancedMarkup(svg);
  });

  test("draws all 99 positions in order, RV01 first, each source's with its kind", () => {
    const drawn = cells(svg);
    expect(drawn.map(([location]) => location)).toEqual(Array.from({ length: 99 }, (_, i) => `RV${String(i + 1).padStart(2, "0")}`));
    expect(Object.fromEntries(drawn.filter(([, kind]) => kind !== undefined))).toEqual({
      RV01: SOURCE_KINDS.liveStreamUrl,
      RV02: SOURCE_KINDS.vodUrl,
      RV03: SOURCE_KINDS.materialId,
      RV04: SOURCE_KINDS.imageId,
      RV05: SOURCE_KINDS.liveStreamUrl,
      RV12: SOURCE_KINDS.imageUrl,
      RV99: SOURCE_KINDS.vodUrl,
    });
  });

  test("shows each source's position, kind and name in its cell", () => {
    for (const [location, source] of Object.entries(layout.sources!)) {
      const texts = drawnTexts(cellMarkup(svg, location));
      expect(texts[0]).toBe(location);
      expect(Object.values(SOURCE_KINDS)).toContain(texts[1]);
      if (source.resourceName !== LONG_NAME) expect(texts.slice(2).join(" ")).toContain(source.resourceName);
    }
  });

  test("draws an empty position faintly, with only its name", () => {
    const markup = cellMarkup(svg, "RV50");
    expect(markup).not.toContain("data-kind");
    expect(drawnTexts(markup)).toEqual(["RV50"]);
  });

  test("has a legend entry for every kind, with how many sources are of it", () => {
    const entries = [...svg.matchAll(/<g data-legend="([^"]+)">/g)].map((match) => match[1]);
    expect(entries).toEqual([
      "live stream (2)", "VOD file (2)", "media asset (1)", "image asset (1)", "image (1)", "empty position",
    ]);
  });

  test("gives short playback hints: loops, repeats, offsets, delay", () => {
    expect(drawnTexts(cellMarkup(svg, "RV02"))).toContain("loops");
    // A name on one line leaves the hints two.
    expect(drawnTexts(cellMarkup(svg, "RV03")).slice(3)).toEqual(["×3 · from 5 s", "to −10 s"]);
    expect(drawnTexts(cellMarkup(svg, "RV99"))).toContain("delay 500 ms");
    expect(drawnTexts(cellMarkup(svg, "RV01")).length).toBe(3); // a live stream has no playback settings
  });

  test("escapes a name with XML's special characters, in texts and attributes alike", () => {
    expect(svg).toContain("Q&amp;A &lt;live&gt; &quot;Ask&quot; &#39;Me&#39;");
    expect(svg).not.toContain(SPECIAL_NAME);
    expect(svg).not.toContain("<live>");
    expect(drawnTexts(cellMarkup(svg, "RV05")).slice(2).join(" ")).toBe(SPECIAL_NAME);
  });

  test("escapes every text it is given, the title and group and item names too", () => {
    const hostile: StudioLayoutDefinition = {
      sources: { RV01: { resourceName: "</text><script>alert(1)</script>", liveStreamUrl: "rtmp://a.example.com/x" } },
      episodeGroups: { a: { startTime: "2026-01-01T00:00:00Z", items: [{ itemName: `"/><g onload="x`, vodUrl: "https://a.example.com/a.mp4" }] } },
    };
    for (const output of [renderSvg(hostile, { title: "<b>&</b>" }), renderHtml(hostile, { title: "<b>&</b>" })]) {
      expect(output).not.toMatch(/<script|<\/?b>|onload="x/);
      expect(output).toContain("&quot;/&gt;&lt;g onload=&quot;x");
      expect(output).toContain("&lt;b&gt;&amp;&lt;/b&gt;");
    }
    expectBalancedMarkup(renderSvg(hostile, { title: "<b>&</b>" }));
  });

  test("replaces characters that XML cannot hold even escaped", () => {
    const output = renderSvg({ sources: { RV01: { resourceName: "bell\u0007 and \ud800 lone", imageId: "x" } } });
    expect(output).not.toMatch(/[\u0000-\u0008\ud800-\udfff]/);
    expect(output).toContain("bell\ufffd and \ufffd lone");
  });

  test("shows no URL, and no signature even from a signed URL pasted into a name", () => {
    const pasted: StudioLayoutDefinition = {
      ...layout,
      sources: { ...layout.sources, RV07: { resourceName: `Cam https://cdn.example.com/a.mp4?auth_key=${SECRET}`, materialId: "m1" } },
    };
    for (const output of [renderSvg(pasted), renderHtml(pasted)]) {
      expect(output).not.toContain(SECRET);
      expect(output).not.toMatch(/(media|hooks|push|ingest)\.example\.com/);
      expect(output).toContain("auth_key=***");
    }
  });

  test("shortens a long name with an ellipsis, and keeps it whole in the cell's tooltip", () => {
    const markup = cellMarkup(svg, "RV99");
    const nameLines = [...markup.matchAll(/<text[^>]*data-part="name"[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]);
    expect(nameLines).toHaveLength(2);
    expect(nameLines[0]).toBe("Main stage wide");
    expect(nameLines[1]).toMatch(/^shot from .*…$/);
    expect(nameLines.join(" ").length).toBeLessThan(40);
    expect(markup).toMatch(new RegExp(`<title>RV99 · VOD file\\n${LONG_NAME}\\nfixed delay 500 ms</title>`));
  });

  test("breaks a long word that fills a line inside it", () => {
    const output = renderSvg({ sources: { RV01: { resourceName: "W".repeat(128), imageId: "x" } } });
    const nameLines = drawnTexts(cellMarkup(output, "RV01")).slice(2);
    expect(nameLines).toHaveLength(2);
    expect(nameLines[0]).toMatch(/^W+$/);
    expect(nameLines[1]).toMatch(/^W+…$/);
  });

  test("draws the groups as timeline rows in the order they start, with their items and loop", () => {
    expect(groupOrder(svg)).toEqual(["morning", "late", "night"]);
    expect(svg).toContain('data-group="morning" data-start="2026-12-24T12:00:00.000Z"');
    expect(svg).toContain(">2026-12-24 12:00 UTC<");
    const items = [...svg.matchAll(/<g data-item="([^"]+)" data-index="(\d+)">/g)].map((match) => `${match[1]}#${match[2]}`);
    expect(items).toEqual(["Breakfast news#1", "Late show#1", "Night loop A#1", "Night loop B#2"]);
    expect(svg.match(/data-loop="true"/g)).toHaveLength(1);
    expect(rowMarkup(svg, "night")).toContain('data-loop="true"');
    expect(svg).toContain("the layout does not say how long each one plays");
  });

  test("labels the time axis in UTC", () => {
    const axis = svg.slice(svg.indexOf('<g data-part="axis">'));
    const labels = drawnTexts(axis.slice(0, axis.indexOf("</g>")));
    expect(labels).toContain("2026-12-24");
    expect(labels).toContain("12:00");
    expect(labels.filter((label) => /^\d\d:\d\d$/.test(label)).length).toBeGreaterThanOrEqual(2);
  });

  test("renders an empty layout: the empty grid and a line saying there are no groups", () => {
    const empty = renderSvg({});
    expect(cells(empty)).toHaveLength(99);
    expect(cells(empty).every(([, kind]) => kind === undefined)).toBe(true);
    expect(empty).toContain(">No episode groups in this layout.<");
    expect(empty).not.toContain("data-group");
    expect(empty).toContain("the studio the program passes as casterId · 0 of 99 positions used · 0 episode groups");
    expectBalancedMarkup(empty);
  });

  test("gives a single group an axis of its own", () => {
    const single = renderSvg({ episodeGroups: { solo: layout.episodeGroups!.night } });
    expect(groupOrder(single)).toEqual(["solo"]);
    const axis = single.slice(single.indexOf('<g data-part="axis">'));
    expect(drawnTexts(axis.slice(0, axis.indexOf("</g>")))).toEqual(["02:00", "2026-12-25"]);
    expect(single).not.toContain("NaN");
    expectBalancedMarkup(single);
  });

  test("is the same text for the same layout, whatever order the file lists things in", () => {
    const reordered: StudioLayoutDefinition = {
      episodeGroups: Object.fromEntries(Object.entries(layout.episodeGroups!).reverse()),
      sources: Object.fromEntries(Object.entries(layout.sources!).reverse()),
      caster: layout.caster,
    };
    expect(renderSvg(reordered, { title: "studio.yaml" })).toBe(svg);
  });
});

describe("renderHtml", () => {
  const html = renderHtml(layout, { title: "studio.yaml" });

  test("is a whole page with the SVG inline and nothing to load or run", () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).toContain('<meta charset="utf-8"/>');
    expect(html).toContain("default-src &#39;none&#39;");
    expect(html).toContain("<h1>studio.yaml</h1>");
    // The picture inline, without its own heading: the page's h1 and summary say it already.
    const picture = html.slice(html.indexOf("<figure><svg "), html.indexOf("</svg></figure>"));
    expect(picture).toContain('role="img"');
    expect(cells(picture)).toEqual(cells(renderSvg(layout)));
    expect(picture).not.toContain('data-part="title"');
    expect(html.match(/studio LIVEPRODUCER_POST-cn-0pp1czt1234 · 7 of 99 positions used/g)).toHaveLength(3); // summary, aria-label, <title>
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|\shref=|url\(|@import/i);
  });

  test("lists every source by position with its kind, name and playback settings", () => {
    const rows = [...html.matchAll(/<tr data-location="(RV\d\d)">(.*?)<\/tr>/g)];
    expect(rows.map((row) => row[1])).toEqual(["RV01", "RV02", "RV03", "RV04", "RV05", "RV12", "RV99"]);
    const row = (location: string) => rows.find((match) => match[1] === location)![2];
    expect(row("RV03")).toContain(">media asset<");
    expect(row("RV03")).toContain("repeats 3 times; starts at 5 s; ends 10 s before the last frame");
    expect(row("RV02")).toContain("<td>loops</td>");
    expect(row("RV99")).toContain(LONG_NAME);
    expect(row("RV05")).toContain("Q&amp;A &lt;live&gt; &quot;Ask&quot; &#39;Me&#39;");
    expect(row("RV01")).toContain('<span class="none">—</span>');
  });

  test("lists the groups in the order they start, in UTC, with their items in playing order", () => {
    expect(groupOrder(html.slice(html.indexOf('<table data-part="episode-groups"')))).toEqual(["morning", "late", "night"]);
    const morning = /<tr data-group="morning">(.*?)<\/tr>/.exec(html)![1];
    expect(morning).toContain("2026-12-24 12:00 UTC");
    expect(morning).toContain("written 2026-12-24T20:00:00+08:00");
    expect(morning).toContain("plays once");
    const night = /<tr data-group="night">(.*?)<\/tr>/.exec(html)![1];
    expect(night).not.toContain("written");
    expect(night).toContain("loops");
    expect(night).toContain("<ol><li>Night loop A</li><li>Night loop B</li></ol>");
    const late = /<tr data-group="late">(.*?)<\/tr>/.exec(html)![1];
    expect(late).toContain("own callback URL");
  });

  test("says so when there are no sources or groups", () => {
    const empty = renderHtml({});
    expect(empty).toContain("<h1>Studio layout</h1>");
    expect(empty).toContain("No sources in this layout.");
    expect(empty).toContain("No episode groups in this layout.");
  });
});
