import { LiveApiError } from "../client/errors";
import { itemsOf, LiveClient } from "../client/live-client";
import { CasterOutputs, describeSceneList, readStudio } from "../caster/provider";
import { ApiComponent } from "../component/provider";
import { ApiEpisode } from "../episode/provider";
import { ApiLayout } from "../layout/provider";
import { ApiScene } from "../scene/provider";
import { ApiVideoResource, describeVideoResources } from "../video-resource/api";

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
}

/** The studio does not exist where the settings point (DescribeCasters does not list it, or InvalidCaster.NotFound). */
export class StudioNotFound extends Error {
  constructor(readonly casterId: string) {
    super(`studio ${casterId} does not exist`);
  }
}

const PROGRAM_PAGE_SIZE = 100;

/** Reads everything a studio file can say about a studio, with the Describe operations only. */
export async function readStudioForExport(client: LiveClient, casterId: string): Promise<StudioReading> {
  try {
    // The studio's scenes are listed once: for its PVW and PGM IDs, and for what each shows.
    let scenes: ApiScene[] = [];
    const studio = await readStudio(client, casterId, {}, async (...args) => (scenes = await describeSceneList(...args)));
    if (!studio) throw new StudioNotFound(casterId);
    const sources = await describeVideoResources(client, casterId);
    const layouts = itemsOf((await client.call("DescribeCasterLayouts", { CasterId: casterId })).Layouts?.Layout, "LayoutId");
    const components = itemsOf((await client.call("DescribeCasterComponents", { CasterId: casterId })).Components?.Component, "ComponentId");
    return { casterId, studio, sources, layouts, components, scenes, program: await describeProgram(client, casterId) };
  } catch (error) {
    // Deleted between two calls: as gone as one never listed.
    if (error instanceof LiveApiError && error.code === "InvalidCaster.NotFound") throw new StudioNotFound(casterId);
    throw error;
  }
}

async function describeProgram(client: LiveClient, casterId: string): Promise<StudioReading["program"]> {
  const episodes: StudioReading["program"] = [];
  for (let pageNum = 1; ; pageNum++) {
    const page = await client.call("DescribeCasterProgram", {
      CasterId: casterId, PageNum: pageNum, PageSize: PROGRAM_PAGE_SIZE,
    });
    const items = itemsOf(page.Episodes?.Episode, "EpisodeId");
    episodes.push(...items);
    if (items.length < PROGRAM_PAGE_SIZE || pageNum * PROGRAM_PAGE_SIZE >= (page.Total ?? 0)) return episodes;
  }
}
