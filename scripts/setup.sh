#!/usr/bin/env sh
# Idempotent machine setup used by the Makefile: system tools, npm packages and
# the pinned livekit-server. Fast when everything is already there.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# command -> Debian package. chromium: Playwright; ffmpeg/sox: test audio;
# docker-compose: offline validation of deploy/docker-compose.yml; redis-server:
# a private Redis per stack.
missing=""
for pair in chromium:chromium ffmpeg:ffmpeg sox:sox docker-compose:docker-compose redis-server:redis-server; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || missing="$missing ${pair#*:}"
done

# LiveKit Ingress (OBS input) builds with cgo against GStreamer and runs its
# plugins (RTMP demux, AAC decode, Opus encode, WebRTC for WHIP).
ingress_pkgs="pkg-config gcc libc6-dev libglib2.0-dev libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev
  libgstreamer-plugins-bad1.0-dev gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad
  gstreamer1.0-plugins-ugly gstreamer1.0-libav gstreamer1.0-tools"
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in $ingress_pkgs; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $pkg"
  done
fi

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
sh scripts/livekit-ingress.sh >/dev/null
