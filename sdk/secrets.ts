import * as pulumi from "@pulumi/pulumi";
import { SIGNATURE_PARAMETERS } from "../provider/shared/redact";

export function isSignedUrl(url: string): boolean {
  try {
    const params = new URL(url).searchParams;
    return SIGNATURE_PARAMETERS.some((name) => params.has(name));
  } catch {
    return /[?&]auth_key=/.test(url);
  }
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
