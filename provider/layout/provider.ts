import { isDeepStrictEqual } from "node:util";
import { AUDIO_LAYER_DEFAULTS, VIDEO_LAYER_DEFAULTS } from "../../model/api-facts";
import { AudioLayer, casterLayout as kind, LayoutInputs, VideoLayer } from "../../model/kinds/caster-layout";
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
  const known = Array.isArray(layers.videoLayers) && layers.videoLayers.every((layer) => Array.isArray(layer?.position))
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
    const n = index + 1;
    params[`BlendList.${n}`] = layer.locationId;
    params[`VideoLayer.${n}.FillMode`] = layer.fillMode ?? VIDEO_LAYER_DEFAULTS.fillMode;
    params[`VideoLayer.${n}.HeightNormalized`] = String(layer.heightNormalized ?? VIDEO_LAYER_DEFAULTS.heightNormalized);
    params[`VideoLayer.${n}.WidthNormalized`] = String(layer.widthNormalized ?? VIDEO_LAYER_DEFAULTS.widthNormalized);
    params[`VideoLayer.${n}.PositionNormalized.1`] = String(layer.position[0]);
    params[`VideoLayer.${n}.PositionNormalized.2`] = String(layer.position[1]);
    params[`VideoLayer.${n}.PositionRefer`] = layer.anchor ?? VIDEO_LAYER_DEFAULTS.anchor;
    params[`VideoLayer.${n}.FixedDelayDuration`] = String(layer.fixedDelayDuration ?? VIDEO_LAYER_DEFAULTS.fixedDelayDuration);
  });
  audioLayersOf(inputs).forEach((layer, index) => {
    const n = index + 1;
    params[`MixList.${n}`] = layer.locationId;
    params[`AudioLayer.${n}.VolumeRate`] = String(layer.volumeRate ?? AUDIO_LAYER_DEFAULTS.volumeRate);
    params[`AudioLayer.${n}.ValidChannel`] = layer.validChannel ?? AUDIO_LAYER_DEFAULTS.validChannel;
    params[`AudioLayer.${n}.FixedDelayDuration`] = String(layer.fixedDelayDuration ?? AUDIO_LAYER_DEFAULTS.fixedDelayDuration);
  });
  return params;
}

/** The API needs a MixList: left out, every video layer's source is heard. */
function audioLayersOf(inputs: Pick<LayoutInputs, "videoLayers" | "audioLayers">): AudioLayer[] {
  return inputs.audioLayers ?? inputs.videoLayers.map((layer) => ({ locationId: layer.locationId }));
}

/** The layers with every default written out, so a default the API fills in is no change. */
export function comparableLayers(inputs: Pick<LayoutInputs, "videoLayers" | "audioLayers">) {
  return {
    videoLayers: inputs.videoLayers.map((layer): Required<VideoLayer> => ({
      locationId: layer.locationId,
      widthNormalized: layer.widthNormalized ?? VIDEO_LAYER_DEFAULTS.widthNormalized,
      heightNormalized: layer.heightNormalized ?? VIDEO_LAYER_DEFAULTS.heightNormalized,
      position: [layer.position[0], layer.position[1]],
      anchor: layer.anchor ?? VIDEO_LAYER_DEFAULTS.anchor,
      fillMode: layer.fillMode ?? VIDEO_LAYER_DEFAULTS.fillMode,
      fixedDelayDuration: layer.fixedDelayDuration ?? VIDEO_LAYER_DEFAULTS.fixedDelayDuration,
    })),
    audioLayers: audioLayersOf(inputs).map((layer): Required<AudioLayer> => ({
      locationId: layer.locationId,
      volumeRate: layer.volumeRate ?? AUDIO_LAYER_DEFAULTS.volumeRate,
      validChannel: layer.validChannel ?? AUDIO_LAYER_DEFAULTS.validChannel,
      fixedDelayDuration: layer.fixedDelayDuration ?? AUDIO_LAYER_DEFAULTS.fixedDelayDuration,
    })),
  };
}

/** A listed layout's layers, as the kind names them, every value written out. */
export function layersFromApi(layout: ApiLayout): Pick<LayoutInputs, "videoLayers" | "audioLayers"> {
  const blend = layout.BlendList?.LocationId ?? [];
  const mix = layout.MixList?.LocationId ?? [];
  const video = layout.VideoLayers?.VideoLayer ?? [];
  const audio = layout.AudioLayers?.AudioLayer ?? [];
  return {
    videoLayers: blend.map((locationId, index) => {
      const layer = video[index] ?? {};
      const position: readonly number[] = layer.PositionNormalizeds?.Position ?? VIDEO_LAYER_DEFAULTS.position;
      return {
        locationId,
        widthNormalized: Number(layer.WidthNormalized ?? VIDEO_LAYER_DEFAULTS.widthNormalized),
        heightNormalized: Number(layer.HeightNormalized ?? VIDEO_LAYER_DEFAULTS.heightNormalized),
        position: [Number(position[0] ?? VIDEO_LAYER_DEFAULTS.position[0]), Number(position[1] ?? VIDEO_LAYER_DEFAULTS.position[1])] as [number, number],
        anchor: (layer.PositionRefer || VIDEO_LAYER_DEFAULTS.anchor) as VideoLayer["anchor"],
        fillMode: (layer.FillMode || VIDEO_LAYER_DEFAULTS.fillMode) as VideoLayer["fillMode"],
        fixedDelayDuration: Number(layer.FixedDelayDuration ?? VIDEO_LAYER_DEFAULTS.fixedDelayDuration),
      };
    }),
    audioLayers: mix.map((locationId, index) => {
      const layer = audio[index] ?? {};
      return {
        locationId,
        volumeRate: Number(layer.VolumeRate ?? AUDIO_LAYER_DEFAULTS.volumeRate),
        validChannel: (layer.ValidChannel || AUDIO_LAYER_DEFAULTS.validChannel) as AudioLayer["validChannel"],
        fixedDelayDuration: Number(layer.FixedDelayDuration ?? AUDIO_LAYER_DEFAULTS.fixedDelayDuration),
      };
    }),
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
