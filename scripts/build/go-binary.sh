#!/usr/bin/env sh
# Builds a Go program from the Go module proxy once and caches it outside the
# clone, keyed by name and version; prints the binary's absolute path on stdout
# (everything else goes to stderr), so callers can do: bin=$(sh go-binary.sh ...)
#
#   sh scripts/build/go-binary.sh NAME MODULE VERSION PACKAGE [PREP_SCRIPT]
#
# The module is downloaded, copied to a writable directory (its replace
# directives then apply, which `go install M@V` refuses) and built there.
# PREP_SCRIPT, if given, runs inside that copy first (build-time patches).
# Cache: $RADIO_CACHE_DIR, else $XDG_CACHE_HOME/livekit-radio, else ~/.cache/livekit-radio.
set -eu

[ $# -ge 4 ] || { echo "usage: $0 NAME MODULE VERSION PACKAGE [PREP_SCRIPT]" >&2; exit 2; }
name=$1 module=$2 version=$3 package=$4 prep=${5:-}
[ -z "$prep" ] || prep=$(cd "$(dirname "$prep")" && pwd)/$(basename "$prep")

cache=${RADIO_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/livekit-radio}
target="$cache/bin/$name-$version"
log() { echo "go-binary.sh [$name $version]: $*" >&2; }

if [ -x "$target" ]; then
  echo "$target"
  exit 0
fi
command -v go >/dev/null 2>&1 || { log "Go is required to build $module (install Go >= 1.26)"; exit 1; }

mkdir -p "$cache/bin" "$cache/src"
log "building $module@$version from the Go module proxy (several minutes on 2 cores; cached in $cache/bin)"
json=$(cd /tmp && go mod download -json "$module@$version") || {
  log "go mod download failed:"; printf '%s\n' "$json" >&2; exit 1; }
dir=$(printf '%s\n' "$json" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",*$/\1/p')
[ -n "$dir" ] && [ -d "$dir" ] || { log "go mod download gave no module directory:"; printf '%s\n' "$json" >&2; exit 1; }

work="$cache/src/$name-$version.$$"
tmp="$target.tmp.$$"
trap 'rm -rf "$work" "$tmp"' EXIT
cp -R "$dir" "$work"
chmod -R u+w "$work"
if [ -n "$prep" ]; then (cd "$work" && sh "$prep") || { log "prep script $prep failed"; exit 1; }; fi
(cd "$work" && go build -trimpath -buildvcs=false -o "$tmp" "$package")
mv "$tmp" "$target"
log "installed $target"
echo "$target"
