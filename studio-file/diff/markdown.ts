import { redactSignatures } from "../../common/redact";
import { capitalize } from "../words";
import { LayoutChange, LayoutChangeAction } from "./change";

/** The changes as the Markdown of one pull-request comment; what each says is decided before, in words. */

const ACTION_WORDS: Record<LayoutChangeAction, string> = {
  add: "added",
  remove: "removed",
  move: "moved",
  replace: "replaced",
  update: "updated in place",
};

/**
 * The changes as a pull-request comment. Plain enough to read in a terminal too: URLs go in code
 * spans so that a masked signature's *** is never read as emphasis and nothing is auto-linked.
 */
export function formatChanges(changes: LayoutChange[], options: { before?: string; after?: string; adopting?: number } = {}): string {
  const lines: string[] = [];
  const count = changes.length === 1 ? "1 change" : `${changes.length} changes`;
  lines.push(changes.length === 0 ? "### Studio file" : `### Studio file: ${count} on air`, "");
  if (options.before !== undefined || options.after !== undefined) {
    lines.push(`Comparing ${options.before ?? "the old file"} with ${options.after ?? "the new file"}.`, "");
  }
  if (options.adopting) {
    const objects = options.adopting === 1 ? "1 existing object" : `${options.adopting} existing objects`;
    lines.push(`The first \`pulumi up\` adopts ${objects} (adopt section): it takes them over instead of making new ones.`, "");
  }
  if (changes.length === 0) {
    lines.push("No change on air.");
    return lines.join("\n") + "\n";
  }
  lines.push(`${capitalize(tally(changes))}.`, "");
  for (const change of changes) {
    lines.push(`- ${markdownLine(change.summary)}`);
    for (const detail of change.details) lines.push(`  - ${markdownLine(detail)}`);
  }
  return lines.join("\n") + "\n";
}

/** "1 added, 2 replaced, 1 updated in place" */
function tally(changes: LayoutChange[]): string {
  return (Object.keys(ACTION_WORDS) as LayoutChangeAction[])
    .map((action) => [changes.filter((change) => change.action === action).length, ACTION_WORDS[action]] as const)
    .filter(([number]) => number > 0)
    .map(([number, words]) => `${number} ${words}`)
    .join(", ");
}

/**
 * One list entry of the comment. Names are free text from the pull request: a line break must not
 * start a list entry of its own, `@name` must not notify anyone, and `<` must not open HTML.
 */
function markdownLine(text: string): string {
  const flat = redactSignatures(text).replace(/\s*[\r\n]+\s*/g, " ");
  return codeUrls(flat).replace(/@(?=\w)/g, "@\u2060").replace(/</g, "&lt;");
}

const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"`]+/gi;

function codeUrls(text: string): string {
  return text.replace(URL_IN_TEXT, (match) => {
    // Sentence punctuation after a URL is not part of it.
    const url = match.replace(/[.,;:)]+$/, "");
    return `\`${url}\`${match.slice(url.length)}`;
  });
}
