import { Font } from "./markup";

/** The picture's frame, which every section of it (cards, screens, schedule) is laid out in. */

export const MARGIN = 24;
/** Source cards to a row. */
export const GRID_COLUMNS = 10;
export const CELL_WIDTH = 130;
export const CELL_HEIGHT = 72;
export const CELL_GAP = 8;
/** The picture's width: ten source cards side by side. */
export const SVG_WIDTH = 2 * MARGIN + GRID_COLUMNS * CELL_WIDTH + (GRID_COLUMNS - 1) * CELL_GAP;

export const SECTION_HEADING_FONT: Font = { size: 15, bold: true };
