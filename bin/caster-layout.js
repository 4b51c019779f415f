#!/usr/bin/env node
// The `caster-layout` command: a committed entry point, so the bin link exists before the first build.
let cli;
try {
  cli = require("../dist/studio-file/cli/caster-layout");
} catch (error) {
  if (error.code !== "MODULE_NOT_FOUND") throw error;
  console.error("caster-layout: the package is not built; run `npm run build` in its folder.");
  process.exit(2);
}
// A number, or (export, which calls the API) a promise of one.
Promise.resolve(cli.main(process.argv.slice(2))).then((code) => {
  process.exitCode = code;
}, (error) => {
  console.error(error);
  process.exitCode = 1;
});
