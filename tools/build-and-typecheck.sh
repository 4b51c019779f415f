#!/usr/bin/env bash
# npm test's first step: the build (dist/, which the tests' programs and the stored provider
# require by name) and the type-check of everything, side by side on the two cores: 26.4 s where
# one after the other took 30.6 s (`/usr/bin/time`, 2026-12-07, load 2; issue 28). The type-check
# reads the package's own sources for `pulumi-alicloud-caster` (tsconfig.test.json's paths), so it
# needs no dist/.
set -uo pipefail
cd "$(dirname "$0")/.."
npm run --silent build & build=$!
npm run --silent typecheck & typecheck=$!
# Stopped (Ctrl-C, a CI timeout): neither compiler outlives this script.
trap 'kill "$build" "$typecheck" 2>/dev/null' INT TERM
wait "$build"; built=$?
wait "$typecheck"; checked=$?
exit $(( built != 0 || checked != 0 ))
