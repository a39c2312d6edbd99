#!/usr/bin/env sh
# Installs node_modules exactly as package-lock.json says, through a cache outside the clone.
# `npm ci` compiles better-sqlite3 from source here (its prebuilt binaries are on GitHub, which
# this network does not reach): about 100 s of a fresh clone's setup. So a finished install is
# kept in $cache/node_modules/<key>, keyed by the lock file, Node's ABI and the machine, and a
# clone that needs exactly that install copies it in a few seconds. Nothing edits node_modules
# after the install (the Prisma clients are generated into src/, by setup.sh).
#
#   sh scripts/build/node-modules.sh   (from the repository root, with the Node that runs the app in PATH)
set -eu
cache=${RADIO_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/livekit-radio}/node_modules
abi=$(node -p process.versions.modules)
key=$({
  cat package-lock.json
  echo "node-abi=$abi $(uname -m)"
} | sha256sum | cut -c1-16)
saved="$cache/$key"

if [ -f "$saved/complete" ]; then
  echo "setup: node_modules from the cache ($saved)" >&2
  rm -rf node_modules
  cp -a "$saved/node_modules" node_modules
  # Newer than the checkout's lock file: setup.sh reads that as "installed from this lock".
  touch node_modules/.package-lock.json "$saved"
  exit 0
fi

echo "setup: npm ci" >&2
npm ci --no-audit --no-fund
echo "$abi" >node_modules/.node-abi

# Saved aside, then renamed into place, so a half-written copy is never used.
mkdir -p "$cache"
tmp=$(mktemp -d "$cache/.partial-XXXXXX")
cp -a node_modules "$tmp/node_modules"
touch "$tmp/complete"
if [ -e "$saved" ]; then rm -rf "$tmp"; else mv "$tmp" "$saved"; fi
# About 1 GB each: keep the three used last.
ls -1dt "$cache"/*/ 2>/dev/null | tail -n +4 | while read -r old; do rm -rf "$old"; done
