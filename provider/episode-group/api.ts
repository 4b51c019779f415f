import { LiveClient, ReplyOf } from "../client/live-client";
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

export async function describeStudioConfig(client: LiveClient, casterId: string, regionId?: string): Promise<StudioConfig> {
  return client.call("DescribeCasterConfig", { CasterId: casterId, RegionId: regionId });
}
