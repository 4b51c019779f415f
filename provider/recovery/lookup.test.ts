import { configureForFixture, EmulatorFixture, startEmulatorFixture } from "../../test/helpers/emulator-fixture";
import { ComponentInputs } from "../../model/kinds/caster-component";
import { LayoutInputs } from "../../model/kinds/caster-layout";
import { componentProvider } from "../component/provider";
import { episodeProvider } from "../episode/provider";
import { layoutProvider } from "../layout/provider";
import { COMPONENT_TYPE, EPISODE_TYPE, findUnfinishedCreates, LAYOUT_TYPE, StateResource } from "./recover";

/**
 * The recovery of a killed `pulumi up` for the kinds created without a ClientToken (layouts,
 * components, episodes): what an unfinished create made is found by its content, never an object
 * the state already holds, and deleted; a create whose request never landed made nothing.
 */
describe("recovery of unfinished creates found by lookup", () => {
  let live: EmulatorFixture;
  let casterId: string;
  const saved = { ...process.env };
  const PROVIDER_URN = "urn:pulumi:s::p::pulumi:providers:pulumi-nodejs::default";

  beforeAll(async () => {
    live = await startEmulatorFixture();
    configureForFixture(live);
    casterId = await live.createCaster();
    await live.client.call("AddCasterVideoResource", { CasterId: casterId, LocationId: "RV01", ResourceName: "Main camera", LiveStreamUrl: "rtmp://push.example.com/live/main" });
    // The recovery takes credentials from the environment, as a user's run does.
    Object.assign(process.env, {
      ALIBABA_CLOUD_ACCESS_KEY_ID: live.env.ALIBABA_CLOUD_ACCESS_KEY_ID,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: live.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET,
    });
  });
  afterAll(async () => {
    process.env = saved;
    await live.close();
  });

  const pending = (type: string, name: string, inputs: object) => ({
    type: "creating",
    resource: { urn: `urn:pulumi:s::p::${type}::${name}`, type, provider: `${PROVIDER_URN}::0c1d`, inputs: { __provider: "exports.handler = ...", ...inputs } },
  });
  const held = (type: string, id: string): StateResource => ({ urn: `urn:pulumi:s::p::${type}::held-${id}`, type, id });

  test("a layout, a component and an episode made by the killed run are found and deleted; the state's twin and a create that never landed are not touched", async () => {
    const layout: LayoutInputs = { casterId, videoLayers: [{ locationId: "RV01", position: [0, 0], widthNormalized: 1, heightNormalized: 1, fillMode: "fit" }] };
    // Two identical layouts: the state holds the first, the killed run made the second.
    const ownedLayout = await layoutProvider.create(layout);
    const madeLayout = await layoutProvider.create(layout);
    const component: ComponentInputs = { casterId, locationId: "RC01", componentType: "text", text: { text: "Live" }, geometry: { position: [0.1, 0.8] } };
    const madeComponent = await componentProvider.create(component);
    const episode = (await episodeProvider.check({}, {
      casterId, episodeName: "News", locationId: "RV01", startTime: "2030-12-24T20:00:00+08:00", endTime: "2030-12-24T21:00:00+08:00",
    })).inputs;
    const madeEpisode = await episodeProvider.create(episode as never);
    const neverLanded = (await episodeProvider.check({}, { ...episode, episodeName: "Never sent" })).inputs;

    const checkpoint = {
      deployment: {
        resources: [
          { urn: PROVIDER_URN, type: "pulumi:providers:pulumi-nodejs", id: "0c1d", inputs: { "alicloud-caster:endpoint": live.env.ALICLOUD_CASTER_ENDPOINT } },
          held(LAYOUT_TYPE, ownedLayout.id),
        ],
        pending_operations: [
          pending(LAYOUT_TYPE, "pip", layout),
          pending(COMPONENT_TYPE, "lower-third", component),
          pending(EPISODE_TYPE, "news", episode),
          pending(EPISODE_TYPE, "never", neverLanded),
        ],
      },
    };
    const callsBefore = live.mutatingCalls().length;
    const listed = await findUnfinishedCreates(checkpoint, { dryRun: true });
    expect(live.mutatingCalls().length).toBe(callsBefore);
    expect(listed.map((create) => [create.urn.split("::").pop(), create.made])).toEqual([
      ["pip", `layout ${madeLayout.id.split(":")[1]} (video layers RV01)`],
      ["lower-third", `text component at RC01 (${madeComponent.id.split(":")[1]})`],
      ["news", expect.stringMatching(new RegExp(`^episode "News" 2030-12-24T12:00:00Z–2030-12-24T13:00:00Z \\(${madeEpisode.id.split(":")[1]}\\)$`))],
      ["never", undefined],
    ]);

    for (const create of await findUnfinishedCreates(checkpoint)) await create.remove?.();
    configureForFixture(live);
    const studio = live.emulator.state().accounts[Object.keys(live.emulator.state().accounts)[0]]!.casters[casterId];
    expect(Object.keys(studio.layouts)).toEqual([ownedLayout.id.split(":")[1]]);
    expect(Object.keys(studio.components)).toEqual([]);
    const program = await live.client.call("DescribeCasterProgram", { CasterId: casterId });
    expect(program.Total).toBe(0);
  });
});
