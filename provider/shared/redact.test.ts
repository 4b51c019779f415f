import { hasSignature, redactSignatures } from "./redact";

describe("redactSignatures", () => {
  test.each([
    ["Alibaba URL signing", "rtmp://push.example.com/live/cam?auth_key=1767225600-0-0-abcdef", "rtmp://push.example.com/live/cam?auth_key=***"],
    ["whatever the case", "https://m.example.com/a.mp4?Auth_Key=ABCDEF", "https://m.example.com/a.mp4?Auth_Key=***"],
    [
      "an OSS V4 signed URL",
      "https://b.oss-cn-shanghai.aliyuncs.com/a.mp4?x-oss-credential=LTAI%2F20261121&x-oss-date=20261121T000000Z&x-oss-signature=deadbeef",
      "https://b.oss-cn-shanghai.aliyuncs.com/a.mp4?x-oss-credential=***&x-oss-date=20261121T000000Z&x-oss-signature=***",
    ],
    ["an OSS V1 signed URL with an STS token", "https://b.oss.example.com/a.png?Expires=1&Signature=abc%3D&security-token=CAIS", "https://b.oss.example.com/a.png?Expires=1&Signature=***&security-token=***"],
    [
      "an SRT URL with auth_key inside streamid",
      "srt://push.example.com:1105?streamid=#!::h=push.example.com,r=app/cam?auth_key=1767225600-0-0-abc,m=publish",
      "srt://push.example.com:1105?streamid=#!::h=push.example.com,r=app/cam?auth_key=***,m=publish",
    ],
  ])("masks %s", (_name, url, masked) => {
    expect(redactSignatures(url)).toBe(masked);
    expect(hasSignature(url)).toBe(true);
  });

  test("leaves an unsigned URL alone", () => {
    const url = "https://media.example.com/reels/intro.mp4?quality=hd&lang=en";
    expect(redactSignatures(url)).toBe(url);
    expect(hasSignature(url)).toBe(false);
  });
});
