#!/usr/bin/env bash
# Runs the lines of `make test` (not its `setup` prerequisite) once, timing each step, and prints
# a summary: pass/fail counts per suite, the failing tests' names, load averages and durations.
# CI's "passes under load" check is this with --stress: `stress-ng --cpu 4` (two busy workers per
# core on the 2-core machine) runs for the whole run and is stopped afterwards.
#
#   scripts/test-run.sh [--stress] [--stacks-only] [--label NAME] [--log FILE]
#
# --stacks-only skips typecheck, lint, the format check, unit tests and the build (they need no stack and do not depend
# on timing) and runs the stack steps (scripts/test/lanes.ts) on the existing build.
# STACK_PORT_OFFSET (0, 100, ... 800) picks the stacks' ports, so it can run beside other stacks.
# Exits non-zero when any step failed. The full output goes to --log (default /tmp/test-run-<time>.log).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

stress=0
stacks_only=0
label=run
log=/tmp/test-run-$(date -u +%Y%m%dT%H%M%S).log
while [ $# -gt 0 ]; do
  case "$1" in
    --stress) stress=1 ;;
    --stacks-only) stacks_only=1 ;;
    --label) label=$2; shift ;;
    --log) log=$2; shift ;;
    *) echo "usage: $0 [--stress] [--stacks-only] [--label NAME] [--log FILE]" >&2; exit 2 ;;
  esac
  shift
done
: >"$log"
# The Makefile's Node 24 (scripts/node.sh), for runs started outside make.
node_home=$(sh scripts/node.sh --home)
[ -n "$node_home" ] && export PATH="$node_home/bin:$PATH" npm_config_nodedir="$node_home"

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
# Load is sampled every 30 s during the run, for the mean and the peak.
(while sleep 30; do cut -d' ' -f1 /proc/loadavg; done) >"$log.load" &
sampler=$!
stress_pid=
if [ "$stress" = 1 ]; then
  command -v stress-ng >/dev/null || { echo "stress-ng is missing (apt-get install stress-ng)" >&2; exit 2; }
  # Bounded: never outlives a run that hangs (the suites take well under 2 hours here).
  stress-ng --cpu 4 --timeout 7200s --quiet &
  stress_pid=$!
fi
cleanup() {
  kill "$sampler" 2>/dev/null
  [ -n "$stress_pid" ] && kill "$stress_pid" 2>/dev/null && wait "$stress_pid" 2>/dev/null
}
trap cleanup EXIT

failed=0
summary=""
step() {
  local name=$1; shift
  local t0=$SECONDS
  echo "=== $name: $* (load $(loadavg))" | tee -a "$log"
  "$@" >>"$log" 2>&1
  local rc=$?
  summary="$summary
  $name: exit $rc in $((SECONDS - t0)) s (load at end $(loadavg))"
  [ "$rc" = 0 ] || failed=1
}

start=$(date -u +%FT%TZ)
if [ "$stacks_only" = 0 ]; then
  step checks make --no-print-directory -j3 --output-sync=target check-types check-lint check-format
  step unit npm run test:unit
  step build npm run build
fi
# As in the Makefile: the stack steps in lanes side by side (scripts/test/lanes-plan.ts).
step stacks npx tsx scripts/test/lanes.ts
cleanup
trap - EXIT

plain=$log.plain
sed 's/\x1b\[[0-9;]*m//g' "$log" >"$plain"
loads=$(sort -n "$log.load" | awk '{ s += $1; n++; a[n] = $1 } END { if (n) printf "mean %.1f, max %.1f (%d samples every 30 s)", s / n, a[n], n }')
{
  echo "## $label: $start, $((SECONDS / 60)) min $((SECONDS % 60)) s, stress-ng --cpu 4: $([ "$stress" = 1 ] && echo yes || echo no), STACK_PORT_OFFSET=${STACK_PORT_OFFSET:-0}"
  echo "  load average: $loads"
  echo "$summary" | sed '/^$/d'
  # vitest: "Tests  2 failed | 90 passed (92)"; playwright: "  3 passed (2.1m)" / "  1 failed".
  grep -E '^ +Tests +[0-9]' "$plain" | sed 's/^ */  vitest: /'
  grep -E '^ +[0-9]+ (passed|failed|flaky|skipped|did not run)' "$plain" | sed 's/^ */  playwright: /'
  grep -E '^stack steps: |^  (ok  |FAIL|skip) ' "$plain" | sed 's/^/  lanes: /'
  grep -E '^ *(FAIL) ' "$plain" | sed 's/^ */  failed: /' | sort -u
  grep -E '^ +✘ ' "$plain" | sed 's/ ([0-9.]*m\?s)$//; s/^ */  failed: /' | sort -u
  echo "  log: $log"
} | tee "$log.summary"
rm -f "$log.load" "$plain"
exit "$failed"
