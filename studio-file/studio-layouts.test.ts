import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { findLayoutProblems } from "./validate";
import { withSecretsAsText } from "./schema";

const EXAMPLE = path.resolve(__dirname, "..", "docs", "examples", "caster-studio-layout.studio.yaml");
const example = () => parse(fs.readFileSync(EXAMPLE, "utf8")) as Record<string, any>;
const messages = (file: unknown) => findLayoutProblems(file, { now: Date.parse("2030-01-01T00:00:00Z") }).map((problem) => `${problem.path.join(".")}: ${problem.message}`);

describe("the studio file's studioLayouts section", () => {
  test("the docs' example virtual studio, with its two studio layouts, validates", () => {
    expect(messages(example())).toEqual([]);
    expect(withSecretsAsText(example()).studioLayouts).toHaveLength(2);
  });

  test("a layout is checked as the CasterStudioLayout resource checks it, at its place in the list", () => {
    const file = example();
    delete file.studioLayouts[0].background;
    expect(messages(file)).toEqual(["studioLayouts.0.background: layoutType studio needs background and chromaKeyInputs; set background, or change layoutType."]);
  });

  test("two layouts of one name are refused: a layout is known by its name", () => {
    const file = example();
    file.studioLayouts[1].layoutName = "News desk";
    expect(messages(file)).toEqual([
      "studioLayouts.1.layoutName: studioLayouts[1] and studioLayouts[0] are both named \"News desk\": a studio layout is known by its name (that is how a lost reply is found again); rename one.",
    ]);
  });

  test("a studio layout on a studio that is not a virtual studio is refused", () => {
    const file = example();
    file.caster.new.normType = 1;
    expect(messages(file)).toEqual([
      "studioLayouts.0: a studio layout needs a virtual studio (normType 4): AddStudioLayout refuses any other, and the studio's normType is 1; set normType: 4 on the studio, or remove the studio layouts.",
    ]);
  });

  test("adopt.studioLayouts names declared layouts by layoutName", () => {
    const file = { ...example(), adopt: { caster: "LIVEPRODUCER_POST-cn-0pp1czt1234", studioLayouts: { "News desk": "445409ec-7eaa-461d-8f29-4bec2eb91234", Tall: "x1" } } };
    expect(messages(file)).toEqual([
      "adopt.studioLayouts.Tall: \"Tall\" is not the layoutName of a studio layout of this file: adopt takes over what the file declares; use one of \"News desk\", \"Wide\".",
    ]);
  });
});
