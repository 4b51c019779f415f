/**
 * A token bucket of capacity one per account and operation: calls leave at most `qps` a second,
 * evenly spaced, in the order they asked. A larger bucket would let a burst through and then
 * keep the full rate, which a one-second window on the server counts as more than `qps` calls.
 * The spacing carries a small margin, so that network jitter between two calls does not bring
 * them closer than the server allows.
 */
export class RateLimiter {
  private nextSlotMs = 0;
  private readonly intervalMs: number;

  constructor(
    qps: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    margin = 0.03,
  ) {
    this.intervalMs = (1000 / qps) * (1 + margin);
  }

  /** Waits for this call's slot. */
  async acquire(): Promise<void> {
    const now = this.now();
    const slot = Math.max(now, this.nextSlotMs);
    this.nextSlotMs = slot + this.intervalMs;
    if (slot > now) await this.sleep(slot - now);
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
