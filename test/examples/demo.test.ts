import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { withoutCloudCredentials } from "../helpers/pulumi-stack";

/**
 * The README's demo, `npm run demo`, run twice as a user does: the emulator starts on a new port
 * each time, and the second run (which refreshes first: options: refresh: always) must reach it
 * and change nothing.
 */
const REPO = path.join(__dirname, "..", "..");

describe("npm run demo", () => {
  test("a second run reaches the new emulator and changes nothing", () => {
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "caster-demo-"));
    try {
      const demo = () => spawnSync("bash", [path.join(REPO, "tools", "demo.sh")], {
        cwd: REPO,
        encoding: "utf8",
        env: { ...withoutCloudCredentials(process.env), CASTER_DEMO_DIR: workDir, CASTER_DEMO_BUILT: "1" },
      });
      const first = demo();
      expect(first.stderr + first.stdout).toContain("6 created");
      expect(first.status).toBe(0);
      const second = demo();
      expect(second.stdout).toContain("6 unchanged");
      expect(second.status).toBe(0);
    } finally {
      fs.rmSync(workDir, { recursive: true, force: true });
    }
  });
});

