# Sourced by the demo: runs the Pulumi CLI offline, with a state, config and home of its own.
#   WORK_DIR  the folder for the file backend and PULUMI_HOME (created)
# shellcheck shell=bash
pulumi_bin_dir="$(bash "$(dirname "${BASH_SOURCE[0]}")/install-pulumi.sh")"
export PATH="$pulumi_bin_dir:$PATH"
mkdir -p "$WORK_DIR/state" "$WORK_DIR/home"
export PULUMI_HOME="$WORK_DIR/home"
export PULUMI_BACKEND_URL="file://$WORK_DIR/state"
export PULUMI_CONFIG_PASSPHRASE="${PULUMI_CONFIG_PASSPHRASE:-caster-demo-passphrase}"
export PULUMI_SKIP_UPDATE_CHECK=true
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
export PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK=true
