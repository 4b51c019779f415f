import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse } from "yaml";

/**
 * The example pipeline's review steps, run as written (bash, git, the caster-studio command) in a
 * repository shaped like the example: a pull request that moves a source must end with a comment
 * file that says so, and a bad layout must fail the validate step.
 */
const REPO = path.join(__dirname, "..", "..");
const EXAMPLE = path.join(REPO, "examples", "studio");
const WORKFLOW = path.join(EXAMPLE, ".github", "workflows", "studio-layout.yml");

interface Step {
  name?: string;
  run?: string;
}

function reviewStep(name: string): string {
  const workflow = parse(fs.readFileSync(WORKFLOW, "utf8")) as { jobs: { review: { steps: Step[] } } };
  const step = workflow.jobs.review.steps.find((candidate) => candidate.name === name);
  if (!step?.run) throw new Error(`the review job has no step "${name}" with a run script`);
  // The runner would take caster-studio from the repository's node_modules through npx; here it is this package's.
  return step.run.replace(/\bnpx caster-studio\b/g, path.join(REPO, "bin", "caster-studio.js"));
}

describe("the example's pull-request pipeline", () => {
  let repo: string;
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
  });
  const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, encoding: "utf8" });
  const runStep = (name: string, env: Record<string, string> = {}) =>
    spawnSync("bash", ["-e", "-o", "pipefail", "-c", reviewStep(name)], {
      cwd: repo,
      encoding: "utf8",
      env: { ...process.env, GITHUB_BASE_REF: "main", GITHUB_STEP_SUMMARY: path.join(repo, ".step-summary"), ...env },
    });

  /** The runner's checkout of a pull request branch, off a main that holds the example's layout or no layout yet. */
  function checkout(mainHasLayout: boolean): void {
    const seed = fs.mkdtempSync(path.join(os.tmpdir(), "caster-pipeline-main-"));
    folders.push(seed);
    const seedGit = (...args: string[]) => execFileSync("git", ["-c", "user.name=ci", "-c", "user.email=ci@example.com", "-C", seed, ...args]);
    seedGit("init", "-q", "-b", "main");
    fs.writeFileSync(path.join(seed, "README.md"), "studio\n");
    if (mainHasLayout) fs.copyFileSync(path.join(EXAMPLE, "studio.yaml"), path.join(seed, "studio.yaml"));
    seedGit("add", ".");
    seedGit("commit", "-qm", "main");
    repo = fs.mkdtempSync(path.join(os.tmpdir(), "caster-pipeline-"));
    folders.push(repo);
    execFileSync("git", ["clone", "-q", seed, repo]);
    git("checkout", "-q", "-b", "pull-request");
    if (!mainHasLayout) fs.copyFileSync(path.join(EXAMPLE, "studio.yaml"), path.join(repo, "studio.yaml"));
  }

  test("a pull request that moves a source: validate passes and the comment says what moves", () => {
    checkout(true);
    const layout = fs.readFileSync(path.join(repo, "studio.yaml"), "utf8");
    fs.writeFileSync(path.join(repo, "studio.yaml"), layout.replace("  RV02:\n", "  RV05:\n"));

    expect(runStep("Validate the layout").status).toBe(0);
    const summary = runStep("Summarise what changes on air");
    // diff's stdout went to the comment file; render's success line is the step's stdout.
    expect(summary.stdout).toBe("wrote studio.html\n");
    expect(summary.stderr).toBe("");
    expect(summary.status).toBe(0);
    const comment = fs.readFileSync(path.join(repo, "layout-diff.md"), "utf8");
    expect(comment).toContain('"Intro reel" moves from RV02 to RV05 (removed at RV02 and added at RV05).');
    expect(fs.readFileSync(path.join(repo, ".step-summary"), "utf8")).toBe(comment);
    expect(fs.readFileSync(path.join(repo, "studio.html"), "utf8")).toContain("Intro reel");
  });

  test("a layout new in the pull request is compared with nothing: everything is added", () => {
    checkout(false);
    const summary = runStep("Summarise what changes on air");
    expect(summary.status).toBe(0);
    const comment = fs.readFileSync(path.join(repo, "layout-diff.md"), "utf8");
    // The example makes its studio: it comes first, then what is added in it.
    expect(comment).toContain('- A new studio is made: "Demo studio", a general studio, output lp_sd (standard definition).');
    expect(comment.indexOf("A new studio is made")).toBeLessThan(comment.indexOf("Source added at RV01"));
    // The studio, 4 sources, the group, 2 layouts, 3 components, the 2 scenes' bindings, 4 episodes and the show list.
    expect(comment).toContain("18 added.");
    expect(comment).toContain('- PGM now shows layout "pip", with RC01 "Lower third" and RC02 "Logo" over it (bottom to top).');
    expect(comment).toContain('- New episode "evening-news" (2030-12-24 19:00–20:00 Asia/Shanghai, 11:00–12:00 UTC) shows Main camera (RV01) with RC01 "Lower third" and RC02 "Logo" over it (bottom to top).');
  });

  test("a bad layout fails the validate step with the problem's place", () => {
    checkout(true);
    fs.writeFileSync(path.join(repo, "studio.yaml"), "sources:\n  RV1: { resourceName: Guest, liveStreamUrl: 'rtmp://x/live' }\n");
    const result = runStep("Validate the layout");
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^studio\.yaml:2:3 sources\.RV1: /);
  });
});
