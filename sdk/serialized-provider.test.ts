import * as pulumi from "@pulumi/pulumi";
import * as path from "node:path";
import { storedProviderText } from "./serialized-provider";

// The loader the dynamic-provider plugin uses for the stored text.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const requireFromString: (code: string) => { handler: () => pulumi.dynamic.ResourceProvider } = require("require-from-string");

/** The stored text loaded as the plugin loads it, from a Pulumi project's folder (where the package is installed). */
function loadedFromProject(kind: string, text = storedProviderText(kind)): pulumi.dynamic.ResourceProvider {
  const cwd = process.cwd();
  process.chdir(path.resolve(__dirname, "../test/e2e/program"));
  try {
    return requireFromString(text).handler();
  } finally {
    process.chdir(cwd);
  }
}

describe("the provider text stored in state", () => {
  test("reaches the implementation by package name and holds no path of this machine", () => {
    const text = storedProviderText("video");
    expect(text).toContain('require("pulumi-alicloud-caster/stored-provider")');
    expect(text).not.toContain(path.resolve(__dirname, ".."));
    expect(text).not.toMatch(/\/(home|root|tmp|Users)\//);
  });

  test("holds no schema and no client, only the provider's kind, in at most 200 bytes", () => {
    for (const kind of ["video", "episodes", "studio", "layout", "component", "scene", "episode"]) {
      const text = storedProviderText(kind);
      expect(text).not.toMatch(/zod|ZodType|LiveClient|accessKey/i);
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(200);
    }
  });

  test("each kind reaches its own provider, with every method the engine calls", async () => {
    const provider = loadedFromProject("episodes");
    expect(Object.keys(provider).sort()).toEqual(["check", "configure", "create", "delete", "diff", "read", "update"]);
    const result = await provider.check!({}, { casterId: "LIVEPRODUCER_POST-cn-abc123", startTime: "tomorrow", items: [] });
    expect(result.failures?.map((failure) => failure.property)).toEqual(["startTime", "items"]);
  });

  test("loaded as the plugin loads it, from another folder, it runs the real checks", async () => {
    const provider = loadedFromProject("video");
    const result = await provider.check!({}, { casterId: "LIVEPRODUCER_POST-cn-abc123", resourceName: "x", locationId: "RV100" });
    // Every problem at once: the bad position, and the rule that a source must play something.
    expect(result.failures?.map((failure) => failure.property)).toEqual(["locationId", "liveStreamUrl"]);
  });

  test("the text that state written before holds still reaches the provider", async () => {
    const provider = loadedFromProject("video", 'exports.handler=()=>require("pulumi-alicloud-caster/provider").providerFor("video")');
    const result = await provider.check!({}, { casterId: "LIVEPRODUCER_POST-cn-abc123", resourceName: "x", locationId: "RV100" });
    expect(result.failures?.map((failure) => failure.property)).toEqual(["locationId", "liveStreamUrl"]);
  });

  test("an unknown kind says to upgrade the package", async () => {
    const provider = loadedFromProject("hologram");
    await expect(provider.check!({}, {})).rejects.toThrow('pulumi-alicloud-caster has no provider "hologram"; upgrade the package.');
  });
});
