import * as pulumi from "@pulumi/pulumi";
import { declareInStudio } from "./whole-studio-check";
import { casterPlaylist } from "../model/kinds/caster-playlist";
import type { CasterPlaylistArgs, CasterPlaylistOutputs } from "./generated/args";
import { kindInputs, everyPropertyUnset, outputsFromId } from "./kind-inputs";
import { dynamicResourceArgs } from "./serialized-provider";

export type { CasterPlaylistArgs };

/** One item of a playlist: a VOD file. */
export interface PlaylistItemArgs {
  /** The item's name, unique in its playlist: the item is known by it. */
  itemName: pulumi.Input<string>;
  /** The VOD file's media ID (ApsaraVideo VOD): the only resource a playlist plays. */
  mediaId: pulumi.Input<string>;
}

/** The outputs, documented from the kind's spec (sdk/generated/args.ts). */
export interface CasterPlaylist extends CasterPlaylistOutputs {}

/**
 * A lightweight carousel studio's playlist (normType 3, China site): the VOD files it plays in
 * turn and how often the whole list repeats. One per studio; playing it is the operator's.
 *
 * @example
 * new CasterPlaylist("night-loop", {
 *   casterId: studio.casterId,
 *   programName: "Night loop",
 *   repeatNumber: -1,
 *   items: [
 *     { itemName: "Opening", mediaId: "5f8809f2-3352-4d1f-a8f7-86f9429f1234" },
 *     { itemName: "Feature", mediaId: "e7411c0b-dd98-4c61-a545-f8bfba6c1234" },
 *   ],
 * });
 */
export class CasterPlaylist extends pulumi.CustomResource {
  /**
   * Reads the playlist with this ID (its ProgramId) into this program without managing it: its
   * outputs are what the API reports, and nothing is changed or deleted. Pulumi's `get`, as every
   * resource class has; `connection` reaches an object of another account or region, as the
   * resource's own `connection` does.
   */
  public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions, connection?: CasterPlaylistArgs["connection"]): CasterPlaylist {
    return new CasterPlaylist(name, { ...everyPropertyUnset(casterPlaylist), connection } as unknown as CasterPlaylistArgs, { ...opts, id });
  }

  constructor(name: string, args: CasterPlaylistArgs, opts?: pulumi.CustomResourceOptions) {
    const studio = declareInStudio("CasterPlaylist", name, { ...args }, opts);
    super(...dynamicResourceArgs(casterPlaylist.provider, name, kindInputs(casterPlaylist, args), studio.opts, "alicloud-caster", casterPlaylist.type));
    outputsFromId(this, casterPlaylist);
    studio.declared(this);
  }
}
