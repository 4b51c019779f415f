import { checkInputs } from "../../common/check";
import { UNKNOWN } from "../../common/unknowns";
import { casterVideoResource } from "./caster-video-resource";
import { inputSchemas } from "./kind";

const videoResourceSpec = { fields: inputSchemas(casterVideoResource), rules: casterVideoResource.rules };

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
    ["locationId", { locationId: "RV00" }, /locationId "RV00" is not allowed: use a source position from RV01 to RV99/],
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

describe("video source inputs: what the API cannot take (issue 10)", () => {
  test.each([
    ["a line break", "Main\ncamera", /resourceName "Main\\ncamera" is not allowed: it holds a line break \(U\+000A\) at character 5; use/],
    ["a BEL", "Camera\u0007", /resourceName "Camera\\u0007" is not allowed: it holds a bell \(BEL, U\+0007\) at character 7; use/],
    ["an ANSI escape", "\u001b[31mCamera", /resourceName "\\u001b\[31mCamera" is not allowed: it holds an escape \(ESC, U\+001B\)/],
    ["a tab", "Main\tcamera", /it holds a tab \(U\+0009\) at character 5/],
    ["a DEL", "Camera\u007f", /U\+007F/],
    ["a C1 control", "Camera\u0085", /U\+0085/],
    ["a line separator", "Main\u2028camera", /U\+2028/],
    ["a bidirectional override", "Camera \u202e1VR", /it holds a bidirectional control \(U\+202E\)/],
  ])("a name with %s is refused, naming the character and where it is", (_case, resourceName, reason) => {
    const failures = check({ ...valid, resourceName });
    expect(failures.map((failure) => failure.property)).toEqual(["resourceName"]);
    expect(failures[0].reason).toMatch(reason);
  });

  test.each([["spaces", "   "], ["a tab and spaces", " \t "], ["non-breaking spaces", "\u00a0\u00a0"], ["ideographic spaces", "\u3000"]])(
    "a name of only %s is refused",
    (_case, resourceName) => {
      const [failure] = check({ ...valid, resourceName });
      expect(failure.property).toBe("resourceName");
      expect(failure.reason).toMatch(/is not allowed: .*(only whitespace|it holds).*(give|use)/);
    },
  );

  test("names with spaces, accents, CJK and emoji inside stay valid", () => {
    for (const resourceName of ["Main camera", " Padded ", "Café Ünïcode", "主机位 1", "Camera 🎥", "Family 👨‍👩‍👧"]) {
      expect(check({ ...valid, resourceName })).toEqual([]);
    }
  });

  test.each([
    ["liveStreamUrl", { liveStreamUrl: "rtmp://push.example.com/live/main camera" }, /liveStreamUrl "rtmp:\/\/push.example.com\/live\/main camera" is not allowed: it holds a space at character 34; use/],
    ["vodUrl", { liveStreamUrl: undefined, vodUrl: "https://media.example.com/my reel.mp4" }, /it holds a space at character 29; .*%20/],
    ["vodUrl", { liveStreamUrl: undefined, vodUrl: "https://media.example.com/a\tb.mp4" }, /it holds a tab \(U\+0009\)/],
    ["imageUrl", { liveStreamUrl: undefined, imageUrl: "https://media.example.com/logo.png\n" }, /it holds a line break \(U\+000A\)/],
    ["liveStreamUrl", { liveStreamUrl: " rtmp://push.example.com/live/main" }, /it holds a space at character 1/],
    ["liveStreamUrl", { liveStreamUrl: "\u0001rtmp://push.example.com/live/main" }, /U\+0001/],
    ["liveStreamUrl", { liveStreamUrl: "rtmp://push.example.com/live/main\u00a0" }, /U\+00A0/],
    ["liveStreamUrl", { liveStreamUrl: "rtmp://" }, /liveStreamUrl "rtmp:\/\/" is not allowed: it has no host; give the server's host name after rtmp:\/\//],
    ["liveStreamUrl", { liveStreamUrl: "rtmp:///live/main" }, /it has no host/],
    ["liveStreamUrl", { liveStreamUrl: "srt://:9000?streamid=a" }, /it has no host/],
    ["liveStreamUrl", { liveStreamUrl: "rtmp:live/main" }, /it has no host/],
    ["vodUrl", { liveStreamUrl: undefined, vodUrl: "https:///reel.mp4" }, /it has no host/],
    ["imageUrl", { liveStreamUrl: undefined, imageUrl: "http:logo.png" }, /it has no host/],
  ])("%s %j is refused", (property, change, reason) => {
    const failures = check({ ...valid, ...change });
    expect(failures.map((failure) => failure.property)).toEqual([property]);
    expect(failures[0].reason).toMatch(reason);
  });

  test("URLs with ports, queries and user info stay valid", () => {
    expect(check({ ...valid, liveStreamUrl: "srt://ingest.example.com:9000?streamid=guest" })).toEqual([]);
    expect(check({ ...valid, liveStreamUrl: "rtmp://user@push.example.com:1935/live/main?auth_key=1-0-0-abc" })).toEqual([]);
    expect(check({ ...valid, liveStreamUrl: "artc://push.example.com/live/main" })).toEqual([]);
    expect(check({ ...valid, liveStreamUrl: undefined, vodUrl: "https://media.example.com/my%20reel.mp4" })).toEqual([]);
  });

  const file = { ...valid, liveStreamUrl: undefined, vodUrl: "https://media.example.com/reel.mp4" };
  const INT32_MAX = 2147483647;
  test.each([
    ["beginOffset", { ...file, beginOffset: INT32_MAX }],
    ["endOffset", { ...file, endOffset: INT32_MAX }],
    ["endOffset", { ...file, endOffset: -INT32_MAX - 1 }],
    ["repeatNum", { ...file, repeatNum: INT32_MAX }],
    ["ptsCallbackInterval", { ...valid, ptsCallbackInterval: INT32_MAX }],
  ])("%s at the end of the 32-bit range is valid", (_property, inputs) => {
    expect(check(inputs)).toEqual([]);
  });

  test.each([
    ["beginOffset", { ...file, beginOffset: 2 ** 31 }, /beginOffset 2147483648 is not allowed: use whole milliseconds from the first frame, from 0 to 2147483647/],
    ["endOffset", { ...file, endOffset: 2 ** 31 }, /endOffset 2147483648 is not allowed: .*from -2147483648 to 2147483647/],
    ["endOffset", { ...file, endOffset: -(2 ** 31) - 1 }, /endOffset -2147483649 is not allowed/],
    ["repeatNum", { ...file, repeatNum: 2 ** 31 }, /repeatNum 2147483648 is not allowed: .*at most 2147483647/],
    ["ptsCallbackInterval", { ...valid, ptsCallbackInterval: 2 ** 31 }, /ptsCallbackInterval 2147483648 is not allowed: use whole milliseconds from 0 to 2147483647/],
    ["ptsCallbackInterval", { ...valid, ptsCallbackInterval: 1e10 }, /ptsCallbackInterval 10000000000 is not allowed/],
    ["beginOffset", { ...file, beginOffset: Number.MAX_SAFE_INTEGER + 2 }, /beginOffset 9007199254740992 is not allowed/],
  ])("%s beyond 32 bits is refused: %j", (property, inputs, reason) => {
    const failures = check(inputs);
    expect(failures.map((failure) => failure.property)).toEqual([property]);
    expect(failures[0].reason).toMatch(reason);
  });

  test("an importId of another studio than casterId is refused at check, naming both and the fix", () => {
    const failures = check({ ...valid, importId: "LIVEPRODUCER_POST-cn-other:e5542d98-b08c-46bf-83e9-5b09d08c1234" });
    expect(failures).toEqual([{
      property: "importId",
      reason: 'importId "LIVEPRODUCER_POST-cn-other:e5542d98-b08c-46bf-83e9-5b09d08c1234" names studio LIVEPRODUCER_POST-cn-other, '
        + 'but casterId is "LIVEPRODUCER_POST-cn-0pp1czt1234": use "LIVEPRODUCER_POST-cn-0pp1czt1234:<resourceId>" to adopt a source of this studio, '
        + "or set casterId to LIVEPRODUCER_POST-cn-other.",
    }]);
  });

  test("an importId of the same studio is valid, and the rule is silent while either side is unknown", () => {
    const importId = `${valid.casterId}:e5542d98-b08c-46bf-83e9-5b09d08c1234`;
    expect(check({ ...valid, importId })).toEqual([]);
    expect(check({ ...valid, casterId: UNKNOWN, importId: "LIVEPRODUCER_POST-cn-other:e5542d98" })).toEqual([]);
    expect(check({ ...valid, importId: UNKNOWN })).toEqual([]);
    // A casterId that is itself invalid is reported once, on its own.
    expect(check({ ...valid, casterId: "a b", importId: "other:e5542d98" }).map((failure) => failure.property)).toEqual(["casterId"]);
  });
});
