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
});
