import { redactSignatures } from "../common/redact";
import { popClient } from "../test/helpers/pop-client";
import { rawCall } from "../test/helpers/raw-rpc";
import { DEMO_ACCOUNT } from "./gateway/accounts";
import { RunningEmulator, startEmulator } from "./server";

/** A secret no other text in the run contains, so that any leak of it is found. */
const SECRET = "Em7-leak-canary-3b9d0c";

/**
 * The emulator masks with the project's one rule (common/redact.ts): its call record (in
 * process and at GET /_emulator/calls), its log and the error messages it answers show no
 * signature, no URL password and no credential parameter; its state keeps the real URLs, so
 * that the sources work.
 */
describe("emulator masking", () => {
  let emulator: RunningEmulator;
  let call: ReturnType<typeof popClient>;
  const logged: string[] = [];

  beforeAll(async () => {
    emulator = await startEmulator({ log: (line) => logged.push(line) });
    call = popClient(emulator.url);
  });
  afterAll(() => emulator.close());

  const urls: [string, Record<string, string>][] = [
    ["an OSS V4 signed file", { VodUrl: `https://b.oss-cn-shanghai.aliyuncs.com/a.mp4?x-oss-credential=LTAI%2F1&x-oss-signature=${SECRET}` }],
    ["an SRT stream with auth_key inside streamid", { LiveStreamUrl: `srt://push.example.com:1105?streamid=#!::h=push.example.com,r=app/cam,auth_key=1767225600-0-0-${SECRET},m=publish` }],
    ["an SRT stream with a passphrase", { LiveStreamUrl: `srt://push.example.com:1105?passphrase=${SECRET}&streamid=#!::r=app/cam,m=publish` }],
    ["a stream with a password", { LiveStreamUrl: `rtmp://camera:${SECRET}@push.example.com/app/stream` }],
    ["a file with a password", { VodUrl: `https://reel:${SECRET}@media.example.com/replays/a.mp4` }],
    ["an image with a password and a signature", { ImageUrl: `https://u:${SECRET}@media.example.com/a.png?auth_key=1-0-0-${SECRET}` }],
  ];

  test.each(urls)("%s: masked in the call record, real in the state", async (_name, source) => {
    const casterId = (await call("CreateCaster", { ClientToken: `masking-${Math.random()}`, NormType: 1, ChargeType: "PostPaid" })).body.CasterId as string;
    emulator.clearCalls();
    const added = await call("AddCasterVideoResource", { CasterId: casterId, ResourceName: "cam", LocationId: "RV01", ...source });
    expect(added.status).toBe(200);

    const [record] = emulator.calls();
    const [property, url] = Object.entries(source)[0];
    expect(record.params[property]).toBe(redactSignatures(url));
    expect(record.params[property]).toContain("***");
    expect(JSON.stringify(emulator.calls())).not.toContain(SECRET);
    const overHttp = await (await fetch(`${emulator.url}/_emulator/calls`)).text();
    expect(overHttp).not.toContain(SECRET);

    // The emulator keeps, and answers, the URL it was given: the source works.
    const stored = Object.values(emulator.state().accounts[DEMO_ACCOUNT.uid].casters[casterId].videoResources)[0] as unknown as Record<string, string>;
    expect(Object.values(stored)).toContain(url);
    const listed = await call("DescribeCasterVideoResources", { CasterId: casterId });
    expect(JSON.stringify(listed.body)).toContain(SECRET);
  });

  test("credential parameters sent by mistake are masked in the record; the request's own signature, key and token are left out", async () => {
    emulator.clearCalls();
    const reply = await rawCall(emulator.url, "DescribeCasters", { params: { CasterName: "x", AccessKeySecret: SECRET, securityToken: SECRET, signature: SECRET } });
    expect(reply.status).toBe(200);
    const [record] = emulator.calls();
    expect(record.params).toEqual({ CasterName: "x", AccessKeySecret: "***", securityToken: "***", signature: "***" });
    expect(JSON.stringify(record)).not.toMatch(/emulator-demo-key|"Signature"|SignatureNonce/);
  });

  test("an error that quotes a URL masks it; the record and the log do too", async () => {
    const casterId = (await call("CreateCaster", { ClientToken: `masking-bad-${Math.random()}`, NormType: 1, ChargeType: "PostPaid" })).body.CasterId as string;
    emulator.clearCalls();
    const bad = `ftp://camera:${SECRET}@push.example.com/app/stream?auth_key=1-0-0-${SECRET}`;
    const reply = await call("AddCasterVideoResource", { CasterId: casterId, ResourceName: "cam", LocationId: "RV01", LiveStreamUrl: bad });
    expect(reply.body.Code).toBe("InvalidLiveStreamUrl.Malformed");
    expect(reply.body.Message).toContain("ftp://camera:***@push.example.com/app/stream?auth_key=***");
    expect(JSON.stringify(reply.body)).not.toContain(SECRET);
    expect(JSON.stringify(emulator.calls())).not.toContain(SECRET);
  });

  test("the log names no secret", () => {
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.join("\n")).not.toContain(SECRET);
  });
});
