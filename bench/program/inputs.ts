import type {
  CasterArgs, CasterChannelArgs, CasterComponentArgs, CasterEpisodeArgs, CasterEpisodeGroupArgs, CasterLayoutArgs, CasterPlaylistArgs, CasterSceneBindingArgs, CasterShowListArgs, CasterStudioLayoutArgs,
} from "pulumi-alicloud-caster";

/**
 * What the benchmark creates, the same whether the provider is called in-process or the program
 * declares it for `pulumi up`. Each resource is distinct: a layout, component or episode equal to
 * another would be taken for it by the lookup that stands in for a lost reply.
 */

/** Image sources RV01.. in one studio (`studio` numbers them apart across studios). */
export function sourceInputs(casterId: string, count: number, studio = 0): { casterId: string; resourceName: string; locationId: string; imageUrl: string }[] {
  return Array.from({ length: count }, (_, i) => ({
    casterId,
    resourceName: `Studio ${studio} source ${i + 1}`,
    locationId: `RV${String(i + 1).padStart(2, "0")}`,
    imageUrl: `https://media.example.com/stills/${studio}/${i + 1}.png`,
  }));
}

/** Studios created, configured and started: StartCaster needs a domain. */
export function studioInputs(count: number): CasterArgs[] {
  return Array.from({ length: count }, (_, i) => ({
    casterName: `Bench studio ${i + 1}`,
    normType: 1,
    casterTemplate: "lp_sd",
    domainName: "live.example.com",
    delaySeconds: 3,
    running: true,
  }));
}

/** Layouts over the sources RV01 (full screen) and RV02 (inset, placed and sized apart for each). */
export function layoutInputs(casterId: string, count: number): CasterLayoutArgs[] {
  return Array.from({ length: count }, (_, i) => {
    const inset = ((i + 1) % 90) / 100;
    return {
      casterId,
      videoLayers: [
        { locationId: "RV01", position: [0, 0], widthNormalized: 1, heightNormalized: 1, fillMode: "fit" },
        { locationId: "RV02", position: [inset, inset], widthNormalized: (((i + 1) % 9) + 1) / 10, heightNormalized: 0.3, fillMode: "fit" },
      ],
    };
  });
}

/** A text component at each position RC01.. (at most 99). */
export function componentInputs(casterId: string, count: number): CasterComponentArgs[] {
  return Array.from({ length: count }, (_, i) => ({
    casterId,
    locationId: `RC${String(i + 1).padStart(2, "0")}`,
    componentName: `Lower third ${i + 1}`,
    componentType: "text",
    geometry: { position: [0.05, 0.76], widthNormalized: 0.55, heightNormalized: 0.1 },
    text: { text: `Caption ${i + 1}`, color: "0xffffff", sizeNormalized: 0.06 },
  }));
}

/** Episodes of one hour each, back to back, far enough ahead that no start has passed, on the sources RV01–RV04. */
export function episodeInputs(casterId: string, count: number): CasterEpisodeArgs[] {
  const first = Date.parse("2030-06-01T00:00:00Z");
  return Array.from({ length: count }, (_, i) => ({
    casterId,
    episodeName: `Episode ${i + 1}`,
    locationId: `RV0${1 + ((i + 1) % 4)}`,
    startTime: new Date(first + i * 3_600_000).toISOString(),
    endTime: new Date(first + (i + 1) * 3_600_000).toISOString(),
  }));
}

/** Episode groups of one file each, one an hour. */
export function groupInputs(casterId: string, count: number): CasterEpisodeGroupArgs[] {
  return Array.from({ length: count }, (_, i) => ({
    casterId,
    startTime: `2030-06-01T${String(i % 24).padStart(2, "0")}:00:00Z`,
    repeatNum: -1,
    items: [{ itemName: `Group ${i + 1}`, vodUrl: `https://media.example.com/groups/${i + 1}.mp4` }],
  }));
}

/** One show list in each studio, of `shows` files that play once each. */
export function showListInputs(casterIds: string[], shows: number): CasterShowListArgs[] {
  return casterIds.map((casterId, list) => ({
    casterId,
    shows: Array.from({ length: shows }, (_, i) => ({
      showName: `List ${list + 1} show ${i + 1}`,
      resourceType: "vod" as const,
      resourceUrl: `https://media.example.com/shows/${list + 1}/${i + 1}.mp4`,
    })),
  }));
}

/** One playlist in each lightweight carousel studio, of `items` VOD media IDs. */
export function playlistInputs(casterIds: string[], items: number): CasterPlaylistArgs[] {
  return casterIds.map((casterId, list) => ({
    casterId,
    items: Array.from({ length: items }, (_, i) => ({ itemName: `List ${list + 1} item ${i + 1}`, mediaId: `5f8809f2335243d1fa8f786f9429f${String(list * 100 + i).padStart(3, "0")}` })),
  }));
}

/** `count` studio layouts in a virtual studio, each one channel full screen (a common layout), by name. */
export function studioLayoutInputs(casterId: string, count: number): CasterStudioLayoutArgs[] {
  return Array.from({ length: count }, (_, i) => ({
    casterId, layoutName: `Layout ${i + 1}`, layoutType: "common" as const, commonConfig: { channelId: `RV${String((i % 12) + 1).padStart(2, "0")}` },
  }));
}

/** A channel-mode studio's channels RV01.. in order, each playing one of its sources. */
export function channelInputs(casterId: string, resourceIds: string[]): CasterChannelArgs[] {
  return resourceIds.map((resourceId, i) => ({ casterId, channelId: `RV${String(i + 1).padStart(2, "0")}`, resourceId }));
}

/** A running studio's two scenes, PVW and PGM, each showing the studio's layout. */
export function sceneBindingInputs(casterId: string, layoutId: string): CasterSceneBindingArgs[] {
  return (["PVW", "PGM"] as const).map((scene) => ({ casterId, scene, layoutId }));
}
