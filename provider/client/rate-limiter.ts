/**
 * A token bucket of capacity one per account and operation: calls leave at most `qps` a second,
 * evenly spaced, in the order they asked. A larger bucket would let a burst through and then
 * keep the full rate, which a one-second window on the server counts as more than `qps` calls.
 * Each slot is measured from the moment the previous call actually left (a timer that fires
 * late must not bring the next call closer), with a margin for network jitter.
 */
export class RateLimiter {
  private lastDepartureMs = -Infinity;
  private queue: Promise<void> = Promise.resolve();
  private readonly intervalMs: number;

  constructor(
    qps: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    margin = 0.05,
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

/** One limiter per account key, endpoint and operation, shared by everything in this process. */
const limiters = new Map<string, RateLimiter>();

export function limiterFor(endpoint: string, accessKeyId: string, action: string, qps: number): RateLimiter {
  const key = `${endpoint}\u0000${accessKeyId}\u0000${action}`;
  let limiter = limiters.get(key);
  if (!limiter) {
    limiter = new RateLimiter(qps);
    limiters.set(key, limiter);
  }
  return limiter;
}
