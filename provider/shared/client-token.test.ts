import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { deriveClientToken } from "./client-token";
import { EpisodeGroupInputs } from "../../model/kinds/caster-episode-group";

const inputs: EpisodeGroupInputs = {
  casterId: "LIVEPRODUCER_POST-cn-0pp1czt1234",
  startTime: "2030-01-01T20:00:00Z",
  repeatNum: -1,
  items: [
    { itemName: "Opening", vodUrl: "https://media.example.com/opening.mp4" },
    { itemName: "Feature", vodUrl: "https://media.example.com/feature.mp4" },
  ],
};
const scope = "caster-demo-studio/prod/evening";

describe("ClientToken derivation", () => {
  test("is the same in another process (as after an interrupted pulumi up)", () => {
    const script = `
      const { deriveClientToken } = require(${JSON.stringify(path.resolve(__dirname, "../../dist/provider/shared/client-token"))});
      process.stdout.write(deriveClientToken(${JSON.stringify(scope)}, ${JSON.stringify(inputs)}));`;
    const other = execFileSync(process.execPath, ["-e", script], { encoding: "utf8" });
    expect(other).toBe(deriveClientToken(scope, inputs));
  });

  test("does not depend on the order of keys in the caller's objects", () => {
    const reordered = { ...inputs, items: inputs.items.map((item) => ({ vodUrl: item.vodUrl, itemName: item.itemName })) };
    expect(deriveClientToken(scope, reordered)).toBe(deriveClientToken(scope, inputs));
  });

  test.each([
    ["an item's file", { items: [inputs.items[0], { itemName: "Feature", vodUrl: "https://media.example.com/other.mp4" }] }],
    ["the item order", { items: [inputs.items[1], inputs.items[0]] }],
    ["the start time", { startTime: "2030-01-01T20:00:01Z" }],
    ["the repeat", { repeatNum: 0 as const }],
    ["the studio", { casterId: "LIVEPRODUCER_POST-cn-other12345" }],
    ["the domain", { domainName: "live.example.org" }],
  ])("changes with %s", (_case, change) => {
    expect(deriveClientToken(scope, { ...inputs, ...change })).not.toBe(deriveClientToken(scope, inputs));
  });

  test("changes with the stack and the resource name", () => {
    expect(deriveClientToken("caster-demo-studio/staging/evening", inputs)).not.toBe(deriveClientToken(scope, inputs));
    expect(deriveClientToken("caster-demo-studio/prod/morning", inputs)).not.toBe(deriveClientToken(scope, inputs));
  });

  test("is printable ASCII of at most 64 characters, even for long or non-ASCII names", () => {
    for (const name of ["evening", "x".repeat(300), "节目单-晚间", "a/b/c d?e"]) {
      const token = deriveClientToken(`project/stack/${name}`, inputs);
      expect(token.length).toBeLessThanOrEqual(64);
      expect(token).toMatch(/^[\x21-\x7e]+$/);
    }
  });
});
