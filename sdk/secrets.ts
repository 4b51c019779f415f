import * as pulumi from "@pulumi/pulumi";
import { hasSignature } from "../common/redact";

/**
 * Whether a URL carries a signature (auth_key, an OSS or STS token, ...), in its query or, as
 * Alibaba's SRT URLs do, inside its streamid, or a password (`rtmp://user:password@host/...`):
 * the same rule that masks it in messages (common/redact.ts).
 */
export function isSignedUrl(url: string): boolean {
  return hasSignature(url);
}

/**
 * Marks a signed URL, or one with a password, secret, so that state holds it only as ciphertext;
 * the engine then keeps the matching output secret too. Any other URL stays readable in previews
 * and reviews.
 */
export function secretIfSigned(url: pulumi.Input<string> | undefined): pulumi.Input<string> | undefined {
  if (url === undefined) return undefined;
  return pulumi
    .output(url)
    .apply((value): pulumi.Output<string> => (typeof value === "string" && isSignedUrl(value) ? pulumi.secret(value) : pulumi.output(value)));
}
