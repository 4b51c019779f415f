#!/usr/bin/env node
// The `caster-emulator` command: a committed entry point, so the bin link exists before the first build.
try {
  require.resolve("../dist/emulator/cli");
} catch (error) {
  if (error.code !== "MODULE_NOT_FOUND") throw error;
  console.error("caster-emulator: the package is not built; run `npm run build` in its folder.");
  process.exit(2);
}
require("../dist/emulator/cli");
