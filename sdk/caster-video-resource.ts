import * as pulumi from "@pulumi/pulumi";
import { everyPropertyUnset } from "./kind-inputs";
import { CasterResource } from "./serialized-provider";
import { warnAboutCredentialsInConfig } from "./settings-warnings";
import { secretIfSigned } from "./secrets";
import { casterVideoResource } from "../spec/kinds/caster-video-resource";
import type { CasterVideoResourceArgs } from "./generated/args";

export type { CasterVideoResourceArgs };

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
export class CasterVideoResource extends CasterResource {
  /** The API's ResourceId of the source. */
  declare public readonly resourceId: pulumi.Output<string>;
  declare public readonly casterId: pulumi.Output<string>;
  declare public readonly resourceName: pulumi.Output<string>;
  declare public readonly locationId: pulumi.Output<string>;
  declare public readonly liveStreamUrl: pulumi.Output<string | undefined>;
  declare public readonly materialId: pulumi.Output<string | undefined>;
  declare public readonly vodUrl: pulumi.Output<string | undefined>;
  declare public readonly imageId: pulumi.Output<string | undefined>;
  declare public readonly imageUrl: pulumi.Output<string | undefined>;
  /** The FLV address the studio serves a live input at, when the API reports one. */
  declare public readonly flvUrl: pulumi.Output<string | undefined>;
  declare public readonly beginOffset: pulumi.Output<number>;
  declare public readonly endOffset: pulumi.Output<number>;
  declare public readonly repeatNum: pulumi.Output<number>;
  declare public readonly ptsCallbackInterval: pulumi.Output<number>;
  declare public readonly fixedDelayDuration: pulumi.Output<number>;

  /**
   * Reads the video source with this Pulumi ID, `<casterId>:<resourceId>` into this program without managing it: its outputs are what the API reports, and
   * nothing is changed or deleted. Pulumi's `get`, as every resource class has.
   */
  public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): CasterVideoResource {
    return new CasterVideoResource(name, everyPropertyUnset(casterVideoResource) as unknown as CasterVideoResourceArgs, { ...opts, id });
  }

  constructor(name: string, args: CasterVideoResourceArgs, opts?: pulumi.CustomResourceOptions) {
    warnAboutCredentialsInConfig();
    super(
      "video",
      name,
      {
        resourceId: undefined,
        flvUrl: undefined,
        ...args,
        ...secretsWhereSigned(args),
      },
      opts,
      "alicloud-caster",
      "CasterVideoResource",
    );
  }
}

/** The kind's URL properties that hold a signature or a password, as secrets (spec/kinds: secretWhenSigned). */
function secretsWhereSigned(args: CasterVideoResourceArgs): Record<string, pulumi.Input<string> | undefined> {
  const urls = Object.entries(casterVideoResource.fields).filter(([, field]) => "secretWhenSigned" in field).map(([name]) => name);
  return Object.fromEntries(urls.map((name) => [name, secretIfSigned(args[name as keyof CasterVideoResourceArgs] as pulumi.Input<string> | undefined)]));
}
