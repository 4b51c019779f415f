import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse } from "yaml";
import { EmulatorFixture, startEmulatorFixture } from "../../test/helpers/emulator-fixture";
import { main } from "./caster-studio";

/**
 * `caster-studio export`, run in this process as a shell runs it (caster-studio.test.ts runs the
 * built command): credentials and endpoint from the environment, the file to --out, warnings and
 * the secrets' commands on stderr; and what it refuses. provider/export/export.test.ts tests what
 * the file says.
 */

let dir: string;
let live: EmulatorFixture;
let casterId: string;
const saved = { ...process.env };
const SIGNED_RELAY = "rtmp://relay.example.com/live/backup?auth_key=1700000000-0-0-0123456789abcdef";

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "caster-studio-export-"));
  live = await startEmulatorFixture();
  casterId = await live.createCaster("Morning show");
  await live.client.call("SetCasterConfig", {
    CasterId: casterId, CasterName: "Morning show", DomainName: "live.example.com", SideOutputUrlList: JSON.stringify([SIGNED_RELAY]),
    TranscodeConfig: JSON.stringify({ CasterTemplate: "lp_hd" }),
  });
  await live.client.call("AddCasterVideoResource", { CasterId: casterId, LocationId: "RV01", ResourceName: "Main camera", LiveStreamUrl: "rtmp://push.example.com/live/main" });
  for (const name of Object.keys(process.env)) if (/^(ALIBABA_CLOUD_|ALICLOUD_)/.test(name)) delete process.env[name];
  Object.assign(process.env, live.env);
});
afterAll(async () => {
  process.env = saved;
  await live.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out, err };
}

describe("caster-studio export", () => {
  test("writes the studio file to --out, says on stderr what it left out and on stdout what it wrote, and the file validates", async () => {
    const file = path.join(dir, "studio.yaml");
    const result = await run("export", casterId, "--out", file, "--zone", "Asia/Shanghai");
    expect(result.code).toBe(0);
    expect(result.out).toEqual([`wrote ${file}: studio ${casterId} (1 source, 0 layouts, 0 components, 0 episodes)`]);
    expect(result.err).toEqual([
      "caster-studio export: warning: The studio's sideOutputUrls is not written: a relay URL in it is signed, and a studio file takes that list only as plain URLs.",
    ]);
    const text = fs.readFileSync(file, "utf8");
    expect(text).not.toContain("auth_key");
    expect(parse(text)).toMatchObject({
      caster: { new: { casterName: "Morning show", normType: 1, casterTemplate: "lp_hd", domainName: "live.example.com" } },
      timeZone: "Asia/Shanghai",
      sources: { RV01: { resourceName: "Main camera", liveStreamUrl: "rtmp://push.example.com/live/main" } },
      adopt: { caster: casterId, sources: { RV01: expect.any(String) } },
    });
    expect(await run("validate", file)).toMatchObject({ code: 0, out: [`${file}: valid (1 source, 0 episode groups)`], err: [] });
  });

  test("without --out, the file is stdout, and nothing else is", async () => {
    const result = await run("export", casterId);
    expect(result.code).toBe(0);
    expect(result.out).toHaveLength(1);
    expect(result.out[0]).toMatch(/^# yaml-language-server: \$schema=node_modules\/pulumi-alicloud-caster\/studio-layout\.schema\.json\n/);
    expect(result.err[result.err.length - 1]).toBe(`exported studio ${casterId} (1 source, 0 layouts, 0 components, 0 episodes)`);
  });

  test("a studio that does not exist, or a key the API does not know: exit 1 with what to check", async () => {
    const missing = await run("export", "LIVEPRODUCER_POST-cn-nosuchstudio");
    expect(missing.code).toBe(1);
    expect(missing.err[0]).toMatch(/^caster-studio export: studio LIVEPRODUCER_POST-cn-nosuchstudio does not exist in region cn-shanghai at http:\/\/127\.0\.0\.1:\d+ \(InvalidCaster\.NotFound/);
    process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = "not-a-key";
    try {
      const refused = await run("export", casterId);
      expect(refused.code).toBe(1);
      expect(refused.err[0]).toContain("check ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET");
    } finally {
      process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = live.env.ALIBABA_CLOUD_ACCESS_KEY_ID;
    }
  });

  test("wrong usage exits 2 with the usage text, which lists export", async () => {
    expect(await run("export")).toMatchObject({ code: 2, err: [expect.stringMatching(/^caster-studio: export takes one CASTER_ID\.\n\nUsage: caster-studio /)] });
    expect((await run("export", "not a studio")).err[0]).toMatch(/^caster-studio: not a studio is not a studio ID/);
    expect((await run("export", casterId, "--zone", "Mars/Olympus")).err[0]).toMatch(/^caster-studio: --zone Mars\/Olympus: use an IANA time zone/);
    expect((await run("export", casterId, "--format", "json")).code).toBe(2);
    const help = await run("export", "--help");
    expect(help.code).toBe(0);
    expect(help.out[0]).toContain("  export CASTER_ID             write an existing studio as a studio file");
    expect(help.out[0]).toContain("[--out FILE]");
  });
});
