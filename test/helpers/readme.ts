import * as fs from "node:fs";
import * as path from "node:path";

const README = path.join(__dirname, "..", "..", "README.md");

/**
 * The README's `Studio` example: the TypeScript block of its Install section that declares a
 * Studio, which the tests type-check and run, so that the first program a reader copies works.
 */
export function readmeStudioExample(): string {
  const readme = fs.readFileSync(README, "utf8");
  const section = /^## Install\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1];
  if (!section) throw new Error("README.md has no ## Install section");
  const block = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]).find((code) => code.includes("new Studio("));
  if (!block) throw new Error("README.md's Install section has no TypeScript block with new Studio(");
  return block;
}
