import * as pulumi from "@pulumi/pulumi";
import { caster } from "../spec/kinds/caster";
import type { CasterArgs } from "./generated/args";
import { isSignedUrl, secretIfSigned } from "./secrets";
import { everyPropertyUnset } from "./kind-inputs";
import { CasterResource } from "./serialized-provider";
import { warnAboutCredentialsInConfig } from "./settings-warnings";

export type { CasterArgs };

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
export class Caster extends CasterResource {
  /** The studio's ID (CasterId); sources, groups and scenes refer to it. */
  declare public readonly casterId: pulumi.Output<string>;
  /** The API's Status: 0 idle, 1 streaming. */
  declare public readonly status: pulumi.Output<number>;
  declare public readonly running: pulumi.Output<boolean>;
  /** The preview (PVW) scene's ID, once the studio has been started. */
  declare public readonly pvwSceneId: pulumi.Output<string | undefined>;
  /** The program (PGM) scene's ID, once the studio has been started. */
  declare public readonly pgmSceneId: pulumi.Output<string | undefined>;
  /** The program output's stream URL while the studio runs; a secret (it is signed). */
  declare public readonly pgmStreamUrl: pulumi.Output<string | undefined>;
  declare public readonly casterName: pulumi.Output<string | undefined>;
  declare public readonly delaySeconds: pulumi.Output<number>;
  declare public readonly domainName: pulumi.Output<string | undefined>;

  /**
   * Reads the studio with this ID (its CasterId) into this program without managing it: its outputs are what the API reports, and
   * nothing is changed or deleted. Pulumi's `get`, as every resource class has.
   */
  public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): Caster {
    return new Caster(name, everyPropertyUnset(caster) as unknown as CasterArgs, { ...opts, id });
  }

  constructor(name: string, args: CasterArgs, opts?: pulumi.CustomResourceOptions) {
    warnAboutCredentialsInConfig();
    const urls = Object.entries(caster.fields).filter(([, field]) => "secretWhenSigned" in field).map(([property]) => property);
    super(
      caster.provider,
      name,
      {
        casterId: undefined,
        status: undefined,
        pvwSceneId: undefined,
        pgmSceneId: undefined,
        pgmStreamUrl: undefined,
        ...args,
        ...Object.fromEntries(urls.map((property) => [property, secretIfSigned(args[property as keyof CasterArgs] as pulumi.Input<string> | undefined)])),
        sideOutputUrls: args.sideOutputUrls === undefined ? undefined : pulumi.output(args.sideOutputUrls).apply((list: string[]) =>
          Array.isArray(list) && list.some((url) => typeof url === "string" && isSignedUrl(url)) ? pulumi.secret(list) : pulumi.output(list)),
        clientTokenScope: `${pulumi.getProject()}/${pulumi.getStack()}/${name}`,
      },
      // The studio's own settings, read back, may carry signatures; the output stream URL always does.
      pulumi.mergeOptions(opts, { additionalSecretOutputs: ["pgmStreamUrl", "callbackUrl", "sideOutputUrl", "sideOutputUrls", "standbyLiveStreamUrl", "standbyImageUrl"] }),
      "alicloud-caster",
      caster.type,
    );
    // The studio's Pulumi ID is its casterId. Taken from the ID, it stays known in the preview of
    // an update, where every output of a dynamic resource is unknown: as an output, it made the
    // preview of any change to the studio (a delay) show each source and group in it as replaced.
    this.casterId = this.id;
  }
}
