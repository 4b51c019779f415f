import { ChildProcess, spawn, spawnSync } from "node:child_process";
import * as path from "node:path";
import { popClient } from "../test/helpers/pop-client";

/** The `caster-emulator` command, as an installed package's bin runs it (the committed entry point over dist/). */
const BIN = path.resolve(__dirname, "../bin/caster-emulator.js");

function start(args: string[]): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve({ child, url, output: () => output });
    });
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => reject(new Error(`caster-emulator exited with ${code}: ${output}`)));
  });
}

describe("the caster-emulator command", () => {
  const running: ChildProcess[] = [];
  afterAll(() => running.forEach((child) => child.kill()));

  test("starts on loopback by default, says how to point a program at it, and makes a studio to try things with", async () => {
    const emulator = await start([]);
    running.push(emulator.child);
    expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(emulator.output()).toContain(`ALICLOUD_CASTER_ENDPOINT=${emulator.url}`);

    const made = spawnSync(process.execPath, [BIN, "create-studio", "--endpoint", emulator.url, "--name", "Morning show"], { encoding: "utf8" });
    expect({ status: made.status, stderr: made.stderr }).toEqual({ status: 0, stderr: "" });
    const casterId = made.stdout.trim();
    expect(casterId).toMatch(/^LIVEPRODUCER_POST-cn-\w+$/);
    const listed = await popClient(emulator.url)("DescribeCasters", { CasterId: casterId });
    expect(listed.body.CasterList.Caster).toEqual([expect.objectContaining({ CasterId: casterId, CasterName: "Morning show", NormType: 1 })]);
  });

  test("--host chooses the address it listens on", async () => {
    const emulator = await start(["--host", "0.0.0.0", "--quiet"]);
    running.push(emulator.child);
    // A wildcard address is served on every interface; the URL printed is one to call.
    const url = emulator.url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await popClient(url)("DescribeCasters")).status).toBe(200);
  });

  test("the usage text names every flag and the subcommand; wrong usage exits 2", () => {
    const help = spawnSync(process.execPath, [BIN, "--help"], { encoding: "utf8" });
    expect(help.status).toBe(0);
    for (const flag of ["--host", "--port", "--state", "--accounts", "--ingest-endpoints", "--faults", "--fault-seed", "--latency-ms", "--quiet", "create-studio", "--endpoint", "--name", "--norm-type", "--template"]) {
      expect(help.stdout).toContain(flag);
    }
    const wrong = spawnSync(process.execPath, [BIN, "create-studio", "--endpoint", "http://127.0.0.1:9", "--norm-type", "2"], { encoding: "utf8" });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain("--norm-type takes 1 (a general studio) or 6 (a carousel studio); got \"2\".");
    const noEndpoint = spawnSync(process.execPath, [BIN, "create-studio"], { encoding: "utf8", env: { ...process.env, ALICLOUD_CASTER_ENDPOINT: "" } });
    expect(noEndpoint.status).toBe(2);
    expect(noEndpoint.stderr).toContain("create-studio needs --endpoint URL");
  });
});
