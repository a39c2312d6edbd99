import { describe, expect, it } from 'vitest';
import { BeatGate, SteadyTempo, type GateOptions } from './gate';

const OPTS: GateOptions = {
  onAt: 0.15,
  offAt: 0.08,
  hold: 6,
  stopHold: 0.5,
  lock: 3,
  steady: 0,
  steadyFloor: 0.02,
  steadyStrength: 0.008,
  keep: false,
};
const STEADY: GateOptions = { ...OPTS, steady: 3 };

type Pair = { gate: BeatGate; steady: SteadyTempo };
const pair = (o: GateOptions): Pair => ({ gate: new BeatGate(o), steady: new SteadyTempo(o, 0.2) });

const step = ({ gate, steady }: Pair, silent: boolean, stopped: boolean, confidence: number, bpm: number, strength: number) => {
  steady.input[0] = bpm;
  steady.input[1] = strength;
  steady.input[2] = confidence;
  steady.input[3] = gate.on ? 1 : 0;
  const verdict = steady.update();
  return gate.update(0.2, silent, stopped, confidence, verdict, steady.kept);
};

const run = (p: Pair | BeatGate, seconds: number, silent: boolean, stopped: boolean, confidence: number, bpm = 0, strength = 0) => {
  const q = p instanceof BeatGate ? { gate: p, steady: new SteadyTempo(OPTS, 0.2) } : p;
  let on = q.gate.on;
  for (let t = 0; t < seconds - 1e-9; t += 0.2) on = step(q, silent, stopped, confidence, bpm, strength);
  return on;
};

/** Low confidence, dense onsets, the tempo alternating between two values (a tracker that wanders). */
const wander = (p: Pair, seconds: number) => {
  let on = p.gate.on;
  for (let t = 0, k = 0; t < seconds - 1e-9; t += 0.2, k++) on = step(p, false, false, 0.05, k % 2 ? 120 : 150, 0.02);
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

  it('counts a tempo held steady at a low confidence as a beat only where the onsets are dense', () => {
    const dense = pair(STEADY);
    expect(run(dense, 2.8, false, false, 0.05, 150, 0.02)).toBe(false);
    expect(run(dense, 0.6, false, false, 0.05, 150.5, 0.02)).toBe(true);
    // It holds past the low-confidence memory while the tempo stays put.
    expect(run(dense, 10, false, false, 0.05, 150, 0.02)).toBe(true);
    const pads = pair(STEADY);
    expect(run(pads, 10, false, false, 0.05, 150, 0.003)).toBe(false);
    expect(wander(pair(STEADY), 10)).toBe(false);
    expect(run(pair(OPTS), 10, false, false, 0.05, 150, 0.02)).toBe(false);
  });

  it('keeps a beat through low confidence while the tempo it started with holds, and only then', () => {
    const KEEP: GateOptions = { ...OPTS, keep: true };
    // A clear start, then a weak comb over sparse onsets (the steady rule's density is not met) at the same tempo.
    const held = pair(KEEP);
    expect(run(held, 1, false, false, 0.2, 125, 0.005)).toBe(true);
    expect(run(held, 10, false, false, 0.03, 125.5, 0.005)).toBe(true);
    // Stopped onsets still end it, as without the rule.
    expect(run(held, 1, false, true, 0.03, 125.5, 0.005)).toBe(false);
    // The tempo moves: the chance start of an intro gets no memory.
    const moved = pair(KEEP);
    expect(run(moved, 1, false, false, 0.2, 125, 0.005)).toBe(true);
    expect(run(moved, 0.2, false, false, 0.03, 140, 0.005)).toBe(false);
    // Without the rule the same weak stretch ends the beat at once.
    const off = pair(OPTS);
    expect(run(off, 1, false, false, 0.2, 125, 0.005)).toBe(true);
    expect(run(off, 0.2, false, false, 0.03, 125, 0.005)).toBe(false);
  });
});
