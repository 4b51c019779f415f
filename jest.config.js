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
  // Three on the 2 cores: end-to-end suites of big studios wait on the API's QPS (99 creates at 10
  // a second), interrupted.e2e about 40% of its time (173 CPU-seconds for its 289 s), which a
  // third worker fills (BENCHMARKS.md, "Issue 28: where the suite's time goes").
  maxWorkers: 3,
};
