/**
 * Where the documentation lives for someone who has only the installed package: the repository's
 * pages by absolute URL (the npm tarball ships the README, not docs/). package.json's
 * `repository`, `homepage` and `bugs` name the same place; test/docs/links.test.ts holds every such URL
 * to a file that exists in this repository.
 */
export const REPOSITORY_URL = "https://github.com/pulumi-alicloud-caster/pulumi-alicloud-caster";

/** The URL of a page of this repository, by its path from the root: `docs/emulator.md`, `docs/emulator.md#faults`. */
export function documentationUrl(page: string): string {
  return `${REPOSITORY_URL}/blob/main/${page}`;
}
