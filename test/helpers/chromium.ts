import { existsSync } from "node:fs";

/**
 * Finds the Chromium that browser tests drive through playwright-core, which ships no browser of
 * its own (and none may be downloaded here): the system's, from Debian's `chromium` package.
 */

/** Where Debian's chromium package puts the browser. */
export const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";

/** The flags for a headless run with no profile sync, update checks or other traffic of its own. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const INSTALL_HINT =
  "install Chromium with `apt-get install chromium` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome executable";

export type ChromiumLookup =
  | { found: true; executablePath: string }
  | { found: false; reason: string };

/** CHROMIUM_PATH when set (it must exist: a wrong path is a mistake to report, not to skip over), else /usr/bin/chromium. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumLookup {
  const configured = env.CHROMIUM_PATH;
  if (configured) {
    return existsSync(configured)
      ? { found: true, executablePath: configured }
      : { found: false, reason: `CHROMIUM_PATH is ${configured}, which does not exist` };
  }
  return existsSync(DEFAULT_CHROMIUM_PATH)
    ? { found: true, executablePath: DEFAULT_CHROMIUM_PATH }
    : { found: false, reason: `no Chromium at ${DEFAULT_CHROMIUM_PATH} and CHROMIUM_PATH is not set` };
}

/** Whether a missing browser fails the run (CASTER_BROWSER_TESTS=required, as in CI) instead of skipping the tests. */
export function browserTestsRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CASTER_BROWSER_TESTS === "required";
}

/**
 * `describe` when Chromium is found; otherwise `describe.skip` after a warning that says why, or,
 * when browser tests are required, a suite whose one test fails with how to install it.
 * The suite is given the path of the Chromium to launch.
 */
export function describeWithChromium(name: string, suite: (executablePath: string) => void): void {
  const lookup = findChromium();
  if (lookup.found) {
    describe(name, () => suite(lookup.executablePath));
    return;
  }
  const message = `Browser tests "${name}" need Chromium: ${lookup.reason}; ${INSTALL_HINT}.`;
  if (browserTestsRequired()) {
    describe(name, () => {
      test("Chromium is available (CASTER_BROWSER_TESTS=required)", () => {
        throw new Error(message);
      });
    });
    return;
  }
  console.warn(`${message} Skipping them; set CASTER_BROWSER_TESTS=required to make this an error.`);
  describe.skip(name, () => suite(""));
}
