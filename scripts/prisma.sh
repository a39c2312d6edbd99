#!/usr/bin/env sh
# Runs the Prisma CLI without native engines: the app and the CLI use the JS
# driver adapter (prisma.config.ts), and pointing the engine variables at any
# existing file stops the CLI from trying to download engines it does not need.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
export PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-$here/package.json}"
export PRISMA_QUERY_ENGINE_LIBRARY="${PRISMA_QUERY_ENGINE_LIBRARY:-$here/package.json}"
export PRISMA_HIDE_UPDATE_MESSAGE=1 CHECKPOINT_DISABLE=1 PRISMA_SKIP_POSTINSTALL_GENERATE=1
exec "$here/node_modules/.bin/prisma" "$@"
