import * as pulumi from "@pulumi/pulumi";
import { hasSignature } from "../provider/shared/redact";

/**
 * Whether a URL carries a signature (auth_key, an OSS or STS token, ...), in its query or, as
 * Alibaba's SRT URLs do, inside its streamid: the same test that masks it in messages.
 */
export function isSignedUrl(url: string): boolean {
  return hasSignature(url);
}

/**
 * Marks a signed URL secret, so that state holds it only as ciphertext; the engine then keeps
 * the matching output secret too. An unsigned URL stays readable in previews and reviews.
 */
export function secretIfSigned(url: pulumi.Input<string> | undefined): pulumi.Input<string> | undefined {
  if (url === undefined) return undefined;
  return pulumi
    .output(url)
    .apply((value): pulumi.Output<string> => (typeof value === "string" && isSignedUrl(value) ? pulumi.secret(value) : pulumi.output(value)));
}
