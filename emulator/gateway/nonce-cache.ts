/**
 * Remembers signature nonces per access key, each until its request's Timestamp can no longer be
 * accepted: a request stamped ahead of the server's clock stays replayable for longer, so its
 * nonce must be kept for longer too.
 */
export class NonceCache {
  private readonly expiries = new Map<string, number>();

  constructor(private readonly windowMs: number) {}

  /** Records the nonce; false when it was already used and is still remembered. */
  remember(accessKeyId: string, nonce: string, nowMs: number, requestTimeMs: number): boolean {
    this.evictExpired(nowMs);
    const key = `${accessKeyId}\u0000${nonce}`;
    if (this.expiries.has(key)) return false;
    this.expiries.set(key, Math.max(nowMs, requestTimeMs) + this.windowMs);
    return true;
  }

  private evictExpired(nowMs: number): void {
    for (const [key, expiry] of this.expiries) {
      if (expiry < nowMs) this.expiries.delete(key);
    }
  }
}
