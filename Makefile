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

# The checks, then the stack steps: end to end alone, then three lanes of stacks side by side
# (scripts/test/lanes-plan.ts says which and why; docs/testing.md, "Time budget", what each
# costs). Each step's output is printed whole when it ends, with its time; a summary names every failure.
test: setup
	$(MAKE) --no-print-directory -j3 --output-sync=target check-types check-lint check-format
	npm run test:unit
	RADIO_TYPES_CHECKED=1 npm run build
	rm -rf .test-times
	npx tsx scripts/test/lanes.ts
	# Where the time went (docs/testing.md, Time budget).
	npx tsx scripts/test-times.ts .test-times/e2e.json
	npx tsx scripts/test-times.ts .test-times/integration.json
	npx tsx scripts/test-times.ts .test-times/integration-postgres.json
	npx tsx scripts/test-times.ts .test-times/cluster.json

# Single-threaded checks, run three at a time by `make test`.
.PHONY: check-types check-lint check-format
check-types:
	npm run typecheck
check-lint:
	npm run lint
check-format:
	npm run format:check

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
	npm run bench:egress-cost
	npm run bench:capacity
	npm run bench:capacity-max
	npm run bench:autodj
