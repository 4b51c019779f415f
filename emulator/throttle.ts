/**
 * The API's flow control: at most `qps` accepted calls of one Action for one account in any
 * one-second window. Refused calls do not count, as a refused call does no work.
 */
export class AccountThrottle {
  private readonly recent = new Map<string, number[]>();

  /** True when the call may go ahead, and then it is counted. */
  admit(uid: string, action: string, qps: number, nowMs: number): boolean {
    const key = `${uid}\u0000${action}`;
    const windowStart = nowMs - 1000;
    const times = (this.recent.get(key) ?? []).filter((at) => at > windowStart);
    if (times.length >= qps) {
      this.recent.set(key, times);
      return false;
    }
    times.push(nowMs);
    this.recent.set(key, times);
    return true;
  }
}
