import { parse } from "yaml";
import { configureForFixture, EmulatorFixture, startEmulatorFixture } from "../../test/helpers/emulator-fixture";
import { buildStudio, Built, SIGNED_CAMERA } from "../../test/helpers/built-studio";
import { parseLayout } from "../../studio-file/load";
import { isSecretReference, StudioFileDefinition } from "../../studio-file/schema";
import { showListProvider } from "../show-list/provider";
import { exportStudio, StudioExport } from "./export";

/**
 * The show list through `caster-studio export`: a list made by direct API calls, as in the console,
 * written as the file's showList (what the API fills in left out, a signed URL as the source's
 * stack secret), adopted by the studio's ID, and taken over with no call that changes anything.
 */
describe("caster-studio export: the show list", () => {
  const clock = { offset: 0, get now() { return Date.now() + this.offset; } };
  let live: EmulatorFixture;
  let built: Built;
  let exported: StudioExport;
  let file: Record<string, any>;

  beforeAll(async () => {
    live = await startEmulatorFixture({ clock: () => clock.now });
    configureForFixture(live);
    built = await buildStudio((action, params) => live.client.call(action, params), clock);
    const call = live.client.call.bind(live.client);
    const CasterId = built.casterId;
    await call("AddShowIntoShowList", {
      CasterId, isBatchMode: "true",
      "showList.1.showName": "Opening", "showList.1.resourceType": "vod", "showList.1.resourceUrl": "https://media.example.com/opening.mp4",
      "showList.2.showName": "Main camera", "showList.2.resourceType": "live", "showList.2.resourceUrl": SIGNED_CAMERA, "showList.2.duration": 1800,
      "showList.3.showName": "Archive", "showList.3.resourceType": "vod", "showList.3.resourceId": "a2b8e671-2fe5-4642-a2ec-bf93880e1234", "showList.3.repeatTimes": 2,
    } as never);
    // The studio runs, so its list plays: a priority show could no longer be set (ModifyShowList).
    await call("ModifyShowList", { CasterId, RepeatTimes: -1 });
    await call("SetShowListBackground", { CasterId, ResourceType: "PIC", ResourceUrl: "https://media.example.com/backdrop.png" });
    exported = await exportStudio(live.client, built.casterId, { now: clock.now });
    file = parse(exported.text);
  });
  afterAll(() => live.close());

  test("writes the list after the episodes, defaults left out, and adopts it by the studio's ID", () => {
    expect(exported.problems).toEqual([]);
    expect(file.showList).toEqual({
      repeatTimes: -1,
      shows: [
        { showName: "Opening", resourceType: "vod", resourceUrl: "https://media.example.com/opening.mp4" },
        { showName: "Main camera", resourceType: "live", resourceUrl: { secret: "mainCameraUrl" }, duration: 1800 },
        { showName: "Archive", resourceType: "vod", resourceId: "a2b8e671-2fe5-4642-a2ec-bf93880e1234", repeatTimes: 2 },
      ],
      background: { resourceType: "pic", resourceUrl: "https://media.example.com/backdrop.png" },
    });
    expect(Object.keys(file)).toEqual(["caster", "sources", "layouts", "components", "scenes", "episodes", "showList", "adopt"]);
    expect(file.adopt.showList).toBe(built.casterId);
    expect(exported.contents).toMatch(/, a show list of 3 shows$/);
    // The show plays the source's signed URL: one stack secret for both, never the URL in the file.
    expect(exported.text).not.toContain("auth_key");
    expect(exported.secrets.filter((secret) => secret.url === SIGNED_CAMERA).map((secret) => secret.key)).toEqual(["mainCameraUrl"]);
    expect(exported.text).toMatch(/- \{ showName: Opening, resourceType: vod, resourceUrl: "?https:\/\/media\.example\.com\/opening\.mp4"? \}\n/);
  });

  test("passes validate, and the list is taken over with no call that changes anything, then reads back as no change", async () => {
    const loaded = parseLayout(exported.text, "studio.yaml", { now: clock.now });
    expect(loaded.problems).toEqual([]);
    const layout = loaded.layout as StudioFileDefinition;
    const secrets = Object.fromEntries(exported.secrets.map((secret) => [secret.key, secret.url]));
    const url = (value: unknown) => (isSecretReference(value) ? secrets[value.secret] : value);
    const list = layout.showList!;
    const inputs = {
      ...list,
      shows: list.shows.map((show) => ({ ...show, resourceUrl: url(show.resourceUrl) })),
      casterId: built.casterId,
      importId: layout.adopt!.showList,
    };
    const checked = await showListProvider.check({}, inputs);
    expect(checked.failures ?? []).toEqual([]);
    live.emulator.clearCalls();
    const adopted = await showListProvider.create(checked.inputs as never);
    expect(live.mutatingCalls()).toEqual([]);
    expect(adopted.id).toBe(built.casterId);
    const read = await showListProvider.read(built.casterId, adopted.outs as never);
    expect((await showListProvider.diff(built.casterId, read.props as never, checked.inputs as never)).changes).toBe(false);
  });

  test("a studio with no show writes no showList and adopts none", async () => {
    await live.client.call("RemoveShowFromShowList", {
      CasterId: built.casterId, isBatchMode: "true",
      ...Object.fromEntries(((await live.client.call("DescribeShowList", { CasterId: built.casterId })).ShowListInfo?.ShowList?.Show ?? [])
        .map((show, index) => [`showIdList.${index + 1}`, show.ShowId])),
    } as never);
    await live.client.call("SetShowListBackground", { CasterId: built.casterId });
    const empty = parse((await exportStudio(live.client, built.casterId, { now: clock.now })).text);
    expect(empty.showList).toBeUndefined();
    expect(empty.adopt.showList).toBeUndefined();
  });
});
