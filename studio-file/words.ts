import { isNewStudio, LayoutCaster, LayoutStudio } from "./schema";

/** The words `diff` and `render` share, so the summary and the picture name things alike. */

export function describeCaster(caster: LayoutCaster | undefined): string {
  if (caster === undefined) return "the studio the program passes as casterId";
  if (isNewStudio(caster)) return describeNewStudio(caster.new);
  if ("casterId" in caster) return `studio ${caster.casterId}`;
  return `the studio from stack config key ${caster.config}`;
}

/** `the studio "Evening show", made by this file`: a studio the file makes (and, once made, manages). */
export function describeNewStudio(studio: LayoutStudio): string {
  return studio.casterName === undefined ? "a studio made by this file" : `the studio "${studio.casterName}", made by this file`;
}

/** NormType, as the kind's spec describes it: 1 a general studio, 6 a carousel (playlist) studio. */
export function studioType(normType: number): string {
  return normType === 6 ? "carousel studio" : normType === 1 ? "general studio" : `normType ${normType}`;
}

const DEFINITIONS: Record<string, string> = { ld: "low", sd: "standard", hd: "high", ud: "ultra" };

/** "lp_hd (high definition)", "lp_sd_v (standard definition, portrait)": the template and what it means. */
export function templatePhrase(template: string): string {
  const match = /^lp_(ld|sd|hd|ud)(_v)?$/.exec(template);
  if (!match) return template;
  return `${template} (${DEFINITIONS[match[1]]} definition${match[2] ? ", portrait" : ""})`;
}

/** The studio's output delay, in seconds as the file gives it: "3 s", "0.5 s". */
export function delayPhrase(seconds: number): string {
  return `${trimNumber(seconds)} s`;
}

/** The standby source a studio declares, by kind (what it plays, never its URL), or undefined. */
export function standbyKind(studio: LayoutStudio): string | undefined {
  if (studio.standbyLiveStreamUrl !== undefined) return "live stream";
  if (studio.standbyMaterialId !== undefined) return "media-library file";
  if (studio.standbyImageUrl !== undefined) return "image";
  return undefined;
}

/** "500 ms", "1.5 s", "1 min 30 s", "−2 s" */
export function duration(ms: number): string {
  if (ms < 0) return `−${duration(-ms)}`;
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${trimNumber(ms / 1000)} s`;
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = (ms % 60_000) / 1000;
  return [hours && `${hours} h`, minutes && `${minutes} min`, seconds && `${trimNumber(seconds)} s`].filter(Boolean).join(" ");
}

/** A point in a file, as a player shows it: "1:30", "1:02:03", "0:05.5". */
export function clock(ms: number): string {
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = (ms % 60_000) / 1000;
  const secondsText = trimNumber(seconds).replace(/^(\d)(\.|$)/, "0$1$2");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${secondsText}` : `${minutes}:${secondsText}`;
}

/** A source's repeatNum: 0 once, -1 loop, n repeats. */
export function repeatPhrase(repeatNum: number): string {
  if (repeatNum === -1) return "loops";
  if (repeatNum === 0) return "plays once";
  return `repeats ${repeatNum === 1 ? "once" : repeatNum === 2 ? "twice" : `${repeatNum} times`}`;
}

function trimNumber(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

export function quote(text: string): string {
  return `"${text}"`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function sentence(phrase: string): string {
  return `${capitalize(phrase)}.`;
}

/** "a, b and c" */
export function joinAnd(parts: string[]): string {
  return parts.length <= 1 ? parts.join("") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}
