import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import * as ts from "typescript";
import { Studio, StudioLayout } from "./studio";
import { readmeStudioExample } from "../test/helpers/readme";

/**
 * The component's wiring, with Pulumi's mocks in place of the engine: which children it declares,
 * under which parent, and what each child is given. What the resources then do is the providers'
 * (and the end-to-end tests').
 */

interface Declared {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}

const STUDIO_ID = "LIVEPRODUCER_POST-cn-mockstudio";
const declared: Declared[] = [];
/** Each resource's dependsOn, as URNs, by name: what the engine orders creation and deletion by. */
const dependencies = new Map<string, string[]>();

pulumi.runtime.setMocks(
  {
    newResource(args) {
      declared.push({ type: args.type, name: args.name, inputs: args.inputs });
      if (args.type.endsWith(":Caster")) return { id: STUDIO_ID, state: { ...args.inputs, casterId: STUDIO_ID, status: 1, pvwSceneId: "pvw-1", pgmSceneId: "pgm-1" } };
      // A layout's and a component's Pulumi ID is `<casterId>:<API ID>`, as their kinds' specs have it.
      const apiId = args.type.endsWith(":CasterLayout") ? `${args.name}-layout` : args.type.endsWith(":CasterComponent") ? `${args.name}-component` : undefined;
      if (apiId) return { id: `${args.inputs.casterId}:${apiId}`, state: { ...args.inputs, layoutId: apiId, componentId: apiId } };
      // The other kinds' IDs in their specs' forms too: outputsFromId reads resourceId and programId from them.
      const id = args.type.endsWith(":CasterVideoResource") ? `${args.inputs.casterId}:${args.name}-resource`
        : args.type.endsWith(":CasterEpisodeGroup") ? `${args.name}-program` : `${args.inputs.casterId}:${args.name}-id`;
      return {
        id,
        state: {
          ...args.inputs, resourceId: `${args.name}-resource`, programId: `${args.name}-program`,
          layoutId: `${args.name}-layout`, componentId: `${args.name}-component`, sceneId: `${args.name}-scene`,
        },
      };
    },
    call: (args) => args.inputs,
  },
  "project",
  "stack",
  false,
);
/** Each resource's aliases as the engine receives them (type, name; "" is the resource's own), by name. */
const aliasesSent = new Map<string, { type: string; name: string }[]>();
// The mocks do not pass a resource's dependsOn or aliases on: read them from the registration itself.
type AliasSpec = { getType(): string; getName(): string };
type Registration = { getName(): string; getDependenciesList(): string[]; getAliasesList(): { getSpec(): AliasSpec | undefined }[] };
const monitor = (require("@pulumi/pulumi/runtime/settings") as { getMonitor(): { registerResource(req: Registration, callback: unknown): void } }).getMonitor();
const register = monitor.registerResource.bind(monitor);
monitor.registerResource = (req, callback) => {
  dependencies.set(req.getName(), req.getDependenciesList());
  aliasesSent.set(req.getName(), req.getAliasesList().map((alias) => ({ type: alias.getSpec()?.getType() ?? "", name: alias.getSpec()?.getName() ?? "" })));
  register(req, callback);
};
pulumi.runtime.setAllConfig({ "project:hookUrl": "https://hooks.example.com/studio?auth_key=1767225600-0-0-feedface" }, ["project:hookUrl"]);

const value = <T>(output: pulumi.Output<T>): Promise<T> => new Promise((resolve) => output.apply(resolve));
const urnOf = (resource: pulumi.Resource): Promise<string> => value(resource.urn);

const camera = { resourceName: "Main camera", liveStreamUrl: "rtmp://push.example.com/live/main" };
const night = { startTime: "2030-12-24T23:00:00Z", items: [{ itemName: "Replay", vodUrl: "https://media.example.com/replay.ts" }] };

describe("Studio with a studio the layout makes (caster: new)", () => {
  let layout: Studio;
  beforeAll(() => {
    declared.length = 0;
    layout = new Studio("show", {
      definition: {
        caster: { new: { casterName: "Evening show", normType: 1, casterTemplate: "lp_sd", domainName: "live.example.com", callbackUrl: { secret: "hookUrl" }, running: true } },
        sources: { RV01: camera },
        episodeGroups: { night },
      },
    });
  });

  test("declares the studio as a child, <name>-studio, with its properties and its URL secret read from the stack", async () => {
    expect(layout.studio).toBeDefined();
    expect(await urnOf(layout.studio!)).toMatch(/:index:Studio\$pulumi-nodejs:dynamic\/alicloud-caster:Caster::show-studio$/);
    // Let the mocks see every declaration.
    await value(layout.resourceIds);
    const studio = declared.find((resource) => resource.name === "show-studio")!;
    expect(studio.type).toBe("pulumi-nodejs:dynamic/alicloud-caster:Caster");
    expect(studio.inputs).toMatchObject({ casterName: "Evening show", normType: 1, casterTemplate: "lp_sd", domainName: "live.example.com", running: true });
    // Sent as a secret: the engine keeps it as ciphertext in state.
    expect(studio.inputs.callbackUrl).toEqual({
      [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig,
      value: "https://hooks.example.com/studio?auth_key=1767225600-0-0-feedface",
    });
    expect(studio.inputs.clientTokenScope).toBe("project/stack/show-studio");
  });

  test("makes every source and group in it: each takes the studio's casterId output", async () => {
    await value(layout.programIds);
    const source = declared.find((resource) => resource.name === "show-RV01")!;
    const group = declared.find((resource) => resource.name === "show-night")!;
    expect(source.inputs.casterId).toBe(STUDIO_ID);
    expect(group.inputs.casterId).toBe(STUDIO_ID);
    // A child of the component, as the studio is.
    expect(await urnOf(layout.sources.RV01)).toMatch(/:index:Studio\$pulumi-nodejs:dynamic\/alicloud-caster:CasterVideoResource::show-RV01$/);
  });

  test("exposes the studio's outputs", async () => {
    expect(await value(layout.casterId)).toBe(STUDIO_ID);
    expect(await value(layout.pgmSceneId)).toBe("pgm-1");
    expect(await value(layout.pvwSceneId)).toBe("pvw-1");
  });
});

describe("Studio with an existing studio", () => {
  test("declares no studio, and its scene outputs are undefined", async () => {
    declared.length = 0;
    const layout = new Studio("existing", { definition: { caster: { casterId: STUDIO_ID }, sources: { RV01: camera } } });
    expect(layout.studio).toBeUndefined();
    expect(await value(layout.casterId)).toBe(STUDIO_ID);
    expect(await value(layout.pgmSceneId)).toBeUndefined();
    await value(layout.resourceIds);
    expect(declared.map((resource) => resource.name).sort()).toEqual(["existing", "existing-RV01"]);
  });

  test("refuses a studio given twice: a new one in the layout and a casterId argument", () => {
    expect(() => new Studio("twice", {
      definition: { caster: { new: { normType: 1, casterTemplate: "lp_sd" } } },
      casterId: STUDIO_ID,
    })).toThrow('Studio "twice": the studio is given twice, as the casterId argument and as the file\'s caster; keep one of them.');
  });
});

describe("Studio with layouts, components and scenes (issue 13)", () => {
  const guest = { resourceName: "Guest camera", liveStreamUrl: "rtmp://push.example.com/live/guest" };
  const reel = { resourceName: "Intro reel", vodUrl: "https://media.example.com/intro.mp4" };
  const pip = {
    videoLayers: [
      { locationId: "RV01", position: [0, 0] as [number, number], widthNormalized: 1, heightNormalized: 1, fillMode: "fit" as const },
      { locationId: "RV02", position: [0.95, 0.95] as [number, number], anchor: "bottomRight" as const, widthNormalized: 0.3, heightNormalized: 0.3 },
    ],
    audioLayers: [{ locationId: "RV01" }],
  };
  const lowerThird = {
    componentName: "Lower third", componentType: "text" as const,
    geometry: { position: [0.05, 0.8] as [number, number], widthNormalized: 0.6, heightNormalized: 0.1 },
    text: { text: "Live from Hangzhou", color: "0xffffff" },
  };
  const subtitles = {
    componentType: "caption" as const,
    geometry: { position: [0.5, 0.95] as [number, number], anchor: "bottomCenter" as const, widthNormalized: 0.8, heightNormalized: 0.08 },
    caption: { sourceLocationId: "RV02", targetLanguage: "en" as const },
  };
  let layout: Studio;
  const byName = (name: string) => declared.find((resource) => resource.name === name)!;
  const urnsOf = (...resources: pulumi.Resource[]) => Promise.all(resources.map(urnOf));

  beforeAll(async () => {
    declared.length = 0;
    layout = new Studio("show", {
      definition: {
        caster: { new: { casterName: "Evening show", normType: 1, casterTemplate: "lp_sd", domainName: "live.example.com", running: true } },
        sources: { RV01: camera, RV02: guest, RV03: reel },
        layouts: { pip, full: { videoLayers: [{ locationId: "RV01", position: [0, 0], widthNormalized: 1, heightNormalized: 1 }] } },
        components: { RC01: lowerThird, RC02: subtitles },
        scenes: { pgm: { layout: "pip", components: ["RC01", "RC02"] }, pvw: { layout: "full" } },
      },
    });
    await Promise.all([value(layout.layoutIds), value(layout.componentIds), value(layout.boundSceneIds)]);
  });

  test("declares a layout per name, a component per position and a binding per scene, children named for a reviewer", async () => {
    expect(declared.map((resource) => resource.name).sort()).toEqual([
      "show", "show-RC01", "show-RC02", "show-RV01", "show-RV02", "show-RV03",
      "show-layout-full", "show-layout-pip", "show-pgm", "show-pvw", "show-studio",
    ]);
    expect(await urnOf(layout.layouts.pip)).toMatch(/:index:Studio\$pulumi-nodejs:dynamic\/alicloud-caster:CasterLayout::show-layout-pip$/);
    expect(await urnOf(layout.components.RC01)).toMatch(/:index:Studio\$pulumi-nodejs:dynamic\/alicloud-caster:CasterComponent::show-RC01$/);
    expect(await urnOf(layout.sceneBindings.pgm!)).toMatch(/:index:Studio\$pulumi-nodejs:dynamic\/alicloud-caster:CasterSceneBinding::show-pgm$/);
  });

  test("each child takes the file's entry as its inputs, in the studio the file makes", () => {
    expect(byName("show-layout-pip").inputs).toMatchObject({ casterId: STUDIO_ID, videoLayers: pip.videoLayers, audioLayers: pip.audioLayers });
    expect(byName("show-RC01").inputs).toMatchObject({ casterId: STUDIO_ID, locationId: "RC01", ...lowerThird });
    expect(byName("show-RC02").inputs).toMatchObject({ casterId: STUDIO_ID, locationId: "RC02", componentType: "caption" });
  });

  test("a scene binding shows its layout's and components' API IDs, bottom to top, on its scene", () => {
    expect(byName("show-pgm").inputs).toMatchObject({
      casterId: STUDIO_ID, scene: "PGM", layoutId: "show-layout-pip-layout", componentIds: ["show-RC01-component", "show-RC02-component"],
    });
    expect(byName("show-pvw").inputs).toMatchObject({ casterId: STUDIO_ID, scene: "PVW", layoutId: "show-layout-full-layout", componentIds: [] });
  });

  /** What a child waits for: the resources given as dependsOn, and those whose outputs it takes (the studio's casterId, a layout's layoutId). */
  const waitsFor = (name: string) => [...(dependencies.get(name) ?? [])].sort();
  const sorted = async (...resources: pulumi.Resource[]) => (await urnsOf(...resources)).sort();

  test("a layout waits for the sources it shows, a caption for its source, a binding for the studio (started first)", async () => {
    const { studio, sources, layouts, components } = layout;
    expect(waitsFor("show-layout-pip")).toEqual(await sorted(studio!, sources.RV01, sources.RV02));
    expect(waitsFor("show-layout-full")).toEqual(await sorted(studio!, sources.RV01));
    expect(waitsFor("show-RC02")).toEqual(await sorted(studio!, sources.RV02));
    expect(waitsFor("show-RC01")).toEqual(await sorted(studio!));
    expect(waitsFor("show-pgm")).toEqual(await sorted(studio!, layouts.pip, components.RC01, components.RC02));
    expect(waitsFor("show-pvw")).toEqual(await sorted(studio!, layouts.full));
  });

  test("exposes the IDs: layouts by name, components by position, bound scenes by scene", async () => {
    expect(await value(layout.layoutIds)).toEqual({ full: "show-layout-full-layout", pip: "show-layout-pip-layout" });
    expect(await value(layout.componentIds)).toEqual({ RC01: "show-RC01-component", RC02: "show-RC02-component" });
    expect(await value(layout.boundSceneIds)).toEqual({ pgm: "show-pgm-scene", pvw: "show-pvw-scene" });
  });

  test("with an existing studio, a binding waits for nothing but its layout and components", async () => {
    declared.length = 0;
    const existing = new Studio("on-air", {
      definition: { caster: { casterId: STUDIO_ID }, sources: { RV01: camera }, layouts: { full: { videoLayers: [pip.videoLayers[0]] } }, scenes: { pgm: { layout: "full" } } },
    });
    await value(existing.boundSceneIds);
    expect(waitsFor("on-air-pgm")).toEqual(await sorted(existing.layouts.full));
    expect(byName("on-air-pgm").inputs).toMatchObject({ casterId: STUDIO_ID, scene: "PGM", layoutId: "on-air-layout-full-layout" });
  });

  test("a scene whose layout the file lacks fails the program before any resource, with where and why", () => {
    expect(() => new Studio("broken", {
      definition: { caster: { casterId: STUDIO_ID }, sources: { RV01: camera }, scenes: { pgm: { layout: "split", components: ["RC09"] } } },
    })).toThrow(/Studio "broken": the studio file has 2 problems:\ndefinition scenes\.pgm\.layout: layout "split" is not a layout of this file[\s\S]*\ndefinition scenes\.pgm\.components\[0\]: components\[0\] "RC09" is not a component of this file/);
  });
});

describe("Studio with a connection (several accounts in one program)", () => {
  const connection = { profile: "production", region: "cn-beijing" };

  test("the file's connection: goes to every child, the studio it makes included", async () => {
    declared.length = 0;
    const layout = new Studio("prod", {
      definition: { connection, caster: { new: { normType: 1, casterTemplate: "lp_sd", domainName: "live.example.com" } }, sources: { RV01: camera }, episodeGroups: { night } },
    });
    await value(layout.resourceIds);
    await value(layout.programIds);
    const children = declared.filter((resource) => resource.name.startsWith("prod-"));
    expect(children.map((resource) => resource.name).sort()).toEqual(["prod-RV01", "prod-night", "prod-studio"]);
    for (const child of children) expect(child.inputs.connection).toEqual(connection);
  });

  test("the connection argument does the same for an existing studio; a child of a layout without one has none", async () => {
    declared.length = 0;
    const given = new Studio("staging", { definition: { sources: { RV01: camera } }, casterId: STUDIO_ID, connection: { profile: "staging" } });
    const plain = new Studio("plain", { definition: { sources: { RV01: camera } }, casterId: STUDIO_ID });
    await value(given.resourceIds);
    await value(plain.resourceIds);
    expect(declared.find((resource) => resource.name === "staging-RV01")?.inputs.connection).toEqual({ profile: "staging" });
    expect(declared.find((resource) => resource.name === "plain-RV01")?.inputs.connection).toBeUndefined();
  });

  test("refuses a connection given twice: in the file and as the argument", () => {
    expect(() => new Studio("both", { definition: { connection, sources: { RV01: camera } }, casterId: STUDIO_ID, connection: { profile: "staging" } }))
      .toThrow('Studio "both": the connection is given twice, as the connection argument and as the file\'s connection:; keep one of them.');
  });
});

describe("Studio's arguments: the studio as file or definition, one of them", () => {
  test("a file by its path: its problems at file:line:column", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "caster-studio-")), "studio.yaml");
    fs.writeFileSync(file, "caster: { casterId: LIVEPRODUCER_POST-cn-mockstudio }\nsources:\n  RV7: { resourceName: Guest, liveStreamUrl: rtmp://push.example.com/live/guest }\n");
    expect(() => new Studio("filed", { file })).toThrow(`Studio "filed": the studio file has 1 problem:\n${file}:3:3 sources.RV7:`);
  });

  test("refuses both, and neither, saying which argument takes what", () => {
    expect(() => new Studio("both", { file: "studio.yaml", definition: { caster: { casterId: STUDIO_ID } } }))
      .toThrow('Studio "both": the studio is given 2 times, as file and definition; give file (a studio file\'s path) or definition (the same content as an object), one of them.');
    expect(() => new Studio("none", {}))
      .toThrow('Studio "none": no studio is given; give file (a studio file\'s path) or definition (the same content as an object), one of them.');
    // From JavaScript, without the type check: an object where a path goes.
    expect(() => new Studio("mixed", { file: { caster: { casterId: STUDIO_ID } } as unknown as string }))
      .toThrow('Studio "mixed": file must be a studio file\'s path; give an object as definition.');
  });

  test("the deprecated layout argument still takes either", async () => {
    declared.length = 0;
    const studio = new Studio("former-arg", { layout: { caster: { casterId: STUDIO_ID }, sources: { RV01: camera } } });
    expect(await value(studio.resourceIds)).toEqual({ RV01: "former-arg-RV01-resource" });
  });
});

describe("StudioLayout, Studio's deprecated former name", () => {
  test("keeps its own type, so an existing stack is unchanged, with the children under it and its messages in its name", async () => {
    declared.length = 0;
    const former = new StudioLayout("former", { layout: { caster: { casterId: STUDIO_ID }, sources: { RV01: camera } } });
    expect(former).toBeInstanceOf(Studio);
    expect(await urnOf(former)).toMatch(/::alicloud-caster:index:StudioLayout::former$/);
    expect(await urnOf(former.sources.RV01)).toMatch(/:index:StudioLayout\$pulumi-nodejs:dynamic\/alicloud-caster:CasterVideoResource::former-RV01$/);
    expect(former.layout).toBe(former.definition);
    expect(await value(former.resourceIds)).toEqual({ RV01: "former-RV01-resource" });
    expect(aliasesSent.get("former")).toEqual([]);
    expect(() => new StudioLayout("broken-former", { layout: { sources: { RV01: camera } } })).toThrow(/^StudioLayout "broken-former": no studio is given; add caster:/);
  });

  test("Studio declares the former type as its alias, and nothing for its children, whose aliases the engine derives from it", async () => {
    declared.length = 0;
    const studio = new Studio("moved", { definition: { caster: { casterId: STUDIO_ID }, sources: { RV01: camera } } });
    await value(studio.resourceIds);
    expect(aliasesSent.get("moved")).toEqual([{ type: "alicloud-caster:index:StudioLayout", name: "" }]);
    expect(aliasesSent.get("moved-RV01")).toEqual([]);
  });
});

describe("the README's Studio example", () => {
  test("runs: every check passes, and it declares the studio, its sources, layout, scene binding and episode", async () => {
    // The block as a user's index.ts, with the package's name mapped to this SDK (documentation.test type-checks it).
    const program = ts.transpileModule(readmeStudioExample().replace('from "pulumi-alicloud-caster"', 'from "./index"'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    const exported: { casterId?: pulumi.Output<string>; resourceIds?: pulumi.Output<Record<string, string>> } = {};
    // The component the example makes, kept so that the test can wait for every child's declaration.
    const made: Studio[] = [];
    const sdk = { ...require("./index"), Studio: class extends Studio {
      constructor(...args: ConstructorParameters<typeof Studio>) {
        super(...args);
        made.push(this);
      }
    } };
    declared.length = 0;
    new Function("require", "exports", program)((id: string) => (id === "./index" ? sdk : require(id)), exported);
    expect(made).toHaveLength(1);
    await value(pulumi.all([made[0].layoutIds, made[0].boundSceneIds, made[0].episodeIds]));
    expect(await value(exported.casterId!)).toBe(STUDIO_ID);
    expect(await value(exported.resourceIds!)).toEqual({ RV01: "studio-RV01-resource", RV02: "studio-RV02-resource" });
    expect(declared.map((resource) => `${resource.type.split(":").pop()} ${resource.name}`).sort()).toEqual([
      "Caster studio-studio", "CasterEpisode studio-episode-evening-news", "CasterLayout studio-layout-full", "CasterSceneBinding studio-pgm",
      "CasterVideoResource studio-RV01", "CasterVideoResource studio-RV02", "Studio studio",
    ]);
  });
});
