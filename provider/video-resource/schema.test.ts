import { checkInputs } from "../shared/check";
import { UNKNOWN } from "../shared/unknowns";
import { videoResourceSpec } from "./schema";

const valid = {
  casterId: "LIVEPRODUCER_POST-cn-0pp1czt1234",
  resourceName: "Camera",
  locationId: "RV01",
  liveStreamUrl: "rtmp://push.example.com/live/cam",
};
const check = (inputs: Record<string, unknown>) => checkInputs(videoResourceSpec, inputs);

describe("video source inputs", () => {
  test.each([
    ["a live stream", {}],
    ["a file with offsets and a loop", { liveStreamUrl: undefined, vodUrl: "https://m.example.com/a.FLV?x=1", beginOffset: 0, endOffset: -500, repeatNum: -1 }],
    ["a media asset", { liveStreamUrl: undefined, materialId: "f080575eb5f4427684fc0715159a1234", repeatNum: 3 }],
    ["an image by ID", { liveStreamUrl: undefined, imageId: "a089175eb5f4427684fc0715159a1234" }],
    ["an image by URL", { liveStreamUrl: undefined, imageUrl: "https://m.example.com/logo.jpeg" }],
    ["RV99 with the largest delay", { locationId: "RV99", fixedDelayDuration: 5000 }],
  ])("%s is valid", (_case, change) => {
    expect(check({ ...valid, ...change })).toEqual([]);
  });

  test.each([
    ["casterId", { casterId: "" }, /casterId "" is not allowed: use the studio's ID/],
    ["casterId", { casterId: undefined }, /casterId is required/],
    ["locationId", { locationId: "RV00" }, /locationId "RV00" is not allowed: use a layout position from RV01 to RV99/],
    ["locationId", { locationId: "rv01" }, /locationId "rv01" is not allowed/],
    ["resourceName", { resourceName: "x".repeat(129) }, /shorten it to at most 128 characters/],
    ["resourceName", { resourceName: 7 }, /resourceName must be a string, got number 7/],
    ["vodUrl", { liveStreamUrl: undefined, vodUrl: "ftp://m.example.com/a.mp4" }, /use an http\(s\) URL of an MP4, FLV or TS file/],
    ["imageUrl", { liveStreamUrl: undefined, imageUrl: "https://m.example.com/a.webp" }, /JPG or PNG image/],
    ["liveStreamUrl", { liveStreamUrl: "not a url" }, /use a stream URL starting with rtmp:\/\//],
    ["materialId", { liveStreamUrl: undefined, materialId: "a/b" }, /media asset ID from the media library/],
    ["repeatNum", { liveStreamUrl: undefined, vodUrl: "https://m.example.com/a.ts", repeatNum: -2 }, /0 to play once, -1 to loop forever/],
    ["beginOffset", { liveStreamUrl: undefined, vodUrl: "https://m.example.com/a.ts", beginOffset: 1.5 }, /whole milliseconds/],
    ["fixedDelayDuration", { fixedDelayDuration: -1 }, /from 0 to 5000/],
    ["importId", { importId: "just-an-id" }, /<casterId>:<resourceId>/],
    ["liveStreamUrl", { liveStreamUrl: undefined }, /no source is set; set exactly one of liveStreamUrl, materialId, vodUrl, imageId, imageUrl/],
    ["imageUrl", { imageUrl: "https://m.example.com/a.png" }, /liveStreamUrl and imageUrl are both set/],
    ["repeatNum", { repeatNum: 1 }, /repeatNum 1 applies only to files \(vodUrl or materialId\), not to liveStreamUrl/],
    ["colour", { colour: "red" }, /colour is not a property of this resource/],
  ])("%s: %j is reported", (property, change, reason) => {
    const failures = check({ ...valid, ...change });
    expect(failures).toHaveLength(1);
    expect(failures[0].property).toBe(property);
    expect(failures[0].reason).toMatch(reason);
  });

  test("values not known during preview are never reported, alone or in cross-property rules", () => {
    expect(check({ ...valid, casterId: UNKNOWN, locationId: UNKNOWN })).toEqual([]);
    expect(check({ ...valid, liveStreamUrl: UNKNOWN })).toEqual([]);
    expect(check({ ...valid, liveStreamUrl: undefined, vodUrl: UNKNOWN, repeatNum: -1 })).toEqual([]);
    expect(check({ ...valid, repeatNum: UNKNOWN })).toEqual([]);
  });

  test("two known sources are an error even when a third is unknown", () => {
    expect(check({ ...valid, imageUrl: "https://m.example.com/a.png", vodUrl: UNKNOWN })).toHaveLength(1);
  });

  test("a message never repeats a URL's signature", () => {
    const [failure] = check({ ...valid, liveStreamUrl: "rtmp://p.example.com/a/b?auth_key=1767225600-0-0-c0ffee", imageId: "img1" });
    expect(failure.reason).toContain("auth_key=***");
    expect(failure.reason).not.toContain("c0ffee");
  });

  test("the engine's __provider property is not an input", () => {
    expect(check({ ...valid, __provider: "exports.handler = ..." })).toEqual([]);
  });
});
