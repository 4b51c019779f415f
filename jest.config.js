/** Unit and emulator tests sit beside the code; end-to-end tests with the real Pulumi CLI are in test/e2e. */
module.exports = {
  testEnvironment: "node",
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.test.json" }] },
  testMatch: ["<rootDir>/{common,model,emulator,provider,sdk,component-provider,studio-file,tools,test}/**/*.test.ts"],
  globalSetup: "<rootDir>/test/helpers/global-setup.ts",
  // The suites known to be long first: a fresh clone has no timings of earlier runs (issue 28).
  testSequencer: "<rootDir>/test/helpers/longest-first-sequencer.js",
  // End-to-end tests drive the real engine; these are ceilings against hangs, not speed targets.
  testTimeout: 600_000,
  // Two, one a core: a third worker, tried once for the CPU two leave idle, showed no clear gain
  // within the spread of runs (BENCHMARKS.md, "The test suite").
  maxWorkers: 2,
};
