// Samples the CPU of every Node.js process it is preloaded into, from its start, and writes a
// .cpuprofile to $CASTER_CPU_PROFILE_DIR when the process ends. `node --cpu-prof` would do the
// same, but NODE_OPTIONS refuses it, and the processes to profile (the Pulumi program and the
// dynamic-provider plugin) are started by the engine, which passes NODE_OPTIONS on:
//   CASTER_CPU_PROFILE_DIR=/tmp/prof NODE_OPTIONS="--require $PWD/bench/node-profile/preload.js" npm run bench -- --only "..."
const fs = require("node:fs");
const inspector = require("node:inspector");
const path = require("node:path");

const dir = process.env.CASTER_CPU_PROFILE_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: 500 });
  session.post("Profiler.start");
  let saved = false;
  const save = () => {
    if (saved) return;
    saved = true;
    // The in-process session answers synchronously, so this works in an exit handler.
    session.post("Profiler.stop", (error, result) => {
      if (error) return;
      const what = process.argv.slice(1).join(" ").replace(/[^a-z0-9]+/gi, "_").slice(-60);
      fs.writeFileSync(path.join(dir, `${process.pid}-${what}.cpuprofile`), JSON.stringify(result.profile));
    });
  };
  process.on("exit", save);
  for (const signal of ["SIGTERM", "SIGINT"]) process.once(signal, () => { save(); process.exit(0); });
}
