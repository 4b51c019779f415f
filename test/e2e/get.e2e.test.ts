import { DEMO_ACCOUNT } from "../../emulator";
import { buildStudio, Built } from "../helpers/built-studio";
import { EmulatorFixture, startEmulatorFixture } from "../helpers/emulator-fixture";
import { PulumiStack } from "../helpers/pulumi-stack";

/**
 * Each resource class's `get(name, id)`, through the real engine: objects made outside the
 * program are read into it with their outputs, nothing is changed, and destroying the stack
 * leaves them where they are.
 */
describe("get(name, id) reads an existing object without managing it", () => {
  const clock = { offset: 0, get now() { return Date.now() + this.offset; } };
  let live: EmulatorFixture;
  let stack: PulumiStack;
  let built: Built;

  beforeAll(async () => {
    live = await startEmulatorFixture({ clock: () => clock.now });
    built = await buildStudio((action, params) => live.client.call(action, params), clock);
    stack = await PulumiStack.create("get", { env: live.env });
  });
  afterAll(async () => {
    await stack?.remove();
    await live?.close();
  });

  test("every kind's get gives the object's outputs; up changes nothing, and destroy leaves the objects", async () => {
    const { casterId } = built;
    await stack.setConfigObject("gets", {
      studio: { type: "Caster", id: casterId, outputs: ["casterId", "casterName", "delaySeconds", "domainName", "status"] },
      camera: { type: "CasterVideoResource", id: `${casterId}:${built.resourceIds.RV04}`, outputs: ["resourceId", "resourceName", "locationId", "liveStreamUrl"] },
      pip: { type: "CasterLayout", id: `${casterId}:${built.layoutIds.pip}`, outputs: ["layoutId", "videoLayers"] },
      logo: { type: "CasterComponent", id: `${casterId}:${built.componentIds.RC02}`, outputs: ["componentId", "locationId", "componentType", "image"] },
      pgm: { type: "CasterSceneBinding", id: `${casterId}:PGM`, outputs: ["sceneId", "layoutId", "componentIds"] },
      news: { type: "CasterEpisode", id: `${casterId}:${built.episodeIds.news}`, outputs: ["episodeId", "episodeName", "startTime", "endTime", "resourceId", "componentIds"] },
    });
    live.emulator.clearCalls();
    const up = await stack.up();
    expect({ code: up.code, output: up.code === 0 ? "" : up.output }).toEqual({ code: 0, output: "" });
    expect(live.mutatingCalls()).toEqual([]);
    const got = JSON.parse((await stack.expectSuccess(["stack", "output", "got", "--json", "--show-secrets", "--stack", stack.name])).stdout);
    expect(got.studio).toEqual({ casterId, casterName: "Evening show", delaySeconds: 3, domainName: "live.example.com", status: 1 });
    expect(got.camera).toEqual({
      resourceId: built.resourceIds.RV04, resourceName: "Guest camera", locationId: "RV04", liveStreamUrl: "rtmp://push.example.com/studio/guest-camera",
    });
    expect(got.pip.layoutId).toBe(built.layoutIds.pip);
    expect(got.pip.videoLayers.map((layer: { locationId: string }) => layer.locationId)).toEqual(["RV01", "RV04"]);
    expect(got.logo).toEqual({ componentId: built.componentIds.RC02, locationId: "RC02", componentType: "image", image: { materialId: "brand-logo-2026" } });
    expect(got.pgm).toMatchObject({ layoutId: built.layoutIds.pip, componentIds: [built.componentIds.RC01, built.componentIds.RC02] });
    expect(got.news).toEqual({
      episodeId: built.episodeIds.news, episodeName: "Evening news", startTime: "2030-12-24T11:00:00Z", endTime: "2030-12-24T12:00:00Z",
      resourceId: built.resourceIds.RV01, componentIds: [built.componentIds.RC01, built.componentIds.RC02],
    });

    // A get of an object that does not exist fails the run and names it.
    await stack.setConfigObject("gets", { gone: { type: "CasterLayout", id: `${casterId}:no-such-layout`, outputs: ["layoutId"] } });
    const missing = await stack.up();
    expect(missing.code).not.toBe(0);
    expect(missing.output).toMatch(/no-such-layout/);

    // Read, not managed: destroying the stack deletes none of them.
    await stack.setConfigObject("gets", {});
    expect((await stack.destroy()).code).toBe(0);
    const studio = live.emulator.state().accounts[DEMO_ACCOUNT.uid]!.casters[casterId];
    expect(Object.keys(studio.layouts)).toHaveLength(2);
    expect(Object.keys(studio.components)).toHaveLength(3);
    expect(Object.keys(studio.episodes)).toHaveLength(3);
  });
});
