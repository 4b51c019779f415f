import { z } from "zod";

/**
 * A URL property: one of `protocols`, and, for a file, a path ending in one of `extensions`.
 * `allowed` is the message that says what to use instead.
 */
export function urlSchema(protocols: readonly string[], allowed: string, extensions?: readonly string[]) {
  return z.string().refine((value) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return false;
    }
    if (!protocols.includes(url.protocol)) return false;
    return extensions === undefined || extensions.some((extension) => url.pathname.toLowerCase().endsWith(extension));
  }, { error: allowed });
}
