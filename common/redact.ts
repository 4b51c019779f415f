/**
 * The one rule for what is secret in a URL, a message or a request, for the whole project: the
 * provider (check failures, API errors), the SDK (which URLs it stores as secrets: isSignedUrl,
 * secretIfSigned), the layout tools (validate, diff, render, caster-layout) and the emulator (its
 * call record, its log and the error messages it answers). No other code masks on its own; the
 * table in redact.test.ts is the rule's specification.
 *
 * Masked, the value replaced by `***`:
 * - the value of a signature parameter (SIGNATURE_PARAMETERS, whatever the case) after `?` or `&`,
 *   and after `,` or `#` too: Alibaba's SRT URLs carry auth_key inside the streamid;
 * - the password of a URL's userinfo: `rtmp://user:password@host/...` becomes `rtmp://user:***@host/...`;
 * - in a request's parameters (redactParameters), the whole value of a credential parameter
 *   (CREDENTIAL_PARAMETERS, whatever the case, `-` and `_`).
 * A user name without a password (`rtmp://user@host/...`) is not masked.
 */

/**
 * Query parameters that make a URL a credential: Alibaba's URL signing (auth_key), OSS signed URLs
 * (V1 Signature, V4 x-oss-*), STS tokens, the S3-style equivalents, common token names, SRT's
 * encryption passphrase and a password given as a parameter. Matched whatever their case, as
 * servers read them.
 */
export const SIGNATURE_PARAMETERS = [
  "auth_key", "token", "signature", "sign", "SecurityToken", "security-token",
  "x-oss-signature", "x-oss-credential", "x-oss-security-token", "x-amz-signature", "x-amz-credential", "x-amz-security-token",
  "passphrase", "password",
];

/**
 * Request parameters whose whole value is a credential: the access key secret (which a request
 * should never carry), the request's own Signature, an STS SecurityToken and the OIDC token that
 * AssumeRoleWithOIDC exchanges for one, besides the signature parameters above. Matched whatever
 * their case, and with or without `-` and `_`.
 */
export const CREDENTIAL_PARAMETERS = ["AccessKeySecret", "Signature", "SecurityToken", "OIDCToken", ...SIGNATURE_PARAMETERS];

const MASK = "***";

// A value ends at the next parameter, field, blank or quote (the text may be a message or JSON).
const SIGNED_PARAMETER = new RegExp(`([?&,#](?:${SIGNATURE_PARAMETERS.map(escapeRegExp).join("|")})=)[^&,\\s"']*`, "gi");

/**
 * `scheme://user:password@`: the password runs to the last `@` before the path, query or fragment,
 * as URL parsers read it (`https://u:p@ss@host/` has the password `p@ss`). Characters a URL cannot
 * hold unencoded (blanks, `"`, `<`, `>`, `\`) end it, so that a URL quoted in a message or in JSON
 * is read up to its closing quote.
 */
const USERINFO_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s/?#@:"<>\\]*:)[^\s/?#"<>\\]+(?=@)/gi;

/** Text with every signature and every URL password in it replaced by ***, for messages, logs and records. */
export function redactSignatures(text: string): string {
  return text.replace(USERINFO_PASSWORD, `$1${MASK}`).replace(SIGNED_PARAMETER, `$1${MASK}`);
}

/**
 * Whether a URL (or any text) carries a secret that {@link redactSignatures} would mask: a
 * signature or a password. The SDK stores such a URL as a secret.
 */
export function hasSignature(text: string): boolean {
  return redactSignatures(text) !== text;
}

const CREDENTIAL_NAMES = new Set(CREDENTIAL_PARAMETERS.map(parameterKey));

/** Whether a request parameter's value is itself a credential (AccessKeySecret, Signature, SecurityToken, auth_key, ...). */
export function isCredentialParameter(name: string): boolean {
  return CREDENTIAL_NAMES.has(parameterKey(name));
}

/**
 * A request's parameters as a record or a log may show them: a credential parameter's value is
 * ***, every other value has its signatures and URL passwords masked.
 */
export function redactParameters(params: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [name, isCredentialParameter(name) ? MASK : redactSignatures(value)]),
  );
}

function parameterKey(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, "");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
}
