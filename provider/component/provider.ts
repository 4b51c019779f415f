import { isDeepStrictEqual } from "node:util";
import { CAPTION_DEFAULTS, MAX_TRANSPARENCY, TEXT_STYLE_DEFAULTS } from "../../spec/api-facts";
import { casterComponent as kind, ComponentInputs } from "../../spec/kinds/caster-component";
import { LiveApiError } from "../client/errors";
import { LiveClient, ParamValue } from "../client/live-client";
import { formatId, kindProvider, parseId } from "../kind-provider";
import { listingCache, liveClient, sessionMap } from "../runtime";
import { addOnce } from "../shared/add-once";

/** What the provider stores for a component. */
export interface ComponentOutputs extends ComponentInputs {
  componentId: string;
}

type Style = { BorderColor?: string; BorderWidthNormalized?: number; Color?: string; FontName?: string; SizeNormalized?: number };

/** One item of DescribeCasterComponents, as the spec gives it. */
interface ApiComponent {
  ComponentId: string;
  ComponentName?: string;
  ComponentType?: string;
  Effect?: string;
  LocationId?: string;
  ComponentLayer?: { HeightNormalized?: number; WidthNormalized?: number; PositionRefer?: string; Transparency?: number; PositionNormalizeds?: { Position?: number[] } };
  TextLayerContent?: Style & { Text?: string };
  ImageLayerContent?: { MaterialId?: string };
  CaptionLayerContent?: Style & { LocationId?: string; SourceLan?: string; TargetLan?: string; ShowSourceLan?: boolean };
}

const REFRESH_LISTING_REUSE_MS = 5_000;
const studioComponents = listingCache<ApiComponent[]>();
const claimed = sessionMap<string, true>();

/** The CasterComponent dynamic provider: the kind's spec, and the JSON settings as the API takes and gives them. */
export const componentProvider = kindProvider<ComponentInputs, ComponentOutputs>(kind, {
  async create(inputs) {
    const client = liveClient();
    const key = listingKey(client, inputs.casterId);
    const wanted = comparableContent(inputs);
    // AddCasterComponent has no ClientToken: after a lost reply, the component at the position with this content is the one made.
    const componentId = await addOnce({
      list: () => listComponents(client, inputs.casterId, studioComponents.moment()),
      idOf: (item) => item.ComponentId,
      matches: (item) => item.LocationId === inputs.locationId && isDeepStrictEqual(comparableContent(fromApi(item)), wanted),
      add: async () => (await change<{ ComponentId: string }>(client, inputs.casterId, "AddCasterComponent", {
        ...componentParams(inputs),
        LocationId: inputs.locationId,
        LayerOrder: inputs.layerOrder,
      })).ComponentId,
      claim: (id) => (claimed.has(`${key} ${id}`) ? false : (claimed.set(`${key} ${id}`, true), true)),
    });
    const outs = await readBack(client, inputs.casterId, componentId, inputs);
    return { id: formatId(kind, outs), outs };
  },

  async read(id, props) {
    const { casterId, componentId } = parseId(kind, id);
    const item = await findComponent(liveClient(), casterId, componentId, studioComponents.moment() - REFRESH_LISTING_REUSE_MS);
    if (!item) return {};
    return { id, props: { ...props, ...fromApi(item), casterId, componentId } };
  },

  async update(id, _olds, news) {
    const client = liveClient();
    const { casterId, componentId } = parseId(kind, id);
    await change(client, casterId, "ModifyCasterComponent", { ComponentId: componentId, ...componentParams(news) });
    return { outs: await readBack(client, casterId, componentId, news) };
  },

  normalize(props) {
    return typeof props.geometry === "object" && props.geometry !== null ? { ...props, ...comparableContent(props as ComponentInputs) } : props;
  },

  changed(props) {
    if (props.casterId) studioComponents.changed(listingKey(liveClient(), props.casterId));
  },
});

/** AddCasterComponent / ModifyCasterComponent parameters: the settings as JSON in upper camel case, as the pages ask. */
function componentParams(inputs: ComponentInputs): Record<string, ParamValue> {
  const geometry = inputs.geometry;
  return {
    CasterId: inputs.casterId,
    ComponentName: inputs.componentName,
    ComponentType: inputs.componentType,
    Effect: inputs.effect ?? "none",
    ComponentLayer: JSON.stringify({
      HeightNormalized: String(geometry.heightNormalized ?? 0),
      WidthNormalized: String(geometry.widthNormalized ?? 0),
      PositionRefer: geometry.anchor ?? "topLeft",
      PositionNormalized: [String(geometry.position[0]), String(geometry.position[1])],
      Transparency: String(geometry.transparency ?? MAX_TRANSPARENCY),
    }),
    TextLayerContent: inputs.text ? JSON.stringify(dropUndefined({ Text: inputs.text.text, ...styleParams(inputs.text) })) : undefined,
    ImageLayerContent: inputs.image ? JSON.stringify({ MaterialId: inputs.image.materialId }) : undefined,
    CaptionLayerContent: inputs.caption
      ? JSON.stringify(dropUndefined({
        LocationId: inputs.caption.sourceLocationId,
        SourceLan: inputs.caption.sourceLanguage,
        TargetLan: inputs.caption.targetLanguage,
        ShowSourceLan: inputs.caption.showSourceLanguage,
        ...styleParams(inputs.caption),
      }))
      : undefined,
  };
}

function styleParams(style: Omit<NonNullable<ComponentInputs["text"]>, "text">): Style {
  return {
    FontName: style.fontName,
    SizeNormalized: style.sizeNormalized,
    Color: style.color,
    BorderColor: style.borderColor,
    BorderWidthNormalized: style.borderWidthNormalized,
  };
}

/** The settings with defaults written out and empty values left out, so that a default the API fills in is no change. */
function comparableContent(inputs: ComponentInputs) {
  const geometry = inputs.geometry;
  return {
    componentType: inputs.componentType,
    effect: inputs.effect ?? "none",
    geometry: {
      position: [geometry.position[0], geometry.position[1]],
      anchor: geometry.anchor ?? "topLeft",
      widthNormalized: geometry.widthNormalized ?? 0,
      heightNormalized: geometry.heightNormalized ?? 0,
      transparency: geometry.transparency ?? MAX_TRANSPARENCY,
    },
    text: inputs.componentType === "text" && inputs.text ? { ...TEXT_STYLE_DEFAULTS, ...meaningful(inputs.text) } : undefined,
    image: inputs.componentType === "image" ? meaningful(inputs.image) : undefined,
    caption: inputs.componentType === "caption" && inputs.caption
      ? { ...TEXT_STYLE_DEFAULTS, ...CAPTION_DEFAULTS, ...meaningful(inputs.caption) }
      : undefined,
  };
}

/** A listed component's settings, as the kind names them. */
function fromApi(item: ApiComponent): ComponentInputs {
  const layer = item.ComponentLayer ?? {};
  const position = layer.PositionNormalizeds?.Position ?? [0, 0];
  const style = (content: Style) => ({
    fontName: content.FontName || undefined,
    sizeNormalized: content.SizeNormalized || undefined,
    color: content.Color || undefined,
    borderColor: content.BorderColor || undefined,
    borderWidthNormalized: content.BorderWidthNormalized || undefined,
  });
  const type = item.ComponentType as ComponentInputs["componentType"];
  const text = item.TextLayerContent;
  const caption = item.CaptionLayerContent;
  return dropUndefined({
    casterId: "",
    locationId: item.LocationId ?? "",
    componentName: item.ComponentName || undefined,
    componentType: type,
    effect: (item.Effect || "none") as ComponentInputs["effect"],
    geometry: {
      position: [Number(position[0] ?? 0), Number(position[1] ?? 0)] as [number, number],
      anchor: (layer.PositionRefer || "topLeft") as NonNullable<ComponentInputs["geometry"]["anchor"]>,
      widthNormalized: Number(layer.WidthNormalized ?? 0),
      heightNormalized: Number(layer.HeightNormalized ?? 0),
      transparency: Number(layer.Transparency ?? MAX_TRANSPARENCY),
    },
    text: type === "text" && text ? dropUndefined({ text: text.Text ?? "", ...style(text) }) : undefined,
    image: type === "image" && item.ImageLayerContent?.MaterialId ? { materialId: item.ImageLayerContent.MaterialId } : undefined,
    caption: type === "caption" && caption
      ? dropUndefined({
        sourceLocationId: caption.LocationId || undefined,
        sourceLanguage: (caption.SourceLan || undefined) as NonNullable<ComponentInputs["caption"]>["sourceLanguage"],
        targetLanguage: (caption.TargetLan || undefined) as NonNullable<ComponentInputs["caption"]>["targetLanguage"],
        showSourceLanguage: caption.ShowSourceLan,
        ...style(caption),
      })
      : undefined,
  }) as ComponentInputs;
}

function meaningful<T extends object>(value: T | undefined): Partial<T> | undefined {
  return value === undefined ? undefined : dropUndefined(value);
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== "")) as T;
}

async function change<T extends object>(client: LiveClient, casterId: string, action: string, params: Record<string, ParamValue>): Promise<T> {
  try {
    return await client.call<T>(action, params);
  } finally {
    studioComponents.changed(listingKey(client, casterId));
  }
}

function listingKey(client: LiveClient, casterId: string): string {
  return `${client.settings.endpoint} ${casterId}`;
}

function listComponents(client: LiveClient, casterId: string, requestedAfter: number): Promise<ApiComponent[]> {
  return studioComponents.read(listingKey(client, casterId), requestedAfter, async () => {
    const reply = await client.call<{ Components?: { Component?: ApiComponent[] } }>("DescribeCasterComponents", { CasterId: casterId });
    return reply.Components?.Component ?? [];
  });
}

async function findComponent(client: LiveClient, casterId: string, componentId: string, requestedAfter: number): Promise<ApiComponent | undefined> {
  try {
    return (await listComponents(client, casterId, requestedAfter)).find((item) => item.ComponentId === componentId);
  } catch (error) {
    if (error instanceof LiveApiError && error.code === "InvalidCaster.NotFound") return undefined;
    throw error;
  }
}

async function readBack(client: LiveClient, casterId: string, componentId: string, inputs: ComponentInputs): Promise<ComponentOutputs> {
  const item = await findComponent(client, casterId, componentId, studioComponents.moment());
  if (!item) throw new Error(`component ${componentId} was accepted by studio ${casterId} but is not listed by DescribeCasterComponents; run pulumi refresh and try again.`);
  // LayerOrder is not in the reply: what was applied is kept.
  return { ...inputs, ...fromApi(item), casterId, componentId, layerOrder: inputs.layerOrder };
}
