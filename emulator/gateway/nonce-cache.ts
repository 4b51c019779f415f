/** Remembers signature nonces for the replay window, per access key. */
export class NonceCache {
  private readonly seen = new Map<string, number>();

  constructor(private readonly windowMs: number) {}

  /** Records the nonce; false when it was already used within the window. */
  remember(accessKeyId: string, nonce: string, nowMs: number): boolean {
    this.evictOlderThan(nowMs - this.windowMs);
    const key = `${accessKeyId}\u0000${nonce}`;
    if (this.seen.has(key)) return false;
    this.seen.set(key, nowMs);
    return true;
  }

  private evictOlderThan(cutoffMs: number): void {
    // Map iteration follows insertion order, which is time order here.
    for (const [key, at] of this.seen) {
      if (at >= cutoffMs) break;
      this.seen.delete(key);
    }
  }
}
