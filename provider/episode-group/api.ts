import { itemsOf, Listed, ListItem, LiveClient, ReplyOf } from "../client/live-client";
import { EpisodeGroupInputs } from "../../model/kinds/caster-episode-group";

/** What the provider stores for an episode group. */
export interface EpisodeGroupOutputs extends EpisodeGroupInputs {
  /** The API's ProgramId: the group's ID. */
  programId: string;
  /** The API's ItemIds, in item order. */
  itemIds: string[];
  clientToken: string;
  domainName: string;
  callbackUrl: string;
  sideOutputUrl: string;
  repeatNum: 0 | -1;
  /**
   * Whether the studio's DescribeCasterProgram listed the group's items right after it was
   * created. Only then does their absence later mean the group is gone.
   */
  listedInProgram: boolean;
}

/** What a group takes from its studio's DescribeCasterConfig. */
export type StudioConfig = Pick<ReplyOf<"DescribeCasterConfig">, "DomainName" | "CallbackUrl" | "SideOutputUrl">;

const PROGRAM_PAGE_SIZE = 100;


export async function describeStudioConfig(client: LiveClient, casterId: string, regionId?: string): Promise<StudioConfig> {
  return client.call("DescribeCasterConfig", { CasterId: casterId, RegionId: regionId });
}

/** Every EpisodeId of the studio's program, page by page. */
export async function programEpisodeIds(client: LiveClient, casterId: string, regionId?: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let pageNum = 1; ; pageNum++) {
    const page = await client.call("DescribeCasterProgram", {
      CasterId: casterId,
      PageNum: pageNum,
      PageSize: PROGRAM_PAGE_SIZE,
      RegionId: regionId,
    });
    const episodes = itemsOf(page.Episodes?.Episode, "EpisodeId");
    for (const episode of episodes) ids.add(episode.EpisodeId);
    if (episodes.length < PROGRAM_PAGE_SIZE || (page.Total !== undefined && pageNum * PROGRAM_PAGE_SIZE >= page.Total)) return ids;
  }
}

/** One entry of a studio's program, as far as adopting a group needs it. */
export type ProgramEntry = Pick<
  Listed<ListItem<ReplyOf<"DescribeCasterProgram">["Episodes"], "Episode">, "EpisodeId">,
  "EpisodeId" | "EpisodeName" | "StartTime" | "EndTime"
>;

/** Every entry of the studio's program (its episodes and its groups' items), page by page, in the order listed. */
export async function programEntries(client: LiveClient, casterId: string, regionId?: string): Promise<ProgramEntry[]> {
  const entries: ProgramEntry[] = [];
  for (let pageNum = 1; ; pageNum++) {
    const page = await client.call("DescribeCasterProgram", {
      CasterId: casterId,
      PageNum: pageNum,
      PageSize: PROGRAM_PAGE_SIZE,
      RegionId: regionId,
    });
    const episodes = itemsOf(page.Episodes?.Episode, "EpisodeId");
    entries.push(...episodes);
    if (episodes.length < PROGRAM_PAGE_SIZE || (page.Total !== undefined && pageNum * PROGRAM_PAGE_SIZE >= page.Total)) return entries;
  }
}
