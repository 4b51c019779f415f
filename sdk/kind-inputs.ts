import * as pulumi from "@pulumi/pulumi";
import { KindSpec } from "../spec/kinds/kind";
import { secretIfSigned } from "./secrets";

/**
 * A kind's resource inputs as the engine takes them: every output the API reports is declared
 * (undefined until known), and each URL the kind's spec marks `secretWhenSigned` is a secret
 * when it carries a signature or a password.
 */
export function kindInputs(kind: KindSpec, args: object): pulumi.Inputs {
  const given = args as Record<string, pulumi.Input<unknown>>;
  const outputs = Object.fromEntries(Object.keys(kind.outputs).map((name) => [name, undefined]));
  const secrets = Object.entries(kind.fields)
    .filter(([name, field]) => field.secretWhenSigned && given[name] !== undefined)
    .map(([name]) => [name, secretIfSigned(given[name] as pulumi.Input<string>)]);
  return { ...outputs, ...given, ...Object.fromEntries(secrets) };
}

/**
 * Every property of a kind, unset: the arguments of a `get`. The engine resolves a resource's
 * outputs by the names of its inputs, so a read that names none would give back none of them.
 */
export function everyPropertyUnset(kind: KindSpec): Record<string, undefined> {
  return Object.fromEntries(Object.keys(kind.fields).map((name) => [name, undefined]));
}
