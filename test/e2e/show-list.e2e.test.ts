import { EmulatorFixture, startEmulatorFixture } from "../helpers/emulator-fixture";
import { PulumiStack } from "../helpers/pulumi-stack";

const vod = (showName: string) => ({ showName, resourceType: "vod", resourceUrl: `https://media.example.com/${showName}.mp4` });

/** A studio's show list through the real engine: up from nothing, no drift, a reorder with one removed and one added, destroy. */
describe("CasterShowList through pulumi up", () => {
  let live: EmulatorFixture;
  let stack: PulumiStack;
  let casterId: string;

  const names = () => live.emulator.state().accounts["1000000000000001"].casters[casterId].showList.shows.map((show) => show.showName);
  const setList = (args: Record<string, unknown>) => stack.setConfigObject("showLists", { tonight: { casterId, ...args } });

  beforeAll(async () => {
    live = await startEmulatorFixture();
    casterId = await live.createCaster();
    stack = await PulumiStack.create("show-list", { env: live.env });
  });

  afterAll(async () => {
    await stack?.remove();
    await live?.close();
  });

  test("up makes the list from nothing, in one batch and one modify", async () => {
    await setList({ repeatTimes: -1, shows: [vod("a"), vod("b"), { showName: "desk", resourceType: "live", resourceUrl: "rtmp://push.example.com/app/desk", duration: 600 }, vod("d")] });
    live.emulator.clearCalls();
    const result = await stack.up();
    expect(result.code).toBe(0);
    expect(live.mutatingCalls()).toEqual(["AddShowIntoShowList", "ModifyShowList"]);
    expect(names()).toEqual(["a", "b", "desk", "d"]);
  });

  test("refresh and preview then find no difference", async () => {
    live.emulator.clearCalls();
    expect((await stack.refresh()).code).toBe(0);
    const preview = await stack.preview(["--expect-no-changes"]);
    expect(preview.code).toBe(0);
    expect(live.mutatingCalls()).toEqual([]);
  });

  test("a reorder with one show removed and one added applies with one removal, one move and one add", async () => {
    await setList({ repeatTimes: -1, shows: [vod("d"), vod("a"), vod("e"), { showName: "desk", resourceType: "live", resourceUrl: "rtmp://push.example.com/app/desk", duration: 600 }] });
    const preview = await stack.preview();
    expect(preview.output).toMatch(/CasterShowList[\s\S]*::tonight\][\s\S]*~ shows/);
    live.emulator.clearCalls();
    expect((await stack.up()).code).toBe(0);
    expect(live.mutatingCalls()).toEqual(["RemoveShowFromShowList", "ModifyShowList", "AddShowIntoShowList"]);
    expect(names()).toEqual(["d", "a", "e", "desk"]);
    expect((await stack.preview(["--expect-no-changes"])).code).toBe(0);
  });

  test("destroy leaves the studio's list empty", async () => {
    expect((await stack.destroy()).code).toBe(0);
    expect(names()).toEqual([]);
  });
});
