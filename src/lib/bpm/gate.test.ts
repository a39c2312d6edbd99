import { describe, expect, it } from 'vitest';
import { BeatGate, type GateOptions } from './gate';

const OPTS: GateOptions = { onAt: 0.15, offAt: 0.08, hold: 6, stopHold: 0.5, lock: 3 };

const run = (gate: BeatGate, seconds: number, silent: boolean, stopped: boolean, confidence: number) => {
  let on = gate.on;
  for (let t = 0; t < seconds - 1e-9; t += 0.2) on = gate.update(0.2, silent, stopped, confidence);
  return on;
};

describe('BeatGate', () => {
  it('needs the start threshold, then keeps a held beat through a short dip and a short rest', () => {
    const gate = new BeatGate(OPTS);
    expect(run(gate, 1, false, false, 0.12)).toBe(false);
    expect(run(gate, 4, false, false, 0.3)).toBe(true);
    expect(run(gate, 5, false, false, 0.03)).toBe(true);
    expect(run(gate, 0.4, false, true, 0.3)).toBe(true);
    expect(run(gate, 0.4, false, false, 0.3)).toBe(true);
  });

  it('lets a beat go after the hold, after stopped onsets, and at once in silence', () => {
    const low = new BeatGate(OPTS);
    run(low, 4, false, false, 0.3);
    expect(run(low, 6.4, false, false, 0.03)).toBe(false);
    const stop = new BeatGate(OPTS);
    run(stop, 4, false, false, 0.3);
    expect(run(stop, 0.8, false, true, 0.3)).toBe(false);
    const silent = new BeatGate(OPTS);
    run(silent, 4, false, false, 0.3);
    expect(run(silent, 0.2, true, false, 0.3)).toBe(false);
  });

  it('gives no memory to a beat that has not held the lock time (a chance start in an intro)', () => {
    const gate = new BeatGate(OPTS);
    expect(run(gate, 1, false, false, 0.2)).toBe(true);
    expect(run(gate, 0.2, false, false, 0.05)).toBe(false);
  });
});
