import { toApiTime } from "../../model/api-facts";
import { LiveClient, ParamsOf } from "../../provider/client/live-client";
import { layoutParams } from "../../provider/layout/provider";

/**
 * A studio built by direct API calls, as a team builds one in the console: configured and running,
 * sources of every kind (one with a signed URL), two layouts, three components, both scenes bound,
 * episodes (one that will have played) and an episode group. The export test and the adoption
 * round trip start from it.
 */

export const SIGNED_CAMERA = "rtmp://push.example.com/studio/main-camera?auth_key=1700000000-0-0-0123456789abcdef";
export const SIGNED_CALLBACK = "https://hooks.example.com/caster?auth_key=1700000000-0-0-fedcba9876543210";
export const ITEMS = [
  { name: "Opening titles", url: "https://media.example.com/loop/opening.mp4" },
  { name: "Highlights", url: "https://media.example.com/loop/highlights.flv" },
];

export interface Built {
  casterId: string;
  resourceIds: Record<string, string>;
  layoutIds: { pip: string; split: string };
  componentIds: Record<string, string>;
  episodeIds: { news: string; station: string; played: string };
}

export type Call = LiveClient["call"];

/** A configured, running studio with sources of every kind, two layouts, three components, both scenes bound, episodes and an episode group. */
export async function buildStudio(call: Call, clock: { offset: number }): Promise<Built> {
  const casterId = (await call("CreateCaster", {
    ClientToken: `export-${Math.random()}`, NormType: 1, ChargeType: "PostPaid", CasterName: "Evening show", CasterTemplate: "lp_sd",
  })).CasterId!;
  await call("SetCasterConfig", {
    CasterId: casterId, CasterName: "Evening show", DomainName: "live.example.com", CallbackUrl: SIGNED_CALLBACK, Delay: 3,
    TranscodeConfig: JSON.stringify({ CasterTemplate: "lp_sd", LiveTemplate: ["lhd"] }), ChannelEnable: 0,
  });
  const sources: [string, Omit<ParamsOf<"AddCasterVideoResource">, "CasterId">][] = [
    ["RV01", { ResourceName: "Main camera", LiveStreamUrl: SIGNED_CAMERA }],
    ["RV02", { ResourceName: "Intro reel", VodUrl: "https://media.example.com/reels/intro.mp4", BeginOffset: 1000, EndOffset: -2000, RepeatNum: -1 }],
    ["RV03", { ResourceName: "Station logo", ImageUrl: "https://media.example.com/brand/logo.png" }],
    ["RV04", { ResourceName: "Guest camera", LiveStreamUrl: "rtmp://push.example.com/studio/guest-camera" }],
    ["RV05", { ResourceName: "Archive", MaterialId: "archive-2026" }],
    ["RV06", { ResourceName: "Backdrop", ImageId: "backdrop-2026" }],
  ];
  const resourceIds: Record<string, string> = {};
  for (const [locationId, params] of sources) {
    resourceIds[locationId] = (await call("AddCasterVideoResource", { CasterId: casterId, LocationId: locationId, ...params })).ResourceId!;
  }
  const pip = (await call("AddCasterLayout", layoutParams({
    casterId,
    videoLayers: [
      { locationId: "RV01", position: [0, 0], widthNormalized: 1, heightNormalized: 1, fillMode: "fit" },
      { locationId: "RV04", position: [0.96, 0.93], anchor: "bottomRight", widthNormalized: 0.3, heightNormalized: 0.3, fillMode: "fit" },
    ],
    audioLayers: [{ locationId: "RV01" }, { locationId: "RV04", volumeRate: 0.8 }],
  }))).LayoutId!;
  const split = (await call("AddCasterLayout", layoutParams({
    casterId,
    videoLayers: [
      { locationId: "RV03", position: [0, 0], widthNormalized: 1, heightNormalized: 1, fillMode: "fit" },
      { locationId: "RV01", position: [0.02, 0.5], anchor: "leftCenter", widthNormalized: 0.47, heightNormalized: 0.47, fillMode: "fit" },
      { locationId: "RV04", position: [0.98, 0.5], anchor: "rightCenter", widthNormalized: 0.47, heightNormalized: 0.47, fillMode: "fit" },
    ],
  }))).LayoutId!;
  const layer = (position: [number, number], anchor: string, width: number, height: number) => JSON.stringify({
    HeightNormalized: String(height), WidthNormalized: String(width), PositionRefer: anchor, PositionNormalized: position.map(String), Transparency: "255",
  });
  const components: [string, Omit<ParamsOf<"AddCasterComponent">, "CasterId" | "LocationId">][] = [
    ["RC01", { ComponentName: "Lower third", ComponentType: "text", ComponentLayer: layer([0.05, 0.76], "topLeft", 0.55, 0.1),
      TextLayerContent: JSON.stringify({ Text: "Live from Hangzhou", Color: "0xffffff", SizeNormalized: 0.06 }) }],
    ["RC02", { ComponentName: "Logo", ComponentType: "image", ComponentLayer: layer([0.97, 0.04], "topRight", 0.12, 0.12),
      ImageLayerContent: JSON.stringify({ MaterialId: "brand-logo-2026" }) }],
    ["RC03", { ComponentName: "Subtitles", ComponentType: "caption", Effect: "animateH", ComponentLayer: layer([0.5, 0.97], "bottomCenter", 0.8, 0.08),
      CaptionLayerContent: JSON.stringify({ LocationId: "RV01", SourceLan: "en", TargetLan: "cn", Color: "0xffff00", SizeNormalized: 0.04 }) }],
  ];
  const componentIds: Record<string, string> = {};
  for (const [locationId, params] of components) {
    componentIds[locationId] = (await call("AddCasterComponent", { CasterId: casterId, LocationId: locationId, ...params })).ComponentId!;
  }
  const started = await call("StartCaster", { CasterId: casterId });
  await call("SetCasterSceneConfig", {
    CasterId: casterId, SceneId: started.PgmSceneInfos!.SceneInfo![0].SceneId!, LayoutId: pip, "ComponentId.1": componentIds.RC01, "ComponentId.2": componentIds.RC02,
  });
  await call("SetCasterSceneConfig", {
    CasterId: casterId, SceneId: started.PvwSceneInfos!.SceneInfo![0].SceneId!, LayoutId: split, "ComponentId.1": componentIds.RC02, "ComponentId.2": componentIds.RC03,
  });
  const episode = async (params: Omit<ParamsOf<"AddCasterEpisode">, "CasterId" | "SwitchType">) =>
    (await call("AddCasterEpisode", { CasterId: casterId, SwitchType: "TimeFirst", ...params })).EpisodeId!;
  // One that will have played by the time of the export: it starts in a minute, and the emulator's clock is then moved on.
  const played = await episode({
    EpisodeName: "Warm-up", EpisodeType: "Resource", ResourceId: resourceIds.RV04, StartTime: toApiTime(Date.now() + 60_000), EndTime: toApiTime(Date.now() + 120_000),
  });
  const news = await episode({
    EpisodeName: "Evening news", EpisodeType: "Resource", ResourceId: resourceIds.RV01, "ComponentId.1": componentIds.RC01, "ComponentId.2": componentIds.RC02,
    StartTime: "2030-12-24T11:00:00Z", EndTime: "2030-12-24T12:00:00Z",
  });
  const station = await episode({ EpisodeName: "Station break", EpisodeType: "Component", "ComponentId.1": componentIds.RC02, StartTime: "2030-12-24T02:45:00Z", EndTime: "2030-12-24T03:00:00Z" });
  await call("AddCasterEpisodeGroup", {
    ClientToken: `group-${Math.random()}`, DomainName: "live.example.com", CallbackUrl: "https://hooks.example.com/group", SideOutputUrl: "",
    StartTime: "2030-12-24T12:00:00Z", RepeatNum: -1,
    ...Object.fromEntries(ITEMS.flatMap((item, index) => [[`Item.${index + 1}.ItemName`, item.name], [`Item.${index + 1}.VodUrl`, item.url]])),
  });
  // Within the 15 minutes a request's Timestamp may differ from the emulator's clock.
  clock.offset = 5 * 60_000;
  return { casterId, resourceIds, layoutIds: { pip, split }, componentIds, episodeIds: { news, station, played } };
}

