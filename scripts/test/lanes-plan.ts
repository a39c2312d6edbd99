// Which test steps `make test` runs after the build, in what order, and which of them run side
// by side (docs/testing.md, "Time budget"). Pure: scripts/test/lanes.ts runs the plan.
//
// Phases run one after another. In a phase, lanes run at the same time, each lane's steps one
// after another. Each stack gets its own block of 100 ports (STACK_PORT_OFFSET), so stacks never meet.

export type Step = { name: string; offset: number; command: string };
export type Lane = { name: string; steps: Step[] };
export type Phase = Lane[];

const TLS_SPECS = ['tests/e2e/broadcast.spec.ts', 'tests/e2e/hls.spec.ts', 'tests/e2e/obs-whip.spec.ts'];
const times = (file: string) => `--reporter=default --reporter=json --outputFile.json=.test-times/${file}`;
const stack = (flags: string, command: string) => `npx tsx scripts/with-stack.ts ${flags}-- ${command}`.replace('  ', ' ');

/** Stack offsets from the caller's STACK_PORT_OFFSET: 0 and 100 above it (wrapping below 900). */
export function laneOffsets(base: number): [number, number] {
  const at = (k: number) => (base + 100 * k) % 900;
  return [at(0), at(1)];
}

/**
 * One stack at a time. Measured alone (2026-12-05, the CPU lines with-stack prints), end to end
 * keeps the two cores 82 % busy and an integration run 37 %; yet every pairing tried failed
 * tests that hold the product to its timing targets: three stacks at once (run J) ran three times
 * slower with egress failures; end to end beside the short stacks missed the cluster's 10 s lease
 * takeover and an OBS analyser's lock after a LiveKit restart (runs L, M); the two integration
 * runs side by side lost LiveKit track publications in the egress tests (run M). CI must pass
 * every time, so the steps run one after another (about 40 minutes, over the 25-minute budget:
 * docs/testing.md, "Time budget"). The plan keeps lanes so a pairing can be tried again.
 */
export function planPhases(base: number): Phase[] {
  const [first] = laneOffsets(base);
  const e2e = 'sh -c "PLAYWRIGHT_JSON_OUTPUT_NAME=.test-times/e2e.json npx playwright test --reporter=list,json"';
  const integration = (json: string) => `npx vitest run --project integration ${times(json)}`;
  // Not under end to end's test-results/: Playwright empties its output directory as it starts.
  const tls = `npx playwright test --output test-results-tls ${TLS_SPECS.join(' ')}`;
  const alone = (name: string, step: string, command: string): Phase => [{ name, steps: [{ name: step, offset: first, command }] }];
  return [
    alone('e2e', 'end to end', stack('', e2e)),
    alone('sqlite', 'integration on SQLite', stack('', integration('integration.json'))),
    alone('postgres', 'integration on PostgreSQL', stack('--postgres ', integration('integration-postgres.json'))),
    alone('tls', 'TLS + standalone', stack('--tls --standalone ', tls)),
    alone('crash', 'crash', stack('--reconcile-interval 30 ', 'npx vitest run --project crash')),
    alone('cluster', 'cluster', stack('--cluster ', `npx vitest run --project cluster ${times('cluster.json')}`)),
  ];
}
