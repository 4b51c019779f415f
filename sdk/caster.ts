import * as pulumi from "@pulumi/pulumi";
import { caster } from "../spec/kinds/caster";
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
      pulumi.mergeOptions(opts, { additionalSecretOutputs: ["pgmStreamUrl", "callbackUrl", "sideOutputUrl", "sideOutputUrls", "standbyLiveStreamUrl", "standbyImageUrl"] }),
      "alicloud-caster",
      caster.type,
    ));
    outputsFromId(this, caster);
  }
}
