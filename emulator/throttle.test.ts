import { popClient } from "../test/helpers/pop-client";
import { RunningEmulator, startEmulator } from "./server";

/** The documented per-account QPS, enforced with Throttling.User, on a clock the test moves. */
describe("emulator flow control", () => {
  let emulator: RunningEmulator;
  let now = Date.now();

  beforeAll(async () => {
    emulator = await startEmulator({
      clock: () => now,
      accounts: [
        { accessKeyId: "emulator-demo-key", accessKeySecret: "emulator-demo-secret", uid: "1000000000000001" },
        { accessKeyId: "ram-user-key", accessKeySecret: "ram-user-secret", uid: "1000000000000001" },
        { accessKeyId: "other-key", accessKeySecret: "other-secret", uid: "2000000000000002" },
      ],
    });
  });
  afterAll(() => emulator.close());

  test("the 11th AddCasterVideoResource within a second is throttled; other calls and accounts are not", async () => {
    const call = popClient(emulator.url);
    const ramUser = popClient(emulator.url, "ram-user-key", "ram-user-secret");
    const other = popClient(emulator.url, "other-key", "other-secret");
    const casterId = (await call("CreateCaster", { ClientToken: "qps", NormType: 1, ChargeType: "PostPaid" })).body.CasterId;
    const otherCaster = (await other("CreateCaster", { ClientToken: "qps", NormType: 1, ChargeType: "PostPaid" })).body.CasterId;
    now += 1000;

    const add = (client: typeof call, caster: string, n: number) =>
      client("AddCasterVideoResource", { CasterId: caster, ResourceName: `s${n}`, LocationId: `RV${String(n).padStart(2, "0")}`, ImageUrl: "https://i.example.com/a.png" });

    // Half from the main account's key, half from a RAM user's: one account, one budget.
    for (let n = 1; n <= 10; n++) expect((await add(n % 2 ? call : ramUser, casterId, n)).status).toBe(200);
    const throttled = await add(call, casterId, 11);
    expect(throttled.status).toBe(400);
    expect(throttled.body.Code).toBe("Throttling.User");
    expect(Object.keys(emulator.state().accounts["1000000000000001"].casters[casterId].videoResources)).toHaveLength(10);

    expect((await call("DescribeCasterVideoResources", { CasterId: casterId })).status).toBe(200);
    expect((await add(other, otherCaster, 1)).status).toBe(200);

    now += 1000;
    expect((await add(call, casterId, 11)).status).toBe(200);
  });

  test("DescribeCasterVideoResources allows 15 a second", async () => {
    now += 5000;
    const call = popClient(emulator.url);
    const casterId = (await call("CreateCaster", { ClientToken: "qps-describe", NormType: 1, ChargeType: "PostPaid" })).body.CasterId;
    const codes: string[] = [];
    for (let n = 0; n < 16; n++) {
      const reply = await call("DescribeCasterVideoResources", { CasterId: casterId });
      codes.push(reply.status === 200 ? "ok" : reply.body.Code);
    }
    expect(codes.filter((code) => code === "ok")).toHaveLength(15);
    expect(codes[15]).toBe("Throttling.User");
  });
});
