import { CasterShowList } from "pulumi-alicloud-caster";

// A playlist studio (normType 6) made elsewhere.
const casterId = "LIVEPRODUCER_POST-cn-0pp1czt1234";

const tonight = new CasterShowList("tonight", {
  casterId,
  repeatTimes: -1,                                     // the whole list, forever
  shows: [
    { showName: "Opening", resourceType: "vod", resourceUrl: "https://media.example.com/opening.mp4" },
    { showName: "Live desk", resourceType: "live", resourceUrl: "rtmp://push.example.com/app/desk", duration: 1800 },
    { showName: "Card", resourceType: "pic", resourceId: "a2b8e671-2fe5-4642-a2ec-bf93880e1234", repeatTimes: 2 },
  ],
  highPriorityShow: "Live desk",                      // interrupts the list at this time
  highPriorityShowStartTime: "2030-12-24T20:00:00",
});

export const showIds = tonight.showIds;
