import { LayoutCaster } from "./schema";

/** The words `diff` and `render` share, so the summary and the picture name things alike. */

export function describeCaster(caster: LayoutCaster | undefined): string {
  if (caster === undefined) return "the studio the program passes as casterId";
  if ("casterId" in caster) return `studio ${caster.casterId}`;
  return `the studio from stack config key ${caster.config}`;
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
