/**
 * Bad inputs a user can write, by kind: each must be refused before any call (in preview), by the
 * provider's own check, with a message that names the property and the value received and says
 * what to do. test/bad-input/bad-input.test.ts runs every case through the check path the engine
 * calls (provider/index.ts run(kind, "check")); test/e2e/bad-input.e2e.test.ts sends one case of
 * each kind the e2e program declares through a real `pulumi preview`.
 */
export interface BadInput {
  description: string;
  args: Record<string, unknown>;
  /** The property the message must name. */
  property: string;
}

/** A studio ID of the API's form, which no emulator knows: no case may reach the API anyway. */
const CASTER = "LIVEPRODUCER_POST-cn-0pp1czt1234";
const source = { casterId: CASTER, resourceName: "Camera", locationId: "RV01", liveStreamUrl: "rtmp://push.example.com/live/cam" };
const file = { casterId: CASTER, resourceName: "Reel", locationId: "RV02", vodUrl: "https://media.example.com/reel.mp4" };
const group = {
  casterId: CASTER,
  startTime: "2030-01-01T20:00:00Z",
  items: [{ itemName: "Opening", vodUrl: "https://media.example.com/opening.mp4" }],
};

const studio = { casterName: "Evening show", normType: 1, casterTemplate: "lp_sd" };
const rtmpRelays = (count: number) => Array.from({ length: count }, (_, index) => `rtmp://relay.example.com/app/out${index + 1}`);
const recording = { ossEndpoint: "oss-cn-shanghai.aliyuncs.com", ossBucket: "shows", formats: [{ format: "mp4" }] };


function manyItems(count: number) {
  return Array.from({ length: count }, (_, index) => ({ itemName: `Part ${index + 1}`, vodUrl: `https://media.example.com/${index + 1}.mp4` }));
}

/** The catalogue as it was, by the e2e program's config keys. */
const FIRST_CASES: [string, "sources" | "episodeGroups" | "studios", Record<string, unknown>, string][] = [
  ["location RV00", "sources", { ...source, locationId: "RV00" }, "locationId"],
  ["location RV100", "sources", { ...source, locationId: "RV100" }, "locationId"],
  ["location with one digit", "sources", { ...source, locationId: "RV7" }, "locationId"],
  ["location in lower case", "sources", { ...source, locationId: "rv01" }, "locationId"],
  ["empty location", "sources", { ...source, locationId: "" }, "locationId"],
  ["location as a number", "sources", { ...source, locationId: 1 }, "locationId"],
  ["no location", "sources", { ...source, locationId: undefined }, "locationId"],
  ["a live stream and a file", "sources", { ...source, vodUrl: "https://media.example.com/a.mp4" }, "vodUrl"],
  ["three sources", "sources", { ...source, materialId: "asset1", imageId: "img1" }, "materialId"],
  ["no source", "sources", { ...source, liveStreamUrl: undefined }, "liveStreamUrl"],
  ["an MKV file", "sources", { ...file, vodUrl: "https://media.example.com/a.mkv" }, "vodUrl"],
  ["a file over FTP", "sources", { ...file, vodUrl: "ftp://media.example.com/a.mp4" }, "vodUrl"],
  ["a stream URL that is no URL", "sources", { ...source, liveStreamUrl: "camera one" }, "liveStreamUrl"],
  ["a GIF image", "sources", { ...source, liveStreamUrl: undefined, imageUrl: "https://media.example.com/a.gif" }, "imageUrl"],
  ["a material ID with spaces", "sources", { ...file, vodUrl: undefined, materialId: "asset one" }, "materialId"],
  ["an image ID of 65 characters", "sources", { ...source, liveStreamUrl: undefined, imageId: "i".repeat(65) }, "imageId"],
  ["an empty name", "sources", { ...source, resourceName: "" }, "resourceName"],
  ["a name of 129 characters", "sources", { ...source, resourceName: "n".repeat(129) }, "resourceName"],
  ["a name that is a number", "sources", { ...source, resourceName: 5 }, "resourceName"],
  ["an empty studio ID", "sources", { ...source, casterId: "" }, "casterId"],
  ["a studio ID with spaces", "sources", { ...source, casterId: "my studio" }, "casterId"],
  ["no studio", "sources", { ...source, casterId: undefined }, "casterId"],
  ["a negative begin offset", "sources", { ...file, beginOffset: -1 }, "beginOffset"],
  ["a begin offset in fractions", "sources", { ...file, beginOffset: 1.5 }, "beginOffset"],
  ["a begin offset on a live stream", "sources", { ...source, beginOffset: 100 }, "beginOffset"],
  ["a repeat of -2", "sources", { ...file, repeatNum: -2 }, "repeatNum"],
  ["a repeat on an image", "sources", { ...source, liveStreamUrl: undefined, imageId: "img1", repeatNum: -1 }, "repeatNum"],
  ["an end offset as text", "sources", { ...file, endOffset: "10" }, "endOffset"],
  ["a delay of 5001 ms", "sources", { ...source, fixedDelayDuration: 5001 }, "fixedDelayDuration"],
  ["a negative delay", "sources", { ...source, fixedDelayDuration: -1 }, "fixedDelayDuration"],
  ["a negative PTS interval", "sources", { ...source, ptsCallbackInterval: -5 }, "ptsCallbackInterval"],
  ["an import ID without the studio", "sources", { ...source, importId: "e5542d98" }, "importId"],
  ["a misspelt property", "sources", { ...source, locationID: "RV01" }, "locationID"],
  // Issue 10: what the API cannot take, refused before any call.
  ["a name on two lines", "sources", { ...source, resourceName: "Main\ncamera" }, "resourceName"],
  ["a name with a bell", "sources", { ...source, resourceName: "Camera\u0007" }, "resourceName"],
  ["a name with an ANSI escape", "sources", { ...source, resourceName: "\u001b[31mCamera\u001b[0m" }, "resourceName"],
  ["a name of spaces only", "sources", { ...source, resourceName: "   " }, "resourceName"],
  ["a stream URL with a space", "sources", { ...source, liveStreamUrl: "rtmp://push.example.com/live/main camera" }, "liveStreamUrl"],
  ["a file URL ending in a line break", "sources", { ...file, vodUrl: "https://media.example.com/reel.mp4\n" }, "vodUrl"],
  ["an image URL with a tab", "sources", { ...source, liveStreamUrl: undefined, imageUrl: "https://media.example.com/a\tb.png" }, "imageUrl"],
  ["a stream URL with no host", "sources", { ...source, liveStreamUrl: "rtmp://" }, "liveStreamUrl"],
  ["a stream URL with an empty host", "sources", { ...source, liveStreamUrl: "rtmp:///live/main" }, "liveStreamUrl"],
  ["a begin offset of 2^31", "sources", { ...file, beginOffset: 2 ** 31 }, "beginOffset"],
  ["an end offset below -2^31", "sources", { ...file, endOffset: -(2 ** 31) - 1 }, "endOffset"],
  ["a repeat of 2^31", "sources", { ...file, repeatNum: 2 ** 31 }, "repeatNum"],
  ["a PTS interval of 2^31", "sources", { ...source, ptsCallbackInterval: 2 ** 31 }, "ptsCallbackInterval"],
  ["a PTS interval of 1e10", "sources", { ...source, ptsCallbackInterval: 1e10 }, "ptsCallbackInterval"],
  ["an import ID of another studio", "sources", { ...source, importId: "LIVEPRODUCER_POST-cn-other:e5542d98" }, "importId"],
  ["a start time in words", "episodeGroups", { ...group, startTime: "tomorrow evening" }, "startTime"],
  ["a start time without a zone", "episodeGroups", { ...group, startTime: "2030-01-01T20:00:00" }, "startTime"],
  ["a start time in month 13", "episodeGroups", { ...group, startTime: "2030-13-01T20:00:00Z" }, "startTime"],
  ["no start time", "episodeGroups", { ...group, startTime: undefined }, "startTime"],
  ["an empty item list", "episodeGroups", { ...group, items: [] }, "items"],
  ["no items", "episodeGroups", { ...group, items: undefined }, "items"],
  ["a MOV item", "episodeGroups", { ...group, items: [{ itemName: "A", vodUrl: "https://media.example.com/a.mov" }] }, "items"],
  ["an item without a name", "episodeGroups", { ...group, items: [{ vodUrl: "https://media.example.com/a.mp4" }] }, "items"],
  ["an item name of 129 characters", "episodeGroups", { ...group, items: [{ itemName: "n".repeat(129), vodUrl: "https://media.example.com/a.mp4" }] }, "items"],
  ["items as one string", "episodeGroups", { ...group, items: "https://media.example.com/a.mp4" }, "items"],
  ["a repeat of 1", "episodeGroups", { ...group, repeatNum: 1 }, "repeatNum"],
  ["a token of 65 characters", "episodeGroups", { ...group, clientToken: "t".repeat(65) }, "clientToken"],
  ["a token that is not ASCII", "episodeGroups", { ...group, clientToken: "节目单" }, "clientToken"],
  ["neither studio nor domain", "episodeGroups", { ...group, casterId: undefined, callbackUrl: "https://cb.example.com/x" }, "domainName"],
  ["a domain with spaces", "episodeGroups", { ...group, domainName: "live example com" }, "domainName"],
  ["a callback over FTP", "episodeGroups", { ...group, callbackUrl: "ftp://cb.example.com/x" }, "callbackUrl"],
  ["an output URL that is no URL", "episodeGroups", { ...group, sideOutputUrl: "studio output" }, "sideOutputUrl"],
  ["a region in words", "episodeGroups", { ...group, regionId: "Shanghai" }, "regionId"],
  // Issue 10.
  ["a start time of February 30", "episodeGroups", { ...group, startTime: "2031-02-30T20:00:00Z" }, "startTime"],
  ["a start time of February 29 in a common year", "episodeGroups", { ...group, startTime: "2031-02-29T20:00:00Z" }, "startTime"],
  ["a start time at 24:00", "episodeGroups", { ...group, startTime: "2031-01-01T24:00:00Z" }, "startTime"],
  ["a start time at minute 60", "episodeGroups", { ...group, startTime: "2031-01-01T20:60:00Z" }, "startTime"],
  ["a start time at second 60", "episodeGroups", { ...group, startTime: "2031-01-01T20:00:60Z" }, "startTime"],
  ["a zone of +15:00", "episodeGroups", { ...group, startTime: "2031-01-01T20:00:00+15:00" }, "startTime"],
  ["an item name on two lines", "episodeGroups", { ...group, items: [{ itemName: "Opening\ntitles", vodUrl: "https://media.example.com/a.mp4" }] }, "items"],
  ["an item name of spaces only", "episodeGroups", { ...group, items: [{ itemName: "   ", vodUrl: "https://media.example.com/a.mp4" }] }, "items"],
  ["an item URL with a space", "episodeGroups", { ...group, items: [{ itemName: "A", vodUrl: "https://media.example.com/my reel.mp4" }] }, "items"],
  ["a callback URL with no host", "episodeGroups", { ...group, callbackUrl: "https:///callback" }, "callbackUrl"],
  ["an output URL with no host", "episodeGroups", { ...group, sideOutputUrl: "rtmp://" }, "sideOutputUrl"],
  ["101 items", "episodeGroups", { ...group, items: manyItems(101) }, "items"],
  ["1000 items", "episodeGroups", { ...group, items: manyItems(1000) }, "items"],
  // Issue 12: the studio itself (Caster).
  ["a studio of norm type 2", "studios", { ...studio, normType: 2 }, "normType"],
  ["a norm type as text", "studios", { ...studio, normType: "1" }, "normType"],
  ["no norm type", "studios", { ...studio, normType: undefined }, "normType"],
  ["a 4K template", "studios", { ...studio, casterTemplate: "lp_4k" }, "casterTemplate"],
  ["no template", "studios", { ...studio, casterTemplate: undefined }, "casterTemplate"],
  ["prepaid billing", "studios", { ...studio, chargeType: "PrePaid" }, "chargeType"],
  ["a resource group by name", "studios", { ...studio, resourceGroupId: "default" }, "resourceGroupId"],
  ["a domain with spaces (studio)", "studios", { ...studio, domainName: "live example com" }, "domainName"],
  ["a domain given as a URL", "studios", { ...studio, domainName: "https://live.example.com" }, "domainName"],
  ["a studio callback over FTP", "studios", { ...studio, callbackUrl: "ftp://hooks.example.com/caster" }, "callbackUrl"],
  ["a studio callback that is no URL", "studios", { ...studio, callbackUrl: "hooks" }, "callbackUrl"],
  ["a relay over HTTP", "studios", { ...studio, sideOutputUrl: "http://relay.example.com/app/out" }, "sideOutputUrl"],
  ["21 relays", "studios", { ...studio, sideOutputUrls: rtmpRelays(21) }, "sideOutputUrls"],
  ["a relay list with an HTTPS URL", "studios", { ...studio, sideOutputUrls: [...rtmpRelays(2), "https://relay.example.com/app/x"] }, "sideOutputUrls"],
  ["relays as one string", "studios", { ...studio, sideOutputUrls: "rtmp://relay.example.com/app/out" }, "sideOutputUrls"],
  ["a delay of 301 s", "studios", { ...studio, delaySeconds: 301 }, "delaySeconds"],
  ["a delay of -1 s", "studios", { ...studio, delaySeconds: -1 }, "delaySeconds"],
  ["a delay as text", "studios", { ...studio, delaySeconds: "3" }, "delaySeconds"],
  ["a live template that does not exist", "studios", { ...studio, liveTemplates: ["lhd", "l4k"] }, "liveTemplates"],
  ["recording without a bucket", "studios", { ...studio, recording: { ossEndpoint: recording.ossEndpoint, formats: recording.formats } }, "recording"],
  ["recording without formats", "studios", { ...studio, recording: { ...recording, formats: [] } }, "recording"],
  ["recording m3u8 without its segments' name", "studios", { ...studio, recording: { ...recording, formats: [{ format: "m3u8" }] } }, "recording"],
  ["recording as AVI", "studios", { ...studio, recording: { ...recording, formats: [{ format: "avi" }] } }, "recording"],
  ["recording with a misspelt field", "studios", { ...studio, recording: { ...recording, bucket: "shows" } }, "recording"],
  ["a standby stream over FTP", "studios", { ...studio, standbyLiveStreamUrl: "ftp://push.example.com/live/backup" }, "standbyLiveStreamUrl"],
  ["a standby stream with a space", "studios", { ...studio, standbyLiveStreamUrl: "rtmp://push.example.com/live/back up" }, "standbyLiveStreamUrl"],
  ["a standby GIF", "studios", { ...studio, standbyImageUrl: "https://media.example.com/standby.gif" }, "standbyImageUrl"],
  ["a standby asset ID with spaces", "studios", { ...studio, standbyMaterialId: "asset one" }, "standbyMaterialId"],
  ["a standby image ID with a slash", "studios", { ...studio, standbyImageId: "cards/standby" }, "standbyImageId"],
  ["a switch after 0 s", "studios", { ...studio, standbySwitchAfterSeconds: 0 }, "standbySwitchAfterSeconds"],
  ["tags as a list", "studios", { ...studio, tags: ["news"] }, "tags"],
  ["an empty tag key", "studios", { ...studio, tags: { "": "news" } }, "tags"],
  ["a tag key of 129 characters", "studios", { ...studio, tags: { ["k".repeat(129)]: "news" } }, "tags"],
  ["a delay that is not a number (YAML .nan)", "studios", { ...studio, delaySeconds: Number.NaN }, "delaySeconds"],
  ["an infinite delay (YAML .inf)", "studios", { ...studio, delaySeconds: Number.POSITIVE_INFINITY }, "delaySeconds"],
  ["a tag value of 129 characters", "studios", { ...studio, tags: { team: "n".repeat(129) } }, "tags"],
  ["a sync group in mode 2", "studios", { ...studio, syncGroups: [{ mode: 2, resourceIds: ["r1"] }] }, "syncGroups"],
  ["a streamer sync group without its host", "studios", { ...studio, syncGroups: [{ mode: 0, resourceIds: ["r1"] }] }, "syncGroups"],
  ["a sync group of no sources", "studios", { ...studio, syncGroups: [{ mode: 1, resourceIds: [] }] }, "syncGroups"],
  ["two standbys at once", "studios", { ...studio, standbyLiveStreamUrl: "rtmp://push.example.com/live/backup", standbyImageUrl: "https://media.example.com/standby.png" }, "standbyImageUrl"],
  ["three standbys at once", "studios", { ...studio, standbyLiveStreamUrl: "rtmp://push.example.com/live/backup", standbyMaterialId: "asset1", standbyImageUrl: "https://media.example.com/standby.png" }, "standbyMaterialId"],
  ["automatic standby as text", "studios", { ...studio, autoSwitchToStandby: "yes" }, "autoSwitchToStandby"],
  ["a program effect of 2", "studios", { ...studio, programEffect: 2 }, "programEffect"],
  ["a program name on two lines", "studios", { ...studio, programName: "Evening\nshow" }, "programName"],
  ["channel mode as text", "studios", { ...studio, channelMode: "on" }, "channelMode"],
  ["running as text", "studios", { ...studio, running: "yes" }, "running"],
  ["running as 1", "studios", { ...studio, running: 1 }, "running"],
  ["allowStopOnAir as text", "studios", { ...studio, allowStopOnAir: "true" }, "allowStopOnAir"],
  // StartCaster needs a domain, and a new studio has none (issue 29).
  ["a started studio without a domain", "studios", { ...studio, running: true }, "domainName"],
  ["a studio token of 65 characters", "studios", { ...studio, clientToken: "t".repeat(65) }, "clientToken"],
  ["a studio token that is not ASCII", "studios", { ...studio, clientToken: "演播室" }, "clientToken"],
  ["a studio name of 129 characters", "studios", { ...studio, casterName: "n".repeat(129) }, "casterName"],
  ["a studio name with an ANSI escape", "studios", { ...studio, casterName: "\u001b[31mStudio\u001b[0m" }, "casterName"],
  ["a misspelt studio property", "studios", { ...studio, delay: 3 }, "delay"],
];

const KIND_OF_KEY = { sources: "CasterVideoResource", episodeGroups: "CasterEpisodeGroup", studios: "Caster" } as const;

const layout = { casterId: CASTER, videoLayers: [{ locationId: "RV01", position: [0, 0], widthNormalized: 1, heightNormalized: 1 }] };
const layer = layout.videoLayers[0];
const component = { casterId: CASTER, locationId: "RC01", componentType: "text", text: { text: "Evening news" }, geometry: { position: [0.05, 0.85], widthNormalized: 0.6, heightNormalized: 0.1 } };
const binding = { casterId: CASTER, scene: "PGM", layoutId: "a2b8e671-2fe5-4642-a2ec-bf93880e1234", componentIds: [] as string[] };
const episode = { casterId: CASTER, episodeName: "Evening news", locationId: "RV01", startTime: "2031-12-24T20:00:00+08:00", endTime: "2031-12-24T21:00:00+08:00" };
const show = { showName: "Opening", resourceType: "vod", resourceUrl: "https://media.example.com/opening.mp4" };
const showList = { casterId: CASTER, shows: [show] };
const channel = { casterId: CASTER, channelId: "RV01", resourceId: "a2b8e671-2fe5-4642-a2ec-bf93880e5678" };
const playlistItem = { itemName: "Opening", mediaId: "5f8809f2-3352-4d1f-a8f7-86f9429f1234" };
const playlist = { casterId: CASTER, items: [playlistItem] };
const presenter = { channelId: "RV01", color: "green", positionX: 0.1, positionY: 0.3, heightNormalized: 0.65 };
const clip = { id: "clip", channelId: "RV03", position: [0.6, 0.15], widthNormalized: 0.35, heightNormalized: 0.35 };
const deskLayout = { casterId: CASTER, layoutName: "News desk", layoutType: "studio", background: { id: "set", materialId: "f080575eb5f4427684fc0715159a1234" }, chromaKeyInputs: [presenter] };
const wideLayout = { casterId: CASTER, layoutName: "Wide", layoutType: "common", commonConfig: { channelId: "RV03" } };

/** Every kind's catalogue. */
export const BAD_INPUTS: Record<string, BadInput[]> = {
  Caster: [],
  CasterVideoResource: [],
  CasterEpisodeGroup: [],
  CasterLayout: [
    { description: "no video layers", args: { casterId: CASTER, videoLayers: [] }, property: "videoLayers" },
    { description: "video layers as one object", args: { casterId: CASTER, videoLayers: layer }, property: "videoLayers" },
    { description: "a layer at location RV00", args: { ...layout, videoLayers: [{ ...layer, locationId: "RV00" }] }, property: "videoLayers" },
    { description: "a layer wider than the screen", args: { ...layout, videoLayers: [{ ...layer, widthNormalized: 1.5 }] }, property: "videoLayers" },
    { description: "a fit layer of height 0", args: { ...layout, videoLayers: [{ ...layer, fillMode: "fit", heightNormalized: 0 }] }, property: "videoLayers" },
    { description: "a layer placed off the screen", args: { ...layout, videoLayers: [{ ...layer, position: [1.5, 0] }] }, property: "videoLayers" },
    { description: "a position of one number", args: { ...layout, videoLayers: [{ ...layer, position: [0.5] }] }, property: "videoLayers" },
    { description: "an anchor that does not exist", args: { ...layout, videoLayers: [{ ...layer, anchor: "middle" }] }, property: "videoLayers" },
    { description: "a fill mode that does not exist", args: { ...layout, videoLayers: [{ ...layer, fillMode: "stretch" }] }, property: "videoLayers" },
    { description: "a layer delay of 5001 ms", args: { ...layout, videoLayers: [{ ...layer, fixedDelayDuration: 5001 }] }, property: "videoLayers" },
    { description: "a volume of 11", args: { ...layout, audioLayers: [{ locationId: "RV01", volumeRate: 11 }] }, property: "audioLayers" },
    { description: "an audio channel that does not exist", args: { ...layout, audioLayers: [{ locationId: "RV01", validChannel: "center" }] }, property: "audioLayers" },
    { description: "no audio layers at all", args: { ...layout, audioLayers: [] }, property: "audioLayers" },
    { description: "a layer listed twice", args: { ...layout, videoLayers: [layer, layer] }, property: "videoLayers" },
    { description: "a misspelt layer field", args: { ...layout, videoLayers: [{ ...layer, width: 1 }] }, property: "videoLayers" },
    { description: "a misspelt layout property", args: { ...layout, videolayers: [] }, property: "videolayers" },
    { description: "a layout without a studio", args: { ...layout, casterId: undefined }, property: "casterId" },
  ],
  CasterComponent: [
    { description: "component position RC00", args: { ...component, locationId: "RC00" }, property: "locationId" },
    { description: "component position as a source position", args: { ...component, locationId: "RV01" }, property: "locationId" },
    { description: "a component type that does not exist", args: { ...component, componentType: "video" }, property: "componentType" },
    { description: "a text component without its text", args: { ...component, text: undefined }, property: "text" },
    { description: "an image component without its image", args: { ...component, componentType: "image", text: undefined }, property: "image" },
    { description: "a text of 0 characters", args: { ...component, text: { text: "" } }, property: "text" },
    { description: "a text colour in words", args: { ...component, text: { text: "News", color: "red" } }, property: "text" },
    { description: "a text size of 2", args: { ...component, text: { text: "News", sizeNormalized: 2 } }, property: "text" },
    { description: "a component wider than the screen", args: { ...component, geometry: { ...component.geometry, widthNormalized: 1.2 } }, property: "geometry" },
    { description: "a component without geometry", args: { ...component, geometry: undefined }, property: "geometry" },
    { description: "an effect that does not exist", args: { ...component, effect: "spin" }, property: "effect" },
    { description: "a layer order that does not exist", args: { ...component, layerOrder: "middle" }, property: "layerOrder" },
    { description: "a caption in a language that does not exist", args: { ...component, componentType: "caption", text: undefined, caption: { sourceLocationId: "RV01", sourceLanguage: "xx" } }, property: "caption" },
    { description: "a misspelt component property", args: { ...component, colour: "0xffffff" }, property: "colour" },
  ],
  CasterSceneBinding: [
    { description: "a scene that does not exist", args: { ...binding, scene: "PREVIEW" }, property: "scene" },
    { description: "a scene in lower case", args: { ...binding, scene: "pgm" }, property: "scene" },
    { description: "an empty layout ID", args: { ...binding, layoutId: "" }, property: "layoutId" },
    { description: "a component position where an ID belongs", args: { ...binding, componentIds: ["RC07"] }, property: "componentIds" },
    { description: "a component listed twice", args: { ...binding, componentIds: ["c1-id", "c1-id"] }, property: "componentIds" },
    { description: "components as one string", args: { ...binding, componentIds: "c1-id" }, property: "componentIds" },
    { description: "a misspelt scene binding property", args: { ...binding, layout: "x" }, property: "layout" },
  ],
  CasterEpisode: [
    { description: "an episode ending before it starts", args: { ...episode, endTime: "2031-12-24T19:00:00+08:00" }, property: "endTime" },
    { description: "an episode in the past", args: { ...episode, startTime: "2020-12-24T20:00:00+08:00", endTime: "2020-12-24T21:00:00+08:00" }, property: "startTime" },
    { description: "an episode start in words", args: { ...episode, startTime: "tonight" }, property: "startTime" },
    { description: "an episode start without a zone", args: { ...episode, startTime: "2031-12-24T20:00:00" }, property: "startTime" },
    { description: "an episode with neither source nor components", args: { ...episode, locationId: undefined }, property: "componentIds" },
    { description: "an episode at source position RV00", args: { ...episode, locationId: "RV00" }, property: "locationId" },
    { description: "an episode with a source position and a source ID", args: { ...episode, resourceId: "r1-id" }, property: "resourceId" },
    { description: "a component position where an ID belongs (episode)", args: { ...episode, componentIds: ["RC07"] }, property: "componentIds" },
    { description: "a switch type that does not exist", args: { ...episode, switchType: "fade" }, property: "switchType" },
    { description: "an episode type that does not exist", args: { ...episode, episodeType: "Live" }, property: "episodeType" },
    { description: "an episode name of 129 characters", args: { ...episode, episodeName: "n".repeat(129) }, property: "episodeName" },
    { description: "a misspelt episode property", args: { ...episode, start: "2031-12-24T20:00:00+08:00" }, property: "start" },
  ],
  CasterChannel: [
    { description: "channel RV13", args: { ...channel, channelId: "RV13" }, property: "channelId" },
    { description: "channel RV00", args: { ...channel, channelId: "RV00" }, property: "channelId" },
    { description: "a channel with one digit", args: { ...channel, channelId: "RV1" }, property: "channelId" },
    { description: "a component position as a channel", args: { ...channel, channelId: "RC01" }, property: "channelId" },
    { description: "a channel without its source", args: { ...channel, resourceId: undefined }, property: "resourceId" },
    { description: "a source ID with spaces", args: { ...channel, resourceId: "main camera" }, property: "resourceId" },
    { description: "face retouching 5", args: { ...channel, faceBeauty: "5" }, property: "faceBeauty" },
    { description: "a play status that does not exist", args: { ...channel, playStatus: "stop" }, property: "playStatus" },
    { description: "a negative seek offset", args: { ...channel, seekOffset: -1 }, property: "seekOffset" },
    { description: "a seek offset in fractions", args: { ...channel, seekOffset: 1.5 }, property: "seekOffset" },
    { description: "a misspelt channel property", args: { ...channel, channel: "RV01" }, property: "channel" },
  ],
  CasterShowList: [
    { description: "a show list of no shows", args: { casterId: CASTER, shows: [] }, property: "shows" },
    { description: "a show with a duration and a repeat", args: { ...showList, shows: [{ ...show, duration: 20, repeatTimes: 2 }] }, property: "shows" },
    { description: "a show with no resource", args: { ...showList, shows: [{ showName: "Opening", resourceType: "vod" }] }, property: "shows" },
    { description: "a show with a URL and an ID", args: { ...showList, shows: [{ ...show, resourceId: "media1" }] }, property: "shows" },
    { description: "a show type that does not exist", args: { ...showList, shows: [{ ...show, resourceType: "podcast" }] }, property: "shows" },
    { description: "two shows of one name", args: { ...showList, shows: [show, show] }, property: "shows" },
    { description: "a show of duration 0", args: { ...showList, shows: [{ ...show, duration: 0 }] }, property: "shows" },
    { description: "a list repeat of -2", args: { ...showList, repeatTimes: -2 }, property: "repeatTimes" },
    { description: "a high-priority show not in the list", args: { ...showList, highPriorityShow: "Closing" }, property: "highPriorityShow" },
    { description: "a background with no resource", args: { ...showList, background: { resourceType: "vod" } }, property: "background" },
    { description: "a misspelt show list property", args: { ...showList, repeat: 2 }, property: "repeat" },
  ],
  CasterPlaylist: [
    { description: "a playlist of no items", args: { casterId: CASTER, items: [] }, property: "items" },
    { description: "a playlist repeat of -2", args: { ...playlist, repeatNumber: -2 }, property: "repeatNumber" },
    { description: "a playlist repeat in fractions", args: { ...playlist, repeatNumber: 1.5 }, property: "repeatNumber" },
    { description: "a playlist repeat as text", args: { ...playlist, repeatNumber: "forever" }, property: "repeatNumber" },
    { description: "two playlist items of one name", args: { ...playlist, items: [playlistItem, { ...playlistItem, mediaId: "e7411c0b-dd98-4c61-a545-f8bfba6c1234" }] }, property: "items" },
    { description: "a playlist item by URL, not a media ID", args: { ...playlist, items: [{ ...playlistItem, mediaId: "https://media.example.com/opening.mp4" }] }, property: "items" },
    { description: "a playlist item of another resource type", args: { ...playlist, items: [{ ...playlistItem, resourceType: "live" }] }, property: "items" },
    { description: "a playlist item without a name", args: { ...playlist, items: [{ mediaId: playlistItem.mediaId }] }, property: "items" },
    { description: "a playlist item name of 129 characters", args: { ...playlist, items: [{ ...playlistItem, itemName: "n".repeat(129) }] }, property: "items" },
    { description: "items as one object", args: { ...playlist, items: playlistItem }, property: "items" },
    { description: "a playlist name on two lines", args: { ...playlist, programName: "Night\nloop" }, property: "programName" },
    { description: "a playlist without a studio", args: { ...playlist, casterId: undefined }, property: "casterId" },
    { description: "a misspelt playlist property", args: { ...playlist, repeat: 2 }, property: "repeat" },
  ],
  CasterStudioLayout: [
    { description: "a studio layout type that does not exist", args: { ...deskLayout, layoutType: "virtual" }, property: "layoutType" },
    { description: "a studio layout without its background", args: { ...deskLayout, background: undefined }, property: "background" },
    { description: "a studio layout without presenters", args: { ...deskLayout, chromaKeyInputs: undefined }, property: "chromaKeyInputs" },
    { description: "a studio layout of no presenters", args: { ...deskLayout, chromaKeyInputs: [] }, property: "chromaKeyInputs" },
    { description: "a common layout without its channel", args: { ...wideLayout, commonConfig: undefined }, property: "commonConfig" },
    { description: "a common layout with media inputs", args: { ...wideLayout, mediaInputs: [clip] }, property: "mediaInputs" },
    { description: "a common layout on channel RV13", args: { ...wideLayout, commonConfig: { channelId: "RV13" } }, property: "commonConfig" },
    { description: "a presenter on channel RV1", args: { ...deskLayout, chromaKeyInputs: [{ ...presenter, channelId: "RV1" }] }, property: "chromaKeyInputs" },
    { description: "a key colour that does not exist", args: { ...deskLayout, chromaKeyInputs: [{ ...presenter, color: "red" }] }, property: "chromaKeyInputs" },
    { description: "a presenter placed off the set", args: { ...deskLayout, chromaKeyInputs: [{ ...presenter, positionX: 1.2 }] }, property: "chromaKeyInputs" },
    { description: "a portrait type of 2", args: { ...deskLayout, chromaKeyInputs: [{ ...presenter, portraitType: 2 }] }, property: "chromaKeyInputs" },
    { description: "a background of an image and a source", args: { ...deskLayout, background: { materialId: "f080575eb5f4427684fc0715159a1234", locationId: "RV02" } }, property: "background" },
    { description: "a background with nothing to show", args: { ...deskLayout, background: { id: "set" } }, property: "background" },
    { description: "a media input of a channel and an image", args: { ...deskLayout, mediaInputs: [{ ...clip, imageMaterialId: "f080575eb5f4427684fc0715159a1234" }] }, property: "mediaInputs" },
    { description: "a media input wider than the set", args: { ...deskLayout, mediaInputs: [{ ...clip, widthNormalized: 1.5 }] }, property: "mediaInputs" },
    { description: "a media fill mode that does not exist", args: { ...deskLayout, mediaInputs: [{ ...clip, fillMode: "stretch" }] }, property: "mediaInputs" },
    { description: "a layer order naming an undeclared media input", args: { ...deskLayout, mediaInputs: [clip], layerOrder: [{ type: "media", id: "logo" }] }, property: "layerOrder" },
    { description: "a layer of a type that does not exist", args: { ...deskLayout, layerOrder: [{ type: "presenter", id: "set" }] }, property: "layerOrder" },
    { description: "a background and a media input of one id", args: { ...deskLayout, mediaInputs: [{ ...clip, id: "set" }] }, property: "mediaInputs" },
    { description: "a studio layout name of 129 characters", args: { ...deskLayout, layoutName: "n".repeat(129) }, property: "layoutName" },
    { description: "a studio layout name on two lines", args: { ...deskLayout, layoutName: "News\ndesk" }, property: "layoutName" },
    { description: "a studio layout without a studio", args: { ...deskLayout, casterId: undefined }, property: "casterId" },
    { description: "a studio layout import ID of another studio", args: { ...deskLayout, importId: "LIVEPRODUCER_POST-cn-other:445409ec-7eaa-461d-8f29-4bec2eb91234" }, property: "importId" },
    { description: "a misspelt studio layout property", args: { ...deskLayout, layerorder: [] }, property: "layerorder" },
  ],
};

for (const [description, key, args, property] of FIRST_CASES) BAD_INPUTS[KIND_OF_KEY[key]].push({ description, args, property });
