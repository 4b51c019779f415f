import { createCaster, deleteCaster, findCaster, listCasters } from "../models/casters";
import { CasterRecord } from "../models/state";
import { OperationContext, OperationHandler } from "./operation";

export const CreateCaster: OperationHandler = (call: OperationContext) => {
  const p = call.params;
  const input = {
    clientToken: p.required("ClientToken"),
    normType: p.requiredInteger("NormType"),
    chargeType: p.required("ChargeType"),
    casterName: p.optional("CasterName"),
    casterTemplate: p.optional("CasterTemplate"),
    resourceGroupId: p.optional("ResourceGroupId"),
    tags: p.list("Tag", ["Key", "Value"]).map((tag) => ({ key: tag.Key ?? "", value: tag.Value ?? "" })),
    regionId: p.optional("RegionId") ?? call.regionId,
  };
  const caster = call.backend.change(call.uid, (account) =>
    createCaster(account, input, call.casterDefaults, call.nowMs));
  return { CasterId: caster.casterId };
};

export const DescribeCasters: OperationHandler = (call) => {
  const p = call.params;
  const pageNum = p.optionalInteger("PageNum") ?? 1;
  const pageSize = p.optionalInteger("PageSize") ?? 100;
  const filter = {
    casterId: p.optional("CasterId"),
    casterName: p.optional("CasterName"),
    status: p.optionalInteger("Status"),
    normType: p.optionalInteger("NormType"),
  };
  const casters = call.backend.read(call.uid, (account) => listCasters(account, filter));
  const page = casters.slice((pageNum - 1) * pageSize, pageNum * pageSize);
  return { Total: casters.length, CasterList: { Caster: page.map(describeCaster) } };
};

export const DeleteCaster: OperationHandler = (call) => {
  const casterId = call.params.required("CasterId");
  call.backend.change(call.uid, (account) => deleteCaster(account, casterId));
  return { CasterId: casterId };
};

export const DescribeCasterConfig: OperationHandler = (call) => {
  const casterId = call.params.required("CasterId");
  const caster = call.backend.read(call.uid, (account) => findCaster(account, casterId));
  return {
    CasterId: caster.casterId,
    CasterName: caster.casterName,
    DomainName: caster.config.domainName,
    CallbackUrl: caster.config.callbackUrl,
    SideOutputUrl: caster.config.sideOutputUrl,
    Delay: caster.config.delay,
    ChannelEnable: 0,
    ProgramEffect: 0,
    ProgramName: "",
    UrgentMaterialId: "",
    TranscodeConfig: { CasterTemplate: caster.casterTemplate, LiveTemplateIds: { LocationId: [] } },
  };
};

function describeCaster(caster: CasterRecord) {
  return {
    CasterId: caster.casterId,
    CasterName: caster.casterName,
    CasterTemplate: caster.casterTemplate,
    ChannelEnable: 0,
    ChargeType: caster.chargeType,
    CreateTime: caster.createTime,
    LastModified: caster.lastModified,
    NormType: caster.normType,
    PurchaseTime: caster.createTime,
    ResourceGroupId: caster.resourceGroupId,
    Status: caster.status,
    Tags: { tag: caster.tags.map((tag) => ({ TagKey: tag.key, TagValue: tag.value })) },
  };
}
