import { addComponent, deleteComponent, listComponents, modifyComponent } from "../models/components";
import { ComponentRecord } from "../models/state";
import { RequestParams } from "./params";
import { OperationHandler } from "./operation";

/**
 * Components. ComponentLayer and the contents are JSON strings in the request; DescribeCasterComponents
 * answers them as typed objects, and only the content of the component's type.
 */

export const AddCasterComponent: OperationHandler<"AddCasterComponent"> = (call) => {
  const p = call.params;
  const input = {
    ...readComponent(p),
    componentType: p.required("ComponentType"),
    locationId: p.required("LocationId"),
    componentLayer: p.required("ComponentLayer"),
    layerOrder: p.optional("LayerOrder"),
    htmlLayerContent: p.optional("HtmlLayerContent"),
  };
  const component = call.backend.change(call.uid, (account) => addComponent(account, input));
  return { ComponentId: component.componentId };
};

export const ModifyCasterComponent: OperationHandler<"ModifyCasterComponent"> = (call) => {
  const p = call.params;
  const input = { ...readComponent(p), componentId: p.required("ComponentId") };
  const component = call.backend.change(call.uid, (account) => modifyComponent(account, input));
  return { ComponentId: component.componentId };
};

export const DeleteCasterComponent: OperationHandler<"DeleteCasterComponent"> = (call) => {
  const casterId = call.params.required("CasterId");
  const componentId = call.params.required("ComponentId");
  call.backend.change(call.uid, (account) => deleteComponent(account, casterId, componentId));
  return { CasterId: casterId, ComponentId: componentId };
};

export const DescribeCasterComponents: OperationHandler<"DescribeCasterComponents"> = (call) => {
  const casterId = call.params.required("CasterId");
  const componentId = call.params.optional("ComponentId");
  const components = call.backend.read(call.uid, (account) => listComponents(account, casterId, componentId));
  return { Total: components.length, Components: { Component: components.map(describeComponent) } };
};

function readComponent(p: RequestParams<"AddCasterComponent" | "ModifyCasterComponent">) {
  return {
    casterId: p.required("CasterId"),
    componentName: p.optional("ComponentName"),
    componentType: p.optional("ComponentType"),
    effect: p.optional("Effect"),
    componentLayer: p.optional("ComponentLayer"),
    textLayerContent: p.optional("TextLayerContent"),
    imageLayerContent: p.optional("ImageLayerContent"),
    captionLayerContent: p.optional("CaptionLayerContent"),
  };
}

/** LayerOrder and HtmlLayerContent have no field in the SDK's reply, so they are not here either. */
function describeComponent(component: ComponentRecord) {
  const { layer, text, image, caption } = component;
  return {
    ComponentId: component.componentId,
    ComponentName: component.componentName,
    ComponentType: component.componentType,
    LocationId: component.locationId,
    Effect: component.effect,
    ComponentLayer: {
      HeightNormalized: layer.heightNormalized,
      WidthNormalized: layer.widthNormalized,
      PositionRefer: layer.positionRefer,
      PositionNormalizeds: { Position: layer.positionNormalized },
      Transparency: layer.transparency,
    },
    ...(text ? {
      TextLayerContent: {
        Text: text.text, Color: text.color, FontName: text.fontName, SizeNormalized: text.sizeNormalized,
        BorderWidthNormalized: text.borderWidthNormalized, BorderColor: text.borderColor,
      },
    } : {}),
    ...(image ? { ImageLayerContent: { MaterialId: image.materialId } } : {}),
    ...(caption ? {
      CaptionLayerContent: {
        LocationId: caption.locationId, SourceLan: caption.sourceLan, TargetLan: caption.targetLan, ShowSourceLan: caption.showSourceLan,
        Color: caption.color, FontName: caption.fontName, SizeNormalized: caption.sizeNormalized,
        BorderWidthNormalized: caption.borderWidthNormalized, BorderColor: caption.borderColor, PtsOffset: caption.ptsOffset,
        WordsCount: caption.wordsCount, WordCountPerLine: caption.wordCountPerLine, WordSpaceNormalized: caption.wordSpaceNormalized,
        LineSpaceNormalized: caption.lineSpaceNormalized,
      },
    } : {}),
  };
}
