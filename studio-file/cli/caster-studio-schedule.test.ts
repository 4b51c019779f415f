import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "./caster-studio";

/**
 * The command and the schedule, run in this process (caster-studio.test.ts runs the built
 * command): validate prints warnings and fails on errors only, render takes --zone, diff says
 * what changes in the schedule. The clock is the real one: the files' times are far in the past
 * or in the future.
 */

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "caster-studio-schedule-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out, err };
}

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const studio = (episodes: string[]) => [
  "caster: { config: casterId }",
  "timeZone: Asia/Shanghai",
  "sources:",
  "  RV01: { resourceName: Main camera, liveStreamUrl: 'rtmp://push.example.com/live/main' }",
  "  RV04: { resourceName: Guest camera, liveStreamUrl: 'rtmp://push.example.com/live/guest' }",
  "episodes:",
  ...episodes,
  "",
].join("\n");
const FUTURE = '  news: { episodeName: News, locationId: RV01, startTime: "2099-12-24T20:00:00+08:00", endTime: "2099-12-24T21:00:00+08:00" }';
const PAST = '  old: { episodeName: Old, locationId: RV01, startTime: "2020-12-24T20:00:00+08:00", endTime: "2020-12-24T21:00:00+08:00" }';

describe("caster-studio and the schedule", () => {
  test("validate: warnings alone print as warnings and exit 0", () => {
    const file = write("warned.yaml", studio([PAST, FUTURE]));
    const result = run("validate", file);
    expect(result.code).toBe(0);
    expect(result.out).toEqual([
      expect.stringMatching(new RegExp(`^${file}:7:57 episodes\\.old\\.startTime: warning: episode "old" started at 2020-12-24 20:00 Asia/Shanghai \\(12:00 UTC\\) and ended at 2020-12-24 21:00 Asia/Shanghai \\(13:00 UTC\\); it is now `)),
      `${file}: valid (2 sources, 0 episode groups, 2 episodes, 1 warning)`,
    ]);
    expect(result.err).toEqual([]);
  });

  test("validate: errors exit 1, printed with the warnings in file order", () => {
    const file = write("clash.yaml", studio([PAST, FUTURE, FUTURE.replace("news", "talk").replace("20:00:00+08:00", "20:30:00+08:00").replace("21:00:00+08:00", "21:30:00+08:00")]));
    const result = run("validate", file);
    expect(result.code).toBe(1);
    expect(result.out.map((line) => line.slice(0, line.indexOf(": ") + 2 + "warning: ".length))).toEqual([
      `${file}:7:57 episodes.old.startTime: warning: `,
      `${file}:9:59 episodes.talk.startTime: episode "`,
    ]);
    expect(result.out[1]).toContain('episode "talk", 2099-12-24 20:30–21:30 Asia/Shanghai (12:30–13:30 UTC), overlaps episode "news", 2099-12-24 20:00–21:00 Asia/Shanghai (12:00–13:00 UTC)');
    expect(result.err).toEqual([]);
  });

  test("render --zone: the axis in that zone, a wrong zone is wrong usage", () => {
    const file = write("render.yaml", studio([FUTURE]));
    const out = path.join(dir, "render.svg");
    expect(run("render", file, "--out", out, "--zone", "Europe/Berlin")).toMatchObject({ code: 0, out: [`wrote ${out}`], err: [] });
    expect(fs.readFileSync(out, "utf8")).toContain('data-zone="Europe/Berlin"');
    expect(run("render", file, "--out", out)).toMatchObject({ code: 0 });
    expect(fs.readFileSync(out, "utf8")).toContain('data-zone="Asia/Shanghai"');
    const wrong = run("render", file, "--out", out, "--zone", "Mars/Olympus");
    expect(wrong.code).toBe(2);
    expect(wrong.err[0]).toMatch(/^caster-studio: --zone Mars\/Olympus: use an IANA time zone such as Asia\/Shanghai/);
  });

  test("render and diff print a file's warnings on stderr, and still do their work", () => {
    const before = write("before.yaml", studio([PAST, FUTURE]));
    const after = write("after.yaml", studio([PAST, FUTURE.replace("locationId: RV01", "locationId: RV04")]));
    const diff = run("diff", before, after);
    expect(diff.code).toBe(0);
    expect(diff.err).toHaveLength(2);
    expect(diff.err[0]).toContain("episodes.old.startTime: warning:");
    expect(diff.out.join("\n")).toContain('- Episode "news" (2099-12-24 20:00–21:00 Asia/Shanghai, 12:00–13:00 UTC) now shows Guest camera (RV04) instead of Main camera (RV01).');
    const render = run("render", after, "--out", path.join(dir, "after.html"));
    expect(render.code).toBe(0);
    expect(render.err[0]).toContain("warning:");
  });
});
