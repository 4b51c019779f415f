import { renderHtml, renderSvg } from "./render";
import { SOURCE_KINDS, StudioFileDefinition } from "./schema";

/**
 * What the pictures say, read from their text. That the SVG parses as XML, and that what it draws
 * fits and does not overlap, is checked in a real browser: test/browser/render.browser.test.ts.
 */

const SECRET = "0f3c9e1d7a2b4c6e8f00deadbeef1234";
const LONG_NAME =
  "Main stage wide shot from the balcony camera, left side, with the sponsor banner and the audience in view";
const SPECIAL_NAME = `Q&A <live> "Ask" 'Me'`;

const layout: StudioFileDefinition = {
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

/** The element `<g data-location="...">...</g>` of a cell, up to the next cell or section. */
function cellMarkup(svg: string, location: string): string {
  const start = svg.indexOf(`<g data-location="${location}"`);
  const ends = ["<g data-location=", '<g data-part="screens"', '<g data-part="timeline"']
    .map((marker) => svg.indexOf(marker, start + 1))
    .filter((end) => end !== -1);
  return svg.slice(start, ends.length === 0 ? undefined : Math.min(...ends));
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

  test("draws only the declared positions, in position order, each with its kind: no grid of empty boxes", () => {
    const drawn = cells(svg);
    expect(drawn.map(([location]) => location)).toEqual(["RV01", "RV02", "RV03", "RV04", "RV05", "RV12", "RV99"]);
    expect(Object.fromEntries(drawn)).toEqual({
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

  test("draws nothing for an empty position, and places the declared ones ten to a row", () => {
    expect(svg).not.toContain('data-location="RV50"');
    const xOf = (location: string) => Number(new RegExp(`<g data-location="${location}"[^>]*><title>[^<]*</title><rect data-part="cell" x="([\\d.]+)"`).exec(svg)![1]);
    // RV12 is the sixth declared source: the sixth card of the row, not the twelfth cell of a grid.
    expect(xOf("RV12") - xOf("RV01")).toBe(5 * (130 + 8));
  });

  test("has a legend entry for every kind, with how many sources are of it", () => {
    const entries = [...svg.matchAll(/<g data-legend="([^"]+)">/g)].map((match) => match[1]);
    expect(entries).toEqual([
      "live stream (2)", "VOD file (2)", "media asset (1)", "image asset (1)", "image (1)",
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
    const hostile: StudioFileDefinition = {
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
    const pasted: StudioFileDefinition = {
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
    expect(drawnTexts(cellMarkup(output, "RV01")).slice(0, 2)).toEqual(["RV01", "image asset"]);
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
    expect(svg).toContain("the file does not say how long each one plays");
  });

  test("labels the time axis in UTC", () => {
    const axis = svg.slice(svg.indexOf('<g data-part="axis">'));
    const labels = drawnTexts(axis.slice(0, axis.indexOf("</g>")));
    expect(labels).toContain("2026-12-24");
    expect(labels).toContain("12:00");
    expect(labels.filter((label) => /^\d\d:\d\d$/.test(label)).length).toBeGreaterThanOrEqual(2);
  });

  test("renders an empty file: lines saying there are no sources and no groups", () => {
    const empty = renderSvg({});
    expect(cells(empty)).toHaveLength(0);
    expect(empty).toContain(">No sources in this file.<");
    expect(empty).toContain(">No episode groups in this file.<");
    expect(empty).not.toContain('data-part="screens"');
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
    const reordered: StudioFileDefinition = {
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
    expect(empty).toContain("<h1>Studio file</h1>");
    expect(empty).toContain("No sources in this file.");
    expect(empty).toContain("No episode groups in this file.");
    expect(empty).not.toContain('data-part="layouts"');
  });
});

describe("a studio the file makes (issue 12)", () => {
  const made: StudioFileDefinition = {
    caster: {
      new: {
        casterName: "Evening show", normType: 1, casterTemplate: "lp_hd", delaySeconds: 3, domainName: "live.example.com", running: true,
        standbyLiveStreamUrl: `rtmp://push.example.com/live/standby?auth_key=1700000000-0-0-${SECRET}`, autoSwitchToStandby: true,
        callbackUrl: { secret: "hookUrl" },
      },
    },
    sources: { RV01: layout.sources!.RV01 },
  };
  const facts = '"Evening show" · general studio · lp_hd (high definition) · delay 3 s · domain live.example.com · standby live stream, switched to by itself';

  test("the SVG shows its header: on air, name, template, delay, domain and standby, and no URL", () => {
    const svg = renderSvg(made, { title: "studio.yaml" });
    const header = svg.slice(svg.indexOf('<g data-part="studio"'), svg.indexOf('<g data-part="legend"'));
    expect(header).toContain('data-running="true"');
    expect(drawnTexts(header)).toEqual(["ON AIR", facts]);
    expect(header).toContain(`<title>On air: ${facts.replace(/"/g, "&quot;")}</title>`);
    expect(svg).toContain('aria-label="studio.yaml: the studio &quot;Evening show&quot;, made by this file · 1 of 99 positions used · 0 episode groups"');
    expect(svg).not.toContain(SECRET);
    expect(svg).not.toContain("hookUrl");
    expect(svg).not.toContain("push.example.com");
    expectBalancedMarkup(svg);
  });

  test("a stopped studio says so, and one with little declared shows what it has", () => {
    const stopped = renderSvg({ caster: { new: { normType: 6, casterTemplate: "lp_sd_v", delaySeconds: 0 } } });
    const header = stopped.slice(stopped.indexOf('<g data-part="studio"'), stopped.indexOf('<g data-part="legend"'));
    expect(header).toContain('data-running="false"');
    expect(drawnTexts(header)).toEqual(["STOPPED", "unnamed studio · carousel studio · lp_sd_v (standard definition, portrait) · no delay · no standby"]);
    expect(stopped).toContain("a studio made by this file · 0 of 99 positions used");
  });

  test("the grid moves down to make room for the header, and a layout with an existing studio has none", () => {
    const top = (svg: string) => Number(/<g data-location="RV01"[^>]*><title>[^<]*<\/title><rect data-part="cell" x="24" y="([\d.]+)"/.exec(svg)?.[1]);
    const existing = { ...made, caster: { casterId: "LIVEPRODUCER_POST-cn-0pp1czt1234" } };
    expect(top(renderSvg(made))).toBeGreaterThan(top(renderSvg(existing)));
    expect(renderSvg(existing)).not.toContain('data-part="studio"');
    expect(renderHtml(existing)).not.toContain('data-part="studio"');
  });

  test("the HTML page shows the same header under its summary", () => {
    const html = renderHtml(made, { title: "studio.yaml" });
    const paragraph = /<p class="studio" data-part="studio" data-running="true">(.*?)<\/p>/.exec(html)?.[1];
    expect(paragraph).toContain(">On air</span>");
    expect(paragraph).toContain(facts.replace(/"/g, "&quot;"));
    expect(html.indexOf('class="summary"')).toBeLessThan(html.indexOf('data-part="studio"'));
    // The picture inside the page has no heading, so no header of its own: the page's is the one.
    const picture = html.slice(html.indexOf("<figure><svg "), html.indexOf("</svg></figure>"));
    expect(picture).not.toContain('data-part="studio"');
    expect(html).not.toContain(SECRET);
  });
});

describe("the screen: layouts, components and scenes (issue 13)", () => {
  const screen: StudioFileDefinition = {
    caster: { new: { casterName: "Evening show", normType: 1, casterTemplate: "lp_hd", domainName: "live.example.com", running: true } },
    sources: {
      RV01: { resourceName: "Main camera", liveStreamUrl: `rtmp://push.example.com/live/main?auth_key=1700000000-0-0-${SECRET}` },
      RV02: { resourceName: "Guest camera", liveStreamUrl: "rtmp://push.example.com/live/guest" },
      RV03: { resourceName: "Station logo", imageUrl: "https://media.example.com/logo.png" },
    },
    layouts: {
      pip: {
        videoLayers: [
          { locationId: "RV01", position: [0, 0], widthNormalized: 1, heightNormalized: 1, fillMode: "fit" },
          { locationId: "RV02", position: [0.95, 0.95], anchor: "bottomRight", widthNormalized: 0.3, heightNormalized: 0.3 },
        ],
      },
      corner: { videoLayers: [{ locationId: "RV03", position: [0.5, 0.5], anchor: "center" }] },
      spare: { videoLayers: [{ locationId: "RV02", position: [0.25, 0], widthNormalized: 0.5 }] },
    },
    components: {
      RC01: {
        componentName: "Lower third", componentType: "text",
        geometry: { position: [0.05, 0.85], widthNormalized: 0.6, heightNormalized: 0.1, transparency: 128 },
        text: { text: "Live & <direct>", color: "0xFFFF00", sizeNormalized: 0.05 },
      },
      RC02: { componentName: "Logo", componentType: "image", geometry: { position: [0.95, 0.05], anchor: "topRight", widthNormalized: 0.1, heightNormalized: 0.1 }, image: { materialId: "logo01" } },
      RC03: { componentType: "caption", geometry: { position: [0.5, 0.97], anchor: "bottomCenter", widthNormalized: 0.8, heightNormalized: 0.08 }, caption: { sourceLocationId: "RV01", targetLanguage: "en" } },
      RC04: { componentType: "text", layerOrder: "background", geometry: { position: [0, 0] }, text: { text: "Backdrop" } },
      RC05: { componentName: "Ticker", componentType: "text", geometry: { position: [0, 0.95] }, text: { text: "Next: news" } },
    },
    scenes: { pgm: { layout: "pip", components: ["RC04", "RC01", "RC02"] }, pvw: { layout: "corner", components: ["RC03"] } },
  };
  const svg = renderSvg(screen, { title: "studio.yaml" });

  type Rect = { x: number; y: number; width: number; height: number };
  const rectIn = (markup: string, part: string): Rect => {
    const match = new RegExp(`<rect data-part="${part}" x="([\\d.]+)" y="([\\d.]+)" width="([\\d.]+)" height="([\\d.]+)"`).exec(markup);
    if (!match) throw new Error(`no ${part} in ${markup.slice(0, 200)}`);
    return { x: Number(match[1]), y: Number(match[2]), width: Number(match[3]), height: Number(match[4]) };
  };
  /** A `<g data-{attribute}="{value}"` element, up to its end (the next sibling of the same kind or its view's end). */
  const elementMarkup = (markup: string, attribute: string, value: string): string => {
    const start = markup.indexOf(`<g data-${attribute}="${value}"`);
    if (start === -1) throw new Error(`no data-${attribute}="${value}"`);
    let depth = 0;
    const tags = /<(\/?)g[\s>]/g;
    tags.lastIndex = start;
    for (let match = tags.exec(markup); match; match = tags.exec(markup)) {
      depth += match[1] ? -1 : 1;
      if (depth === 0) return markup.slice(start, match.index + 4);
    }
    return markup.slice(start);
  };
  const view = (layout: string) => elementMarkup(svg, "view", layout);
  const expectClose = (actual: Rect, expected: Rect) => {
    // Coordinates are written to a tenth of a pixel.
    for (const key of ["x", "y", "width", "height"] as const) expect(Math.abs(actual[key] - expected[key])).toBeLessThanOrEqual(0.1);
  };
  /** The frame's pixels for a normalized box. */
  const on = (frame: Rect, box: Rect): Rect => ({
    x: frame.x + box.x * frame.width, y: frame.y + box.y * frame.height, width: box.width * frame.width, height: box.height * frame.height,
  });

  test("draws each layout as a 16:9 frame, what PGM shows first, then PVW's, then the layouts no scene shows", () => {
    expect([...svg.matchAll(/<g data-view="([^"]+)" data-scenes="([^"]*)">/g)].map((match) => `${match[1]}:${match[2]}`))
      .toEqual(["pip:pgm", "corner:pvw", "spare:"]);
    const frame = rectIn(view("pip"), "screen");
    expect(frame.width).toBeCloseTo((1420 - 48 - 32) / 2, 1);
    expect(frame.width / frame.height).toBeCloseTo(16 / 9, 2);
    expectBalancedMarkup(svg);
  });

  test("every video layer is a box at its normalized position and size, measured from its anchor, bottom to top", () => {
    const markup = view("pip");
    const frame = rectIn(markup, "screen");
    expect([...markup.matchAll(/<g data-layer="(RV\d\d)" data-index="(\d)"/g)].map((match) => `${match[2]}:${match[1]}`)).toEqual(["1:RV01", "2:RV02"]);
    expectClose(rectIn(elementMarkup(markup, "layer", "RV01"), "layer-box"), frame);
    // bottomRight at (0.95, 0.95), 0.3 × 0.3: its top-left corner is at (0.65, 0.65).
    expectClose(rectIn(elementMarkup(markup, "layer", "RV02"), "layer-box"), on(frame, { x: 0.65, y: 0.65, width: 0.3, height: 0.3 }));
    expect(elementMarkup(markup, "layer", "RV02")).toContain('data-box="0.65 0.65 0.3 0.3"');
  });

  test("labels each layer with its source's position, kind and name, and its order", () => {
    const guest = elementMarkup(view("pip"), "layer", "RV02");
    expect(drawnTexts(guest)).toEqual(["RV02 · live stream", "Guest camera", "keeps its shape", "2"]);
    expect(guest).toContain("<title>Layer 2 of 2 (top): RV02 &quot;Guest camera&quot; (live stream), bottom-right, 30% of the screen, its bottom-right corner at (0.95, 0.95), keeping its shape</title>");
  });

  test("a layer of size 0 keeps its source's size: drawn dashed at a third of the screen, from its anchor, marked so", () => {
    const markup = view("corner");
    const frame = rectIn(markup, "screen");
    const logo = elementMarkup(markup, "layer", "RV03");
    expect(logo).toContain('data-size="source"');
    expect(logo).toContain('stroke-dasharray="6 4"');
    expectClose(rectIn(logo, "layer-box"), on(frame, { x: 0.5 - 1 / 6, y: 0.5 - 1 / 6, width: 1 / 3, height: 1 / 3 }));
    expect(drawnTexts(logo)).toContain("source size · keeps its shape");
    // One size given: the other follows the source's shape, the screen's.
    const spare = elementMarkup(view("spare"), "layer", "RV02");
    expect(spare).toContain('data-size="source shape"');
    expectClose(rectIn(spare, "layer-box"), on(rectIn(view("spare"), "screen"), { x: 0.25, y: 0, width: 0.5, height: 0.5 }));
  });

  test("draws the scene's components over the layers in its order, background ones under them", () => {
    const markup = view("pip");
    const order = [...markup.matchAll(/<g data-(layer|component)="(R[VC]\d\d)"/g)].map((match) => match[2]);
    expect(order).toEqual(["RC04", "RV01", "RV02", "RC01", "RC02"]);
    expect(markup).not.toContain('data-component="RC03"');
  });

  test("a text component is drawn as its text, at its size and colour, in its box", () => {
    const markup = view("pip");
    const frame = rectIn(markup, "screen");
    const text = elementMarkup(markup, "component", "RC01");
    expectClose(rectIn(text, "component-box"), on(frame, { x: 0.05, y: 0.85, width: 0.6, height: 0.1 }));
    const drawn = /<text x="([\d.]+)" y="[\d.]+" font-size="([\d.]+)" fill="([^"]+)" fill-opacity="([\d.]+)"[^>]*data-part="component-text"[^>]*>([^<]*)<\/text>/.exec(text)!;
    expect(Number(drawn[1])).toBeCloseTo(frame.x + 0.05 * frame.width, 0);
    expect(Number(drawn[2])).toBeCloseTo(0.05 * frame.height, 0);
    expect(drawn[3]).toBe("#ffff00");
    expect(Number(drawn[4])).toBeCloseTo(128 / 255, 1);
    expect(unescapeXml(drawn[5])).toBe("Live & <direct>");
    expect(drawnTexts(text)).toContain("RC01 · text");
    // A text of size 0 at the default size, marked.
    expect(elementMarkup(markup, "component", "RC04")).toContain('data-size="default"');
  });

  test("images and captions are labelled boxes at their geometry", () => {
    const frame = rectIn(view("pip"), "screen");
    const logo = elementMarkup(view("pip"), "component", "RC02");
    expectClose(rectIn(logo, "component-box"), on(frame, { x: 0.85, y: 0.05, width: 0.1, height: 0.1 }));
    // A small box: its position, then as much of the rest as fits; the tooltip has it all.
    expect(drawnTexts(logo)).toEqual(["RC02", "Logo"]);
    expect(logo).toContain("<title>RC02 &quot;Logo&quot;: image logo01; top-right, 10% of the screen</title>");
    const caption = elementMarkup(view("corner"), "component", "RC03");
    expectClose(rectIn(caption, "component-box"), on(rectIn(view("corner"), "screen"), { x: 0.1, y: 0.89, width: 0.8, height: 0.08 }));
    expect(drawnTexts(caption).join(" ")).toContain('RC03 · caption · of RV01 "Main camera", cn → en');
  });

  test("marks what PGM and PVW show, and says what shows nothing and what is in no scene", () => {
    expect(drawnTexts(view("pip"))).toContain("PGM · ON AIR");
    expect(drawnTexts(view("corner"))).toContain("PVW · PREVIEW");
    expect(view("pip")).toContain('stroke="#c62828" stroke-width="3"');
    expect(drawnTexts(view("spare"))).toContain("in no scene");
    expect(svg).toMatch(/>Components in no scene: RC05 &quot;Ticker&quot; \(text\)</);
    expect(svg).toContain("5 components · PGM and PVW bound");
    expect(svg).toContain("Heard: Main camera (RV01) · Guest camera (RV02)");
  });

  test("a portrait studio's frames are 9:16", () => {
    const portrait = renderSvg({ ...screen, caster: { new: { normType: 1, casterTemplate: "lp_sd_v", running: true } } });
    const frame = rectIn(elementMarkup(portrait, "view", "pip"), "screen");
    expect(frame.height / frame.width).toBeCloseTo(16 / 9, 2);
    expect(portrait).toContain("Drawn to the studio&#39;s 9:16 screen.");
    // Both scenes on one layout with the same components: one frame, both marked, in the short form a narrow frame has room for.
    const both = renderSvg({ ...screen, caster: { new: { normType: 1, casterTemplate: "lp_sd_v", running: true } }, scenes: { pgm: { layout: "pip" }, pvw: { layout: "pip" } } });
    expect([...both.matchAll(/<g data-view="([^"]+)" data-scenes="([^"]*)">/g)].map((match) => `${match[1]}:${match[2]}`)).toEqual(["pip:pgm pvw", "corner:", "spare:"]);
    expect(drawnTexts(elementMarkup(both, "view", "pip")).filter((text) => /^P[GV][MW]/.test(text))).toEqual(["PGM", "PVW"]);
    // An existing studio's template is not in the file: 16:9, and the picture says it assumes so.
    expect(renderSvg({ ...screen, caster: { casterId: "LIVEPRODUCER_POST-cn-0pp1czt1234" } })).toContain("Drawn to a 16:9 screen (the studio&#39;s template is not in this file).");
  });

  test("no URL, no signature; the HTML page lists every layer and component in words", () => {
    const html = renderHtml(screen, { title: "studio.yaml" });
    for (const output of [svg, html]) {
      expect(output).not.toContain(SECRET);
      expect(output).not.toMatch(/(media|push)\.example\.com/);
    }
    const pip = /<tr data-layout="pip">(.*?)<\/tr>/.exec(html)![1];
    expect(pip).toContain("PGM · ON AIR");
    expect(pip).toContain("<li>RV02 &quot;Guest camera&quot; (live stream): bottom-right, 30% of the screen, its bottom-right corner at (0.95, 0.95), keeping its shape</li>");
    const lowerThird = /<tr data-component="RC01">(.*?)<\/tr>/.exec(html)![1];
    expect(lowerThird).toContain("text &quot;Live &amp; &lt;direct&gt;&quot;, yellow (0xffff00), 5% of the screen&#39;s height, KaiTi");
    // Placed by its centre, in thirds of the screen.
    expect(lowerThird).toContain("bottom, 60% × 10% of the screen, 50.2% opaque");
    expect(/<tr data-component="RC05">(.*?)<\/tr>/.exec(html)![1]).toContain("no scene");
  });

  test("a file with none of them draws no screen section", () => {
    expect(renderSvg(layout)).not.toContain('data-part="screens"');
    expect(renderHtml(layout)).not.toContain("Layouts and scenes");
  });
});
