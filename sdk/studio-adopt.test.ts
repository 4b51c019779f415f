import * as pulumi from "@pulumi/pulumi";
import { Studio, StudioDefinition } from "./studio";

/**
 * The `adopt` section of a studio file, with Pulumi's mocks in place of the engine: each child it
 * names is given the importId that takes over that existing object.
 */

const ADOPTED_STUDIO = "LIVEPRODUCER_POST-cn-0pp1czt1234";
const declared = new Map<string, Record<string, unknown>>();

pulumi.runtime.setMocks(
  {
    newResource(args) {
      declared.set(args.name, args.inputs);
      if (args.type.endsWith(":Caster")) return { id: ADOPTED_STUDIO, state: { ...args.inputs, casterId: ADOPTED_STUDIO, status: 1 } };
      return { id: `${args.inputs.casterId}:${args.name}`, state: { ...args.inputs, resourceId: args.name, programId: args.name } };
    },
    call: (args) => args.inputs,
  },
  "project",
  "stack",
  false,
);

const value = <T>(output: pulumi.Output<T>): Promise<T> => new Promise((resolve) => output.apply(resolve));

const camera = { resourceName: "Main camera", liveStreamUrl: "rtmp://push.example.com/live/main" };
const guest = { resourceName: "Guest", liveStreamUrl: "rtmp://push.example.com/live/guest" };
const file = (caster: StudioDefinition["caster"], adopt: StudioDefinition["adopt"]): StudioDefinition => ({
  caster,
  sources: { RV01: camera, RV02: guest },
  episodeGroups: { "evening-loop": { startTime: "2030-12-24T23:00:00Z", items: [{ itemName: "Replay", vodUrl: "https://media.example.com/replay.ts" }] } },
  layouts: { pip: { videoLayers: [{ locationId: "RV01", position: [0, 0] as [number, number] }] } },
  components: { RC01: { componentType: "text" as const, geometry: { position: [0, 0] as [number, number] }, text: { text: "Live" } } },
  episodes: { "evening-news": { episodeName: "Evening news", locationId: "RV01", startTime: "2030-12-24T20:00:00Z", endTime: "2030-12-24T21:00:00Z" } },
  adopt,
});

describe("Studio with an adopt section", () => {
  test("each child it names takes over that object: <casterId>:<id> where the kind's ID has the studio, the plain ID for the studio and a group", async () => {
    declared.clear();
    const layout = new Studio("show", {
      definition: file({ new: { casterName: "Evening show", normType: 1, casterTemplate: "lp_sd", running: true } }, {
        caster: ADOPTED_STUDIO,
        sources: { RV01: "e5542d98-b08c-46bf-83e9-5b09d08c1234" },
        layouts: { pip: "3f2a9c1e" },
        components: { RC01: "9b1c4d2e" },
        episodes: { "evening-news": "77aa3b1c" },
        episodeGroups: { "evening-loop": "5D3E8A1B" },
      }),
    });
    await value(pulumi.all([layout.resourceIds, layout.programIds, layout.layoutIds, layout.componentIds, layout.episodeIds]));
    expect(declared.get("show-studio")?.importId).toBe(ADOPTED_STUDIO);
    expect(declared.get("show-RV01")?.importId).toBe(`${ADOPTED_STUDIO}:e5542d98-b08c-46bf-83e9-5b09d08c1234`);
    expect(declared.get("show-layout-pip")?.importId).toBe(`${ADOPTED_STUDIO}:3f2a9c1e`);
    expect(declared.get("show-RC01")?.importId).toBe(`${ADOPTED_STUDIO}:9b1c4d2e`);
    expect(declared.get("show-episode-evening-news")?.importId).toBe(`${ADOPTED_STUDIO}:77aa3b1c`);
    expect(declared.get("show-evening-loop")?.importId).toBe("5D3E8A1B");
    // What the section does not name is made new.
    expect(declared.get("show-RV02")?.importId).toBeUndefined();
  });

  test("with an existing studio, the children take its ID", async () => {
    declared.clear();
    const layout = new Studio("existing", { definition: file({ casterId: ADOPTED_STUDIO }, { sources: { RV02: "abc" } }) });
    await value(layout.resourceIds);
    expect(declared.get("existing-RV02")?.importId).toBe(`${ADOPTED_STUDIO}:abc`);
    expect(declared.get("existing-RV01")?.importId).toBeUndefined();
  });

  test("adopt.caster with an existing studio is refused before anything is declared", () => {
    declared.clear();
    expect(() => new Studio("wrong", { definition: file({ casterId: ADOPTED_STUDIO }, { caster: ADOPTED_STUDIO }) }))
      .toThrow(/adopt\.caster: adopt\.caster "LIVEPRODUCER_POST-cn-0pp1czt1234" takes over a studio that this file makes/);
    expect(declared.size).toBe(0);
  });
});

describe("Studio with a show list", () => {
  pulumi.runtime.setAllConfig({ "project:deskUrl": "rtmp://push.example.com/live/desk?auth_key=1767225600-0-0-feedface" }, ["project:deskUrl"]);
  const showList: StudioDefinition["showList"] = {
    repeatTimes: -1,
    shows: [
      { showName: "Opening", resourceType: "vod", resourceUrl: "https://media.example.com/opening.mp4" },
      { showName: "Desk", resourceType: "live", resourceUrl: { secret: "deskUrl" }, duration: 600 },
    ],
  };

  test("declares one CasterShowList, <name>-show-list, in the studio; a signed URL read from the stack makes its shows a secret", async () => {
    declared.clear();
    const studio = new Studio("listed", { definition: { caster: { casterId: ADOPTED_STUDIO }, showList } });
    expect(studio.showList).toBeDefined();
    await value(studio.showList!.id);
    const inputs = declared.get("listed-show-list")!;
    expect(inputs).toMatchObject({ casterId: ADOPTED_STUDIO, repeatTimes: -1 });
    expect(inputs.importId).toBeUndefined();
    // Sent as a secret: the engine keeps the list, with its signed URL, as ciphertext in state.
    expect(inputs.shows).toEqual({
      [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig,
      value: [showList!.shows[0], { ...showList!.shows[1], resourceUrl: "rtmp://push.example.com/live/desk?auth_key=1767225600-0-0-feedface" }],
    });
  });

  test("adopt.showList takes the studio's list over: the child's importId is the studio's ID", async () => {
    declared.clear();
    const studio = new Studio("taken", { definition: { caster: { casterId: ADOPTED_STUDIO }, showList, adopt: { showList: ADOPTED_STUDIO } } });
    await value(studio.showList!.id);
    expect(declared.get("taken-show-list")?.importId).toBe(ADOPTED_STUDIO);
  });
});
