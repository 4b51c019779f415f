import { RateLimiter } from "./rate-limiter";

describe("RateLimiter", () => {
  test("spaces calls at the operation's QPS, with a small margin, in the order they asked", async () => {
    let now = 1_000_000;
    const granted: number[] = [];
    const limiter = new RateLimiter(10, () => now, async (ms) => {
      now += ms;
    });
    // The fake sleep moves the clock; each acquire records when its slot came.
    for (let n = 0; n < 12; n++) {
      await limiter.acquire();
      granted.push(now);
    }
    const gaps = granted.slice(1).map((at, i) => at - granted[i]);
    for (const gap of gaps) expect(gap).toBeCloseTo(105, 0);
    // Never more than 10 in any one-second window.
    for (let i = 0; i + 10 < granted.length; i++) expect(granted[i + 10] - granted[i]).toBeGreaterThan(1000);
  });

  test("a timer that fires late does not bring the next call closer", async () => {
    let now = 0;
    const departures: number[] = [];
    const limiter = new RateLimiter(10, () => now, async (ms) => {
      now += ms + 40; // every sleep overshoots by 40 ms
    });
    for (let n = 0; n < 5; n++) {
      await limiter.acquire();
      departures.push(now);
    }
    for (let i = 1; i < departures.length; i++) expect(departures[i] - departures[i - 1]).toBeGreaterThanOrEqual(105);
  });

  test("a caller that comes after a quiet spell goes at once", async () => {
    let now = 0;
    let slept = 0;
    const limiter = new RateLimiter(4, () => now, async (ms) => {
      slept += ms;
      now += ms;
    });
    await limiter.acquire();
    now += 5_000;
    await limiter.acquire();
    expect(slept).toBe(0);
  });
});
