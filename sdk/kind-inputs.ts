import * as pulumi from "@pulumi/pulumi";
import { idOutputs, KindSpec, parseId } from "../model/kinds/kind";
import { secretIfExternalId, secretIfSigned } from "./secrets";

/**
 * A kind's resource inputs as the engine takes them: every property and every output the API
 * reports is named (undefined until known, see everyPropertyUnset), and each URL the kind's spec
 * marks `secretWhenSigned` is a secret when it carries a signature or a password, and so is a
 * connection with an external ID.
 */
export function kindInputs(kind: KindSpec, args: object): pulumi.Inputs {
  const given = args as Record<string, pulumi.Input<unknown>>;
  const secrets = Object.entries(kind.fields)
    .filter(([name, field]) => field.secretWhenSigned && given[name] !== undefined)
    .map(([name]) => [name, secretIfSigned(given[name] as pulumi.Input<string>)]);
  const connection = given.connection === undefined ? {} : { connection: secretIfExternalId(given.connection) };
  return { ...everyPropertyUnset(kind), ...given, ...Object.fromEntries(secrets), ...connection };
}

/**
 * Every property and output of a kind, unset. The engine resolves a resource's outputs by the
 * names of its inputs: a property the program leaves out would be no output at all (the
 * documented `source.beginOffset` undefined, not an Output), and a `get` that names none would
 * give back none.
 */
export function everyPropertyUnset(kind: KindSpec): Record<string, undefined> {
  return Object.fromEntries([...Object.keys(kind.fields), ...Object.keys(kind.outputs)].map((name) => [name, undefined]));
}

/**
 * Sets the resource's outputs that are parts of its Pulumi ID (a source's resourceId, a studio's
 * casterId) from the ID, which they equal. In a preview, the engine keeps the ID of a resource it
 * updates in place, but not its other outputs: Pulumi's dynamic-provider host takes no part in a
 * preview of an update, so the engine answers with the new inputs, and every output that is not an
 * input is unknown. A resource that uses such an output would show `~ resourceId` as a change of
 * its own (renaming a source showed its episode as updated too), although no update changes an ID.
 * The diff's `stables` cannot say so: the host drops them (@pulumi/pulumi 3.248.0).
 */
export function outputsFromId(resource: pulumi.CustomResource, kind: KindSpec): void {
  for (const name of idOutputs(kind)) {
    (resource as unknown as Record<string, pulumi.Output<string>>)[name] = resource.id.apply((id) => parseId(kind, id)[name]);
  }
}
