/** What a call waits on for its slot: this process's own limiter, or the one shared through Redis. */
export interface Limiter {
  acquire(): Promise<void>;
}

/** Added to each slot for network jitter, by this limiter and by the shared one alike. */
export const SLOT_MARGIN = 0.05;

/**
 * A token bucket of capacity one per endpoint, access key ID and operation: calls leave at most `qps` a second,
 * evenly spaced, in the order they asked. A larger bucket would let a burst through and then
 * keep the full rate, which a one-second window on the server counts as more than `qps` calls.
 * Each slot is measured from the moment the previous call actually left (a timer that fires
 * late must not bring the next call closer), with a margin for network jitter.
 */
export class RateLimiter implements Limiter {
  private lastDepartureMs = -Infinity;
  private queue: Promise<void> = Promise.resolve();
  private readonly intervalMs: number;

  constructor(
    qps: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    margin = SLOT_MARGIN,
  ) {
    this.intervalMs = (1000 / qps) * (1 + margin);
  }

  /** Waits for this call's slot. */
  acquire(): Promise<void> {
    const turn = this.queue.then(async () => {
      const wait = this.lastDepartureMs + this.intervalMs - this.now();
      if (wait > 0) await this.sleep(wait);
      this.lastDepartureMs = this.now();
    });
    this.queue = turn;
    return turn;
  }
}

/** One limiter per endpoint, access key ID and operation, shared by everything in this process. */
const limiters = new Map<string, RateLimiter>();

/** The shared limiters' module once a call has needed it; never loaded without the setting. */
let sharedModule: typeof import("./shared-rate-limiter") | undefined;

/**
 * The limiter of an endpoint, budget owner and operation: with `sharedRedisUrl` (the
 * alicloud-caster:rateLimitRedisUrl setting), the one every process on that Redis shares, whose
 * owner is the account (caller-account.ts); without it, this process's own, by access key ID.
 */
export function limiterFor(endpoint: string, budgetOwner: string, action: string, qps: number, sharedRedisUrl?: string): Limiter {
  if (sharedRedisUrl) {
    // Loaded only when the setting is there: a stack without it never loads a Redis client.
    sharedModule ??= require("./shared-rate-limiter") as typeof import("./shared-rate-limiter");
    return sharedModule.sharedLimiterFor(sharedRedisUrl, endpoint, budgetOwner, action, qps);
  }
  const key = `${endpoint}\u0000${budgetOwner}\u0000${action}`;
  let limiter = limiters.get(key);
  if (!limiter) {
    limiter = new RateLimiter(qps);
    limiters.set(key, limiter);
  }
  return limiter;
}

/**
 * Closes the connections of the shared limiters, if any call used one: a command (caster-studio
 * export, caster-recover) calls it when it is done, since an open Redis connection keeps Node
 * running. Without the setting there is nothing to close and nothing is loaded.
 */
export async function closeLimiters(): Promise<void> {
  await sharedModule?.closeSharedRateLimiters();
}
