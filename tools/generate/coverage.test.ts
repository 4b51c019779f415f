import * as fs from "node:fs";
import * as path from "node:path";
import { OPERATIONS as SERVED } from "../../emulator/responses";
import { OFFICIAL } from "../../model/official/extract";
import { COVERAGE_FILE, coverageTable, NOT_SERVED } from "./coverage";

describe("docs/coverage.md, the official Caster operations against the emulator and the kinds", () => {
  const root = path.join(__dirname, "..", "..");
  const official = Object.keys(OFFICIAL.operations);

  test("is up to date (fix: npm run docs)", () => {
    expect(fs.readFileSync(path.join(root, COVERAGE_FILE), "utf8")).toBe(coverageTable(Object.keys(SERVED), root));
  });

  test("says why for every official operation the emulator does not serve, and for no other", () => {
    expect(official.filter((action) => !(action in SERVED) && !NOT_SERVED[action])).toEqual([]);
    expect(Object.keys(NOT_SERVED).filter((action) => action in SERVED || !official.includes(action))).toEqual([]);
  });
});
