# syntax=docker/dockerfile:1
# The production livekit-server: v1.13.5 from the Go module proxy with the
# patches the project carries (scripts/build/livekit-server-prep.sh: the ingress
# nil-state panics, OBS tracks published muted), built by the very script that builds the
# binary the tests run (scripts/livekit-server.sh -> scripts/build/go-binary.sh),
# so production runs what the tests ran. Build context: the repository root
# (deploy/docker-compose.yml). Pins: deploy/versions.json; why: docs/livekit-patch.md.

# Debian 12, like the machines the test build runs on (perl for the prep script ships with it).
FROM golang:1.26.8-bookworm AS build
WORKDIR /radio
COPY scripts/livekit-server.sh scripts/livekit-server.sh
COPY scripts/build/go-binary.sh scripts/build/livekit-server-prep.sh scripts/build/
# Same recipe as the test build: download, writable copy, prep script, `go build
# -trimpath -buildvcs=false ./cmd/server`, then the version check; prints the path.
RUN bin=$(RADIO_CACHE_DIR=/radio/cache sh scripts/livekit-server.sh) && cp "$bin" /livekit-server

FROM debian:bookworm-slim
# wget for the compose healthcheck ("/" answers "OK"); ca-certificates for TLS webhooks.
RUN apt-get update \
  && apt-get install -y --no-install-recommends wget ca-certificates \
  && rm -rf /var/lib/apt/lists/*
COPY --from=build /livekit-server /livekit-server
ENTRYPOINT ["/livekit-server"]
