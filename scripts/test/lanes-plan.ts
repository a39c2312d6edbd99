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
 * The suites are CPU-bound on two cores: three stacks at once (tried 2026-12-05, run J) kept the
 * machine 99 % busy at load 25, every step ran three times slower and the egress tests failed.
 * So the longest work runs alone: end to end, then the integration suite, on one stack (its start
 * is paid once). Then the integration suite again on PostgreSQL beside the three short stacks
 * (TLS, crash, cluster), which passed beside it (run H, and the crash stack since the health fix).
 */
export function planPhases(base: number): Phase[] {
  const [main, second] = laneOffsets(base);
  const e2eThenIntegration =
    'sh -c "PLAYWRIGHT_JSON_OUTPUT_NAME=.test-times/e2e.json npx playwright test --reporter=list,json && ' +
    `npx vitest run --project integration ${times('integration.json')}"`;
  return [
    [{ name: 'main', steps: [{ name: 'end to end, then integration on SQLite', offset: main, command: stack('', e2eThenIntegration) }] }],
    [
      {
        name: 'postgres',
        steps: [
          {
            name: 'integration on PostgreSQL',
            offset: second,
            command: stack('--postgres ', `npx vitest run --project integration ${times('integration-postgres.json')}`),
          },
        ],
      },
      {
        name: 'short',
        steps: [
          {
            name: 'TLS + standalone',
            offset: main,
            // Its own output directory, apart from the end-to-end step's.
            command: stack('--tls --standalone ', `npx playwright test --output test-results/tls ${TLS_SPECS.join(' ')}`),
          },
          { name: 'crash', offset: main, command: stack('--reconcile-interval 30 ', 'npx vitest run --project crash') },
          { name: 'cluster', offset: main, command: stack('--cluster ', `npx vitest run --project cluster ${times('cluster.json')}`) },
        ],
      },
    ],
  ];
}
