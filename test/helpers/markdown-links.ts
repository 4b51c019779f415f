import * as fs from "node:fs";
import * as path from "node:path";
import { REPOSITORY_URL } from "../../common/documentation";

/**
 * The link check of the documentation: every relative link (and every link to this repository by
 * its absolute URL, which is how the packed README and the commands' --help reach the pages) must
 * name a file that exists, and its #anchor a heading or an `<a id>` of that file.
 */

/** The repository's pages by absolute URL, as common/documentation.ts writes them. */
const REPOSITORY_PAGE = `${REPOSITORY_URL}/blob/main/`;

/** The text outside fenced code blocks and inline code, where links and headings are Markdown. */
function prose(text: string): string {
  return text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "").replace(/`[^`\n]*`/g, "");
}

/** Every link target of a Markdown text: `[text](target)`, `![alt](target)`. */
export function linkTargets(text: string): string[] {
  return [...prose(text).matchAll(/!?\[(?:[^\]\n]|\][^(])*?\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((match) => match[1]);
}

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces as hyphens. */
export function headingSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/<[^>]+>/g, "")
    .replace(/[^\p{L}\p{N}\- _]/gu, "")
    .replace(/ /g, "-");
}

/** The anchors of a Markdown text: its headings (a repeated one gets -1, -2, as on GitHub) and its `<a id>`s. */
export function anchorsOf(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const body = text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "");
  for (const [, heading] of body.matchAll(/^#{1,6} +(.+?) *#*$/gm)) {
    const slug = headingSlug(heading.replace(/`/g, ""));
    const count = seen.get(slug) ?? 0;
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
    seen.set(slug, count + 1);
  }
  for (const [, id] of text.matchAll(/<a id="([^"]+)"><\/a>/g)) anchors.add(id);
  return anchors;
}

/**
 * The problems of the links of `file` (a path under `root`), each as `file: target: why`.
 * `exists` says whether a path relative to the root is there (by default, on disk).
 */
export function linkProblems(root: string, file: string, exists: (relative: string) => boolean = (relative) => fs.existsSync(path.join(root, relative))): string[] {
  const text = fs.readFileSync(path.join(root, file), "utf8");
  const problems: string[] = [];
  for (const target of linkTargets(text)) {
    let relative: string;
    if (target.startsWith(REPOSITORY_PAGE)) relative = target.slice(REPOSITORY_PAGE.length);
    else if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // another site: not checked offline
    else relative = target.startsWith("#") ? `${file}${target}` : path.posix.join(path.posix.dirname(file), target);
    const [page, anchor] = relative.split("#");
    const pagePath = path.posix.normalize(page);
    if (pagePath.startsWith("..")) {
      problems.push(`${file}: ${target}: leaves the repository`);
      continue;
    }
    if (!exists(pagePath)) {
      problems.push(`${file}: ${target}: ${pagePath} does not exist`);
      continue;
    }
    if (anchor !== undefined && pagePath.endsWith(".md") && !anchorsOf(fs.readFileSync(path.join(root, pagePath), "utf8")).has(anchor)) {
      problems.push(`${file}: ${target}: ${pagePath} has no heading or <a id> #${anchor}`);
    }
  }
  return problems;
}

/** Every Markdown file of the documentation: the README, BENCHMARKS.md, the emulator's README and docs/ (its examples' prose included). */
export function documentationFiles(root: string): string[] {
  const walk = (dir: string): string[] =>
    fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
      const relative = path.posix.join(dir, entry.name);
      return entry.isDirectory() ? walk(relative) : entry.name.endsWith(".md") ? [relative] : [];
    });
  return ["README.md", "BENCHMARKS.md", "emulator/README.md", ...walk("docs")];
}
