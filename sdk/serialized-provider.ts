import type * as pulumi from "@pulumi/pulumi";

const shims = new Map<string, pulumi.dynamic.ResourceProvider>();

/**
 * The provider object Pulumi serializes into every resource's state. It captures nothing but the
 * provider's kind: each method requires the implementation by package name when it runs, so the
 * stored text is about 2 KB, holds no schema and no client, and works on any machine that has
 * the package installed (a teammate's, CI's) when it runs refresh or destroy.
 *
 * One object per kind, because Pulumi caches the serialized text by object identity.
 */
export function serializedProvider(kind: string): pulumi.dynamic.ResourceProvider {
  let shim = shims.get(kind);
  if (!shim) {
    const run = (method: string, args: unknown[]) =>
      require("pulumi-alicloud-caster/provider").dispatch(kind, method, args);
    shim = {
      configure: (...args: unknown[]) => run("configure", args),
      check: (...args: unknown[]) => run("check", args),
      diff: (...args: unknown[]) => run("diff", args),
      create: (...args: unknown[]) => run("create", args),
      read: (...args: unknown[]) => run("read", args),
      update: (...args: unknown[]) => run("update", args),
      delete: (...args: unknown[]) => run("delete", args),
    } as pulumi.dynamic.ResourceProvider;
    shims.set(kind, shim);
  }
  return shim;
}
