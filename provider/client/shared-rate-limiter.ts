import type { Redis } from "ioredis";
import type { RateLimiterQueue } from "rate-limiter-flexible";
import { redactSignatures } from "../../common/redact";
import { UserFacingError } from "./errors";
import { Limiter, SLOT_MARGIN } from "./rate-limiter";
import { RATE_LIMIT_REDIS_URL_CONFIG_KEY, RATE_LIMIT_REDIS_URL_ENV } from "./settings";

/**
 * An account's QPS budget shared by every process and machine that names the same Redis,
 * with rate-limiter-flexible's RateLimiterRedis and RateLimiterQueue: the Live API counts calls per
 * account, so stacks run in parallel (one per studio, in parallel CI jobs) must draw on one budget.
 *
 * What is shared is exactly one budget per endpoint, account and operation: the Redis key names
 * those three (sharedLimitKey). The account is the UID STS's GetCallerIdentity gives for the key
 * that signs (caller-account.ts), so processes that sign with different keys of one account
 * (several RAM users' keys, or STS credentials, which carry a new key ID each session) share it.
 *
 * The guarantee is the in-process RateLimiter's: one call per slot of 1/qps seconds (plus the same
 * margin), evenly spaced, per endpoint, account and operation. Each slot is a Redis key of one
 * point that lives for one slot: the process whose call takes the point goes, the others wait for
 * the key's expiry (msBeforeNext, from PTTL) and try again. The slot is measured on Redis's clock
 * from the moment it was taken, so neither clock skew between machines nor a timer that fires late
 * can bring two calls closer. Within a process, RateLimiterQueue keeps the callers in the order
 * they asked, and only the head of the queue asks Redis.
 */

/**
 * rate-limiter-flexible's own increment script with millisecond expiry (PX, PEXPIRE): its stock
 * script sets whole seconds (EX), and a slot here is 105 ms at 10 QPS. The library passes its
 * `duration` as ARGV[2], so the limiter is given the slot in milliseconds as its duration, and
 * this script (the documented customIncrTtlLuaScript option) reads it as milliseconds.
 */
const MILLISECOND_SLOT_SCRIPT = `redis.call('set', KEYS[1], 0, 'PX', ARGV[2], 'NX') \
local consumed = redis.call('incrby', KEYS[1], ARGV[1]) \
local ttl = redis.call('pttl', KEYS[1]) \
if ttl == -1 then \
  redis.call('pexpire', KEYS[1], ARGV[2]) \
  ttl = tonumber(ARGV[2]) \
end \
return {consumed, ttl} \
`;

/** The prefix of this package's keys in a Redis that may serve other things too. */
export const KEY_PREFIX = "alicloud-caster:qps";

/** How long a first connection may take before the run fails. */
const CONNECT_TIMEOUT_MS = 5_000;
/**
 * How long one command may go unanswered before the call fails. A Redis that stops answering with
 * its connection open (stopped, swapped out, a network that drops packets silently) raises no
 * error on the connection, and without this a call would wait for its slot for ever; a slot
 * request is a single short script, so 2 s is far beyond a healthy answer.
 */
export const COMMAND_TIMEOUT_MS = 2_000;
/** Reconnections after a dropped connection, 200 ms to 1 s apart, before calls fail. */
const RECONNECT_ATTEMPTS = 5;

/**
 * The shared Redis cannot be reached, or stopped answering. Nothing was sent to the Live API.
 * The run fails rather than going on with a limiter of its own: the setting says that other
 * processes draw on the same access key's budget, and a process that went alone would take the whole
 * budget on top of theirs, so every stack on the account (and anything else calling the Live API
 * with it) would be throttled, while a warning from inside a provider plugin is easily missed.
 */
export class SharedRateLimitUnavailableError extends UserFacingError {
  constructor(url: string, cause: unknown) {
    const reason = explained(cause instanceof Error ? cause.message : String(cause)).replace(/\.$/, "");
    super(
      `The Redis that shares the access key's QPS budget (${RATE_LIMIT_REDIS_URL_CONFIG_KEY} or ${RATE_LIMIT_REDIS_URL_ENV}), ` +
        `${redactSignatures(url)}, cannot be used: ${redactSignatures(reason) || "no reason given"}. Nothing was sent to the Live API. ` +
        `Start that Redis or correct the setting; to have this process limit only itself, remove it ` +
        `(\`pulumi config rm ${RATE_LIMIT_REDIS_URL_CONFIG_KEY}\`, or unset ${RATE_LIMIT_REDIS_URL_ENV}).`,
    );
  }
}

/**
 * ioredis's "Command timed out" (commandTimeout, on a first connection's AUTH and ready check as
 * on a slot request), in words that say what happened and what to look at; other reasons as they are.
 */
function explained(reason: string): string {
  if (!/command timed out/i.test(reason)) return reason;
  return `it did not answer within ${COMMAND_TIMEOUT_MS / 1000} s (${reason}); the connection is open but the server is ` +
    "stopped, overloaded or unreachable on the network";
}

/** One connection per Redis URL in this process, opened on the first call that needs it. */
class SharedRedis {
  readonly client: Redis;
  private connecting: Promise<void> | undefined;
  private lastError: Error | undefined;

  constructor(readonly url: string) {
    // Loaded here, not at the top: only a run with the setting loads a Redis client.
    const { Redis: RedisClient } = require("ioredis") as typeof import("ioredis");
    this.client = new RedisClient(url, {
      lazyConnect: true,
      connectTimeout: CONNECT_TIMEOUT_MS,
      commandTimeout: COMMAND_TIMEOUT_MS,
      // A call waits for a reconnection at most once; then it fails with the clear error below.
      maxRetriesPerRequest: 1,
      retryStrategy: (times) => (times > RECONNECT_ATTEMPTS ? null : Math.min(times * 200, 1_000)),
    });
    // Kept for the message: the promise of connect() says only "Connection is closed". Without
    // a listener ioredis would also print each connection error itself, on stderr.
    this.client.on("error", (error: Error) => {
      this.lastError = error;
    });
  }

  /** Connected, or the clear error; a failed first connection is final for this process. */
  ready(): Promise<void> {
    this.connecting ??= this.client.connect().catch((error: unknown) => {
      this.client.disconnect();
      throw new SharedRateLimitUnavailableError(this.url, this.lastError ?? error);
    });
    return this.connecting;
  }

  /** The connection's own last error when it has one: it says more than a failed command. */
  lastErrorOr(error: unknown): unknown {
    return this.client.status === "ready" ? error : (this.lastError ?? error);
  }

  close(): Promise<void> {
    this.client.disconnect();
    return Promise.resolve();
  }
}

/** One endpoint, account and operation, limited through a shared Redis. */
export class SharedRateLimiter implements Limiter {
  private readonly queue: RateLimiterQueue;

  constructor(
    private readonly redis: SharedRedis,
    /** The Redis key (without KEY_PREFIX) that every process limiting this operation uses. */
    readonly key: string,
    qps: number,
    margin = SLOT_MARGIN,
  ) {
    const { RateLimiterRedis, RateLimiterQueue: Queue } = require("rate-limiter-flexible") as typeof import("rate-limiter-flexible");
    // Whole milliseconds: Redis expires keys to the millisecond. Rounded up, never closer.
    const slotMs = Math.ceil((1000 / qps) * (1 + margin));
    const slots = new RateLimiterRedis({
      storeClient: redis.client,
      keyPrefix: KEY_PREFIX,
      points: 1,
      duration: slotMs, // milliseconds, read as such by MILLISECOND_SLOT_SCRIPT
      customIncrTtlLuaScript: MILLISECOND_SLOT_SCRIPT,
    });
    this.queue = new Queue(slots);
  }

  async acquire(): Promise<void> {
    await this.redis.ready();
    try {
      await this.queue.removeTokens(1, this.key);
    } catch (error) {
      throw new SharedRateLimitUnavailableError(this.redis.url, this.redis.lastErrorOr(error));
    }
  }
}

const connections = new Map<string, SharedRedis>();
const limiters = new Map<string, SharedRateLimiter>();

/**
 * The shared limiter of an endpoint, account and operation (`budgetOwner`: the account's UID, or
 * `key:<access key ID>` where STS could not say: caller-account.ts). Its Redis key names no
 * secret, and the endpoint with any password in it masked.
 */
export function sharedLimiterFor(redisUrl: string, endpoint: string, budgetOwner: string, action: string, qps: number): SharedRateLimiter {
  const key = sharedLimitKey(endpoint, budgetOwner, action);
  const id = `${redisUrl}\u0000${key}`;
  let limiter = limiters.get(id);
  if (!limiter) {
    let redis = connections.get(redisUrl);
    if (!redis) {
      redis = new SharedRedis(redisUrl);
      connections.set(redisUrl, redis);
    }
    limiter = new SharedRateLimiter(redis, key, qps);
    limiters.set(id, limiter);
  }
  return limiter;
}

/** The Redis key (without KEY_PREFIX) of one endpoint, account and operation: what is shared, exactly. */
export function sharedLimitKey(endpoint: string, budgetOwner: string, action: string): string {
  return `${redactSignatures(endpoint)}|${budgetOwner}|${action}`;
}

/**
 * A limiter with a Redis connection of its own, as another process would have: for tests and the
 * benchmark, which play several processes in one.
 */
export function independentSharedLimiter(
  redisUrl: string,
  endpoint: string,
  budgetOwner: string,
  action: string,
  qps: number,
  margin = SLOT_MARGIN,
): { limiter: SharedRateLimiter; close(): Promise<void> } {
  const redis = new SharedRedis(redisUrl);
  return { limiter: new SharedRateLimiter(redis, sharedLimitKey(endpoint, budgetOwner, action), qps, margin), close: () => redis.close() };
}

/**
 * Closes this process's Redis connections, so that a program or a test can end: an open
 * connection keeps Node running after a command's work is done. A later call opens a new one.
 */
export async function closeSharedRateLimiters(): Promise<void> {
  const open = [...connections.values()];
  connections.clear();
  limiters.clear();
  await Promise.all(open.map((redis) => redis.close()));
}
