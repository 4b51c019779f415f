import { textualRequest, typedReply, withDefaults } from "../../model/fields/nested";
import { casterStudioLayout as kind, MEDIA_INPUT_FIELDS, MediaInput, STUDIO_LAYOUT_SETTINGS, StudioLayoutInputs } from "../../model/kinds/caster-studio-layout";
import { UserFacingError } from "../client/errors";
import { itemsOf, Listed, LiveClient, ParamsOf, ReplyOf } from "../client/live-client";
import { differences, formatId, kindProvider, parseId } from "../kind-provider";
import { liveClient } from "../runtime";
import { sessionDeclarations } from "../shared/session-declarations";
import { studioKey, studioListing } from "../shared/studio-listing";

/** What the provider stores for a studio layout. */
export interface StudioLayoutOutputs extends StudioLayoutInputs {
  layoutId: string;
}

/** One item of DescribeStudioLayouts. */
export type ApiStudioLayout = Listed<NonNullable<ReplyOf<"DescribeStudioLayouts">["StudioLayouts"]>[number], "LayoutId">;

/** A virtual studio's layouts. */
export const studioLayouts = studioListing({
  describe: "DescribeStudioLayouts",
  items: (reply) => itemsOf(reply.StudioLayouts, "LayoutId"),
  idOf: (item) => item.LayoutId,
  noun: "studio layout",
});

/**
 * The CasterStudioLayout dynamic provider. AddStudioLayout has no ClientToken: a layout is known by
 * its name, which is unique in its studio (a create refuses a name the studio has; the whole-studio
 * check refuses two of one program), so a lost reply is resolved by the layout of that name that
 * was not there before. The settings travel as the JSON text the API takes, and are read back typed.
 */
export const studioLayoutProvider = kindProvider<StudioLayoutInputs, StudioLayoutOutputs>(kind, {
  adopt: (inputs) => adopt(liveClient(), inputs),

  create(inputs) {
    const client = liveClient();
    // The name is checked in the listing of what was there before the add, which creates side by
    // side share; it is from after this process's last delete in the studio (a replacement has just
    // deleted the old layout of this name).
    return declaredNames.during(nameKey(client, inputs.casterId, inputs.layoutName), () => nameTaken(inputs), async () => {
      const layoutId = await studioLayouts.add(client, inputs.casterId, {
        matches: (item) => item.LayoutName === inputs.layoutName,
        add: async () => (await studioLayouts.change(client, inputs.casterId, "AddStudioLayout", { ...settingParams(inputs, "add"), LayoutType: inputs.layoutType })).LayoutId!,
        twin: (existing) => new UserFacingError(
          `studio ${inputs.casterId} already has a studio layout named ${JSON.stringify(inputs.layoutName)} (${existing.LayoutId}): a studio layout is known by its name. `
          + `Set importId: "${formatId(kind, { casterId: inputs.casterId, layoutId: existing.LayoutId })}" to take it over, or choose another layoutName.`,
        ),
      });
      const outs = outputsOf(inputs, await studioLayouts.readBack(client, inputs.casterId, layoutId));
      return { id: formatId(kind, outs), outs };
    });
  },

  async read(id, props) {
    const { casterId, layoutId } = parseId(kind, id);
    const item = await studioLayouts.find(liveClient(), casterId, layoutId, "refresh");
    if (!item) return {};
    return { id, props: { ...props, ...fromApi(item), casterId, layoutId } };
  },

  async update(id, _olds, news) {
    const client = liveClient();
    const { casterId, layoutId } = parseId(kind, id);
    await studioLayouts.change(client, casterId, "ModifyStudioLayout", { ...settingParams(news, "modify"), LayoutId: layoutId });
    return { outs: outputsOf(news, await studioLayouts.readBack(client, casterId, layoutId)) };
  },

  normalize: normalLayout,

  changed(props) {
    if (!props.casterId) return;
    studioLayouts.changed(liveClient(), props.casterId);
    // Deleted: a later declaration of this session may take the name.
    if (props.layoutName) declaredNames.release(nameKey(liveClient(), props.casterId, props.layoutName));
  },
});

/**
 * Brings an existing studio layout under management (importId): it must be of the declared type
 * (ModifyStudioLayout cannot change it); its name and settings are compared as diff compares them,
 * and ModifyStudioLayout is sent only when they differ. Every refusal comes before any change.
 */
async function adopt(client: LiveClient, inputs: StudioLayoutInputs): Promise<StudioLayoutOutputs> {
  const { casterId, layoutId } = parseId(kind, inputs.importId as string);
  if (casterId !== inputs.casterId) {
    throw new UserFacingError(`importId ${inputs.importId} names studio ${casterId}, but casterId is ${inputs.casterId}; they must match.`);
  }
  const items = await studioLayouts.listOrNone(client, casterId);
  const item = items?.find((candidate) => candidate.LayoutId === layoutId);
  if (!item) {
    const named = items?.find((candidate) => candidate.LayoutName === inputs.layoutName);
    const hint = items === undefined ? ` (the account has no virtual studio ${casterId})`
      : named ? ` (the layout named ${JSON.stringify(inputs.layoutName)} is ${named.LayoutId}: importId "${formatId(kind, { casterId, layoutId: named.LayoutId })}")` : "";
    throw new UserFacingError(`importId ${inputs.importId}: studio ${casterId} has no studio layout ${layoutId}${hint}. Check the ID with DescribeStudioLayouts, or remove importId to add a new layout.`);
  }
  if (item.LayoutType !== inputs.layoutType) {
    throw new UserFacingError(`importId ${inputs.importId}: that studio layout is of type ${item.LayoutType}, but layoutType is ${inputs.layoutType}. ModifyStudioLayout cannot change a layout's type; set layoutType to ${item.LayoutType}.`);
  }
  if (!studioLayouts.claim(client, casterId, layoutId)) {
    throw new UserFacingError(`importId ${inputs.importId}: another resource of this program already manages that studio layout; remove one of the two.`);
  }
  declaredNames.declare(nameKey(client, casterId, inputs.layoutName), () => nameTaken(inputs));
  const found: StudioLayoutOutputs = { ...fromApi(item), casterId, layoutId, connection: inputs.connection };
  if (differences(kind, normalLayout, found, inputs).changed.length === 0) return { ...inputs, ...found };
  await studioLayouts.change(client, casterId, "ModifyStudioLayout", { ...settingParams(inputs, "modify"), LayoutId: layoutId });
  return outputsOf(inputs, await studioLayouts.readBack(client, casterId, layoutId));
}

/** The names the resources of this session create or take over, by studio: the API takes a name twice. */
const declaredNames = sessionDeclarations();

function nameKey(client: LiveClient, casterId: string, layoutName: string): string {
  return `${studioKey(client, casterId)} ${layoutName}`;
}

function nameTaken(inputs: StudioLayoutInputs): Error {
  return new UserFacingError(`layoutName ${JSON.stringify(inputs.layoutName)} is declared by another studio layout of this program in studio ${inputs.casterId}: a studio layout is known by its name (that is how a lost reply is found again); rename one.`);
}

type SettingParams = Pick<ParamsOf<"AddStudioLayout">, "CasterId" | "LayoutName" | "CommonConfig" | "BgImageConfig" | "ScreenInputConfigList" | "MediaInputConfigList" | "LayerOrderConfigList">;

/**
 * The name and each declared setting as the JSON text the API takes. A modify replaces each setting
 * it sends: a list the program no longer declares is sent empty, so that removing it removes it.
 */
function settingParams(inputs: StudioLayoutInputs, operation: "add" | "modify"): SettingParams {
  const values = inputs as Record<string, unknown>;
  const params: Record<string, string | undefined> = { CasterId: inputs.casterId, LayoutName: inputs.layoutName };
  for (const setting of STUDIO_LAYOUT_SETTINGS) {
    const value = values[setting.property];
    if (value === undefined) {
      if (operation === "modify" && setting.list && inputs.layoutType === "studio") params[setting.api] = "[]";
      continue;
    }
    params[setting.api] = JSON.stringify(setting.list ? (value as object[]).map((item) => textualRequest(setting.fields, item)) : textualRequest(setting.fields, value as object));
  }
  return params as SettingParams;
}

/** A listed studio layout's name, type and settings, as the kind names them: a setting it lacks (or an empty list) as undefined, so that it replaces a declared one. */
export function fromApi(item: ApiStudioLayout): StudioLayoutInputs {
  const values: Record<string, unknown> = { casterId: "", layoutName: item.LayoutName ?? "", layoutType: item.LayoutType };
  const replied = item as unknown as Record<string, unknown>;
  for (const setting of STUDIO_LAYOUT_SETTINGS) {
    const value = replied[setting.api];
    values[setting.property] = undefined;
    if (value === undefined || value === null) continue;
    if (setting.list) {
      if (Array.isArray(value) && value.length > 0) values[setting.property] = value.map((entry: object) => typedReply(setting.fields, entry));
    } else if (typeof value === "object" && Object.keys(typedReply(setting.fields, value)).length > 0) {
      values[setting.property] = typedReply(setting.fields, value);
    }
  }
  return values as StudioLayoutInputs;
}

/** The media inputs with what the API has where they leave it out (anchor topLeft, fillMode none), where they are known. */
function normalLayout(props: Record<string, unknown>): Record<string, unknown> {
  const inputs = props.mediaInputs;
  if (!Array.isArray(inputs) || !inputs.every((input) => typeof input === "object" && input !== null)) return props;
  const defaults = Object.fromEntries(Object.entries(MEDIA_INPUT_FIELDS).filter(([, field]) => "default" in field));
  return { ...props, mediaInputs: (inputs as MediaInput[]).map((input) => ({ ...input, ...withDefaults(defaults, input) })) };
}

/** What the provider stores for a listed studio layout that these inputs declare. */
function outputsOf(inputs: StudioLayoutInputs, item: ApiStudioLayout): StudioLayoutOutputs {
  return { ...inputs, ...fromApi(item), casterId: inputs.casterId, layoutId: item.LayoutId };
}
