// What every command of the package shares. The commands are committed scripts, so that npm links
// them before the first build; each loads its built module from dist, or says how to build it.
module.exports = function runBuilt(command, builtModule) {
  // Asked of the built file itself: a dependency missing from a built package is another error, with its own message.
  try {
    require.resolve(builtModule);
  } catch (error) {
    if (error.code !== "MODULE_NOT_FOUND") throw error;
    console.error(`${command}: the package is not built; run \`npm run build\` in its folder.`);
    process.exit(2);
  }
  const cli = require(builtModule);
  // The emulator's module starts it when loaded; the others export main, which returns an exit
  // code or (when it calls the API) a promise of one.
  if (typeof cli.main !== "function") return;
  Promise.resolve(cli.main(process.argv.slice(2))).then((code) => {
    process.exitCode = code;
  }, (error) => {
    console.error(error);
    process.exitCode = 1;
  });
};
