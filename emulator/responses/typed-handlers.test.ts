import { OperationHandler } from "./operation";
import { ObjectListField, ObjectListParam, RequestParams, SingleParam, ValueListParam } from "./params";

/*
 * A handler reads its parameters by the names its Action's spec declares (model/live-api.ts): each
 * `@ts-expect-error` below is a read that must not compile (`npm run typecheck` fails if it does).
 * Nothing here runs against a request.
 */

const DeleteCasterLayout: OperationHandler<"DeleteCasterLayout"> = (call) => {
  // @ts-expect-error: a misspelt parameter
  call.params.required("LayoutID");
  // @ts-expect-error: a parameter of another operation (SetCasterSceneConfig's)
  call.params.optional("SceneId");
  // @ts-expect-error: a list the operation does not take
  call.params.values("ComponentId");
  return { CasterId: call.params.required("CasterId"), LayoutId: call.params.required("LayoutId") };
};

const DescribeCasterLayouts: OperationHandler<"DescribeCasterLayouts"> = (call) => {
  // @ts-expect-error: paging is DescribeCasters' and DescribeCasterProgram's, not this operation's
  call.params.optionalInteger("PageSize");
  return { Total: 0 };
};

const AddCasterLayout: OperationHandler<"AddCasterLayout"> = (call) => {
  const p = call.params;
  // @ts-expect-error: a list is read by its prefix, not as one parameter
  p.optional("BlendList.1");
  // @ts-expect-error: nor by its spec name
  p.optional("BlendList.N");
  // @ts-expect-error: one parameter is not a list
  p.values("CasterId");
  // @ts-expect-error: a list of objects is not a list of values
  p.values("VideoLayer");
  // @ts-expect-error: a list of values is not a list of objects
  p.objects("BlendList");
  // @ts-expect-error: a misspelt prefix (the API's is VideoLayer.N.HeightNormalized)
  p.objects("VideoLayers");
  // What does compile: the operation's own names and prefixes, and those every request may carry.
  void [p.required("CasterId"), p.values("BlendList"), p.values("MixList"), p.objects("VideoLayer"), p.objects("AudioLayer"), p.optional("RegionId")];
  return { LayoutId: "l" };
};

const AddCasterEpisodeGroup: OperationHandler<"AddCasterEpisodeGroup"> = (call) => {
  // @ts-expect-error: a misspelt field of a list of objects (Item.N.VodUrl)
  call.params.list("Item", ["ItemName", "VodURL"]);
  const items = call.params.list("Item", ["ItemName", "VodUrl"]);
  // @ts-expect-error: an item has only the fields read
  void items[0]?.Vodurl;
  const url: string | undefined = items[0]?.VodUrl;
  return { ProgramId: url };
};

/** A helper shared by two operations reads the names both declare. */
function readComponent(p: RequestParams<"AddCasterComponent" | "ModifyCasterComponent">): void {
  // @ts-expect-error: only AddCasterComponent takes LayerOrder
  p.optional("LayerOrder");
  void p.optional("ComponentLayer");
}

// Type-level equalities, checked by the compiler: a wrong derivation makes `true` fail to assign.
type Equal<X, Y> = (<T>() => T extends X ? 1 : 2) extends (<T>() => T extends Y ? 1 : 2) ? true : false;
const single: Equal<SingleParam<"DeleteCasterLayout">, "CasterId" | "LayoutId" | "RegionId" | "OwnerId"> = true;
const valueLists: Equal<ValueListParam<"UpdateCasterSceneAudio">, "MixList"> = true;
const objectLists: Equal<ObjectListParam<"ModifyCasterLayout">, "AudioLayer" | "VideoLayer"> = true;
const videoLayerFields: Equal<
  ObjectListField<"AddCasterLayout", "VideoLayer">,
  "FillMode" | "FixedDelayDuration" | "HeightNormalized" | "PositionNormalized.N" | "PositionRefer" | "WidthNormalized"
> = true;
const itemFields: Equal<ObjectListField<"AddCasterEpisodeGroup", "Item">, "ItemName" | "VodUrl"> = true;
const shared: Equal<SingleParam<"DeleteCasterComponent" | "DeleteCasterLayout">, "CasterId" | "RegionId" | "OwnerId"> = true;

describe("the emulator's typed handlers", () => {
  test("are checked by the compiler (npm run typecheck); the file's types hold at run time too", () => {
    expect([single, valueLists, objectLists, videoLayerFields, itemFields, shared]).toEqual([true, true, true, true, true, true]);
    expect([DeleteCasterLayout, DescribeCasterLayouts, AddCasterLayout, AddCasterEpisodeGroup, readComponent].map((f) => typeof f)).toEqual(Array(5).fill("function"));
  });
});
