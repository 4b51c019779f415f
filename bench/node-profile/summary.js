// Summarises the .cpuprofile files of bench/node-profile/preload.js: for each process, its busy
// (non-idle) milliseconds in half-second steps from the start of the earliest process given, by
// the package whose code was running (the innermost frame that belongs to one).
//   node bench/node-profile/summary.js /tmp/prof
const fs = require("node:fs");
const path = require("node:path");

const dir = process.argv[2];
const profiles = fs.readdirSync(dir).filter((name) => name.endsWith(".cpuprofile"))
  .map((name) => ({ name, profile: JSON.parse(fs.readFileSync(path.join(dir, name), "utf8")) }));
const origin = Math.min(...profiles.map(({ profile }) => profile.startTime));

function owner(url) {
  if (/\/dist\/(sdk|provider|spec|common|emulator)\//.test(url) && !url.includes("/node_modules/@")) return "pulumi-alicloud-caster";
  const match = /.*node_modules\/((@[^/]+\/)?[^/]+)\//.exec(url);
  return match ? match[1] : undefined;
}

for (const { name, profile } of profiles) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const packageOf = (id) => {
    for (let at = id; at !== undefined; at = parentOf.get(at)) {
      const found = owner(byId.get(at).callFrame.url ?? "");
      if (found) return found;
    }
    return "node/v8";
  };
  const steps = new Map();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i];
    if (byId.get(id).callFrame.functionName === "(idle)") return;
    const step = Math.floor(((at - origin) / 1e6) * 2) / 2;
    const counts = steps.get(step) ?? new Map();
    const owner = packageOf(id);
    counts.set(owner, (counts.get(owner) ?? 0) + profile.timeDeltas[i] / 1000);
    steps.set(step, counts);
  });
  console.log(`\n${name}: ${((profile.startTime - origin) / 1e6).toFixed(2)} s to ${((profile.endTime - origin) / 1e6).toFixed(2)} s`);
  for (const [step, counts] of [...steps].sort((a, b) => a[0] - b[0])) {
    const busy = [...counts.values()].reduce((sum, ms) => sum + ms, 0);
    if (busy < 50) continue;
    const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([who, ms]) => `${who} ${ms.toFixed(0)}`).join(", ");
    console.log(`  ${step.toFixed(1).padStart(5)} s: busy ${busy.toFixed(0)} ms | ${top}`);
  }
}
