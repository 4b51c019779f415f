import RPCClient from "@alicloud/pop-core";
import { ChildProcess, spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as https from "node:https";
import * as path from "node:path";
import { popClient } from "../test/helpers/pop-client";
import { makeTestCertificate } from "../test/helpers/tls-certificate";

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
    // As CreateCaster makes it, with no domain; --domain gives it one, as a studio in use has.
    expect((await popClient(emulator.url)("DescribeCasterConfig", { CasterId: casterId })).body.DomainName ?? "").toBe("");
    const withDomain = spawnSync(process.execPath, [BIN, "create-studio", "--endpoint", emulator.url, "--domain", "live.example.com"], { encoding: "utf8" });
    expect({ status: withDomain.status, stderr: withDomain.stderr }).toEqual({ status: 0, stderr: "" });
    const configured = await popClient(emulator.url)("DescribeCasterConfig", { CasterId: withDomain.stdout.trim() });
    expect(configured.body.DomainName).toBe("live.example.com");
    // The rest of its configuration is kept: it can be started.
    expect(configured.body.CallbackUrl).toBeTruthy();
    const started = await popClient(emulator.url)("StartCaster", { CasterId: withDomain.stdout.trim() });
    expect({ status: started.status, code: started.body?.Code }).toEqual({ status: 200, code: undefined });
  });

  test("--host chooses the address it listens on", async () => {
    const emulator = await start(["--host", "0.0.0.0", "--quiet"]);
    running.push(emulator.child);
    // A wildcard address is served on every interface; the URL printed is one to call.
    const url = emulator.url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await popClient(url)("DescribeCasters")).status).toBe(200);
  });

  test("--sts and --tls-cert/--tls-key: roles to assume, and an HTTPS listener for Alibaba's credential library", async () => {
    const certificate = makeTestCertificate();
    const stsFile = path.join(certificate.directory, "sts.json");
    fs.writeFileSync(stsFile, JSON.stringify({ roles: [{ arn: "acs:ram::1000000000000001:role/tryout" }] }));
    try {
      const emulator = await start(["--sts", stsFile, "--tls-cert", certificate.certFile, "--tls-key", path.join(certificate.directory, "emulator.key")]);
      running.push(emulator.child);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const stsEndpoint = /over https on (127\.0\.0\.1:\d+)/.exec(emulator.output())?.[1];
      expect(stsEndpoint).toBeDefined();
      // The demo account's key assumes the role of its own account (trusted by default).
      const sts = new RPCClient({ endpoint: emulator.url, apiVersion: "2015-04-01", accessKeyId: "emulator-demo-key", accessKeySecret: "emulator-demo-secret" });
      const reply = (await sts.request("AssumeRole", { RoleArn: "acs:ram::1000000000000001:role/tryout", RoleSessionName: "try" }, { method: "POST" })) as { Credentials: { AccessKeyId: string } };
      expect(reply.Credentials.AccessKeyId).toMatch(/^STS\./);
      // The HTTPS listener answers with the certificate given, which a client trusting it accepts.
      const status = await new Promise<number>((resolve, reject) => {
        https.get(`https://${stsEndpoint}/_emulator/calls`, { ca: certificate.cert }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        }).on("error", reject);
      });
      expect(status).toBe(200);
      const half = spawnSync(process.execPath, [BIN, "--tls-cert", certificate.certFile], { encoding: "utf8" });
      expect(half.status).toBe(2);
      expect(half.stderr).toContain("--tls-cert and --tls-key go together");
      // A port for a listener that is not made is refused too, not silently left unused.
      // (Before, it started and served without a listener on that port: the guard ends such a run.)
      const portOnly = spawnSync(process.execPath, [BIN, "--tls-port", "8443", "--quiet"], { encoding: "utf8", timeout: 30_000 });
      expect(portOnly.status).toBe(2);
      expect(portOnly.stderr).toContain('--tls-port "8443" is the HTTPS listener\'s port, and there is none without a certificate: add --tls-cert FILE --tls-key FILE');
      expect(portOnly.stderr).toContain("--tls-port PORT        the HTTPS listener's port, with --tls-cert and --tls-key only");
    } finally {
      fs.rmSync(certificate.directory, { recursive: true, force: true });
    }
  });

  test("the usage text names every flag and the subcommand; wrong usage exits 2", () => {
    const help = spawnSync(process.execPath, [BIN, "--help"], { encoding: "utf8" });
    expect(help.status).toBe(0);
    for (const flag of ["--host", "--port", "--state", "--accounts", "--ingest-endpoints", "--faults", "--fault-seed", "--latency-ms", "--quiet", "--sts", "--tls-cert", "--tls-key", "--tls-port", "create-studio", "--endpoint", "--name", "--norm-type", "--template", "--domain"]) {
      expect(help.stdout).toContain(flag);
    }
    const wrong = spawnSync(process.execPath, [BIN, "create-studio", "--endpoint", "http://127.0.0.1:9", "--norm-type", "2"], { encoding: "utf8" });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain("--norm-type takes 1 (a standard studio), 3 (a lightweight carousel studio (its playlist; China site)), 4 (a virtual studio (its studio layouts; China site)), 6 (a carousel studio (its show list; no video sources)); got \"2\".");
    const noEndpoint = spawnSync(process.execPath, [BIN, "create-studio"], { encoding: "utf8", env: { ...process.env, ALICLOUD_CASTER_ENDPOINT: "" } });
    expect(noEndpoint.status).toBe(2);
    expect(noEndpoint.stderr).toContain("create-studio needs --endpoint URL");
  });
});
