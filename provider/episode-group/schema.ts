import { z } from "zod";
import { CrossFieldRule, InputSpec } from "../shared/check";
import { ISO_TIME_WITH_ZONE, isoTimeFieldProblem } from "../shared/iso-time";
import { nameSchema } from "../shared/name";
import { urlSchema } from "../shared/url";
import { casterIdSchema, VOD_FILE_EXTENSIONS } from "../video-resource/schema";

/** The rules for an episode group's inputs, as data: one zod schema per property, and the rules across them. */

export const MAX_CLIENT_TOKEN_LENGTH = 64;
export const MAX_ITEM_NAME_LENGTH = 128;

/**
 * The most items a group takes: an assumption. The AddCasterEpisodeGroup page documents no limit
 * on Item.N (https://www.alibabacloud.com/help/en/live/developer-reference/api-addcasterepisodegroup),
 * and a list the API refuses for its size fails the create, which no retry cures. So a limit is
 * chosen, well inside what one request carries, and the emulator enforces the same
 * (emulator/README.md, LIMITATIONS):
 * - each item is two parameters (Item.N.ItemName, up to 128 characters, and Item.N.VodUrl); 100
 *   items with file URLs of a typical 100-200 characters make a request of 20-40 KB, and the
 *   official SDKs send every parameter in the URL's query string (docs/live-api.md), where 8-64 KB
 *   is what HTTP servers commonly accept;
 * - 100 episodes are one page of DescribeCasterProgram as this package reads it (api.ts);
 * - a longer schedule is several groups, each starting when the one before ends.
 */
export const MAX_EPISODE_ITEMS = 100;

function tooManyItems(items: unknown): string {
  const count = Array.isArray(items) ? items.length : "more";
  return `${count} items are more than the ${MAX_EPISODE_ITEMS} a group takes; use at most ${MAX_EPISODE_ITEMS}, and split a longer schedule into groups that each start when the one before ends.`;
}

const vodUrl = urlSchema(["http:", "https:"], "use an http(s) URL of an MP4, FLV or TS file (the path must end in .mp4, .flv or .ts).", VOD_FILE_EXTENSIONS);

const START_TIME_RULE = "use an ISO 8601 time with its zone, e.g. 2026-12-24T20:00:00Z or 2026-12-25T04:00:00+08:00 (or pass a Date).";

/**
 * An ISO 8601 time with a zone (Z or ±hh:mm); a time without one would be read differently on
 * every machine. Every field must be in range: Date.parse would roll 2031-02-30 over to March 2
 * and 24:00 to the next day, and the playlist would start on a day nobody wrote.
 */
export const startTimeSchema = z.string().check((ctx) => {
  const value = ctx.value;
  const fieldProblem = isoTimeFieldProblem(value);
  const message = fieldProblem !== undefined
    ? `${fieldProblem}; ${START_TIME_RULE}`
    : ISO_TIME_WITH_ZONE.test(value) && !Number.isNaN(Date.parse(value)) ? undefined : START_TIME_RULE;
  if (message !== undefined) ctx.issues.push({ code: "custom", message, input: value });
}).describe("when the list starts, an ISO 8601 time with its zone, e.g. 2026-12-24T20:00:00Z");

export const episodeItemSchema = z.strictObject({
  itemName: nameSchema("the item a name", MAX_ITEM_NAME_LENGTH),
  vodUrl,
}, {
  error: (issue) => issue.code === "unrecognized_keys"
    ? `an item has only itemName and vodUrl; remove ${issue.keys.join(", ")}.`
    : "each item is an object { itemName, vodUrl }.",
});

export const episodeGroupFields = {
  casterId: casterIdSchema.optional().describe("the production studio's ID"),
  domainName: z
    .string()
    .regex(/^(?=.{1,253}$)([A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,63}$/, { error: "use the studio's main streaming domain, e.g. live.example.com." })
    .optional()
    .describe("the studio's main streaming domain, e.g. live.example.com"),
  callbackUrl: urlSchema(["http:", "https:"], "use an http(s) URL.").optional().describe("the callback URL"),
  sideOutputUrl: urlSchema(["rtmp:", "rtmps:", "http:", "https:", "srt:"], "use an rtmp(s), http(s) or srt URL, or leave it out for the studio's own.").optional()
    .describe("a custom output URL"),
  startTime: startTimeSchema,
  repeatNum: z.union([z.literal(0), z.literal(-1)], { error: "use 0 to play the list once or -1 to loop it." }).optional()
    .describe("0 plays the list once, -1 loops it"),
  items: z.array(episodeItemSchema, { error: "give a list of { itemName, vodUrl }." })
    .min(1, { error: "give at least one item { itemName, vodUrl }." })
    .max(MAX_EPISODE_ITEMS, { error: (issue) => tooManyItems(issue.input) })
    .describe(`the episodes in playing order, a list of 1 to ${MAX_EPISODE_ITEMS} { itemName, vodUrl }`),
  regionId: z.string().regex(/^[a-z]{2}(-[a-z0-9]+)+$/, { error: "use a region ID such as cn-shanghai." }).optional()
    .describe("the region of the API calls, e.g. cn-shanghai"),
  clientToken: z
    .string()
    .regex(/^[\x20-\x7e]+$/, { error: "use printable ASCII only." })
    .max(MAX_CLIENT_TOKEN_LENGTH, { error: `shorten it to at most ${MAX_CLIENT_TOKEN_LENGTH} characters, or leave it out to have one derived.` })
    .optional()
    .describe("the ClientToken of the creation, printable ASCII, at most 64 characters"),
  clientTokenScope: z.string().optional(),
};

const episodeGroupObject = z.object(episodeGroupFields);
export type EpisodeGroupInputs = z.infer<typeof episodeGroupObject>;
export type EpisodeItem = z.infer<typeof episodeItemSchema>;

const domainFromStudioOrGiven: CrossFieldRule<EpisodeGroupInputs> = (known, unknown) => {
  if (known.casterId !== undefined || unknown.has("casterId")) return undefined;
  for (const property of ["domainName", "callbackUrl"] as const) {
    if (known[property] === undefined && !unknown.has(property)) {
      return {
        property,
        reason: `${property} is needed when casterId is not given: set casterId to take the studio's ${property} from DescribeCasterConfig, or set ${property}.`,
      };
    }
  }
  return undefined;
};

export const episodeGroupSpec: InputSpec<EpisodeGroupInputs> = {
  fields: episodeGroupFields,
  rules: [domainFromStudioOrGiven],
};

/** The properties that decide what the API creates; the API cannot modify a group, so any change replaces it. */
export const CREATE_PROPERTIES = [
  "casterId", "domainName", "callbackUrl", "sideOutputUrl", "startTime", "repeatNum", "items", "regionId",
] as const;

/** Properties the studio fills in when they are left out: not compared when left out. */
export const STUDIO_DEFAULTS = new Set(["domainName", "callbackUrl", "sideOutputUrl"]);

/** The API's time format: UTC to the second. */
export function toApiTime(value: string): string {
  return new Date(Date.parse(value)).toISOString().replace(/\.\d{3}Z$/, "Z");
}
