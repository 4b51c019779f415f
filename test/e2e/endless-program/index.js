// Declares nothing and never finishes, so that the engine, its language host and this Node.js
// process are all running when a test kills the CLI.
const pulumi = require("@pulumi/pulumi");
setInterval(() => {}, 60_000);

// With `hangInCreate: true`, also a dynamic resource whose create never returns, so that the
// engine's dynamic-provider plugin is running too when `pulumi up` is killed.
if (new pulumi.Config().getBoolean("hangInCreate")) {
  const provider = { create: () => new Promise(() => setInterval(() => {}, 60_000)) };
  new pulumi.dynamic.Resource(provider, "never-created", {}, {});
}
