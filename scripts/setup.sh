#!/usr/bin/env sh
# Idempotent machine setup used by the Makefile: system tools, npm packages and
# the pinned livekit-server. Fast when everything is already there.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# command -> Debian package. chromium: Playwright; ffmpeg/sox: test audio;
# docker-compose: offline validation of deploy/docker-compose.yml; redis-server:
# a private Redis per stack; espeak-ng: speech for the tempo tests (speech is "no beat").
missing=""
for pair in chromium:chromium ffmpeg:ffmpeg sox:sox docker-compose:docker-compose redis-server:redis-server espeak-ng:espeak-ng; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || missing="$missing ${pair#*:}"
done

if [ -n "$missing" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "setup: installing$missing" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >&2
  else
    echo "setup: not root, skipping apt. Missing Debian packages:$missing" >&2
  fi
fi

# npm writes node_modules/.package-lock.json on every install: older than the
# lock file means the lock changed since.
if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] ||
  [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm install" >&2
  npm install --no-audit --no-fund
fi

sh scripts/livekit-server.sh >/dev/null
