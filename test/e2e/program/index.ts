import * as pulumi from "@pulumi/pulumi";
import { CasterVideoResource, CasterVideoResourceArgs } from "pulumi-alicloud-caster";

/**
 * Declares the video sources given in config `sources` (name → args). With `casterIdFrom: output`,
 * each source's casterId comes from a resource created in the same run, so that during the first
 * preview it is not yet known.
 */
const config = new pulumi.Config();
const sources = config.requireObject<Record<string, CasterVideoResourceArgs>>("sources");
const casterIdFromOutput = config.get("casterIdFrom") === "output";

class PassThrough extends pulumi.dynamic.Resource {
  declare public readonly value: pulumi.Output<string>;
  constructor(name: string, value: string) {
    super(
      { create: async (inputs: { value: string }) => ({ id: "pass-through", outs: { value: inputs.value } }) },
      name,
      { value },
      {},
    );
  }
}

const created: Record<string, CasterVideoResource> = {};
for (const [name, args] of Object.entries(sources)) {
  const casterId = casterIdFromOutput ? new PassThrough(`${name}-studio`, args.casterId as string).value : args.casterId;
  created[name] = new CasterVideoResource(name, { ...args, casterId });
}

export const resourceIds = Object.fromEntries(Object.entries(created).map(([name, source]) => [name, source.resourceId]));
