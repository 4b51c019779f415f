#!/usr/bin/env node
// The `caster-recover` command: a committed entry point, so the bin link exists before the first build.
let cli;
try {
  cli = require("../dist/provider/recovery/cli");
} catch (error) {
  if (error.code !== "MODULE_NOT_FOUND") throw error;
  console.error("caster-recover: the package is not built; run `npm run build` in its folder.");
  process.exit(2);
}
cli.main(process.argv.slice(2)).then((status) => {
  process.exitCode = status;
});
