import * as fs from "node:fs";
import * as path from "node:path";
import { OPERATIONS as SERVED } from "../../emulator/responses";
import { emulatorOperationTable, liveApiReference, SDK_ARGS_FILE, withOperationTable } from "./docs";
import { sdkArgsSource, withPropertyTables } from "./kind-docs";

/** The documents generated from the spec are committed; these fail when a copy is stale (fix: `npm run docs`). */
describe("documents generated from the spec (model/live-api.ts, model/kinds)", () => {
  const root = path.join(__dirname, "..", "..");

  test("docs/live-api.md is up to date", () => {
    expect(fs.readFileSync(path.join(root, "docs", "live-api.md"), "utf8")).toBe(liveApiReference());
  });

  test("the emulator README's operation table is up to date", () => {
    const readme = fs.readFileSync(path.join(root, "emulator", "README.md"), "utf8");
    expect(readme).toBe(withOperationTable(readme, emulatorOperationTable(Object.values(SERVED))));
  });

  test("the SDK's Args are up to date", () => {
    expect(fs.readFileSync(path.join(root, SDK_ARGS_FILE), "utf8")).toBe(sdkArgsSource());
  });

  test("the README's property tables are up to date", () => {
    const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
    expect(readme).toBe(withPropertyTables(readme));
  });
});
