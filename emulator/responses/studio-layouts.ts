import { addStudioLayout, deleteStudioLayout, describeStudioLayouts, modifyStudioLayout, StudioLayoutInput } from "../models/studio-layouts";
import { OperationHandler } from "./operation";
import { RequestParams } from "./params";

/** A virtual studio's layouts (emulator/models/studio-layouts.ts); DescribeStudioLayouts answers each JSON setting typed. */

export const AddStudioLayout: OperationHandler<"AddStudioLayout"> = (call) => {
  const casterId = call.params.required("CasterId");
  const layoutType = call.params.required("LayoutType");
  const input = layoutInput(call.params, call.params.required("LayoutName"));
  const layout = call.backend.change(call.uid, (account) => addStudioLayout(account, casterId, layoutType, input));
  return { LayoutId: layout.layoutId };
};

export const ModifyStudioLayout: OperationHandler<"ModifyStudioLayout"> = (call) => {
  const casterId = call.params.required("CasterId");
  const layoutId = call.params.required("LayoutId");
  const input = layoutInput(call.params, call.params.optional("LayoutName"));
  call.backend.change(call.uid, (account) => modifyStudioLayout(account, casterId, layoutId, input));
  return {};
};

export const DeleteStudioLayout: OperationHandler<"DeleteStudioLayout"> = (call) => {
  const casterId = call.params.required("CasterId");
  const layoutId = call.params.required("LayoutId");
  call.backend.change(call.uid, (account) => deleteStudioLayout(account, casterId, layoutId));
  return {};
};

export const DescribeStudioLayouts: OperationHandler<"DescribeStudioLayouts"> = (call) => {
  const casterId = call.params.required("CasterId");
  const layoutIds = call.params.optional("LayoutId");
  const layouts = call.backend.read(call.uid, (account) => describeStudioLayouts(account, casterId, layoutIds));
  return {
    Total: layouts.length,
    // The settings were checked against the reply model's fields when stored.
    StudioLayouts: layouts.map((layout) => ({ LayoutId: layout.layoutId, LayoutName: layout.layoutName, LayoutType: layout.layoutType, ...layout.settings } as object)),
  };
};

function layoutInput(params: RequestParams<"AddStudioLayout" | "ModifyStudioLayout">, layoutName: string | undefined): StudioLayoutInput {
  return {
    layoutName,
    settings: {
      BgImageConfig: params.optional("BgImageConfig"),
      CommonConfig: params.optional("CommonConfig"),
      LayerOrderConfigList: params.optional("LayerOrderConfigList"),
      MediaInputConfigList: params.optional("MediaInputConfigList"),
      ScreenInputConfigList: params.optional("ScreenInputConfigList"),
    },
  };
}
