// Which test steps `make test` runs after the build, and which of them run side by side
// (docs/testing.md, "Time budget"). Pure: scripts/test/lanes.ts runs the plan.
//
// A lane is a list of steps run one after another; lanes run at the same time. Each stack
// gets its own block of 100 ports (STACK_PORT_OFFSET), so stacks never meet.

export type Step = { name: string; offset: number; command: string };
export type Lane = { name: string; steps: Step[] };

const TLS_SPECS = ['tests/e2e/broadcast.spec.ts', 'tests/e2e/hls.spec.ts', 'tests/e2e/obs-whip.spec.ts'];
const times = (file: string) => `--reporter=default --reporter=json --outputFile.json=.test-times/${file}`;
const stack = (flags: string, command: string) => `npx tsx scripts/with-stack.ts ${flags}-- ${command}`.replace('  ', ' ');

/** Stack offsets from the caller's STACK_PORT_OFFSET: 0, 100, 200 above it (wrapping below 900). */
export function laneOffsets(base: number): [number, number, number] {
  const at = (k: number) => (base + 100 * k) % 900;
  return [at(0), at(1), at(2)];
}

/**
 * Three lanes of about equal length on a quiet machine (10-12 min each, docs/testing.md). Much
 * of the integration suite's time is waiting on real clocks (slots, grace periods, egress
 * segments), so its two runs, on SQLite and on PostgreSQL, share the two cores with the
 * CPU-bound end-to-end step; that lane gets nothing else, as it slows most when CPU is short.
 */
export function planLanes(base: number): Lane[] {
  const [main, second, third] = laneOffsets(base);
  return [
    {
      name: 'e2e',
      steps: [
        {
          name: 'end to end (Playwright)',
          offset: main,
          command: stack('', 'sh -c "PLAYWRIGHT_JSON_OUTPUT_NAME=.test-times/e2e.json npx playwright test --reporter=list,json"'),
        },
      ],
    },
    {
      name: 'sqlite',
      steps: [
        {
          name: 'integration on SQLite',
          offset: second,
          command: stack('', `npx vitest run --project integration ${times('integration.json')}`),
        },
        {
          name: 'TLS + standalone',
          offset: second,
          // Its own output directory: Playwright empties it at start, and the e2e lane's is in use.
          command: stack('--tls --standalone ', `npx playwright test --output test-results/tls ${TLS_SPECS.join(' ')}`),
        },
        { name: 'crash', offset: second, command: stack('--reconcile-interval 30 ', 'npx vitest run --project crash') },
      ],
    },
    {
      name: 'postgres',
      steps: [
        {
          name: 'integration on PostgreSQL',
          offset: third,
          command: stack('--postgres ', `npx vitest run --project integration ${times('integration-postgres.json')}`),
        },
        { name: 'cluster', offset: third, command: stack('--cluster ', `npx vitest run --project cluster ${times('cluster.json')}`) },
      ],
    },
  ];
}
