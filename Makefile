# Entry points for developers and CI (.ci/run calls `make test`).
.PHONY: setup dev dev-hot test bench

# Node.js 24 LTS for every target (scripts/node.sh): when the machine's node is older, the
# pinned build that `setup` unpacks into the cache comes first in PATH (npm's and npx's too),
# and native addons compile against its headers.
NODE_HOME := $(shell sh scripts/node.sh --home)
ifneq ($(NODE_HOME),)
export PATH := $(NODE_HOME)/bin:$(PATH)
export npm_config_nodedir := $(NODE_HOME)
endif

setup:
	sh scripts/setup.sh

# The whole station from a production build, rebuilt only when the sources changed.
dev: setup
	npx tsx scripts/dev.ts

# The same with `next dev` (hot reload; each page compiles on its first visit).
dev-hot: setup
	npx tsx scripts/dev.ts --hot

# One stack run for integration and e2e tests: starting LiveKit and the app is the slow part.
TLS_SPECS := tests/e2e/broadcast.spec.ts tests/e2e/hls.spec.ts tests/e2e/obs-whip.spec.ts
# The PostgreSQL stack's ports: the next block of 100 after the other stacks' (STACK_PORT_OFFSET).
PG_STACK_OFFSET ?= $(shell echo $$(( ($${STACK_PORT_OFFSET:-0} + 100) % 900 )))
# Vitest's JSON report beside its usual output, for scripts/test-times.ts.
VITEST_TIMES := --reporter=default --reporter=json --outputFile.json=.test-times
test: setup
	npm run typecheck
	npm run lint
	npm run format:check
	npm run test:unit
	npm run build
	# End to end first, on an almost empty station: the integration suite leaves ~150 channels, and
	# pages listing them (and axe checking them) were minutes slower after it.
	rm -rf .test-times && mkdir -p .test-times .local
	npx tsx scripts/with-stack.ts -- sh -c "PLAYWRIGHT_JSON_OUTPUT_NAME=.test-times/e2e.json npx playwright test --reporter=list,json && npx vitest run --project integration $(VITEST_TIMES)/integration.json"
	# The integration suite again on PostgreSQL (--postgres: a fresh database, dropped after), in
	# its own stack PG_STACK_OFFSET ports up, beside the two shorter stacks below (docs/database.md:
	# what it costs). Its output is printed, and its exit checked, once they are done.
	# The production TLS proxy (deploy/Caddyfile, Caddy's local CA) in front: broadcast, HLS and
	# OBS over WHIP through https/wss, as browsers and OBS reach a production station, against the
	# app as its image runs it (.next/standalone: server.mjs, migrate.mjs, create-admin.mjs).
	# The crash stack kills and restarts LiveKit, so it gets its own, at the default reconcile interval.
	# The cluster stack (--cluster: two LiveKit nodes, two app replicas behind a balancer, PostgreSQL;
	# docs/scale-out.md) follows them, still beside the PostgreSQL stack, which stays the longest.
	# The crash stack runs alone: beside the PostgreSQL stack its restart timing check failed once (run H).
	npx tsx scripts/with-stack.ts --reconcile-interval 30 -- npx vitest run --project crash
	# archive.test.ts reads the stack's SQLite file and a .db backup directly: SQLite only until it
	# goes through tests/support/stack-db.ts like egress and tempo (it failed on PostgreSQL in run H).
	@STACK_PORT_OFFSET=$(PG_STACK_OFFSET) npx tsx scripts/with-stack.ts --postgres -- npx vitest run --project integration \
	  --exclude tests/integration/archive.test.ts $(VITEST_TIMES)/integration-postgres.json >.local/integration-postgres.log 2>&1 & pg=$$!; \
	npx tsx scripts/with-stack.ts --tls --standalone -- npx playwright test $(TLS_SPECS) && \
	npx tsx scripts/with-stack.ts --cluster -- npx vitest run --project cluster $(VITEST_TIMES)/cluster.json; rc=$$?; \
	wait $$pg; pgrc=$$?; \
	echo "----- integration suite on PostgreSQL (exit $$pgrc) -----"; cat .local/integration-postgres.log; \
	[ $$rc = 0 ] && [ $$pgrc = 0 ]
	# Where the time went (docs/testing.md, Time budget).
	npx tsx scripts/test-times.ts .test-times/e2e.json
	npx tsx scripts/test-times.ts .test-times/integration.json
	npx tsx scripts/test-times.ts .test-times/integration-postgres.json
	npx tsx scripts/test-times.ts .test-times/cluster.json

bench: setup
	npm run bench:latency
	npm run bench:golive
	npm run bench:token
	npm run bench:handover
	npm run bench:ingress
	npm run bench:obs-slot
	npm run bench:kick
	npm run bench:hls
	npm run bench:bpm
	npm run bench:bpm-cpu
