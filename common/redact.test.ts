import { hasSignature, isCredentialParameter, redactParameters, redactSignatures } from "./redact";

/**
 * The one table of what is secret in a URL or a message. Every part of the project masks through
 * common/redact.ts: the provider's messages and errors, the SDK's choice of what to store as a
 * secret (isSignedUrl), the layout tools (validate, diff, render) and the emulator (call record,
 * log, the error messages it answers). A row added here holds for all of them.
 */
describe("redactSignatures: the one masking rule", () => {
  test.each([
    // Query signatures, whatever their case.
    ["Alibaba URL signing", "rtmp://push.example.com/live/cam?auth_key=1767225600-0-0-abcdef", "rtmp://push.example.com/live/cam?auth_key=***"],
    ["whatever the case", "https://m.example.com/a.mp4?Auth_Key=ABCDEF", "https://m.example.com/a.mp4?Auth_Key=***"],
    ["a token and a sign", "rtmp://p.example.com/a/b?token=t0k&x=1&sign=s1g", "rtmp://p.example.com/a/b?token=***&x=1&sign=***"],
    [
      "an OSS V4 signed URL",
      "https://b.oss-cn-shanghai.aliyuncs.com/a.mp4?x-oss-credential=LTAI%2F20261121&x-oss-date=20261121T000000Z&x-oss-signature=deadbeef",
      "https://b.oss-cn-shanghai.aliyuncs.com/a.mp4?x-oss-credential=***&x-oss-date=20261121T000000Z&x-oss-signature=***",
    ],
    [
      "an OSS V4 signed URL with an STS token",
      "https://b.oss-cn-shanghai.aliyuncs.com/a.mp4?x-oss-signature=deadbeef&x-oss-security-token=CAIS1",
      "https://b.oss-cn-shanghai.aliyuncs.com/a.mp4?x-oss-signature=***&x-oss-security-token=***",
    ],
    ["an OSS V1 signed URL with an STS token", "https://b.oss.example.com/a.png?Expires=1&Signature=abc%3D&security-token=CAIS", "https://b.oss.example.com/a.png?Expires=1&Signature=***&security-token=***"],
    ["an STS SecurityToken", "https://m.example.com/a.mp4?SecurityToken=CAIS2", "https://m.example.com/a.mp4?SecurityToken=***"],
    [
      "an S3-style presigned URL",
      "https://s3.example.com/b/a.mp4?X-Amz-Credential=AKIA%2F1&X-Amz-Signature=beef&X-Amz-Security-Token=FQo",
      "https://s3.example.com/b/a.mp4?X-Amz-Credential=***&X-Amz-Signature=***&X-Amz-Security-Token=***",
    ],
    [
      "an SRT URL with auth_key inside streamid",
      "srt://push.example.com:1105?streamid=#!::h=push.example.com,r=app/cam?auth_key=1767225600-0-0-abc,m=publish",
      "srt://push.example.com:1105?streamid=#!::h=push.example.com,r=app/cam?auth_key=***,m=publish",
    ],
    [
      "an SRT streamid with auth_key as one of its fields",
      "srt://push.example.com:1105?streamid=#!::h=push.example.com,r=app/cam,auth_key=1767225600-0-0-abc,m=publish",
      "srt://push.example.com:1105?streamid=#!::h=push.example.com,r=app/cam,auth_key=***,m=publish",
    ],
    ["an SRT passphrase", "srt://push.example.com:1105?passphrase=0123456789ab&pbkeylen=16", "srt://push.example.com:1105?passphrase=***&pbkeylen=16"],
    ["a password as a query parameter", "rtmp://p.example.com/a/b?user=cam&password=hunter2", "rtmp://p.example.com/a/b?user=cam&password=***"],
    // Passwords in a URL's userinfo.
    ["an https URL with a password", "https://user:password@host.example.com/x.mp4", "https://user:***@host.example.com/x.mp4"],
    ["an rtmp URL with a password", "rtmp://user:pass@host.example.com/app/stream", "rtmp://user:***@host.example.com/app/stream"],
    ["a password with a port after the host", "rtmps://pub:p%40ss%3Aw0rd@push.example.com:443/app/s", "rtmps://pub:***@push.example.com:443/app/s"],
    ["a password that holds an @ (up to the last @ before the path)", "https://user:p@ss@host.example.com/x.mp4", "https://user:***@host.example.com/x.mp4"],
    ["a password with the characters a URL's userinfo may hold", "rtmp://u:it's&ok;$(1)@host.example.com/a", "rtmp://u:***@host.example.com/a"],
    ["a password with no user name", "https://:pw@host.example.com/x.mp4", "https://:***@host.example.com/x.mp4"],
    ["a password with no path after the host", "rtmp://user:pw@host.example.com", "rtmp://user:***@host.example.com"],
    ["whatever the scheme's case", "HTTPS://User:PW@Host.example.com/x.mp4", "HTTPS://User:***@Host.example.com/x.mp4"],
    ["a password and a signature", "https://u:pw@cdn.example.com/a.mp4?auth_key=1-0-0-abc", "https://u:***@cdn.example.com/a.mp4?auth_key=***"],
    // URLs inside messages and JSON.
    ["a URL quoted in a message", 'LiveStreamUrl "rtmp://u:pw@h.example.com/a/b" is invalid', 'LiveStreamUrl "rtmp://u:***@h.example.com/a/b" is invalid'],
    [
      "URLs in JSON",
      '["https://u:pw@h.example.com/x.mp4","https://h.example.com/y.mp4?sign=s"]',
      '["https://u:***@h.example.com/x.mp4","https://h.example.com/y.mp4?sign=***"]',
    ],
    ["a URL written into a name", "Cam rtmp://cam:secret@10.0.0.7/live", "Cam rtmp://cam:***@10.0.0.7/live"],
  ])("masks %s", (_name, text, masked) => {
    expect(redactSignatures(text)).toBe(masked);
    expect(hasSignature(text)).toBe(true);
    // Masking is idempotent: a masked text is masked text.
    expect(redactSignatures(masked)).toBe(masked);
  });

  test.each([
    ["an unsigned URL", "https://media.example.com/reels/intro.mp4?quality=hd&lang=en"],
    ["a ClientToken and an expiry", "https://media.example.com/a.mp4?ClientToken=abc&Expires=1&x-oss-date=20261121T000000Z"],
    ["a user name without a password", "rtmp://user@host.example.com/app/stream"],
    ["an empty password", "https://user:@host.example.com/x.mp4"],
    ["a host and port", "srt://push.example.com:1105?streamid=#!::h=push.example.com,r=app/cam,m=publish"],
    ["an IPv6 host", "http://[::1]:8080/a.mp4"],
    ["an @ in the path, not in the userinfo", "https://host.example.com/people/user:name@example/a.mp4"],
    ["an e-mail address in a message", "write to ops@example.com: user:pass is not a URL"],
  ])("leaves %s alone", (_name, text) => {
    expect(redactSignatures(text)).toBe(text);
    expect(hasSignature(text)).toBe(false);
  });
});

describe("redactParameters: a request's parameters as a record may show them", () => {
  test("masks the value of every credential parameter, whatever its case or spelling", () => {
    const params = {
      AccessKeySecret: "s1", accessKeySecret: "s2", access_key_secret: "s3",
      Signature: "s4", signature: "s5", SecurityToken: "s6", "security-token": "s7", security_token: "s8",
      auth_key: "s9", Token: "s10", Password: "s11", OIDCToken: "s12", oidc_token: "s13",
    };
    expect(redactParameters(params)).toEqual(Object.fromEntries(Object.keys(params).map((key) => [key, "***"])));
    for (const name of Object.keys(params)) expect(isCredentialParameter(name)).toBe(true);
  });

  test("masks the signatures and passwords of URLs in the other values and leaves the rest alone", () => {
    expect(redactParameters({
      CasterId: "LIVEPRODUCER_POST-cn-abc1234",
      ClientToken: "token-of-the-call",
      LiveStreamUrl: "rtmp://cam:pw@push.example.com/app/s?auth_key=1-0-0-abc",
      VodUrl: "https://b.oss-cn-shanghai.aliyuncs.com/a.mp4?x-oss-signature=deadbeef",
    })).toEqual({
      CasterId: "LIVEPRODUCER_POST-cn-abc1234",
      ClientToken: "token-of-the-call",
      LiveStreamUrl: "rtmp://cam:***@push.example.com/app/s?auth_key=***",
      VodUrl: "https://b.oss-cn-shanghai.aliyuncs.com/a.mp4?x-oss-signature=***",
    });
    for (const name of ["ClientToken", "CasterId", "AccessKeyId", "SignatureNonce", "SignatureMethod"]) expect(isCredentialParameter(name)).toBe(false);
  });
});
