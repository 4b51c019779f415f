import * as pulumi from "@pulumi/pulumi";
import { KINDS } from "../model/kinds";
import { idOutputs, parseId } from "../model/kinds/kind";
import { Caster, CasterComponent, CasterEpisode, CasterEpisodeGroup, CasterLayout, CasterSceneBinding, CasterShowList, CasterVideoResource, CasterChannel, CasterPlaylist, CasterStudioLayout } from "./index";

/**
 * Every output the generated `<Type>Outputs` documents (each property and each output of the
 * kind's spec) is an Output on a resource the program makes, also for a property the program
 * leaves out: the engine gives a resource only the outputs its inputs name. The engine is Pulumi's
 * mocks; what the outputs then hold is the providers' (and the end-to-end tests').
 */
pulumi.runtime.setMocks(
  // An ID of the form the two-part kinds take (`<casterId>:<…>`): outputsFromId reads outputs from it.
  { newResource: (args) => ({ id: `LIVEPRODUCER_POST-cn-mock:${args.name}-id`, state: args.inputs }), call: (args) => args.inputs },
  "project",
  "stack",
  false,
);

const CLASSES: Record<string, new (name: string, args: never) => pulumi.CustomResource> = {
  Caster, CasterVideoResource, CasterLayout, CasterComponent, CasterSceneBinding, CasterEpisode, CasterEpisodeGroup, CasterShowList, CasterChannel, CasterPlaylist, CasterStudioLayout,
};

describe("each documented output exists on a resource the program makes", () => {
  test.each(KINDS.map((kind) => [kind.type, kind] as const))("%s", (type, kind) => {
    // The fewest inputs a program could give; the mocks run no check.
    const resource = new CLASSES[type]!(`a-${type}`, { casterId: "LIVEPRODUCER_POST-cn-mock", startTime: "2030-12-24T23:00:00Z", items: [] } as never) as unknown as Record<string, unknown>;
    const documented = [...Object.keys(kind.outputs), ...Object.entries(kind.fields).filter(([, field]) => !field.internal).map(([name]) => name)];
    expect(documented.filter((name) => !pulumi.Output.isInstance(resource[name]))).toEqual([]);
  });
});

describe("the outputs that are parts of the Pulumi ID", () => {
  // Known wherever the ID is: in a preview of an in-place update, the engine keeps a resource's ID
  // but gives none of its other outputs (the mocks' state has none of them: they stay undefined).
  test.each(KINDS.filter((kind) => idOutputs(kind).length > 0).map((kind) => [kind.type, kind] as const))("%s takes them from its ID", async (type, kind) => {
    const resource = new CLASSES[type]!(`id-${type}`, { casterId: "LIVEPRODUCER_POST-cn-mock", startTime: "2030-12-24T23:00:00Z", items: [] } as never) as unknown as Record<string, pulumi.Output<unknown>>;
    const id = await new Promise((resolve) => (resource.id as pulumi.Output<string>).apply(resolve));
    const outputs = await Promise.all(idOutputs(kind).map((name) => new Promise((resolve) => resource[name]!.apply(resolve))));
    expect(outputs).toEqual(idOutputs(kind).map((name) => parseId(kind, id as string)[name]));
    expect(outputs.every((value) => typeof value === "string" && value.length > 0)).toBe(true);
  });
});
