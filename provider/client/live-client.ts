import RPCClient from "@alicloud/pop-core";
import { toLiveApiError } from "./errors";
import { traitsOf } from "./operations";
import { limiterFor } from "./rate-limiter";
import { backoffDelayMs, DEFAULT_RETRY_POLICY, isTransient, RetryPolicy } from "./retry";
import { ClientSettings } from "./settings";

export const API_VERSION = "2016-11-01";

/** A parameter value as the provider builds it; undefined and null are left out of the request. */
export type ParamValue = string | number | boolean | undefined | null;

/** What the client did, for benchmarks and tests. */
export interface ClientStats {
  /** Requests sent, by operation. */
  requests: Record<string, number>;
  /** Replies with a throttling code. */
  throttled: number;
  /** Requests sent again after a transient failure. */
  retries: number;
}

export interface ClientOptions {
  retry?: Partial<RetryPolicy>;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * The one place that talks to the Live API. Every call is a POST, so no credential, signature
 * or parameter is ever part of a URL; it waits for its slot under the operation's QPS, shared by
 * the whole process; transient failures are retried with backoff; every failure becomes a
 * LiveApiError.
 */
export class LiveClient {
  readonly stats: ClientStats = { requests: {}, throttled: 0, retries: 0 };
  private readonly rpc: RPCClient;
  private readonly retry: RetryPolicy;
  private readonly random: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(readonly settings: ClientSettings, options: ClientOptions = {}) {
    const { credentials } = settings;
    this.rpc = new RPCClient({
      endpoint: settings.endpoint,
      apiVersion: API_VERSION,
      credentialsProvider: { getCredentials: async () => credentials },
      opts: { timeout: settings.timeoutMs },
    } as unknown as RPCClient.Config);
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /**
   * Calls an operation. A transient failure is retried; but when an operation that is not
   * idempotent may have taken effect without an answer, the error is thrown with
   * `outcomeUnknown` so that the caller can look before it sends again.
   */
  async call<T extends object>(action: string, params: Record<string, ParamValue>): Promise<T & { RequestId: string }> {
    const body: Record<string, string | number | boolean> = { RegionId: this.settings.regionId };
    for (const [key, value] of Object.entries(params)) {
      if (value !== undefined && value !== null) body[key] = value;
    }
    const traits = traitsOf(action);
    const limiter = limiterFor(this.settings.endpoint, this.settings.credentials.accessKeyId, action, traits.qps);
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      await limiter.acquire();
      this.stats.requests[action] = (this.stats.requests[action] ?? 0) + 1;
      try {
        return (await this.rpc.request(action, body, { method: "POST", timeout: this.settings.timeoutMs })) as T & {
          RequestId: string;
        };
      } catch (caught) {
        const error = toLiveApiError(action, caught);
        if (/^Throttling/.test(error.code)) this.stats.throttled++;
        const retryable = isTransient(error) && (traits.idempotent || !error.outcomeUnknown);
        const withinBudget = attempt < this.retry.maxAttempts && Date.now() - started < this.retry.budgetMs;
        if (!retryable || !withinBudget) throw error;
        this.stats.retries++;
        await this.sleep(backoffDelayMs(attempt, this.retry, this.random));
      }
    }
  }
}

