/**
 * What the provider text stored in state requires, by package name, at run time:
 * `module.exports=require("pulumi-alicloud-caster/stored-provider").<kind>` (sdk/serialized-provider.ts).
 * Each kind's entry is what the engine's dynamic-provider plugin takes from the text: an object
 * whose `handler()` gives the kind's provider. A kind this version does not have gets one too, so
 * that the state of a newer version fails with "upgrade the package", not a TypeError.
 */
import { providerFor, ProviderKind } from "./index";

const KIND_NAME = /^[a-z][A-Za-z]*$/;

export = new Proxy({} as Record<string, { handler: () => ReturnType<typeof providerFor> }>, {
  get: (_, kind) => (typeof kind === "string" && KIND_NAME.test(kind) ? { handler: () => providerFor(kind as ProviderKind) } : undefined),
});
