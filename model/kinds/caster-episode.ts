import { z } from "zod";
import { CrossFieldRule, describeValue } from "../../common/check";
import { eachItemOnce, isSetTo, JsonSchema, withJsonSchema } from "../rules";
import {
  EPISODE_TYPES, LOCATION_ID_PATTERN, LOCATION_ID_RULE, MAX_RESOURCE_NAME_LENGTH, SWITCH_TYPES,
} from "../api-facts";
import { importIdField, importIdOfThisStudioRule } from "../fields/import-id";
import { nameSchema } from "../fields/name";
import { startTimeSchema } from "./caster-episode-group";
import { casterIdSchema } from "./caster-video-resource";
import { connectionField } from "../fields/connection";
import { apiId, componentIdSchema } from "../fields/api-id";
import { KindSpec, schemasOf } from "./kind";

/**
 * An episode of a studio's schedule: at its start time the studio switches to a video source
 * (type Resource, with components that switch with it) or shows a set of components (type
 * Component), until its end time. AddCasterEpisode / ModifyCasterEpisode / DeleteCasterEpisode,
 * read through DescribeCasterProgram.
 *
 * The pages, by the names the comments give them:
 * - ADD: https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-addcasterepisode
 * - MODIFY: https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-modifycasterepisode
 *   ("The episode type cannot be modified.")
 */


const TIME_DOC = "an ISO 8601 time with its zone (`2026-12-24T20:00:00Z`, `2026-12-25T04:00:00+08:00`) whose date and time exist, or a Date; sent as UTC to the second";

const fields = {
  casterId: {
    schema: casterIdSchema,
    doc: "The production studio's ID.",
    onChange: "replace",
    api: "CasterId",
  },
  episodeName: {
    schema: nameSchema("the episode a name", MAX_RESOURCE_NAME_LENGTH).describe("the episode's name"),
    doc: `The episode's name, as the schedule shows it (one line, at most ${MAX_RESOURCE_NAME_LENGTH} characters).`,
    onChange: "update",
    api: "EpisodeName",
  },
  episodeType: {
    schema: z.enum(EPISODE_TYPES, { error: "use Resource (switch to a video source) or Component (show components)." }).optional()
      .describe("Resource (switch to a video source) or Component (show components)"),
    doc: "`Resource` switches the studio to a video source (`resourceId` or `locationId`), with `componentIds` over it if given; `Component` shows `componentIds` only.",
    default: "Resource when a source is given, else Component",
    onChange: "replace",
    onChangeNote: "ModifyCasterEpisode cannot change an episode's type",
    api: "EpisodeType",
    whenOmitted: "not compared",
  },
  resourceId: {
    schema: apiId("video source").optional().describe("the video source's ID (a CasterVideoResource's resourceId)"),
    doc: "The video source the episode switches to, by its ID (a CasterVideoResource's `resourceId`). Give this or `locationId` for a Resource episode.",
    default: "the source at `locationId`",
    onChange: "update",
    api: "ResourceId",
    whenOmitted: "not compared",
  },
  locationId: {
    schema: z.string().regex(LOCATION_ID_PATTERN, { error: LOCATION_ID_RULE }).optional().describe("the source position, RV01 to RV99"),
    doc: "The video source the episode switches to, by its position (RV01–RV99); the provider looks up its ID. Give this or `resourceId` for a Resource episode.",
    default: "the position of `resourceId`",
    onChange: "update",
    whenOmitted: "not compared",
  },
  componentIds: {
    schema: z.array(componentIdSchema, { error: "give a list of component IDs." }).optional()
      .describe("the components, bottom to top"),
    doc: "The components shown, bottom to top (CasterComponents' `componentId`s): over the source for a Resource episode (they switch with it), alone for a Component episode (at least one).",
    default: "none",
    onChange: "update",
    api: "ComponentId",
  },
  startTime: {
    schema: startTimeSchema.describe("when the episode starts, an ISO 8601 time with its zone"),
    doc: `When the episode starts: ${TIME_DOC}. The API refuses a start that has passed.`,
    onChange: "update",
    api: "StartTime",
    sdkType: "string | Date",
  },
  endTime: {
    schema: startTimeSchema.describe("when the episode ends, an ISO 8601 time with its zone"),
    doc: `When the episode ends: ${TIME_DOC}; after \`startTime\`.`,
    onChange: "update",
    api: "EndTime",
    sdkType: "string | Date",
  },
  switchType: {
    schema: z.enum(SWITCH_TYPES, { error: "use TimeFirst (switch at the end time) or ContentFirst (let the content finish)." }).optional()
      .describe("TimeFirst or ContentFirst"),
    doc: "How the episode ends: `TimeFirst` switches at `endTime`; `ContentFirst` lets a file finish first. A Resource episode's only (the API ignores it for Component), and a live stream takes TimeFirst only.",
    default: "TimeFirst",
    onChange: "update",
    api: "SwitchType",
    whenOmitted: "TimeFirst",
  },
  importId: importIdField({
    noun: "episode",
    form: "<casterId>:<episodeId>",
    example: "LIVEPRODUCER_POST-cn-0pp1czt1234:77aa3b1c-2d4e-4f5a-8b6c-7d8e9f0a1234",
    withStudio: true,
    foundWith: "DescribeCasterProgram",
    adopting: "Its name, type, source, components, times and switch type are compared with these, and ModifyCasterEpisode is sent only when they differ, so an episode that already matches is taken over with no call that changes anything. Its type cannot be modified: an episode of another type is refused.",
    default: "none: a new episode is added",
  }),
  connection: connectionField,
} as const;

type Fields = typeof fields;
export type EpisodeInputs = z.infer<z.ZodObject<{ -readonly [K in keyof Fields]: Fields[K]["schema"] }>>;

/** The episode type the inputs mean: the declared one, else Resource when a source is given. */
export function episodeTypeOf(inputs: Partial<EpisodeInputs>): (typeof EPISODE_TYPES)[number] {
  return inputs.episodeType ?? (inputs.resourceId !== undefined || inputs.locationId !== undefined ? "Resource" : "Component");
}

/**
 * The type a rule can rely on: undefined while the type itself is not known. A source that is not
 * known yet (another resource's output, in a preview) is a source: the episode is a Resource one.
 */
function typeForRules(known: Partial<EpisodeInputs>, unknown: ReadonlySet<string>): (typeof EPISODE_TYPES)[number] | undefined {
  if (unknown.has("episodeType")) return undefined;
  if (known.episodeType === undefined && (unknown.has("resourceId") || unknown.has("locationId"))) return "Resource";
  return episodeTypeOf(known);
}

const endsAfterItStarts: CrossFieldRule<EpisodeInputs> = (known) => {
  if (known.startTime === undefined || known.endTime === undefined) return undefined;
  if (Date.parse(known.endTime) > Date.parse(known.startTime)) return undefined;
  return {
    property: "endTime",
    reason: `endTime ${describeValue(known.endTime)} is not after startTime ${describeValue(known.startTime)}: an episode ends after it starts; move endTime later or startTime earlier.`,
  };
};

/** Where a Resource episode's source is named: by ID or position here, by position in the studio file. */
export const GIVE_A_SOURCE = "give resourceId (a CasterVideoResource's resourceId) or locationId (RV01 to RV99)";
export const GIVE_A_SOURCE_IN_THE_FILE = "give locationId, the position of one of this file's sources (RV01 to RV99)";

/** The words the check, validate's file terms and the JSON Schema share. */
const RESOURCE_NEEDS_A_SOURCE = (give: string) => `a Resource episode switches to a video source: ${give}.`;
const COMPONENTS_ONLY = (source: string) => `a Component episode shows components only: remove ${source}, or use episodeType Resource.`;
const NEEDS_COMPONENTS = (list: string) => `a Component episode shows components: give ${list} (at least one), or switch to a source with episodeType Resource.`;
const CONTENT_FIRST_NEEDS_A_SOURCE = "switchType ContentFirst waits for a source's content to finish, and a Component episode has no source: use TimeFirst, or leave switchType out.";

/**
 * The studio file's episode, in JSON Schema: a Resource episode has a source; a Component episode has
 * none, shows at least one component, and does not wait for content (ContentFirst). The file names
 * the source by position (locationId) and the components by name (components), as validate's
 * inFileTerms does, so this speaks in those names.
 */
function fileEpisodeChain(): JsonSchema {
  const needsComponents = NEEDS_COMPONENTS("components");
  return {
    if: { required: ["locationId"] },
    then: { properties: { episodeType: { const: "Resource", errorMessage: COMPONENTS_ONLY("the source (locationId)") } } },
    else: {
      if: isSetTo("episodeType", "Resource"),
      then: { required: ["locationId"], errorMessage: RESOURCE_NEEDS_A_SOURCE(GIVE_A_SOURCE_IN_THE_FILE) },
      else: {
        allOf: [
          { required: ["components"], errorMessage: needsComponents },
          // `contains: {}`: at least one item, said in the words above (minItems has no message of its own).
          { properties: { components: { contains: {}, errorMessage: needsComponents } } },
          { properties: { switchType: { const: "TimeFirst", errorMessage: CONTENT_FIRST_NEEDS_A_SOURCE } } },
        ],
      },
    },
  };
}

/** A Resource episode names one source; a Component episode names none and shows at least one component. */
const sourceMatchesType = withJsonSchema<EpisodeInputs>((known, unknown) => {
  const sourceUnknown = unknown.has("resourceId") || unknown.has("locationId");
  const type = typeForRules(known, unknown);
  if (known.resourceId !== undefined && known.locationId !== undefined) {
    return {
      property: "locationId",
      reason: `both resourceId ${describeValue(known.resourceId)} and locationId ${describeValue(known.locationId)} are given: keep one of them, the source's ID or its position.`,
    };
  }
  if (type === "Resource" && !sourceUnknown && known.resourceId === undefined && known.locationId === undefined) {
    return { property: "resourceId", reason: RESOURCE_NEEDS_A_SOURCE(GIVE_A_SOURCE) };
  }
  if (type === "Component" && (known.resourceId !== undefined || known.locationId !== undefined)) {
    return { property: known.resourceId !== undefined ? "resourceId" : "locationId", reason: COMPONENTS_ONLY("the source") };
  }
  if (type === "Component" && !unknown.has("componentIds") && (known.componentIds ?? []).length === 0) {
    return { property: "componentIds", reason: NEEDS_COMPONENTS("componentIds") };
  }
  return undefined;
}, {
  // The ContentFirst rule is part of this chain: it applies where the episode has no source.
  write: (json) => Object.assign(json, fileEpisodeChain()),
});

const contentFirstNeedsASource: CrossFieldRule<EpisodeInputs> = (known, unknown) => {
  if (known.switchType !== "ContentFirst" || typeForRules(known, unknown) !== "Component") return undefined;
  return { property: "switchType", reason: CONTENT_FIRST_NEEDS_A_SOURCE };
};

const eachComponentOnce = withJsonSchema<EpisodeInputs>((known) => {
  const seen = new Map<string, number>();
  for (const [index, id] of (known.componentIds ?? []).entries()) {
    const first = seen.get(id);
    if (first !== undefined) {
      return {
        property: "componentIds",
        path: ["componentIds", index],
        reason: `componentIds[${index}] and componentIds[${first}] are both ${describeValue(id)}: a component is shown once; remove one.`,
      };
    }
    seen.set(id, index);
  }
  return undefined;
}, { write: eachItemOnce("components") });

export const casterEpisode: KindSpec<Fields> = {
  type: "CasterEpisode",
  provider: "episode",
  noun: "episode",
  doc: "An episode of a production studio's schedule: from its start to its end time the studio shows a video source (with components over it) or a set of components (AddCasterEpisode).",
  fields,
  outputs: {
    episodeId: { doc: "The API's EpisodeId.", sdkType: "string", api: "EpisodeId" },
  },
  operations: { create: "AddCasterEpisode", read: "DescribeCasterProgram", update: "ModifyCasterEpisode", delete: "DeleteCasterEpisode" },
  id: ["casterId", "episodeId"],
  goneCodes: ["InvalidEpisode.NotFound", "InvalidCaster.NotFound"],
  deleteBeforeReplace: false,
  rules: [endsAfterItStarts, sourceMatchesType, contentFirstNeedsASource, eachComponentOnce, importIdOfThisStudioRule<EpisodeInputs>("episode", "episodeId")],
  studioFile: { section: "episodes", doc: "a map from an episode's name to its source or components and its start and end" },
};

export const episodeFields = schemasOf(casterEpisode);
export const episodeSpec = { fields: episodeFields, rules: casterEpisode.rules };
