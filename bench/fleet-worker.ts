import { DEMO_ACCOUNT } from "../emulator/gateway/accounts";
import { closeSharedRateLimiters } from "../provider/client/shared-rate-limiter";
import { configureProvider, liveClient } from "../provider/runtime";
import { videoResourceProvider } from "../provider/video-resource/provider";
import { sourceInputs } from "./program/inputs";

/**
 * One process of a fleet (bench/fleet.ts): the provider of one stack in a process of its own, as
 * a dynamic-provider plugin runs it, creating one studio's sources all at once. Prints the
 * client's figures as JSON on stdout.
 *   node fleet-worker.js ENDPOINT CASTER_ID COUNT STUDIO_NUMBER [REDIS_URL]
 */
async function main(): Promise<void> {
  const [endpoint, casterId, count, studio, redisUrl] = process.argv.slice(2);
  const values: Record<string, string> = { "alicloud-caster:endpoint": endpoint };
  if (redisUrl) values["alicloud-caster:rateLimitRedisUrl"] = redisUrl;
  configureProvider(
    { get: (key) => values[key], keys: () => Object.keys(values) },
    { accessKeyId: DEMO_ACCOUNT.accessKeyId, accessKeySecret: DEMO_ACCOUNT.accessKeySecret },
  );
  try {
    await Promise.all(sourceInputs(casterId, Number(count), Number(studio)).map((input) => videoResourceProvider.create(input)));
    process.stdout.write(JSON.stringify(liveClient().stats) + "\n");
  } finally {
    await closeSharedRateLimiters();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
