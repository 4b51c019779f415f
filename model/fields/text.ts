/**
 * Characters that a name or a URL must not hold, found and named for a message. A name is shown
 * in consoles, logs, the layout diff and the studio's own UI: a line break, a bell or an ANSI
 * escape in it rewrites what a terminal or a log shows, and a bidirectional control reorders
 * what a reader sees.
 */

/**
 * Control characters: C0 (U+0000–U+001F: NUL, BEL, tab, line break, ESC…), DEL and C1
 * (U+007F–U+009F), the Unicode line and paragraph separators (U+2028, U+2029), and the
 * bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). Written as
 * \u escapes so that the pattern means the same in a JSON Schema, with or without a `u` flag.
 */
export const CONTROL_CHARACTERS = "\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069";

const CONTROL = new RegExp(`[${CONTROL_CHARACTERS}]`);
const CONTROL_OR_WHITESPACE = new RegExp(`[\\s${CONTROL_CHARACTERS}]`);

/** A problem character and where it is, counting from 1 as a reader counts. */
export interface FoundCharacter {
  character: string;
  /** 1-based, in characters (code points) of the text. */
  position: number;
}

/** The first control character in `text`, or, with `whitespace`, the first control or whitespace character. */
export function findCharacter(text: string, options: { whitespace: boolean }): FoundCharacter | undefined {
  const pattern = options.whitespace ? CONTROL_OR_WHITESPACE : CONTROL;
  let position = 0;
  for (const character of text) {
    position++;
    if (pattern.test(character)) return { character, position };
  }
  return undefined;
}

const NAMES: Record<string, string> = {
  " ": "a space",
  "\u0000": "a NUL character (U+0000)",
  "\u0007": "a bell (BEL, U+0007)",
  "\u0008": "a backspace (U+0008)",
  "\u0009": "a tab (U+0009)",
  "\u000a": "a line break (U+000A)",
  "\u000b": "a vertical tab (U+000B)",
  "\u000c": "a form feed (U+000C)",
  "\u000d": "a carriage return (U+000D)",
  "\u001b": "an escape (ESC, U+001B)",
  "\u007f": "a delete character (DEL, U+007F)",
  "\u0085": "a next-line character (NEL, U+0085)",
  "\u00a0": "a non-breaking space (U+00A0)",
  "\u2028": "a line separator (U+2028)",
  "\u2029": "a paragraph separator (U+2029)",
  "\ufeff": "a byte-order mark (U+FEFF)",
};

/** "a line break (U+000A)", "a bidirectional control (U+202E)", "a control character (U+0085)". */
export function describeCharacter(character: string): string {
  const named = NAMES[character];
  if (named) return named;
  const code = `U+${(character.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, "0")}`;
  if (/[\u202a-\u202e\u2066-\u2069]/.test(character)) return `a bidirectional control (${code})`;
  if (CONTROL.test(character)) return `a control character (${code})`;
  return `a whitespace character (${code})`;
}

/** "it holds a line break (U+000A) at character 5" */
export function describeFound(found: FoundCharacter): string {
  return `it holds ${describeCharacter(found.character)} at character ${found.position}`;
}
