import { RunningEmulator, startEmulator as start } from "../../emulator";
import { FaultInjector } from "../../emulator/faults";
import { EmulatorOptions } from "../../emulator/server";
import { LiveApiError } from "./errors";
import { LiveClient } from "./live-client";

/** Retries and flow control against the emulator's injected faults. */
describe("LiveClient under faults", () => {
  // Closed after each test, failed or not, so that a failure cannot leave the server running.
  const running: RunningEmulator[] = [];
  const startEmulator = async (options?: EmulatorOptions) => {
    const emulator = await start(options);
    running.push(emulator);
    return emulator;
  };
  afterEach(async () => {
    await Promise.all(running.splice(0).map((emulator) => emulator.close()));
  });

  const clientFor = (endpoint: string, accessKeyId = "emulator-demo-key") =>
    new LiveClient(
      { endpoint, regionId: "cn-shanghai", timeoutMs: 5000, credentials: { accessKeyId, accessKeySecret: "emulator-demo-secret" } },
      { retry: { baseDelayMs: 5, maxDelayMs: 20 } },
    );

  test("throttling, 500 and 503 are retried until the call succeeds", async () => {
    const emulator = await startEmulator({
      faults: { seed: 11, rates: { DescribeCasters: { internalError: 0.1, serviceUnavailable: 0.1, throttling: 0.1 } } },
    });
    const client = clientFor(emulator.url);
    for (let n = 0; n < 10; n++) await client.call("DescribeCasters", {});
    const injected = emulator.calls().filter((call) => call.fault).length;
    expect(injected).toBeGreaterThan(0);
    expect(client.stats.retries).toBe(injected);
    expect(client.stats.requests.DescribeCasters).toBe(10 + injected);
  });

  test("each retry is told before its wait: the operation, the code, which retry, the wait and the budget left", async () => {
    const emulator = await startEmulator({ faults: { rates: { DescribeCasters: { throttling: 1 } } } });
    const notices: string[] = [];
    const client = new LiveClient(
      { endpoint: emulator.url, regionId: "cn-shanghai", timeoutMs: 5000, credentials: { accessKeyId: "emulator-demo-key", accessKeySecret: "emulator-demo-secret" } },
      { retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 100 }, random: () => 1, onRetry: (notice) => notices.push(notice) },
    );
    await expect(client.call("DescribeCasters", {})).rejects.toMatchObject({ code: "Throttling" });
    expect(notices).toEqual([
      expect.stringMatching(/^DescribeCasters: Throttling, retry 1 of 2 in 0\.1 s \(gives up \d+ s from now\)$/),
      expect.stringMatching(/^DescribeCasters: Throttling, retry 2 of 2 in 0\.1 s \(gives up \d+ s from now\)$/),
    ]);
  });

  test("a client error fails at once, without a retry", async () => {
    const emulator = await startEmulator();
    const client = clientFor(emulator.url);
    await expect(client.call("DescribeCasterVideoResources", { CasterId: "LIVEPRODUCER_POST-cn-nothere1" })).rejects.toMatchObject({
      code: "InvalidCaster.NotFound",
    });
    expect(client.stats.requests.DescribeCasterVideoResources).toBe(1);
  });

  test("the retry budget is bounded: a call that always fails gives up with the last error", async () => {
    const emulator = await startEmulator({ faults: { rates: { "*": { serviceUnavailable: 1 } } } });
    const client = new LiveClient(
      { endpoint: emulator.url, regionId: "cn-shanghai", timeoutMs: 5000, credentials: { accessKeyId: "emulator-demo-key", accessKeySecret: "emulator-demo-secret" } },
      { retry: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 2 } },
    );
    await expect(client.call("DescribeCasters", {})).rejects.toMatchObject({ code: "ServiceUnavailable", httpStatus: 503 });
    expect(emulator.calls()).toHaveLength(4);
  });

  test("a lost reply is resent for an idempotent call, but not for AddCasterVideoResource", async () => {
    // A seed whose first call loses its reply and whose second does not.
    const rates = { "*": { lostResponse: 0.5 } };
    const seed = Array.from({ length: 100 }, (_, n) => n).find((candidate) => {
      const injector = new FaultInjector({ seed: candidate, rates });
      return injector.decide("CreateCaster").fault === "LostResponse" && injector.decide("CreateCaster").fault === undefined;
    });
    const emulator = await startEmulator({ faults: { seed, rates } });
    const client = clientFor(emulator.url);
    // Idempotent by ClientToken: resent after the lost reply, and still one studio.
    const { CasterId } = await client.call("CreateCaster", { ClientToken: "one", NormType: 1, ChargeType: "PostPaid" });
    expect(client.stats.retries).toBe(1);
    expect(Object.keys(emulator.state().accounts["1000000000000001"].casters)).toEqual([CasterId]);

    emulator.setFaults({ rates: { AddCasterVideoResource: { lostResponse: 1 } } });
    const lost = client.call("AddCasterVideoResource", { CasterId: CasterId!, ResourceName: "a", LocationId: "RV01", ImageId: "img1" });
    await expect(lost).rejects.toBeInstanceOf(LiveApiError);
    await lost.catch((error: LiveApiError) => expect(error.outcomeUnknown).toBe(true));
    expect(client.stats.requests.AddCasterVideoResource).toBe(1);
  });

  test("calls from one process keep to the QPS: 40 at once draw no throttling from the API", async () => {
    const emulator = await startEmulator();
    const client = clientFor(emulator.url);
    await Promise.all(Array.from({ length: 40 }, () => client.call("DescribeCasters", {})));
    expect(emulator.calls().filter((call) => call.code?.startsWith("Throttling"))).toEqual([]);
    expect(client.stats.throttled).toBe(0);
  });

  test("an outage of 45 s is ridden out within the documented 120 s budget, with the default policy", async () => {
    const emulator = await startEmulator({ faults: { rates: { "*": { serviceUnavailable: 1 } } } });
    // The clock of the budget moves with the waits; the API comes back after 45 s of them.
    let clock = 0;
    const client = new LiveClient(
      { endpoint: emulator.url, regionId: "cn-shanghai", timeoutMs: 5000, credentials: { accessKeyId: "emulator-demo-key", accessKeySecret: "emulator-demo-secret" } },
      {
        now: () => clock,
        random: () => 0.5,
        sleep: async (ms) => {
          clock += ms;
          if (clock >= 45_000) emulator.setFaults({ rates: {} });
        },
      },
    );
    await expect(client.call("DescribeCasters", {})).resolves.toHaveProperty("RequestId");
    expect(clock).toBeGreaterThanOrEqual(45_000);
    expect(client.stats.retries).toBeGreaterThan(10);
  });

  test("when the budget runs out, the error says how many attempts over how long, and that a re-run is safe", async () => {
    const emulator = await startEmulator({ faults: { rates: { "*": { serviceUnavailable: 1 } } } });
    let clock = 0;
    const client = new LiveClient(
      { endpoint: emulator.url, regionId: "cn-shanghai", timeoutMs: 5000, credentials: { accessKeyId: "emulator-demo-key", accessKeySecret: "emulator-demo-secret" } },
      { now: () => clock, random: () => 1, sleep: async (ms) => void (clock += ms) },
    );
    const error: LiveApiError = await client.call("DescribeCasters", {}).catch((caught) => caught);
    expect(error).toBeInstanceOf(LiveApiError);
    const attempts = emulator.calls().length;
    // The last wait ends at the budget: the whole 120 s is used, and no more.
    expect(clock).toBe(120_000);
    expect(error.message).toContain(`ServiceUnavailable`);
    expect(error.message).toContain(`gave up after ${attempts} attempts over 120.0 s`);
    expect(error.message).toMatch(/again is safe/);
  });

  test("a host that does not resolve is named, with the setting to check, and no query string", async () => {
    const client = new LiveClient(
      { endpoint: "http://no-such-host.invalid:8787", regionId: "cn-shanghai", timeoutMs: 5000, credentials: { accessKeyId: "k", accessKeySecret: "s" } },
    );
    const error: LiveApiError = await client.call("DescribeCasters", { CasterId: "x" }).catch((caught) => caught);
    expect(error.code).toMatch(/^(ENOTFOUND|EAI_AGAIN)$/);
    expect(error.message).toContain("no-such-host.invalid:8787");
    expect(error.message).toContain("alicloud-caster:endpoint");
    expect(error.message).not.toMatch(/Signature|AccessKeyId|CasterId=/);
  });
});
