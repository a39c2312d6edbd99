#!/usr/bin/env sh
# Ensures a pinned livekit-ingress binary (OBS RTMP/WHIP input) and prints its
# absolute path on stdout: bin=$(sh scripts/livekit-ingress.sh)
#
# v1.5.0 is the only ingress release our Go module proxy serves. It needs cgo
# and GStreamer development packages (scripts/setup.sh installs them); it builds
# against Debian 12's GStreamer 1.22. One build-time patch keeps stream keys out
# of its log (scripts/build/livekit-ingress-prep.sh; docs/livekit-patch.md), and
# the cache name says so. Cached outside the clone.
set -eu
INGRESS_VERSION=v1.5.0
here=$(cd "$(dirname "$0")" && pwd)
exec sh "$here/build/go-binary.sh" livekit-ingress-nokeys github.com/livekit/ingress "$INGRESS_VERSION" ./cmd/server "$here/build/livekit-ingress-prep.sh"
