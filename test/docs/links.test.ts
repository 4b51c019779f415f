import { execFile, execFileSync } from "node:child_process";
import * as path from "node:path";
import { documentationUrl, REPOSITORY_URL } from "../../common/documentation";
import { documentationFiles, linkProblems, linkTargets } from "../helpers/markdown-links";
import * as fs from "node:fs";

/**
 * Links a reader follows: in the README and docs/ (relative links and #anchors), in the README as
 * the npm tarball ships it (without docs/: its relative links must name packed files, its pages
 * are absolute links to the repository), and in each command's --help.
 */
const ROOT = path.join(__dirname, "..", "..");

describe("the documentation's links", () => {
  test.each(documentationFiles(ROOT))("%s: every relative link and #anchor resolves", (file) => {
    expect(linkProblems(ROOT, file)).toEqual([]);
  });

  test("the check finds a broken page, a broken anchor and a link out of the repository", () => {
    const scratch = fs.mkdtempSync(path.join(ROOT, "test", "docs", ".links-"));
    try {
      const name = path.relative(ROOT, path.join(scratch, "page.md"));
      fs.writeFileSync(path.join(scratch, "page.md"), "# Page\n\n## A `b` c\n\n[ok](#a-b-c) [gone](missing.md) [anchor](#nowhere) [out](../../../../x.md) [site](https://example.com/x) `[code](missing.md)`\n");
      expect(linkProblems(ROOT, name).map((problem) => problem.replace(`${name}: `, ""))).toEqual([
        `missing.md: ${path.posix.join(path.posix.dirname(name), "missing.md")} does not exist`,
        `#nowhere: ${name} has no heading or <a id> #nowhere`,
        "../../../../x.md: leaves the repository",
      ]);
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });

  test("package.json names the repository, its home page and where to report bugs", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    expect(pkg.repository.url).toBe(`git+${REPOSITORY_URL}.git`);
    expect(pkg.homepage).toBe(`${REPOSITORY_URL}#readme`);
    expect(pkg.bugs.url).toBe(`${REPOSITORY_URL}/issues`);
  });

  test("the README as the tarball ships it: every relative link names a packed file, every page link a page of the repository", async () => {
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (error, out) => (error ? reject(error) : resolve(out))));
    const packed = new Set<string>(JSON.parse(stdout)[0].files.map((file: { path: string }) => file.path));
    expect(packed.has("README.md")).toBe(true);
    expect(linkProblems(ROOT, "README.md", (relative) => packed.has(relative) || fs.existsSync(path.join(ROOT, relative)))).toEqual([]);
    const relative = linkTargets(fs.readFileSync(path.join(ROOT, "README.md"), "utf8")).filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith("#"));
    expect(relative.filter((target) => !packed.has(path.posix.normalize(target.split("#")[0])))).toEqual([]);
  });

  test.each([
    ["caster-studio", ["--help"]],
    ["caster-layout", ["validate", "--help"]],
    ["caster-emulator", ["--help"]],
    ["caster-recover", ["--help"]],
  ])("%s --help points to pages that exist", (command, args) => {
    const help = execFileSync(process.execPath, [path.join(ROOT, "bin", `${command}.js`), ...args], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    const urls = [...help.matchAll(new RegExp(`${documentationUrl("").replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}\\S+`, "g"))].map((match) => match[0]);
    expect(urls.length).toBeGreaterThan(0);
    const scratch = path.join(ROOT, "test", "docs", `.help-${command}.md`);
    fs.writeFileSync(scratch, urls.map((url) => `[page](${url})`).join("\n"));
    try {
      expect(linkProblems(ROOT, path.relative(ROOT, scratch))).toEqual([]);
    } finally {
      fs.rmSync(scratch);
    }
  });
});
