import { isDeepStrictEqual } from "node:util";
import { AudioLayer, casterLayout as kind, LayoutInputs, VideoLayer } from "../../spec/kinds/caster-layout";
import { LiveApiError } from "../client/errors";
import { LiveClient, ParamValue } from "../client/live-client";
import { formatId, kindProvider, parseId } from "../kind-provider";
import { listingCache, liveClient, sessionMap } from "../runtime";
import { addOnce } from "../shared/add-once";

/** What the provider stores for a layout. */
export interface LayoutOutputs extends LayoutInputs {
  layoutId: string;
}

/** One item of DescribeCasterLayouts, as the spec gives it: numbers, where the request took text. */
interface ApiLayout {
  LayoutId: string;
  BlendList?: { LocationId?: string[] };
  MixList?: { LocationId?: string[] };
  VideoLayers?: {
    VideoLayer?: {
      FillMode?: string; FixedDelayDuration?: number; HeightNormalized?: number; WidthNormalized?: number; PositionRefer?: string;
      PositionNormalizeds?: { Position?: number[] };
    }[];
  };
  AudioLayers?: { AudioLayer?: { ValidChannel?: string; FixedDelayDuration?: number; VolumeRate?: number }[] };
}

/** A studio's layouts, listed once for many readers. Refresh accepts a listing this recent. */
const REFRESH_LISTING_REUSE_MS = 5_000;
const studioLayouts = listingCache<ApiLayout[]>();
/** The layouts resources of this process have made: two identical declarations never take one layout. */
const claimed = sessionMap<string, true>();

/** The CasterLayout dynamic provider: the kind's spec, and the layer lists as the API takes and gives them. */
export const layoutProvider = kindProvider<LayoutInputs, LayoutOutputs>(kind, {
  async create(inputs) {
    const client = liveClient();
    const key = listingKey(client, inputs.casterId);
    const wanted = comparableLayers(inputs);
    // AddCasterLayout has no ClientToken: a lost reply is resolved by looking the layout up.
    const layoutId = await addOnce({
      list: () => listLayouts(client, inputs.casterId, studioLayouts.moment()),
      idOf: (layout) => layout.LayoutId,
      matches: (layout) => isDeepStrictEqual(comparableLayers(layersFromApi(layout)), wanted),
      add: async () => (await change<{ LayoutId: string }>(client, inputs.casterId, "AddCasterLayout", layoutParams(inputs))).LayoutId,
      claim: (id) => (claimed.has(`${key} ${id}`) ? false : (claimed.set(`${key} ${id}`, true), true)),
    });
    const outs = await readBack(client, inputs.casterId, layoutId, inputs);
    return { id: formatId(kind, outs as unknown as Record<string, unknown>), outs };
  },

  async read(id, props) {
    const { casterId, layoutId } = parseId(kind, id);
    const layout = await findLayout(liveClient(), casterId, layoutId, studioLayouts.moment() - REFRESH_LISTING_REUSE_MS);
    if (!layout) return {};
    return { id, props: { ...props, casterId, layoutId, ...layersFromApi(layout) } };
  },

  async update(id, _olds, news) {
    const client = liveClient();
    const { casterId, layoutId } = parseId(kind, id);
    // Sent whole: ModifyCasterLayout keeps what is left out, so a layer removed from the program must be left out of the lists.
    await change(client, casterId, "ModifyCasterLayout", { LayoutId: layoutId, ...layoutParams(news) });
    return { outs: await readBack(client, casterId, layoutId, news) };
  },

  normalize(props) {
    const layers = props as Pick<LayoutInputs, "videoLayers" | "audioLayers">;
    const known = Array.isArray(layers.videoLayers) && layers.videoLayers.every((layer) => Array.isArray(layer?.position))
      && (layers.audioLayers === undefined || Array.isArray(layers.audioLayers));
    return known ? { ...props, ...comparableLayers(layers) } : props;
  },

  changed(props) {
    if (props.casterId) studioLayouts.changed(listingKey(liveClient(), props.casterId));
  },
});

/**
 * AddCasterLayout / ModifyCasterLayout parameters: BlendList.N and MixList.N are the layers'
 * locations in order (the pages: the layers "in the same order as those specified in the
 * BlendList parameter"), so the two can never disagree; every value travels as text.
 */
export function layoutParams(inputs: LayoutInputs): Record<string, ParamValue> {
  const params: Record<string, ParamValue> = { CasterId: inputs.casterId };
  inputs.videoLayers.forEach((layer, index) => {
    const n = index + 1;
    params[`BlendList.${n}`] = layer.locationId;
    params[`VideoLayer.${n}.FillMode`] = layer.fillMode ?? "none";
    params[`VideoLayer.${n}.HeightNormalized`] = String(layer.heightNormalized ?? 0);
    params[`VideoLayer.${n}.WidthNormalized`] = String(layer.widthNormalized ?? 0);
    params[`VideoLayer.${n}.PositionNormalized.1`] = String(layer.position[0]);
    params[`VideoLayer.${n}.PositionNormalized.2`] = String(layer.position[1]);
    params[`VideoLayer.${n}.PositionRefer`] = layer.anchor ?? "topLeft";
    params[`VideoLayer.${n}.FixedDelayDuration`] = String(layer.fixedDelayDuration ?? 0);
  });
  audioLayersOf(inputs).forEach((layer, index) => {
    const n = index + 1;
    params[`MixList.${n}`] = layer.locationId;
    params[`AudioLayer.${n}.VolumeRate`] = String(layer.volumeRate ?? 1);
    params[`AudioLayer.${n}.ValidChannel`] = layer.validChannel ?? "all";
    params[`AudioLayer.${n}.FixedDelayDuration`] = String(layer.fixedDelayDuration ?? 0);
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
      widthNormalized: layer.widthNormalized ?? 0,
      heightNormalized: layer.heightNormalized ?? 0,
      position: [layer.position[0], layer.position[1]],
      anchor: layer.anchor ?? "topLeft",
      fillMode: layer.fillMode ?? "none",
      fixedDelayDuration: layer.fixedDelayDuration ?? 0,
    })),
    audioLayers: audioLayersOf(inputs).map((layer): Required<AudioLayer> => ({
      locationId: layer.locationId,
      volumeRate: layer.volumeRate ?? 1,
      validChannel: layer.validChannel ?? "all",
      fixedDelayDuration: layer.fixedDelayDuration ?? 0,
    })),
  };
}

/** A listed layout's layers, as the kind names them, every value written out. */
function layersFromApi(layout: ApiLayout): Pick<LayoutInputs, "videoLayers" | "audioLayers"> {
  const blend = layout.BlendList?.LocationId ?? [];
  const mix = layout.MixList?.LocationId ?? [];
  const video = layout.VideoLayers?.VideoLayer ?? [];
  const audio = layout.AudioLayers?.AudioLayer ?? [];
  return {
    videoLayers: blend.map((locationId, index) => {
      const layer = video[index] ?? {};
      const position = layer.PositionNormalizeds?.Position ?? [0, 0];
      return {
        locationId,
        widthNormalized: Number(layer.WidthNormalized ?? 0),
        heightNormalized: Number(layer.HeightNormalized ?? 0),
        position: [Number(position[0] ?? 0), Number(position[1] ?? 0)] as [number, number],
        anchor: (layer.PositionRefer || "topLeft") as VideoLayer["anchor"],
        fillMode: (layer.FillMode || "none") as VideoLayer["fillMode"],
        fixedDelayDuration: Number(layer.FixedDelayDuration ?? 0),
      };
    }),
    audioLayers: mix.map((locationId, index) => {
      const layer = audio[index] ?? {};
      return {
        locationId,
        volumeRate: Number(layer.VolumeRate ?? 1),
        validChannel: (layer.ValidChannel || "all") as AudioLayer["validChannel"],
        fixedDelayDuration: Number(layer.FixedDelayDuration ?? 0),
      };
    }),
  };
}

async function change<T extends object>(client: LiveClient, casterId: string, action: string, params: Record<string, ParamValue>): Promise<T> {
  try {
    return await client.call<T>(action, params);
  } finally {
    studioLayouts.changed(listingKey(client, casterId));
  }
}

function listingKey(client: LiveClient, casterId: string): string {
  return `${client.settings.endpoint} ${casterId}`;
}

function listLayouts(client: LiveClient, casterId: string, requestedAfter: number): Promise<ApiLayout[]> {
  return studioLayouts.read(listingKey(client, casterId), requestedAfter, async () => {
    const reply = await client.call<{ Layouts?: { Layout?: ApiLayout[] } }>("DescribeCasterLayouts", { CasterId: casterId });
    return reply.Layouts?.Layout ?? [];
  });
}

/** The layout, or undefined when the API says that it, or its studio, does not exist. */
async function findLayout(client: LiveClient, casterId: string, layoutId: string, requestedAfter: number): Promise<ApiLayout | undefined> {
  try {
    return (await listLayouts(client, casterId, requestedAfter)).find((layout) => layout.LayoutId === layoutId);
  } catch (error) {
    if (error instanceof LiveApiError && error.code === "InvalidCaster.NotFound") return undefined;
    throw error;
  }
}

async function readBack(client: LiveClient, casterId: string, layoutId: string, inputs: LayoutInputs): Promise<LayoutOutputs> {
  const layout = await findLayout(client, casterId, layoutId, studioLayouts.moment());
  if (!layout) throw new Error(`layout ${layoutId} was accepted by studio ${casterId} but is not listed by DescribeCasterLayouts; run pulumi refresh and try again.`);
  return { ...inputs, casterId, layoutId, ...layersFromApi(layout) };
}
