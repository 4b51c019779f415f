import { aspectOf } from "../composition";
import { PlainStudioFile } from "../schema";
import {
  backgroundWords, mediaContentWords, mediaInputBox, mediaInputWords, PRESENTER_WIDTH_PER_HEIGHT, presenterBox, presenterWords, setLayers,
  setLayerWords, studioLayoutDetails, studioLayoutWords,
} from "../studio-layout-words";
import { FileStudioLayout } from "../studio-layouts";
import { SECTION_HEADING_FONT, SVG_WIDTH, MARGIN } from "./canvas";
import { displayable, element, ellipsize, escapeXml, Font, htmlElement, INK, joinMarkup, Markup, MUTED, textElement, tooltip } from "./markup";

/**
 * A virtual studio's studio layouts, drawn as the screen shows them, as screens.ts draws a
 * layout: a frame of the studio's aspect, the background and the media inputs bottom to top as the
 * layout stacks them (layerOrder, then the rest as declared), and the presenters keyed on top, each
 * at its position and size; a common layout is its one channel, full screen. No URL is drawn, in
 * the picture or the page: a background is named by what it is.
 */

const FRAME_GAP = 32;
const VIEW_HEADER = 28;
const VIEW_FOOTER = 26;
const SCREEN_FILL = "#1b1f24";
const BACKGROUND_FILL = "#3b4a5a";
const MEDIA = { fill: "#5b3f7a", stroke: "#c9b3e6" };
const PRESENTER = { fill: "#1f6f43", stroke: "#9be2b8" };
const LABEL_FONT: Font = { size: 11, bold: true };
const FOOTER_FONT: Font = { size: 11.5 };

interface Frame {
  x: number;
  y: number;
  width: number;
  height: number;
}

function onFrame(box: Frame, frame: Frame): Frame {
  return { x: frame.x + box.x * frame.width, y: frame.y + box.y * frame.height, width: box.width * frame.width, height: box.height * frame.height };
}

/** The normalized box, for a test or a tool that reads the picture: "x y width height". */
function boxData(box: Frame): string {
  return [box.x, box.y, box.width, box.height].map((value) => String(Math.round(value * 10000) / 10000)).join(" ");
}

/** A labelled box on the frame: its label on its first line when there is room. */
function labelledBox(attributes: Record<string, string | number>, box: Frame, frame: Frame, colors: { fill: string; stroke: string }, label: string, title: string, dashed = false): Markup {
  const drawn = onFrame(box, frame);
  const text = drawn.height >= 16 ? ellipsize(label, drawn.width - 8, LABEL_FONT) : "";
  return element("g", { ...attributes, "data-box": boxData(box) },
    tooltip(title),
    element("rect", {
      "data-part": "studio-layout-box", x: drawn.x, y: drawn.y, width: drawn.width, height: drawn.height, fill: colors.fill, "fill-opacity": 0.85,
      stroke: colors.stroke, "stroke-width": 1.5, ...(dashed ? { "stroke-dasharray": "6 4" } : {}),
    }),
    ...(text === "" ? [] : [textElement({ x: drawn.x + 4, y: drawn.y + 13, "font-size": LABEL_FONT.size, "font-weight": "bold", fill: "#ffffff", "data-part": "studio-layout-label" }, text)]),
  );
}

function viewMarkup(layout: FileStudioLayout, index: number, frame: Frame, aspect: number): Markup {
  const clipId = `studio-layout-clip-${index + 1}`;
  const drawn: Markup[] = [];
  if (layout.layoutType === "common") {
    const channel = layout.commonConfig?.channelId ?? "";
    drawn.push(labelledBox({ "data-layer": "channel", "data-channel": channel }, { x: 0, y: 0, width: 1, height: 1 }, frame, { fill: BACKGROUND_FILL, stroke: "#8fa3b8" },
      `${channel} · full screen`, `Channel ${channel}, shown as it is, full screen`));
  } else {
    for (const layer of setLayers(layout)) {
      if (layer.type === "background" && layout.background) {
        drawn.push(labelledBox({ "data-layer": "background" }, { x: 0, y: 0, width: 1, height: 1 }, frame, { fill: BACKGROUND_FILL, stroke: "#8fa3b8" },
          `Background · ${backgroundWords(layout.background, false)}`, `${setLayerWords(layout, layer)}: ${backgroundWords(layout.background, false)}`));
      } else if (layer.type === "media") {
        const input = layout.mediaInputs![layer.index];
        const box = mediaInputBox(input);
        drawn.push(labelledBox({ "data-layer": "media", "data-index": layer.index + 1 }, box, frame, MEDIA, `M${layer.index + 1} · ${mediaContentWords(input)}`,
          `Media ${layer.index + 1}: ${mediaInputWords(input)}`, box.size !== "declared"));
      }
    }
    (layout.chromaKeyInputs ?? []).forEach((input, presenterIndex) => {
      drawn.push(labelledBox({ "data-presenter": input.channelId, "data-index": presenterIndex + 1 }, presenterBox(input, aspect), frame, PRESENTER,
        `P${presenterIndex + 1} · ${input.channelId} · ${input.color}`, `Presenter ${presenterIndex + 1}: ${presenterWords(input)}`, true));
    });
  }
  const footer = layout.layoutType === "common" ? "One channel, as it is"
    : `Bottom to top: ${[...setLayers(layout).map((layer) => setLayerWords(layout, layer)), "the presenters"].join(", ")}`;
  return element("g", { "data-studio-layout": layout.layoutName, "data-layout-type": layout.layoutType },
    tooltip(`Studio layout ${JSON.stringify(layout.layoutName)}: ${studioLayoutWords(layout, false)}`),
    textElement({ x: frame.x, y: frame.y - 10, "font-size": 13, "font-weight": "bold", fill: INK, "data-part": "view-title" },
      ellipsize(displayable(`Studio layout "${layout.layoutName}" · ${layout.layoutType}`), frame.width, { size: 13, bold: true })),
    element("clipPath", { id: clipId }, element("rect", { x: frame.x, y: frame.y, width: frame.width, height: frame.height })),
    element("rect", { "data-part": "screen", x: frame.x, y: frame.y, width: frame.width, height: frame.height, fill: SCREEN_FILL }),
    element("g", { "clip-path": `url(#${clipId})` }, ...drawn),
    textElement({ x: frame.x, y: frame.y + frame.height + 17, "font-size": FOOTER_FONT.size, fill: MUTED, "data-part": "view-footer" },
      ellipsize(displayable(footer), frame.width, FOOTER_FONT)),
  );
}

/** The picture's studio-layouts section from `top`; undefined for a file without any, whose picture is as before. */
export function studioLayoutsSection(file: PlainStudioFile, top: number): { markup: Markup; bottom: number } | undefined {
  const layouts = file.studioLayouts ?? [];
  if (layouts.length === 0) return undefined;
  const aspect = aspectOf(file.caster);
  const width = SVG_WIDTH - 2 * MARGIN;
  const frameWidth = (width - FRAME_GAP) / 2;
  const frameHeight = (frameWidth * aspect.height) / aspect.width;
  const blockHeight = VIEW_HEADER + frameHeight + VIEW_FOOTER;
  const headingY = top + 16;
  const viewsTop = headingY + 34;
  const note = `Drawn to ${aspect.known ? `the studio's ${aspect.width}:${aspect.height} screen` : "a 16:9 screen"}. Presenters (dashed) are keyed on top, drawn `
    + `${PRESENTER_WIDTH_PER_HEIGHT.unknown} times as wide as high (the API gives no width).`;
  const views = layouts.map((layout, index) => viewMarkup(layout, index, {
    x: MARGIN + (index % 2) * (frameWidth + FRAME_GAP),
    y: viewsTop + Math.floor(index / 2) * (blockHeight + 12) + VIEW_HEADER,
    width: frameWidth,
    height: frameHeight,
  }, aspect.width / aspect.height));
  return {
    markup: element("g", { "data-part": "studio-layouts" },
      textElement({ x: MARGIN, y: headingY, "font-size": SECTION_HEADING_FONT.size, "font-weight": "bold", fill: INK }, "Studio layouts"),
      textElement({ x: MARGIN, y: headingY + 20, "font-size": 11, fill: MUTED, "font-style": "italic", "data-part": "studio-layouts-note" }, ellipsize(note, width, { size: 11 })),
      joinMarkup(views),
    ),
    bottom: viewsTop + Math.ceil(layouts.length / 2) * (blockHeight + 12) - 12,
  };
}

/** The page's table of the studio layouts: each in words, to read and search. */
export function studioLayoutsTable(file: PlainStudioFile): Markup[] {
  const layouts = file.studioLayouts ?? [];
  if (layouts.length === 0) return [];
  const rows = layouts.map((layout) => htmlElement("tr", { "data-studio-layout": layout.layoutName },
    htmlElement("td", {}, escapeXml(layout.layoutName)),
    htmlElement("td", {}, escapeXml(layout.layoutType)),
    htmlElement("td", {}, htmlElement("ul", {}, ...studioLayoutDetails(layout, false).map((line) => htmlElement("li", {}, escapeXml(line))))),
  ));
  return [
    htmlElement("h2", { id: "studio-layouts" }, escapeXml("Studio layouts")),
    htmlElement("table", { "data-part": "studio-layouts" },
      htmlElement("thead", {}, htmlElement("tr", {}, ...["Studio layout", "Type", "On the set"].map((heading) => htmlElement("th", {}, escapeXml(heading))))),
      htmlElement("tbody", {}, joinMarkup(rows))),
  ];
}
