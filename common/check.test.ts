import { describeValue } from "./check";

describe("describeValue", () => {
  test("quotes a value as JSON, so control characters show as escapes", () => {
    expect(describeValue("a\nb\u0007\u001b[31m")).toBe('"a\\nb\\u0007\\u001b[31m"');
  });

  test("shows the characters JSON leaves as they are but a terminal acts on as escapes: line separators and bidirectional controls", () => {
    expect(describeValue("Cam\u2028era \u202e1VR \u2066x\u2069")).toBe('"Cam\\u2028era \\u202e1VR \\u2066x\\u2069"');
  });
});
