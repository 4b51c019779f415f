import * as pulumi from "@pulumi/pulumi";
import { declareInStudio } from "./whole-studio-check";
import { caster } from "../model/kinds/caster";
import type { CasterArgs, CasterOutputs } from "./generated/args";
import { isSignedUrl, secretIfExternalId, secretIfSigned } from "./secrets";
import { everyPropertyUnset, outputsFromId } from "./kind-inputs";
import { dynamicResourceArgs } from "./serialized-provider";
import { warnAboutCredentialsInConfig } from "./settings-warnings";

export type { CasterArgs };

/** The outputs, documented from the kind's spec (sdk/generated/args.ts). */
export interface Caster extends CasterOutputs {}

/**
 * An ApsaraVideo Live production studio: made with CreateCaster (idempotent by ClientToken),
 * configured as a whole (SetCasterConfig: each declared setting; what is not declared keeps the
 * studio's value), read back setting by setting, and started or stopped as `running` says.
 *
 * Deleting it (`pulumi destroy`, or the studio taken out of the program) stops it if it is on
 * air, then deletes it, after the engine has deleted what is in it. To guard a production studio
 * against that, give it and everything in it Pulumi's `protect: true` (a Studio passes its
 * own to all it declares): the engine deletes what is not protected before it refuses what is.
 * `allowStopOnAir` guards updates only (a change that needs the studio stopped, or replaces it,
 * while it is on air).
 *
 * @example
 * const studio = new Caster("main", {
 *   casterName: "Evening show",
 *   normType: 1,
 *   casterTemplate: "lp_hd",
 *   domainName: "live.example.com",
 *   delaySeconds: 3,
 *   running: true,
 * });
 * new CasterVideoResource("camera", { casterId: studio.casterId, ... });
 */
export class Caster extends pulumi.CustomResource {
  /** The studio's ID (CasterId); sources, groups and scenes refer to it. */
  declare public readonly casterId: pulumi.Output<string>;

  /**
   * Reads the studio with this ID (its CasterId) into this program without managing it: its outputs are what the API reports, and
   * nothing is changed or deleted. Pulumi's `get`, as every resource class has; `connection` reaches
   * an object of another account or region, as the resource's own `connection` does.
   */
  public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions, connection?: CasterArgs["connection"]): Caster {
    return new Caster(name, { ...everyPropertyUnset(caster), connection } as unknown as CasterArgs, { ...opts, id });
  }

  constructor(name: string, args: CasterArgs, opts?: pulumi.CustomResourceOptions) {
    warnAboutCredentialsInConfig();
    const urls = Object.entries(caster.fields).filter(([, field]) => "secretWhenSigned" in field).map(([property]) => property);
    const studio = declareInStudio("Caster", name, { ...args }, opts);
    super(...dynamicResourceArgs(
      caster.provider,
      name,
      {
        ...everyPropertyUnset(caster),
        ...args,
        ...Object.fromEntries(urls.map((property) => [property, secretIfSigned(args[property as keyof CasterArgs] as pulumi.Input<string> | undefined)])),
        sideOutputUrls: args.sideOutputUrls === undefined ? undefined : pulumi.output(args.sideOutputUrls).apply((list: string[]) =>
          Array.isArray(list) && list.some((url) => typeof url === "string" && isSignedUrl(url)) ? pulumi.secret(list) : pulumi.output(list)),
        clientTokenScope: `${pulumi.getProject()}/${pulumi.getStack()}/${name}`,
        connection: secretIfExternalId(args.connection),
      },
      // The studio's own settings, read back, may carry signatures; the output stream URL always does.
      pulumi.mergeOptions(studio.opts, { additionalSecretOutputs: ["pgmStreamUrl", "callbackUrl", "sideOutputUrl", "sideOutputUrls", "standbyLiveStreamUrl", "standbyImageUrl"] }),
      "alicloud-caster",
      caster.type,
    ));
    outputsFromId(this, caster);
    // Its resources name it by its casterId output (`casterId: studio.casterId`), or by its ID: the studio they are checked with.
    studio.declared(this, this.casterId, this.id);
  }
}
