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
  // Two, one a core. A third, meant to fill interrupted.e2e's waits on the API's QPS, was slower
  // on an idle machine: a fresh clone of 088315c took 760 s with three, and each long suite ran
  // 1.4-1.6 times as long as with two (BENCHMARKS.md, "The test suite").
  maxWorkers: 2,
};
