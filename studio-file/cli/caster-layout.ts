import { consoleOutput, Output } from "../../common/cli-output";
import { main as casterStudio } from "./caster-studio";

/**
 * caster-layout: the command's name before `layouts` became a section of the studio file (a layout
 * is one screen composition inside it). It runs `caster-studio`, the same commands with the same
 * output, after a one-line note on stderr, which a pipeline's redirected stdout never holds.
 */

export type { Output };

export const DEPRECATION_NOTE =
  "caster-layout: deprecated, renamed caster-studio (the same commands and output); use `caster-studio`. caster-layout will be removed in a future major release.";

/** Runs one command of caster-studio as caster-layout; returns the exit status. */
export function main(argv: string[], output: Output = consoleOutput): number | Promise<number> {
  output.err(DEPRECATION_NOTE);
  return casterStudio(argv, output, "caster-layout");
}
