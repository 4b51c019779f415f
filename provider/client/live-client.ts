import RPCClient from "@alicloud/pop-core";
import { toLiveApiError } from "./errors";
import { traitsOf } from "./operations";
import { accountBehind } from "./caller-account";
import { limiterFor } from "./rate-limiter";
import { backoffDelayMs, DEFAULT_RETRY_POLICY, isTransient, RetryPolicy } from "./retry";
import { ClientSettings, credentialSource, CredentialSource, httpsEndpoint } from "./settings";

import { Action, API_VERSION, Listed, ListItem, ParamsOf, ParamValue, ReplyOf } from "../../model/live-api";
export { API_VERSION };
export type { Action, Listed, ListItem, ParamsOf, ParamValue, ReplyOf };

/**
 * A reply's list items as items with the fields they are known by (`itemsOf(reply.Layouts?.Layout,
 * "LayoutId")`): the API lists nothing without its ID, though the spec, as the SDK's models do,
 * types every reply field optional. Nothing is checked at run time, as nothing was before.
 */
export function itemsOf<Item, K extends keyof Item>(items: Item[] | undefined, ..._known: K[]): Listed<Item, K>[] {
  return (items ?? []) as Listed<Item, K>[];
}

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
  /** The clock of the retry budget. */
  now?: () => number;
  /** Told of each retry before its wait, in words: `AddCasterLayout: Throttling.User, retry 3 in 2.1 s (gives up 118 s from now)`. */
  onRetry?: (notice: string) => void;
}

/**
 * The one place that talks to the Live API. Every call is a POST, so no credential, signature
 * or parameter is ever part of a URL; it waits for its slot under the operation's QPS, shared by
 * the whole process (or, with settings.rateLimitRedisUrl, by every process on that Redis that
 * acts in the same account for the same endpoint);
 * transient failures are retried with backoff; every failure becomes a LiveApiError. An operation
 * the API takes over HTTPS only goes to the endpoint's host over https, signed, limited and retried
 * the same way.
 */
export class LiveClient {
  readonly stats: ClientStats = { requests: {}, throttled: 0, retries: 0 };
  private readonly rpc: RPCClient;
  /** The same endpoint over https, for the operations the API takes over HTTPS only: made on first use. */
  private secureRpc?: RPCClient;
  private readonly retry: RetryPolicy;
  private readonly random: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly onRetry: (notice: string) => void;
  private readonly credentials: CredentialSource;

  constructor(readonly settings: ClientSettings, options: ClientOptions = {}) {
    this.credentials = credentialSource(settings.credentials);
    this.rpc = this.rpcClient(settings.endpoint);
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = options.now ?? Date.now;
    this.onRetry = options.onRetry ?? (() => undefined);
  }

  private rpcClient(endpoint: string): RPCClient {
    return new RPCClient({
      endpoint,
      apiVersion: API_VERSION,
      credentialsProvider: { getCredentials: () => this.credentials.getCredentials() },
      opts: { timeout: this.settings.timeoutMs },
    } as unknown as RPCClient.Config);
  }

  /** The client of an operation's protocol: the API takes some over HTTPS only (model/live-api.ts). */
  private rpcFor(httpsOnly: boolean): { rpc: RPCClient; endpoint: string } {
    if (!httpsOnly) return { rpc: this.rpc, endpoint: this.settings.endpoint };
    const endpoint = httpsEndpoint(this.settings.endpoint);
    if (endpoint === this.settings.endpoint) return { rpc: this.rpc, endpoint };
    this.secureRpc ??= this.rpcClient(endpoint);
    return { rpc: this.secureRpc, endpoint };
  }

  /**
   * Calls an operation. A transient failure is retried; but when an operation that is not
   * idempotent may have taken effect without an answer, the error is thrown with
   * `outcomeUnknown` so that the caller can look before it sends again. The Action, its
   * parameters and its reply are typed from the spec (model/live-api.ts).
   */
  call<A extends Action>(action: A, params: ParamsOf<A>): Promise<ReplyOf<A> & { RequestId: string }> {
    return this.callUnchecked(action, params) as Promise<ReplyOf<A> & { RequestId: string }>;
  }

  /**
   * `call` with nothing checked at compile time: for an operation chosen at run time from data
   * (a kind's table of operations, whose parameters requestParams checks against the spec as it
   * builds them), and for tests that send what the spec forbids to see the API refuse it.
   */
  async callUnchecked(action: string, params: Record<string, ParamValue>): Promise<Record<string, unknown> & { RequestId: string }> {
    const body: Record<string, string | number | boolean> = { RegionId: this.settings.regionId };
    for (const [key, value] of Object.entries(params)) {
      if (value !== undefined && value !== null) body[key] = value;
    }
    const traits = traitsOf(action);
    const { rpc, endpoint } = this.rpcFor(traits.httpsOnly);
    const started = this.now();
    for (let attempt = 1; ; attempt++) {
      // Asked each time: an STS token may have been renewed since the last attempt.
      const credentials = await this.credentials.getCredentials();
      // Shared with other processes, the budget is the account's, whichever of its keys signs; this
      // process's own limiter stays by key ID, with no call to STS (one process signs with one key).
      const budgetOwner = this.settings.rateLimitRedisUrl ? await accountBehind(credentials, this.settings) : credentials.accessKeyId;
      const limiter = limiterFor(this.settings.endpoint, budgetOwner, action, traits.qps, this.settings.rateLimitRedisUrl);
      await limiter.acquire();
      this.stats.requests[action] = (this.stats.requests[action] ?? 0) + 1;
      try {
        // formatParams: false keeps each name as the spec writes it: pop-core would capitalize the first
        // letter, and the show-list operations take `isBatchMode` and `showList.N.*` as the official SDK sends them.
        return (await rpc.request(action, body, { method: "POST", formatParams: false, timeout: this.settings.timeoutMs })) as Record<string, unknown> & {
          RequestId: string;
        };
      } catch (caught) {
        const error = toLiveApiError(action, caught, endpoint);
        if (/^Throttling/.test(error.code)) this.stats.throttled++;
        const retryable = isTransient(error) && (traits.idempotent || !error.outcomeUnknown);
        const elapsed = this.now() - started;
        const left = this.retry.budgetMs - elapsed;
        if (!retryable) throw error;
        if (attempt >= this.retry.maxAttempts || left <= 0) throw error.afterRetries(attempt, elapsed);
        this.stats.retries++;
        // The last wait ends at the budget, so that the whole budget is used, not cut short.
        const wait = Math.min(backoffDelayMs(attempt, this.retry, this.random), left);
        const of = Number.isFinite(this.retry.maxAttempts) ? ` of ${this.retry.maxAttempts - 1}` : "";
        this.onRetry(`${action}: ${error.code}, retry ${attempt}${of} in ${(wait / 1000).toFixed(1)} s (gives up ${Math.ceil(left / 1000)} s from now)`);
        await this.sleep(wait);
      }
    }
  }
}

