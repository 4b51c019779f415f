// Runs a program against Pulumi's mocks in a process of its own, as `pulumi up` runs one: the
// program's failures are unhandled rejections, which Pulumi's handler (here, this one) reports.
// Jest's own handler would fail the test instead, so a test that expects a program to be refused
// runs it here. Usage: node mocked-program.js <program.js>; prints one JSON report. The program
// requires the package by name, as a user's does.
const pulumi = require("@pulumi/pulumi");

const report = { registered: [], dependencies: {}, refusals: [], warnings: [] };
pulumi.runtime.setMocks(
  {
    newResource(args) {
      report.registered.push(args.name);
      return { id: `${args.inputs.casterId ?? "studio"}:${args.name}-id`, state: { ...args.inputs, casterId: args.inputs.casterId ?? `${args.name}-id` } };
    },
    call: (args) => args.inputs,
  },
  "project",
  "stack",
  false,
);
const monitor = require("@pulumi/pulumi/runtime/settings").getMonitor();
const register = monitor.registerResource.bind(monitor);
monitor.registerResource = (req, callback) => {
  report.dependencies[req.getName()] = req.getDependenciesList().map((urn) => urn.split("::").pop());
  register(req, callback);
};
const seen = new Set();
process.on("unhandledRejection", (error) => {
  // Pulumi reports an error object once, however many promises it rejects.
  if (seen.has(error)) return;
  seen.add(error);
  report.refusals.push(error instanceof Error ? error.message : String(error));
});
pulumi.log.warn = async (message) => void report.warnings.push(message);
process.on("exit", () => process.stdout.write(JSON.stringify(report)));

require(require("node:path").resolve(process.argv[2]));
