/** URL checks shared by the operations' rules. */

export function hasProtocol(value: string, protocols: readonly string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** An http(s) URL whose path ends in one of `extensions` (case does not matter). */
export function isHttpFile(value: string, extensions: readonly string[]): boolean {
  if (!hasProtocol(value, ["http:", "https:"])) return false;
  const pathname = new URL(value).pathname.toLowerCase();
  return extensions.some((extension) => pathname.endsWith(extension));
}
