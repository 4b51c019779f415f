import type * as dynamic from "@pulumi/pulumi/dynamic";
import { hasSignature } from "../../common/redact";

/**
 * A check result as it may go to the engine. A connection's failure never names its property: a
 * key the user put there by mistake may be a secret (`accessKeySecret`), and its reason, which
 * names the place, never quotes such a value.
 *
 * A check result as it may go to the engine. For a failure that names a property, the engine
 * prints that property's input value itself ("property liveStreamUrl value {...} has a
 * problem"), and it prints a secret in clear there. So a failure whose property holds something
 * the one masking rule masks (a signature, a URL password) names no property: the engine then
 * prints the reason alone, which names the property and quotes its value masked.
 */
export function checkResultForEngine(result: dynamic.CheckResult, inputs: unknown): dynamic.CheckResult {
  if (!result.failures || result.failures.length === 0) return result;
  const values = (inputs ?? {}) as Record<string, unknown>;
  return {
    ...result,
    failures: result.failures.map((failure) =>
      failure.property && (holdsSecret(values[failure.property]) || failure.property === "connection") ? { ...failure, property: "" } : failure),
  };
}

function holdsSecret(value: unknown): boolean {
  if (value === undefined) return false;
  try {
    return hasSignature(JSON.stringify(value) ?? "");
  } catch {
    // A value JSON cannot write is not quoted as it is: leave the engine nothing to print.
    return true;
  }
}
