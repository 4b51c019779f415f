import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { EmulatorFixture } from "./emulator-fixture";
import { PulumiStack } from "./pulumi-stack";

/**
 * `caster-studio export <casterId>` into the studio file of `adopter` (a new stack, which the
 * caller removes), then its first `pulumi up`, which takes everything over with no mutating call,
 * and a preview with no change. Answers what the export wrote, for the caller's own checks.
 */
export async function exportAndAdopt(live: EmulatorFixture, adopter: PulumiStack, casterId: string): Promise<Record<string, any>> {
  const file = path.join(adopter.workDir, "studio.yaml");
  const exported = await adopter.runPackageCommand("caster-studio", ["export", casterId, "--out", file]);
  // Nothing on stderr: a studio with a signed URL prints its secret's command there, and is adopted with that set (adopt.e2e.test.ts).
  expect({ code: exported.code, stderr: exported.stderr }).toEqual({ code: 0, stderr: "" });
  const written = parse(fs.readFileSync(file, "utf8")) as Record<string, any>;
  await adopter.setConfig("layoutFile", file);
  live.emulator.clearCalls();
  const up = await adopter.up();
  expect({ code: up.code, output: up.code === 0 ? "" : up.output }).toEqual({ code: 0, output: "" });
  expect(live.mutatingCalls()).toEqual([]);
  expect((await adopter.preview(["--expect-no-changes"])).code).toBe(0);
  return written;
}
