import { SVG_WIDTH } from "./canvas";
import { FONT_FAMILY, INK, MUTED, RULE } from "./markup";

/** The page's CSS: the picture at its own width, the tables to read and search as text. */
export const PAGE_STYLE = `
  :root { color-scheme: light; }
  body { margin: 0; background: #ffffff; color: ${INK}; font: 14px/1.45 ${FONT_FAMILY}; }
  main { max-width: ${SVG_WIDTH + 2}px; margin: 0 auto; padding: 24px 24px 48px; }
  h1 { font-size: 22px; margin: 0 0 4px; }
  h2 { font-size: 17px; margin: 32px 0 10px; }
  .summary { color: ${MUTED}; margin: 0 0 16px; }
  figure { margin: 0; border: 1px solid ${RULE}; border-radius: 8px; overflow: hidden; }
  figure svg { display: block; width: 100%; height: auto; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; vertical-align: top; padding: 6px 10px; border-bottom: 1px solid #eaeef2; }
  th { background: #f6f8fa; border-bottom: 1px solid ${RULE}; font-weight: bold; white-space: nowrap; }
  td { overflow-wrap: anywhere; }
  td.position, td.start { white-space: nowrap; font-variant-numeric: tabular-nums; }
  .kind { display: inline-block; padding: 0 8px; border-radius: 10px; color: #ffffff; font-size: 12px; white-space: nowrap; }
  .none, .written { color: ${MUTED}; }
  .studio { margin: 0 0 16px; }
  .status { display: inline-block; padding: 0 10px; margin-right: 6px; border-radius: 10px; color: #ffffff; font-size: 12px; font-weight: bold; text-transform: uppercase; }
  .written { display: block; font-size: 12px; }
  ol { margin: 0; padding-left: 20px; }

  .scene { display: inline-block; padding: 0 8px; margin-right: 4px; border-radius: 10px; color: #ffffff; font-size: 12px; font-weight: bold; white-space: nowrap; }
`;
