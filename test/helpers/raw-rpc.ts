import { API_VERSION } from "../../model/live-api";
import { randomUUID } from "node:crypto";
import { sign } from "../../emulator/gateway/signature";

/**
 * Sends hand-made RPC requests, for the cases a real client never produces (a stale timestamp,
 * a replayed nonce, a wrong signature). Valid traffic in the tests goes through pop-core instead.
 */
export interface RawCall {
  method?: "GET" | "POST";
  accessKeyId?: string;
  accessKeySecret?: string;
  /** Overrides or removes (undefined) any common parameter after signing defaults are set. */
  common?: Record<string, string | undefined>;
  params?: Record<string, string>;
  /** Sign with this secret instead of accessKeySecret. */
  signWith?: string;
}

export interface RawReply {
  status: number;
  body: Record<string, unknown>;
}

export function apiTimestamp(ms = Date.now()): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export async function rawCall(url: string, action: string, call: RawCall = {}): Promise<RawReply> {
  const method = call.method ?? "POST";
  const params: Record<string, string> = {
    Action: action,
    Format: "JSON",
    Version: API_VERSION,
    AccessKeyId: call.accessKeyId ?? "emulator-demo-key",
    SignatureMethod: "HMAC-SHA1",
    SignatureVersion: "1.0",
    SignatureNonce: randomUUID(),
    Timestamp: apiTimestamp(),
    ...call.params,
  };
  for (const [key, value] of Object.entries(call.common ?? {})) {
    if (value === undefined) delete params[key];
    else params[key] = value;
  }
  params.Signature = sign(method, params, call.signWith ?? call.accessKeySecret ?? "emulator-demo-secret");
  const query = new URLSearchParams(params).toString();
  const response =
    method === "GET"
      ? await fetch(`${url}/?${query}`)
      : await fetch(`${url}/`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: query,
        });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
