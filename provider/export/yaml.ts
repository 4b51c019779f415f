import { Document, isMap, isPair, isScalar, isSeq, Node, Pair, Scalar, YAMLMap } from "yaml";
import { isSecretReference } from "../../studio-file/schema";
import { count, ExportedStudio, oneLine, Section, SECTIONS } from "./studio";

/**
 * The studio file's text: the sections in the order examples/studio/studio.yaml has them, one
 * entry per position or name, layers, geometry and scenes on one line each, and comments where the
 * API cannot report a value or the file leaves something out. Nothing in it depends on when it
 * was written, so exporting an unchanged studio twice gives the same text.
 */

export const SCHEMA_LINE = "yaml-language-server: $schema=node_modules/pulumi-alicloud-caster/studio-layout.schema.json";

/** The two lines above `adopt:`, as the Studio component's adoption documents them. */
export const ADOPT_NOTE = [
  "Written by `caster-studio export`: the first `pulumi up` takes these existing objects over",
  "instead of making new ones. Remove this section once that has run.",
];

const WIDTH = 100;

/** The file's content as a value: what `validate` checks and the YAML holds. */
export function studioFileValue(file: ExportedStudio): Record<string, unknown> {
  const value: Record<string, unknown> = { caster: { new: file.studio } };
  if (file.timeZone !== undefined) value.timeZone = file.timeZone;
  for (const section of ["sources", "channels", "layouts", "components", "scenes", "episodes"] as const) {
    if (Object.keys(file[section]).length > 0) value[section] = file[section];
  }
  if (file.showList !== undefined) value.showList = file.showList;
  if (file.playlist !== undefined) value.playlist = file.playlist;
  if (file.studioLayouts.length > 0) value.studioLayouts = file.studioLayouts;
  const { caster, showList, playlist, ...maps } = file.adopt;
  value.adopt = {
    caster, ...Object.fromEntries(Object.entries(maps).filter(([, ids]) => Object.keys(ids).length > 0)),
    ...(showList !== undefined ? { showList } : {}), ...(playlist !== undefined ? { playlist } : {}),
  };
  return value;
}

export function studioFileText(file: ExportedStudio): string {
  const document = new Document(studioFileValue(file));
  const root = document.contents as YAMLMap;
  styleNodes(root, []);

  const title = file.casterName ? `${file.casterId} ("${oneLine(file.casterName)}")` : file.casterId;
  document.commentBefore = [
    ` ${SCHEMA_LINE}`,
    "",
    ...comment(`Studio ${title}, as \`caster-studio export\` read it from the Live API. Applied with the ` +
      "Studio component it reads back as no change: the first `pulumi up` takes the studio and what is in it over " +
      "(adopt, at the end), and from then on this file is the studio."),
  ].join("\n");

  const notes = sectionNotes(file);
  // Notes of a section the file has no key for (no scenes, no episodes) go before the next key it has.
  let pending: string[] = [];
  for (const section of SECTIONS) {
    pending.push(...notes[section]);
    const pair = pairOf(root, section);
    if (!pair) continue;
    if (section !== "caster") (pair.key as Node).spaceBefore = true;
    // adopt's two lines are as the Studio component documents them, word for word.
    const lines = [...pending.flatMap((note) => comment(note)), ...(section === "adopt" ? ADOPT_NOTE.map((line) => ` ${line}`) : [])];
    if (lines.length > 0) (pair.key as Scalar).commentBefore = lines.join("\n");
    pending = [];
  }

  for (const [where, lines] of Object.entries(file.entryNotes)) {
    const [section, key] = splitOnce(where);
    const pair = pairOf(root.get(section, true) as unknown as YAMLMap | undefined, key);
    if (pair) (pair.key as Scalar).commentBefore = lines.flatMap((line) => comment(line)).join("\n");
  }

  const studio = (root.get("caster", true) as unknown as YAMLMap).get("new", true) as unknown as YAMLMap;
  const normType = pairOf(studio, "normType");
  if (normType && isScalar(normType.value)) {
    normType.value.comment = normType.value.value === 3 ? " 3 a lightweight carousel studio (playlist)"
      : normType.value.value === 4 ? " 4 a virtual studio"
      : normType.value.value === 6 ? " 6 a carousel (playlist) studio" : " 1 a general studio";
  }
  const running = pairOf(studio, "running");
  if (running && isScalar(running.value)) running.value.comment = " on air";
  return document.toString({ lineWidth: 0 });
}

/** What the comment before each section says: the section's own notes and what the file could not take. */
function sectionNotes(file: ExportedStudio): Record<Section, string[]> {
  const notes = Object.fromEntries(SECTIONS.map((section) => [section, [...file.notes[section]]])) as Record<Section, string[]>;
  notes.caster.unshift(
    "The studio itself, as the API describes it.",
    "allowStopOnAir is this package's setting, not the studio's, so the API does not report it: add " +
      "allowStopOnAir: true under new to let `pulumi up` stop the studio for a change that needs it stopped.",
  );
  if (file.timeZone !== undefined) {
    notes.timeZone.unshift("The zone validate, diff and render read the schedule in; the times below stay UTC, as the API gives them.");
  }
  if (file.groupItems.length > 0) notes.episodes.push(...groupNote(file.groupItems));
  return notes;
}

/** The episode groups the program shows as items, with what to do: the API cannot describe a group. */
function groupNote(items: ExportedStudio["groupItems"]): string[] {
  const byStart = new Map<string, string[]>();
  for (const item of items) byStart.set(item.startTime, [...(byStart.get(item.startTime) ?? []), item.name]);
  const starts = [...byStart.keys()].sort();
  return [
    `The studio's program lists ${count(items.length, "carousel item")} of episode groups, which the Live API cannot describe ` +
      "(no Describe operation gives a group's files, repeats or ProgramId), so no episodeGroups section is written:",
    ...starts.map((start) => `  from ${start || "(no start)"}: ${(byStart.get(start) as string[]).join(", ")}`),
    "To manage a group with this file, declare it under episodeGroups by hand (startTime, repeatNum, items with their vodUrl) " +
      "and adopt it with adopt.episodeGroups.<name>: <ProgramId> (from AddCasterEpisodeGroup's reply, or the console).",
  ];
}

/**
 * Block style for sections and their entries; flow style (one line) for what is short: a list of
 * plain values, a map of plain values below an entry (a layer, a geometry, a text, a secret), a
 * scene, and adopt's maps of IDs. Times are quoted, as a YAML 1.1 reader would take them for dates.
 */
function styleNodes(node: unknown, path: string[]): void {
  if (isSeq(node)) {
    if (node.items.every((item) => isScalar(item))) node.flow = true;
    node.items.forEach((item, index) => styleNodes(item, [...path, String(index)]));
    return;
  }
  if (!isMap(node)) return;
  const leaf = node.items.every((pair) => isScalar(pair.value) || (isSeq(pair.value) && pair.value.items.every((item) => isScalar(item))));
  if (leaf && (path.length >= 3 || (path.length === 2 && (path[0] === "scenes" || path[0] === "channels" || path[0] === "adopt")))) node.flow = true;
  for (const pair of node.items) {
    const key = String((pair.key as Scalar).value);
    if ((key === "startTime" || key === "endTime") && isScalar(pair.value)) pair.value.type = "QUOTE_DOUBLE";
    if (isMap(pair.value) && isSecretReference((pair.value as YAMLMap).toJSON())) {
      const secret = (pair.value as YAMLMap).get("secret");
      pair.value.comment = ` signed URL: pulumi config set --secret ${secret} '<url>'`;
    }
    styleNodes(pair.value, [...path, key]);
  }
}

function pairOf(map: YAMLMap | undefined, key: string): Pair | undefined {
  return map?.items.find((pair) => isPair(pair) && isScalar(pair.key) && pair.key.value === key);
}

/** A note as comment lines of at most WIDTH characters; a line starting with spaces keeps them. */
function comment(note: string): string[] {
  const indent = /^ */.exec(note)?.[0] ?? "";
  const lines: string[] = [];
  let line = indent;
  for (const word of note.trim().split(/\s+/)) {
    if (line.trim() !== "" && line.length + 1 + word.length > WIDTH) {
      lines.push(` ${line}`);
      line = `${indent}${indent ? "  " : ""}${word}`;
    } else {
      line = line.trim() === "" ? `${indent}${word}` : `${line} ${word}`;
    }
  }
  lines.push(` ${line}`);
  return lines;
}

function splitOnce(text: string): [string, string] {
  const at = text.indexOf(".");
  return [text.slice(0, at), text.slice(at + 1)];
}
