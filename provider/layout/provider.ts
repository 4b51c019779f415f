import { isDeepStrictEqual } from "node:util";
import { withDefaults, writtenOutReply, writtenOutRequest } from "../../model/fields/nested";
import { AUDIO_LAYER_FIELDS, AudioLayer, casterLayout as kind, LayoutInputs, VIDEO_LAYER_FIELDS, VideoLayer } from "../../model/kinds/caster-layout";
import { UserFacingError } from "../client/errors";
import { itemsOf, Listed, ListItem, LiveClient, ParamsOf, ReplyOf } from "../client/live-client";
import { differences, formatId, kindProvider, parseId } from "../kind-provider";
import { liveClient } from "../runtime";
import { studioListing } from "../shared/studio-listing";

/** What the provider stores for a layout. */
export interface LayoutOutputs extends LayoutInputs {
  layoutId: string;
}

/** One item of DescribeCasterLayouts: numbers, where the request took text. */
export type ApiLayout = Listed<ListItem<ReplyOf<"DescribeCasterLayouts">["Layouts"], "Layout">, "LayoutId">;

/** A studio's layouts. */
export const layouts = studioListing({
  describe: "DescribeCasterLayouts",
  items: (reply) => itemsOf(reply.Layouts?.Layout, "LayoutId"),
  idOf: (layout) => layout.LayoutId,
  noun: "layout",
});

/** The CasterLayout dynamic provider: the kind's spec, and the layer lists as the API takes and gives them. */
export const layoutProvider = kindProvider<LayoutInputs, LayoutOutputs>(kind, {
  adopt: (inputs) => adopt(liveClient(), inputs),

  async create(inputs) {
    const client = liveClient();
    const wanted = comparableLayers(inputs);
    // AddCasterLayout has no ClientToken: a lost reply is resolved by looking the layout up.
    // No twin refusal, unlike episodes and components (issue 29): AddCasterLayout's page gives a
    // layout no name and no position, so nothing makes one unique in a studio, and a layout is on
    // air only through the scene set to it (SetCasterSceneConfig's LayoutId): two with the same
    // layers never show anything twice. A program may declare two alike (one per scene, to change
    // apart later), and nothing listed tells this stack's earlier layout from another stack's;
    // taking over another stack's layout would let one stack's change move the other's picture.
    const layoutId = await layouts.add(client, inputs.casterId, {
      matches: (layout) => isDeepStrictEqual(comparableLayers(layersFromApi(layout)), wanted),
      add: async () => (await layouts.change(client, inputs.casterId, "AddCasterLayout", layoutParams(inputs))).LayoutId!,
    });
    const outs = outputsOf(inputs, await layouts.readBack(client, inputs.casterId, layoutId));
    return { id: formatId(kind, outs as unknown as Record<string, unknown>), outs };
  },

  async read(id, props) {
    const { casterId, layoutId } = parseId(kind, id);
    const layout = await layouts.find(liveClient(), casterId, layoutId, "refresh");
    if (!layout) return {};
    return { id, props: { ...props, casterId, layoutId, ...layersFromApi(layout) } };
  },

  async update(id, _olds, news) {
    const client = liveClient();
    const { casterId, layoutId } = parseId(kind, id);
    // Sent whole: ModifyCasterLayout keeps what is left out, so a layer removed from the program must be left out of the lists.
    await layouts.change(client, casterId, "ModifyCasterLayout", { LayoutId: layoutId, ...layoutParams(news) });
    return { outs: outputsOf(news, await layouts.readBack(client, casterId, layoutId)) };
  },

  normalize: normalLayers,

  changed(props) {
    if (props.casterId) layouts.changed(liveClient(), props.casterId);
  },
});

/** The layers with every default written out, where they are known (a preview may not know them yet). */
function normalLayers(props: Record<string, unknown>): Record<string, unknown> {
  const layers = props as Pick<LayoutInputs, "videoLayers" | "audioLayers">;
  // A position left out is the API's [0,0]; one not known yet in a preview leaves the layers as they are.
  const known = Array.isArray(layers.videoLayers) && layers.videoLayers.every((layer) => layer?.position === undefined || Array.isArray(layer.position))
    && (layers.audioLayers === undefined || Array.isArray(layers.audioLayers));
  return known ? { ...props, ...comparableLayers(layers) } : props;
}

/**
 * Brings an existing layout under management (importId), then makes it what the program declares:
 * its layers are compared as diff compares them, and ModifyCasterLayout is sent only when they
 * differ, so a layout that already matches is taken over with no call that changes anything.
 * Every refusal comes before any such call.
 */
async function adopt(client: LiveClient, inputs: LayoutInputs): Promise<LayoutOutputs> {
  const { casterId, layoutId } = parseId(kind, inputs.importId as string);
  if (casterId !== inputs.casterId) {
    throw new UserFacingError(`importId ${inputs.importId} names studio ${casterId}, but casterId is ${inputs.casterId}; they must match.`);
  }
  const listed = await layouts.listOrNone(client, casterId);
  const layout = listed?.find((item) => item.LayoutId === layoutId);
  if (!layout) {
    const others = listed === undefined ? ` (the account has no studio ${casterId})` : listed.length > 0 ? ` (its layouts are ${listed.map((item) => item.LayoutId).join(", ")})` : " (it has no layouts)";
    throw new UserFacingError(`importId ${inputs.importId}: studio ${casterId} has no layout ${layoutId}${others}. Check the ID with DescribeCasterLayouts, or remove importId to add a new layout.`);
  }
  if (!layouts.claim(client, casterId, layoutId)) {
    throw new UserFacingError(`importId ${inputs.importId}: another resource of this program already manages that layout; remove one of the two.`);
  }
  const found = outputsOf(inputs, layout);
  if (differences(kind, normalLayers, found, inputs).changed.length === 0) return found;
  await layouts.change(client, casterId, "ModifyCasterLayout", { LayoutId: layoutId, ...layoutParams(inputs) });
  return outputsOf(inputs, await layouts.readBack(client, casterId, layoutId));
}

/**
 * AddCasterLayout / ModifyCasterLayout parameters: BlendList.N and MixList.N are the layers'
 * locations in order (the pages: the layers "in the same order as those specified in the
 * BlendList parameter"), so the two can never disagree; every value travels as text.
 */
export function layoutParams(inputs: LayoutInputs): ParamsOf<"AddCasterLayout"> {
  const params: ParamsOf<"AddCasterLayout"> = { CasterId: inputs.casterId };
  inputs.videoLayers.forEach((layer, index) => {
    params[`BlendList.${index + 1}`] = layer.locationId;
    Object.assign(params, flattened(`VideoLayer.${index + 1}`, writtenOutRequest(VIDEO_LAYER_FIELDS, layer)));
  });
  audioLayersOf(inputs).forEach((layer, index) => {
    params[`MixList.${index + 1}`] = layer.locationId;
    Object.assign(params, flattened(`AudioLayer.${index + 1}`, writtenOutRequest(AUDIO_LAYER_FIELDS, layer)));
  });
  return params;
}

/** `VideoLayer.1.FillMode`, and a list as the SDKs flatten one: `VideoLayer.1.PositionNormalized.1`, `.2`. */
function flattened(prefix: string, values: Record<string, string | string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).flatMap(([api, value]) => (Array.isArray(value)
    ? value.map((item, index) => [`${prefix}.${api}.${index + 1}`, item])
    : [[`${prefix}.${api}`, value]])));
}

/** The API needs a MixList: left out, every video layer's source is heard. */
function audioLayersOf(inputs: Pick<LayoutInputs, "videoLayers" | "audioLayers">): AudioLayer[] {
  return inputs.audioLayers ?? inputs.videoLayers.map((layer) => ({ locationId: layer.locationId }));
}

/** The layers with every default written out, so a default the API fills in is no change. */
export function comparableLayers(inputs: Pick<LayoutInputs, "videoLayers" | "audioLayers">) {
  return {
    videoLayers: inputs.videoLayers.map((layer): Required<VideoLayer> => ({ locationId: layer.locationId, ...withDefaults(VIDEO_LAYER_FIELDS, layer) })),
    audioLayers: audioLayersOf(inputs).map((layer): Required<AudioLayer> => ({ locationId: layer.locationId, ...withDefaults(AUDIO_LAYER_FIELDS, layer) })),
  };
}

/** A listed layout's layers, as the kind names them, every value written out. */
export function layersFromApi(layout: ApiLayout): Pick<LayoutInputs, "videoLayers" | "audioLayers"> {
  const video = layout.VideoLayers?.VideoLayer ?? [];
  const audio = layout.AudioLayers?.AudioLayer ?? [];
  return {
    videoLayers: (layout.BlendList?.LocationId ?? []).map((locationId, index) => ({
      locationId, ...writtenOutReply(VIDEO_LAYER_FIELDS, video[index] ?? {}),
    }) as Required<VideoLayer>),
    audioLayers: (layout.MixList?.LocationId ?? []).map((locationId, index) => ({
      locationId, ...writtenOutReply(AUDIO_LAYER_FIELDS, audio[index] ?? {}),
    }) as Required<AudioLayer>),
  };
}

/** What the provider stores for a listed layout that these inputs declare. */
function outputsOf(inputs: LayoutInputs, layout: ApiLayout): LayoutOutputs {
  return { ...inputs, casterId: inputs.casterId, layoutId: layout.LayoutId, ...layersFromApi(layout) };
}

/**
 * What an unfinished create of these (checked) inputs made, for the recovery of a killed `pulumi
 * up`: AddCasterLayout has no ClientToken, so the layout is found by lookup, a layout of the
 * studio with exactly these layers that the stack's state does not have (`owned`, Pulumi IDs).
 * Undefined when there is none: the killed request never landed.
 */
export async function madeByUnfinishedCreate(
  inputs: LayoutInputs,
  owned: ReadonlySet<string>,
): Promise<{ id: string; props: LayoutOutputs; description: string } | undefined> {
  const wanted = comparableLayers(inputs);
  const listed = await layouts.list(liveClient(), inputs.casterId);
  const made = listed.find((layout) => !owned.has(formatId(kind, { casterId: inputs.casterId, layoutId: layout.LayoutId }))
    && isDeepStrictEqual(comparableLayers(layersFromApi(layout)), wanted));
  if (!made) return undefined;
  const props = outputsOf(inputs, made);
  const shown = props.videoLayers.map((layer) => layer.locationId).join(", ");
  return { id: formatId(kind, props as unknown as Record<string, unknown>), props, description: `layout ${made.LayoutId} (video layers ${shown})` };
}
