# Entry points for developers and CI (.ci/run calls `make test`).
.PHONY: setup dev test bench

setup:
	sh scripts/setup.sh

dev: setup
	npx tsx scripts/dev.ts

# One stack run for integration and e2e tests: starting LiveKit and the app is the slow part.
test: setup
	npm run typecheck
	npm run lint
	npm run format:check
	npm run test:unit
	npm run build
	npx tsx scripts/with-stack.ts -- sh -c "npx vitest run --project integration && npx playwright test"
	# Kills and restarts LiveKit, so it gets its own stack, at the default reconcile interval.
	npx tsx scripts/with-stack.ts --reconcile-interval 30 -- npx vitest run --project crash

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
