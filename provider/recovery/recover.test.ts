import { revealed, withCreatesAdopted } from "./recover";

describe("revealed: secrets of an exported state as plain values", () => {
  const secret = (value: unknown) => ({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", plaintext: JSON.stringify(value) });

  test("a secret string, a secret list and a nested secret are unwrapped; other values stay", () => {
    expect(revealed({
      liveStreamUrl: secret("rtmp://h/a?auth_key=1"),
      items: secret([{ itemName: "A", vodUrl: "https://h/a.mp4?auth_key=2" }]),
      nested: { inner: [secret(5), "x"] },
      plain: "y",
    })).toEqual({
      liveStreamUrl: "rtmp://h/a?auth_key=1",
      items: [{ itemName: "A", vodUrl: "https://h/a.mp4?auth_key=2" }],
      nested: { inner: [5, "x"] },
      plain: "y",
    });
  });

  test("a secret still encrypted is an error that says what to do", () => {
    expect(() => revealed({ url: { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: "v1:abc" } }))
      .toThrow(/ciphertext; run caster-recover where `pulumi stack export --show-secrets` can decrypt them/);
  });
});

describe("withCreatesAdopted: a studio found for an unfinished create is handed to the stack", () => {
  const provider = "urn:pulumi:s::p::pulumi:providers:pulumi-nodejs::default::0c1d";
  const stackUrn = "urn:pulumi:s::p::pulumi:pulumi:Stack::p-s";
  const studioUrn = "urn:pulumi:s::p::pulumi-nodejs:dynamic/alicloud-caster:Caster::main";
  const sourceUrn = "urn:pulumi:s::p::pulumi-nodejs:dynamic/alicloud-caster:CasterVideoResource::camera";
  const inputs = { __provider: "exports.handler = ...", normType: 1, clientToken: "main-0123" };
  const checkpoint = {
    version: 3,
    deployment: {
      resources: [{ urn: stackUrn, type: "pulumi:pulumi:Stack" }, { urn: provider.split("::0c1d")[0], type: "pulumi:providers:pulumi-nodejs", id: "0c1d" }],
      pending_operations: [
        { type: "creating", resource: { urn: studioUrn, type: "pulumi-nodejs:dynamic/alicloud-caster:Caster", parent: stackUrn, provider, inputs, dependencies: ["urn:gone"] } },
        { type: "creating", resource: { urn: sourceUrn, type: "pulumi-nodejs:dynamic/alicloud-caster:CasterVideoResource", inputs: {} } },
        { type: "deleting", resource: { urn: "urn:other", type: "x", id: "y" } },
      ],
    },
  };

  test("the adopted create becomes the last resource, with the ID found and its inputs as outputs; the other operations stay pending", () => {
    const adopted = withCreatesAdopted(checkpoint, new Map([[studioUrn, "LIVEPRODUCER_POST-cn-abc123"]]));
    expect(adopted.version).toBe(3);
    const resources = adopted.deployment.resources ?? [];
    expect(resources.slice(0, 2)).toEqual(checkpoint.deployment.resources);
    expect(resources[2]).toEqual({
      urn: studioUrn, type: "pulumi-nodejs:dynamic/alicloud-caster:Caster", parent: stackUrn, provider,
      id: "LIVEPRODUCER_POST-cn-abc123", inputs, outputs: inputs, dependencies: [],
    });
    expect(adopted.deployment.pending_operations?.map((operation) => operation.resource.urn)).toEqual([sourceUrn, "urn:other"]);
    // The checkpoint read is left as it was.
    expect(checkpoint.deployment.pending_operations).toHaveLength(3);
  });

  test("nothing adopted: the same state", () => {
    expect(withCreatesAdopted(checkpoint, new Map())).toEqual(checkpoint);
  });
});
