import { startEmulator, RunningEmulator } from "./server";
import { apiTimestamp, rawCall } from "../test/helpers/raw-rpc";

/** The gateway's checks, over HTTP, each with the documented code and status and no change to state. */
describe("emulator gateway", () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({
      accounts: [
        { accessKeyId: "emulator-demo-key", accessKeySecret: "emulator-demo-secret", uid: "1000000000000001" },
        { accessKeyId: "disabled-key", accessKeySecret: "disabled-secret", uid: "1000000000000002", active: false },
      ],
    });
  });
  afterAll(() => emulator.close());

  test("a correctly signed call succeeds by GET and by POST", async () => {
    for (const method of ["GET", "POST"] as const) {
      const reply = await rawCall(emulator.url, "DescribeCasters", { method });
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ Total: 0, CasterList: { Caster: [] } });
    }
  });

  test.each([
    ["a wrong secret", { signWith: "not-the-secret" }, 400, "SignatureDoesNotMatch"],
    ["an unknown key", { accessKeyId: "nobody" }, 404, "InvalidAccessKeyId.NotFound"],
    ["a disabled key", { accessKeyId: "disabled-key", accessKeySecret: "disabled-secret" }, 400, "InvalidAccessKeyId.Inactive"],
    ["a timestamp 16 minutes old", { common: { Timestamp: apiTimestamp(Date.now() - 16 * 60_000) } }, 400, "InvalidTimeStamp.Expired"],
    ["a timestamp with milliseconds", { common: { Timestamp: new Date().toISOString() } }, 400, "InvalidTimeStamp.Format"],
    ["no signature method", { common: { SignatureMethod: undefined } }, 400, "IncompleteSignature"],
    ["HMAC-SHA256 as method", { common: { SignatureMethod: "HMAC-SHA256" } }, 400, "IncompleteSignature"],
    ["another API version", { common: { Version: "2014-05-26" } }, 400, "InvalidVersion"],
    ["no access key", { common: { AccessKeyId: undefined } }, 400, "MissingAccessKeyId"],
  ])("%s is refused", async (_case, call, status, code) => {
    const before = JSON.stringify(emulator.state());
    const reply = await rawCall(emulator.url, "CreateCaster", {
      ...call,
      params: { ClientToken: "gateway-test", NormType: "1", ChargeType: "PostPaid" },
    });
    expect(reply.status).toBe(status);
    expect(reply.body.Code).toBe(code);
    expect(Object.keys(reply.body).sort()).toEqual(["Code", "HostId", "Message", "Recommend", "RequestId"]);
    expect(JSON.stringify(emulator.state())).toBe(before);
  });

  test("the server's string to sign comes back with SignatureDoesNotMatch, the secret never", async () => {
    const reply = await rawCall(emulator.url, "DescribeCasters", { signWith: "wrong" });
    expect(reply.body.Message).toContain("server string to sign is:POST&%2F&AccessKeyId%3Demulator-demo-key");
    expect(JSON.stringify(reply.body)).not.toContain("emulator-demo-secret");
  });

  test("an unknown Action is InvalidAction.NotFound (404)", async () => {
    const reply = await rawCall(emulator.url, "LaunchRocket");
    expect(reply.status).toBe(404);
    expect(reply.body.Code).toBe("InvalidAction.NotFound");
  });

  test("a nonce used twice is refused the second time, and changes nothing", async () => {
    const nonce = "a-nonce-for-the-replay-test";
    const params = { ClientToken: "replay-test", NormType: "1", ChargeType: "PostPaid" };
    const first = await rawCall(emulator.url, "CreateCaster", { common: { SignatureNonce: nonce }, params });
    expect(first.status).toBe(200);
    const before = JSON.stringify(emulator.state());
    const replay = await rawCall(emulator.url, "CreateCaster", { common: { SignatureNonce: nonce }, params });
    expect(replay.status).toBe(400);
    expect(replay.body.Code).toBe("SignatureNonceUsed");
    expect(JSON.stringify(emulator.state())).toBe(before);
  });

  test("a forged request does not use up a real client's nonce", async () => {
    const nonce = "nonce-a-forger-tries-first";
    const forged = await rawCall(emulator.url, "DescribeCasters", { signWith: "guess", common: { SignatureNonce: nonce } });
    expect(forged.body.Code).toBe("SignatureDoesNotMatch");
    const real = await rawCall(emulator.url, "DescribeCasters", { common: { SignatureNonce: nonce } });
    expect(real.status).toBe(200);
  });

  test("the call log keeps the call's parameters and leaves out signature and key", async () => {
    emulator.clearCalls();
    await rawCall(emulator.url, "DescribeCasters", { params: { CasterName: "x" } });
    const [call] = emulator.calls();
    expect(call).toMatchObject({ method: "POST", action: "DescribeCasters", httpStatus: 200, params: { CasterName: "x" } });
    expect(JSON.stringify(call)).not.toMatch(/Signature|emulator-demo-key/);
  });
});

describe("nonce memory", () => {
  test("a request stamped ahead of the server's clock cannot be replayed once it has been accepted", async () => {
    let now = Date.now();
    const emulator = await startEmulator({ clock: () => now });
    const stamped = apiTimestamp(now + 14 * 60_000);
    const first = await rawCall(emulator.url, "DescribeCasters", { common: { Timestamp: stamped, SignatureNonce: "ahead" } });
    expect(first.status).toBe(200);
    now += 16 * 60_000; // the stamp is now 2 minutes old: still acceptable
    const replay = await rawCall(emulator.url, "DescribeCasters", { common: { Timestamp: stamped, SignatureNonce: "ahead" } });
    expect(replay.body.Code).toBe("SignatureNonceUsed");
    await emulator.close();
  });
});
