// Which test steps `make test` runs after the build, in what order, and which of them run side
// by side (docs/testing.md, "Time budget"). Pure: scripts/test/lanes.ts runs the plan.
//
// Phases run one after another. In a phase, lanes run at the same time, each lane's steps one
// after another. Each stack gets its own block of 100 ports (STACK_PORT_OFFSET), so stacks never meet.
import { type Database, excludedOn } from './integration-split';

/** `key` picks the step on the command line (`npx tsx scripts/test/lanes.ts crash`). */
export type Step = { key: string; name: string; offset: number; command: string };
export type Lane = { name: string; steps: Step[] };
export type Phase = Lane[];

const times = (file: string) => `--reporter=default --reporter=json --outputFile.json=.test-times/${file}`;
const stack = (flags: string, command: string) => `npx tsx scripts/with-stack.ts ${flags}-- ${command}`.replace('  ', ' ');

/** Stack offsets from the caller's STACK_PORT_OFFSET: 0, 100 and 200 above it (wrapping below 900). */
export function laneOffsets(base: number): [number, number, number] {
  const at = (k: number) => (base + 100 * k) % 900;
  return [at(0), at(1), at(2)];
}

/**
 * End to end alone, then the two integration runs side by side, each in a lane of its own, with a
 * third lane for the four short steps one after another: the waiting specs (real slots, a recorded
 * set), TLS, the cluster and the crash step. The integration runs are the longest steps (689-707 s
 * on 2026-12-06, run B0), so with nothing after them in their lanes the phase takes as long as the
 * longer of them; the short steps took 79-132 s each after them (run B0: phase 2 801 s).
 * Measured alone (2026-12-05, the CPU lines with-stack prints), end to end keeps the two cores
 * 82 % busy and an integration run 37 %; the slot specs used 29 % of one core and the crash step 23 %
 * (run S1). End to end beside anything failed tests that hold the product to its timing targets
 * (runs J, L, M: the cluster's 10 s lease takeover, an OBS analyser's lock after a LiveKit restart),
 * so it runs alone. Three integration-sized stacks at once are never planned (run J: every step
 * three times slower). Every pairing of the rest has passed: SQLite beside PostgreSQL (run L),
 * PostgreSQL beside TLS and crash (run K), the cluster beside SQLite (run M) and beside TLS (run S1).
 * Run M's SQLite egress failures were a test publishing before the server granted the rights
 * (tests/support/hls.ts), not the pairing. docs/testing.md, "The suites".
 */
export function planPhases(base: number): Phase[] {
  const [first, second, third] = laneOffsets(base);
  const e2e =
    'sh -c "PLAYWRIGHT_JSON_OUTPUT_NAME=.test-times/e2e.json npx playwright test --project shared --project exclusive --reporter=list,json"';
  // The specs that mostly wait (playwright.config.ts).
  const waiting = 'npx playwright test --project waiting --output test-results-waiting';
  // Each run leaves the other's one-database files out (integration-split.ts).
  const integration = (json: string, db: Database) =>
    `npx vitest run --project integration ${excludedOn(db)
      .map((file) => `--exclude ${file} `)
      .join('')}${times(json)}`;
  // Not under end to end's test-results/: Playwright empties its output directory as it starts.
  // The broadcast, HLS and WHIP specs, run here only (playwright.config.ts, project tls).
  const tls = 'npx playwright test --project tls --output test-results-tls';
  const step = (key: string, name: string, offset: number, command: string): Step => ({ key, name, offset, command });
  return [
    [{ name: 'e2e', steps: [step('e2e', 'end to end', first, stack('', e2e))] }],
    [
      { name: 'lane 1', steps: [step('sqlite', 'integration on SQLite', first, stack('', integration('integration.json', 'sqlite')))] },
      {
        name: 'lane 2',
        steps: [
          // In reverse file order, so the two runs' heavy files do not meet (tests/support/lane-sequencer.ts).
          step(
            'postgres',
            'integration on PostgreSQL',
            second,
            stack('--postgres ', `env VITEST_REVERSE_FILES=1 ${integration('integration-postgres.json', 'postgres')}`),
          ),
        ],
      },
      {
        name: 'lane 3',
        steps: [
          step('waiting', 'end to end, waiting specs', third, stack('', waiting)),
          step('tls', 'TLS + standalone', third, stack('--tls --standalone ', tls)),
          step('cluster', 'cluster', third, stack('--cluster ', `npx vitest run --project cluster ${times('cluster.json')}`)),
          step('crash', 'crash', third, stack('--reconcile-interval 30 ', 'npx vitest run --project crash')),
        ],
      },
    ],
  ];
}

/**
 * Above this share of the machine's CPU already busy before a phase (work that is not ours: the
 * previous phase's stacks are gone by then), the phase's lanes run one after another. Two stacks
 * side by side on top of other work starve the tests that hold the product to its timing targets
 * (2026-12-06, `stress-ng --cpu 4`: an OBS input heard 3.5 s after publishing, a kick test past
 * its timeout), while one stack at a time passed under the same load (2026-12-03).
 */
export const BUSY_LIMIT = 0.5;

/**
 * The end-to-end step alone, as a gauge of the host's speed: 320-371 s on the hosts where every
 * pairing above passed, 493-540 s on one about 1.5 times slower (2026-12-07, runs J1, J2 and J4),
 * where two of three side-by-side runs failed tests held to their timing targets. Past this, the
 * next phase's lanes run one after another: slower (about an hour there, estimated), inside CI's 90
 * minutes, each stack with the machine to itself, as in the loaded runs that passed (2026-12-03).
 */
export const SLOW_E2E_SECONDS = 450;

/**
 * The phase as planned, or its lanes joined into one when `busyShare` (0-1) of the CPU is taken
 * already or the end-to-end step took `e2eSeconds` past SLOW_E2E_SECONDS (a slow host).
 */
export function fitPhase(phase: Phase, busyShare: number, e2eSeconds = 0): Phase {
  if (phase.length < 2 || (busyShare <= BUSY_LIMIT && e2eSeconds <= SLOW_E2E_SECONDS)) return phase;
  return [{ name: phase.map((l) => l.name).join(' then '), steps: phase.flatMap((l) => l.steps) }];
}
