import { describe, expect, it } from 'vitest';
import type { Member, Sample } from './level-features';
import { featurizer, fit, pick } from './level-fit';
import { nested, newton, type Case } from './level-logistic';
import { auc } from './level-octave';
import { RAW, memberIndex } from './level-probe';

/** A member whose raw means are all `v` except evidence `ev`; prior 0, not the engine's choice. */
const member = (bpm: number, ev: number, v = 0): Member => ({ ratio: 1, bpm, x: [ev, ...RAW.slice(1).map(() => v), 0, 0, 0] });

describe('level choice fit (seventeenth pass)', () => {
  it('the conditional logit learns to pick the member the labels favour', () => {
    const f = featurizer(['logEv', 'logBpm']);
    // The label is always the slower member, though its evidence is lower: the fit must weigh the tempo.
    const rows = Array.from({ length: 20 }, (_, i) => ({
      xs: [member(90 + i, 0.3), member(180 + 2 * i, 0.5)].map(f.x),
      target: 0,
      weight: 1,
    }));
    const w = fit(rows, 0.001);
    const sample: Sample = { t: 10, engine: 190, members: [member(95, 0.3), member(190, 0.5)] };
    expect(pick(sample, f, w)).toBe(95);
  });

  it('AUC: 1 when every positive scores above every negative, 0.5 for ties', () => {
    expect(auc([3, 2, 1, 0], [1, 1, 0, 0])).toBe(1);
    expect(auc([1, 1], [1, 0])).toBe(0.5);
    expect(auc([0, 1], [1, 0])).toBe(0);
  });

  it('logistic regression by Newton steps separates a clean feature, and forward selection finds it', () => {
    const cases: Case[] = Array.from({ length: 40 }, (_, i) => ({
      id: `p${i}`,
      fold: Math.floor(i / 2) % 5,
      y: i % 2,
      d: [i % 2 ? 1 + (i % 3) * 0.1 : -1 - (i % 5) * 0.1, Math.sin(i)],
      label: 100,
      read: 200,
    }));
    const score = newton(cases, [0], 0.01);
    expect(cases.every((c) => score(c.d) > 0 === (c.y === 1))).toBe(true);
    expect(nested(cases, ['clean', 'noise'], 0.01, 2)).toMatch(/20 right, 0 wrong, net 20/);
  });

  it('a member is the best state within two grid steps of the relative, with the prior', () => {
    const ev = new Float64Array(300);
    const prior = new Float64Array(300);
    ev[98] = 0.2;
    ev[95] = 0.9;
    // 100 - 96 steps is the half of state 196; 95 is three steps off and out of reach.
    expect(memberIndex(196, 0.5, ev, prior, 0, 299)).toBe(98);
    expect(memberIndex(196, 0.5, ev, prior, 99, 299)).toBe(99);
    expect(memberIndex(196, 0.5, ev, prior, 150, 299)).toBe(-1);
  });
});
