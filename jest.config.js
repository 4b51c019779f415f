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
  // a second), which a third worker fills. Fresh clones on an idle machine: 760 s with three (of
  // 088315c), 824 s with two (of 013733d, the same tests and one more) (BENCHMARKS.md, "The test suite").
  maxWorkers: 3,
};
