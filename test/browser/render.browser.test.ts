/// <reference lib="dom" />
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { Browser, chromium, Page } from "playwright-core";
import { renderHtml, renderSvg } from "../../studio-file/render";
import { StudioFileDefinition } from "../../studio-file/schema";
import { CHROMIUM_ARGS, describeWithChromium } from "../helpers/chromium";

/**
 * The layout page as Chromium draws it: what is shown (boxes, order, overlap), not only what the
 * markup says. The page, the SVG and a screenshot are kept in test/artifacts for a person to look at.
 */

const ARTIFACTS = path.resolve(__dirname, "../artifacts");
const SECRET = "9b1e4f7c2d8a6e3b5c0f1a2d3e4f5a6b";
const LONG_NAME =
  "Keynote replay: the full opening session with the product roadmap, customer stories and the live Q&A segment";
const SPECIAL_NAME = `Q&A <Live> "Ask the CTO" & 'friends'`;

const layout: StudioFileDefinition = {
  caster: { config: "casterId" },
  sources: {
    RV01: { resourceName: "Main stage camera", liveStreamUrl: `rtmp://push.example.com/live/main?auth_key=1767225600-0-0-${SECRET}` },
    RV02: { resourceName: "Backstage camera", liveStreamUrl: "srt://ingest.example.com:9000?streamid=backstage" },
    RV05: { resourceName: "Opening titles", vodUrl: "https://media.example.com/titles/opening.mp4", repeatNum: -1 },
    RV14: { resourceName: "Sponsor reel", materialId: "a1b2c3d4e5", repeatNum: 3, beginOffset: 5000, endOffset: -10_000 },
    RV27: { resourceName: "Station logo", imageId: "logo-2026" },
    RV40: { resourceName: "Lobby still – please stand by", imageUrl: "https://media.example.com/stills/lobby.png" },
    RV63: {
      resourceName: LONG_NAME,
      vodUrl: `https://media.example.com/replays/keynote.mp4?auth_key=1767225600-0-0-${SECRET}`,
      fixedDelayDuration: 800,
      ptsCallbackInterval: 1000,
    },
    RV99: { resourceName: SPECIAL_NAME, liveStreamUrl: "rtmps://push.example.com/live/qa" },
  },
  episodeGroups: {
    // Neither in time nor in name order, and one in another zone.
    "evening-loop": {
      startTime: "2026-12-25T18:00:00Z",
      repeatNum: -1,
      items: [
        { itemName: "Highlights", vodUrl: "https://media.example.com/loop/highlights.mp4" },
        { itemName: "Sponsor message", vodUrl: "https://media.example.com/loop/sponsor.mp4" },
        { itemName: "Interview: the road to 2027", vodUrl: "https://media.example.com/loop/interview.mp4" },
        { itemName: "Station ident", vodUrl: "https://media.example.com/loop/ident.mp4" },
      ],
    },
    "morning-news": {
      startTime: "2026-12-25T08:00:00+08:00",
      items: [
        { itemName: "Headlines", vodUrl: `https://media.example.com/news/headlines.mp4?auth_key=1767225600-0-0-${SECRET}` },
        { itemName: "Weather", vodUrl: "https://media.example.com/news/weather.mp4" },
        { itemName: "Markets", vodUrl: "https://media.example.com/news/markets.mp4" },
      ],
    },
    afternoon: {
      startTime: "2026-12-25T06:30:00Z",
      repeatNum: 0,
      items: [
        { itemName: "Documentary: building the new broadcast centre, part one", vodUrl: "https://media.example.com/doc/1.mp4" },
        { itemName: "Documentary, part two", vodUrl: "https://media.example.com/doc/2.mp4" },
      ],
      callbackUrl: `https://hooks.example.com/caster?token=${SECRET}`,
    },
  },
};

const GROUPS_BY_START = Object.entries(layout.episodeGroups!)
  .sort(([, a], [, b]) => Date.parse(a.startTime) - Date.parse(b.startTime))
  .map(([name]) => name);

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Half a pixel of slack for anti-aliased edges. */
const TOLERANCE = 0.5;

function inside(inner: Box, outer: Box): boolean {
  return inner.left >= outer.left - TOLERANCE && inner.right <= outer.right + TOLERANCE
    && inner.top >= outer.top - TOLERANCE && inner.bottom <= outer.bottom + TOLERANCE;
}

function overlap(a: Box, b: Box): boolean {
  return a.left < b.right - TOLERANCE && b.left < a.right - TOLERANCE && a.top < b.bottom - TOLERANCE && b.top < a.bottom - TOLERANCE;
}

function describeBox(box: Box): string {
  return `[${box.left.toFixed(1)},${box.top.toFixed(1)} → ${box.right.toFixed(1)},${box.bottom.toFixed(1)}]`;
}

/** A text as Chromium shows it: its box, and whether it is really seen (styled visible, not covered at its centre). */
interface ShownText {
  text: string;
  box: Box;
  visible: boolean;
}

describeWithChromium("the studio layout page in Chromium", (executablePath) => {
  let browser: Browser;
  let page: Page;
  let workDir: string;
  let pageUrl: string;
  const requested: string[] = [];
  const svg = renderSvg(layout, { title: "examples/studio/studio.yaml" });
  const html = renderHtml(layout, { title: "examples/studio/studio.yaml" });

  beforeAll(async () => {
    workDir = mkdtempSync(path.join(os.tmpdir(), "studio-layout-"));
    const pageFile = path.join(workDir, "studio-layout.html");
    writeFileSync(pageFile, html);
    pageUrl = pathToFileURL(pageFile).href;
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
    page.on("request", (request) => requested.push(request.url()));
    await page.goto(pageUrl, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    // The whole page in the viewport: elementFromPoint, which the visibility checks use, sees only what is in it.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: 1500, height });

    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(path.join(ARTIFACTS, "studio-layout.html"), html);
    writeFileSync(path.join(ARTIFACTS, "studio-layout.svg"), svg);
    await page.screenshot({ path: path.join(ARTIFACTS, "studio-layout.png"), fullPage: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  /** Every text of the elements matching `selector`, as shown, grouped by the element. */
  async function shownTexts(selector: string): Promise<{ key: string; frame: Box; texts: ShownText[] }[]> {
    return page.evaluate((selector) => {
      const box = (element: Element): Box => {
        const { left, top, right, bottom } = element.getBoundingClientRect();
        return { left, top, right, bottom };
      };
      return Array.from(document.querySelectorAll(selector)).map((group) => {
        const frame = group.querySelector("[data-part=cell], [data-part=segment]") ?? group;
        return {
          key: group.getAttribute("data-location") ?? group.getAttribute("data-item") ?? "",
          frame: box(frame),
          texts: Array.from(group.querySelectorAll("text")).map((text) => {
            const shown = box(text);
            const style = getComputedStyle(text);
            // What is at the text's centre is the text itself, not something drawn over it.
            const atCentre = document.elementFromPoint((shown.left + shown.right) / 2, (shown.top + shown.bottom) / 2);
            const visible = style.visibility === "visible" && style.display !== "none" && Number(style.opacity) > 0
              && shown.right - shown.left > 0 && shown.bottom - shown.top > 0
              && atCentre !== null && (atCentre === text || text.contains(atCentre));
            return { text: text.textContent ?? "", box: shown, visible };
          }),
        };
      });
    }, selector);
  }

  test("the SVG is well-formed XML: DOMParser parses it without a parsererror", async () => {
    const hostile = renderSvg({
      sources: { RV01: { resourceName: "</text><x a=\"&\">]]>\u0007", liveStreamUrl: "rtmp://a.example.com/x" } },
      episodeGroups: { a: { startTime: "2026-01-01T00:00:00Z", items: [{ itemName: "<&'\">", vodUrl: "https://a.example.com/a.mp4" }] } },
    }, { title: "<&>" });
    const results = await page.evaluate((documents) => documents.map((source) => {
      const parsed = new DOMParser().parseFromString(source, "image/svg+xml");
      return {
        errors: Array.from(parsed.getElementsByTagName("parsererror")).map((error) => error.textContent),
        root: `${parsed.documentElement.namespaceURI} ${parsed.documentElement.localName}`,
        cells: parsed.querySelectorAll("g[data-location]").length,
      };
    }), [svg, renderSvg({}), hostile]);
    // Only the declared positions are drawn: no grid of empty boxes.
    expect(results.map((result) => result.cells)).toEqual([Object.keys(layout.sources!).length, 0, 1]);
    for (const result of results) {
      expect(result.errors).toEqual([]);
      expect(result.root).toBe("http://www.w3.org/2000/svg svg");
    }
  });

  test("the page loads nothing but itself", () => {
    expect(requested).toEqual([pageUrl]);
  });

  test("every occupied cell shows its texts, each visible and inside the cell, none on another", async () => {
    const cells = await shownTexts("g[data-location][data-kind]");
    expect(cells.map((cell) => cell.key).sort()).toEqual(Object.keys(layout.sources!).sort());
    for (const cell of cells) {
      expect(cell.texts.length).toBeGreaterThanOrEqual(3);
      for (const text of cell.texts) {
        expect({ cell: cell.key, text: text.text, visible: text.visible }).toEqual({ cell: cell.key, text: text.text, visible: true });
        if (!inside(text.box, cell.frame)) {
          throw new Error(`${cell.key}: "${text.text}" ${describeBox(text.box)} overflows its cell ${describeBox(cell.frame)}`);
        }
      }
      for (const [index, a] of cell.texts.entries()) {
        for (const b of cell.texts.slice(index + 1)) {
          if (overlap(a.box, b.box)) throw new Error(`${cell.key}: "${a.text}" and "${b.text}" overlap`);
        }
      }
    }
  });

  test("the long name is cut short with an ellipsis and stays inside its cell; the special one reads as written", async () => {
    const cells = await shownTexts("g[data-location][data-kind]");
    const long = cells.find((cell) => cell.key === "RV63")!;
    const nameLines = long.texts.slice(2, 4).map((text) => text.text);
    expect(nameLines[1]).toMatch(/…$/);
    expect(LONG_NAME.startsWith(nameLines.join(" ").replace(/…$/, ""))).toBe(true);
    const special = cells.find((cell) => cell.key === "RV99")!;
    const specialName = special.texts.filter((text) => text.box.top > special.frame.top + 19).map((text) => text.text).join(" ");
    expect(specialName.startsWith("Q&A <Live> \"Ask")).toBe(true);
    expect(SPECIAL_NAME.startsWith(specialName.replace(/…$/, ""))).toBe(true);
    const tooltip = await page.locator('g[data-location="RV63"] > title').textContent();
    expect(tooltip).toContain(LONG_NAME);
  });

  test("no two cells overlap, and every text of the picture is inside it", async () => {
    const { cells, picture, texts } = await page.evaluate(() => {
      const box = (element: Element): Box => {
        const { left, top, right, bottom } = element.getBoundingClientRect();
        return { left, top, right, bottom };
      };
      const svgElement = document.querySelector("figure svg")!;
      return {
        cells: Array.from(document.querySelectorAll("[data-part=cell]")).map(box),
        picture: box(svgElement),
        texts: Array.from(svgElement.querySelectorAll("text")).map((text) => ({ text: text.textContent, box: box(text) })),
      };
    });
    expect(cells).toHaveLength(Object.keys(layout.sources!).length);
    for (const [index, a] of cells.entries()) {
      for (const b of cells.slice(index + 1)) expect(overlap(a, b)).toBe(false);
    }
    for (const text of texts) {
      if (!inside(text.box, picture)) throw new Error(`"${text.text}" ${describeBox(text.box)} is outside the picture ${describeBox(picture)}`);
    }
  });

  test("the legend's entries sit side by side without touching", async () => {
    const entries = await page.evaluate(() => Array.from(document.querySelectorAll("g[data-legend]")).map((entry) => {
      const { left, top, right, bottom } = entry.getBoundingClientRect();
      return { label: entry.getAttribute("data-legend"), box: { left, top, right, bottom } };
    }));
    expect(entries).toHaveLength(5);
    for (const [index, a] of entries.entries()) {
      for (const b of entries.slice(index + 1)) expect(overlap(a.box, b.box)).toBe(false);
    }
  });

  test("the timeline's rows go down in the order the groups start", async () => {
    const rows = await page.evaluate(() => Array.from(document.querySelectorAll("g[data-group]")).map((row) => ({
      name: row.getAttribute("data-group"),
      top: row.getBoundingClientRect().top,
      marker: row.querySelector("[data-part=start-marker]")!.getBoundingClientRect().left,
    })));
    const byScreen = [...rows].sort((a, b) => a.top - b.top);
    expect(byScreen.map((row) => row.name)).toEqual(GROUPS_BY_START);
    // Later starts are further right: the markers follow the time axis.
    for (let index = 1; index < byScreen.length; index++) expect(byScreen[index].marker).toBeGreaterThan(byScreen[index - 1].marker);
  });

  test("each group's items are side by side inside the timeline, labels inside them, and the loop is shown", async () => {
    const { track, groups } = await page.evaluate(() => {
      const box = (element: Element): Box => {
        const { left, top, right, bottom } = element.getBoundingClientRect();
        return { left, top, right, bottom };
      };
      return {
        track: box(document.querySelector("[data-part=track]")!),
        groups: Array.from(document.querySelectorAll("g[data-group]")).map((row) => ({
          name: row.getAttribute("data-group")!,
          loop: row.querySelector("[data-loop] text") ? box(row.querySelector("[data-loop] text")!) : undefined,
          items: Array.from(row.querySelectorAll("g[data-item]")).map((item) => ({
            name: item.getAttribute("data-item"),
            segment: box(item.querySelector("[data-part=segment]")!),
            label: item.querySelector("text") ? box(item.querySelector("text")!) : undefined,
          })),
        })),
      };
    });
    for (const group of groups) {
      expect(group.items.map((item) => item.name)).toEqual(layout.episodeGroups![group.name].items.map((item) => item.itemName));
      for (const [index, item] of group.items.entries()) {
        expect(inside(item.segment, track)).toBe(true);
        expect(item.label && inside(item.label, item.segment)).toBe(true);
        if (index > 0) {
          expect(overlap(item.segment, group.items[index - 1].segment)).toBe(false);
          expect(item.segment.left).toBeGreaterThan(group.items[index - 1].segment.left);
        }
      }
      expect(group.loop !== undefined).toBe(layout.episodeGroups![group.name].repeatNum === -1);
      if (group.loop) {
        expect(inside(group.loop, track)).toBe(true);
        expect(overlap(group.loop, group.items[group.items.length - 1].segment)).toBe(false);
      }
    }
    const segmentTexts = await shownTexts("g[data-item]");
    for (const item of segmentTexts) for (const text of item.texts) expect({ item: item.key, visible: text.visible }).toEqual({ item: item.key, visible: true });
  });

  test("the tables give every source and group in full, as text to read and search", async () => {
    const sources = await page.locator("table[data-part=sources]").innerText();
    for (const [location, source] of Object.entries(layout.sources!)) {
      expect(sources).toContain(location);
      expect(sources).toContain(source.resourceName);
    }
    expect(sources).toContain("repeats 3 times; starts at 5 s; ends 10 s before the last frame");
    const groups = await page.locator("table[data-part=episode-groups]").innerText();
    expect(groups).toContain("2026-12-25 00:00 UTC");
    expect(groups).toContain("Documentary: building the new broadcast centre, part one");
    const rowNames = await page.locator("table[data-part=episode-groups] tbody tr").evaluateAll((rows) =>
      rows.map((row) => row.getAttribute("data-group")));
    expect(rowNames).toEqual(GROUPS_BY_START);
    const pageText = await page.locator("body").innerText();
    expect(pageText).not.toContain(SECRET);
    expect(pageText).not.toMatch(/example\.com/);
  });

  test("the standalone SVG file opens in the browser as an image of its own", async () => {
    const svgFile = path.join(workDir, "studio-layout.svg");
    writeFileSync(svgFile, svg);
    const svgPage = await browser.newPage();
    try {
      await svgPage.goto(pathToFileURL(svgFile).href);
      const root = await svgPage.evaluate(() => ({
        name: document.documentElement.localName,
        errors: document.getElementsByTagName("parsererror").length,
        width: document.documentElement.getBoundingClientRect().width,
      }));
      expect(root).toEqual({ name: "svg", errors: 0, width: Number(/width="(\d+)"/.exec(svg)![1]) });
    } finally {
      await svgPage.close();
    }
  });
});

/**
 * The screen as Chromium draws it (issue 13): for a known file, each drawn box, read back from the
 * page with getBoundingClientRect, is where its normalized position, size and anchor put it in its
 * frame, within 2 px, at the size the page shows the picture (scaled to fit the page's width). The
 * page and a screenshot go to test/artifacts, and so does a screenshot of the example studio's
 * picture that the README shows.
 */
const screenFile: StudioFileDefinition = {
  caster: { new: { casterName: "Screen test", normType: 1, casterTemplate: "lp_hd", domainName: "live.example.com", running: true } },
  sources: {
    RV01: { resourceName: "Main camera", liveStreamUrl: `rtmp://push.example.com/live/main?auth_key=1767225600-0-0-${SECRET}` },
    RV02: { resourceName: "Guest camera", liveStreamUrl: "rtmp://push.example.com/live/guest" },
    RV03: { resourceName: "Station logo", imageUrl: "https://media.example.com/logo.png" },
  },
  layouts: {
    pip: {
      videoLayers: [
        { locationId: "RV01", position: [0, 0], widthNormalized: 1, heightNormalized: 1, fillMode: "fit" },
        { locationId: "RV02", position: [0.95, 0.95], anchor: "bottomRight", widthNormalized: 0.3, heightNormalized: 0.3 },
        { locationId: "RV03", position: [0.5, 0.05], anchor: "topCenter", widthNormalized: 0.2, heightNormalized: 0.1 },
      ],
    },
    quad: {
      videoLayers: [
        { locationId: "RV01", position: [0.5, 0.5], anchor: "bottomRight", widthNormalized: 0.5, heightNormalized: 0.5 },
        { locationId: "RV02", position: [0.5, 0.5], anchor: "topLeft", widthNormalized: 0.5, heightNormalized: 0.5 },
        { locationId: "RV03", position: [0.75, 0.25], anchor: "center" },
      ],
    },
  },
  components: {
    RC01: { componentName: "Lower third", componentType: "text", geometry: { position: [0.05, 0.8], widthNormalized: 0.6, heightNormalized: 0.1 }, text: { text: "Live from Hangzhou", color: "0xffffff", sizeNormalized: 0.06 } },
    RC02: { componentName: "Logo", componentType: "image", geometry: { position: [0.97, 0.04], anchor: "topRight", widthNormalized: 0.12, heightNormalized: 0.12 }, image: { materialId: "logo01" } },
    RC03: { componentType: "caption", geometry: { position: [0.5, 0.98], anchor: "bottomCenter", widthNormalized: 0.8, heightNormalized: 0.08 }, caption: { sourceLocationId: "RV01", targetLanguage: "en" } },
  },
  scenes: { pgm: { layout: "pip", components: ["RC01", "RC02"] }, pvw: { layout: "quad", components: ["RC03"] } },
};

/** Where each box should be, as shares of its frame: [left, top, width, height]. */
const EXPECTED: Record<string, Record<string, [number, number, number, number]>> = {
  pip: {
    "layer RV01": [0, 0, 1, 1],
    "layer RV02": [0.65, 0.65, 0.3, 0.3],
    "layer RV03": [0.4, 0.05, 0.2, 0.1],
    "component RC01": [0.05, 0.8, 0.6, 0.1],
    "component RC02": [0.85, 0.04, 0.12, 0.12],
  },
  quad: {
    "layer RV01": [0, 0, 0.5, 0.5],
    "layer RV02": [0.5, 0.5, 0.5, 0.5],
    // Size 0: the source's own size, drawn at a third of the screen, centred on (0.75, 0.25).
    "layer RV03": [0.75 - 1 / 6, 0.25 - 1 / 6, 1 / 3, 1 / 3],
    "component RC03": [0.1, 0.9, 0.8, 0.08],
  },
};

/** Pixels of slack: the drawing is written to a tenth of a pixel and then scaled. */
const GEOMETRY_TOLERANCE = 2;

describeWithChromium("the studio's screen in Chromium: boxes where the file puts them (issue 13)", (executablePath) => {
  let browser: Browser;
  let page: Page;
  let workDir: string;
  const html = renderHtml(screenFile, { title: "screen.yaml" });

  beforeAll(async () => {
    workDir = mkdtempSync(path.join(os.tmpdir(), "studio-screen-"));
    const pageFile = path.join(workDir, "studio-screen.html");
    writeFileSync(pageFile, html);
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(pathToFileURL(pageFile).href, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: 1280, height });
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(path.join(ARTIFACTS, "studio-screen.html"), html);
    await page.screenshot({ path: path.join(ARTIFACTS, "studio-screen.png"), fullPage: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  /** Each frame's box and the boxes drawn in it, as the page lays them out. */
  async function drawnBoxes() {
    return page.evaluate(() => {
      const box = (element: Element) => {
        const { left, top, width, height } = element.getBoundingClientRect();
        return { left, top, width, height };
      };
      return Array.from(document.querySelectorAll("figure g[data-view]")).map((view) => ({
        layout: view.getAttribute("data-view")!,
        scenes: view.getAttribute("data-scenes")!,
        frame: box(view.querySelector("[data-part=screen]")!),
        boxes: Object.fromEntries([
          ...Array.from(view.querySelectorAll("g[data-layer]")).map((layer) => [`layer ${layer.getAttribute("data-layer")}`, box(layer.querySelector("[data-part=layer-box]")!)]),
          ...Array.from(view.querySelectorAll("g[data-component]")).map((component) => [`component ${component.getAttribute("data-component")}`, box(component.querySelector("[data-part=component-box]")!)]),
        ]),
      }));
    });
  }

  test("the picture is scaled to the page, and each frame keeps the studio's 16:9", async () => {
    const views = await drawnBoxes();
    expect(views.map((view) => `${view.layout}:${view.scenes}`)).toEqual(["pip:pgm", "quad:pvw"]);
    const figure = await page.evaluate(() => document.querySelector("figure svg")!.getBoundingClientRect().width);
    expect(figure).toBeLessThan(1420); // drawn smaller than the SVG's own size: the check below is in the page's pixels
    for (const view of views) expect(view.frame.width / view.frame.height).toBeCloseTo(16 / 9, 2);
  });

  test("every video layer and component is at its normalized position and size, from its anchor, within 2 px", async () => {
    for (const view of await drawnBoxes()) {
      expect(Object.keys(view.boxes).sort()).toEqual(Object.keys(EXPECTED[view.layout]).sort());
      for (const [name, [x, y, width, height]] of Object.entries(EXPECTED[view.layout])) {
        const drawn = view.boxes[name];
        const expected = {
          left: view.frame.left + x * view.frame.width,
          top: view.frame.top + y * view.frame.height,
          width: width * view.frame.width,
          height: height * view.frame.height,
        };
        for (const key of ["left", "top", "width", "height"] as const) {
          if (Math.abs(drawn[key] - expected[key]) > GEOMETRY_TOLERANCE) {
            throw new Error(`${view.layout} ${name}: ${key} is ${drawn[key].toFixed(1)} px, the file puts it at ${expected[key].toFixed(1)} px`);
          }
        }
      }
    }
  });

  test("a text component is drawn as its text, at its size, where it is seen, over the layers", async () => {
    const text = await page.evaluate(() => {
      const frame = document.querySelector("figure g[data-view=pip] [data-part=screen]")!.getBoundingClientRect();
      const element = document.querySelector("figure g[data-view=pip] g[data-component=RC01] [data-part=component-text]")!;
      const shown = element.getBoundingClientRect();
      const atCentre = document.elementFromPoint(shown.left + shown.width / 2, shown.top + shown.height / 2);
      return {
        content: element.textContent,
        fontSize: parseFloat(getComputedStyle(element).fontSize),
        fill: getComputedStyle(element).fill,
        frameHeight: frame.height,
        frameLeft: frame.left,
        left: shown.left,
        seen: atCentre === element,
      };
    });
    expect(text.content).toBe("Live from Hangzhou");
    // The font size in the page is the file's share of the screen's height, as the page scales it.
    const scale = text.frameHeight / ((1420 - 48 - 32) / 2 * 9 / 16);
    expect(Math.abs(text.fontSize * scale - 0.06 * text.frameHeight)).toBeLessThanOrEqual(GEOMETRY_TOLERANCE);
    expect(text.fill).toBe("rgb(255, 255, 255)");
    expect(Math.abs(text.left - (text.frameLeft + 0.05 * (text.frameHeight * 16 / 9)))).toBeLessThanOrEqual(GEOMETRY_TOLERANCE);
    expect(text.seen).toBe(true);
  });

  test("PGM and PVW are marked on the frames they show, and no URL or signature is on the page", async () => {
    const badges = await page.evaluate(() => Array.from(document.querySelectorAll("figure g[data-scene]")).map((badge) => ({
      scene: badge.getAttribute("data-scene"),
      view: badge.closest("g[data-view]")!.getAttribute("data-view"),
      text: badge.textContent,
    })));
    expect(badges).toEqual([{ scene: "pgm", view: "pip", text: "PGM · ON AIR" }, { scene: "pvw", view: "quad", text: "PVW · PREVIEW" }]);
    const pageText = await page.locator("body").innerText();
    expect(pageText).not.toContain(SECRET);
    // No URL (the studio's streaming domain is a setting of its own, shown as written).
    expect(pageText).not.toMatch(/[a-z]+:\/\/|(push|media)\.example\.com/);
  });

  test("the example studio's picture (the README's) opens as an image, its frames and boxes inside it", async () => {
    const svgPage = await browser.newPage({ viewport: { width: 1420, height: 1000 } });
    try {
      const example = readFileSync(path.resolve(__dirname, "../../examples/studio/studio.svg"), "utf8");
      await svgPage.setContent(`<!DOCTYPE html><html><body style="margin:0">${example}</body></html>`);
      const height = await svgPage.evaluate(() => document.documentElement.scrollHeight);
      await svgPage.setViewportSize({ width: 1420, height });
      await svgPage.screenshot({ path: path.join(ARTIFACTS, "example-studio.png") });
      const { views, outside } = await svgPage.evaluate(() => {
        const svgBox = document.querySelector("svg")!.getBoundingClientRect();
        const views = Array.from(document.querySelectorAll("g[data-view]")).map((view) => view.getAttribute("data-view"));
        const outside = Array.from(document.querySelectorAll("text")).filter((text) => {
          const shown = text.getBoundingClientRect();
          return shown.left < svgBox.left - 0.5 || shown.right > svgBox.right + 0.5 || shown.bottom > svgBox.bottom + 0.5;
        }).map((text) => text.textContent);
        return { views, outside };
      });
      expect(views).toEqual(["pip", "split"]);
      expect(outside).toEqual([]);
    } finally {
      await svgPage.close();
    }
  });
});
