import * as pulumi from "@pulumi/pulumi";
import { PROVIDER_KEY_FORM } from "../model/kinds/kind";
import { ConfigProblemError } from "../provider/client/errors";
import { checkRateLimitRedisConfig, RATE_LIMIT_REDIS_URL_CONFIG_KEY } from "../provider/client/settings";

/**
 * The provider text Pulumi stores with every resource of a kind (twice: in its inputs and its
 * outputs). The engine's dynamic-provider plugin does nothing with it but
 * `requireFromString(text).handler()`, so it is written here, not produced by Pulumi's closure
 * serializer (which wraps every method in ~190 bytes of its own and made 2 KB of it): one line
 * that requires the implementation by package name when it runs (provider/stored-provider.ts;
 * state written by 0.1.0 before it holds `require("pulumi-alicloud-caster/provider").providerFor(kind)`,
 * which still works), so refresh and destroy work on
 * any machine that has the package installed (a teammate's, CI's), and no schema, client or path
 * of the machine that ran `up` is in state.
 */
export function storedProviderText(kind: string): string {
  if (!PROVIDER_KEY_FORM.test(kind)) throw new Error(`not a provider kind: ${JSON.stringify(kind)}`);
  return `module.exports=require("pulumi-alicloud-caster/stored-provider").${kind}`;
}

/**
 * The arguments of `pulumi.CustomResource`'s constructor for a resource of this package: a dynamic
 * resource (the engine's `pulumi-nodejs` provider, type `pulumi-nodejs:dynamic/alicloud-caster:<Type>`)
 * whose stored provider is {@link storedProviderText}; what `pulumi.dynamic.Resource` makes, less
 * the closure serialization. Each class passes them to CustomResource itself, with no base class
 * of ours between: Pulumi records as where a resource was declared the fourth frame above its
 * Resource constructor (`Resource.stackTrace(4)` in @pulumi/pulumi's resource.js), which is the
 * program's line only when the class extends CustomResource directly (and one frame fewer is
 * stored with every resource).
 */
export function dynamicResourceArgs(
  kind: string,
  name: string,
  props: pulumi.Inputs,
  opts: pulumi.CustomResourceOptions | undefined,
  module: string,
  type: string,
): [type: string, name: string, props: pulumi.Inputs, opts: pulumi.CustomResourceOptions | undefined] {
  if ("__provider" in props) throw new Error("a resource of pulumi-alicloud-caster must not define the __provider key");
  refuseStackConfigTheStateWouldKeep();
  return [`pulumi-nodejs:dynamic/${module}:${type}`, name, { ...props, __provider: storedProviderText(kind) }, opts];
}

let stackConfigChecked = false;

/**
 * The engine registers the dynamic provider with the whole stack config as its inputs, and writes
 * them to the state, when the program registers its first resource of this package: before any
 * check of the provider runs. A Redis URL with a password in stack config is therefore refused
 * here, in the program, before that first registration (the provider refuses it too, for a
 * program that registers no resource of ours through this module). Once per program.
 */
function refuseStackConfigTheStateWouldKeep(): void {
  if (stackConfigChecked) return;
  stackConfigChecked = true;
  try {
    // The raw value, as the engine passes it: Config.get would warn about a secret read in plain.
    checkRateLimitRedisConfig(pulumi.runtime.getConfig(RATE_LIMIT_REDIS_URL_CONFIG_KEY)?.trim() || undefined);
  } catch (error) {
    // Said as a program error without a stack trace: the message says what to do.
    if (error instanceof ConfigProblemError) throw new pulumi.RunError(error.message);
    throw error;
  }
}
