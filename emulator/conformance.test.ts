import { OPERATIONS as SPEC, OperationSpec } from "../model/live-api";
import { replyProblems } from "../model/conformance";
import { toApiTime } from "../model/api-facts";
import { EmulatorFixture, startEmulatorFixture } from "../test/helpers/emulator-fixture";
import { LiveApiError } from "../provider/client/errors";
import { OPERATIONS as SERVED } from "./responses";

/**
 * The emulator against the one description of the API (model/live-api.ts), walked operation by
 * operation: what the spec requires is refused as Missing{Name} when left out, and every reply
 * has the spec's shape. A served operation that this walk does not reach fails the last test.
 */
/**
 * Required lists that the emulator does not answer with Missing{List} when left out, and why. AddCasterEpisodeGroup's
 * items: its page names no code, and the emulator refuses a group without items as AddCasterEpisodeGroupContent's, with
 * MissingParameter after checking the other values (emulator/responses/episode-groups.ts; episode-groups.test.ts asserts
 * the code with values that are valid): here, where they are not, the call is only refused.
 */
const CHECKED_WITH_THE_VALUES = new Set(["AddCasterEpisodeGroup Item.N"]);

describe("the emulator conforms to the spec", () => {
  let live: EmulatorFixture;
  // Each call a second later on the emulator's clock, so that no QPS limit is reached.
  let clockOffsetMs = 0;

  beforeAll(async () => {
    // https too: UpdateCasterResourceGroup is served over https only.
    live = await startEmulatorFixture({ clock: () => Date.now() + clockOffsetMs, https: true });
  });
  afterAll(() => live?.close());

  const call = async (action: string, params: Record<string, string | number>) => {
    clockOffsetMs += 1100;
    // Each operation in turn, some with a parameter left out on purpose: the emulator's answer is the test.
    return live.client.callUnchecked(action, params);
  };
  const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: LiveApiError) => error.code);

  test.each(Object.keys(SERVED))("%s: every required parameter left out is Missing{Name}", async (action) => {
    const spec = SERVED[action].spec;
    const required = spec.params.filter((param) => param.required === true);
    // A required list (`BlendList.N`) is sent as its first entry, and refused as `MissingBlendList` (AddCasterLayout's own test);
    // a list of objects (`VideoLayer.N`) as its first entry's first field (`VideoLayer.1.FillMode`).
    const sentName = (name: string) => {
      const firstField = spec.params.find((other) => other.name.startsWith(`${name}.`))?.name ?? name;
      return firstField.replace(/\.N(?=\.|$)/g, ".1");
    };
    const all = Object.fromEntries(spec.params.filter((param) => param.required).map((param) => [sentName(param.name), param.type === "Integer" ? 1 : "x"]));
    for (const param of required) {
      const { [sentName(param.name)]: _left, ...rest } = all;
      const code = await failure(call(action, rest));
      if (CHECKED_WITH_THE_VALUES.has(`${action} ${param.name}`)) expect(code).toBeDefined();
      else expect(code).toBe(`Missing${param.name.replace(/\.N$/, "")}`);
    }
  });

  test("every reply of a studio's whole life has the spec's shape, and every served operation is reached", async () => {
    const replies: Record<string, Record<string, unknown>> = {};
    // Replies read as text: each is checked against the spec's shape before anything uses it.
    const run = async (action: string, params: Record<string, string | number>): Promise<Record<string, string>> => {
      const reply = await call(action, params);
      replies[action] = reply;
      expect({ action, problems: replyProblems((SPEC as Record<string, OperationSpec>)[action].reply, reply) }).toEqual({ action, problems: [] });
      return reply as Record<string, string>;
    };
    const { CasterId } = await run("CreateCaster", { ClientToken: "conformance", NormType: 1, ChargeType: "PostPaid", CasterName: "Conformance" });
    await run("DescribeCasters", { CasterId });
    await run("DescribeCasterConfig", { CasterId });
    const { ResourceId } = await run("AddCasterVideoResource", {
      CasterId, ResourceName: "Reel", LocationId: "RV01", VodUrl: "https://media.example.com/reel.mp4", RepeatNum: -1,
    });
    await run("ModifyCasterVideoResource", { CasterId, ResourceId, ResourceName: "Reel 2" });
    await run("DescribeCasterVideoResources", { CasterId });
    // Every setting, so that every field of DescribeCasterConfig's reply is checked.
    await run("SetCasterConfig", {
      CasterId, CasterName: "Conformance", DomainName: "conformance.example.org", CallbackUrl: "https://hooks.example.org/caster",
      SideOutputUrl: "rtmp://relay.example.org/app/main", SideOutputUrlList: '["rtmp://cdn.example.org/app/s1"]', Delay: "1.500000",
      ChannelEnable: 1, ProgramEffect: 1, ProgramName: "Conformance", AutoSwitchUrgentOn: "true", AutoSwitchUrgentConfig: '{"eofThres":3}',
      UrgentMaterialId: "standby", UrgentImageId: "card", UrgentImageUrl: "https://media.example.com/card.png",
      UrgentLiveStreamUrl: "rtmp://backup.example.org/app/standby",
      TranscodeConfig: '{"CasterTemplate":"lp_sd","LiveTemplate":["lld"]}',
      RecordConfig: '{"endpoint":"oss-cn-shanghai.aliyuncs.com","ossBucket":"b","videoFormat":[{"Format":"m3u8","SliceOssObjectPrefix":"s/{UnixTimestamp}","CycleDuration":3600}]}',
      SyncGroupsConfig: JSON.stringify([{ mode: 0, hostResourceId: ResourceId, resourceIds: [ResourceId] }]),
    });
    const config = await run("DescribeCasterConfig", { CasterId });
    // Channels are enabled above: one channel with the reel, every setting sent.
    await run("SetCasterChannel", { CasterId, ChannelId: "RV01", ResourceId, PlayStatus: 1, SeekOffset: 0, FaceBeauty: "0" });
    await run("DescribeCasterChannels", { CasterId });
    await run("UpdateCasterResourceGroup", { CasterId, NewResourceGroupId: "rg-conformance" });
    const copied = (await run("CopyCaster", { SrcCasterId: CasterId, CasterName: "Conformance copy", ClientToken: "conformance-copy" })).CasterId;
    await run("DeleteCaster", { CasterId: copied });
    await run("StartCaster", { CasterId });
    await run("DescribeCasters", { CasterId });
    const scenes = await run("DescribeCasterScenes", { CasterId }) as unknown as { SceneList: { Scene: { SceneId: string }[] } };
    await run("DescribeCasterStreamUrl", { CasterId });
    // The PVW scene stopped and started again, then the whole studio restarted.
    await run("StopCasterScene", { CasterId, SceneId: scenes.SceneList.Scene[0].SceneId });
    await run("StartCasterScene", { CasterId, SceneId: scenes.SceneList.Scene[0].SceneId });
    await run("RestartCaster", { CasterId });
    // The reel on the PVW scene, the standby source (set above) on the PGM scene.
    await run("EffectCasterVideoResource", { CasterId, SceneId: scenes.SceneList.Scene[0].SceneId, ResourceId });
    await run("EffectCasterUrgent", { CasterId, SceneId: scenes.SceneList.Scene[1].SceneId });
    await run("CopyCasterSceneConfig", { CasterId, FromSceneId: scenes.SceneList.Scene[0].SceneId, ToSceneId: scenes.SceneList.Scene[1].SceneId });
    // Layouts, components and scenes, every setting sent, so that every field of their replies is checked.
    const { LayoutId } = await run("AddCasterLayout", {
      CasterId, "BlendList.1": "RV01", "MixList.1": "RV01",
      "VideoLayer.1.FillMode": "fit", "VideoLayer.1.HeightNormalized": "0.5", "VideoLayer.1.WidthNormalized": "0.5",
      "VideoLayer.1.PositionNormalized.1": "0.1", "VideoLayer.1.PositionNormalized.2": "0.2", "VideoLayer.1.PositionRefer": "center",
      "VideoLayer.1.FixedDelayDuration": "100",
      "AudioLayer.1.VolumeRate": "0.8", "AudioLayer.1.ValidChannel": "leftChannel", "AudioLayer.1.FixedDelayDuration": "100",
    });
    await run("ModifyCasterLayout", {
      CasterId, LayoutId, "BlendList.1": "RV01", "MixList.1": "RV01", "VideoLayer.1.PositionRefer": "topLeft", "AudioLayer.1.VolumeRate": "0.8",
    });
    await run("DescribeCasterLayouts", { CasterId });
    const componentLayer = JSON.stringify({ HeightNormalized: 0.1, WidthNormalized: 0.3, PositionRefer: "bottomLeft", PositionNormalized: [0.05, 0.05], Transparency: 200 });
    const { ComponentId: text } = await run("AddCasterComponent", {
      CasterId, ComponentType: "text", LocationId: "RC01", ComponentName: "Lower third", Effect: "animateH", LayerOrder: "cover",
      ComponentLayer: componentLayer,
      TextLayerContent: JSON.stringify({ Text: "Live", Color: "0xffffff", FontName: "KaiTi", SizeNormalized: "0.05", BorderWidthNormalized: "0.1", BorderColor: "0x000000" }),
    });
    const { ComponentId: image } = await run("AddCasterComponent", {
      CasterId, ComponentType: "image", LocationId: "RC02", ComponentLayer: componentLayer, ImageLayerContent: JSON.stringify({ MaterialId: "logo" }),
    });
    const { ComponentId: caption } = await run("AddCasterComponent", {
      CasterId, ComponentType: "caption", LocationId: "RC03", ComponentLayer: componentLayer,
      CaptionLayerContent: JSON.stringify({
        LocationId: "RV01", SourceLan: "cn", TargetLan: "en", ShowSourceLan: true, Color: "0xffffff", FontName: "KaiTi", SizeNormalized: 0.05,
        BorderWidthNormalized: 0.01, BorderColor: "0x000000", PtsOffset: 0, WordsCount: 20, WordCountPerLine: 20, WordSpaceNormalized: 0.1, LineSpaceNormalized: 0.1,
      }),
    });
    await run("ModifyCasterComponent", { CasterId, ComponentId: text, TextLayerContent: JSON.stringify({ Text: "On air" }) });
    await run("DescribeCasterComponents", { CasterId });
    const SceneId = scenes.SceneList.Scene[0].SceneId;
    await run("SetCasterSceneConfig", { CasterId, SceneId, LayoutId, "ComponentId.1": text, "ComponentId.2": image });
    await run("UpdateCasterSceneConfig", { CasterId, SceneId, LayoutId, "ComponentId.1": text, "ComponentId.2": image, "ComponentId.3": caption });
    await run("DescribeCasterScenes", { CasterId, SceneId });
    await run("UpdateCasterSceneAudio", {
      CasterId, SceneId, FollowEnable: 0, "MixList.1": "RV01",
      "AudioLayer.1.VolumeRate": "1.5", "AudioLayer.1.ValidChannel": "all", "AudioLayer.1.FixedDelayDuration": "0", "AudioLayer.1.Filter": '{"enableAns":1}',
    });
    await run("DescribeCasterSceneAudio", { CasterId, SceneId });
    await run("DeleteCasterSceneConfig", { CasterId, SceneId, Type: "All" });
    await run("DeleteCasterComponent", { CasterId, ComponentId: caption });
    await run("DeleteCasterLayout", { CasterId, LayoutId });
    const { ProgramId } = await run("AddCasterEpisodeGroup", {
      ClientToken: "conformance-group", DomainName: config.DomainName, CallbackUrl: config.CallbackUrl, SideOutputUrl: "",
      StartTime: "2030-01-01T20:00:00Z", RepeatNum: 0, "Item.1.ItemName": "Opening", "Item.1.VodUrl": "https://media.example.com/a.mp4",
    });
    const content = JSON.stringify({
      DomainName: config.DomainName, CallbackUrl: config.CallbackUrl, SideOutputUrl: "", StartTime: "2030-01-02T20:00:00Z", RepeatNum: -1,
      Items: [{ ItemName: "Loop", VodUrl: "https://media.example.com/b.mp4" }],
    });
    await run("AddCasterEpisodeGroupContent", { ClientToken: "conformance-content", Content: content });
    // An episode with every field filled in, tomorrow on the emulator's clock, listed with the groups' items.
    const tomorrow = Date.now() + clockOffsetMs + 24 * 3_600_000;
    const { EpisodeId } = await run("AddCasterEpisode", {
      CasterId, EpisodeName: "News", EpisodeType: "Resource", ResourceId, "ComponentId.1": text, "ComponentId.2": image,
      StartTime: toApiTime(tomorrow), EndTime: toApiTime(tomorrow + 3_600_000), SwitchType: "ContentFirst",
    });
    await run("ModifyCasterEpisode", { CasterId, EpisodeId, EpisodeName: "Evening news", SwitchType: "TimeFirst" });
    // A programme of two episodes in one call, every field filled in, modified, listed, then deleted whole.
    const { EpisodeIds } = await run("AddCasterProgram", {
      CasterId,
      "Episode.1.EpisodeName": "Morning", "Episode.1.EpisodeType": "Resource", "Episode.1.ResourceId": ResourceId, "Episode.1.ComponentId.1": text,
      "Episode.1.StartTime": toApiTime(tomorrow + 2 * 3_600_000), "Episode.1.EndTime": toApiTime(tomorrow + 3 * 3_600_000), "Episode.1.SwitchType": "TimeFirst",
      "Episode.2.EpisodeName": "Banner", "Episode.2.EpisodeType": "Component", "Episode.2.ComponentId.1": image,
      "Episode.2.StartTime": toApiTime(tomorrow + 3 * 3_600_000), "Episode.2.EndTime": toApiTime(tomorrow + 4 * 3_600_000), "Episode.2.SwitchType": "ContentFirst",
    }) as unknown as { EpisodeIds: { EpisodeId: { EpisodeId: string }[] } };
    await run("ModifyCasterProgram", {
      CasterId, "Episode.1.EpisodeId": EpisodeIds.EpisodeId[0].EpisodeId, "Episode.1.EpisodeName": "Late morning", "Episode.1.ComponentId.1": image,
      "Episode.1.StartTime": toApiTime(tomorrow + 2.5 * 3_600_000), "Episode.1.EndTime": toApiTime(tomorrow + 3 * 3_600_000), "Episode.1.SwitchType": "ContentFirst",
      "Episode.1.ResourceId": ResourceId, "Episode.1.EpisodeType": "Resource",
    });
    await run("DescribeCasterProgram", { CasterId, PageNum: 1, PageSize: 100 });
    await run("DeleteCasterEpisode", { CasterId, EpisodeId });
    await run("DeleteCasterProgram", { CasterId });
    await run("DeleteCasterEpisodeGroup", { ProgramId });
    await run("DeleteCasterVideoResource", { CasterId, ResourceId });
    await run("StopCaster", { CasterId });
    // A show list (its high-priority show set before it plays: the studio is stopped), every field filled in: a batch, a single show, a move, the list's settings and a background.
    const batch = await run("AddShowIntoShowList", {
      CasterId, isBatchMode: "true", "showList.1.showName": "Opening", "showList.1.resourceType": "vod",
      "showList.1.resourceUrl": "https://media.example.com/opening.mp4", "showList.1.duration": 30, "showList.1.liveInputType": 1,
      "showList.2.showName": "Feed", "showList.2.resourceType": "live", "showList.2.resourceId": "feed-1", "showList.2.repeatTimes": -1,
    });
    const { ShowId } = await run("AddShowIntoShowList", { CasterId, ShowName: "Card", ResourceType: "pic", ResourceUrl: "https://media.example.com/card.png", Spot: 0 });
    await run("ModifyShowList", { CasterId, ShowId, Spot: 2, RepeatTimes: -1, HighPriorityShowId: ShowId, HighPriorityShowStartTime: "2030-01-01T20:00:00" });
    await run("SetShowListBackground", { CasterId, ResourceType: "VOD", MaterialId: "background" });
    await run("PlayChoosenShow", { CasterId, ShowId });
    await run("EditShowAndReplace", { CasterId, ShowId: batch.successfulShowIds.split(",")[0], StartTime: "2.0", EndTime: "5.0", StorageInfo: '{"StorageLocation":"bucket","FileName":"cut.mp4"}', UserData: "job" });
    await run("DescribeShowList", { CasterId });
    await run("RemoveShowFromShowList", { CasterId, ShowId });
    await run("RemoveShowFromShowList", { CasterId, isBatchMode: "true", "showIdList.1": batch.successfulShowIds.split(",")[0] });
    // A lightweight carousel studio's playlist (in a block of its own: its names are the API's, as ProgramId).
    {
      const carousel = (await run("CreateCaster", { ClientToken: "conformance-playlist", NormType: 3, ChargeType: "PostPaid", CasterTemplate: "lp_noTranscode" })).CasterId;
      // What AddPlaylistItems demands of its studio besides NormType 3 and lp_noTranscode.
      await run("SetCasterConfig", { CasterId: carousel, ProgramEffect: 1, TranscodeConfig: '{"CasterTemplate":"lp_noTranscode"}' });
      const programItems = JSON.stringify([{ ItemName: "one", ResourceType: "vod", ResourceValue: "media-1" }, { ItemName: "two", ResourceType: "vod", ResourceValue: "media-2" }]);
      const { ProgramId } = await run("AddPlaylistItems", { CasterId: carousel, ProgramItems: programItems, ProgramConfig: '[{"RepeatNumber":"0","ProgramName":"list"}]' });
      await run("EditPlaylist", { ProgramId, ProgramItems: programItems });
      await run("ListPlaylist", { ProgramId, Page: 1, PageSize: 10 });
      const playlistItems = (await run("ListPlaylistItems", { ProgramId })) as unknown as { ProgramItems: { ProgramItemId: string }[] };
      await run("StartPlaylist", { ProgramId, ResumeMode: "Custom", StartItemId: playlistItems.ProgramItems[1].ProgramItemId });
      await run("StopPlaylist", { ProgramId });
      await run("DeletePlaylistItems", { ProgramId, ProgramItemIds: playlistItems.ProgramItems[0].ProgramItemId });
      await run("DeletePlaylist", { ProgramId });
    }
    // An automatic show-list task, with the studio it creates.
    {
      const start = Date.now() + clockOffsetMs;
      const task = await run("InitializeAutoShowListTask", {
        CasterConfig: '{"CasterTemplate":"lp_ld","LiveTemplates":["lhd"]}', DomainName: config.DomainName, CallBackUrl: config.CallbackUrl,
        StartTime: start, EndTime: start + 3_600_000, ResourceIds: '["media-1"]',
      });
      await run("DescribeAutoShowListTasks", { CasterId: task.CasterId });
      await run("DeleteCaster", { CasterId: task.CasterId });
    }
    // A virtual studio's layouts.
    {
      const virtual = (await run("CreateCaster", { ClientToken: "conformance-virtual-studio", NormType: 4, ChargeType: "PostPaid" })).CasterId;
      const { LayoutId } = await run("AddStudioLayout", {
        CasterId: virtual, LayoutName: "Set", LayoutType: "studio", BgImageConfig: '{"Id":"bg","MaterialId":"m","ImageUrl":"https://media.example.com/bg.png","LocationId":"RV01"}',
        ScreenInputConfigList: '[{"Id":"s","Index":"1","ChannelId":"RV01","VideoResourceId":"v","Color":"green","PositionX":"0.1","PositionY":"0.2","HeightNormalized":"0.4","PortraitType":0,"OnlyAudio":false,"AudioConfig":{"ValidChannel":"all","VolumeRate":1}}]',
        MediaInputConfigList: '[{"Id":"m","Index":"1","ChannelId":"RV02","VideoResourceId":"v","ImageMaterialId":"i","FillMode":"none","PositionRefer":"topLeft","WidthNormalized":"0.6","HeightNormalized":"0.4","PositionNormalized":[0.1,0.2]}]',
        LayerOrderConfigList: '[{"Type":"background","Id":"bg"},{"Type":"media","Id":"m"}]',
      });
      await run("ModifyStudioLayout", { CasterId: virtual, LayoutId, LayoutName: "Set 2", CommonConfig: '{"ChannelId":"RV01","VideoResourceId":"v"}' });
      await run("DescribeStudioLayouts", { CasterId: virtual });
      await run("DeleteStudioLayout", { CasterId: virtual, LayoutId });
    }
    await run("DeleteCaster", { CasterId });
    expect(Object.keys(replies).sort()).toEqual(Object.keys(SERVED).sort());
  });
});
