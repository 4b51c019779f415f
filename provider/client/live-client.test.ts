import * as http from "node:http";
import { AddressInfo } from "node:net";
import { RunningEmulator, startEmulator } from "../../emulator";
import { LiveApiError } from "./errors";
import { LiveClient } from "./live-client";

const SECRET = "emulator-demo-secret";

function clientFor(endpoint: string, overrides: { secret?: string; timeoutMs?: number } = {}): LiveClient {
  return new LiveClient({
    endpoint,
    regionId: "cn-shanghai",
    timeoutMs: overrides.timeoutMs ?? 5000,
    credentials: { accessKeyId: "emulator-demo-key", accessKeySecret: overrides.secret ?? SECRET },
  }, {
    // Transient failures are retried for the budget; here they are classified, not waited out.
    retry: { baseDelayMs: 5, maxDelayMs: 20, budgetMs: 500 },
  });
}

async function failure(promise: Promise<unknown>): Promise<LiveApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LiveApiError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

/** A local server that answers every request with `reply`, to stand in for a broken gateway. */
async function fakeServer(reply: (res: http.ServerResponse) => void): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((_req, res) => reply(res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe("LiveClient", () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(() => emulator.close());

  test("sends every call as a POST and leaves undefined and null parameters out", async () => {
    emulator.clearCalls();
    await clientFor(emulator.url).call("DescribeCasters", { CasterName: undefined, Status: null, PageSize: 5 });
    const [call] = emulator.calls();
    expect(call.method).toBe("POST");
    expect(call.params).toEqual({ PageSize: "5" });
  });

  test("an API error keeps code, message, RequestId and status, and names no key, signature or URL", async () => {
    const error = await failure(clientFor(emulator.url).call("DescribeCasterVideoResources", { CasterId: "LIVEPRODUCER_POST-cn-nothere1" }));
    expect(error).toMatchObject({ code: "InvalidCaster.NotFound", httpStatus: 404, action: "DescribeCasterVideoResources" });
    expect(error.requestId).toMatch(/^[0-9A-F-]{36}$/);
    expect(error.message).toMatch(/^DescribeCasterVideoResources failed: InvalidCaster.NotFound: Caster LIVEPRODUCER_POST-cn-nothere1 does not exist/);
    expect(error.message).not.toMatch(/URL|http:|Signature|AccessKeyId/);
  });

  test("a wrong secret is SignatureDoesNotMatch, and the secret appears nowhere in the error", async () => {
    const error = await failure(clientFor(emulator.url, { secret: "a-very-secret-value" }).call("DescribeCasters", {}));
    expect(error.code).toBe("SignatureDoesNotMatch");
    const everything = JSON.stringify({ ...error, message: error.message, stack: error.stack });
    expect(everything).not.toContain("a-very-secret-value");
  });

  test("a body that is not JSON is InvalidResponse, not a bare SyntaxError", async () => {
    const gateway = await fakeServer((res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html><body>502 Bad Gateway</body></html>");
    });
    const error = await failure(clientFor(gateway.url).call("DescribeCasters", {}));
    expect(error.code).toBe("InvalidResponse");
    expect(error.outcomeUnknown).toBe(true);
    await gateway.close();
  });

  test("no answer within the timeout is RequestTimeout", async () => {
    const silent = await fakeServer(() => undefined);
    const error = await failure(clientFor(silent.url, { timeoutMs: 300 }).call("DescribeCasters", {}));
    expect(error.code).toBe("RequestTimeout");
    expect(error.outcomeUnknown).toBe(true);
    await silent.close();
  });

  test("a refused connection names the network failure", async () => {
    const gone = await fakeServer(() => undefined);
    await gone.close();
    const error = await failure(clientFor(gone.url).call("DescribeCasters", {}));
    expect(error.code).toBe("ECONNREFUSED");
  });
});

describe("LiveClient error messages", () => {
  test("SignatureDoesNotMatch does not repeat the request's parameters (an STS token, a signed URL)", async () => {
    const emulator = await startEmulator();
    const client = new LiveClient({
      endpoint: emulator.url,
      regionId: "cn-shanghai",
      timeoutMs: 5000,
      credentials: { accessKeyId: "emulator-demo-key", accessKeySecret: "wrong", securityToken: "sts-token-value-123" },
    });
    const error = await failure(client.call("AddCasterVideoResource", {
      CasterId: "LIVEPRODUCER_POST-cn-abc1234", ResourceName: "x", LocationId: "RV01",
      LiveStreamUrl: "rtmp://push.example.com/a/b?auth_key=1767225600-0-0-deadbeef",
    }));
    expect(error.code).toBe("SignatureDoesNotMatch");
    expect(error.message).not.toMatch(/sts-token-value-123|deadbeef|AccessKeyId/);
    expect(error.message).toContain("the server's string to sign is left out");
    await emulator.close();
  });
});
