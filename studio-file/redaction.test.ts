import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "./cli/caster-studio";
import { diffStudioFiles, formatChanges } from "./diff";
import { formatProblem, parseLayout } from "./load";
import { renderHtml, renderSvg } from "./render";
import { StudioFileDefinition } from "./schema";

/** A password no other text in the run contains, so that any leak of it is found. */
const PASSWORD = "Lt5-leak-canary-e81f2a";

/**
 * The layout tools mask with the project's one rule (common/redact.ts, whose table says what it
 * masks): a URL with a password in it (`rtmp://user:password@host/...`) is shown as
 * `rtmp://user:***@host/...` by validate, diff and render, in the library and in the command.
 */
describe("layout tools and URL passwords", () => {
  const layout = (password: string): StudioFileDefinition => ({
    caster: { casterId: "LIVEPRODUCER_POST-cn-0pp1czt1234" },
    sources: {
      RV01: { resourceName: "Main camera", liveStreamUrl: `rtmp://camera:${password}@push.example.com/live/main` },
      RV02: { resourceName: `Reel https://reel:${password}@media.example.com/name.mp4`, vodUrl: `https://reel:${password}@media.example.com/intro.mp4` },
    },
    episodeGroups: {
      night: {
        startTime: "2030-12-24T23:00:00Z",
        items: [{ itemName: "Replay", vodUrl: `https://reel:${password}@media.example.com/replay.ts` }],
        callbackUrl: `https://hook:${password}@hooks.example.com/caster`,
      },
    },
  });

  test("diff shows the URLs with the password masked, and a new password as a change", () => {
    const added = formatChanges(diffStudioFiles({}, layout(PASSWORD)));
    expect(added).not.toContain(PASSWORD);
    expect(added).toContain("rtmp://camera:***@");
    const rotated = formatChanges(diffStudioFiles(layout("old-password-1"), layout(PASSWORD)));
    expect(rotated).not.toMatch(new RegExp(`${PASSWORD}|old-password-1`));
    expect(rotated).toContain("RV01");
  });

  test("render draws no password", () => {
    for (const picture of [renderSvg(layout(PASSWORD)), renderHtml(layout(PASSWORD))]) {
      expect(picture).toContain("Main camera");
      expect(picture).not.toContain(PASSWORD);
    }
  });

  test("a problem that quotes a URL masks its password", () => {
    const text = ["sources:", "  RV01:", "    resourceName: Cam", `    liveStreamUrl: ftp://camera:${PASSWORD}@push.example.com/live/cam`, ""].join("\n");
    const problems = parseLayout(text, "studio.yaml").problems.map(formatProblem);
    expect(problems.join("\n")).toContain("ftp://camera:***@push.example.com/live/cam");
    expect(problems.join("\n")).not.toContain(PASSWORD);
  });

  test("caster-studio validate, diff and render print and write no password", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "caster-studio-passwords-"));
    try {
      const yaml = (password: string) => JSON.stringify(layout(password));
      const before = path.join(dir, "before.json");
      const after = path.join(dir, "after.json");
      const bad = path.join(dir, "bad.json");
      fs.writeFileSync(before, yaml("old-password-1"));
      fs.writeFileSync(after, yaml(PASSWORD));
      fs.writeFileSync(bad, yaml(PASSWORD).replace("rtmp://camera", "ftp://camera"));
      const printed: string[] = [];
      const output = { out: (text: string) => printed.push(text), err: (text: string) => printed.push(text) };
      expect(main(["validate", after], output)).toBe(0);
      expect(main(["validate", bad], output)).toBe(1);
      expect(main(["diff", before, after], output)).toBe(0);
      expect(main(["diff", "/dev/null", after], output)).toBe(0);
      for (const out of ["studio.svg", "studio.html"]) {
        expect(main(["render", after, "--out", path.join(dir, out)], output)).toBe(0);
        expect(fs.readFileSync(path.join(dir, out), "utf8")).not.toContain(PASSWORD);
      }
      expect(printed.join("\n")).toContain("ftp://camera:***@");
      expect(printed.join("\n")).not.toMatch(new RegExp(`${PASSWORD}|old-password-1`));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
