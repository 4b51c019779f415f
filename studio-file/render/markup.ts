import { redactSignatures } from "../../common/redact";
import { SourceProperty } from "../../model/kinds/caster-video-resource";

/**
 * The markup the picture and the page are made of: every element is built by the helpers below,
 * which escape all text and attribute values, and text widths are estimated for shortening what
 * does not fit.
 */
// DejaVu Sans first: it is what Linux CI has, and the widest of the three, so the text width
// estimates below (made for it) hold for the others too.
export const FONT_FAMILY = "DejaVu Sans, Arial, sans-serif";

export const INK = "#1f2328";
export const MUTED = "#57606a";
export const FAINT = "#8c959f";
export const RULE = "#d0d7de";
/** A studio on air, as a badge. */
export const ON_AIR = "#c62828";

export interface KindStyle {
  /** The header band and legend swatch; dark enough for white text on it. */
  accent: string;
  /** The cell's body. */
  tint: string;
}

// Hues far apart (red, blue, green, purple, amber); the kind is also written in every cell, so
// colour is never the only way to tell them apart.
export const KIND_STYLES: Record<SourceProperty, KindStyle> = {
  liveStreamUrl: { accent: "#c62828", tint: "#fdeeee" },
  vodUrl: { accent: "#1565c0", tint: "#eaf2fc" },
  materialId: { accent: "#2e7d32", tint: "#ebf6ec" },
  imageId: { accent: "#6a1b9a", tint: "#f4ebf9" },
  imageUrl: { accent: "#a04c00", tint: "#fdf2e4" },
};

// ---------------------------------------------------------------------------------------------
// Escaping: every piece of markup is built by the helpers below, which escape all text and
// attribute values; the Markup type keeps an unescaped string from being passed as markup.

/** Text that is already safe to put into XML or HTML. */
export type Markup = string & { readonly __markup: true };

/** A control character XML 1.0 forbids even escaped, or a lone surrogate. */
const NOT_XML_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text from the layout as it may be shown: signatures masked, characters XML cannot hold replaced. */
export function displayable(text: string): string {
  return redactSignatures(text).replace(NOT_XML_CHARACTER, "\ufffd");
}

export function escapeXml(text: string): Markup {
  return displayable(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;") as Markup;
}

export type Attributes = Record<string, string | number | undefined>;

/** Coordinates to a tenth of a pixel: plenty, and the output stays readable in a diff. */
export function formatNumber(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function attributeList(attributes: Attributes): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${typeof value === "number" ? formatNumber(value) : escapeXml(value)}"`)
    .join("");
}

export function element(name: string, attributes: Attributes, ...children: Markup[]): Markup {
  const open = `<${name}${attributeList(attributes)}`;
  return (children.length === 0 ? `${open}/>` : `${open}>${children.join("")}</${name}>`) as Markup;
}

/** An HTML element: always closed with its end tag, since HTML reads <td/> as an open <td>. */
export function htmlElement(name: string, attributes: Attributes, ...children: Markup[]): Markup {
  return `<${name}${attributeList(attributes)}>${children.join("")}</${name}>` as Markup;
}

export function textElement(attributes: Attributes, content: string): Markup {
  return element("text", attributes, escapeXml(content));
}

/** A tooltip: the full text of whatever its parent shows shortened. */
export function tooltip(content: string): Markup {
  return element("title", {}, escapeXml(content));
}

export function joinMarkup(parts: Markup[], separator = "\n"): Markup {
  return parts.join(separator) as Markup;
}

// ---------------------------------------------------------------------------------------------
// Text widths. No font metrics are available without a browser, so widths are estimated per
// character, on the wide side (DejaVu Sans's widest glyph of each class): text that is shortened
// by these estimates fits whichever of the fonts in FONT_FAMILY draws it.

const NARROW_CHARACTERS = new Set("ijlft.,:;'|!()[]` ");
const WIDE_CHARACTERS = new Set("mwMW@%");

/** A character's width in em, never less than DejaVu Sans (Book) draws it. */
function characterWidthEm(character: string): number {
  const code = character.codePointAt(0) ?? 0;
  if (code > 0xffff) return 1.25; // emoji and other astral characters
  if (code >= 0x2e80) return 1.05; // CJK, kana, Hangul, full-width forms
  if (WIDE_CHARACTERS.has(character)) return 1.0;
  if (NARROW_CHARACTERS.has(character)) return 0.4;
  if (character >= "A" && character <= "Z") return 0.8;
  if (character >= "a" && character <= "z") return 0.64;
  if (character >= "0" && character <= "9") return 0.64;
  return 0.9; // other punctuation (& is 0.78, + and = 0.84), accented Latin, Greek, Cyrillic, symbols
}

/** Bold DejaVu Sans is up to a tenth wider than Book. */
export const BOLD_FACTOR = 1.12;

export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const character of text) em += characterWidthEm(character);
  return em * fontSize * (bold ? BOLD_FACTOR : 1);
}

export interface Font {
  size: number;
  bold?: boolean;
}

export function fits(text: string, maxWidth: number, font: Font): boolean {
  return estimateTextWidth(text, font.size, font.bold) <= maxWidth;
}

/** The longest start of `text`, in whole code points, whose width with `suffix` is at most maxWidth. */
function longestFittingPrefix(text: string, maxWidth: number, font: Font, suffix = ""): string {
  const characters = Array.from(text);
  let width = estimateTextWidth(suffix, font.size, font.bold);
  let count = 0;
  while (count < characters.length) {
    const next = estimateTextWidth(characters[count], font.size, font.bold);
    if (width + next > maxWidth) break;
    width += next;
    count++;
  }
  return characters.slice(0, count).join("");
}

/** `text`, or as much of it as fits followed by an ellipsis; "" when not even that fits. */
export function ellipsize(text: string, maxWidth: number, font: Font): string {
  if (fits(text, maxWidth, font)) return text;
  const prefix = longestFittingPrefix(text, maxWidth, font, "…").trimEnd();
  return prefix === "" ? "" : `${prefix}…`;
}

/**
 * `text` on at most `maxLines` lines of maxWidth, broken at spaces where it can be (inside a word
 * that is longer than a line otherwise), the last line ellipsized.
 */
export function wrapText(text: string, maxWidth: number, font: Font, maxLines: number): string[] {
  const lines: string[] = [];
  let rest = text.trim();
  while (rest !== "" && lines.length < maxLines - 1 && !fits(rest, maxWidth, font)) {
    const prefix = longestFittingPrefix(rest, maxWidth, font);
    if (prefix === "") break;
    const nextCharacter = Array.from(rest)[Array.from(prefix).length];
    const lastSpace = prefix.lastIndexOf(" ");
    const breakAtSpace = nextCharacter !== " " && lastSpace > 0;
    const line = breakAtSpace ? prefix.slice(0, lastSpace) : prefix;
    lines.push(line.trimEnd());
    rest = rest.slice(line.length).trimStart();
  }
  if (rest !== "") lines.push(ellipsize(rest, maxWidth, font));
  return lines;
}

/**
 * Hints joined by " · " on at most maxLines lines, each hint whole ("from 5 s", never "from 5…"):
 * the hints that find no room are counted, "+2", since the tooltip and the table give them all.
 */
export function packHints(hints: string[], maxWidth: number, font: Font, maxLines: number): string[] {
  const lines: string[] = [];
  for (const [index, hint] of hints.entries()) {
    const left = hints.length - index - 1;
    // On the last line, keep room for the count of the hints after this one.
    const reserve = lines.length === maxLines && left > 0 ? ` · +${left}` : "";
    const last = lines.length - 1;
    if (last >= 0 && fits(`${lines[last]} · ${hint}${reserve}`, maxWidth, font)) {
      lines[last] = `${lines[last]} · ${hint}`;
    } else if (lines.length < maxLines) {
      lines.push(hint);
    } else {
      lines[last] = `${lines[last]} · +${left + 1}`;
      break;
    }
  }
  return lines.map((line) => ellipsize(line, maxWidth, font)).filter((line) => line !== "");
}

