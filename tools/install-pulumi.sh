#!/usr/bin/env bash
# Makes the pinned Pulumi CLI available without downloading any prebuilt binary.
#
# Prints, as its last line of standard output, a directory that holds `pulumi`,
# `pulumi-language-nodejs`, `pulumi-language-yaml` and `pulumi-resource-pulumi-nodejs`; put it
# first on PATH.
#
#   1. A `pulumi` already on PATH is used when its version is the pinned major.minor and its
#      Node.js and YAML language hosts sit beside it (as Pulumi's own installs have them).
#   2. Otherwise the CLI is built from the Go module proxy into a cache folder outside the repo
#      (PULUMI_CLI_CACHE, default ~/.cache/pulumi-alicloud-caster) and reused on later runs. The
#      YAML language host (github.com/pulumi/pulumi-yaml, its own module and release) is built
#      beside it; a cache from before it was added gets only the YAML host built.
#
# Several runs may start at once (`npm test` and `npm run demo` both call it): they take turns on a
# lock (flock, from util-linux), build in a private temporary folder each, and put every file into
# the cache by a rename, so that a reader sees a whole old file or a whole new one. Without flock
# the runs do not wait for each other; they stay safe, but may each build.
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
# Pulumi YAML's language host: a release of its own module, built with that module's own go.mod
# and go.sum (`go install module@version`), which pin every dependency.
YAML_LANGHOST_VERSION="${PULUMI_YAML_VERSION:-1.25.0}"
YAML_LANGHOST_PACKAGE="github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml"

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache_root="${PULUMI_CLI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-alicloud-caster}"
version_dir="$cache_root/pulumi-v$PULUMI_VERSION"
bin_dir="$version_dir/bin"
dynamic_plugin="$repo_root/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"

log() { echo "install-pulumi: $*" >&2; }

# Puts FILE at DEST by a rename inside DEST's folder (after moving or copying it there), so that
# no reader, and no `pulumi` starting the file, ever sees a part of it.
put_in_place() {
  local how="$1" file="$2" dest="$3" mode="$4" staged
  staged="$(mktemp "$(dirname "$dest")/.tmp-$(basename "$dest").XXXXXX")"
  if [ "$how" = move ]; then mv -f "$file" "$staged"; else cp "$file" "$staged"; fi
  chmod "$mode" "$staged"
  mv -f "$staged" "$dest"
}

write_stamp() {
  local staged
  staged="$(mktemp "$bin_dir/.tmp-language-host.XXXXXX")"
  echo "$1" > "$staged"
  chmod 0644 "$staged"
  mv -f "$staged" "$stamp_file"
}

link_dynamic_provider_plugin() {
  local dir="$1"
  [ -f "$dynamic_plugin" ] || { log "run npm ci first: $dynamic_plugin is missing"; exit 1; }
  if ! cmp -s "$dynamic_plugin" "$dir/pulumi-resource-pulumi-nodejs"; then
    put_in_place copy "$dynamic_plugin" "$dir/pulumi-resource-pulumi-nodejs" 0755
  fi
}

version_fits() {
  local want_minor="${PULUMI_VERSION%.*}"
  case "$1" in v"$want_minor".*) return 0 ;; *) return 1 ;; esac
}

# 1. A fitting pulumi on PATH, with its language host beside it.
if on_path="$(command -v pulumi 2>/dev/null)"; then
  path_dir="$(dirname "$on_path")"
  if [ "$path_dir" != "$bin_dir" ] && [ -x "$path_dir/pulumi-language-nodejs" ] && [ -x "$path_dir/pulumi-language-yaml" ] \
     && version_fits "$(PULUMI_SKIP_UPDATE_CHECK=true "$on_path" version 2>/dev/null)"; then
    if [ -x "$path_dir/pulumi-resource-pulumi-nodejs" ]; then
      log "using $on_path"
      echo "$path_dir"
      exit 0
    fi
  fi
fi

# The project's own language host is a Go module of its own, with a committed go.sum: its
# dependencies are the same on every machine. Its stamp covers the source and both module files.
own_langhost_dir="$repo_root/tools/pulumi-language-nodejs"
own_langhost_stamp="own $(cat "$own_langhost_dir/main.go" "$own_langhost_dir/go.mod" "$own_langhost_dir/go.sum" | sha256sum | cut -c1-64)"
stamp_file="$bin_dir/.language-host"
yaml_stamp_file="$bin_dir/.language-host-yaml"
yaml_stamp="pulumi-yaml v$YAML_LANGHOST_VERSION"
version_flag="-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$PULUMI_VERSION"

# One run at a time from here on, per cache folder and version. The lock is held until this script
# exits; a run that waits for it then finds the other run's build in the cache.
mkdir -p "$bin_dir"
if command -v flock >/dev/null; then
  exec 9>>"$cache_root/.pulumi-v$PULUMI_VERSION.lock"
  if ! flock -n 9; then
    log "waiting for another run of install-pulumi.sh to finish with $version_dir"
    flock 9
  fi
  # What runs killed before they finished left behind: nobody else can be using it now.
  rm -rf "$cache_root/.build-v$PULUMI_VERSION".* "$bin_dir"/.tmp-*
else
  log "flock (util-linux) is not on PATH: not waiting for other runs; each may build the CLI itself"
fi

# Each build has a folder of its own, removed when this script exits.
work=""
trap '[ -z "$work" ] || rm -rf "$work"' EXIT
new_work_dir() {
  work="$(mktemp -d "$cache_root/.build-v$PULUMI_VERSION.XXXXXX")"
}

build_own_langhost() {
  local dir="$1"
  mkdir -p "$dir/out"
  # -mod=readonly: the committed go.sum decides every dependency; nothing is resolved afresh.
  (cd "$own_langhost_dir" && GOFLAGS="" go build -mod=readonly -trimpath \
    -ldflags "-s -w $version_flag -X main.version=$PULUMI_VERSION" \
    -o "$dir/out/pulumi-language-nodejs" .) >&2
}

build_yaml_langhost() {
  local dir="$1"
  mkdir -p "$dir/out"
  log "building Pulumi YAML's language host v$YAML_LANGHOST_VERSION (first run only; a few minutes)"
  # Outside any module (the build folder has no go.mod), with no -mod flag: `go install` of a
  # version builds that release exactly as its go.mod and go.sum pin it.
  (cd "$dir" && GOFLAGS="" GOBIN="$dir/out" go install -trimpath \
    -ldflags "-s -w -X github.com/pulumi/pulumi-yaml/pkg/version.Version=v$YAML_LANGHOST_VERSION" \
    "$YAML_LANGHOST_PACKAGE@v$YAML_LANGHOST_VERSION") >&2
}

# Builds the YAML language host into the cache when it is missing or of another version; its
# stamp is written after the binary, so a build killed halfway is done again.
ensure_yaml_langhost() {
  if [ -x "$bin_dir/pulumi-language-yaml" ] && [ "$(cat "$yaml_stamp_file" 2>/dev/null)" = "$yaml_stamp" ]; then
    return 0
  fi
  command -v go >/dev/null || { log "Go is needed to build the YAML language host and is not on PATH"; exit 1; }
  rm -f "$yaml_stamp_file"
  local yaml_work
  yaml_work="$(mktemp -d "$cache_root/.build-v$PULUMI_VERSION.XXXXXX")"
  build_yaml_langhost "$yaml_work"
  put_in_place move "$yaml_work/out/pulumi-language-yaml" "$bin_dir/pulumi-language-yaml" 0755
  rm -rf "$yaml_work"
  local staged
  staged="$(mktemp "$bin_dir/.tmp-language-host-yaml.XXXXXX")"
  echo "$yaml_stamp" > "$staged"
  chmod 0644 "$staged"
  mv -f "$staged" "$yaml_stamp_file"
}

cache_complete() {
  [ -x "$bin_dir/pulumi" ] && [ -x "$bin_dir/pulumi-language-nodejs" ] && [ -s "$stamp_file" ] \
    && version_fits "$(PULUMI_SKIP_UPDATE_CHECK=true "$bin_dir/pulumi" version 2>/dev/null)"
}

# 2. A cached build. When it holds this project's own language host and that host (its source or
#    its module files) has changed since, only the host is built again, from its own module.
if cache_complete; then
  stamp="$(cat "$stamp_file")"
  if [ "${stamp%% *}" = "own" ] && [ "$stamp" != "$own_langhost_stamp" ]; then
    command -v go >/dev/null || { log "Go is needed to rebuild the language host and is not on PATH"; exit 1; }
    log "rebuilding the project's own language host (its source changed)"
    new_work_dir
    build_own_langhost "$work"
    put_in_place move "$work/out/pulumi-language-nodejs" "$bin_dir/pulumi-language-nodejs" 0755
    write_stamp "$own_langhost_stamp"
  fi
  ensure_yaml_langhost
  link_dynamic_provider_plugin "$bin_dir"
  log "using cached build in $bin_dir"
  echo "$bin_dir"
  exit 0
fi

# 3. Build from the Go module proxy.
command -v go >/dev/null || { log "Go is needed to build the Pulumi CLI and is not on PATH"; exit 1; }
new_work_dir
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

own_host=false
langhost_import=""
langhost_stamp="official $LANGHOST_VERSION"
if go mod download "$LANGHOST_MODULE@$LANGHOST_VERSION" >"$work/langhost-download.log" 2>&1; then
  log "building Pulumi's Node.js language host $LANGHOST_VERSION"
  go mod edit -require="$LANGHOST_MODULE@$LANGHOST_VERSION"
  langhost_import="import _ \"$LANGHOST_MODULE\""
else
  log "the Go module proxy does not serve $LANGHOST_MODULE@$LANGHOST_VERSION:"
  sed 's/^/install-pulumi:   /' "$work/langhost-download.log" >&2
  log "building the project's own Node.js language host (tools/pulumi-language-nodejs) instead"
  own_host=true
  langhost_stamp="$own_langhost_stamp"
fi

cat > tools.go <<GOTOOLS
//go:build tools

package tools

import _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
$langhost_import
GOTOOLS

go mod tidy >&2
mkdir -p out
go build -ldflags "-s -w $version_flag" -o "$work/out/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi >&2
if $own_host; then
  build_own_langhost "$work"
else
  go build -ldflags "-s -w $version_flag -X main.version=$PULUMI_VERSION" \
    -o "$work/out/pulumi-language-nodejs" "$LANGHOST_MODULE" >&2
fi

# The cache counts as complete only once the stamp is back, after the binaries.
rm -f "$stamp_file"
put_in_place move "$work/out/pulumi" "$bin_dir/pulumi" 0755
put_in_place move "$work/out/pulumi-language-nodejs" "$bin_dir/pulumi-language-nodejs" 0755
link_dynamic_provider_plugin "$bin_dir"
write_stamp "$langhost_stamp"
cd /
ensure_yaml_langhost
log "built $("$bin_dir/pulumi" version) into $bin_dir"
echo "$bin_dir"
