import { replyProblems } from "./conformance";
import { ReplyObject } from "./live-api";

describe("replyProblems", () => {
  const shape: ReplyObject = { Total: "int", Items: { Item: [{ Id: "str", Size: "float" }] }, Names: { Name: ["str"] } };

  test("a reply of the spec's shape, with empty fields left out, has none", () => {
    expect(replyProblems(shape, { RequestId: "r", Total: 1, Items: { Item: [{ Id: "a", Size: 1.5 }, { Id: "b" }] } })).toEqual([]);
  });

  test("a field the spec does not have, and a value of another type, are named with their place", () => {
    expect(replyProblems(shape, {
      Total: "1", Extra: 1, Items: { Item: [{ Id: 2, Colour: "red" }] }, Names: { Name: "a" },
    })).toEqual([
      'Total: int in the spec, got "1"',
      "Extra: not in the spec",
      "Items.Item[0].Id: str in the spec, got 2",
      "Items.Item[0].Colour: not in the spec",
      "Names.Name: a list in the spec, got string",
    ]);
  });
});
