import { stringify } from "yaml";
import { BIG_FILE_SHAPE, bigStudioFile } from "../../bench/big-studio-file";
import { parseLayout } from "../../studio-file/load";
import { diffStudioFiles } from "../../studio-file/diff";

/** The benchmark's big studio file is one the tools accept, of the size it claims: its timings measure real work. */
test("the big studio file is valid, as large as said, and its variant is one change", () => {
  const loaded = parseLayout(stringify(bigStudioFile(1)), "big.yaml");
  expect(loaded.problems).toEqual([]);
  const layout = loaded.layout!;
  expect({
    sources: Object.keys(layout.sources ?? {}).length,
    components: Object.keys(layout.components ?? {}).length,
    layouts: Object.keys(layout.layouts ?? {}).length,
    episodes: Object.keys(layout.episodes ?? {}).length,
  }).toEqual(BIG_FILE_SHAPE);
  const before = parseLayout(stringify(bigStudioFile(0)), "before.yaml").layout!;
  expect(diffStudioFiles(before, layout)).toHaveLength(1);
});
