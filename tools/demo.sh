#!/usr/bin/env bash
# The README's demo: builds the package, gets the Pulumi engine, starts the Live API emulator,
# runs `pulumi up` of the example studio (Pulumi.yaml: the studio itself, its sources and its
# group) against it, prints the stack outputs, and stops the emulator. State (Pulumi's and the
# emulator's) stays in .pulumi-demo/, so a second run shows that nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"

[ -d node_modules/@pulumi/pulumi ] || npm ci
# CASTER_DEMO_BUILT=1: the package is built already (npm test builds it before the tests, which
# run beside each other and must not see dist/ rewritten under them).
[ "${CASTER_DEMO_BUILT:-}" = 1 ] || npm run build --silent

# CASTER_DEMO_DIR: another folder for the state (the tests run the demo in a scratch one).
WORK_DIR="${CASTER_DEMO_DIR:-$repo/.pulumi-demo}"
# shellcheck source=tools/pulumi-env.sh
source tools/pulumi-env.sh

echo "== starting the Live API emulator"
node dist/emulator/cli.js --state "$WORK_DIR/emulator-state.json" --quiet >"$WORK_DIR/emulator.log" 2>&1 &
emulator_pid=$!
trap 'kill "$emulator_pid" 2>/dev/null || true; wait "$emulator_pid" 2>/dev/null || true' EXIT
endpoint=""
for _ in $(seq 1 100); do
  endpoint="$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$WORK_DIR/emulator.log" | head -n 1 || true)"
  [ -n "$endpoint" ] && break
  kill -0 "$emulator_pid" 2>/dev/null || { cat "$WORK_DIR/emulator.log"; exit 1; }
  sleep 0.1
done
[ -n "$endpoint" ] || { echo "the emulator did not start"; cat "$WORK_DIR/emulator.log"; exit 1; }
echo "   $endpoint"

# The studio itself is in the layout file (caster: { new: ... }): `pulumi up` makes it.
stack=demo
config_file="$WORK_DIR/Pulumi.$stack.yaml"
pulumi stack select --create "$stack" --non-interactive >/dev/null
# The camera's signed push URL, which the layout file names as { secret: mainCameraUrl }.
pulumi config set --config-file "$config_file" --secret mainCameraUrl \
  "rtmp://push.example.com/studio/main-camera?auth_key=1767225600-0-0-5f2b6c1d8e9a4b3c7d0e1f2a3b4c5d6e"
# The emulator listens on a new port each run. The endpoint goes in the environment, read at run
# time, not in stack config: the engine keeps stack config in the state, and the refresh that
# every `up` of this project begins with (options: refresh: always) configures the provider from
# that stored copy, which would name the last run's port.
pulumi config rm --config-file "$config_file" alicloud-caster:endpoint >/dev/null 2>&1 || true
export ALICLOUD_CASTER_ENDPOINT="$endpoint"
# Credentials come from the environment, never from stack config (see the README).
export ALIBABA_CLOUD_ACCESS_KEY_ID=emulator-demo-key ALIBABA_CLOUD_ACCESS_KEY_SECRET=emulator-demo-secret

echo "== pulumi up"
pulumi up --stack "$stack" --config-file "$config_file" --yes --non-interactive --skip-preview

echo "== stack outputs"
pulumi stack output --stack "$stack" --json
