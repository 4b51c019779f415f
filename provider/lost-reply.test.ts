import type * as dynamic from "@pulumi/pulumi/dynamic";
import * as path from "node:path";
import { configureForFixture, EmulatorFixture, startEmulatorFixture } from "../test/helpers/emulator-fixture";
import { DEMO_ACCOUNT } from "../emulator";
import { CHARGE_TYPE, LIGHTWEIGHT_CAROUSEL_DEMANDS, PLAYLIST_NORM_TYPE, VIRTUAL_STUDIO_NORM_TYPE } from "../model/api-facts";
import type { LiveClient } from "./client/live-client";
import { CasterRecord, StudioLayoutRecord } from "../emulator/models/state";
import { kindsByOperation } from "../tools/generate/coverage";
import { casterProvider } from "./caster/provider";
import { channelProvider } from "./channel/provider";
import { componentProvider, ComponentOutputs } from "./component/provider";
import { episodeProvider } from "./episode/provider";
import { episodeGroupProvider } from "./episode-group/provider";
import { layoutProvider, LayoutOutputs } from "./layout/provider";
import { playlistProvider } from "./playlist/provider";
import { sceneBindingProvider } from "./scene/provider";
import { showListProvider } from "./show-list/provider";
import { studioLayoutProvider } from "./studio-layout/provider";
import { videoResourceProvider } from "./video-resource/provider";

/**
 * Issue 29: every operation a kind's provider sends that changes something, with its first reply
 * lost after the change was made (the emulator's `lostResponse` fault, `times: 1`). The client's
 * retry, or the provider's lookup where a repeat is not safe, meets what the first attempt did:
 * "already stopped", "already running", "not found" on a delete, the object it made. Each row runs
 * its kind's whole life (create, updates, delete) with that one reply lost and must end as
 * declared at every step: no error, no second object, nothing left after the delete.
 */

type Provider = Omit<dynamic.ResourceProvider, "configure">;

/** A studio the row's resources go in, made beforehand by plain calls (never faulted). */
interface Studio {
  casterId: string;
  /** The ResourceId of the camera at RV01 and of the guest at RV02. */
  camera: string;
  guest: string;
  /** A layout and a component on the studio, for scenes and episodes. */
  layoutId: string;
  componentId: string;
}

interface Lifecycle {
  provider: Provider;
  /** The studio comes up running (it has scenes) before the row's calls. */
  runningStudio?: true;
  /** The studio is in channel mode (its camera on RV01, its guest on RV02, its layout showing RV01). */
  channelMode?: true;
  /**
   * Another studio than a general one of lp_sd: its NormType and the configuration its kind demands (a playlist's
   * lightweight carousel studio its template and program; a studio layout's virtual studio none).
   */
  studioType?: { normType: number; casterTemplate?: string; programEffect?: number };
  /** What an operator does between the last change and the delete (a playlist started), by plain calls. */
  beforeDelete?(client: LiveClient, id: string): Promise<void>;
  /** The declaration made, then each declaration it is changed to, in order. */
  declarations(studio: Studio): Record<string, unknown>[];
  /** How many objects a declaration makes: 1 unless said. */
  objects?(declaration: Record<string, unknown>): number;
  /** How many of this kind's objects the emulator holds, for "no second object" and "nothing left". */
  count(account: { casters: Record<string, CasterRecord>; episodeGroups: Record<string, unknown>; playlists: Record<string, { casterId: string; items: unknown[] }>; studioLayouts: Record<string, StudioLayoutRecord> }, studio: Studio, id: string): number;
}

const scope = () => `lost-reply/stack/${Math.random().toString(36).slice(2)}`;

/** Each kind's life, shaped so that it sends every operation of the kind that changes something. */
const LIFECYCLES: Record<string, Lifecycle> = {
  Caster: {
    provider: casterProvider,
    declarations: () => {
      const clientTokenScope = scope();
      const base = { casterName: "Lost replies", normType: 1, casterTemplate: "lp_sd", domainName: "live.example.com", clientTokenScope };
      return [
        { ...base, running: true, resourceGroupId: "rg-first" },
        { ...base, running: false, delaySeconds: 5, resourceGroupId: "rg-second" },
        { ...base, running: true, delaySeconds: 5, resourceGroupId: "rg-second" },
      ];
    },
    count: (account, _studio, id) => (account.casters[id] ? 1 : 0),
  },
  CasterVideoResource: {
    provider: videoResourceProvider,
    declarations: ({ casterId }) => [
      { casterId, resourceName: "Reel", locationId: "RV05", vodUrl: "https://media.example.com/reel.mp4", repeatNum: -1 },
      { casterId, resourceName: "Reel, looped", locationId: "RV05", vodUrl: "https://media.example.com/reel.mp4", repeatNum: -1 },
    ],
    count: (account, { casterId }) => Object.values(account.casters[casterId].videoResources).filter((source) => source.locationId === "RV05").length,
  },
  CasterLayout: {
    provider: layoutProvider,
    declarations: ({ casterId }) => [
      { casterId, videoLayers: [{ locationId: "RV01", position: [0, 0], widthNormalized: 1, heightNormalized: 1 }] },
      { casterId, videoLayers: [{ locationId: "RV02", position: [0, 0], widthNormalized: 1, heightNormalized: 1 }] },
    ],
    count: (account, { casterId, layoutId }) => Object.keys(account.casters[casterId].layouts).filter((id) => id !== layoutId).length,
  },
  CasterComponent: {
    provider: componentProvider,
    declarations: ({ casterId }) => [
      { casterId, locationId: "RC05", componentType: "text", text: { text: "Breaking news" }, geometry: { position: [0.05, 0.85], widthNormalized: 0.6, heightNormalized: 0.1 } },
      { casterId, locationId: "RC05", componentType: "text", text: { text: "Latest news" }, geometry: { position: [0.05, 0.85], widthNormalized: 0.6, heightNormalized: 0.1 } },
    ],
    count: (account, { casterId }) => Object.values(account.casters[casterId].components).filter((component) => component.locationId === "RC05").length,
  },
  CasterSceneBinding: {
    provider: sceneBindingProvider,
    runningStudio: true,
    declarations: ({ casterId, layoutId, componentId }) => [
      { casterId, scene: "PVW", layoutId, componentIds: [componentId] },
      { casterId, scene: "PVW", layoutId, componentIds: [] },
    ],
    count: (account, { casterId, layoutId }) => Object.values(account.casters[casterId].scenes).filter((scene) => scene.layoutId === layoutId).length,
  },
  CasterEpisodeGroup: {
    provider: episodeGroupProvider,
    declarations: ({ casterId }) => [{
      casterId, startTime: "2030-01-02T04:00:00+08:00", repeatNum: -1, clientTokenScope: scope(),
      items: [{ itemName: "Opening", vodUrl: "https://media.example.com/opening.mp4" }],
    }],
    count: (account) => Object.keys(account.episodeGroups).length,
  },
  CasterEpisode: {
    provider: episodeProvider,
    declarations: ({ casterId, componentId }) => [
      { casterId, episodeName: "Evening news", locationId: "RV01", componentIds: [componentId], startTime: "2030-12-24T20:00:00+08:00", endTime: "2030-12-24T21:00:00+08:00" },
      { casterId, episodeName: "Evening news", locationId: "RV01", componentIds: [componentId], startTime: "2030-12-24T20:30:00+08:00", endTime: "2030-12-24T21:30:00+08:00" },
    ],
    count: (account, { casterId }) => Object.keys(account.casters[casterId].episodes).length,
  },
  CasterShowList: {
    provider: showListProvider,
    declarations: ({ casterId }) => {
      const vod = (showName: string) => ({ showName, resourceType: "vod", resourceUrl: `https://media.example.com/${showName}.mp4` });
      return [
        { casterId, shows: [vod("a"), vod("b"), vod("c")], repeatTimes: -1 },
        { casterId, shows: [vod("c"), vod("a"), vod("d")], repeatTimes: -1, background: { resourceUrl: "https://media.example.com/card.png" } },
      ];
    },
    objects: (declaration) => (declaration.shows as unknown[]).length,
    count: (account, { casterId }) => account.casters[casterId].showList?.shows.length ?? 0,
  },
  CasterChannel: {
    provider: channelProvider,
    channelMode: true,
    declarations: ({ casterId, camera, guest }) => [
      { casterId, channelId: "RV05", resourceId: camera, faceBeauty: "1" },
      { casterId, channelId: "RV05", resourceId: guest, faceBeauty: "2" },
    ],
    // A freed channel stays listed with no source: only a channel that plays one counts.
    count: (account, { casterId }) => (account.casters[casterId].channels.RV05?.resourceId ? 1 : 0),
  },
  CasterPlaylist: {
    provider: playlistProvider,
    studioType: { normType: PLAYLIST_NORM_TYPE, casterTemplate: LIGHTWEIGHT_CAROUSEL_DEMANDS.casterTemplate, programEffect: LIGHTWEIGHT_CAROUSEL_DEMANDS.programEffect },
    declarations: ({ casterId }) => {
      const items = (...names: string[]) => names.map((itemName) => ({ itemName, mediaId: `5f8809f2-3352-4d1f-a8f7-86f9429f${itemName}` }));
      return [
        { casterId, items: items("a", "b", "c") },
        // Taken out: DeletePlaylistItems; added at the end: AddPlaylistItems; a reorder and a repeat: EditPlaylist.
        { casterId, items: items("a", "c") },
        { casterId, items: items("a", "c", "d") },
        { casterId, items: items("d", "a", "c"), repeatNumber: -1 },
      ];
    },
    // Playing when it is deleted: DeletePlaylist refuses a list in use, so the delete stops it first.
    beforeDelete: async (client, id) => void (await client.call("StartPlaylist", { ProgramId: id })),
    count: (account, { casterId }) => Object.values(account.playlists).filter((playlist) => playlist.casterId === casterId).length,
  },
  CasterStudioLayout: {
    provider: studioLayoutProvider,
    studioType: { normType: VIRTUAL_STUDIO_NORM_TYPE },
    declarations: ({ casterId }) => {
      const presenter = { channelId: "RV01", color: "green", positionX: 0.1, positionY: 0.3, heightNormalized: 0.65 };
      const desk = { casterId, layoutName: "News desk", layoutType: "studio", background: { id: "set", materialId: "f080575eb5f4427684fc0715159a1234" }, chromaKeyInputs: [presenter] };
      return [
        desk,
        { ...desk, layoutName: "Evening desk", chromaKeyInputs: [{ ...presenter, positionX: 0.4 }], mediaInputs: [{ id: "clip", channelId: "RV03", position: [0.6, 0.15], widthNormalized: 0.35, heightNormalized: 0.35 }] },
      ];
    },
    count: (account, { casterId }) => Object.values(account.studioLayouts).filter((layout) => layout.casterId === casterId).length,
  },
};

/** Every operation some kind's provider sends that can change something: all but the reads. */
const MUTATING_BY_KIND: [string, string][] = Object.entries(kindsByOperation(path.join(__dirname, "..")))
  .filter(([action]) => !/^(Describe|List)/.test(action))
  .flatMap(([action, kinds]) => kinds.map((kind): [string, string] => [action, kind]))
  .sort(([a], [b]) => a.localeCompare(b));

describe("a lost reply to any call that changes something ends in the declared state", () => {
  let live: EmulatorFixture;

  beforeAll(async () => {
    live = await startEmulatorFixture({ https: true });
  });
  afterAll(() => live.close());

  const account = () => live.emulator.state().accounts[DEMO_ACCOUNT.uid] as unknown as Parameters<Lifecycle["count"]>[0];

  async function studio(life: Lifecycle): Promise<Studio> {
    const { studioType } = life;
    const casterId = studioType
      ? (await live.client.call("CreateCaster", { ClientToken: scope().slice(-40), NormType: studioType.normType, ChargeType: CHARGE_TYPE, CasterTemplate: studioType.casterTemplate })).CasterId!
      : await live.createCaster();
    await live.client.call("SetCasterConfig", {
      CasterId: casterId, DomainName: "live.example.com", CallbackUrl: "https://hooks.example.com/caster",
      TranscodeConfig: JSON.stringify({ CasterTemplate: studioType?.casterTemplate ?? "lp_sd" }), ProgramEffect: studioType?.programEffect,
      ...(life.channelMode ? { ChannelEnable: 1 } : {}),
    });
    const sources: string[] = [];
    for (const locationId of ["RV01", "RV02"]) {
      const reply = await live.client.call("AddCasterVideoResource", { CasterId: casterId, LocationId: locationId, ResourceName: locationId, LiveStreamUrl: `rtmp://push.example.com/live/${locationId}` });
      sources.push(reply.ResourceId!);
      // In channel mode a layout shows channels: each source on the channel of its position.
      if (life.channelMode) await live.client.call("SetCasterChannel", { CasterId: casterId, ChannelId: locationId, ResourceId: reply.ResourceId });
    }
    const layout = (await layoutProvider.create({ casterId, videoLayers: [{ locationId: "RV01", position: [0, 0], widthNormalized: 1, heightNormalized: 1 }] })).outs as LayoutOutputs;
    const component = (await componentProvider.create({
      casterId, locationId: "RC01", componentType: "text", text: { text: "Evening news" }, geometry: { position: [0.05, 0.85], widthNormalized: 0.6, heightNormalized: 0.1 },
    })).outs as ComponentOutputs;
    if (life.runningStudio) await live.client.call("StartCaster", { CasterId: casterId });
    return { casterId, camera: sources[0], guest: sources[1], layoutId: layout.layoutId, componentId: component.componentId };
  }

  test("every such operation has a row: a kind's life that sends it", () => {
    expect(MUTATING_BY_KIND.length).toBeGreaterThan(0);
    expect(MUTATING_BY_KIND.filter(([, kind]) => !LIFECYCLES[kind])).toEqual([]);
  });

  test.each(MUTATING_BY_KIND)("%s (%s)", async (action, kind) => {
    const life = LIFECYCLES[kind];
    // Each row is a Pulumi operation of its own: a new session of the providers.
    configureForFixture(live);
    const where = await studio(life);
    const [first, ...changes] = life.declarations(where);
    const checked = async (olds: Record<string, unknown>, news: Record<string, unknown>) => {
      const result = await life.provider.check!(olds, news);
      expect(result.failures ?? []).toEqual([]);
      return result.inputs as Record<string, unknown>;
    };
    const expectAsDeclared = async (id: string, outs: Record<string, unknown>, inputs: Record<string, unknown>) => {
      const read = await life.provider.read!(id, outs);
      expect(read.id).toBe(id);
      expect(await life.provider.diff!(id, read.props, inputs)).toMatchObject({ changes: false });
      expect(life.count(account(), where, id)).toBe(life.objects?.(inputs) ?? 1);
    };

    live.emulator.setFaults({ rates: { [action]: { lostResponse: 1, times: 1 } } });
    try {
      let inputs = await checked({}, first);
      const created = await life.provider.create!(inputs);
      let outs = created.outs as Record<string, unknown>;
      await expectAsDeclared(created.id, outs, inputs);
      for (const change of changes) {
        const news = await checked(inputs, change);
        outs = (await life.provider.update!(created.id, outs, news)).outs as Record<string, unknown>;
        inputs = news;
        await expectAsDeclared(created.id, outs, inputs);
      }
      await life.beforeDelete?.(live.client, created.id);
      await life.provider.delete!(created.id, outs);
      expect(life.count(account(), where, created.id)).toBe(0);
    } finally {
      live.emulator.setFaults({ rates: {} });
    }
    // The row sent the operation and its reply was lost: the retry or the lookup did the rest.
    expect(live.emulator.calls().filter((call) => call.action === action && call.fault === "LostResponse")).toHaveLength(1);
  });
});
