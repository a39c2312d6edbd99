#!/usr/bin/env sh
# One-off (issue 14): formats the whole tree with Prettier, for the single "format: whole tree"
# commit once the open branches are merged (so none of them conflicts with it). Afterwards
# `npm run format` keeps it so, and `make test` checks it (npm run format:check).
# Refuses a dirty tree so the commit holds the formatting only; commits nothing itself.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
if [ -n "$(git status --porcelain)" ]; then
  echo "format-all: commit or stash your changes first" >&2
  exit 1
fi
changed=$(npx prettier --write --list-different . | wc -l)
echo "format-all: Prettier changed $changed files" >&2
# Layout changes must not change what ESLint and tsc see; check before committing.
npm run -s lint
npm run -s typecheck
git diff --shortstat
echo 'format-all: now git commit -am "format: whole tree (Prettier)"' >&2
