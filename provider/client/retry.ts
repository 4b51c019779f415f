import { LiveApiError } from "./errors";

/** How a call is retried: exponential backoff with full jitter, within a budget. */
export interface RetryPolicy {
  /** Attempts in all, the first included; by default only the time budget bounds them. */
  maxAttempts: number;
  /** The backoff ceiling of the first retry; it doubles with each retry. */
  baseDelayMs: number;
  /** The backoff ceiling never grows past this. */
  maxDelayMs: number;
  /** Retries go on until this much time has gone by since the first attempt, and no longer. */
  budgetMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: Number.POSITIVE_INFINITY,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  budgetMs: 120_000,
};

const THROTTLING = /^Throttling(\..+)?$/;
const TRANSIENT_CODES = new Set(["ServiceUnavailable", "InternalError", "RequestTimeout", "InvalidResponse"]);
const NETWORK_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "ECONNABORTED", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);

/** Failures that may pass: throttling, 5xx, timeouts, dropped connections, a gateway's non-JSON page. */
export function isTransient(error: LiveApiError): boolean {
  return THROTTLING.test(error.code) ||
    TRANSIENT_CODES.has(error.code) ||
    NETWORK_CODES.has(error.code) ||
    (error.httpStatus !== undefined && error.httpStatus >= 500);
}

/** Full jitter: a random wait between 0 and the exponential ceiling for this retry (1 = first retry). */
export function backoffDelayMs(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}
