import { writeFileSync } from "node:fs";
import { extname } from "node:path";
import { parseArgs } from "node:util";
import { adoptedObjects, formatChanges, diffStudioFiles } from "../diff";
import { studioLayoutJsonSchemaText } from "../json-schema";
import { formatProblem, LoadedLayout, readLayoutFile } from "../load";
import { renderHtml, renderSvg } from "../render";
import { SCENE_KEYS, StudioFileDefinition, timeZoneSchema } from "../schema";
import { casterIdSchema } from "../../model/kinds/caster-video-resource";
import { consoleOutput, Output } from "../../common/cli-output";
import { documentationUrl } from "../../common/documentation";

/**
 * caster-studio: the studio file's checks for a pull-request pipeline, runnable without Pulumi,
 * credentials or network. (`caster-layout`, its name before layouts became a section of the file,
 * runs it too, with a deprecation note.)
 */

/** The command's name, as it is installed. */
export const COMMAND = "caster-studio";

const usage = (command: string) => `Usage: ${command} <command> ...

  validate FILE...             check studio files; prints every problem as file:line:column property: message,
                               and every warning as file:line:column property: warning: message
  render FILE --out PATH       draw the studio (its layouts as the screen shows them, with components and scenes,
         [--zone ZONE]         and its schedule): PATH ending in .svg gives an SVG, .html a self-contained page;
                               the schedule's times in UTC and in ZONE (an IANA zone such as Asia/Shanghai;
                               default: the file's timeZone)
  diff OLD NEW                 what changes on air from OLD to NEW, in plain words (Markdown, for a PR comment);
                               OLD may be /dev/null for a new file
  schema                       print the studio file's JSON Schema
  export CASTER_ID             write an existing studio as a studio file (to FILE, else stdout), read with the
         [--out FILE]          Live API's Describe operations, credentials from the environment as the provider
         [--zone ZONE]         takes them; --zone writes timeZone (times stay UTC); --region and --endpoint in
         [--region REGION]     place of alicloud:region and alicloud-caster:endpoint. Signed URLs become
         [--endpoint URL]      { secret: <key> }, and the pulumi config set --secret commands are printed on stderr

Exit status: 0 done (warnings alone do not fail), 1 a file has problems or export failed, 2 wrong usage or a file that cannot be written.

Documentation: ${documentationUrl("docs/studio-file.md")}`;

export type { Output };

class UsageError extends Error {}

/** Runs one command; returns the exit status (export, which calls the API, returns it as a promise). `command` names the program in messages. */
export function main(argv: string[], output: Output = consoleOutput, command: string = COMMAND): number | Promise<number> {
  const USAGE = usage(command);
  const [subcommand, ...rest] = argv;
  if (rest.includes("--help") || rest.includes("-h")) {
    output.out(USAGE);
    return 0;
  }
  try {
    switch (subcommand) {
      case "validate":
        return validate(rest, output);
      case "render":
        return render(rest, output, command);
      case "diff":
        return diff(rest, output);
      case "schema":
        output.out(studioLayoutJsonSchemaText().trimEnd());
        return 0;
      case "export":
        return exportStudio(rest, output, command);
      case "help":
      case "--help":
      case "-h":
        output.out(USAGE);
        return 0;
      default:
        throw new UsageError(subcommand === undefined ? "no command given." : `unknown command ${JSON.stringify(subcommand)}.`);
    }
  } catch (error) {
    if (!(error instanceof UsageError) && !isArgumentError(error)) throw error;
    output.err(`${command}: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
}

function validate(args: string[], output: Output): number {
  const { positionals: files } = parseArgs({ args, allowPositionals: true, strict: true });
  if (files.length === 0) throw new UsageError("validate needs at least one FILE.");
  let failed = false;
  for (const file of files) {
    const loaded = readLayoutFile(file);
    // Problems and warnings together, in file order: a warning does not fail the file.
    const lines = [...loaded.problems, ...loaded.warnings].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    for (const problem of lines) output.out(formatProblem(problem));
    if (loaded.layout === undefined) {
      failed = true;
    } else {
      const warned = loaded.warnings.length === 0 ? "" : `, ${count(loaded.warnings.length, "warning")}`;
      output.out(`${file}: valid (${contents(loaded.layout)}${warned})`);
    }
  }
  return failed ? 1 : 0;
}

function render(args: string[], output: Output, command: string): number {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: { out: { type: "string", short: "o" }, title: { type: "string" }, zone: { type: "string" } },
  });
  if (positionals.length !== 1) throw new UsageError("render takes one FILE.");
  if (values.zone !== undefined && !timeZoneSchema.safeParse(values.zone).success) {
    throw new UsageError(`--zone ${values.zone}: use an IANA time zone such as Asia/Shanghai, Europe/Berlin or UTC.`);
  }
  if (!values.out) throw new UsageError("render needs --out PATH (.svg or .html).");
  const format = extname(values.out).toLowerCase();
  if (format !== ".svg" && format !== ".html" && format !== ".htm") {
    throw new UsageError(`--out ${values.out}: use a path ending in .svg (a picture) or .html (a self-contained page).`);
  }
  const loaded = readLayoutFile(positionals[0]);
  if (!reportProblems(loaded, output)) return 1;
  const title = values.title ?? positionals[0];
  try {
    const options = { title, zone: values.zone };
    writeFileSync(values.out, format === ".svg" ? renderSvg(loaded.layout!, options) : renderHtml(loaded.layout!, options));
  } catch (error) {
    output.err(`${command}: cannot write ${values.out}: ${(error as Error).message}`);
    return 2;
  }
  // The picture is in the file: stdout has only this line.
  output.out(`wrote ${values.out}`);
  return 0;
}

function diff(args: string[], output: Output): number {
  const { positionals } = parseArgs({ args, allowPositionals: true, strict: true });
  if (positionals.length !== 2) throw new UsageError("diff takes OLD and NEW.");
  const [before, after] = positionals.map((file) => readLayoutFile(file));
  const beforeValid = reportProblems(before, output);
  const afterValid = reportProblems(after, output);
  if (!beforeValid || !afterValid) return 1;
  output.out(formatChanges(diffStudioFiles(before.layout!, after.layout!), { before: positionals[0], after: positionals[1], adopting: adoptedObjects(after.layout!) }));
  return 0;
}

/** The arguments here; the export itself in provider/export, loaded only for it (it needs the API client). */
function exportStudio(args: string[], output: Output, command: string): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: { out: { type: "string", short: "o" }, zone: { type: "string" }, region: { type: "string" }, endpoint: { type: "string" } },
  });
  if (positionals.length !== 1) throw new UsageError("export takes one CASTER_ID.");
  if (!casterIdSchema.safeParse(positionals[0]).success) {
    throw new UsageError(`${positionals[0]} is not a studio ID: use the ID the console or CreateCaster gives, e.g. LIVEPRODUCER_POST-cn-0pp1czt1234.`);
  }
  if (values.zone !== undefined && !timeZoneSchema.safeParse(values.zone).success) {
    throw new UsageError(`--zone ${values.zone}: use an IANA time zone such as Asia/Shanghai, Europe/Berlin or UTC.`);
  }
  return import("../../provider/export/cli").then(({ runExport }) => runExport({ casterId: positionals[0], ...values }, output, command));
}

/** On stderr, warnings too: diff's and render's stdout is their result, often redirected to a file. */
function reportProblems(loaded: LoadedLayout, output: Output): boolean {
  for (const problem of [...loaded.problems, ...loaded.warnings]) output.err(formatProblem(problem));
  return loaded.layout !== undefined;
}

/** "3 sources, 1 episode group", and the layouts, components, bound scenes, episodes and show list when the file has any. */
function contents(file: StudioFileDefinition): string {
  const parts = [count(Object.keys(file.sources ?? {}).length, "source"), count(Object.keys(file.episodeGroups ?? {}).length, "episode group")];
  const layouts = Object.keys(file.layouts ?? {}).length;
  const components = Object.keys(file.components ?? {}).length;
  const scenes = SCENE_KEYS.filter((key) => file.scenes?.[key]).map((key) => key.toUpperCase());
  const episodes = Object.keys(file.episodes ?? {}).length;
  if (layouts > 0) parts.push(count(layouts, "layout"));
  if (components > 0) parts.push(count(components, "component"));
  if (scenes.length > 0) parts.push(`${scenes.join(" and ")} bound`);
  if (episodes > 0) parts.push(count(episodes, "episode"));
  if (file.showList) parts.push(`a show list of ${count(file.showList.shows.length, "show")}`);
  if (file.playlist) parts.push(`a playlist of ${count(file.playlist.items.length, "item")}`);
  return parts.join(", ");
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function isArgumentError(error: unknown): boolean {
  return typeof (error as { code?: unknown })?.code === "string" && (error as { code: string }).code.startsWith("ERR_PARSE_ARGS");
}
