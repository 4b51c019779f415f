// Declares nothing and never finishes, so that the engine, its language host and this Node.js
// process are all running when a test kills the CLI.
require("@pulumi/pulumi");
setInterval(() => {}, 60_000);
