const path = require("node:path");
const Sequencer = require("@jest/test-sequencer").default;
const LONG_SUITES = require("./long-suites.json");

const ROOT = path.resolve(__dirname, "../..");

/**
 * Starts the suites known to be long first, longest first, then the rest in jest's own order.
 * Jest orders by the durations of earlier runs, which a fresh clone (CI) does not have; it then
 * orders by file size, and a short file that drives the CLI for minutes could start last and run
 * alone on one worker while the other sits idle (issue 28). The seconds are each suite's time in a
 * fresh-clone run (`npm test`, jest's PASS lines; those of 15 s or more in the run of 116db02,
 * five workers), kept in long-suites.json.
 */
class LongestFirstSequencer extends Sequencer {
  sort(tests) {
    const seconds = (test) => LONG_SUITES[path.relative(ROOT, test.path).split(path.sep).join("/")];
    const long = tests.filter((test) => seconds(test) !== undefined).sort((a, b) => seconds(b) - seconds(a));
    return [...long, ...super.sort(tests.filter((test) => seconds(test) === undefined))];
  }
}

module.exports = LongestFirstSequencer;
