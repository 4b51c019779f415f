import { z } from "zod";
import { CrossFieldRule, describeValue } from "../../common/check";
import { ASSET_ID_PATTERN, MAX_SHOW_NAME_LENGTH, MAX_SHOWS, SHOW_RESOURCE_TYPES, SHOW_START_TIME_PATTERN } from "../api-facts";
import { atMostOneOf, eachItem, exactlyOneOf } from "../rules";
import { importIdField } from "../fields/import-id";
import { nameSchema } from "../fields/name";
import { wholeNumber } from "../fields/numbers";
import { urlSchema } from "../fields/url";
import { casterIdSchema } from "./caster-video-resource";
import { connectionField } from "../fields/connection";
import { KindSpec, schemasOf } from "./kind";

/**
 * A studio's show list (AddShowIntoShowList and its neighbours): the shows a playlist studio plays
 * in turn, each a live stream, a file or an image for a duration or a number of plays, and the
 * list's own settings. One per studio.
 */

const RESOURCE_URL_RULE = "use the resource's URL: rtmp(s), http(s), artc or srt for a live stream, http(s) for a file or an image.";
const resourceUrlSchema = urlSchema(["rtmp:", "rtmps:", "http:", "https:", "artc:", "srt:"], RESOURCE_URL_RULE);
const assetIdSchema = z.string().regex(ASSET_ID_PATTERN, { error: "use the media-library ID of the file or stream, e.g. a2b8e671-2fe5-4642-a2ec-bf93880e1234." });
const repeatTimesSchema = wholeNumber(-1, undefined, "use -1 (forever), 0 (once) or N (N + 1 times).");

export const showSchema = z.strictObject({
  showName: nameSchema("the show a name", MAX_SHOW_NAME_LENGTH),
  resourceType: z.enum(SHOW_RESOURCE_TYPES, { error: "use live (a live stream), vod (a file) or pic (an image)." }),
  resourceUrl: resourceUrlSchema.optional(),
  resourceId: assetIdSchema.optional(),
  liveInputType: wholeNumber(0, undefined, "use a whole number of 0 or more: the API's custom type label.").optional(),
  duration: wholeNumber(1, undefined, "use whole seconds, 1 or more.").optional(),
  repeatTimes: repeatTimesSchema.optional(),
}, {
  error: (issue) => issue.code === "unrecognized_keys"
    ? `a show has showName, resourceType, resourceUrl or resourceId, liveInputType, and duration or repeatTimes; remove ${issue.keys.join(", ")}.`
    : "each show is an object { showName, resourceType, resourceUrl | resourceId, duration | repeatTimes }.",
});
export type Show = z.infer<typeof showSchema>;

export const backgroundSchema = z.strictObject({
  resourceType: z.enum(SHOW_RESOURCE_TYPES, { error: "use live, vod or pic." }).optional(),
  resourceUrl: resourceUrlSchema.optional(),
  materialId: assetIdSchema.optional(),
}, {
  error: (issue) => issue.code === "unrecognized_keys"
    ? `a background has resourceType, and resourceUrl or materialId; remove ${issue.keys.join(", ")}.`
    : "the background is { resourceType?, resourceUrl | materialId }.",
});
export type Background = z.infer<typeof backgroundSchema>;

const fields = {
  casterId: { schema: casterIdSchema, doc: "The production studio's ID (a playlist studio, NormType 6, as the API pages ask).", onChange: "replace", api: "CasterId" },
  shows: {
    schema: z.array(showSchema, { error: "give a list of { showName, resourceType, resourceUrl | resourceId, duration | repeatTimes }." })
      .min(1, { error: "give at least one show; to have none, delete the show list." })
      .max(MAX_SHOWS, { error: `a show list holds at most ${MAX_SHOWS} shows (AddShowIntoShowList); split the rest over another studio.` })
      .describe(`the shows in playing order, 1 to ${MAX_SHOWS} { showName, resourceType, resourceUrl | resourceId, duration | repeatTimes }`),
    doc: `The shows in playing order, 1 to ${MAX_SHOWS}: \`{ showName, resourceType, resourceUrl | resourceId, liveInputType?, duration | repeatTimes }\`. \`resourceType\` is \`live\`, \`vod\` or \`pic\`; a show plays for \`duration\` seconds or \`repeatTimes\` + 1 times (-1 forever; neither: once). Names differ from show to show: a show is known by its name. A show's content cannot be modified: a changed show is removed and added again; a move is one ModifyShowList. A signed URL, or one with a password, makes the list a secret.`,
    onChange: "update",
    sdkType: "pulumi.Input<ShowArgs>[]",
  },
  repeatTimes: {
    schema: repeatTimesSchema.optional().describe("how often the list plays: -1 forever, 0 once, N for N + 1 times"),
    doc: "How often the whole list plays: 0 once, N for N + 1 times, -1 forever.",
    default: "0",
    onChange: "update",
    whenOmitted: 0,
  },
  highPriorityShow: {
    schema: z.string().min(1, { error: "give the showName of one of the shows." }).optional().describe("the showName of the show that interrupts the list at highPriorityShowStartTime"),
    doc: "The show (by its `showName`) that interrupts whatever plays at `highPriorityShowStartTime`. Settable only before the list starts playing. The API cannot unset it: left out, the list keeps what it has.",
    default: "none; left out, what the list has is kept",
    onChange: "update",
    whenOmitted: "not compared",
  },
  highPriorityShowStartTime: {
    schema: z.string().regex(SHOW_START_TIME_PATTERN, { error: "use yyyy-MM-ddTHH:mm:ss, e.g. 2030-12-24T20:00:00 (the API takes no zone)." }).optional()
      .describe("when the high-priority show starts, yyyy-MM-ddTHH:mm:ss"),
    doc: "When the high-priority show starts: `yyyy-MM-ddTHH:mm:ss`, as ModifyShowList takes it (the page gives no zone).",
    default: "none; left out, what the list has is kept",
    onChange: "update",
    whenOmitted: "not compared",
  },
  background: {
    schema: backgroundSchema.optional().describe("what shows behind the list: { resourceType?, resourceUrl | materialId }"),
    doc: "What the list shows behind its shows: `{ resourceType? (live, vod, pic), resourceUrl | materialId }` (SetShowListBackground). Left out, the list has none.",
    default: "none",
    onChange: "update",
  },
  importId: importIdField({
    noun: "show list",
    form: "<casterId>",
    example: "LIVEPRODUCER_POST-cn-0pp1czt1234",
    withStudio: false,
    foundWith: "the studio's ID: a studio has one show list",
    adopting: "Every show the list has is taken over, with the list's settings: shows the program does not declare are removed, missing ones added and the rest moved into order, so a list that already matches is taken over with no call that changes anything. Without it, a list that holds shows of other names is refused, so that nobody's shows are removed unasked.",
    default: "none: the studio's list must hold no show of another name",
  }),
  connection: connectionField,
} as const;

type Fields = typeof fields;
export type ShowListInputs = z.infer<z.ZodObject<{ -readonly [K in keyof Fields]: Fields[K]["schema"] }>>;

const showNamesDiffer: CrossFieldRule<ShowListInputs> = (known) => {
  const shows = known.shows ?? [];
  for (const [index, show] of shows.entries()) {
    const first = shows.findIndex((other) => other.showName === show.showName);
    if (first !== index) {
      return {
        property: "shows",
        path: ["shows", index, "showName"],
        reason: `shows[${index}] and shows[${first}] are both named ${describeValue(show.showName)}: a show is known by its name (that is how a lost reply is found again); rename one.`,
      };
    }
  }
  return undefined;
};

const highPriorityShowIsDeclared: CrossFieldRule<ShowListInputs> = (known, unknown) => {
  if (known.highPriorityShow === undefined || known.shows === undefined || unknown.has("shows")) return undefined;
  if (known.shows.some((show) => show.showName === known.highPriorityShow)) return undefined;
  return {
    property: "highPriorityShow",
    reason: `highPriorityShow ${describeValue(known.highPriorityShow)} is not the showName of any show; use one of ${known.shows.map((show) => describeValue(show.showName)).join(", ")}.`,
  };
};

const priorityNeedsItsTime: CrossFieldRule<ShowListInputs> = (known, unknown) => {
  const show = known.highPriorityShow !== undefined || unknown.has("highPriorityShow");
  const time = known.highPriorityShowStartTime !== undefined || unknown.has("highPriorityShowStartTime");
  if (show === time) return undefined;
  return show
    ? { property: "highPriorityShow", reason: `highPriorityShow ${describeValue(known.highPriorityShow)} is set without highPriorityShowStartTime: set when it starts, or remove highPriorityShow.` }
    : { property: "highPriorityShowStartTime", reason: `highPriorityShowStartTime ${describeValue(known.highPriorityShowStartTime)} is set without highPriorityShow: name the show, or remove the time.` };
};

export const casterShowList: KindSpec<Fields> = {
  type: "CasterShowList",
  noun: "show list",
  provider: "showList",
  doc: "A production studio's show list: the shows it plays in turn, each a live stream, a file or an image, for a duration or a number of plays; how often the list repeats, the show that interrupts it at a set time, and its background. One per studio.",
  fields,
  outputs: {
    showIds: { doc: "The API's ShowIds, in show order.", sdkType: "string[]" },
  },
  operations: { create: "AddShowIntoShowList", read: "DescribeShowList", update: "ModifyShowList", delete: "RemoveShowFromShowList" },
  id: ["casterId"],
  goneCodes: ["InvalidCaster.NotFound", "InvalidShow.NotFound"],
  deleteBeforeReplace: true,
  rules: [
    eachItem<ShowListInputs, Show>("shows", showSchema, exactlyOneOf<Show>(["resourceUrl", "resourceId"], {
      conflict: "a show plays one resource",
      fix: "keep resourceUrl or resourceId",
      missing: "a show needs its resource: set resourceUrl, or resourceId (a media-library ID).",
    })),
    eachItem<ShowListInputs, Show>("shows", showSchema, atMostOneOf<Show>(["duration", "repeatTimes"], {
      conflict: "a show plays for a duration or a number of times (AddShowIntoShowList takes only one of them)",
      fix: "keep duration or repeatTimes",
    })),
    showNamesDiffer,
    highPriorityShowIsDeclared,
    priorityNeedsItsTime,
    eachItem<ShowListInputs, Background>("background", backgroundSchema, exactlyOneOf<Background>(["resourceUrl", "materialId"], {
      conflict: "a background is one resource",
      fix: "keep resourceUrl or materialId",
      missing: "a background needs its resource: set resourceUrl, or materialId (a media-library ID); or remove background.",
    })),
  ],
  studioFile: { section: "showList", doc: "the studio's show list: its shows in playing order and the list's settings" },
};

export const showListFields = schemasOf(casterShowList);
