import { ChildProcess, execFile, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { popClient } from "../helpers/pop-client";
import { PulumiStack } from "../helpers/pulumi-stack";

const REPO = path.resolve(__dirname, "..", "..");

/**
 * What a user gets: the package as `npm pack` makes it, installed into a new Pulumi project made as
 * the README's Install section says, outside this repository, with its emulator started from the
 * installed package and `pulumi preview`, `up` and `destroy` run by the real CLI.
 *
 * The project is the one `pulumi new typescript` (Pulumi 3.248) writes: pulumi/templates'
 * `typescript` template (`module`/`moduleResolution` `nodenext`, `typescript` ^5), which is
 * reproduced here because `pulumi new` fetches it from GitHub. Its program is type-checked as a
 * user's is (no PULUMI_NODEJS_TRANSPILE_ONLY), so a tsconfig or TypeScript the README gets wrong
 * fails here. The tarball is packed with --ignore-scripts: `npm test` builds dist/ first, and
 * building it again here would rewrite it under the tests running beside this one.
 */

/** Pulumi.yaml as `pulumi new typescript --yes` leaves it (the language host adds the package manager). */
const PULUMI_YAML = `name: caster-consumer
description: A minimal TypeScript Pulumi program
runtime:
  name: nodejs
  options:
    packagemanager: npm
`;

/** The template's package.json (pulumi/templates typescript/package.json). */
const PACKAGE_JSON = {
  name: "caster-consumer",
  main: "index.ts",
  devDependencies: { "@types/node": "^18", typescript: "^5.0.0" },
  dependencies: { "@pulumi/pulumi": "^3.113.0" },
};

/** The template's tsconfig.json (pulumi/templates typescript/tsconfig.json), unchanged. */
const TSCONFIG_JSON = {
  compilerOptions: {
    strict: true,
    outDir: "bin",
    target: "es2020",
    module: "nodenext",
    moduleResolution: "nodenext",
    sourceMap: true,
    experimentalDecorators: true,
    pretty: true,
    noFallthroughCasesInSwitch: true,
    noImplicitReturns: true,
    forceConsistentCasingInFileNames: true,
  },
  files: ["index.ts"],
};

/** A signed push URL: the package must store it as a secret, so its signature is never in the state. */
const SIGNATURE = "5f2b8c3a9d1e4f6a7b8c9d0e1f2a3b4c";
const CAMERA_URL = `rtmp://push.example.com/studio/main-camera?auth_key=1767225600-0-0-${SIGNATURE}`;

const INDEX_TS = `import * as pulumi from "@pulumi/pulumi";
import { CasterLayout, CasterVideoResource } from "pulumi-alicloud-caster";

const casterId = new pulumi.Config().require("casterId");

const camera = new CasterVideoResource("main-camera", {
  casterId,
  resourceName: "Main camera",
  locationId: "RV01",
  liveStreamUrl: ${JSON.stringify(CAMERA_URL)},
});

new CasterLayout("full-screen", {
  casterId,
  videoLayers: [{ locationId: camera.locationId, position: [0, 0], widthNormalized: 1, heightNormalized: 1, fillMode: "fit" }],
});

export const resourceId = camera.resourceId;
`;

interface PackedFile {
  path: string;
}

describe("the packed package in a new Pulumi project", () => {
  let root: string;
  let project: string;
  let packed: { filename: string; files: PackedFile[] };
  let tarball: string;
  let emulator: ChildProcess | undefined;
  let endpoint: string;
  let stack: PulumiStack | undefined;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "caster-consumer-"));
    project = path.join(root, "project");
    const packDir = path.join(root, "pack");
    fs.mkdirSync(packDir);
    fs.mkdirSync(project);
    expect(path.relative(REPO, project).startsWith("..")).toBe(true);

    const pack = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", packDir], REPO);
    [packed] = JSON.parse(pack.stdout);
    tarball = path.join(packDir, packed.filename);

    // pulumi new typescript: the template's files, then its npm install.
    fs.writeFileSync(path.join(project, "Pulumi.yaml"), PULUMI_YAML);
    fs.writeFileSync(path.join(project, "package.json"), JSON.stringify(PACKAGE_JSON, null, 4) + "\n");
    fs.writeFileSync(path.join(project, "tsconfig.json"), JSON.stringify(TSCONFIG_JSON, null, 4) + "\n");
    fs.writeFileSync(path.join(project, "index.ts"), INDEX_TS);
    await npm(["install"]);
    // Then the README's install line, with the tarball in place of the registry's package.
    for (const line of readmeInstall().installLines) {
      const args = line.split(/\s+/).slice(1).map((word) => (word === "pulumi-alicloud-caster" ? tarball : word));
      await npm(args);
    }

    emulator = spawn(path.join(project, "node_modules", ".bin", "caster-emulator"), ["--port", "0"], { cwd: project, stdio: ["ignore", "pipe", "pipe"] });
    endpoint = await listeningUrl(emulator);
  });

  afterAll(async () => {
    if (stack) await stack.remove();
    emulator?.kill();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  test("the README's setup is what this test runs", () => {
    const { block, section } = readmeInstall();
    expect(block[0]).toBe("pulumi new typescript");
    expect(readmeInstall().installLines).toEqual(["npm install pulumi-alicloud-caster @pulumi/pulumi"]);
    // It keeps the template's tsconfig and TypeScript, which this test uses.
    expect(section).toContain('"moduleResolution": "nodenext"');
    expect(section).toContain('"typescript": "^5');
  });

  test("the tarball is lean: the built package, its commands, its component provider plugin, schema, README and licence", () => {
    const files = packed.files.map((file) => file.path).sort();
    const tops = [...new Set(files.map((file) => file.split("/")[0]))].sort();
    expect(tops).toEqual(["LICENSE", "README.md", "bin", "component-provider", "dist", "package.json", "studio-layout.schema.json"]);
    // The plugin folder is its manifest and entry point; its code is in dist/.
    expect(files.filter((file) => file.startsWith("component-provider/"))).toEqual(["component-provider/PulumiPlugin.yaml", "component-provider/index.js"]);
    expect(files).toEqual(expect.arrayContaining(["bin/caster-emulator.js", "bin/caster-studio.js", "bin/caster-recover.js", "dist/sdk/index.js", "dist/sdk/index.d.ts", "dist/provider/index.js"]));
    expect(files.filter((file) => /\.map$|\.test\.|(^|\/)(tools|test|tests|scripts|examples|bench)\//.test(file))).toEqual([]);
    const manifest = JSON.parse(fs.readFileSync(path.join(project, "node_modules", "pulumi-alicloud-caster", "package.json"), "utf8"));
    expect(Object.keys(manifest.scripts ?? {}).filter((name) => /^(pre|post)?install$|^prepare$/.test(name))).toEqual([]);
  });

  test("the installed package: preview, up and destroy of a video source and a layout against its own emulator", async () => {
    // Installed from the tarball into the project, not linked to this repository; TypeScript as the template pins it.
    const installed = fs.realpathSync(path.join(project, "node_modules", "pulumi-alicloud-caster"));
    expect(installed).toBe(path.join(fs.realpathSync(project), "node_modules", "pulumi-alicloud-caster"));
    expect(readVersion("typescript")).toMatch(/^5\./);
    expect(readVersion("@pulumi/pulumi")).toMatch(/^3\./);

    const casterId = (await run(path.join(project, "node_modules", ".bin", "caster-emulator"), ["create-studio", "--endpoint", endpoint], project)).stdout.trim();
    expect(casterId).toMatch(/^LIVEPRODUCER_POST-/);
    const api = popClient(endpoint);
    const sources = async () => (await api("DescribeCasterVideoResources", { CasterId: casterId })).body.VideoResources.VideoResource as Record<string, string>[];
    const layouts = async () => (await api("DescribeCasterLayouts", { CasterId: casterId })).body.Layouts.Layout as Record<string, unknown>[];

    stack = await PulumiStack.create("consumer", {
      projectDir: project,
      env: {
        ALICLOUD_CASTER_ENDPOINT: endpoint,
        ALIBABA_CLOUD_ACCESS_KEY_ID: "emulator-demo-key",
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: "emulator-demo-secret",
        // Type-checked, as a user's program is.
        PULUMI_NODEJS_TRANSPILE_ONLY: "false",
      },
    });
    await stack.setConfig("casterId", casterId);

    const preview = await stack.preview();
    expect({ code: preview.code, output: preview.code === 0 ? "" : preview.output }).toEqual({ code: 0, output: "" });
    expect(preview.output).toMatch(/\+ pulumi-nodejs:dynamic\/alicloud-caster:CasterVideoResource: \(create\)\s+\[urn=\S+::main-camera\]/);
    expect(preview.output).toMatch(/\+ pulumi-nodejs:dynamic\/alicloud-caster:CasterLayout: \(create\)\s+\[urn=\S+::full-screen\]/);
    expect(preview.output).toMatch(/\+ 3 to create/);
    expect(await sources()).toEqual([]);

    const up = await stack.up();
    expect({ code: up.code, output: up.code === 0 ? "" : up.output }).toEqual({ code: 0, output: "" });
    expect(up.output).toMatch(/\+ 3 created/);
    expect((await sources()).map((source) => [source.LocationId, source.ResourceName, source.LiveStreamUrl])).toEqual([["RV01", "Main camera", CAMERA_URL]]);
    expect(await layouts()).toHaveLength(1);

    // The state: the signed URL only as a secret, the provider required by package name, no path of this repository.
    const text = stack.stateFileText();
    expect(text).not.toContain(SIGNATURE);
    expect(preview.output + up.output).not.toContain(SIGNATURE);
    expect(text).not.toContain(REPO);
    const resources = (await stack.exportState()).deployment.resources ?? [];
    const ours = resources.filter((resource) => resource.type.startsWith("pulumi-nodejs:dynamic/alicloud-caster:"));
    expect(ours.map((resource) => resource.type).sort()).toEqual(["pulumi-nodejs:dynamic/alicloud-caster:CasterLayout", "pulumi-nodejs:dynamic/alicloud-caster:CasterVideoResource"]);
    for (const resource of ours) {
      const stored = (resource as unknown as { inputs: { __provider: string } }).inputs.__provider;
      expect(stored).toContain('require("pulumi-alicloud-caster/stored-provider")');
      expect(stored).not.toMatch(/\/(work|home|tmp|Users)\//);
    }

    const destroy = await stack.destroy();
    expect({ code: destroy.code, output: destroy.code === 0 ? "" : destroy.output }).toEqual({ code: 0, output: "" });
    expect(await sources()).toEqual([]);
    expect(await layouts()).toEqual([]);
    expect((await stack.exportState()).deployment.resources ?? []).toEqual([]);
    expect(await stack.leftoverProcesses()).toEqual([]);
  });

  /** npm in the project, as a user runs it, without what `npm test` puts in the environment about this repository. */
  function npm(args: string[]) {
    return run("npm", [...args, "--no-audit", "--no-fund", "--prefer-offline"], project);
  }

  function readVersion(name: string): string {
    return JSON.parse(fs.readFileSync(path.join(project, "node_modules", name, "package.json"), "utf8")).version;
  }
});

/** The README's Install section and its first bash block (the setup this test follows). */
function readmeInstall(): { section: string; block: string[]; installLines: string[] } {
  const readme = fs.readFileSync(path.join(REPO, "README.md"), "utf8");
  const section = /^## Install\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1];
  if (!section) throw new Error("README.md has no ## Install section");
  const code = /```bash\n([\s\S]*?)```/.exec(section)?.[1];
  if (!code) throw new Error("README.md's Install section has no bash block");
  const block = code.split("\n").map((line) => line.trim()).filter(Boolean);
  return { section, block, installLines: block.filter((line) => line.startsWith("npm install")) };
}

/** Runs a command to the end; rejects with its output when it fails. */
function run(command: string, args: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(npm_package_|npm_lifecycle_|npm_config_local_prefix$|npm_command$|INIT_CWD$)/.test(key)) delete env[key];
  }
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(" ")} (in ${cwd}) failed: ${error.message}\n${stdout}\n${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}

/** The URL of an emulator's start line, `... listening on http://...`. */
function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`caster-emulator did not start within 20 s:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`caster-emulator exited with ${code}:\n${output}`));
    });
  });
}
