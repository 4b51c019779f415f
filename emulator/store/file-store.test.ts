import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { popClient } from "../../test/helpers/pop-client";
import { startEmulator } from "../server";

const CLI = path.resolve(__dirname, "../../dist/emulator/cli.js");

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "caster-emulator-"));
}

async function startCli(stateFile: string): Promise<{ url: string; kill: () => void; exited: Promise<void> }> {
  const child = spawn(process.execPath, [CLI, "--state", stateFile, "--quiet"], { stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let text = "";
    child.stdout.on("data", (chunk: Buffer) => {
      text += chunk;
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(text);
      if (match) resolve(match[0]);
    });
    child.on("exit", (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  return { url, kill: () => child.kill("SIGKILL"), exited };
}

describe("emulator persistence", () => {
  test("a restarted emulator has everything it acknowledged", async () => {
    const stateFile = path.join(tempDir(), "state.json");
    const first = await startEmulator({ stateFile });
    const call = popClient(first.url);
    const casterId = (await call("CreateCaster", { ClientToken: "keep", NormType: 1, ChargeType: "PostPaid" })).body.CasterId;
    await call("AddCasterVideoResource", { CasterId: casterId, ResourceName: "kept", LocationId: "RV01", ImageId: "img1" });
    await first.close();

    const second = await startEmulator({ stateFile });
    const listed = await popClient(second.url)("DescribeCasterVideoResources", { CasterId: casterId });
    expect(listed.body.VideoResources.VideoResource.map((r: { ResourceName: string }) => r.ResourceName)).toEqual(["kept"]);
    await second.close();
  });

  test("kill -9 during a stream of writes keeps every acknowledged source and a readable file", async () => {
    const dir = tempDir();
    const stateFile = path.join(dir, "state.json");
    const running = await startCli(stateFile);
    const call = popClient(running.url);
    const casterId = (await call("CreateCaster", { ClientToken: "kill", NormType: 1, ChargeType: "PostPaid" })).body.CasterId;

    // Writes keep going while the process is killed; only those answered with 200 count.
    const acknowledged: string[] = [];
    const writer = (async () => {
      for (let n = 1; n <= 99; n++) {
        try {
          const reply = await call("AddCasterVideoResource", {
            CasterId: casterId, ResourceName: `s${n}`, LocationId: `RV${String(n).padStart(2, "0")}`, ImageId: `img${n}`,
          });
          if (reply.status === 200) acknowledged.push(reply.body.ResourceId);
          else await new Promise((resolve) => setTimeout(resolve, 120));
        } catch {
          return;
        }
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 700));
    running.kill();
    await running.exited;
    await writer;

    expect(acknowledged.length).toBeGreaterThan(0);
    expect(() => JSON.parse(fs.readFileSync(stateFile, "utf8"))).not.toThrow();
    const restarted = await startCli(stateFile);
    const listed = await popClient(restarted.url)("DescribeCasterVideoResources", { CasterId: casterId });
    const held: string[] = listed.body.VideoResources.VideoResource.map((r: { ResourceId: string }) => r.ResourceId);
    for (const resourceId of acknowledged) expect(held).toContain(resourceId);
    // At most one more: a write that was saved but whose answer the kill cut off.
    expect(held.length - acknowledged.length).toBeLessThanOrEqual(1);
    restarted.kill();
    await restarted.exited;
  });

  test("a state file of another format is refused with a clear error", async () => {
    const stateFile = path.join(tempDir(), "state.json");
    fs.writeFileSync(stateFile, JSON.stringify({ format: 99, accounts: {} }));
    await expect(startEmulator({ stateFile })).rejects.toThrow(/format 99; this emulator reads format 1/);
  });
});
