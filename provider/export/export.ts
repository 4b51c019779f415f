import { caster as casterKind } from "../../model/kinds/caster";
import { FieldSpec } from "../../model/kinds/kind";
import { checkLayout, PathProblem } from "../../studio-file/validate";
import { LiveClient } from "../client/live-client";
import { readStudioForExport, StudioReading } from "./read";
import { count, ExportedStudio, exportedStudio, ExportOptions, StackSecret } from "./studio";
import { studioFileText, studioFileValue } from "./yaml";

/**
 * `caster-studio export`: one studio, read with the Describe operations, written as a studio file
 * that `caster-studio validate` accepts and that, applied with the Studio component, reads
 * back as no change (its `adopt` section takes the existing objects over).
 */

export interface StudioExport {
  /** The studio file. It holds no signed URL: each is a `{ secret: <key> }`. */
  text: string;
  /** The signed URLs the file refers to by stack config key, for `pulumi config set --secret`. */
  secrets: StackSecret[];
  /** What the file leaves out, each in a sentence. */
  warnings: string[];
  /** What `validate` would still refuse in the text (none, unless the file cannot say something this command did not foresee). */
  problems: string[];
  /** What the file holds: "6 sources, 2 layouts, 3 components, PGM and PVW bound, 2 episodes". */
  contents: string;
}

export interface StudioExportOptions extends ExportOptions {
  /** The moment the schedule is checked against, in ms since the epoch. @default Date.now() */
  now?: number;
}

export async function exportStudio(client: LiveClient, casterId: string, options: StudioExportOptions = {}): Promise<StudioExport> {
  return studioExportOf(await readStudioForExport(client, casterId), options);
}

/** The export of a studio already read. */
export function studioExportOf(reading: StudioReading, options: StudioExportOptions = {}): StudioExport {
  const file = exportedStudio(reading, options);
  const problems = settle(file, options.now);
  return { text: studioFileText(file), secrets: file.secrets, warnings: file.warnings, problems, contents: contents(file) };
}

function contents(file: ExportedStudio): string {
  const scenes = (["pgm", "pvw"] as const).filter((key) => file.scenes[key]).map((key) => key.toUpperCase());
  return [
    count(Object.keys(file.sources).length, "source"),
    ...(Object.keys(file.channels).length > 0 ? [count(Object.keys(file.channels).length, "channel")] : []),
    count(Object.keys(file.layouts).length, "layout"),
    count(Object.keys(file.components).length, "component"),
    ...(scenes.length > 0 ? [`${scenes.join(" and ")} bound`] : []),
    count(Object.keys(file.episodes).length, "episode"),
    ...(file.showList ? [`a show list of ${count((file.showList.shows as unknown[]).length, "show")}`] : []),
    ...(file.playlist ? [`a playlist of ${count((file.playlist.items as unknown[]).length, "item")}`] : []),
  ].join(", ");
}

/**
 * The file as `validate` takes it: what the kinds' own checks passed may still break a rule of the
 * whole file (two episodes on air at once, a live stream waited for): such an entry is left out,
 * with the check's own words, until the file is valid. Returns what could not be settled so.
 */
function settle(file: ExportedStudio, now: number | undefined): string[] {
  for (let round = 0; round < 100; round++) {
    const { problems } = checkLayout(studioFileValue(file), { now });
    if (problems.length === 0) return [];
    const settled = problems.filter((problem) => leaveOutFor(file, problem));
    if (settled.length === 0) return problems.map((problem) => `${problem.path.join(".") || "(file)"}: ${problem.message}`);
  }
  return ["the file could not be settled"];
}

const ENTRY_SECTIONS = { sources: "Source", layouts: "Layout", components: "Component", episodes: "Episode" } as const;

/** Leaves out what a problem is about; false when it is about nothing the file can go without. */
function leaveOutFor(file: ExportedStudio, problem: PathProblem): boolean {
  const [section, key, property] = problem.path.map(String);
  const why = problem.message.replace(/[.;:]\s*$/, "");
  if (section in ENTRY_SECTIONS && key !== undefined) {
    const entries = file[section as keyof typeof ENTRY_SECTIONS];
    if (!(key in entries)) return false;
    delete entries[key];
    delete file.adopt[section as keyof typeof ENTRY_SECTIONS][key];
    drop(file, `${section}.${key}.`);
    note(file, section as keyof typeof ENTRY_SECTIONS, `${ENTRY_SECTIONS[section as keyof typeof ENTRY_SECTIONS]} ${key}`, why,
      section === "episodes" ? "The program keeps it, unmanaged." : "The studio keeps it, unmanaged.");
    return true;
  }
  if (section === "channels" && key !== undefined && key in file.channels) {
    delete file.channels[key];
    note(file, "channels", `Channel ${key}`, why, "The channel keeps its source, unmanaged.");
    return true;
  }
  if (section === "showList" && file.showList) {
    delete file.showList;
    delete file.adopt.showList;
    drop(file, "showList.");
    note(file, "showList", "The show list", why, "The studio keeps its list as it is, unmanaged.");
    return true;
  }
  if (section === "playlist" && file.playlist) {
    delete file.playlist;
    delete file.adopt.playlist;
    drop(file, "playlist.");
    note(file, "playlist", "The playlist", why, "The studio keeps its playlist as it is, unmanaged.");
    return true;
  }
  if (section === "scenes" && (key === "pgm" || key === "pvw") && file.scenes[key]) {
    delete file.scenes[key];
    note(file, "scenes", key.toUpperCase(), why, "The scene keeps what it shows: a scene the file leaves out is not managed.");
    return true;
  }
  const notCompared = (casterKind.fields as Record<string, FieldSpec>)[property ?? ""]?.whenOmitted === "not compared";
  if (section === "caster" && key === "new" && notCompared && property in file.studio) {
    delete file.studio[property];
    drop(file, `caster.new.${property}`);
    note(file, "caster", `The studio's ${property}`, why, "The studio keeps its own value: a setting the file leaves out is not managed.");
    return true;
  }
  return false;
}

function note(file: ExportedStudio, section: keyof ExportedStudio["notes"], what: string, why: string, instead: string): void {
  file.notes[section].push(`${what} is not written: ${why}. ${instead}`);
  file.warnings.push(`${what} is not written: ${why}.`);
}

/** The stack secrets of what was left out are not needed. */
function drop(file: ExportedStudio, where: string): void {
  file.secrets = file.secrets.filter((secret) => !secret.where.startsWith(where));
  for (const key of Object.keys(file.entryNotes)) if (`${key}.`.startsWith(where)) delete file.entryNotes[key];
}
