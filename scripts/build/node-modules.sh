#!/usr/bin/env sh
# Installs node_modules exactly as package-lock.json says, through a cache outside the clone.
# `npm ci` compiles better-sqlite3 from source here (its prebuilt binaries are on GitHub, which
# this network does not reach): about 100 s of a fresh clone's setup. So a finished install is
# kept in $cache/node_modules/<key>, keyed by package.json, the lock file, Node's ABI and the
# machine, and a clone that needs exactly that install copies it in a few seconds. The copy is
# taken right after `npm ci`, before tools fill node_modules/.cache; npm ci's postinstall (the
# Prisma clients, generated into src/) does not run on a copy, so setup.sh generates them then.
#
#   sh scripts/build/node-modules.sh   (from the repository root, with the Node that runs the app in PATH)
set -eu
cache=${RADIO_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/livekit-radio}/node_modules
abi=$(node -p process.versions.modules)
key=$({
  cat package.json package-lock.json
  echo "node-abi=$abi $(uname -m)"
} | sha256sum | cut -c1-16)
saved="$cache/$key"

# The addon compiled here must load in this Node. One built against other headers (npm run
# without setup.sh's npm_config_nodedir, say) is never used from the cache nor saved to it.
addon_loads() {
  [ ! -d node_modules/better-sqlite3 ] || node -e "new (require('better-sqlite3'))(':memory:').close()" >/dev/null 2>&1
}

if [ -f "$saved/complete" ]; then
  echo "setup: node_modules from the cache ($saved)" >&2
  # Marked used first, so that another clone's pruning keeps it while it is copied.
  touch "$saved"
  rm -rf node_modules node_modules.partial
  cp -a "$saved/node_modules" node_modules.partial
  mv node_modules.partial node_modules
  if addon_loads; then
    # Newer than the checkout's lock file: setup.sh reads that as "installed from this lock".
    touch node_modules/.package-lock.json
    exit 0
  fi
  echo "setup: the cached node_modules does not load in $(node -v); dropped, installing" >&2
  rm -rf "$saved" node_modules
fi

echo "setup: npm ci" >&2
npm ci --no-audit --no-fund
echo "$abi" >node_modules/.node-abi
if ! addon_loads; then
  echo "setup: better-sqlite3 does not load in $(node -v) after npm ci; not cached" >&2
  exit 0
fi

# Best effort (a full disk must not fail a good install): copied aside, then renamed into
# place, so a half-written copy is never used; the installs used last three are kept.
save() {
  mkdir -p "$cache" || return 0
  tmp=$(mktemp -d "$cache/.partial-XXXXXX") || return 0
  if cp -a node_modules "$tmp/node_modules" && touch "$tmp/complete" && mv -T "$tmp" "$saved" 2>/dev/null; then
    echo "setup: node_modules saved for the next clone ($saved)" >&2
  fi
  rm -rf "$tmp"
  # About 1 GB each; a .partial left by an interrupted save goes after a day.
  ls -1dt "$cache"/*/ 2>/dev/null | tail -n +4 | while read -r old; do rm -rf "$old"; done
  find "$cache" -mindepth 1 -maxdepth 1 -name '.partial-*' -mtime +0 -exec rm -rf {} + 2>/dev/null || true
}
save
