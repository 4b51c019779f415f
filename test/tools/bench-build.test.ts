import { spawnSync } from "node:child_process";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

/**
 * `npm run bench` compiles bench/ with tsconfig.bench.json, without jest's types: a helper that
 * bench/ imports and that uses jest globals (describe, test) breaks the benchmark, not the tests.
 */
test("the benchmark compiles (tsc -p tsconfig.bench.json --noEmit)", () => {
  const tsc = require.resolve("typescript/bin/tsc", { paths: [ROOT] });
  const result = spawnSync(process.execPath, [tsc, "-p", path.join(ROOT, "tsconfig.bench.json"), "--noEmit"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  expect({ status: result.status, output: `${result.stdout}${result.stderr}`.trim() }).toEqual({ status: 0, output: "" });
});
