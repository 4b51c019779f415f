import type * as pulumi from "@pulumi/pulumi";

const shims = new Map<string, pulumi.dynamic.ResourceProvider>();

/**
 * The provider object Pulumi serializes into every resource's state. It captures nothing but the
 * provider's kind: each method requires the implementation by package name when it runs, so the
 * stored text is about 2 KB, holds no schema and no client, and works on any machine that has
 * the package installed (a teammate's, CI's) when it runs refresh or destroy.
 *
 * One object per kind, because Pulumi caches the serialized text by object identity. The one-letter
 * names are deliberate: Pulumi's serializer wraps each method in ~190 bytes of its own, and every
 * byte here is stored twice with every resource (inputs and outputs).
 */
export function serializedProvider(kind: string): pulumi.dynamic.ResourceProvider {
  let shim = shims.get(kind);
  if (!shim) {
    const k = kind;
    // r(method, args): run the method of this kind's provider, required by package name.
    const r = (m: string, a: unknown[]) => require("pulumi-alicloud-caster/provider").run(k, m, a);
    shim = {
      configure: (...a: unknown[]) => r("configure", a),
      check: (...a: unknown[]) => r("check", a),
      diff: (...a: unknown[]) => r("diff", a),
      create: (...a: unknown[]) => r("create", a),
      read: (...a: unknown[]) => r("read", a),
      update: (...a: unknown[]) => r("update", a),
      delete: (...a: unknown[]) => r("delete", a),
    } as pulumi.dynamic.ResourceProvider;
    shims.set(kind, shim);
  }
  return shim;
}
