import { configureForFixture, EmulatorFixture, startEmulatorFixture } from "../../test/helpers/emulator-fixture";
import { checkInputs } from "../../common/check";
import { casterShowList, Show, ShowListInputs, showListFields } from "../../model/kinds/caster-show-list";
import { planShowList } from "./plan";
import { showListProvider as provider, ShowListOutputs } from "./provider";

const vod = (showName: string, extra: Partial<Show> = {}): Show => ({ showName, resourceType: "vod", resourceUrl: `https://media.example.com/${showName}.mp4`, ...extra });

/** The show list against the emulator: real HTTP, real signatures, the emulator's own rules; the calls it sends counted. */
describe("CasterShowList provider", () => {
  let live: EmulatorFixture;
  let casterId: string;

  beforeEach(async () => {
    live = await startEmulatorFixture();
    configureForFixture(live);
    casterId = await live.createCaster();
  });
  afterEach(() => live.close());

  const changing = () => live.emulator.calls().filter((call) => !call.action.startsWith("Describe")).map((call) => call.action);
  const names = async () => ((await live.client.call("DescribeShowList", { CasterId: casterId })).ShowListInfo?.ShowList?.Show ?? []).map((show) => show.ShowName);

  test("a list goes up in one batch; the same inputs again send nothing", async () => {
    const inputs: ShowListInputs = { casterId, shows: [vod("a", { duration: 20 }), vod("b"), { showName: "c", resourceType: "live", resourceUrl: "rtmp://push.example.com/app/c", repeatTimes: -1 }], repeatTimes: -1 };
    const before = changing().length;
    const created = await provider.create(inputs);
    expect(created.id).toBe(casterId);
    expect(changing().slice(before)).toEqual(["AddShowIntoShowList", "ModifyShowList"]);
    expect(await names()).toEqual(["a", "b", "c"]);
    const outs = created.outs as ShowListOutputs;
    expect(outs.showIds).toHaveLength(3);
    expect((await provider.diff(casterId, outs, inputs)).changes).toBe(false);
    const after = changing().length;
    await provider.update(casterId, outs, inputs);
    expect(changing().length).toBe(after);
  });

  test("a create lists the show list once, before its add: what it stores is what the add's reply says, as the API then lists it", async () => {
    const inputs: ShowListInputs = { casterId, shows: [vod("a", { duration: 20 }), vod("b", { repeatTimes: 2 }), { showName: "c", resourceType: "live", resourceUrl: "rtmp://push.example.com/app/c", liveInputType: 1 }] };
    const created = await provider.create(inputs);
    expect(live.emulator.calls().filter((call) => call.action === "DescribeShowList")).toHaveLength(1);
    const outs = created.outs as ShowListOutputs;
    const listed = (await live.client.call("DescribeShowList", { CasterId: casterId })).ShowListInfo!.ShowList!.Show!;
    expect(outs.showIds).toEqual(listed.map((show) => show.ShowId));
    expect((await provider.read(casterId, outs)).props).toEqual(outs);
    // One show is one single add, its ID the reply's ShowId.
    const other = await live.createCaster();
    const single = (await provider.create({ casterId: other, shows: [vod("solo")] })).outs as ShowListOutputs;
    expect(single.showIds).toEqual([(await live.client.call("DescribeShowList", { CasterId: other })).ShowListInfo!.ShowList!.Show![0].ShowId]);
    expect((await provider.read(other, single)).props).toEqual(single);
  });

  test("a reorder with one removed and one added is one removal, one add at its place and the fewest moves", async () => {
    const created = await provider.create({ casterId, shows: [vod("a"), vod("b"), vod("c"), vod("d")] });
    const before = changing().length;
    const news: ShowListInputs = { casterId, shows: [vod("d"), vod("a"), vod("e"), vod("c")] };
    const updated = await provider.update(casterId, created.outs as ShowListOutputs, news);
    expect(await names()).toEqual(["d", "a", "e", "c"]);
    expect(changing().slice(before)).toEqual(["RemoveShowFromShowList", "ModifyShowList", "AddShowIntoShowList"]);
    expect((updated.outs as ShowListOutputs).showIds).toHaveLength(4);
  });

  test("a lost reply: the shows already added are found by their names, and nothing is added twice", async () => {
    const inputs: ShowListInputs = { casterId, shows: [vod("a"), vod("b"), vod("c")] };
    // As if a first run had added a and b, and its reply was lost.
    await live.client.call("AddShowIntoShowList", { CasterId: casterId, ShowName: "a", ResourceType: "vod", ResourceUrl: "https://media.example.com/a.mp4" });
    await live.client.call("AddShowIntoShowList", { CasterId: casterId, ShowName: "b", ResourceType: "vod", ResourceUrl: "https://media.example.com/b.mp4" });
    await provider.create(inputs);
    expect(await names()).toEqual(["a", "b", "c"]);
  });

  test("a list with shows of other names is refused unless importId takes it over; delete removes only its own shows", async () => {
    await live.client.call("AddShowIntoShowList", { CasterId: casterId, ShowName: "theirs", ResourceType: "vod", ResourceId: "v-1" });
    await expect(provider.create({ casterId, shows: [vod("a")] })).rejects.toThrow(/does not declare \("theirs"\).*importId: "/);
    const before = changing().length;
    await expect(provider.create({ casterId, shows: [vod("theirs", { resourceUrl: undefined, resourceId: "v-1" })], importId: casterId })).resolves.toBeDefined();
    expect(changing().length).toBe(before);
    const created = await provider.create({ casterId, shows: [vod("theirs", { resourceUrl: undefined, resourceId: "v-1" }), vod("a")], importId: casterId });
    await live.client.call("AddShowIntoShowList", { CasterId: casterId, ShowName: "later", ResourceType: "vod", ResourceId: "v-2" });
    await provider.delete(casterId, created.outs as ShowListOutputs);
    expect(await names()).toEqual(["later"]);
  });

  test("refresh reports the list as the API has it, and gone once none of its shows is listed", async () => {
    const created = await provider.create({ casterId, shows: [vod("a"), vod("b")] });
    const outs = created.outs as ShowListOutputs;
    await live.client.call("ModifyShowList", { CasterId: casterId, ShowId: outs.showIds[1], Spot: 0 });
    expect(((await provider.read(casterId, outs)).props as ShowListOutputs).shows.map((show) => show.showName)).toEqual(["b", "a"]);
    await live.client.call("RemoveShowFromShowList", { CasterId: casterId, isBatchMode: "true", "showIdList.1": outs.showIds[0], "showIdList.2": outs.showIds[1] });
    expect((await provider.read(casterId, outs)).id).toBeUndefined();
  });
});

describe("CasterShowList check", () => {
  const check = (inputs: Record<string, unknown>) => checkInputs({ fields: showListFields, rules: casterShowList.rules }, inputs);

  test("every problem at once, each naming the show, the value and the fix", () => {
    const failures = check({
      casterId: "LIVEPRODUCER_POST-cn-0pp1czt1234",
      shows: [
        { showName: "a", resourceType: "vod", resourceUrl: "https://m.example.com/a.mp4", resourceId: "v", duration: 3 },
        { showName: "a", resourceType: "vod", resourceId: "v", duration: 3, repeatTimes: 1 },
      ],
      highPriorityShow: "nope",
    });
    expect(failures.map((failure) => failure.reason)).toEqual([
      expect.stringMatching(/^shows\[0\]: a show plays one resource, but resourceUrl and resourceId are both set/),
      "shows[1]: a show plays for a duration or a number of times (AddShowIntoShowList takes only one of them), but duration and repeatTimes are both set (duration=3, repeatTimes=1); keep duration or repeatTimes.",
      "shows[1] and shows[0] are both named \"a\": a show is known by its name (that is how a lost reply is found again); rename one.",
      "highPriorityShow \"nope\" is not the showName of any show; use one of \"a\", \"a\".",
      "highPriorityShow \"nope\" is set without highPriorityShowStartTime: set when it starts, or remove highPriorityShow.",
    ]);
  });
});

describe("planShowList", () => {
  const listed = (...names: string[]) => names.map((name) => ({ id: `id-${name}`, name, show: { ...vod(name), liveInputType: 0, repeatTimes: 0 } }));
  const declared = (...names: string[]) => names.map((name) => ({ ...vod(name), liveInputType: 0, repeatTimes: 0 }));

  test("moves only what lies outside the longest run in order", () => {
    expect(planShowList(listed("a", "b", "c", "d", "e"), declared("b", "c", "d", "e", "a"))).toEqual([{ kind: "move", name: "a", spot: 4 }]);
  });

  test("several missing shows: one batch at the end when that is fewer calls", () => {
    const steps = planShowList(listed("a"), declared("a", "b", "c", "d"));
    expect(steps.map((step) => step.kind)).toEqual(["addBatch"]);
  });

  test("a changed show is removed and added again, at its place", () => {
    const steps = planShowList(listed("a", "b"), [declared("a")[0], { ...declared("b")[0], resourceUrl: "https://media.example.com/b2.mp4" }]);
    expect(steps).toEqual([{ kind: "remove", showIds: ["id-b"] }, { kind: "add", show: expect.objectContaining({ showName: "b" }), spot: 1 }]);
  });
});
