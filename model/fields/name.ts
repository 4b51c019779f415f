import { z } from "zod";
import { CONTROL_CHARACTERS, describeFound, findCharacter } from "./text";

/**
 * One line of visible text: not only whitespace, and no control character (no line break, tab,
 * bell, ANSI escape, line separator or bidirectional control). Spaces, accents, any script and
 * emoji are fine. As a pattern, so that the layout's JSON Schema carries the rule to editors too.
 */
export const NAME_PATTERN = new RegExp(`^(?=[\\s\\S]*\\S)[^${CONTROL_CHARACTERS}]*$`);

/**
 * A display name of 1 to `max` characters. `what` completes "give …": "the source a display
 * name", "the item a name". Every message says what is wrong with the name and what to do.
 */
export function nameSchema(what: string, max: number) {
  return z
    .string()
    .min(1, { error: `give ${what}.` })
    .max(max, { error: `shorten it to at most ${max} characters.` })
    .regex(NAME_PATTERN, { error: (issue) => nameProblem(String(issue.input), what) });
}

function nameProblem(name: string, what: string): string {
  const found = findCharacter(name, { whitespace: false });
  if (found) return `${describeFound(found)}; use one line of text without control characters.`;
  return `it is only whitespace; give ${what} with at least one visible character.`;
}
