import * as pulumi from "@pulumi/pulumi";
import * as path from "node:path";
import { serializedProvider } from "./serialized-provider";

// The loader the dynamic-provider plugin uses for the stored text.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const requireFromString: (code: string) => { handler: () => pulumi.dynamic.ResourceProvider } = require("require-from-string");

/** What Pulumi stores in state for every resource, serialized exactly as dynamic.Resource does. */
async function storedText(kind: string): Promise<string> {
  const shim = serializedProvider(kind);
  return (await pulumi.runtime.serializeFunction(() => shim)).text;
}

describe("the serialized provider stored in state", () => {
  test("reaches the implementation by package name and holds no path of this machine", async () => {
    const text = await storedText("video");
    expect(text).toContain('require("pulumi-alicloud-caster/provider")');
    const repoRoot = path.resolve(__dirname, "..");
    expect(text).not.toContain(repoRoot);
    expect(text).not.toMatch(/\/(home|root|tmp|Users)\//);
  });

  test("captures no schema and no client, only the provider's kind", async () => {
    const text = await storedText("video");
    expect(text).not.toMatch(/zod|ZodType|LiveClient|accessKey/i);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(2048);
  });

  test("is one object per kind, so Pulumi serializes it once per program", () => {
    expect(serializedProvider("video")).toBe(serializedProvider("video"));
  });

  test("each kind reaches its own provider", async () => {
    const cwd = process.cwd();
    process.chdir(path.resolve(__dirname, "../test/e2e/program"));
    try {
      const provider = requireFromString(await storedText("episodes")).handler();
      const result = await provider.check!({}, { casterId: "LIVEPRODUCER_POST-cn-abc123", startTime: "tomorrow", items: [] });
      expect(result.failures?.map((failure) => failure.property)).toEqual(["startTime", "items"]);
    } finally {
      process.chdir(cwd);
    }
  });

  test("loaded as the plugin loads it, from another folder, it runs the real checks", async () => {
    const text = await storedText("video");
    const cwd = process.cwd();
    process.chdir(path.resolve(__dirname, "../test/e2e/program"));
    try {
      const provider = requireFromString(text).handler();
      const result = await provider.check!({}, { casterId: "LIVEPRODUCER_POST-cn-abc123", resourceName: "x", locationId: "RV100" });
      // Every problem at once: the bad position, and the rule that a source must play something.
      expect(result.failures?.map((failure) => failure.property)).toEqual(["locationId", "liveStreamUrl"]);
    } finally {
      process.chdir(cwd);
    }
  });
});
