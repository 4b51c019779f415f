import type * as dynamic from "@pulumi/pulumi/dynamic";
import { toLiveApiError } from "./client/errors";
import { run } from "./index";
import { episodeGroupProvider } from "./episode-group/provider";
import { videoResourceProvider } from "./video-resource/provider";

/** A password no other text in the run contains, so that any leak of it is found. */
const PASSWORD = "Pv9-leak-canary-51c0de";

/**
 * The provider's messages mask with the project's one rule (common/redact.ts, whose table says
 * what it masks): check failures and API errors that quote a URL with a password in it show
 * `user:***@host`.
 */
describe("provider messages and URL passwords", () => {
  test("a check failure of a video source quotes its URL with the password masked", async () => {
    const { failures } = await videoResourceProvider.check({}, {
      casterId: "LIVEPRODUCER_POST-cn-0pp1czt1234",
      resourceName: `Cam rtmp://cam:${PASSWORD}@push.example.com/a/b`.padEnd(140, "x"),
      locationId: "RV01",
      liveStreamUrl: `ftp://camera:${PASSWORD}@push.example.com/live/cam`,
    });
    const text = JSON.stringify(failures);
    expect(text).toContain("ftp://camera:***@push.example.com/live/cam");
    expect(text).not.toContain(PASSWORD);
  });

  test("a check failure of an episode item quotes its URL with the password masked", async () => {
    const { failures } = await episodeGroupProvider.check({}, {
      casterId: "LIVEPRODUCER_POST-cn-0pp1czt1234",
      startTime: "2030-12-24T23:00:00Z",
      items: [{ itemName: "Replay", vodUrl: `https://reel:${PASSWORD}@media.example.com/replay.mov` }],
    });
    const text = JSON.stringify(failures);
    expect(text).toContain("https://reel:***@media.example.com/replay.mov");
    expect(text).not.toContain(PASSWORD);
  });

  test("an API error that quotes a URL masks its password", () => {
    const error = toLiveApiError("AddCasterVideoResource", {
      data: { Code: "InvalidLiveStreamUrl.Malformed", Message: `LiveStreamUrl "ftp://camera:${PASSWORD}@push.example.com/a/b" is invalid`, RequestId: "R1" },
      entry: { response: { statusCode: 400 } },
    });
    expect(error.message).toContain("ftp://camera:***@push.example.com/a/b");
    expect(error.message).not.toContain(PASSWORD);
  });

  test("a failing property that holds a password or a signature is not named to the engine, which would print its value in clear", async () => {
    const inputs = {
      casterId: "LIVEPRODUCER_POST-cn-0pp1czt1234",
      resourceName: "x".repeat(129),
      locationId: "RV01",
      liveStreamUrl: `ftp://camera:${PASSWORD}@push.example.com/live/cam?auth_key=1-0-0-${PASSWORD}`,
    };
    const { failures } = (await run("video", "check", [{}, inputs])) as dynamic.CheckResult;
    const url = failures?.find((failure) => failure.reason.startsWith("liveStreamUrl"));
    // The engine prints "resource 'x' has a problem: <reason>": the reason names the property.
    expect(url).toEqual({ property: "", reason: expect.stringContaining("ftp://camera:***@push.example.com/live/cam?auth_key=***") });
    // A property without a secret in it is still named, so the engine can show its value.
    expect(failures).toContainEqual(expect.objectContaining({ property: "resourceName" }));
    expect(JSON.stringify(failures)).not.toContain(PASSWORD);
  });
});
