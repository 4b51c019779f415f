import { Caster, CasterPlaylist } from "pulumi-alicloud-caster";

// A lightweight carousel studio (normType 3, China site): the only one with a playlist, and only
// with the template, program and channel mode AddPlaylistItems demands.
const studio = new Caster("night-loop", {
  normType: 3,
  casterTemplate: "lp_noTranscode",
  programEffect: 1,
});

// Its playlist: VOD files by media ID, in playing order, looping until an operator stops it.
export const playlist = new CasterPlaylist("night-loop", {
  casterId: studio.casterId,
  programName: "Night loop",
  repeatNumber: -1,
  items: [
    { itemName: "Opening", mediaId: "5f8809f2-3352-4d1f-a8f7-86f9429f1234" },
    { itemName: "Feature", mediaId: "e7411c0b-dd98-4c61-a545-f8bfba6c1234" },
    { itemName: "Credits", mediaId: "a2b8e671-2fe5-4642-a2ec-bf93880e1234" },
  ],
});

export const programId = playlist.programId;
