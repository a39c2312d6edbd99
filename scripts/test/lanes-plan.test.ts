import { describe, expect, it } from 'vitest';
import { BUSY_LIMIT, fitPhase, laneOffsets, planPhases, SLOW_E2E_SECONDS } from './lanes-plan';

describe('planPhases', () => {
  it('gives lanes that run side by side their own blocks of ports, wrapping below 900', () => {
    expect(laneOffsets(0)).toEqual([0, 100, 200]);
    expect(laneOffsets(800)).toEqual([800, 0, 100]);
    for (const base of [0, 300, 800]) {
      for (const phase of planPhases(base)) {
        const offsets = phase.map((lane) => new Set(lane.steps.map((st) => st.offset)));
        expect(offsets.every((o) => o.size === 1)).toBe(true);
        expect(new Set(offsets.map((o) => [...o][0])).size).toBe(phase.length);
      }
    }
  });

  it('runs every suite on a stack: e2e, crash, TLS, cluster and integration on both databases', () => {
    const commands = planPhases(0).flatMap((phase) => phase.flatMap((lane) => lane.steps.map((s) => s.command)));
    expect(commands.every((c) => c.startsWith('npx tsx scripts/with-stack.ts '))).toBe(true);
    expect(commands.filter((c) => c.includes('--project integration'))).toHaveLength(2);
    expect(commands.filter((c) => c.includes('--project integration') && c.includes('--postgres'))).toHaveLength(1);
    for (const needle of [
      'playwright test --project shared --project exclusive --reporter',
      'playwright test --project waiting',
      'playwright test --project tls',
      '--project crash',
      '--tls --standalone',
      '--cluster -- npx vitest run --project cluster',
    ]) {
      expect(
        commands.filter((c) => c.includes(needle)),
        needle,
      ).toHaveLength(1);
    }
  });

  it('runs end to end alone, the two integration runs in lanes of their own, and never more than three stacks at once', () => {
    const phases = planPhases(0);
    const withE2e = phases.filter((phase) => phase.some((lane) => lane.steps.some((st) => st.key === 'e2e')));
    expect(withE2e).toHaveLength(1);
    expect(withE2e[0]).toHaveLength(1);
    expect(withE2e[0]?.[0]?.steps).toHaveLength(1);
    expect(phases.every((phase) => phase.length <= 3)).toBe(true);
    const integrationLanes = phases.flat().filter((lane) => lane.steps.some((st) => st.key === 'sqlite' || st.key === 'postgres'));
    expect(integrationLanes).toHaveLength(2);
    // Each integration run has its lane to itself; the third holds only the short steps.
    expect(integrationLanes.every((lane) => lane.steps.length === 1)).toBe(true);
    const third = phases.find((phase) => phase.length === 3)?.[2];
    expect(third?.steps.map((st) => st.key)).toEqual(['waiting', 'tls', 'cluster', 'crash']);
  });

  it('names every step with its own key', () => {
    const keys = planPhases(0).flatMap((phase) => phase.flatMap((lane) => lane.steps.map((st) => st.key)));
    expect([...keys].sort()).toEqual(['cluster', 'crash', 'e2e', 'postgres', 'sqlite', 'tls', 'waiting']);
  });
});

describe('fitPhase', () => {
  const phase = planPhases(0)[1]!;

  it('keeps the lanes side by side on a machine with spare CPU', () => {
    expect(fitPhase(phase, 0.1)).toBe(phase);
    expect(fitPhase(phase, BUSY_LIMIT)).toBe(phase);
  });

  it('runs them one after another, every step in lane order, when the CPU is taken already', () => {
    const fitted = fitPhase(phase, 0.9);
    expect(fitted).toHaveLength(1);
    expect(fitted[0]!.name).toBe('lane 1 then lane 2 then lane 3');
    expect(fitted[0]!.steps.map((s) => s.key)).toEqual(['sqlite', 'postgres', 'waiting', 'tls', 'cluster', 'crash']);
  });

  it('runs them one after another on a slow host, as the end-to-end step measured it', () => {
    expect(fitPhase(phase, 0.01, 371)).toBe(phase);
    expect(fitPhase(phase, 0.01, SLOW_E2E_SECONDS)).toBe(phase);
    const fitted = fitPhase(phase, 0.01, 512);
    expect(fitted).toHaveLength(1);
    expect(fitted[0]!.steps.map((s) => s.key)).toEqual(['sqlite', 'postgres', 'waiting', 'tls', 'cluster', 'crash']);
  });

  it('leaves a phase of one lane alone', () => {
    const alone = planPhases(0)[0]!;
    expect(fitPhase(alone, 1)).toBe(alone);
  });
});
