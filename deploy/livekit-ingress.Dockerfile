# syntax=docker/dockerfile:1
# The production livekit-ingress: v1.5.0 from the Go module proxy with the one
# patch the project carries (scripts/build/livekit-ingress-prep.sh: go-rtmp's
# logger held at warn, so stream keys never reach the log), built by the very
# script that builds the binary the tests run (scripts/livekit-ingress.sh ->
# scripts/build/go-binary.sh) against Debian 12's GStreamer 1.22, as the tests
# run it. Build context: the repository root (deploy/docker-compose.yml).
# Pins: deploy/versions.json; why: docs/livekit-patch.md.

FROM golang:1.26.8-bookworm AS build
# cgo against GStreamer: the same development packages scripts/setup.sh installs.
RUN apt-get update \
  && apt-get install -y --no-install-recommends pkg-config gcc libc6-dev libglib2.0-dev \
     libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev libgstreamer-plugins-bad1.0-dev \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /radio
COPY scripts/livekit-ingress.sh scripts/livekit-ingress.sh
COPY scripts/build/go-binary.sh scripts/build/livekit-ingress-prep.sh scripts/build/
RUN bin=$(RADIO_CACHE_DIR=/radio/cache sh scripts/livekit-ingress.sh) && cp "$bin" /livekit-ingress

FROM debian:bookworm-slim
# The GStreamer elements ingress uses to decode RTMP/WHIP and encode Opus/H.264.
RUN apt-get update \
  && apt-get install -y --no-install-recommends ca-certificates gstreamer1.0-plugins-base \
     gstreamer1.0-plugins-good gstreamer1.0-plugins-bad gstreamer1.0-plugins-ugly gstreamer1.0-libav \
  && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 ingress
USER ingress
COPY --from=build /livekit-ingress /livekit-ingress
ENTRYPOINT ["/livekit-ingress"]
