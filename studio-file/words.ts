import { redactSignatures } from "../common/redact";
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

/** NormType, as the kind's spec describes it: 1 a general studio, 6 a carousel (playlist) studio, 3 a lightweight carousel studio, 4 a virtual studio. */
export function studioType(normType: number): string {
  if (normType === 3) return "lightweight carousel studio";
  if (normType === 4) return "virtual studio";
  return normType === 6 ? "carousel studio" : normType === 1 ? "general studio" : `normType ${normType}`;
}

const DEFINITIONS: Record<string, string> = { ld: "low", sd: "standard", hd: "high", ud: "ultra" };

/** "lp_hd (high definition)", "lp_sd_v (standard definition, portrait)": the template and what it means. */
export function templatePhrase(template: string): string {
  if (template === "lp_noTranscode") return `${template} (no transcoding)`;
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

/** A URL with its signature masked and marked, so the reviewer knows why it shows ***. */
export function displayValue(value: string): string {
  const masked = redactSignatures(value);
  return masked === value ? value : `${masked} (signed URL)`;
}

/** "a, b and c" */
export function joinAnd(parts: string[]): string {
  return parts.length <= 1 ? parts.join("") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

// ---------------------------------------------------------------------------------------------
// Times of the schedule, in the file's zone and in UTC

/** Whether a zone reads as UTC, so that a time is not given twice in the same zone. */
export function isUtcZone(zone: string | undefined): boolean {
  if (zone === undefined) return true;
  return ["UTC", "ETC/UTC", "ETC/UCT", "UCT", "ETC/ZULU", "ZULU", "ETC/GMT", "GMT", "ETC/UNIVERSAL", "UNIVERSAL"].includes(zone.toUpperCase());
}

const ZONE_FORMATS = new Map<string, Intl.DateTimeFormat>();

function zoneFormat(zone: string): Intl.DateTimeFormat {
  let format = ZONE_FORMATS.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
    });
    ZONE_FORMATS.set(zone, format);
  }
  return format;
}

/** A moment's date and time of day in a zone (UTC when none): { date: "2030-12-24", time: "20:00" }, seconds only when there are any. */
export function zonedParts(ms: number, zone?: string): { date: string; time: string } {
  if (isUtcZone(zone)) {
    const iso = new Date(ms).toISOString();
    const seconds = iso.slice(17, 19);
    return { date: iso.slice(0, 10), time: `${iso.slice(11, 16)}${seconds === "00" ? "" : `:${seconds}`}` };
  }
  const parts = Object.fromEntries(zoneFormat(zone as string).formatToParts(new Date(ms)).map((part) => [part.type, part.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}${parts.second === "00" ? "" : `:${parts.second}`}`,
  };
}

/** "2030-12-24 20:00", or "20:00" when the reader already has the date. */
function partsText(parts: { date: string; time: string }, knownDate?: string): string {
  return parts.date === knownDate ? parts.time : `${parts.date} ${parts.time}`;
}

/** "20:00–21:00", "2030-12-24 20:00–21:00", "23:30–2030-12-25 00:30": the end's date only when it is another day. */
function spanText(start: number, end: number, zone: string | undefined, knownDate?: string): string {
  const [from, to] = [zonedParts(start, zone), zonedParts(end, zone)];
  return `${partsText(from, knownDate)}–${partsText(to, from.date)}`;
}

/** A moment in the zone and in UTC, each part on its own: { zoned: "2030-12-24 20:00 Asia/Shanghai", utc: "12:00 UTC" }; zoned is absent for UTC. */
export function momentParts(ms: number, zone?: string): { zoned?: string; utc: string } {
  const utc = zonedParts(ms);
  if (isUtcZone(zone)) return { utc: `${partsText(utc)} UTC` };
  const zoned = zonedParts(ms, zone);
  return { zoned: `${partsText(zoned)} ${zone}`, utc: `${partsText(utc, zoned.date)} UTC` };
}

/** A span in the zone and in UTC, each part on its own: { zoned: "2030-12-24 20:00–21:00 Asia/Shanghai", utc: "12:00–13:00 UTC" }. */
export function spanParts(start: number, end: number, zone?: string): { zoned?: string; utc: string } {
  if (isUtcZone(zone)) return { utc: `${spanText(start, end, undefined)} UTC` };
  return { zoned: `${spanText(start, end, zone)} ${zone}`, utc: `${spanText(start, end, undefined, zonedParts(start, zone).date)} UTC` };
}

/** "2030-12-24 20:00 Asia/Shanghai (12:00 UTC)", or "2030-12-24 12:00 UTC" with no zone. */
export function momentPhrase(ms: number, zone?: string): string {
  const { zoned, utc } = momentParts(ms, zone);
  return zoned === undefined ? utc : `${zoned} (${utc})`;
}

/** "2030-12-24 20:00–21:00 Asia/Shanghai (12:00–13:00 UTC)", or "2030-12-24 12:00–13:00 UTC" with no zone. */
export function spanPhrase(start: number, end: number, zone?: string): string {
  const { zoned, utc } = spanParts(start, end, zone);
  return zoned === undefined ? utc : `${zoned} (${utc})`;
}

/** The same, as one parenthesis's content: "2030-12-24 20:00–21:00 Asia/Shanghai, 12:00–13:00 UTC". */
export function spanList(start: number, end: number, zone?: string): string {
  const { zoned, utc } = spanParts(start, end, zone);
  return zoned === undefined ? utc : `${zoned}, ${utc}`;
}

/** A length of time in words: "30 minutes", "1 hour 15 minutes", "2 days", "45 seconds". */
export function lengthPhrase(ms: number): string {
  const units: [number, string][] = [[86_400_000, "day"], [3_600_000, "hour"], [60_000, "minute"], [1000, "second"]];
  let rest = Math.abs(Math.round(ms / 1000) * 1000);
  const parts: string[] = [];
  for (const [size, unit] of units) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0) parts.push(`${count} ${unit}${count === 1 ? "" : "s"}`);
  }
  return parts.length === 0 ? `${Math.abs(ms)} ms` : parts.join(" ");
}

/** How far a zone's clock is ahead of UTC at a moment, in ms (+08:00 is 28 800 000). */
export function zoneOffset(ms: number, zone?: string): number {
  if (isUtcZone(zone)) return 0;
  const parts = Object.fromEntries(zoneFormat(zone as string).formatToParts(new Date(ms)).map((part) => [part.type, Number(part.value)]));
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return wall - Math.floor(ms / 1000) * 1000;
}
