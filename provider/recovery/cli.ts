import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import YAML from "yaml";
import { UserFacingError } from "../client/errors";
import { documentationUrl } from "../../common/documentation";
import { closeLimiters } from "../client/rate-limiter";
import { Checkpoint, className, findUnfinishedCreates, RECOVERED_TYPES, withCreatesAdopted } from "./recover";
import { describeProcess, END_GRACE_MS, endProcesses, killedRunProcesses, readProcessTable } from "./leftover-processes";
import { consoleOutput, Output } from "../../common/cli-output";

/**
 * caster-recover: the recovery of an interrupted `pulumi up` (killed, crashed, machine lost).
 * The engine records a create before it calls the provider and its result after, so a create
 * in flight when the run ended is a pending operation in the state: what it made on the studio
 * is in no state. This finds and deletes exactly that (a studio itself is kept and handed to the
 * stack), then clears the pending operations, so that the next `pulumi up` ends in the declared
 * studio even when the program changed meanwhile.
 */

/** The recovered kinds as the help names them, from the recovery's own list: "A, B, ... or C". */
function kindsInWords(): string {
  const names = RECOVERED_TYPES.map(className);
  return `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}`;
}

const USAGE = `Usage: caster-recover [--stack NAME] [--cwd DIR] [--config-file FILE] [--dry-run | --yes]

After an interrupted \`pulumi up\` of a stack (and after no other run of it is in progress):
  0. ends the processes the killed run left running (Pulumi's own Node.js language host and the
     program it runs, plugins): only those of this stack's run whose \`pulumi\` is gone, and of
     this user (SIGTERM, then SIGKILL after ${END_GRACE_MS / 1000} s); each is listed (Linux: read from /proc)
  1. pulumi stack export --show-secrets          reads its unfinished creates (kept in memory only);
                                                 a file backend's metadata file that the kill left
                                                 empty is removed (Pulumi would fail on it: "EOF")
  2. lists what each unfinished create made, of the kinds it recovers:
       ${kindsInWords()}:
     a source at its location with exactly its settings, a layout, component or episode with
     exactly its content, that the state does not hold, and for a group or a studio, the
     ClientToken that finds it; what the state holds, and anything that was being adopted
     (importId), are never touched
  3. asks before it deletes them (--yes: without asking; needed when not on a terminal)
  4. pulumi cancel                               ends the killed run's lock (undoes nothing)
  5. deletes them (a group is found by sending its ClientToken again); a studio is found the same
     way (CreateCaster with its ClientToken) and kept, not deleted:
     pulumi stack export | pulumi stack import   the stack takes it over: its unfinished create is
                                                 completed with the studio's ID (secrets stay
                                                 encrypted; nothing is written to disk)
  6. pulumi refresh --clear-pending-creates      forgets the unfinished creates, reads the rest
                                                 (and each studio taken over)
Then run \`pulumi up\`: it applies the program to the studio taken over (configures, starts,
renames it, or replaces or deletes it when the program says so). Credentials come from the
environment, as for pulumi up; the endpoint and region from the stack config the killed run used
(--config-file: a stack config file other than Pulumi.<stack>.yaml, as for pulumi). --dry-run stops after step 2 and changes nothing on the
studio, in the stack or among the processes (it does remove an empty metadata file of step 1: nothing can be read past it).

A source has no ClientToken: "made by the killed run" means "at its location, with its settings,
and in no resource of this stack". Another stack that declares the very same source at the same
location would lose it: check the list before you answer yes.

Exit status: 0 recovered (or listed), 1 a step failed or deleting was declined (running it again
is safe), 2 wrong usage.

Documentation: ${documentationUrl("docs/reliability.md#recovering-an-interrupted-pulumi-up")}`;

export type { Output };

export interface RecoverOptions {
  /** Answers the question of step 3; undefined when there is nobody to ask. */
  confirm?: (question: string) => Promise<boolean>;
}

export async function main(argv: string[], output: Output = consoleOutput, io: RecoverOptions = { confirm: terminalConfirm() }): Promise<number> {
  let options: { stack?: string; cwd?: string; "config-file"?: string; "dry-run"?: boolean; yes?: boolean; help?: boolean };
  try {
    options = parseArgs({
      args: argv,
      options: {
        stack: { type: "string" }, cwd: { type: "string" }, "config-file": { type: "string" },
        "dry-run": { type: "boolean" }, yes: { type: "boolean", short: "y" }, help: { type: "boolean", short: "h" },
      },
    }).values;
  } catch (error) {
    output.err(`caster-recover: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    output.out(USAGE);
    return 0;
  }
  const stackArgs = options.stack ? ["--stack", options.stack] : [];
  const dryRun = options["dry-run"] === true;
  const pulumi = (args: string[], capture = false) =>
    spawnSync("pulumi", [...args, "--non-interactive"], {
      cwd: options.cwd,
      encoding: "utf8",
      maxBuffer: 1 << 30,
      stdio: ["ignore", capture ? "pipe" : "inherit", capture ? "pipe" : "inherit"],
    });

  try {
    await endLeftoverProcesses(options.stack, options.cwd, dryRun, output);
    let exported = pulumi(["stack", "export", "--show-secrets", ...stackArgs], true);
    if (exported.error) throw new UserFacingError(`pulumi could not be run: ${exported.error.message}; put the Pulumi CLI on PATH.`);
    if (exported.status !== 0 && /\bEOF\b/.test(exported.stderr)) {
      // Also in a dry run: nothing can be read past it, and removing it loses nothing.
      const repaired = repairFileBackendMetadata(pulumi(["whoami", "--verbose", "--json"], true).stdout, options.cwd);
      for (const file of repaired) output.out(`caster-recover: removed ${file}, a metadata file the killed run left empty.`);
      if (repaired.length > 0) exported = pulumi(["stack", "export", "--show-secrets", ...stackArgs], true);
    }
    if (exported.status !== 0) throw new UserFacingError(`pulumi stack export failed:\n${exported.stderr.trim()}`);
    const checkpoint = parseCheckpoint(exported.stdout);

    // Step 2: what would be deleted, found without changing anything.
    const listed = await findUnfinishedCreates(checkpoint, { dryRun: true });
    if (listed.length === 0) output.out("caster-recover: no unfinished create of a studio resource.");
    for (const create of listed) {
      output.out(`- ${create.urn}: ${create.made ? `made ${create.made}; ${dryRun ? "would delete it" : "to delete"}.` : create.note ? `${create.note}.` : "made nothing on the studio."}`);
    }
    if (dryRun) return 0;
    const toDelete = listed.filter((create) => !create.leftAlone && !create.adopts && (create.made || create.note));
    const toAdopt = listed.filter((create) => create.adopts);
    if (toDelete.length > 0 && !options.yes) {
      const question = `Delete what these ${toDelete.length} unfinished creates made (each listed above)?`;
      if (!io.confirm) throw new UserFacingError(`${question} Nobody to ask here: run again with --yes to delete them, or --dry-run to only list.`);
      if (!(await io.confirm(question))) throw new UserFacingError("nothing deleted; the stack still holds the unfinished creates.");
    }

    // No lock is no error: the killed run may have been cancelled already.
    const cancel = pulumi(["cancel", "--yes", ...stackArgs], true);
    output.out(cancel.status === 0 ? "caster-recover: the killed run's lock is removed." : `caster-recover: no run cancelled (${firstLine(cancel.stderr)}).`);
    const adopted = new Map<string, string>();
    for (const create of toDelete.length + toAdopt.length > 0 ? await findUnfinishedCreates(checkpoint) : []) {
      if (create.adoptId) {
        adopted.set(create.urn, create.adoptId);
        continue;
      }
      if (!create.made || !create.remove) continue;
      await create.remove();
      output.out(`- ${create.urn}: made ${create.made}; deleted.`);
    }
    if (adopted.size > 0) {
      // `pulumi refresh --import-pending-creates` drops such a create instead (Pulumi 3.248): the state is completed here.
      const encrypted = pulumi(["stack", "export", ...stackArgs], true);
      if (encrypted.status !== 0) throw new UserFacingError(`pulumi stack export failed:\n${encrypted.stderr.trim()}`);
      const completed = JSON.stringify(withCreatesAdopted(parseCheckpoint(encrypted.stdout), adopted));
      const imported = spawnSync("pulumi", ["stack", "import", ...stackArgs, "--non-interactive"], { cwd: options.cwd, input: completed, encoding: "utf8", maxBuffer: 1 << 30 });
      if (imported.status !== 0) throw new UserFacingError(`pulumi stack import of the studios taken over failed:\n${imported.stderr.trim()}`);
      for (const create of listed.filter((item) => adopted.has(item.urn))) {
        output.out(`- ${create.urn}: made studio ${adopted.get(create.urn)}; kept: the stack has taken it over.`);
      }
    }
    const configFile = options["config-file"] ? ["--config-file", options["config-file"]] : [];
    const refresh = pulumi(["refresh", "--clear-pending-creates", "--yes", "--skip-preview", ...stackArgs, ...configFile]);
    if (refresh.status !== 0) throw new UserFacingError("pulumi refresh --clear-pending-creates failed (see above).");
    output.out("caster-recover: done. Run `pulumi up` to apply the program as it is now.");
    return 0;
  } catch (error) {
    // The message only: a stack trace says nothing to a user, and a parse error could quote the export.
    output.err(`caster-recover: ${error instanceof Error ? error.message : String(error)}`);
    output.err("caster-recover: running it again is safe: what was deleted is gone, and what is left is found again.");
    return 1;
  } finally {
    // The providers' calls may have opened the shared limiter's Redis connection (the stack's
    // alicloud-caster:rateLimitRedisUrl, or ALICLOUD_CASTER_RATE_LIMIT_REDIS_URL), which would keep
    // the command running after its work is done.
    await closeLimiters();
  }
}

/**
 * Step 0: the killed run's engine is gone, but the plugins it started in process groups of their
 * own may still run (Pulumi's Node.js language host looks at its engine every 5 minutes only).
 */
async function endLeftoverProcesses(stackOption: string | undefined, cwd: string | undefined, dryRun: boolean, output: Output): Promise<void> {
  const projectFile = findProjectFile(path.resolve(cwd ?? process.cwd()));
  const uid = process.getuid?.();
  if (!projectFile || uid === undefined) return;
  const table = readProcessTable();
  if (table.length === 0) {
    output.out("caster-recover: processes the killed run left are not looked for here (no /proc); see the docs.");
    return;
  }
  const stack = stackOption ?? spawnSync("pulumi", ["stack", "--show-name", "--non-interactive"], { cwd, encoding: "utf8" }).stdout?.trim();
  if (!stack) return;
  const project = String((YAML.parse(fs.readFileSync(projectFile, "utf8")) as { name?: unknown } | null)?.name ?? "");
  const found = killedRunProcesses(table, {
    stack,
    project,
    projectDir: path.dirname(projectFile),
    uid,
    env: { PULUMI_HOME: process.env.PULUMI_HOME, PULUMI_BACKEND_URL: process.env.PULUMI_BACKEND_URL },
  });
  if (found.length === 0) {
    output.out("caster-recover: no process of a killed run of this stack is running.");
    return;
  }
  if (dryRun) {
    output.out(`caster-recover: the killed run left ${found.length} processes running; would end them:`);
    for (const item of found) output.out(`- ${describeProcess(item)}`);
    return;
  }
  const ended = await endProcesses(found);
  output.out(`caster-recover: ended ${ended.length} processes the killed run left running:`);
  for (const item of ended) output.out(`- ${describeProcess(item)}${item.signal === "SIGKILL" ? ` (SIGKILL: SIGTERM did not end it within ${END_GRACE_MS / 1000} s)` : ""}`);
}

/** The project's Pulumi.yaml, in the folder or above it, as the CLI finds it. */
function findProjectFile(start: string): string | undefined {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const file = ["Pulumi.yaml", "Pulumi.yml"].map((name) => path.join(dir, name)).find((candidate) => fs.existsSync(candidate));
    if (file) return file;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function parseCheckpoint(text: string): Checkpoint {
  try {
    return JSON.parse(text) as Checkpoint;
  } catch {
    throw new UserFacingError("pulumi stack export returned something that is not a state file; check the Pulumi CLI's version.");
  }
}

function firstLine(text: string): string {
  return text.trim().split("\n")[0] || "no message";
}

/** A yes/no question on the terminal, or undefined when standard input is not one. */
function terminalConfirm(): RecoverOptions["confirm"] {
  if (!process.stdin.isTTY) return undefined;
  return async (question) => {
    const prompt = createInterface({ input: process.stdin, output: process.stdout });
    try {
      return /^y(es)?$/i.test((await prompt.question(`${question} [y/N] `)).trim());
    } finally {
      prompt.close();
    }
  };
}

/**
 * Pulumi's file backend keeps each state file's metadata in a `.attrs` file beside it and writes
 * it in place (gocloud.dev's fileblob: create, then write), unlike the state itself, which is
 * written to a temporary file and renamed. A `kill -9` between the two leaves it empty, and every
 * later command fails with "failed to load checkpoint: EOF" although the state is whole. A missing
 * `.attrs` file is read as the defaults, so an empty or unreadable one is removed. Returns the
 * files removed.
 */
export function repairFileBackendMetadata(whoamiJson: string, cwd = process.cwd()): string[] {
  let backend: string | undefined;
  try {
    backend = (JSON.parse(whoamiJson) as { url?: string }).url;
  } catch {
    return [];
  }
  const root = fileBackendFolder(backend, cwd);
  if (!root) return [];
  // Only the state files' and locks' metadata: what a killed `up` was writing.
  const broken: string[] = [];
  const visit = (dir: string) => {
    for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (entry.name.endsWith(".attrs") && !isJson(file)) broken.push(file);
    }
  };
  for (const part of ["stacks", "locks", "history", "backups"]) visit(path.join(root, ".pulumi", part));
  for (const file of broken) fs.rmSync(file);
  return broken;
}

/** The folder of a file backend's URL: `file:///abs`, `file://~` (pulumi login --local), `file://./rel`. */
function fileBackendFolder(backend: string | undefined, cwd: string): string | undefined {
  if (!backend?.startsWith("file://")) return undefined;
  const location = decodeURIComponent(backend.slice("file://".length).replace(/\?.*$/, ""));
  if (location === "~" || location.startsWith("~/")) return path.join(os.homedir(), location.slice(1));
  return path.resolve(cwd, location);
}

function isJson(file: string): boolean {
  try {
    JSON.parse(fs.readFileSync(file, "utf8"));
    return true;
  } catch {
    return false;
  }
}
