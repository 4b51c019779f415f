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
