import type * as dynamic from "@pulumi/pulumi/dynamic";
import { providerFor } from "./index";
import { liveClient } from "./runtime";

/** The config as Pulumi's dynamic-provider host hands it to configure: get(), and the raw map. */
function engineConfig(values: Record<string, string>): dynamic.ConfigureRequest {
  return { config: { get: (key: string) => values[key], rawConfig: values } } as unknown as dynamic.ConfigureRequest;
}

describe("configure, as the engine's dynamic-provider host calls it", () => {
  const settings = { "alicloud-caster:endpoint": "http://127.0.0.1:9" };

  test("a second kind configured with the same settings mid-run keeps the session: one client, its limiters and listings", async () => {
    await providerFor("video").configure!(engineConfig(settings));
    const client = liveClient();
    // The host loads the layout provider's text when the run meets its first layout, and configures it.
    await providerFor("layout").configure!(engineConfig({ ...settings }));
    expect(liveClient()).toBe(client);
  });

  test("other settings start a new session", async () => {
    await providerFor("video").configure!(engineConfig(settings));
    const client = liveClient();
    await providerFor("episode").configure!(engineConfig({ "alicloud-caster:endpoint": "http://127.0.0.1:10" }));
    expect(liveClient()).not.toBe(client);
  });
});
