import { errors } from "../errors";
import { findCaster } from "./casters";
import { newResourceId } from "./ids";
import { DECIMAL_NUMBER, oneOf } from "./layers";
import { AccountState, CaptionContentRecord, CasterRecord, ComponentLayerRecord, ComponentRecord, TextContentRecord } from "./state";
import {
  ASSET_ID_PATTERN,
  MAX_FONT_NAME_LENGTH,
  CAPTION_LANGUAGES,
  COLOR_PATTERN,
  COMPONENT_DEFAULTS,
  COMPONENT_EFFECTS,
  COMPONENT_LAYER_DEFAULTS,
  COMPONENT_LAYER_ORDERS,
  COMPONENT_LOCATION_ID_PATTERN,
  COMPONENT_LOCATION_ID_RULE,
  COMPONENT_TYPES,
  INT32_MAX,
  LOCATION_ID_PATTERN,
  MAX_NORMALIZED,
  MAX_RESOURCE_NAME_LENGTH,
  MAX_TRANSPARENCY,
  POSITION_REFERS, CAPTION_DEFAULTS, TEXT_STYLE_DEFAULTS } from "../../model/api-facts";

/**
 * A studio's components (text, image and caption overlays): AddCasterComponent,
 * ModifyCasterComponent, DeleteCasterComponent, DescribeCasterComponents. The pages, by the names
 * the comments give them:
 * - ADD_COMPONENT: https://www.alibabacloud.com/help/en/live/developer-reference/api-addcastercomponent
 *   (Chinese: https://help.aliyun.com/document_detail/63160.html, which lists every content key)
 * - MODIFY_COMPONENT: https://www.alibabacloud.com/help/en/live/developer-reference/api-live-2016-11-01-modifycastercomponent
 * - DESCRIBE_COMPONENTS: https://help.aliyun.com/document_detail/63162.html
 *
 * The JSON settings (ComponentLayer, TextLayerContent, ImageLayerContent, CaptionLayerContent) are
 * read as the pages ask: "The value is a JSON string. Use upper camel case for field names." A key
 * the emulator does not know (a lower camel case one included) is refused: the API would ignore it.
 * Numbers may be JSON numbers or strings holding one, as the pages' examples write them ("0.2").
 */

type ComponentType = (typeof COMPONENT_TYPES)[number];

export interface ComponentInput {
  casterId: string;
  componentName?: string;
  componentType?: string;
  effect?: string;
  componentLayer?: string;
  textLayerContent?: string;
  imageLayerContent?: string;
  captionLayerContent?: string;
}

export interface AddComponentInput extends ComponentInput {
  componentType: string;
  locationId: string;
  componentLayer: string;
  layerOrder?: string;
  htmlLayerContent?: string;
}

/** Each type's content parameter (ADD_COMPONENT: "If you select text, you must also set TextLayerContent", and so on). */
const CONTENT_PARAMETERS = { text: "TextLayerContent", image: "ImageLayerContent", caption: "CaptionLayerContent" } as const;

export function addComponent(account: AccountState, input: AddComponentInput): ComponentRecord {
  const caster = findCaster(account, input.casterId);
  const componentType = oneOf("ComponentType", input.componentType, COMPONENT_TYPES);
  checkComponentLocation(input.locationId, componentType);
  const componentId = newResourceId();
  const component: ComponentRecord = {
    componentId,
    // ADD_COMPONENT, ComponentName: "The default value is the component ID."
    componentName: componentName(input.componentName) ?? componentId,
    componentType,
    locationId: input.locationId,
    effect: input.effect === undefined ? COMPONENT_DEFAULTS.effect : oneOf("Effect", input.effect, COMPONENT_EFFECTS),
    layerOrder: input.layerOrder === undefined ? COMPONENT_DEFAULTS.layerOrder : oneOf("LayerOrder", input.layerOrder, COMPONENT_LAYER_ORDERS),
    layer: readComponentLayer(input.componentLayer),
    text: null,
    image: null,
    caption: null,
    // HtmlLayerContent is in the SDK's request and ADD_COMPONENT's example (`{"htmlUrl":…}`); it is kept as sent, never read back.
    html: input.htmlLayerContent ?? "",
  };
  setContent(caster, component, componentType, input);
  // ADD_COMPONENT, LocationId: "Each position can hold only one component." The code is AddCasterVideoResource's for a taken position.
  const occupant = Object.values(caster.components).find((other) => other.locationId === input.locationId);
  if (occupant) throw errors.duplicateComponentLocation(input.locationId, occupant.componentId);
  caster.components[componentId] = component;
  return component;
}

/**
 * MODIFY_COMPONENT: what is sent replaces what the component had (a JSON setting replaces the
 * whole setting); what is not sent stays. A new ComponentType needs its content in the same call.
 * LocationId, LayerOrder and HtmlLayerContent are not ModifyCasterComponent's parameters.
 */
export function modifyComponent(account: AccountState, input: ComponentInput & { componentId: string }): ComponentRecord {
  const caster = findCaster(account, input.casterId);
  const component = structuredClone(findComponent(caster, input.componentId));
  const componentType = input.componentType === undefined ? (component.componentType as ComponentType) : oneOf("ComponentType", input.componentType, COMPONENT_TYPES);
  if (componentType !== component.componentType) checkComponentLocation(component.locationId, componentType);
  if (input.componentName !== undefined) component.componentName = componentName(input.componentName) as string;
  if (input.effect !== undefined) component.effect = oneOf("Effect", input.effect, COMPONENT_EFFECTS);
  if (input.componentLayer !== undefined) component.layer = readComponentLayer(input.componentLayer);
  if (componentType !== component.componentType || contentOf(input, componentType) !== undefined) {
    component.componentType = componentType;
    component.text = component.image = component.caption = null;
    setContent(caster, component, componentType, input);
  } else {
    refuseOtherContents(input, componentType);
  }
  caster.components[component.componentId] = component;
  return component;
}

/**
 * A scene that shows the component shows it no more (the pages are silent on a component in use; LIMITATIONS);
 * an episode that shows it no longer lists it either, the same choice (assumed; a Component episode may so be
 * left with none, and stays on the schedule).
 */
export function deleteComponent(account: AccountState, casterId: string, componentId: string): void {
  const caster = findCaster(account, casterId);
  findComponent(caster, componentId);
  delete caster.components[componentId];
  for (const scene of Object.values(caster.scenes)) scene.componentIds = scene.componentIds.filter((id) => id !== componentId);
  for (const episode of Object.values(caster.episodes)) episode.componentIds = episode.componentIds.filter((id) => id !== componentId);
}

/** DescribeCasterComponents: all, or the one ComponentId names (an unknown one is an empty list). */
export function listComponents(account: AccountState, casterId: string, componentId?: string): ComponentRecord[] {
  return Object.values(findCaster(account, casterId).components).filter((component) => componentId === undefined || component.componentId === componentId);
}

export function findComponent(caster: CasterRecord, componentId: string): ComponentRecord {
  const component = caster.components[componentId];
  if (!component) throw errors.componentNotFound(componentId);
  return component;
}

/**
 * ComponentId.N as SetCasterSceneConfig and the episode operations take them: each one of the
 * studio's components (else InvalidComponent.NotFound), named once (else InvalidParameter.Malformed).
 */
export function checkComponents(caster: CasterRecord, componentIds: string[]): string[] {
  componentIds.forEach((componentId, index) => {
    findComponent(caster, componentId);
    if (componentIds.indexOf(componentId) !== index) {
      throw errors.invalidParameter(`ComponentId.${index + 1} names component ${componentId} a second time`);
    }
  });
  return componentIds;
}

/**
 * ADD_COMPONENT, LocationId: "The format is RC01 to RC99 … If the component type is caption, this
 * parameter specifies the Location of the referenced video source": a caption may take its
 * source's RV position instead.
 */
function checkComponentLocation(locationId: string, componentType: ComponentType): void {
  if (COMPONENT_LOCATION_ID_PATTERN.test(locationId)) return;
  if (componentType === "caption" && LOCATION_ID_PATTERN.test(locationId)) return;
  throw errors.unexpectedComponentLocation(locationId,
    componentType === "caption" ? "use RC01 to RC99, or the captioned source's RV01 to RV99" : COMPONENT_LOCATION_ID_RULE);
}

function componentName(name: string | undefined): string | undefined {
  if (name !== undefined && name.length > MAX_RESOURCE_NAME_LENGTH) {
    throw errors.invalidParameter(`ComponentName must be 1 to ${MAX_RESOURCE_NAME_LENGTH} characters, got ${name.length}`);
  }
  return name;
}

function contentOf(input: ComponentInput, type: ComponentType): string | undefined {
  return { text: input.textLayerContent, image: input.imageLayerContent, caption: input.captionLayerContent }[type];
}

function refuseOtherContents(input: ComponentInput, type: ComponentType): void {
  for (const other of COMPONENT_TYPES) {
    if (other !== type && contentOf(input, other) !== undefined) {
      throw errors.invalidParameter(`${CONTENT_PARAMETERS[other]} is for ${other} components; this component is ${type}: send ${CONTENT_PARAMETERS[type]}`);
    }
  }
}

function setContent(caster: CasterRecord, component: ComponentRecord, type: ComponentType, input: ComponentInput): void {
  refuseOtherContents(input, type);
  const text = contentOf(input, type);
  if (text === undefined) throw errors.missingRequired(CONTENT_PARAMETERS[type]);
  if (type === "text") component.text = readTextContent(text);
  if (type === "image") component.image = readImageContent(text);
  if (type === "caption") component.caption = readCaptionContent(caster, text, component.locationId);
}

/**
 * ADD_COMPONENT, ComponentLayer: HeightNormalized, WidthNormalized (0–1), PositionNormalized
 * [x, y] and PositionRefer, e.g. `{"HeightNormalized":"1","PositionRefer":"topRight",
 * "WidthNormalized":"0","PositionNormalized":["0.1","0.2"]}`. Transparency (DESCRIBE_COMPONENTS:
 * "0 to 255 … 255 (default)") is read too, so that what is read back can be sent again.
 */
function readComponentLayer(text: string): ComponentLayerRecord {
  const value = jsonObject("ComponentLayer", text, ["HeightNormalized", "WidthNormalized", "PositionRefer", "PositionNormalized", "Transparency"]);
  const defaults = COMPONENT_LAYER_DEFAULTS;
  const layer: ComponentLayerRecord = {
    heightNormalized: defaults.heightNormalized,
    widthNormalized: defaults.widthNormalized,
    positionRefer: defaults.anchor,
    positionNormalized: [...defaults.position],
    transparency: defaults.transparency,
  };
  if (value.HeightNormalized !== undefined) layer.heightNormalized = number("ComponentLayer.HeightNormalized", value.HeightNormalized, 0, MAX_NORMALIZED);
  if (value.WidthNormalized !== undefined) layer.widthNormalized = number("ComponentLayer.WidthNormalized", value.WidthNormalized, 0, MAX_NORMALIZED);
  if (value.PositionRefer !== undefined) layer.positionRefer = oneOf("ComponentLayer.PositionRefer", string("ComponentLayer.PositionRefer", value.PositionRefer), POSITION_REFERS);
  if (value.PositionNormalized !== undefined) {
    const position = value.PositionNormalized;
    if (!Array.isArray(position) || position.length !== 2) {
      throw errors.positionMalformed(`ComponentLayer.PositionNormalized is ${JSON.stringify(position)}; send [x, y]`);
    }
    layer.positionNormalized = [
      number("ComponentLayer.PositionNormalized[0]", position[0], 0, MAX_NORMALIZED),
      number("ComponentLayer.PositionNormalized[1]", position[1], 0, MAX_NORMALIZED),
    ];
  }
  if (value.Transparency !== undefined) layer.transparency = whole("ComponentLayer.Transparency", value.Transparency, 0, MAX_TRANSPARENCY);
  return layer;
}

/**
 * ADD_COMPONENT, TextLayerContent: Text (default ""), Color (default 0xff0000, red), FontName
 * (default KaiTi), SizeNormalized ("font_size/output_height", 0–1), BorderWidthNormalized
 * ("BorderWidth/FontSize", 0–1, default 0), BorderColor (0x000000–0xffffff, default "": none).
 */
function readTextContent(text: string): TextContentRecord {
  const value = jsonObject("TextLayerContent", text, ["Text", "Color", "FontName", "SizeNormalized", "BorderWidthNormalized", "BorderColor"]);
  return {
    text: value.Text === undefined ? "" : string("TextLayerContent.Text", value.Text),
    color: value.Color === undefined ? TEXT_STYLE_DEFAULTS.color : color("TextLayerContent.Color", value.Color, false),
    fontName: value.FontName === undefined ? TEXT_STYLE_DEFAULTS.fontName : fontName("TextLayerContent.FontName", value.FontName),
    sizeNormalized: value.SizeNormalized === undefined ? TEXT_STYLE_DEFAULTS.sizeNormalized : number("TextLayerContent.SizeNormalized", value.SizeNormalized, 0, MAX_NORMALIZED),
    borderWidthNormalized: value.BorderWidthNormalized === undefined ? TEXT_STYLE_DEFAULTS.borderWidthNormalized : number("TextLayerContent.BorderWidthNormalized", value.BorderWidthNormalized, 0, MAX_NORMALIZED),
    borderColor: value.BorderColor === undefined ? TEXT_STYLE_DEFAULTS.borderColor : color("TextLayerContent.BorderColor", value.BorderColor, true),
  };
}

/** ADD_COMPONENT, ImageLayerContent: `{"MaterialId":"…"}`, the media-library asset shown (required). */
function readImageContent(text: string): { materialId: string } {
  const value = jsonObject("ImageLayerContent", text, ["MaterialId"]);
  const materialId = value.MaterialId;
  if (typeof materialId !== "string" || !ASSET_ID_PATTERN.test(materialId)) {
    throw errors.materialIdMalformed(typeof materialId === "string" ? materialId : JSON.stringify(materialId ?? null));
  }
  return { materialId };
}

const CAPTION_KEYS = [
  "LocationId", "SourceLan", "TargetLan", "ShowSourceLan", "Truncation", "Color", "FontName", "SizeNormalized", "BorderWidthNormalized",
  "BorderColor", "SourceLanPerLineWordCount", "TargetLanPerLineWordCount", "SourceLanReservePages", "TargetLanReservePages",
  "PtsOffset", "WordsCount", "WordCountPerLine", "WordSpaceNormalized", "LineSpaceNormalized",
];

/**
 * ADD_COMPONENT, CaptionLayerContent: the text keys (less Text) and LocationId (the source whose
 * speech is captioned), SourceLan (cn, en, es, ru; default cn), TargetLan (the same; left out,
 * speech recognition only), ShowSourceLan and Truncation (default false), SourceLanPerLineWordCount
 * and TargetLanPerLineWordCount (default 20), SourceLanReservePages and TargetLanReservePages
 * (default 2). DescribeCasterComponents' own caption fields (PtsOffset, WordsCount,
 * WordCountPerLine, WordSpaceNormalized, LineSpaceNormalized) are read too.
 */
function readCaptionContent(caster: CasterRecord, text: string, componentLocation: string): CaptionContentRecord {
  const value = jsonObject("CaptionLayerContent", text, CAPTION_KEYS);
  const where = (key: string) => `CaptionLayerContent.${key}`;
  // The captioned source: LocationId, or the component's own position when that is a source's (RVxx).
  const locationId = value.LocationId === undefined
    ? (LOCATION_ID_PATTERN.test(componentLocation) ? componentLocation : undefined)
    : string(where("LocationId"), value.LocationId);
  if (locationId === undefined) {
    throw errors.invalidParameter("CaptionLayerContent needs LocationId, the video source (RV01 to RV99) whose speech is captioned");
  }
  if (!LOCATION_ID_PATTERN.test(locationId)) throw errors.unexpectedLocation(locationId);
  if (!Object.values(caster.videoResources).some((resource) => resource.locationId === locationId)) {
    throw errors.noSourceAtLocation(locationId, where("LocationId"));
  }
  const language = (key: string, fallback: string) =>
    value[key] === undefined ? fallback : oneOf(where(key), string(where(key), value[key]), CAPTION_LANGUAGES);
  const count = (key: string, fallback: number, min: number) => value[key] === undefined ? fallback : whole(where(key), value[key], min, INT32_MAX);
  const share = (key: string, fallback = 0) => value[key] === undefined ? fallback : number(where(key), value[key], 0, MAX_NORMALIZED);
  return {
    locationId,
    sourceLan: language("SourceLan", CAPTION_DEFAULTS.sourceLanguage),
    targetLan: language("TargetLan", CAPTION_DEFAULTS.targetLanguage),
    showSourceLan: value.ShowSourceLan === undefined ? CAPTION_DEFAULTS.showSourceLanguage : boolean(where("ShowSourceLan"), value.ShowSourceLan),
    truncation: value.Truncation === undefined ? false : boolean(where("Truncation"), value.Truncation),
    color: value.Color === undefined ? TEXT_STYLE_DEFAULTS.color : color(where("Color"), value.Color, false),
    fontName: value.FontName === undefined ? TEXT_STYLE_DEFAULTS.fontName : fontName(where("FontName"), value.FontName),
    sizeNormalized: share("SizeNormalized", TEXT_STYLE_DEFAULTS.sizeNormalized),
    borderWidthNormalized: share("BorderWidthNormalized", TEXT_STYLE_DEFAULTS.borderWidthNormalized),
    borderColor: value.BorderColor === undefined ? TEXT_STYLE_DEFAULTS.borderColor : color(where("BorderColor"), value.BorderColor, true),
    sourceLanPerLineWordCount: count("SourceLanPerLineWordCount", 20, 1),
    targetLanPerLineWordCount: count("TargetLanPerLineWordCount", 20, 1),
    sourceLanReservePages: count("SourceLanReservePages", 2, 1),
    targetLanReservePages: count("TargetLanReservePages", 2, 1),
    ptsOffset: count("PtsOffset", 0, 0),
    wordsCount: count("WordsCount", 0, 0),
    wordCountPerLine: count("WordCountPerLine", 0, 0),
    wordSpaceNormalized: share("WordSpaceNormalized"),
    lineSpaceNormalized: share("LineSpaceNormalized"),
  };
}

function jsonObject(name: string, text: string, known: string[]): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw errors.invalidParameter(`${name} is not valid JSON`);
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) throw errors.invalidParameter(`${name} must be a JSON object`);
  const unknown = Object.keys(value).filter((key) => !known.includes(key));
  if (unknown.length > 0) {
    throw errors.invalidParameter(`${name} has unknown fields ${unknown.join(", ")}; it takes ${known.join(", ")} (upper camel case)`);
  }
  return value as Record<string, unknown>;
}

/** A number, or a string holding one (the pages' examples write "0.2"), from min to max. */
function number(name: string, value: unknown, min: number, max: number): number {
  const parsed = typeof value === "number" ? value
    : typeof value === "string" && DECIMAL_NUMBER.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(parsed)) throw errors.invalidParameter(`${name} must be a number, got ${JSON.stringify(value)}`);
  if (parsed < min || parsed > max) throw errors.invalidParameter(`${name} ${parsed} is out of range ${min} to ${max}`);
  return parsed;
}

function whole(name: string, value: unknown, min: number, max: number): number {
  const parsed = number(name, value, min, max);
  if (!Number.isInteger(parsed)) throw errors.invalidParameter(`${name} must be a whole number, got ${JSON.stringify(value)}`);
  return parsed;
}

function boolean(name: string, value: unknown): boolean {
  if (value === true || value === "true") return true;
  if (value === false || value === "false") return false;
  throw errors.invalidParameter(`${name} must be true or false, got ${JSON.stringify(value)}`);
}

function string(name: string, value: unknown): string {
  if (typeof value !== "string") throw errors.invalidParameter(`${name} must be a string, got ${JSON.stringify(value)}`);
  return value;
}

/** ADD_COMPONENT: colours are "0x000000-0xffffff"; a border colour may be "" (none). */
function color(name: string, value: unknown, mayBeEmpty: boolean): string {
  const text = string(name, value);
  if (mayBeEmpty && text === "") return text;
  if (!COLOR_PATTERN.test(text)) throw errors.invalidParameter(`${name} ${JSON.stringify(text)} is not a colour from 0x000000 to 0xffffff`);
  return text;
}

/** The studio's fonts are not listed in the pages' text; any name up to the assumed length is taken (LIMITATIONS). */
function fontName(name: string, value: unknown): string {
  const text = string(name, value);
  if (text === "" || text.length > MAX_FONT_NAME_LENGTH) throw errors.invalidParameter(`${name} must be a font's name, 1 to ${MAX_FONT_NAME_LENGTH} characters`);
  return text;
}
