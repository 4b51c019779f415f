import { z } from "zod";
import { CONTROL_CHARACTERS, describeFound, findCharacter } from "./text";

/** Text that starts like a URL: a scheme and its colon, after any whitespace or control characters. */
const LOOKS_LIKE_A_URL = new RegExp(`^[\\s${CONTROL_CHARACTERS}]*[A-Za-z][A-Za-z0-9+.-]*:`);

/**
 * A URL property: one of `protocols`, with a host, and, for a file, a path ending in one of
 * `extensions`. `allowed` is the message that says what to use instead.
 *
 * Nothing is repaired on the way: the URL parser would quietly drop a tab or a line break inside a
 * URL, trim leading and trailing blanks and percent-encode a space, so the API (and whoever reads
 * the state) would get another URL than the one written. Any whitespace or control character is
 * refused instead, and so is a URL without a host (`rtmp://`, `rtmp:///live/a`), which the parser
 * accepts for schemes it does not know.
 */
export function urlSchema(protocols: readonly string[], allowed: string, extensions?: readonly string[]) {
  return z.string().check((ctx) => {
    const problem = urlProblem(ctx.value, protocols, allowed, extensions);
    if (problem !== undefined) ctx.issues.push({ code: "custom", message: problem, input: ctx.value });
  });
}

/** What is wrong with `value` as one of these URLs, as a message; undefined when nothing is. */
export function urlProblem(value: string, protocols: readonly string[], allowed: string, extensions?: readonly string[]): string | undefined {
  const found = findCharacter(value, { whitespace: true });
  if (found) {
    // Text that is not a URL at all ("camera one") is told what a URL here looks like.
    if (!LOOKS_LIKE_A_URL.test(value)) return allowed;
    const space = found.character === " " ? " (percent-encode a space in a path as %20)" : "";
    return `${describeFound(found)}; use the URL without whitespace or control characters${space}.`;
  }
  const protocol = `${/^[A-Za-z][A-Za-z0-9+.-]*:/.exec(value)?.[0].toLowerCase()}`;
  if (!protocols.includes(protocol)) return allowed;
  if (!namesHost(value)) return `it has no host; give the server's host name after ${protocol}//, as in ${protocol}//<host>/<path>.`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return allowed;
  }
  if (url.hostname === "") return `it has no host; give the server's host name after ${protocol}//, as in ${protocol}//<host>/<path>.`;
  if (extensions !== undefined && !extensions.some((extension) => url.pathname.toLowerCase().endsWith(extension))) return allowed;
  return undefined;
}

/**
 * Whether the URL, as written, names a host right after `scheme://`. The parser cannot tell: it
 * takes `https:///a.mp4` as the host `a.mp4`, and `rtmp://` as a URL with an empty host.
 */
function namesHost(value: string): boolean {
  const authority = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)/.exec(value)?.[1];
  if (authority === undefined) return false;
  return authority.slice(authority.lastIndexOf("@") + 1).replace(/:\d*$/, "") !== "";
}
