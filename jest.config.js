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
  // Four on the 2 cores: end-to-end suites wait on the API's QPS (99 creates at 10 a second) and on
  // the CLI's plugins, and the other workers fill those waits. Fresh clones of 17939ec: 794 s with
  // three workers (1.52 of the 2 cores busy), 623 s with four (1.75); five were no faster (676 s,
  // of 116db02) (BENCHMARKS.md, "The test suite").
  maxWorkers: 4,
};
