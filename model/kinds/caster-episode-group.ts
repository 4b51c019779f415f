import { z } from "zod";
import { CrossFieldRule } from "../../common/check";
import { DOMAIN_NAME_PATTERN, MAX_CLIENT_TOKEN_LENGTH, MAX_EPISODE_ITEMS, MAX_ITEM_NAME_LENGTH } from "../api-facts";
import { ISO_TIME_WITH_ZONE, isoTimeFieldProblem } from "../fields/iso-time";
import { clientTokenSchema, clientTokenScopeField } from "../fields/client-token";
import { importIdField } from "../fields/import-id";
import { nameSchema } from "../fields/name";
import { urlSchema } from "../fields/url";
import { casterIdSchema, vodUrlSchema } from "./caster-video-resource";
import { connectionField } from "../fields/connection";
import { KindSpec, schemasOf } from "./kind";

/** A scheduled carousel playlist of files (AddCasterEpisodeGroup). The API cannot modify one: every change replaces it. */

function tooManyItems(items: unknown): string {
  const count = Array.isArray(items) ? items.length : "more";
  return `${count} items are more than the ${MAX_EPISODE_ITEMS} a group takes; use at most ${MAX_EPISODE_ITEMS}, and split a longer schedule into groups that each start when the one before ends.`;
}

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
  vodUrl: vodUrlSchema,
}, {
  error: (issue) => issue.code === "unrecognized_keys"
    ? `an item has only itemName and vodUrl; remove ${issue.keys.join(", ")}.`
    : "each item is an object { itemName, vodUrl }.",
});

const fields = {
  casterId: {
    schema: casterIdSchema.optional().describe("the production studio's ID"),
    doc: "The production studio. When given, `domainName`, `callbackUrl` and `sideOutputUrl` default to its DescribeCasterConfig values (as the API page advises), and refresh can tell whether the group still exists.",
    default: "none: then `domainName` and `callbackUrl` are required",
    onChange: "replace",
    api: "CasterId",
  },
  domainName: {
    schema: z
      .string()
      .regex(DOMAIN_NAME_PATTERN, { error: "use the studio's main streaming domain, e.g. live.example.com." })
      .optional()
      .describe("the studio's main streaming domain, e.g. live.example.com"),
    doc: "The studio's main streaming domain, e.g. `live.example.com`.",
    default: "the studio's DomainName (needs casterId)",
    onChange: "replace",
    api: "DomainName",
    whenOmitted: "not compared",
  },
  callbackUrl: {
    schema: urlSchema(["http:", "https:"], "use an http(s) URL.").optional().describe("the callback URL"),
    doc: "The callback URL for playback events. Stored as a secret (the studio's may be signed).",
    default: "the studio's CallbackUrl (needs casterId)",
    onChange: "replace",
    api: "CallbackUrl",
    whenOmitted: "not compared",
    secretWhenSigned: true,
  },
  sideOutputUrl: {
    schema: urlSchema(["rtmp:", "rtmps:", "http:", "https:", "srt:"], "use an rtmp(s), http(s) or srt URL, or leave it out for the studio's own.").optional()
      .describe("a custom output URL"),
    doc: "A custom output (relay) URL. Stored as a secret (the studio's may be signed).",
    default: "the studio's SideOutputUrl, else empty: the API then uses the studio's own output address",
    onChange: "replace",
    api: "SideOutputUrl",
    whenOmitted: "not compared",
    secretWhenSigned: true,
  },
  startTime: {
    schema: startTimeSchema,
    doc: "When the list starts: an ISO 8601 time with its zone (`2026-12-24T20:00:00Z`, `2026-12-25T04:00:00+08:00`) whose date and time exist (no February 30, no 24:00), or a Date. Sent as UTC to the second. A time in the past is allowed (the list starts at once) and gives a warning.",
    onChange: "replace",
    api: "StartTime",
    sdkType: "string | Date",
  },
  repeatNum: {
    schema: z.union([z.literal(0), z.literal(-1)], { error: "use 0 to play the list once or -1 to loop it." }).optional()
      .describe("0 plays the list once, -1 loops it"),
    doc: "0 plays the list once, -1 loops it.",
    default: "0",
    onChange: "replace",
    api: "RepeatNum",
    whenOmitted: 0,
  },
  items: {
    schema: z.array(episodeItemSchema, { error: "give a list of { itemName, vodUrl }." })
      .min(1, { error: "give at least one item { itemName, vodUrl }." })
      .max(MAX_EPISODE_ITEMS, { error: (issue) => tooManyItems(issue.input) })
      .describe(`the episodes in playing order, a list of 1 to ${MAX_EPISODE_ITEMS} { itemName, vodUrl }`),
    doc: `The episodes in playing order, 1 to ${MAX_EPISODE_ITEMS} \`{ itemName, vodUrl }\` (item names follow a source name's rules; MP4, FLV or TS files). The API documents no limit; ${MAX_EPISODE_ITEMS} is this package's: for a longer schedule, add groups that start when the previous one ends. A signed URL, or one with a password, makes the list a secret.`,
    onChange: "replace",
    api: "Item",
    itemApi: { itemName: "ItemName", vodUrl: "VodUrl" },
    sdkType: "pulumi.Input<EpisodeItemArgs>[]",
  },
  regionId: {
    schema: z.string().regex(/^[a-z]{2}(-[a-z0-9]+)+$/, { error: "use a region ID such as cn-shanghai." }).optional()
      .describe("the region of the API calls, e.g. cn-shanghai"),
    doc: "The region of the API calls.",
    default: "the provider's region (`alicloud:region`, else cn-shanghai)",
    onChange: "replace",
    api: "RegionId",
  },
  clientToken: {
    schema: clientTokenSchema,
    doc: `The ClientToken that makes the creation idempotent, printable ASCII, at most ${MAX_CLIENT_TOKEN_LENGTH} characters. Used only when the group is created.`,
    default: "derived from the project, stack, resource name and the inputs above, so that a retry after a lost reply gets the same program, not a second one, and `caster-recover` finds what an interrupted `pulumi up` made",
    onChange: "ignore",
    api: "ClientToken",
  },
  clientTokenScope: clientTokenScopeField,
  importId: importIdField({
    noun: "episode group",
    form: "<programId>",
    example: "5D3E8A1B-7C2F-4E6D-9A0B-1C2D3E4F1234",
    withStudio: false,
    foundWith: "AddCasterEpisodeGroup's reply, or the console",
    adopting: "The API has no call that describes a group by its ProgramId, nor one that modifies it: the group is taken over as declared, and nothing is compared or sent (declare its start, repeat and items as they are: a later change replaces it). When `casterId` is given and the studio's program lists the declared items at the declared start, their ItemIds are recorded, so that refresh can later tell that it is gone; otherwise refresh keeps it.",
    default: "none: a new episode group is added",
  }),
  connection: connectionField,
} as const;

type Fields = typeof fields;
export type EpisodeGroupInputs = z.infer<z.ZodObject<{ -readonly [K in keyof Fields]: Fields[K]["schema"] }>>;
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

export const casterEpisodeGroup: KindSpec<Fields> = {
  type: "CasterEpisodeGroup",
  noun: "episode group",
  provider: "episodes",
  doc: "A scheduled carousel playlist of VOD files on a production studio (AddCasterEpisodeGroup). The API cannot modify a group: changing any property replaces it (the old program is deleted first, then the new one is added).",
  fields,
  outputs: {
    programId: { doc: "The API's ProgramId: the group's ID.", sdkType: "string", api: "ProgramId" },
    itemIds: { doc: "The API's ItemIds, in item order.", sdkType: "string[]" },
    listedInProgram: { doc: "Whether the studio listed the items after creation; refresh relies on it (see the page of CasterEpisodeGroup, docs/resources/caster-episode-group.md).", sdkType: "boolean" },
  },
  operations: {
    create: "AddCasterEpisodeGroup",
    read: "DescribeCasterProgram",
    delete: "DeleteCasterEpisodeGroup",
  },
  id: ["programId"],
  goneCodes: ["InvalidProgram.NotFound", "InvalidProgramId.NotFound"],
  // The old group goes first, so that its ClientToken is free if the same inputs come back.
  deleteBeforeReplace: true,
  rules: [domainFromStudioOrGiven],
  studioFile: { section: "episodeGroups", doc: "a map from a name to a playlist" },
};

/** The properties that decide what the API creates: every compared one. */
export const CREATE_PROPERTIES = (Object.keys(fields) as (keyof Fields)[]).filter((name) => fields[name].onChange !== "ignore");

/** Each property's zod schema, and the rules across them: what checkInputs takes. */
export const episodeGroupFields = schemasOf(casterEpisodeGroup);
export const episodeGroupSpec = { fields: episodeGroupFields, rules: casterEpisodeGroup.rules };
