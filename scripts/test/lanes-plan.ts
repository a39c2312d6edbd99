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
 * Measured alone (2026-12-05, the CPU lines with-stack prints): end to end keeps the two cores
 * 82 % busy (its Chromium renders and plays audio), an integration run 37 % (it mostly waits on real
 * time: egress segments, slot boundaries). Three stacks at once saturated the machine (run J) and
 * every step ran about three times slower. So two lanes at a time: end to end beside the short TLS
 * and crash stacks, then the integration suite on SQLite beside the same suite on PostgreSQL (two
 * mostly waiting runs) and the cluster stack: beside end to end, the cluster's lease takeover took
 * 12.4 s against its 10 s target (run L, 2026-12-05); the crash tests passed there.
 * Each lane has its own stack and ports.
 */
export function planPhases(base: number): Phase[] {
  const [first, second] = laneOffsets(base);
  const e2e = 'sh -c "PLAYWRIGHT_JSON_OUTPUT_NAME=.test-times/e2e.json npx playwright test --reporter=list,json"';
  const integration = (json: string) => `npx vitest run --project integration ${times(json)}`;
  // Not under end to end's test-results/: Playwright empties its output directory as it starts.
  const tls = `npx playwright test --output test-results-tls ${TLS_SPECS.join(' ')}`;
  return [
    [
      { name: 'e2e', steps: [{ name: 'end to end', offset: first, command: stack('', e2e) }] },
      {
        name: 'short',
        steps: [
          { name: 'TLS + standalone', offset: second, command: stack('--tls --standalone ', tls) },
          { name: 'crash', offset: second, command: stack('--reconcile-interval 30 ', 'npx vitest run --project crash') },
        ],
      },
    ],
    [
      { name: 'sqlite', steps: [{ name: 'integration on SQLite', offset: first, command: stack('', integration('integration.json')) }] },
      {
        name: 'postgres',
        steps: [
          { name: 'integration on PostgreSQL', offset: second, command: stack('--postgres ', integration('integration-postgres.json')) },
          { name: 'cluster', offset: second, command: stack('--cluster ', `npx vitest run --project cluster ${times('cluster.json')}`) },
        ],
      },
    ],
  ];
}
