import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Redis } from "ioredis";
import { DEMO_ACCOUNT } from "../../emulator";
import { EmulatorFixture, startEmulatorFixture } from "../../test/helpers/emulator-fixture";
import { findRedisServer, REDIS_INSTALL_HINT, RunningRedis, scriptsRun, startRedisServer } from "../../test/helpers/redis-server";
import { runToExit } from "../../test/helpers/run-to-exit";
import { main } from "./cli";
import { className, RECOVERED_TYPES, VIDEO_SOURCE_TYPE } from "./recover";

/**
 * `caster-recover` as a user runs it, the built bin script in a child process, with the shared
 * rate limiter's Redis set (ALICLOUD_CASTER_RATE_LIMIT_REDIS_URL): it looks the unfinished creates
 * up through the providers, whose calls open a Redis connection, and must still end once done.
 * The Pulumi CLI is a stand-in script on PATH that answers `pulumi stack export` with a state
 * holding one unfinished create: the state is the input here, not the engine. Needs redis-server
 * (skipped with a warning without it, an error with CASTER_REDIS_TESTS=required) and a build.
 */
const BIN = path.resolve(__dirname, "../../bin/caster-recover.js");
const haveRedis = findRedisServer();
if (!haveRedis.found && process.env.CASTER_REDIS_TESTS !== "required") {
  console.warn(`caster-recover with a shared limiter needs redis-server: ${haveRedis.reason}; ${REDIS_INSTALL_HINT}. Skipping it.`);
}
const describeWithRedis = haveRedis.found || process.env.CASTER_REDIS_TESTS === "required" ? describe : describe.skip;

describeWithRedis("caster-recover with alicloud-caster's shared rate limiter", () => {
  let redis: RunningRedis;
  let live: EmulatorFixture;
  let dir: string;
  beforeAll(async () => {
    redis = await startRedisServer({ password: "recover-s3cret" });
    live = await startEmulatorFixture();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "caster-recover-cli-"));
  });
  afterAll(async () => {
    await live?.close();
    await redis?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test("--dry-run exits by itself when done: the Redis connection its lookups opened is closed", async () => {
    const casterId = await live.createCaster("recovered");
    const provider = "urn:pulumi:dev::p::pulumi:providers:pulumi-nodejs::default";
    const state = {
      version: 3,
      deployment: {
        resources: [{ urn: provider, type: "pulumi:providers:pulumi-nodejs", id: "p1", inputs: { "alicloud-caster:endpoint": live.emulator.url } }],
        pending_operations: [{
          type: "creating",
          resource: {
            urn: "urn:pulumi:dev::p::pulumi-nodejs:dynamic/alicloud-caster:CasterVideoResource::camera",
            type: VIDEO_SOURCE_TYPE,
            provider: `${provider}::p1`,
            inputs: { casterId, locationId: "RV01", resourceName: "Camera", liveStreamUrl: "rtmp://push.example.com/live/camera" },
          },
        }],
      },
    };
    fs.writeFileSync(path.join(dir, "state.json"), JSON.stringify(state));
    // The stand-in answers only what a dry run asks.
    fs.writeFileSync(
      path.join(dir, "pulumi"),
      `#!/bin/sh\nif [ "$*" = "stack export --show-secrets --non-interactive" ]; then cat "${path.join(dir, "state.json")}"; exit 0; fi\n` +
        `echo "stand-in pulumi: unexpected arguments: $*" >&2\nexit 1\n`,
      { mode: 0o755 },
    );
    const observer = new Redis(redis.url);
    try {
      const slotsBefore = await scriptsRun(observer);
      const run = await runToExit(process.execPath, [BIN, "--dry-run"], {
        env: {
          PATH: `${dir}${path.delimiter}${process.env.PATH}`,
          HOME: "/nonexistent",
          ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true",
          ALIBABA_CLOUD_ACCESS_KEY_ID: DEMO_ACCOUNT.accessKeyId,
          ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEMO_ACCOUNT.accessKeySecret,
          ALICLOUD_CASTER_RATE_LIMIT_REDIS_URL: redis.url,
        },
        cwd: dir,
        hangCeilingMs: 120_000,
      });
      expect({ exitedOnItsOwn: run.exitedOnItsOwn, code: run.code, stderr: run.stderr, stdout: run.stdout }).toEqual({
        exitedOnItsOwn: true,
        code: 0,
        stderr: "",
        stdout: expect.stringContaining("CasterVideoResource::camera: made nothing on the studio."),
      });
      // The lookup did take its slot through that Redis: the test is of a run that connected.
      expect(await scriptsRun(observer)).toBeGreaterThan(slotsBefore);
    } finally {
      observer.disconnect();
    }
  });
});

describe("caster-recover --help", () => {
  test("names every kind the recovery looks for, on stdout, and exits 0", async () => {
    const out: string[] = [];
    const err: string[] = [];
    expect(await main(["--help"], { out: (text) => out.push(text), err: (text) => err.push(text) })).toBe(0);
    expect(err).toEqual([]);
    const help = out.join("\n");
    expect(RECOVERED_TYPES.map(className)).toEqual(["CasterVideoResource", "CasterEpisodeGroup", "Caster", "CasterLayout", "CasterComponent", "CasterEpisode"]);
    expect(help).toContain("of the kinds it recovers:\n       CasterVideoResource, CasterEpisodeGroup, Caster, CasterLayout, CasterComponent or CasterEpisode:");
  });
});
