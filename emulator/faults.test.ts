import { popClient } from "../test/helpers/pop-client";
import { FaultInjector, validatePlan } from "./faults";
import { startEmulator } from "./server";

describe("fault injection", () => {
  test("the same seed gives the same faults", () => {
    const plan = { seed: 7, rates: { "*": { internalError: 0.2, serviceUnavailable: 0.2, throttling: 0.2, lostResponse: 0.2 } } };
    const run = () => {
      const injector = new FaultInjector(plan);
      return Array.from({ length: 50 }, () => injector.decide("AddCasterVideoResource").fault ?? "-");
    };
    expect(run()).toEqual(run());
    expect(new Set(run())).toEqual(new Set(["InternalError", "ServiceUnavailable", "Throttling", "LostResponse", "-"]));
  });

  test("rates are per Action, with * for the rest", () => {
    const injector = new FaultInjector({ rates: { "*": { internalError: 1 }, DescribeCasters: {} } });
    expect(injector.decide("DescribeCasters").fault).toBeUndefined();
    expect(injector.decide("AddCasterVideoResource").fault).toBe("InternalError");
  });

  test("times limits an entry to that many faults: the first reply lost, the retry served", () => {
    const injector = new FaultInjector({ rates: { StopCaster: { lostResponse: 1, times: 1 }, "*": { internalError: 1, times: 2 } } });
    expect([1, 2, 3].map(() => injector.decide("StopCaster").fault)).toEqual(["LostResponse", undefined, undefined]);
    // "*" is one entry for every Action without its own: two faults in all, not two each.
    expect([injector.decide("DescribeCasters").fault, injector.decide("StartCaster").fault, injector.decide("DescribeCasters").fault])
      .toEqual(["InternalError", "InternalError", undefined]);
    // A new plan starts its count again.
    injector.setPlan({ rates: { StopCaster: { lostResponse: 1, times: 1 } } });
    expect(injector.decide("StopCaster").fault).toBe("LostResponse");
  });

  test.each([
    [{ rates: { "*": { internalError: 1.5 } } }, /from 0 to 1/],
    [{ rates: { "*": { lostResponse: 1, times: 0.5 } } }, /times must be a whole number/],
    [{ rates: { "*": { internalError: 0.6, lostResponse: 0.6 } } }, /add up to 1.2/],
    [{ rates: { "*": { explode: 0.1 } } }, /unknown fault explode/],
    [{ rates: { "*": { latencyMs: -5 } } }, /latencyMs must be 0 or more/],
  ])("a bad plan is refused: %j", (plan, message) => {
    expect(() => validatePlan(plan as never)).toThrow(message);
  });

  test("a lost response saves the change and drops the connection; 500 and 503 change nothing", async () => {
    const emulator = await startEmulator({ faults: { rates: { CreateCaster: { lostResponse: 1 } } } });
    const call = popClient(emulator.url);
    await expect(call("CreateCaster", { ClientToken: "lost", NormType: 1, ChargeType: "PostPaid" })).rejects.toThrow();
    expect(Object.keys(emulator.state().accounts["1000000000000001"].casters)).toHaveLength(1);
    expect(emulator.calls()[0]).toMatchObject({ action: "CreateCaster", httpStatus: 0, fault: "LostResponse" });

    emulator.setFaults({ rates: { CreateCaster: { internalError: 0.5, serviceUnavailable: 0.5 } } });
    const reply = await call("CreateCaster", { ClientToken: "refused", NormType: 1, ChargeType: "PostPaid" });
    expect([500, 503]).toContain(reply.status);
    expect(Object.keys(emulator.state().accounts["1000000000000001"].casters)).toHaveLength(1);
    await emulator.close();
  });

  test("the control endpoint reads and replaces the plan", async () => {
    const emulator = await startEmulator();
    const put = await fetch(`${emulator.url}/_emulator/faults`, {
      method: "PUT",
      body: JSON.stringify({ seed: 3, rates: { "*": { throttling: 1 } } }),
    });
    expect(put.status).toBe(200);
    expect(await (await fetch(`${emulator.url}/_emulator/faults`)).json()).toEqual({ seed: 3, rates: { "*": { throttling: 1 } } });
    const reply = await popClient(emulator.url)("DescribeCasters");
    expect(reply.body.Code).toBe("Throttling");
    const bad = await fetch(`${emulator.url}/_emulator/faults`, { method: "PUT", body: "{" });
    expect(bad.status).toBe(400);
    await emulator.close();
  });
});
