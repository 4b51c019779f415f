import * as pulumi from "@pulumi/pulumi";
import { KINDS } from "../spec/kinds/generate";
import { Caster, CasterComponent, CasterEpisode, CasterEpisodeGroup, CasterLayout, CasterSceneBinding, CasterVideoResource } from "./index";

/**
 * Every output the generated `<Type>Outputs` documents (each property and each output of the
 * kind's spec) is an Output on a resource the program makes, also for a property the program
 * leaves out: the engine gives a resource only the outputs its inputs name. The engine is Pulumi's
 * mocks; what the outputs then hold is the providers' (and the end-to-end tests').
 */
pulumi.runtime.setMocks(
  { newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }), call: (args) => args.inputs },
  "project",
  "stack",
  false,
);

const CLASSES: Record<string, new (name: string, args: never) => pulumi.CustomResource> = {
  Caster, CasterVideoResource, CasterLayout, CasterComponent, CasterSceneBinding, CasterEpisode, CasterEpisodeGroup,
};

describe("each documented output exists on a resource the program makes", () => {
  test.each(KINDS.map((kind) => [kind.type, kind] as const))("%s", (type, kind) => {
    // The fewest inputs a program could give; the mocks run no check.
    const resource = new CLASSES[type]!(`a-${type}`, { casterId: "LIVEPRODUCER_POST-cn-mock", startTime: "2030-12-24T23:00:00Z", items: [] } as never) as unknown as Record<string, unknown>;
    const documented = [...Object.keys(kind.outputs), ...Object.entries(kind.fields).filter(([, field]) => !field.internal).map(([name]) => name)];
    expect(documented.filter((name) => !pulumi.Output.isInstance(resource[name]))).toEqual([]);
  });
});

describe("a source's outputs the state leaves out", () => {
  // The provider does not store what the API has when a property is left out (spec/kinds/kind.ts
  // stateFromReply); here the mocked engine, too, gives back only what the program set.
  const resolved = <T>(output: pulumi.Output<T>) => new Promise<T>((resolve) => output.apply(resolve));

  test("resolve to what the API has for them, and a set value stays", async () => {
    const source = new CasterVideoResource("left-out", {
      casterId: "LIVEPRODUCER_POST-cn-mock", resourceName: "Reel", locationId: "RV02", vodUrl: "https://media.example.com/reel.mp4", repeatNum: -1,
    });
    expect(await resolved(pulumi.all([source.beginOffset, source.endOffset, source.repeatNum, source.ptsCallbackInterval, source.fixedDelayDuration])))
      .toEqual([0, 0, -1, 0, 0]);
    // Text has no such value: a property the source does not have stays undefined.
    expect(await resolved(source.liveStreamUrl)).toBeUndefined();
  });
});
