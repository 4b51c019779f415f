/**
 * A picture of a studio file for a pull-request reviewer: the declared sources in a compact row of
 * cards, each layout drawn as the screen shows it (video layers at their positions and sizes,
 * components over them, PGM and PVW marked; screens.ts), and the schedule on one time line
 * (episodes as bars from their start to their end, episode groups as a marker at their start with
 * their items), labelled in UTC and in the file's timeZone or the zone asked for, as a standalone
 * SVG or a self-contained HTML page; for a studio the file makes
 * (`caster: { new: ... }`), a header line with its status and settings.
 *
 * Pure: the file in, text out. It expects a valid file (one that validate.ts's
 * findLayoutProblems has no problem with).
 * No URL is ever drawn (what a source plays is shown by its kind), and every text from the file
 * goes through redactSignatures as well, so a signed URL pasted into a name is masked too.
 *
 * The picture's geometry is svg.ts (cards, studio header), timeline.ts (the schedule) and
 * screens.ts (the layouts); the page around it is page.ts, its CSS style.ts; what both say in
 * words, facts.ts.
 */

export { renderHtml } from "./page";
export type { RenderOptions } from "./options";
export { renderSvg } from "./svg";
export { SVG_WIDTH } from "./canvas";
