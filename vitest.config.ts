import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { LaneSequencer } from './tests/support/lane-sequencer';

const alias = {
  '@': path.resolve(__dirname, 'src'),
  // 'server-only' throws outside React Server Components; tests run server modules directly.
  'server-only': path.resolve(__dirname, 'tests/support/empty-module.ts'),
};

export default defineConfig({
  test: {
    // Vitest's default (one worker less than the cores) leaves one of two cores idle: the unit
    // tests took 51 s on 2 cores against 31 s with two workers (2026-12-06). The stack projects
    // run one file at a time whatever this says (fileParallelism: false).
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    // Vitest's order; reversed for one of two integration runs side by side (the file says why).
    sequence: { sequencer: LaneSequencer },
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // No retries: a test that fails once fails the run (docs/testing.md "Retries").
          retry: 0,
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          // Kills and restarts the stack's LiveKit, at default settings: its own stack (npm run test:crash).
          name: 'crash',
          include: ['tests/crash/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          // The scale-out layout: its own stack, `with-stack.ts --cluster` (npm run test:cluster).
          name: 'cluster',
          include: ['tests/cluster/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
