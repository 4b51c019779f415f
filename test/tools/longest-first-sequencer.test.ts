import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const LONG_SUITES: Record<string, number> = require("../helpers/long-suites.json");
const LongestFirstSequencer = require("../helpers/longest-first-sequencer.js");
const jestConfig = require("../../jest.config.js");

/** jest.config.js's testMatch, `<rootDir>/{a,b}/**\/*.test.ts`, as a test of a path relative to the root. */
function matchesTestMatch(file: string): boolean {
  return (jestConfig.testMatch as string[]).some((pattern) => {
    const [, folders, suffix] = /^<rootDir>\/\{([^}]+)\}\/\*\*\/\*(.+)$/.exec(pattern) as RegExpExecArray;
    return folders.split(",").includes(file.split("/")[0]) && file.endsWith(suffix);
  });
}

describe("the suites known to be long (test/helpers/long-suites.json), which jest starts first", () => {
  test.each(Object.keys(LONG_SUITES))("%s is a test file jest runs", (file) => {
    expect(fs.existsSync(path.join(ROOT, file))).toBe(true);
    expect(matchesTestMatch(file)).toBe(true);
  });

  test("jest.config.js orders the suites with the longest-first sequencer", () => {
    expect(require.resolve(jestConfig.testSequencer.replace("<rootDir>", ROOT))).toBe(require.resolve("../helpers/longest-first-sequencer.js"));
  });

  test("the listed suites go first, longest first; the others follow in jest's order (the larger file first, without earlier timings)", () => {
    const [longest, second] = Object.entries(LONG_SUITES).sort(([, a], [, b]) => b - a).map(([file]) => path.join(ROOT, file));
    const small = path.join(ROOT, "jest.config.js");
    const large = path.join(ROOT, "package-lock.json");
    const context = { config: { cache: false }, hasteFS: { getSize: (file: string) => fs.statSync(file).size } };
    const sorted = new LongestFirstSequencer().sort([small, second, large, longest].map((file) => ({ path: file, context })));
    expect(sorted.map((test: { path: string }) => test.path)).toEqual([longest, second, large, small]);
  });
});
