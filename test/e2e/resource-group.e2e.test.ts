import { EmulatorFixture, startEmulatorFixture } from "../helpers/emulator-fixture";
import { PulumiStack } from "../helpers/pulumi-stack";

const UID = "1000000000000001";

const STUDIO = { casterName: "Evening show", normType: 1, casterTemplate: "lp_sd", domainName: "live.example.com", running: true, resourceGroupId: "rg-first" };
const SOURCES = {
  camera: { casterId: "studio:main", resourceName: "Main camera", locationId: "RV01", liveStreamUrl: "rtmp://push.example.com/live/cam1" },
};

/**
 * A studio moved to another resource group by `pulumi up`: the real CLI against the emulator, whose
 * port speaks https for UpdateCasterResourceGroup (HTTPS only), trusted by the provider process
 * through NODE_EXTRA_CA_CERTS as a company's CA would be.
 */
describe("a studio's resource group changes in place with the real CLI", () => {
  let live: EmulatorFixture;
  let stack: PulumiStack;

  beforeAll(async () => {
    live = await startEmulatorFixture({ https: true });
    stack = await PulumiStack.create("resource-group", { env: live.env });
    await stack.setConfigObject("studios", { main: STUDIO });
    await stack.setConfigObject("sources", SOURCES);
    const up = await stack.up();
    if (up.code !== 0) console.log(up.output);
    expect(up.code).toBe(0);
  });
  afterAll(async () => {
    if (stack) {
      const destroyed = await stack.destroy();
      if (destroyed.code !== 0) console.log(destroyed.output);
      await stack.remove();
    }
    await live?.close();
  });

  function theStudio() {
    const all = Object.values(live.emulator.state().accounts[UID]?.casters ?? {});
    expect(all).toHaveLength(1);
    return all[0];
  }
  const moves = () => live.emulator.calls().filter((call) => call.action === "UpdateCasterResourceGroup");

  test("the preview says update, not replace; up moves the same studio, with its source, on air, over https", async () => {
    const before = theStudio();
    expect(before).toMatchObject({ resourceGroupId: "rg-first", status: 1 });
    await stack.setConfigObject("studios", { main: { ...STUDIO, resourceGroupId: "rg-second" } });

    const preview = await stack.preview();
    if (preview.code !== 0) console.log(preview.output);
    expect(preview.code).toBe(0);
    expect(preview.output).toMatch(/~ 1 to update/);
    expect(preview.output).not.toMatch(/replace/);

    live.emulator.clearCalls();
    const up = await stack.up();
    if (up.code !== 0) console.log(up.output);
    expect(up.code).toBe(0);
    expect(live.mutatingCalls()).toEqual(["UpdateCasterResourceGroup"]);
    expect(moves()).toEqual([expect.objectContaining({ httpStatus: 200, params: { CasterId: before.casterId, NewResourceGroupId: "rg-second" } })]);
    const after = theStudio();
    expect(after).toMatchObject({ casterId: before.casterId, resourceGroupId: "rg-second", status: 1 });
    expect(Object.keys(after.videoResources)).toEqual(Object.keys(before.videoResources));
    expect(after.scenes).toEqual(before.scenes);

    const again = await stack.preview();
    expect(again.output).toMatch(/unchanged/);
    expect(again.output).not.toMatch(/to update/);
  });

  test("a lost reply: the move is sent again, and the studio ends in the declared group with nothing else sent", async () => {
    const before = theStudio();
    await stack.setConfigObject("studios", { main: { ...STUDIO, resourceGroupId: "rg-third" } });
    live.emulator.clearCalls();
    live.emulator.setFaults({ rates: { UpdateCasterResourceGroup: { lostResponse: 1 } } });
    const run = await stack.startUntil(stack.upArgs(), () => moves().length > 0);
    live.emulator.setFaults({ rates: {} });
    const up = await run.result;
    if (up.code !== 0) console.log(up.output);
    expect(up.code).toBe(0);
    expect(moves().map((call) => call.fault ?? call.httpStatus)).toEqual(["LostResponse", 200]);
    expect(live.mutatingCalls()).toEqual(["UpdateCasterResourceGroup", "UpdateCasterResourceGroup"]);
    expect(theStudio()).toMatchObject({ casterId: before.casterId, resourceGroupId: "rg-third", status: 1 });
    const again = await stack.preview();
    expect(again.output).not.toMatch(/to update|replace/);
  });
});
