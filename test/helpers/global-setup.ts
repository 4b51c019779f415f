import { execFileSync } from "node:child_process";
import * as path from "node:path";

/**
 * Makes the real Pulumi CLI available to the end-to-end tests (building it on the first run) and
 * checks that the package is built, since the stored provider code requires it by name.
 */
export default function globalSetup(): void {
  const root = path.resolve(__dirname, "../..");
  const output = execFileSync("bash", [path.join(root, "tools/install-pulumi.sh")], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const binDir = output.trim().split("\n").pop() as string;
  process.env.CASTER_TEST_PULUMI_BIN = binDir;
  try {
    require.resolve("pulumi-alicloud-caster/provider", { paths: [root] });
  } catch {
    throw new Error("The package is not built: run `npm run build` (npm test does it first).");
  }
}
