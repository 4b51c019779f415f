import * as pulumi from "@pulumi/pulumi";
import { declareInStudio } from "./whole-studio-check";
import { everyPropertyUnset, outputsFromId } from "./kind-inputs";
import { dynamicResourceArgs } from "./serialized-provider";
import { warnAboutCredentialsInConfig } from "./settings-warnings";
import { secretIfExternalId, secretIfSigned } from "./secrets";
import { casterVideoResource } from "../model/kinds/caster-video-resource";
import type { CasterVideoResourceArgs, CasterVideoResourceOutputs } from "./generated/args";

export type { CasterVideoResourceArgs };

/** The outputs, documented from the kind's spec (sdk/generated/args.ts). */
export interface CasterVideoResource extends CasterVideoResourceOutputs {}

/**
 * A video source of an ApsaraVideo Live production studio: a live stream, a file, a media asset or
 * an image, placed at a layout position RV01–RV99.
 *
 * @example
 * new CasterVideoResource("main-camera", {
 *   casterId: studio.id,
 *   resourceName: "Main camera",
 *   locationId: "RV01",
 *   liveStreamUrl: "rtmp://push.example.com/live/main-camera",
 * });
 */
export class CasterVideoResource extends pulumi.CustomResource {
  /**
   * Reads the video source with this Pulumi ID, `<casterId>:<resourceId>` into this program without managing it: its outputs are what the API reports, and
   * nothing is changed or deleted. Pulumi's `get`, as every resource class has; `connection` reaches
   * an object of another account or region, as the resource's own `connection` does.
   */
  public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions, connection?: CasterVideoResourceArgs["connection"]): CasterVideoResource {
    return new CasterVideoResource(name, { ...everyPropertyUnset(casterVideoResource), connection } as unknown as CasterVideoResourceArgs, { ...opts, id });
  }

  constructor(name: string, args: CasterVideoResourceArgs, opts?: pulumi.CustomResourceOptions) {
    warnAboutCredentialsInConfig();
    const studio = declareInStudio("CasterVideoResource", name, { ...args }, opts);
    super(...dynamicResourceArgs(
      "video",
      name,
      {
        ...everyPropertyUnset(casterVideoResource),
        ...args,
        ...secretsWhereSigned(args),
        connection: secretIfExternalId(args.connection),
      },
      studio.opts,
      "alicloud-caster",
      "CasterVideoResource",
    ));
    outputsFromId(this, casterVideoResource);
    studio.declared(this);
  }
}

/** The kind's URL properties that hold a signature or a password, as secrets (model/kinds: secretWhenSigned). */
function secretsWhereSigned(args: CasterVideoResourceArgs): Record<string, pulumi.Input<string> | undefined> {
  const urls = Object.entries(casterVideoResource.fields).filter(([, field]) => "secretWhenSigned" in field).map(([name]) => name);
  return Object.fromEntries(urls.map((name) => [name, secretIfSigned(args[name as keyof CasterVideoResourceArgs] as pulumi.Input<string> | undefined)]));
}
