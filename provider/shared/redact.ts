/**
 * Query parameters that make a URL a credential: Alibaba's URL signing (auth_key), OSS signed URLs
 * (V1 Signature, V4 x-oss-*), STS tokens, the S3-style equivalents, and common token names.
 * Matched whatever their case, as servers read them.
 */
export const SIGNATURE_PARAMETERS = [
  "auth_key", "token", "signature", "sign", "SecurityToken", "security-token",
  "x-oss-signature", "x-oss-credential", "x-oss-security-token", "x-amz-signature", "x-amz-credential", "x-amz-security-token",
];

// Also after "," or "#": Alibaba's SRT URLs carry auth_key inside streamid, in the fragment.
const SIGNED_PARAMETER = new RegExp(`([?&,#](?:${SIGNATURE_PARAMETERS.map(escapeRegExp).join("|")})=)[^&,\\s"']*`, "gi");

/** Text with the value of every signature parameter in it replaced by ***, for messages. */
export function redactSignatures(text: string): string {
  return text.replace(SIGNED_PARAMETER, "$1***");
}

/** Whether a URL (or any text) carries a signature that {@link redactSignatures} would mask. */
export function hasSignature(text: string): boolean {
  return redactSignatures(text) !== text;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
}
