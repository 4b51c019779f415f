/** Unit and emulator tests sit beside the code; end-to-end tests with the real Pulumi CLI are in test/e2e. */
module.exports = {
  testEnvironment: "node",
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.test.json" }] },
  testMatch: ["<rootDir>/{common,spec,emulator,provider,sdk,component-provider,studio-file,test}/**/*.test.ts"],
  globalSetup: "<rootDir>/test/helpers/global-setup.ts",
  // End-to-end tests drive the real engine; these are ceilings against hangs, not speed targets.
  testTimeout: 600_000,
  // Three on two cores: most of an end-to-end test is waiting on the CLI's processes (the suite
  // used 137% CPU with two workers; see BENCHMARKS.md, "The test suite").
  maxWorkers: 3,
};
