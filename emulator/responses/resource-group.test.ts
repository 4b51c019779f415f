import * as fs from "node:fs";
import { popClient } from "../../test/helpers/pop-client";
import { expectError, PopCall, startPacedEmulator } from "../../test/helpers/paced-emulator";
import { makeTestCertificate, TestCertificate, trustInThisProcess } from "../../test/helpers/tls-certificate";
import { DEMO_ACCOUNT } from "../gateway/accounts";
import { RunningEmulator, startEmulator } from "../server";

/** UpdateCasterResourceGroup, HTTPS only as the API has it, over real HTTP and HTTPS with real signatures. */
describe("emulator UpdateCasterResourceGroup", () => {
  let certificate: TestCertificate;
  let untrust: () => void;
  let emulator: RunningEmulator;
  let call: PopCall;
  let other: PopCall;
  let secure: PopCall;
  let state: () => string;
  let casterId: string;
  let token = 0;

  const groupOf = async (id: string) => (await call("DescribeCasters", { CasterId: id })).body.CasterList.Caster[0].ResourceGroupId;

  beforeAll(async () => {
    certificate = makeTestCertificate();
    untrust = trustInThisProcess(certificate.cert);
    let over: (endpoint: string) => PopCall;
    ({ emulator, call, other, state, over } = await startPacedEmulator({ tls: { cert: certificate.cert, key: certificate.key } }));
    // The main port itself, over https: the endpoint's host and port, as the client sends an HTTPS-only operation.
    secure = over(emulator.url.replace(/^http:/, "https:"));
  });
  afterAll(async () => {
    await emulator.close();
    untrust();
    fs.rmSync(certificate.directory, { recursive: true, force: true });
  });
  beforeEach(async () => {
    casterId = (await call("CreateCaster", { ClientToken: `studio-${++token}`, NormType: 1, ChargeType: "PostPaid", ResourceGroupId: "rg-first" })).body.CasterId;
    await call("AddCasterVideoResource", { CasterId: casterId, ResourceName: "cam", LocationId: "RV01", LiveStreamUrl: "rtmp://push.example.com/app/cam" });
  });

  test("over https the studio moves in place: the same ID, its sources kept; DescribeCasters shows the new group", async () => {
    const before = emulator.state().accounts[DEMO_ACCOUNT.uid].casters[casterId];
    const reply = await secure("UpdateCasterResourceGroup", { CasterId: casterId, NewResourceGroupId: "rg-aekz7abc34cn5ty" });
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.body)).toEqual(["RequestId"]);
    expect(await groupOf(casterId)).toBe("rg-aekz7abc34cn5ty");
    const after = emulator.state().accounts[DEMO_ACCOUNT.uid].casters[casterId];
    expect({ ...after, resourceGroupId: before.resourceGroupId, lastModified: before.lastModified }).toEqual(before);
    // Other operations answer over https too.
    expect((await secure("DescribeCasters", { CasterId: casterId })).body.CasterList.Caster[0].ResourceGroupId).toBe("rg-aekz7abc34cn5ty");
  });

  test("over plain http it is the gateway's InvalidProtocol.NeedSsl, before the signature is looked at, and nothing moves", async () => {
    const unchanged = state();
    const reply = await call("UpdateCasterResourceGroup", { CasterId: casterId, NewResourceGroupId: "rg-second" });
    expectError(reply, 400, "InvalidProtocol.NeedSsl");
    expect(reply.body.Message).toBe("Your request is denied as lack of ssl protect.");
    expectError(await popClient(emulator.url, "emulator-demo-key", "a-wrong-secret")("UpdateCasterResourceGroup", { CasterId: casterId, NewResourceGroupId: "rg-second" }), 400, "InvalidProtocol.NeedSsl");
    expect(state()).toBe(unchanged);
    expect(emulator.calls().at(-1)).toMatchObject({ action: "UpdateCasterResourceGroup", httpStatus: 400, code: "InvalidProtocol.NeedSsl" });
  });

  test("refusals: an unknown studio, another account's, a malformed or missing group; the same group again is no error", async () => {
    const unchanged = state();
    expectError(await secure("UpdateCasterResourceGroup", { CasterId: "LIVEPRODUCER_POST-cn-000000000000", NewResourceGroupId: "rg-second" }), 404, "InvalidCaster.NotFound");
    expectError(await secure("UpdateCasterResourceGroup", { CasterId: "not-a-studio", NewResourceGroupId: "rg-second" }), 400, "InvalidCasterId.Malformed");
    const otherStudio = (await other("CreateCaster", { ClientToken: `other-${token}`, NormType: 1, ChargeType: "PostPaid" })).body.CasterId;
    expectError(await secure("UpdateCasterResourceGroup", { CasterId: otherStudio, NewResourceGroupId: "rg-second" }), 404, "InvalidCaster.NotFound");
    for (const group of ["default", "rg-UPPER", "rg-", "rg-a_b"]) {
      expectError(await secure("UpdateCasterResourceGroup", { CasterId: casterId, NewResourceGroupId: group }), 400, "InvalidParameter.Malformed");
    }
    expectError(await secure("UpdateCasterResourceGroup", { CasterId: casterId }), 400, "MissingNewResourceGroupId");
    expect(await groupOf(casterId)).toBe("rg-first");
    expect(JSON.parse(state()).accounts[DEMO_ACCOUNT.uid]).toEqual(JSON.parse(unchanged).accounts[DEMO_ACCOUNT.uid]);
    // A retry after a lost reply finds the studio there already.
    expect((await secure("UpdateCasterResourceGroup", { CasterId: casterId, NewResourceGroupId: "rg-first" })).status).toBe(200);
  });

  test("the separate HTTPS listener (the STS endpoint) serves it too", async () => {
    const reply = await popClient(`https://${emulator.httpsHost}`)("UpdateCasterResourceGroup", { CasterId: casterId, NewResourceGroupId: "rg-third" });
    expect(reply.status).toBe(200);
    expect(await groupOf(casterId)).toBe("rg-third");
  });

  test("without a certificate the main port speaks http only", async () => {
    const plain = await startEmulator();
    try {
      await expect(popClient(plain.url.replace(/^http:/, "https:"))("DescribeCasters")).rejects.toMatchObject({ code: "EPROTO" });
      expectError(await popClient(plain.url)("UpdateCasterResourceGroup", { CasterId: casterId, NewResourceGroupId: "rg-second" }), 400, "InvalidProtocol.NeedSsl");
    } finally {
      await plain.close();
    }
  });
});
