# syntax=docker/dockerfile:1
# The app image. Also used by the compose "config" service, which renders the
# LiveKit/egress/ingress templates (render-livekit-config.mjs).
# Node 24 LTS, the same release the tests run on (scripts/node.sh; pins in deploy/versions.json).

FROM node:24.22.3-bookworm-slim AS deps
WORKDIR /app
# Toolchain for native addons (better-sqlite3) when no prebuilt binary fits.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
# postinstall runs `prisma generate`, which needs the schema and config.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts/prisma.sh ./scripts/prisma.sh
COPY scripts/db/pg-schema.ts ./scripts/db/pg-schema.ts
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
# next build reads no secrets (src/server/env.ts parses the env on first use). Its postbuild
# (scripts/build/standalone.ts) fills .next/standalone: Next's traced server and node_modules,
# server.mjs, migrate.mjs, render-livekit-config.mjs, create-admin.mjs, backup.mjs, migrations, templates.
RUN npm run build

FROM node:24.22.3-bookworm-slim AS runtime
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
# ffmpeg: the archive joins each finished set's segments into an .m4a (copied, not re-encoded;
# docs/archive.md); operators also check a channel's HLS or a DJ's stream with it (docs/operations.md).
RUN apt-get update \
  && apt-get install -y --no-install-recommends ffmpeg \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# Only the standalone tree: no dev dependencies, no tsx, no Prisma CLI, no sources.
COPY --from=build --chown=node:node /app/.next/standalone /app
# /data holds the SQLite file, /config the rendered configs (compose volumes
# copy this ownership when first created).
RUN mkdir -p /data /config && chown node:node /data /config
USER node
EXPOSE 3000
# The slim image has no curl/wget; Node's fetch does. PORT is the port server.mjs listens on.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=6 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT || 3000}/api/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Migrate, then serve. PORT and APP_BIND come from the environment.
CMD ["sh", "-c", "node migrate.mjs && exec node server.mjs --port \"${PORT:-3000}\" --host \"${APP_BIND:-0.0.0.0}\""]
