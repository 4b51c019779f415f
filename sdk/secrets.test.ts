import * as pulumi from "@pulumi/pulumi";
import { isSignedUrl, secretIfExternalId, secretIfSigned } from "./secrets";

/**
 * What the SDK stores as a secret is decided by the project's one masking rule
 * (common/redact.test.ts holds its table): a URL it would mask in a message is a secret in state.
 */
describe("secretIfSigned", () => {
  test.each([
    ["a signed stream", "rtmp://push.example.com/live/cam?auth_key=1767225600-0-0-abc"],
    ["a stream with a password", "rtmp://user:pass@push.example.com/app/stream"],
    ["a file with a password", "https://user:password@media.example.com/x.mp4"],
    ["an OSS V4 signed file", "https://b.oss-cn-shanghai.aliyuncs.com/a.mp4?x-oss-signature=deadbeef"],
  ])("stores %s as a secret", async (_name, url) => {
    expect(isSignedUrl(url)).toBe(true);
    const output = pulumi.output(secretIfSigned(url));
    expect(await pulumi.isSecret(output)).toBe(true);
  });

  test.each([
    ["an unsigned file", "https://media.example.com/x.mp4"],
    ["a stream with a user name only", "rtmp://user@push.example.com/app/stream"],
  ])("leaves %s readable", async (_name, url) => {
    expect(isSignedUrl(url)).toBe(false);
    const output = pulumi.output(secretIfSigned(url));
    expect(await pulumi.isSecret(output)).toBe(false);
  });
});

describe("secretIfExternalId", () => {
  const roleArn = "acs:ram::2222222222222222:role/caster-deployer";

  test("stores a connection with an external ID (the trust policy's shared secret) as a secret", async () => {
    const output = pulumi.output(secretIfExternalId({ profile: "staging", assumeRole: { roleArn, externalId: "trust-policy-secret" } }));
    expect(await pulumi.isSecret(output)).toBe(true);
  });

  test("leaves a connection without one readable, so that a review sees its change", async () => {
    expect(await pulumi.isSecret(pulumi.output(secretIfExternalId({ profile: "staging", assumeRole: { roleArn } })))).toBe(false);
    expect(secretIfExternalId(undefined)).toBeUndefined();
  });
});
