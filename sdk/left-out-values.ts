import * as pulumi from "@pulumi/pulumi";
import { KindSpec, leftOutValue } from "../spec/kinds/kind";

/**
 * Gives a resource's outputs back the values the provider leaves out of the state: a property the
 * program did not set, which has what the API has when it is left out (a source's `beginOffset`
 * 0), is stored without it (spec/kinds/kind.ts stateFromReply), and its output resolves to that
 * value, as the API reports it. A value not yet known stays unknown; a secret stays secret.
 */
export function withLeftOutValues(resource: pulumi.CustomResource, kind: KindSpec): void {
  const outputs = resource as unknown as Record<string, pulumi.Output<unknown> | undefined>;
  for (const [name, field] of Object.entries(kind.fields)) {
    const value = leftOutValue(field);
    // Empty text is no value to give back: a property the API does not have stays undefined.
    if (value === undefined || value === "" || !pulumi.Output.isInstance(outputs[name])) continue;
    outputs[name] = (outputs[name] as pulumi.Output<unknown>).apply((stored) => stored ?? value);
  }
}
