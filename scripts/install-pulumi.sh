#!/usr/bin/env bash
# Makes the pinned Pulumi CLI available without downloading any prebuilt binary.
#
# Prints, as its last line of standard output, a directory that holds `pulumi`,
# `pulumi-language-nodejs` and `pulumi-resource-pulumi-nodejs`; put it first on PATH.
#
#   1. A `pulumi` already on PATH is used when its version is the pinned major.minor and its
#      Node.js language host sits beside it.
#   2. Otherwise the CLI is built from the Go module proxy into a cache folder outside the repo
#      (PULUMI_CLI_CACHE, default ~/.cache/pulumi-alicloud-caster) and reused on later runs.
#
# Progress goes to standard error so that callers can capture the directory.
set -euo pipefail

PULUMI_VERSION="${PULUMI_VERSION:-3.248.0}"
# The commit and time of the v3.248.0 release tag. The Node.js language host is its own Go module
# without release tags, so only a pseudo-version at the release commit names it.
RELEASE_COMMIT_TIME="20260624120734"
RELEASE_COMMIT="a88168d865b7"
LANGHOST_MODULE="github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3"
LANGHOST_VERSION="v3.0.0-${RELEASE_COMMIT_TIME}-${RELEASE_COMMIT}"

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache_root="${PULUMI_CLI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-alicloud-caster}"
bin_dir="$cache_root/pulumi-v$PULUMI_VERSION/bin"
dynamic_plugin="$repo_root/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"

log() { echo "install-pulumi: $*" >&2; }

link_dynamic_provider_plugin() {
  local dir="$1"
  [ -f "$dynamic_plugin" ] || { log "run npm ci first: $dynamic_plugin is missing"; exit 1; }
  if ! cmp -s "$dynamic_plugin" "$dir/pulumi-resource-pulumi-nodejs"; then
    install -m 0755 "$dynamic_plugin" "$dir/pulumi-resource-pulumi-nodejs"
  fi
}

version_fits() {
  local want_minor="${PULUMI_VERSION%.*}"
  case "$1" in v"$want_minor".*) return 0 ;; *) return 1 ;; esac
}

# 1. A fitting pulumi on PATH, with its language host beside it.
if on_path="$(command -v pulumi 2>/dev/null)"; then
  path_dir="$(dirname "$on_path")"
  if [ "$path_dir" != "$bin_dir" ] && [ -x "$path_dir/pulumi-language-nodejs" ] \
     && version_fits "$(PULUMI_SKIP_UPDATE_CHECK=true "$on_path" version 2>/dev/null)"; then
    if [ -x "$path_dir/pulumi-resource-pulumi-nodejs" ]; then
      log "using $on_path"
      echo "$path_dir"
      exit 0
    fi
  fi
fi

own_langhost="$repo_root/scripts/pulumi-language-nodejs/main.go"
own_langhost_stamp="own $(sha256sum "$own_langhost" | cut -c1-64)"
stamp_file="$bin_dir/.language-host"
work="$cache_root/build-v$PULUMI_VERSION"
version_flag="-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$PULUMI_VERSION"

# 2. A cached build. When it holds this project's own language host and that host's source has
#    changed since, only the host is built again.
if [ -x "$bin_dir/pulumi" ] && [ -x "$bin_dir/pulumi-language-nodejs" ] \
   && version_fits "$(PULUMI_SKIP_UPDATE_CHECK=true "$bin_dir/pulumi" version 2>/dev/null)"; then
  stamp="$(cat "$stamp_file" 2>/dev/null || true)"
  if [ "${stamp%% *}" = "own" ] && [ "$stamp" != "$own_langhost_stamp" ] && [ -f "$work/go.mod" ]; then
    log "rebuilding the project's own language host (its source changed)"
    cp "$own_langhost" "$work/langhost/main.go"
    (cd "$work" && GONOSUMDB="github.com/pulumi/pulumi" GOFLAGS="-mod=mod" \
      go build -ldflags "-s -w $version_flag -X main.version=$PULUMI_VERSION" -o "$bin_dir/pulumi-language-nodejs" ./langhost) >&2
    echo "$own_langhost_stamp" > "$stamp_file"
  fi
  link_dynamic_provider_plugin "$bin_dir"
  log "using cached build in $bin_dir"
  echo "$bin_dir"
  exit 0
fi

# 3. Build from the Go module proxy.
command -v go >/dev/null || { log "Go is needed to build the Pulumi CLI and is not on PATH"; exit 1; }
rm -rf "$work"
mkdir -p "$work" "$bin_dir"
cd "$work"

# The proxy's checksum database has no entry for these tags; the module zips still come from
# the proxy and go.sum pins them for the rest of the build.
export GONOSUMDB="github.com/pulumi/pulumi"
export GOFLAGS="-mod=mod"

log "building the Pulumi CLI v$PULUMI_VERSION from the Go module proxy (first run only; several minutes)"
# pkg/v3 has one non-local replace directive; a wrapper module must repeat it.
cat > go.mod <<GOMOD
module pulumi-cli-build

go 1.25

require (
	github.com/pulumi/pulumi/pkg/v3 v$PULUMI_VERSION
	github.com/pulumi/pulumi/sdk/v3 v$PULUMI_VERSION
)

replace github.com/atotto/clipboard => github.com/tgummerer/clipboard v0.0.0-20241001131231-d02d263e614e
GOMOD

langhost_package=""
langhost_import=""
langhost_stamp="official $LANGHOST_VERSION"
if go mod download "$LANGHOST_MODULE@$LANGHOST_VERSION" >"$work/langhost-download.log" 2>&1; then
  log "building Pulumi's Node.js language host $LANGHOST_VERSION"
  go mod edit -require="$LANGHOST_MODULE@$LANGHOST_VERSION"
  langhost_package="$LANGHOST_MODULE"
  langhost_import="import _ \"$LANGHOST_MODULE\""
else
  log "the Go module proxy does not serve $LANGHOST_MODULE@$LANGHOST_VERSION:"
  sed 's/^/install-pulumi:   /' "$work/langhost-download.log" >&2
  log "building the project's own Node.js language host (scripts/pulumi-language-nodejs) instead"
  mkdir -p langhost
  cp "$own_langhost" langhost/main.go
  langhost_package="./langhost"
  langhost_stamp="$own_langhost_stamp"
fi

cat > tools.go <<GOTOOLS
//go:build tools

package tools

import _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
$langhost_import
GOTOOLS

go mod tidy >&2
go build -ldflags "-s -w $version_flag" -o "$bin_dir/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi >&2
go build -ldflags "-s -w $version_flag -X main.version=$PULUMI_VERSION" \
  -o "$bin_dir/pulumi-language-nodejs" "$langhost_package" >&2
echo "$langhost_stamp" > "$stamp_file"
link_dynamic_provider_plugin "$bin_dir"
log "built $("$bin_dir/pulumi" version) into $bin_dir"
echo "$bin_dir"
