import type { HandlerTable } from "../../emulator/responses";
import { Action, LiveClient, ParamsOf, ReplyOf } from "./live-client";

/*
 * The client's types, derived from the spec's operation table: each `@ts-expect-error` below is
 * a call that must not compile (`npm run typecheck` fails if it does). Nothing here is sent.
 */
declare const client: LiveClient;

async function typed(): Promise<void> {
  // @ts-expect-error: no such Action
  await client.call("DescribeCaster", { CasterId: "c" });
  // @ts-expect-error: a misspelt parameter
  await client.call("DescribeCasterConfig", { CasterID: "c" });
  // @ts-expect-error: CasterId is required
  await client.call("DescribeCasterConfig", {});
  // @ts-expect-error: a required parameter needs a value, not undefined (which leaves it out)
  await client.call("DeleteCaster", { CasterId: undefined });
  // @ts-expect-error: SideOutputUrl must be present (it may be empty)
  await client.call("AddCasterEpisodeGroup", { CallbackUrl: "", ClientToken: "t", DomainName: "d", RepeatNum: -1, StartTime: "2030-01-01T00:00:00Z" });
  // @ts-expect-error: a repeated parameter is numbered
  await client.call("SetCasterSceneConfig", { CasterId: "c", SceneId: "s", "ComponentId.N": "x" });

  const config = await client.call("DescribeCasterConfig", { CasterId: "c" });
  // @ts-expect-error: a misspelt reply field
  void config.CasterNmae;
  // @ts-expect-error: Delay is a number ("float"), not text
  const delay: string | undefined = config.Delay;
  void delay;
  // @ts-expect-error: reply fields are optional
  const name: string = config.CasterName;
  void name;

  // What does compile: numbered forms, the common RegionId, nested replies as the spec has them.
  await client.call("AddCasterEpisodeGroup", {
    CallbackUrl: "", ClientToken: "t", DomainName: "d", RepeatNum: -1, SideOutputUrl: "", StartTime: "2030-01-01T00:00:00Z",
    "Item.1.ItemName": "Opening", "Item.1.VodUrl": "https://media.example.com/a.mp4", RegionId: "cn-shanghai",
  });
  await client.call("AddCasterLayout", { CasterId: "c", "BlendList.1": "RV01", "VideoLayer.1.PositionNormalized.2": "0.5" });
  const formats: { Format?: string }[] | undefined = config.RecordConfig?.RecordFormat?.RecordFormat;
  const position: number[] | undefined = (await client.call("DescribeCasterLayouts", { CasterId: "c" })).Layouts?.Layout?.[0]?.VideoLayers?.VideoLayer?.[0]
    ?.PositionNormalizeds?.Position;
  const requestId: string = config.RequestId;
  void formats, position, requestId;
  // The escape hatch takes anything, on purpose.
  await client.callUnchecked("NoSuchAction", { Anything: 1 });
}

// The emulator's handlers are typed from the same table.
const handlers: HandlerTable = { DeleteCasterLayout: { handler: () => ({ CasterId: "c", LayoutId: "l" }), notes: "" } };
const misnamed: HandlerTable = {
  // @ts-expect-error: no such Action
  DeleteCasterLayot: { handler: () => ({}), notes: "" },
};
const wrongReply: HandlerTable = {
  // @ts-expect-error: CasterId is text ("str")
  DeleteCasterComponent: { handler: () => ({ CasterId: 1, ComponentId: "x" }), notes: "" },
};

// Type-level equalities, checked by the compiler: a misspelt field or a wrong type makes `true` fail to assign.
type Equal<X, Y> = (<T>() => T extends X ? 1 : 2) extends (<T>() => T extends Y ? 1 : 2) ? true : false;
const deleteReply: Equal<ReplyOf<"DeleteCasterLayout">, { CasterId?: string; LayoutId?: string }> = true;
const stopReply: Equal<ReplyOf<"StopCaster">, {}> = true;
const required: Equal<ParamsOf<"DeleteCasterEpisode">["EpisodeId"], string | number | boolean> = true;

describe("the typed client", () => {
  test("is checked by the compiler (npm run typecheck); the file's types hold at run time too", () => {
    expect([deleteReply, stopReply, required]).toEqual([true, true, true]);
    expect([handlers, misnamed, wrongReply].map(Object.keys)).toEqual([["DeleteCasterLayout"], ["DeleteCasterLayot"], ["DeleteCasterComponent"]]);
    expect(typeof typed).toBe("function");
    const action: Action = "DescribeCasterConfig";
    expect(action).toBe("DescribeCasterConfig");
  });
});
