#!/usr/bin/env sh
# Ensures the test build of livekit/egress and prints its absolute path on stdout
# (built once from the Go module proxy and cached outside the clone).
#
# v1.8.6 is the only recent release this machine's Go proxy serves (newer ones
# answer 403); its checksum lookup answers 404, hence GONOSUMDB. The build
# swaps the `faac` AAC element Debian lacks for libav's encoder
# (scripts/build/egress-prep.sh), so the cache name says so. Production runs
# LiveKit's image (deploy/docker-compose.yml pins it; see docs/operations.md).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
EGRESS_VERSION=v1.8.6
export GONOSUMDB="${GONOSUMDB:+$GONOSUMDB,}github.com/livekit/egress"
# cgo: GStreamer and GLib headers come from Debian (scripts/setup.sh).
export CGO_ENABLED=1
exec sh "$root/scripts/build/go-binary.sh" egress-avenc "github.com/livekit/egress" "$EGRESS_VERSION" ./cmd/server \
  "$root/scripts/build/egress-prep.sh"
