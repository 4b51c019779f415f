import { LiveApiError } from "./errors";
import { backoffDelayMs, DEFAULT_RETRY_POLICY, isTransient } from "./retry";

const error = (code: string, httpStatus?: number) => new LiveApiError("AddCasterVideoResource", code, "m", "r", httpStatus);

describe("retry rules", () => {
  test.each([
    ["Throttling", 400], ["Throttling.User", 400], ["Throttling.Api", 400], ["ServiceUnavailable", 503],
    ["InternalError", 500], ["SomethingElse", 502], ["RequestTimeout", undefined], ["ECONNRESET", undefined],
    ["InvalidResponse", undefined], ["ECONNREFUSED", undefined],
  ])("%s (HTTP %s) is transient", (code, status) => {
    expect(isTransient(error(code, status))).toBe(true);
  });

  test.each([
    ["DuplicateLocationID", 400], ["InvalidCaster.NotFound", 404], ["SignatureDoesNotMatch", 400],
    ["InvalidParameter.Malformed", 400], ["IllegalOperation", 401],
  ])("%s (HTTP %s) fails at once", (code, status) => {
    expect(isTransient(error(code, status))).toBe(false);
  });

  test("only a reply never received leaves the outcome unknown", () => {
    expect(error("RequestTimeout").outcomeUnknown).toBe(true);
    expect(error("ECONNRESET").outcomeUnknown).toBe(true);
    expect(error("ECONNREFUSED").outcomeUnknown).toBe(false);
    expect(error("InternalError", 500).outcomeUnknown).toBe(false);
  });

  test("backoff is full jitter under an exponential ceiling that stops growing", () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelayMs(1, policy, () => 0.999)).toBe(99);
    expect(backoffDelayMs(3, policy, () => 0.999)).toBe(399);
    expect(backoffDelayMs(9, policy, () => 0.999)).toBe(999);
    expect(backoffDelayMs(5, policy, () => 0)).toBe(0);
  });
});
