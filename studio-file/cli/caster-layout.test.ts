import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { DEPRECATION_NOTE } from "./caster-layout";

/**
 * `caster-layout`, the command's name before layouts became a section of the studio file: it
 * still works, does exactly what caster-studio does, and says once, on stderr, that it is renamed.
 * (caster-studio.test.ts tests the commands themselves.)
 */
const REPO = path.join(__dirname, "..", "..");
const EXAMPLE = path.join(REPO, "examples", "studio", "studio.yaml");
const run = (bin: string, ...args: string[]) => {
  const result = spawnSync(path.join(REPO, "bin", bin), args, { cwd: REPO, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

describe("caster-layout (deprecated)", () => {
  test("prints a one-line deprecation note on stderr, then does what caster-studio does", () => {
    const old = run("caster-layout.js", "validate", EXAMPLE);
    const now = run("caster-studio.js", "validate", EXAMPLE);
    expect(old.code).toBe(0);
    expect(old.stderr).toBe(`${DEPRECATION_NOTE}\n${now.stderr}`);
    expect(DEPRECATION_NOTE).not.toContain("\n");
    expect(DEPRECATION_NOTE).toMatch(/^caster-layout: deprecated, renamed caster-studio/);
  });

  test("its stdout is caster-studio's, so a pipeline that redirects it gets the same comment and schema", () => {
    for (const args of [["diff", "/dev/null", EXAMPLE], ["schema"]]) {
      const old = run("caster-layout.js", ...args);
      expect(old.code).toBe(0);
      expect(old.stdout).toBe(run("caster-studio.js", ...args).stdout);
    }
    expect(run("caster-layout.js", "schema").stdout).toBe(fs.readFileSync(path.join(REPO, "studio-layout.schema.json"), "utf8"));
  });

  test("wrong usage still exits 2, naming the command as it was typed", () => {
    const result = run("caster-layout.js", "frobnicate");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('caster-layout: unknown command "frobnicate".');
    expect(result.stderr).toContain("Usage: caster-layout <command>");
  });
});
