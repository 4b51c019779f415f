import { CasterEpisodeGroup } from "pulumi-alicloud-caster";

const casterId = "LIVEPRODUCER_POST-cn-0pp1czt1234";

// A carousel of two files from 20:00, looping.
const loop = new CasterEpisodeGroup("evening-loop", {
  casterId,                                  // domainName and callbackUrl come from the studio
  startTime: "2030-12-24T20:00:00+08:00",    // or a Date; sent as UTC, yyyy-MM-ddTHH:mm:ssZ
  repeatNum: -1,                             // 0 once (default), -1 loop
  items: [
    { itemName: "Opening titles", vodUrl: "https://media.example.com/loop/opening.mp4" },
    { itemName: "Highlights", vodUrl: "https://media.example.com/loop/highlights.flv" },
  ],
});

export const programId = loop.programId;
