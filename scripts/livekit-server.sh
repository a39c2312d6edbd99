#!/usr/bin/env sh
# Ensures the pinned, patched livekit-server binary and prints its absolute path on
# stdout (built once from the Go module proxy and cached outside the clone).
# Everything else goes to stderr so callers can do: bin=$(sh scripts/livekit-server.sh)
#
# v1.13.5 is pinned because it is the newest release whose whole dependency
# graph our Go module proxy serves: v1.13.6 and later depend on LiveKit's forks
# of pion, which the proxy refuses with 403. Bump only after checking that
# `go mod download -json github.com/livekit/livekit-server@NEW` succeeds.
#
# The build carries our patches (scripts/build/livekit-server-prep.sh: the ingress
# nil-state panics, fixed upstream later, and ingress tracks published muted when the
# app asks), so the cache name says so; a new patch takes a new name, so that no
# binary built without it is reused. The production image builds the same source with the same patch
# (deploy/livekit-server.Dockerfile); deploy/versions.json lists every pin.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
LIVEKIT_VERSION=v1.13.5
bin=$(sh "$root/scripts/build/go-binary.sh" livekit-server-nilstate-ingressmuted github.com/livekit/livekit-server \
  "$LIVEKIT_VERSION" ./cmd/server "$root/scripts/build/livekit-server-prep.sh")
# `livekit-server --version` prints e.g. "livekit-server version 1.13.5".
got=$("$bin" --version 2>/dev/null | awk '{print $NF}' | head -n 1)
[ "$got" = "${LIVEKIT_VERSION#v}" ] || { echo "livekit-server.sh: $bin reports version '$got', expected ${LIVEKIT_VERSION#v}" >&2; exit 1; }
echo "$bin"
