import * as path from "node:path";
import { Redis } from "ioredis";
import { DEMO_ACCOUNT } from "../../emulator";
import { EmulatorFixture, startEmulatorFixture } from "../../test/helpers/emulator-fixture";
import { findRedisServer, REDIS_INSTALL_HINT, RunningRedis, scriptsRun, startRedisServer } from "../../test/helpers/redis-server";
import { runToExit } from "../../test/helpers/run-to-exit";

/**
 * `caster-studio export` as a user runs it, the built bin script in a child process, with the
 * shared rate limiter's Redis set (ALICLOUD_CASTER_RATE_LIMIT_REDIS_URL): the command must end
 * once its work is done, though the limiter opened a Redis connection. Needs redis-server (skipped
 * with a warning without it, an error with CASTER_REDIS_TESTS=required) and a build (npm run build).
 */
const BIN = path.resolve(__dirname, "../../bin/caster-studio.js");
const haveRedis = findRedisServer();
if (!haveRedis.found && process.env.CASTER_REDIS_TESTS !== "required") {
  console.warn(`caster-studio export with a shared limiter needs redis-server: ${haveRedis.reason}; ${REDIS_INSTALL_HINT}. Skipping it.`);
}
const describeWithRedis = haveRedis.found || process.env.CASTER_REDIS_TESTS === "required" ? describe : describe.skip;

describeWithRedis("caster-studio export with alicloud-caster's shared rate limiter", () => {
  let redis: RunningRedis;
  let live: EmulatorFixture;
  beforeAll(async () => {
    redis = await startRedisServer({ password: "export-s3cret" });
    live = await startEmulatorFixture();
  });
  afterAll(async () => {
    await live?.close();
    await redis?.stop();
  });

  test("exits by itself when done: the Redis connection its calls opened is closed", async () => {
    const casterId = await live.createCaster("exported");
    const observer = new Redis(redis.url);
    try {
      const slotsBefore = await scriptsRun(observer);
      const run = await runToExit(process.execPath, [BIN, "export", casterId, "--endpoint", live.emulator.url], {
        env: {
          PATH: process.env.PATH,
          HOME: "/nonexistent",
          ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true",
          ALIBABA_CLOUD_ACCESS_KEY_ID: DEMO_ACCOUNT.accessKeyId,
          ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEMO_ACCOUNT.accessKeySecret,
          ALICLOUD_CASTER_RATE_LIMIT_REDIS_URL: redis.url,
        },
        hangCeilingMs: 120_000,
      });
      expect({ exitedOnItsOwn: run.exitedOnItsOwn, code: run.code, stderr: run.stderr }).toEqual({
        exitedOnItsOwn: true,
        code: 0,
        stderr: expect.stringContaining(`exported studio ${casterId}`),
      });
      // Its calls did take their slots through that Redis: the test is of a run that connected.
      expect(await scriptsRun(observer)).toBeGreaterThan(slotsBefore);
    } finally {
      observer.disconnect();
    }
  });
});
