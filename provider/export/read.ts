import { LiveClient } from "../client/live-client";
import { CasterOutputs, readStudio } from "../caster/provider";
import { ApiChannel, channels } from "../channel/provider";
import { ApiComponent, components } from "../component/provider";
import { ApiEpisode, episodes } from "../episode/provider";
import { ApiLayout, layouts } from "../layout/provider";
import { ApiScene, scenes as sceneListing } from "../scene/provider";
import { ApiList, describeShowList } from "../show-list/provider";
import { ApiPlaylistState, describeStudioPlaylist } from "../playlist/provider";
import { ApiStudioLayout, studioLayouts } from "../studio-layout/provider";
import { NORM_TYPE, PLAYLIST_NORM_TYPE } from "../../model/api-facts";
import { unlessStudioGone } from "../shared/studio-listing";
import { ApiVideoResource } from "../video-resource/api";
import { sources } from "../video-resource/provider";

/**
 * One studio as the Live API describes it: each Describe operation's items, unchanged. What they
 * mean in a studio file is the providers' own mappings' business (studio.ts); this only reads.
 */
export interface StudioReading {
  casterId: string;
  /** The studio as the Caster provider reads it back (DescribeCasters and DescribeCasterConfig). */
  studio: CasterOutputs;
  sources: ApiVideoResource[];
  layouts: ApiLayout[];
  components: ApiComponent[];
  /** Empty for a studio that is not started: only StartCaster makes its scenes. */
  scenes: ApiScene[];
  /** The whole program: episodes, and the episode groups' items (no EndTime). */
  program: (ApiEpisode & { Status?: number })[];
  /** The studio's show list; its shows empty when it has none. */
  showList: ApiList;
  /** A channel-mode studio's channels, freed ones (no source) included; none for a studio without channel mode. */
  channels: ApiChannel[];
  /** The studio's playlist (a lightweight carousel studio's); undefined when it has none. */
  playlist?: ApiPlaylistState;
  /** A virtual studio's studio layouts; none for another studio (DescribeStudioLayouts answers it InvalidCaster.NotFound). */
  studioLayouts: ApiStudioLayout[];
}

/** The studio does not exist where the settings point (DescribeCasters does not list it, or InvalidCaster.NotFound). */
export class StudioNotFound extends Error {
  constructor(readonly casterId: string) {
    super(`studio ${casterId} does not exist`);
  }
}

/** Reads everything a studio file can say about a studio, with the Describe operations only. */
export async function readStudioForExport(client: LiveClient, casterId: string): Promise<StudioReading> {
  // Deleted between two calls: as gone as one never listed.
  const reading = await unlessStudioGone(async (): Promise<StudioReading | undefined> => {
    // The studio's scenes are listed once: for its PVW and PGM IDs, and for what each shows.
    let scenes: ApiScene[] = [];
    const studio = await readStudio(client, casterId, {}, { listScenes: async (...args) => (scenes = await sceneListing.describe(...args)) });
    if (!studio) return undefined;
    return {
      casterId,
      studio,
      sources: await sources.describe(client, casterId),
      layouts: await layouts.describe(client, casterId),
      components: await components.describe(client, casterId),
      scenes,
      program: await episodes.describe(client, casterId),
      showList: await describeShowList(client, casterId),
      // Only a channel-mode studio has channels (SetCasterChannel refuses any other): no call for the others.
      channels: studio.channelMode ? await channels.describe(client, casterId) : [],
      // Only a lightweight carousel studio has one; ListPlaylist lists the whole account's.
      playlist: studio.normType === PLAYLIST_NORM_TYPE ? await describeStudioPlaylist(client, casterId) : undefined,
      studioLayouts: studio.normType === NORM_TYPE.virtualStudio ? await studioLayouts.describe(client, casterId) : [],
    };
  });
  if (!reading) throw new StudioNotFound(casterId);
  return reading;
}
