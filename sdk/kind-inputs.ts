import * as pulumi from "@pulumi/pulumi";
import { KindSpec } from "../spec/kinds/kind";
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
