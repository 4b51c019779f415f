import { isDeepStrictEqual } from "node:util";
import { COMPONENT_DEFAULTS } from "../../model/api-facts";
import { defaultsOf, sparseReply, sparseRequest, withDefaults, writtenOutReply, writtenOutRequest } from "../../model/fields/nested";
import { CAPTION_FIELDS, casterComponent as kind, ComponentInputs, GEOMETRY_FIELDS, TEXT_FIELDS } from "../../model/kinds/caster-component";
import { UserFacingError } from "../client/errors";
import { itemsOf, Listed, ListItem, LiveClient, ParamsOf, ReplyOf } from "../client/live-client";
import { differences, formatId, kindProvider, parseId } from "../kind-provider";
import { liveClient } from "../runtime";
import { studioListing } from "../shared/studio-listing";

/** What the provider stores for a component. */
export interface ComponentOutputs extends ComponentInputs {
  componentId: string;
}

/** One item of DescribeCasterComponents. */
export type ApiComponent = Listed<ListItem<ReplyOf<"DescribeCasterComponents">["Components"], "Component">, "ComponentId">;

/** A studio's components. */
export const components = studioListing({
  describe: "DescribeCasterComponents",
  items: (reply) => itemsOf(reply.Components?.Component, "ComponentId"),
  idOf: (item) => item.ComponentId,
  noun: "component",
});

/** The CasterComponent dynamic provider: the kind's spec, and the JSON settings as the API takes and gives them. */
export const componentProvider = kindProvider<ComponentInputs, ComponentOutputs>(kind, {
  adopt: (inputs) => adopt(liveClient(), inputs),

  async create(inputs) {
    const client = liveClient();
    const wanted = comparableContent(inputs);
    // AddCasterComponent has no ClientToken: after a lost reply, the component at the position with this content is the one made.
    const componentId = await components.add(client, inputs.casterId, {
      matches: (item) => item.LocationId === inputs.locationId && isDeepStrictEqual(comparableContent(fromApi(item)), wanted),
      add: async () => (await components.change(client, inputs.casterId, "AddCasterComponent", {
        ...componentParams(inputs),
        LocationId: inputs.locationId,
        LayerOrder: inputs.layerOrder,
      })).ComponentId!,
      // A position holds one component (AddCasterComponent's page, LocationId: "Each position can hold
      // only one component"): the API refuses this one anyway (DuplicateLocationID), but only the
      // listing says that the one there is this very component, and which importId takes it over.
      twin: (existing) => new UserFacingError(
        `studio ${inputs.casterId} already has this very component at ${inputs.locationId} (${existing.ComponentId}: ${existing.ComponentType} ${JSON.stringify(existing.ComponentName ?? "")}), `
        + "made by another stack or in the console, and a position holds one component. "
        + `Set importId: "${formatId(kind, { casterId: inputs.casterId, componentId: existing.ComponentId })}" to take it over `
        + "(with the resource option `retainOnDelete: true` while another stack still manages it, so that destroying this stack leaves it), "
        + "or use another locationId.",
      ),
    });
    const outs = outputsOf(inputs, await components.readBack(client, inputs.casterId, componentId));
    return { id: formatId(kind, outs), outs };
  },

  async read(id, props) {
    const { casterId, componentId } = parseId(kind, id);
    const item = await components.find(liveClient(), casterId, componentId, "refresh");
    if (!item) return {};
    return { id, props: { ...props, ...fromApi(item), casterId, componentId } };
  },

  async update(id, _olds, news) {
    const client = liveClient();
    const { casterId, componentId } = parseId(kind, id);
    await components.change(client, casterId, "ModifyCasterComponent", { ComponentId: componentId, ...componentParams(news) });
    return { outs: outputsOf(news, await components.readBack(client, casterId, componentId)) };
  },

  normalize: normalContent,

  changed(props) {
    if (props.casterId) components.changed(liveClient(), props.casterId);
  },
});

/** The settings with every default written out, where they are known (a preview may not know them yet). */
function normalContent(props: Record<string, unknown>): Record<string, unknown> {
  return typeof props.geometry === "object" && props.geometry !== null ? { ...props, ...comparableContent(props as ComponentInputs) } : props;
}

/**
 * Brings an existing component under management (importId), then makes it what the program
 * declares: its settings are compared as diff compares them (layerOrder, which the API does not
 * report, taken as declared), and ModifyCasterComponent is sent only when they differ, so a
 * component that already matches is taken over with no call that changes anything. Every refusal
 * comes before any such call.
 */
async function adopt(client: LiveClient, inputs: ComponentInputs): Promise<ComponentOutputs> {
  const { casterId, componentId } = parseId(kind, inputs.importId as string);
  if (casterId !== inputs.casterId) {
    throw new UserFacingError(`importId ${inputs.importId} names studio ${casterId}, but casterId is ${inputs.casterId}; they must match.`);
  }
  const items = await components.listOrNone(client, casterId);
  const item = items?.find((candidate) => candidate.ComponentId === componentId);
  if (!item) {
    const atPosition = items?.find((candidate) => candidate.LocationId === inputs.locationId);
    const hint = items === undefined ? ` (the account has no studio ${casterId})`
      : atPosition ? ` (the component at ${inputs.locationId} is ${atPosition.ComponentId}: importId "${formatId(kind, { casterId, componentId: atPosition.ComponentId })}")` : "";
    throw new UserFacingError(`importId ${inputs.importId}: studio ${casterId} has no component ${componentId}${hint}. Check the ID with DescribeCasterComponents, or remove importId to add a new component.`);
  }
  if (item.LocationId !== inputs.locationId) {
    throw new UserFacingError(`importId ${inputs.importId}: that component sits at ${item.LocationId}, but locationId is ${inputs.locationId}. A component cannot move; set locationId to ${item.LocationId}.`);
  }
  if (!components.claim(client, casterId, componentId)) {
    throw new UserFacingError(`importId ${inputs.importId}: another resource of this program already manages that component; remove one of the two.`);
  }
  // What the component has, and nothing of the inputs but what the API cannot report.
  const found: ComponentOutputs = { ...fromApi(item), casterId, componentId, layerOrder: inputs.layerOrder, connection: inputs.connection };
  if (differences(kind, normalContent, found, inputs).changed.length === 0) return { ...inputs, ...found };
  await components.change(client, casterId, "ModifyCasterComponent", { ComponentId: componentId, ...componentParams(inputs) });
  return outputsOf(inputs, await components.readBack(client, casterId, componentId));
}

/** The parameters AddCasterComponent and ModifyCasterComponent both take. */
type SettingParams = Pick<
  ParamsOf<"AddCasterComponent">,
  "CasterId" | "ComponentName" | "ComponentType" | "Effect" | "ComponentLayer" | "TextLayerContent" | "ImageLayerContent" | "CaptionLayerContent"
>;

/** AddCasterComponent / ModifyCasterComponent parameters: the settings as JSON in upper camel case, as the pages ask. */
function componentParams(inputs: ComponentInputs): SettingParams {
  return {
    CasterId: inputs.casterId,
    ComponentName: inputs.componentName,
    ComponentType: inputs.componentType,
    Effect: inputs.effect ?? COMPONENT_DEFAULTS.effect,
    ComponentLayer: JSON.stringify(writtenOutRequest(GEOMETRY_FIELDS, inputs.geometry)),
    TextLayerContent: inputs.text ? JSON.stringify(sparseRequest(TEXT_FIELDS, inputs.text)) : undefined,
    ImageLayerContent: inputs.image ? JSON.stringify({ MaterialId: inputs.image.materialId }) : undefined,
    CaptionLayerContent: inputs.caption ? JSON.stringify(sparseRequest(CAPTION_FIELDS, inputs.caption)) : undefined,
  };
}

/** The settings with defaults written out and empty values left out, so that a default the API fills in is no change. */
function comparableContent(inputs: ComponentInputs) {
  return {
    componentType: inputs.componentType,
    effect: inputs.effect ?? COMPONENT_DEFAULTS.effect,
    geometry: withDefaults(GEOMETRY_FIELDS, inputs.geometry),
    text: inputs.componentType === "text" && inputs.text ? { ...defaultsOf(TEXT_FIELDS), ...meaningful(inputs.text) } : undefined,
    image: inputs.componentType === "image" ? meaningful(inputs.image) : undefined,
    caption: inputs.componentType === "caption" && inputs.caption ? { ...defaultsOf(CAPTION_FIELDS), ...meaningful(inputs.caption) } : undefined,
  };
}

/** A listed component's settings, as the kind names them. */
export function fromApi(item: ApiComponent): ComponentInputs {
  const type = item.ComponentType as ComponentInputs["componentType"];
  return dropUndefined({
    casterId: "",
    locationId: item.LocationId ?? "",
    componentName: item.ComponentName || undefined,
    componentType: type,
    effect: (item.Effect || COMPONENT_DEFAULTS.effect) as ComponentInputs["effect"],
    geometry: writtenOutReply(GEOMETRY_FIELDS, item.ComponentLayer ?? {}),
    text: type === "text" && item.TextLayerContent ? sparseReply(TEXT_FIELDS, item.TextLayerContent) : undefined,
    image: type === "image" && item.ImageLayerContent?.MaterialId ? { materialId: item.ImageLayerContent.MaterialId } : undefined,
    caption: type === "caption" && item.CaptionLayerContent ? sparseReply(CAPTION_FIELDS, item.CaptionLayerContent) : undefined,
  }) as ComponentInputs;
}

function meaningful<T extends object>(value: T | undefined): Partial<T> | undefined {
  return value === undefined ? undefined : dropUndefined(value);
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== "")) as T;
}

/** What the provider stores for a listed component that these inputs declare. */
function outputsOf(inputs: ComponentInputs, item: ApiComponent): ComponentOutputs {
  // LayerOrder is not in the reply: what was applied is kept.
  return { ...inputs, ...fromApi(item), casterId: inputs.casterId, componentId: item.ComponentId, layerOrder: inputs.layerOrder };
}

/**
 * What an unfinished create of these (checked) inputs made, for the recovery of a killed `pulumi
 * up`: AddCasterComponent has no ClientToken, and a position holds one component, so the
 * component at the position with exactly this content, which the stack's state does not have
 * (`owned`, Pulumi IDs), is the one it made. Undefined when there is none.
 */
export async function madeByUnfinishedCreate(
  inputs: ComponentInputs,
  owned: ReadonlySet<string>,
): Promise<{ id: string; props: ComponentOutputs; description: string } | undefined> {
  const wanted = comparableContent(inputs);
  const items = await components.list(liveClient(), inputs.casterId);
  const made = items.find((item) => item.LocationId === inputs.locationId
    && !owned.has(formatId(kind, { casterId: inputs.casterId, componentId: item.ComponentId }))
    && isDeepStrictEqual(comparableContent(fromApi(item)), wanted));
  if (!made) return undefined;
  const props = outputsOf(inputs, made);
  return {
    id: formatId(kind, props),
    props,
    // A component added without a name is named by its ID.
    description: `${made.ComponentType ?? ""} component${made.ComponentName && made.ComponentName !== made.ComponentId ? ` "${made.ComponentName}"` : ""} at ${made.LocationId} (${made.ComponentId})`,
  };
}
