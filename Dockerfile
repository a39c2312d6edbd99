# syntax=docker/dockerfile:1
# The app image. Also used by the compose "config" service, which renders the
# LiveKit/egress/ingress templates with scripts/render-livekit-config.ts.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
# Toolchain for native addons (better-sqlite3) when no prebuilt binary fits.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
# postinstall runs `prisma generate`, which needs the schema and config.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts/prisma.sh ./scripts/prisma.sh
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
# next build reads no secrets (src/server/env.ts parses the env on first use).
RUN npm run build && rm -rf .next/cache

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
WORKDIR /app
# Dev dependencies stay: the Prisma CLI (migrations at start) and tsx (config
# rendering, admin:create) are needed at run time.
COPY --from=build --chown=node:node /app /app
# /data holds the SQLite file, /config the rendered configs (compose volumes
# copy this ownership when first created).
RUN mkdir -p /data /config && chown node:node /data /config
USER node
EXPOSE 3000
# Migrate, then serve. PORT and APP_BIND come from the environment.
CMD ["sh", "-c", "sh scripts/prisma.sh migrate deploy && exec node_modules/.bin/tsx server.ts --port \"${PORT:-3000}\" --host \"${APP_BIND:-0.0.0.0}\""]
