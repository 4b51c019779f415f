import * as fs from "node:fs";
import * as path from "node:path";
import { parseLayout } from "./load";

const EXAMPLES = path.resolve(__dirname, "..", "docs", "examples");

/** Each kind's example studio file (docs/examples/<kind>.studio.yaml) is valid with the studio file's own validator. */
test.each(fs.readdirSync(EXAMPLES).filter((name) => name.endsWith(".studio.yaml")))("%s validates", (name) => {
  const loaded = parseLayout(fs.readFileSync(path.join(EXAMPLES, name), "utf8"), name);
  expect(loaded.problems).toEqual([]);
  expect(loaded.layout).toBeDefined();
});
