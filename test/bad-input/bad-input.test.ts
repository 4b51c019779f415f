import type * as dynamic from "@pulumi/pulumi/dynamic";
import { configureForFixture, EmulatorFixture, startEmulatorFixture } from "../helpers/emulator-fixture";
import { KINDS } from "../../model/kinds";
import { run, ProviderKind } from "../../provider";
import { BAD_INPUTS } from "./catalogue";

/** A message helps when it names the property and the value received and says what to do. */
export const SAYS_WHAT_TO_DO = /\b(use|give|set|add|remove|keep|shorten|declare|write|put|change|move|choose|rename|switch)\b/;

/** The fewest cases a kind's catalogue may have: a new kind comes with its bad inputs. */
const FEWEST_CASES_PER_KIND = 7;

/**
 * Every case of the catalogue through the check the engine calls (the serialized provider's one
 * entry point, `run(kind, "check")`, with what it does to a result before the engine prints it):
 * refused, with a message that helps, and no call to the API.
 */
describe("bad input is refused by the provider's check, before any call", () => {
  let live: EmulatorFixture;
  beforeAll(async () => {
    live = await startEmulatorFixture();
    configureForFixture(live);
  });
  afterAll(() => live?.close());

  test("every kind has its catalogue", () => {
    expect(KINDS.filter((kind) => (BAD_INPUTS[kind.type]?.length ?? 0) < FEWEST_CASES_PER_KIND).map((kind) => kind.type)).toEqual([]);
  });

  const cases = KINDS.flatMap((kind) => (BAD_INPUTS[kind.type] ?? []).map((entry) => [kind.type, entry.description, kind.provider, entry] as const));
  test.each(cases)("%s: %s", async (_type, _description, provider, { args, property }) => {
    const result = (await run(provider as ProviderKind, "check", [{}, args])) as dynamic.CheckResult;
    const failures = result.failures ?? [];
    expect(failures.length).toBeGreaterThan(0);
    // What the engine prints: `property <p> value {…} has a problem: <reason>` for each failure.
    const reasons = failures.map((failure) => failure.reason).join("\n");
    expect(reasons).toContain(property);
    const value = args[property];
    // As the user wrote it: JSON would write NaN and the infinities (YAML's .nan, .inf) as null.
    const written = typeof value === "number" && !Number.isFinite(value) ? String(value) : JSON.stringify(value);
    if (value !== undefined && typeof value !== "object") expect(reasons).toContain(written.slice(0, 40));
    expect(reasons).toMatch(SAYS_WHAT_TO_DO);
    expect(live.emulator.calls()).toEqual([]);
  });

  /**
   * A video source's refusals word for word: the property, the value received and the fix. (The
   * engine prints each as it is: test/e2e/bad-input.e2e.test.ts sends a case of each kind through
   * a real `pulumi preview`.)
   */
  const casterId = "LIVEPRODUCER_POST-cn-0pp1czt1234";
  const sourceKind = KINDS.find((kind) => kind.type === "CasterVideoResource")!.provider as ProviderKind;
  test.each([
    ["a location outside RV01-RV99", { locationId: "RV100" }, /locationId "RV100" is not allowed: use a source position from RV01 to RV99/],
    ["a one-digit location", { locationId: "RV7" }, /locationId "RV7" is not allowed: .*RV07, not RV7/],
    ["two sources at once", { vodUrl: "https://media.example.com/a.mp4" }, /liveStreamUrl and vodUrl are both set .*keep exactly one/],
    ["a file type the API refuses", { liveStreamUrl: undefined, vodUrl: "https://media.example.com/a.mkv" }, /vodUrl "https:\/\/media.example.com\/a.mkv" is not allowed: use an http\(s\) URL of an MP4, FLV or TS file/],
    ["a delay over 5000 ms", { fixedDelayDuration: 6000 }, /fixedDelayDuration 6000 is not allowed: use whole milliseconds from 0 to 5000/],
    ["offsets on a live stream", { beginOffset: 100 }, /beginOffset 100 applies only to files \(vodUrl or materialId\), not to liveStreamUrl; remove it/],
    ["a number where a name goes", { resourceName: 42 }, /resourceName must be a string, got number 42/],
  ])("a video source's refusal, as worded: %s names the property, the value and the fix, and nothing is called", async (_case, change, message) => {
    const args = { casterId, resourceName: "Camera", locationId: "RV01", liveStreamUrl: "rtmp://push.example.com/a/b", ...change };
    const result = (await run(sourceKind, "check", [{}, args])) as dynamic.CheckResult;
    expect((result.failures ?? []).map((failure) => failure.reason).join("\n")).toMatch(message);
    expect(live.emulator.calls()).toEqual([]);
  });
});
