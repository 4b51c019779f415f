import { createHmac } from "node:crypto";

/**
 * Alibaba Cloud RPC signature, version 1.0, computed from the request's own parameters.
 * Written from the published algorithm, not from pop-core, so that the emulator checks
 * what the client sends rather than agreeing with it by construction.
 */

/** RFC 3986 encoding as the algorithm wants it: encodeURIComponent leaves `!'()*` alone. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}

/** Every parameter but Signature, sorted by key, encoded, joined as `k=v&…`. */
export function canonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((key) => key !== "Signature")
    .sort()
    .map((key) => `${percentEncode(key)}=${percentEncode(params[key])}`)
    .join("&");
}

export function stringToSign(method: string, params: Record<string, string>): string {
  return `${method.toUpperCase()}&${percentEncode("/")}&${percentEncode(canonicalQuery(params))}`;
}

export function sign(method: string, params: Record<string, string>, accessKeySecret: string): string {
  return createHmac("sha1", `${accessKeySecret}&`).update(stringToSign(method, params)).digest("base64");
}
