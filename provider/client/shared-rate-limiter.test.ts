import { Redis } from "ioredis";
import { DEMO_ACCOUNT, RunningEmulator, startEmulator } from "../../emulator";
import { findRedisServer, freePort, REDIS_INSTALL_HINT, RunningRedis, startRedisServer } from "../../test/helpers/redis-server";
import { LiveClient } from "./live-client";
import { resolveSettings } from "./settings";
import {
  closeSharedRateLimiters,
  COMMAND_TIMEOUT_MS,
  independentSharedLimiter,
  KEY_PREFIX,
  SharedRateLimitUnavailableError,
  sharedLimitKey,
} from "./shared-rate-limiter";

/**
 * The shared limiter against a real redis-server that each test file starts on a free port. Without
 * redis-server these tests are skipped with a warning, except where CASTER_REDIS_TESTS=required
 * (CI, where .ci/run installs it): then they fail.
 */
const PASSWORD = "fleet-s3cret";
const ENDPOINT = "http://127.0.0.1:8787";

function describeWithRedis(name: string, suite: () => void): void {
  const lookup = findRedisServer();
  if (lookup.found) return describe(name, suite);
  const message = `Tests "${name}" need redis-server: ${lookup.reason}; ${REDIS_INSTALL_HINT}.`;
  if (process.env.CASTER_REDIS_TESTS === "required") {
    return describe(name, () => test("redis-server is available (CASTER_REDIS_TESTS=required)", () => {
      throw new Error(message);
    }));
  }
  console.warn(`${message} Skipping them; set CASTER_REDIS_TESTS=required to make this an error.`);
  describe.skip(name, suite);
}

/** The events Redis reports for the limiter's slot keys, in the order it made them. */
interface SlotEvents {
  /** Every event so far (Redis's own order), once Redis has reported all that came before this call. */
  settled(): Promise<{ key: string; event: string }[]>;
  /** settled(), for one key, only the events that take a slot (set), are refused one (incrby alone) or free it (expired). */
  of(key: string): Promise<string[]>;
  /** Forgets the events so far (a test's), once Redis has reported them all. */
  reset(): Promise<void>;
  close(): void;
}

/**
 * Redis's keyspace notifications for the slot keys: the limiter's script takes a slot with
 * `SET key 0 PX slot NX` (a "set" event only when the key did not exist, i.e. the slot was free)
 * followed by INCRBY ("incrby", every attempt); a slot that ends gives "expired", on Redis's clock.
 * So "set" is a grant, and two grants without an "expired" between them would be two calls in one
 * slot: the order of these events proves the spacing without any clock of the test's.
 */
async function watchSlots(url: string, observer: Redis): Promise<SlotEvents> {
  await observer.config("SET", "notify-keyspace-events", "K$gx");
  const subscriber = new Redis(url);
  const events: { key: string; event: string }[] = [];
  const channel = "__keyspace@0__:";
  const marker = `${KEY_PREFIX}:test-marker`;
  let markerSeen: (() => void) | undefined;
  subscriber.on("pmessage", (_pattern: string, name: string, event: string) => {
    const key = name.slice(channel.length);
    if (key === marker) return event === "set" ? markerSeen?.() : undefined;
    events.push({ key, event });
  });
  await subscriber.psubscribe(`${channel}${KEY_PREFIX}:*`);
  const settled = async () => {
    // Redis sends notifications in the order it made them, on one connection: once the marker's
    // arrives, every earlier one has.
    const seen = new Promise<void>((resolve) => (markerSeen = resolve));
    await observer.set(marker, "1");
    await seen;
    return [...events];
  };
  return {
    settled,
    of: async (key) =>
      (await settled())
        .filter((item) => item.key === `${KEY_PREFIX}:${key}` && ["set", "incrby", "expired"].includes(item.event))
        .map((item) => item.event),
    reset: async () => {
      await settled();
      events.length = 0;
    },
    close: () => subscriber.disconnect(),
  };
}

/** A free slot taken is "set incrby"; a refusal is a lone "incrby": the events as grants, refusals and expiries. */
function slotHistory(events: string[]): string[] {
  const history: string[] = [];
  for (let i = 0; i < events.length; i++) {
    if (events[i] === "set" && events[i + 1] === "incrby") {
      history.push("granted");
      i++;
    } else if (events[i] === "incrby") {
      history.push("refused");
    } else {
      history.push(events[i]);
    }
  }
  return history;
}

describeWithRedis("an access key's QPS budget shared through Redis", () => {
  let redis: RunningRedis;
  let observer: Redis;
  let slots: SlotEvents;

  beforeAll(async () => {
    redis = await startRedisServer({ password: PASSWORD });
    observer = new Redis(redis.url);
    slots = await watchSlots(redis.url, observer);
  });
  afterAll(async () => {
    slots?.close();
    observer?.disconnect();
    await closeSharedRateLimiters();
    await redis?.stop();
  });
  afterEach(async () => {
    await observer.flushall();
    await slots.reset();
  });

  test("two limiters with connections of their own, as two processes have, take one slot at a time between them", async () => {
    const action = "AddCasterVideoResource";
    const processes = [1, 2].map(() => independentSharedLimiter(redis.url, ENDPOINT, DEMO_ACCOUNT.accessKeyId, action, 10));
    try {
      const granted: { process: number; ask: number }[] = [];
      await Promise.all(
        processes.flatMap(({ limiter }, process) =>
          Array.from({ length: 12 }, async (_, ask) => {
            await limiter.acquire();
            granted.push({ process, ask });
          }),
        ),
      );
      // One Redis key for both: every grant of either process took that key's slot, and each slot
      // was free again (expired, on Redis's clock) before the next grant. Limiters that did not
      // share would have taken their slots under keys of their own, or two in one slot.
      const history = slotHistory(await slots.of(sharedLimitKey(ENDPOINT, DEMO_ACCOUNT.accessKeyId, action)));
      expect(history.filter((event) => event === "granted")).toHaveLength(24);
      const grantsAndExpiries = history.filter((event) => event !== "refused");
      expect(grantsAndExpiries).toEqual(Array.from({ length: 24 }, (_, i) => (i === 0 ? ["granted"] : ["expired", "granted"])).flat());
      expect((await observer.keys(`${KEY_PREFIX}:*`)).filter((key) => !key.endsWith("test-marker"))).toHaveLength(1);
      // Each process's callers go in the order they asked, and neither process is shut out.
      for (const process of [0, 1]) {
        expect(granted.filter((grant) => grant.process === process).map((grant) => grant.ask)).toEqual(Array.from({ length: 12 }, (_, i) => i));
      }
    } finally {
      await Promise.all(processes.map((process) => process.close()));
    }
  });

  test("each operation and access key ID has a budget of its own, kept under a key that names the key ID and never the secret", async () => {
    // At 0.01 QPS a slot lasts 105 s: the keys outlive the test, and a limiter that drew on
    // another's budget would be refused and wait for it rather than take a slot at once.
    const limiters = [
      independentSharedLimiter(redis.url, ENDPOINT, DEMO_ACCOUNT.accessKeyId, "AddCasterVideoResource", 0.01),
      independentSharedLimiter(redis.url, ENDPOINT, DEMO_ACCOUNT.accessKeyId, "AddCasterEpisodeGroup", 0.01),
      independentSharedLimiter(redis.url, ENDPOINT, "other-key-id", "AddCasterVideoResource", 0.01),
    ];
    try {
      await Promise.all(limiters.map(({ limiter }) => limiter.acquire()));
      const keys = (await observer.keys(`${KEY_PREFIX}:*`)).filter((key) => !key.endsWith("test-marker")).sort();
      expect(keys).toEqual([
        `${KEY_PREFIX}:${ENDPOINT}|${DEMO_ACCOUNT.accessKeyId}|AddCasterEpisodeGroup`,
        `${KEY_PREFIX}:${ENDPOINT}|${DEMO_ACCOUNT.accessKeyId}|AddCasterVideoResource`,
        `${KEY_PREFIX}:${ENDPOINT}|other-key-id|AddCasterVideoResource`,
      ].sort());
      for (const key of keys) {
        expect(key).not.toContain(DEMO_ACCOUNT.accessKeySecret);
        // Each slot taken at the first attempt, by its limiter alone: one grant, no refusal.
        expect(slotHistory(await slots.of(key.slice(KEY_PREFIX.length + 1)))).toEqual(["granted"]);
        expect(await observer.get(key)).toBe("1");
        // The slot's length in milliseconds (the millisecond script), not 105 000 seconds.
        const ttl = await observer.pttl(key);
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(105_000);
      }
    } finally {
      await Promise.all(limiters.map((limiter) => limiter.close()));
    }
  });

  describe("through the client, as the provider uses it", () => {
    let emulator: RunningEmulator;
    // A second key of the demo account, as a RAM user's key is: the same UID, another key ID and secret.
    const SECOND_KEY = { accessKeyId: "emulator-demo-key-2", accessKeySecret: "emulator-demo-secret-2", uid: DEMO_ACCOUNT.uid };
    beforeAll(async () => {
      emulator = await startEmulator({ accounts: [DEMO_ACCOUNT, SECOND_KEY] });
    });
    afterAll(async () => {
      await emulator?.close();
    });

    /** A client of the emulator's demo account, with the Redis URL from the environment variable, where a password belongs. */
    const clientWith = (rateLimitRedisUrl: string, key: { accessKeyId: string; accessKeySecret: string } = DEMO_ACCOUNT) =>
      new LiveClient(
        {
          ...resolveSettings(
            { get: (key) => ({ "alicloud-caster:endpoint": emulator.url })[key], keys: () => ["alicloud-caster:endpoint"] },
            { ALICLOUD_CASTER_RATE_LIMIT_REDIS_URL: rateLimitRedisUrl },
          ),
          credentials: { accessKeyId: key.accessKeyId, accessKeySecret: key.accessKeySecret },
        },
        { retry: { maxAttempts: 1 } },
      );

    test("the client waits for a slot that another process holds, and sends only once that slot has expired", async () => {
      // Another process of the same account takes the slot of DescribeCasters for this endpoint, for 2.1 s.
      const other = independentSharedLimiter(redis.url, emulator.url, DEMO_ACCOUNT.uid, "DescribeCasters", 0.5);
      try {
        await other.limiter.acquire();
        await clientWith(redis.url).call("DescribeCasters", {});
        // The client asked while the other's slot was taken, was refused (once or more: it asks
        // again when Redis says the slot ends), and was granted only after the slot expired.
        const history = slotHistory(await slots.of(sharedLimitKey(emulator.url, DEMO_ACCOUNT.uid, "DescribeCasters")));
        expect(history[0]).toBe("granted");
        expect(history.slice(-2)).toEqual(["expired", "granted"]);
        expect(history.slice(1, -2).length).toBeGreaterThan(0);
        expect(new Set(history.slice(1, -2))).toEqual(new Set(["refused"]));
        expect(emulator.calls().filter((record) => record.action === "DescribeCasters")).toHaveLength(1);
      } finally {
        await other.close();
      }
    });

    test("two keys of one account draw on one budget: the account's, which STS names, not each key's", async () => {
      // Issue 28: keyed by access key ID, a RAM user's key (or an STS session's) had a budget of its own.
      const first = clientWith(redis.url, DEMO_ACCOUNT);
      const second = clientWith(redis.url, SECOND_KEY);
      emulator.clearCalls();
      await first.call("DescribeCasterConfig", { CasterId: "LIVEPRODUCER_POST-cn-none" }).catch(() => undefined);
      await second.call("DescribeCasterConfig", { CasterId: "LIVEPRODUCER_POST-cn-none" }).catch(() => undefined);
      const history = slotHistory(await slots.of(sharedLimitKey(emulator.url, DEMO_ACCOUNT.uid, "DescribeCasterConfig")));
      // Both calls took a slot of the one key the account has; neither key ID names a budget.
      expect(history.filter((event) => event === "granted")).toHaveLength(2);
      expect(await slots.of(sharedLimitKey(emulator.url, DEMO_ACCOUNT.accessKeyId, "DescribeCasterConfig"))).toEqual([]);
      expect(await slots.of(sharedLimitKey(emulator.url, SECOND_KEY.accessKeyId, "DescribeCasterConfig"))).toEqual([]);
      // STS is asked once per key (the first key was asked by the test before), and no more.
      const askedSts = () => emulator.calls().filter((record) => record.action === "GetCallerIdentity").length;
      expect(askedSts()).toBe(1);
      await first.call("DescribeCasters", {});
      await second.call("DescribeCasters", {});
      expect(askedSts()).toBe(1);
    });

    test("the environment variable is the setting when stack config has none", () => {
      const settings = resolveSettings({ get: () => undefined, keys: () => [] }, { ALICLOUD_CASTER_RATE_LIMIT_REDIS_URL: redis.url });
      expect(settings.rateLimitRedisUrl).toBe(redis.url);
      expect(resolveSettings({ get: () => undefined, keys: () => [] }, {}).rateLimitRedisUrl).toBeUndefined();
    });

    test("a Redis that cannot be reached fails the call before anything is sent, naming the setting, without the password", async () => {
      const unreachable = `redis://:${PASSWORD}@127.0.0.1:${await freePort()}`;
      const before = emulator.calls().length;
      const failure = await clientWith(unreachable).call("DescribeCasters", {}).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(SharedRateLimitUnavailableError);
      const message = (failure as Error).message;
      expect(message).toContain("alicloud-caster:rateLimitRedisUrl");
      expect(message).toContain("ECONNREFUSED");
      expect(message).toContain("redis://:***@127.0.0.1");
      expect(message).not.toContain(PASSWORD);
      expect(emulator.calls().length).toBe(before);
    });
  });

  test("a Redis that goes away during a run fails the next call with the same clear error, rather than waiting for ever", async () => {
    const own = await startRedisServer({ password: PASSWORD });
    const { limiter, close } = independentSharedLimiter(own.url, ENDPOINT, DEMO_ACCOUNT.accessKeyId, "DescribeCasters", 10);
    try {
      await limiter.acquire();
      await own.stop();
      const failure = await limiter.acquire().catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(SharedRateLimitUnavailableError);
      expect((failure as Error).message).not.toContain(PASSWORD);
    } finally {
      await close();
      await own.stop();
    }
  });

  test("a Redis that stops answering with its connection open (SIGSTOP) fails the call with the same clear error, rather than waiting for ever", async () => {
    const own = await startRedisServer({ password: PASSWORD });
    const { limiter, close } = independentSharedLimiter(own.url, ENDPOINT, DEMO_ACCOUNT.accessKeyId, "DescribeCasters", 10);
    try {
      await limiter.acquire();
      process.kill(own.pid, "SIGSTOP");
      const failure = await limiter.acquire().catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(SharedRateLimitUnavailableError);
      const message = (failure as Error).message;
      expect(message).toContain("alicloud-caster:rateLimitRedisUrl");
      expect(message).toContain(`did not answer within ${COMMAND_TIMEOUT_MS / 1000} s`);
      expect(message).toContain("redis://:***@127.0.0.1");
      expect(message).not.toContain(PASSWORD);
    } finally {
      process.kill(own.pid, "SIGCONT");
      await close();
      await own.stop();
    }
  });

  test("a Redis stopped (SIGSTOP) before the first call, which accepts the connection and never answers, fails that call with the same clear error", async () => {
    const own = await startRedisServer({ password: PASSWORD });
    const { limiter, close } = independentSharedLimiter(own.url, ENDPOINT, DEMO_ACCOUNT.accessKeyId, "DescribeCasters", 10);
    try {
      process.kill(own.pid, "SIGSTOP");
      const failure = await limiter.acquire().catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(SharedRateLimitUnavailableError);
      expect((failure as Error).message).toContain(`did not answer within ${COMMAND_TIMEOUT_MS / 1000} s`);
      expect((failure as Error).message).not.toContain(PASSWORD);
    } finally {
      process.kill(own.pid, "SIGCONT");
      await close();
      await own.stop();
    }
  });
});
