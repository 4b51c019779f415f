/** Query parameters that make a URL a credential: Alibaba's URL signing and common token names. */
export const SIGNATURE_PARAMETERS = ["auth_key", "token", "signature", "sign", "SecurityToken", "Signature"];

const SIGNED_PARAMETER = new RegExp(`([?&](?:${SIGNATURE_PARAMETERS.join("|")})=)[^&\\s"']*`, "g");

/** Text with the value of every signature parameter in it replaced by ***, for messages. */
export function redactSignatures(text: string): string {
  return text.replace(SIGNED_PARAMETER, "$1***");
}
