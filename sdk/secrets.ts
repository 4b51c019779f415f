import * as pulumi from "@pulumi/pulumi";
import { hasSignature } from "../common/redact";
import type { Connection } from "../model/fields/connection";

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

/**
 * Marks a connection with `assumeRole.externalId` secret, so that state holds it only as
 * ciphertext and a preview shows it as [secret]: the external ID is the shared secret of the role's
 * trust policy. A connection without one (a profile's name, a role's ARN) stays readable, so that
 * a change of it is seen in a review.
 */
export function secretIfExternalId<T>(connection: T): T {
  if (connection === undefined) return connection;
  // pulumi.output unwraps an Input nested at any depth (an Output<string> as the profile's name).
  return pulumi.output(connection as pulumi.Input<object>).apply((value: object): pulumi.Output<object> =>
    (typeof (value as Connection | undefined)?.assumeRole?.externalId === "string" ? pulumi.secret(value) : pulumi.output(value))) as unknown as T;
}
