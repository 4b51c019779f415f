import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { withoutCloudCredentials } from "../helpers/pulumi-stack";

/**
 * The README's demo, `npm run demo`, run twice as a user does: the first makes the studio itself
 * from the layout file, in an empty account; the emulator starts on a new port each time, and the
 * second run (which refreshes first: options: refresh: always) must reach it and change nothing.
 */
const REPO = path.join(__dirname, "..", "..");

/** The JSON the demo prints after "== stack outputs". */
function stackOutputs(stdout: string): Record<string, unknown> {
  return JSON.parse(stdout.slice(stdout.indexOf("== stack outputs") + "== stack outputs".length));
}

describe("npm run demo", () => {
  test("a second run reaches the new emulator and changes nothing", () => {
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "caster-demo-"));
    try {
      const demo = () => spawnSync("bash", [path.join(REPO, "tools", "demo.sh")], {
        cwd: REPO,
        encoding: "utf8",
        env: { ...withoutCloudCredentials(process.env), CASTER_DEMO_DIR: workDir, CASTER_DEMO_BUILT: "1" },
      });
      // The file makes its studio (caster: { new: ... }): the studio, its 4 sources, its group, 2
      // layouts, 3 components, the bindings of its 2 scenes, 4 episodes and its show list, under the component, in the stack.
      const first = demo();
      expect(first.stderr + first.stdout).toContain("20 created");
      expect(first.stdout).toMatch(/alicloud-caster:CasterLayout studio-layout-pip created/);
      expect(first.stdout).toMatch(/alicloud-caster:CasterSceneBinding studio-pgm created/);
      expect(first.stdout).toMatch(/alicloud-caster:Caster studio-studio created/);
      expect(first.status).toBe(0);
      const made = stackOutputs(first.stdout);
      expect(made.casterId).toMatch(/^LIVEPRODUCER_POST-/);
      expect(made.pgmSceneId).toEqual(expect.any(String)); // started: running: true
      expect(Object.keys(made.layoutIds as object)).toEqual(["pip", "split"]);
      expect(Object.keys(made.componentIds as object)).toEqual(["RC01", "RC02", "RC03"]);
      expect(made.boundSceneIds).toEqual({ pgm: made.pgmSceneId, pvw: made.pvwSceneId });
      const second = demo();
      expect(second.stdout).toContain("20 unchanged");
      expect(second.status).toBe(0);
      expect(stackOutputs(second.stdout)).toEqual(made);
    } finally {
      fs.rmSync(workDir, { recursive: true, force: true });
    }
  });
});

