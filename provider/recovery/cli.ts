import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { UserFacingError } from "../client/errors";
import { Checkpoint, findUnfinishedCreates } from "./recover";
import { consoleOutput, Output } from "../../common/cli-output";

/**
 * caster-recover: the recovery of an interrupted `pulumi up` (killed, crashed, machine lost).
 * The engine records a create before it calls the provider and its result after, so a create
 * in flight when the run ended is a pending operation in the state: what it made on the studio
 * is in no state. This finds and deletes exactly that, then clears the pending operations, so
 * that the next `pulumi up` ends in the declared studio even when the program changed meanwhile.
 */

const USAGE = `Usage: caster-recover [--stack NAME] [--cwd DIR] [--config-file FILE] [--dry-run]

After an interrupted \`pulumi up\` of a stack (and after no other run of it is in progress):
  1. pulumi stack export --show-secrets          reads its unfinished creates (kept in memory only);
                                                 a file backend's metadata file that the kill left
                                                 empty is removed (Pulumi would fail on it: "EOF")
  2. pulumi cancel                               ends the killed run's lock (undoes nothing)
  3. for each unfinished create of a CasterVideoResource or CasterEpisodeGroup: finds what it made
     on the studio (a source at its location with its settings, a group by its ClientToken) and
     deletes it; what the state holds is never touched
  4. pulumi refresh --clear-pending-creates      forgets the unfinished creates, reads the rest
Then run \`pulumi up\`. Credentials come from the environment, as for pulumi up; the endpoint and
region from the stack config the killed run used (--config-file: a stack config file other than
Pulumi.<stack>.yaml, as for pulumi). With --dry-run, steps 1 and 4 are skipped and
nothing is deleted.

Exit status: 0 recovered, 1 a step failed (running it again is safe), 2 wrong usage.`;

export type { Output };

export async function main(argv: string[], output: Output = consoleOutput): Promise<number> {
  let options: { stack?: string; cwd?: string; "config-file"?: string; "dry-run"?: boolean; help?: boolean };
  try {
    options = parseArgs({
      args: argv,
      options: { stack: { type: "string" }, cwd: { type: "string" }, "config-file": { type: "string" }, "dry-run": { type: "boolean" }, help: { type: "boolean", short: "h" } },
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
    let exported = pulumi(["stack", "export", "--show-secrets", ...stackArgs], true);
    if (exported.error) throw new UserFacingError(`pulumi could not be run: ${exported.error.message}; put the Pulumi CLI on PATH.`);
    if (exported.status !== 0 && /\bEOF\b/.test(exported.stderr)) {
      const repaired = repairFileBackendMetadata(pulumi(["whoami", "--verbose", "--json"], true).stdout, dryRun);
      for (const file of repaired) output.out(`caster-recover: ${dryRun ? "would remove" : "removed"} ${file}, a metadata file the killed run left empty.`);
      if (repaired.length > 0 && !dryRun) exported = pulumi(["stack", "export", "--show-secrets", ...stackArgs], true);
    }
    if (exported.status !== 0) throw new UserFacingError(`pulumi stack export failed:\n${exported.stderr.trim()}`);
    if (!dryRun) {
      // No lock is no error: the killed run may have been cancelled already.
      const cancel = pulumi(["cancel", "--yes", ...stackArgs], true);
      output.out(cancel.status === 0 ? "caster-recover: the killed run's lock is removed." : "caster-recover: no run to cancel.");
    }
    const unfinished = await findUnfinishedCreates(JSON.parse(exported.stdout) as Checkpoint);
    if (unfinished.length === 0) output.out("caster-recover: no unfinished create of a studio resource.");
    for (const create of unfinished) {
      if (!create.made || !create.remove) {
        output.out(`- ${create.urn}: made nothing on the studio.`);
        continue;
      }
      if (dryRun) {
        output.out(`- ${create.urn}: made ${create.made}; would delete it.`);
        continue;
      }
      await create.remove();
      output.out(`- ${create.urn}: made ${create.made}; deleted.`);
    }
    if (dryRun) return 0;
    const configFile = options["config-file"] ? ["--config-file", options["config-file"]] : [];
    const refresh = pulumi(["refresh", "--clear-pending-creates", "--yes", "--skip-preview", ...stackArgs, ...configFile]);
    if (refresh.status !== 0) throw new UserFacingError("pulumi refresh --clear-pending-creates failed (see above).");
    output.out("caster-recover: done. Run `pulumi up` to apply the program as it is now.");
    return 0;
  } catch (error) {
    output.err(`caster-recover: ${error instanceof UserFacingError ? error.message : (error as Error).stack ?? String(error)}`);
    output.err("caster-recover: running it again is safe: what was deleted is gone, and what is left is found again.");
    return 1;
  }
}

/**
 * Pulumi's file backend keeps each state file's metadata in a `.attrs` file beside it and writes
 * it in place (gocloud.dev's fileblob: create, then write), unlike the state itself, which is
 * written to a temporary file and renamed. A `kill -9` between the two leaves it empty, and every
 * later command fails with "failed to load checkpoint: EOF" although the state is whole. A missing
 * `.attrs` file is read as the defaults, so an empty or unreadable one is removed. Returns the
 * files removed (or, for a dry run, to remove).
 */
export function repairFileBackendMetadata(whoamiJson: string, dryRun = false): string[] {
  let backend: string | undefined;
  try {
    backend = (JSON.parse(whoamiJson) as { url?: string }).url;
  } catch {
    return [];
  }
  if (!backend?.startsWith("file://")) return [];
  const root = path.join(fileURLToPath(backend.replace(/\?.*$/, "")), ".pulumi");
  const broken: string[] = [];
  const visit = (dir: string) => {
    for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (entry.name.endsWith(".attrs") && !isJson(file)) broken.push(file);
    }
  };
  visit(root);
  if (!dryRun) for (const file of broken) fs.rmSync(file);
  return broken;
}

function isJson(file: string): boolean {
  try {
    JSON.parse(fs.readFileSync(file, "utf8"));
    return true;
  } catch {
    return false;
  }
}
