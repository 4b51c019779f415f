import { createHash } from "node:crypto";
import { errors } from "../errors";
import { newResourceId } from "./ids";
import { AccountState, CasterRecord, EpisodeGroupRecord } from "./state";
import { isHttpFile } from "./urls";
import { API_TIME_PATTERN as START_TIME_PATTERN, MAX_CLIENT_TOKEN_LENGTH, MAX_EPISODE_ITEMS as MAX_ITEMS, VOD_FILE_EXTENSIONS } from "../../model/api-facts";

export interface EpisodeGroupInput {
  clientToken: string;
  domainName: string;
  callbackUrl: string;
  sideOutputUrl: string;
  startTime: string;
  repeatNum: number;
  items: { itemName?: string; vodUrl?: string }[];
}


/**
 * Adds a carousel playlist, idempotently: the same ClientToken with the same parameters gives
 * back the same ProgramId and ItemIds and adds nothing; with other parameters it is an error.
 * The token is held for as long as its group exists.
 */
export function addEpisodeGroup(account: AccountState, input: EpisodeGroupInput): EpisodeGroupRecord {
  validate(input);
  const fingerprint = createHash("sha256").update(JSON.stringify({ ...input, clientToken: undefined })).digest("hex");
  const earlier = account.episodeGroupClientTokens[input.clientToken];
  if (earlier) {
    if (earlier.fingerprint !== fingerprint) throw errors.idempotentParameterMismatch(input.clientToken);
    return account.episodeGroups[earlier.programId];
  }

  const programId = newResourceId().toUpperCase();
  const group: EpisodeGroupRecord = {
    programId,
    domainName: input.domainName,
    callbackUrl: input.callbackUrl,
    sideOutputUrl: input.sideOutputUrl,
    startTime: input.startTime,
    repeatNum: input.repeatNum,
    items: input.items.map((item) => ({ itemId: newResourceId(), itemName: item.itemName ?? "", vodUrl: item.vodUrl ?? "" })),
  };
  account.episodeGroups[programId] = group;
  account.episodeGroupClientTokens[input.clientToken] = { programId, fingerprint };
  return group;
}

/** Deleting a group releases its ClientToken (an assumption: see LIMITATIONS). */
export function deleteEpisodeGroup(account: AccountState, programId: string): void {
  if (!account.episodeGroups[programId]) throw errors.programNotFound(programId);
  delete account.episodeGroups[programId];
  for (const [token, entry] of Object.entries(account.episodeGroupClientTokens)) {
    if (entry.programId === programId) delete account.episodeGroupClientTokens[token];
  }
}

/** A studio's program: the items of every episode group on the studio's main domain. */
export function studioEpisodeGroups(account: AccountState, caster: CasterRecord): EpisodeGroupRecord[] {
  return Object.values(account.episodeGroups).filter((group) => group.domainName === caster.config.domainName);
}

function validate(input: EpisodeGroupInput): void {
  if (input.clientToken.length > MAX_CLIENT_TOKEN_LENGTH || !/^[\x20-\x7e]+$/.test(input.clientToken)) {
    throw errors.invalidParameter(`ClientToken must be at most ${MAX_CLIENT_TOKEN_LENGTH} ASCII characters, got ${input.clientToken.length}`);
  }
  if (!START_TIME_PATTERN.test(input.startTime) || Number.isNaN(Date.parse(input.startTime))) {
    throw errors.invalidParameter(`StartTime ${JSON.stringify(input.startTime)} must be UTC in the form yyyy-MM-ddTHH:mm:ssZ`);
  }
  if (input.repeatNum !== 0 && input.repeatNum !== -1) {
    throw errors.invalidParameter(`RepeatNum ${input.repeatNum} must be 0 (play once) or -1 (loop)`);
  }
  if (input.items.length === 0) throw errors.missingParameter("An episode group needs at least one Item.N.VodUrl");
  if (input.items.length > MAX_ITEMS) {
    throw errors.invalidParameter(`An episode group takes at most ${MAX_ITEMS} items (Item.1 to Item.${MAX_ITEMS}), got ${input.items.length}`);
  }
  input.items.forEach((item, index) => {
    const vodUrl = item.vodUrl;
    if (vodUrl === undefined) throw errors.missingParameter(`Item.${index + 1}.VodUrl is required`);
    if (!isHttpFile(vodUrl, VOD_FILE_EXTENSIONS)) throw errors.vodUrlMalformed(vodUrl);
  });
}
