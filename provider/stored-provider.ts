/**
 * What the provider text stored in state requires, by package name, at run time:
 * `module.exports=require("pulumi-alicloud-caster/stored-provider").<kind>` (sdk/serialized-provider.ts).
 * Each kind's entry is what the engine's dynamic-provider plugin takes from the text: an object
 * whose `handler()` gives the kind's provider. A kind this version does not have gets one too, so
 * that the state of a newer version fails with "upgrade the package", not a TypeError.
 */
import { PROVIDER_KEY_FORM } from "../model/kinds/kind";
import { providerFor, ProviderKind } from "./index";

/** A kind's name: not a symbol, and not a name every object has (toString, constructor, ...). */
function isKindName(name: string | symbol): name is string {
  return typeof name === "string" && PROVIDER_KEY_FORM.test(name) && !(name in Object.prototype);
}

export = new Proxy({} as Record<string, { handler: () => ReturnType<typeof providerFor> }>, {
  get: (target, name) => (isKindName(name) ? { handler: () => providerFor(name as ProviderKind) } : Reflect.get(target, name)),
});
