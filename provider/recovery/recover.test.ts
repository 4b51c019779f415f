import { revealed } from "./recover";

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
