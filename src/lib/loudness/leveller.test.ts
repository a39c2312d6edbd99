import { describe, expect, it } from 'vitest';
import { fourOnFloor, render } from '@/lib/bpm/synth.test-support';
import { LoudnessMeter } from './loudness-meter';
import { Leveller } from './leveller';
import { concat, RATE, scaled, silence, sine } from './signals.test-support';

/** The leveller's gain after every 100 ms step of `x` (both channels), as the bus would feed it. */
function gains(x: Float32Array, leveller = new Leveller()): number[] {
  const m = new LoudnessMeter(RATE);
  const out: number[] = [];
  for (let i = 0; i < x.length; i++) if (m.push(x[i]!, x[i]!)) out.push(leveller.step(m.lastStep()));
  return out;
}

describe('Leveller', { timeout: 30_000 }, () => {
  it.each([
    [-24, 10],
    [-6, -8],
    [-14, 0],
    [-40, 12], // bounded: +12 dB at most
    [10, -12],
  ])('brings a %d LUFS source to %d dB of gain within 8 s and stays', (lufs, want) => {
    const g = gains(sine(997, lufs, 12));
    expect(Math.abs(g[80]! - want)).toBeLessThan(0.5);
    expect(Math.abs(g.at(-1)! - want)).toBeLessThan(0.1);
  });

  it('moves at most 3 dB per second', () => {
    const g = gains(sine(997, -40, 3));
    for (let i = 1; i < g.length; i++) expect(Math.abs(g[i]! - g[i - 1]!)).toBeLessThanOrEqual(0.3 + 1e-9);
  });

  it('holds its gain through silence instead of pulling the noise floor up', () => {
    const g = gains(concat(sine(997, -20, 10), silence(10), scaled(sine(997, -70, 5), 0)));
    const settled = g[99]!;
    expect(settled).toBeCloseTo(6, 0);
    expect(Math.max(...g.slice(100)) - Math.min(...g.slice(100))).toBeLessThan(0.05);
  });

  it('does not pump on a drum loop: after settling, the gain moves less than 1 dB peak to peak', () => {
    const loop = scaled(render(fourOnFloor(124, 0, 30), 30, RATE), -10);
    const g = gains(loop).slice(150);
    expect(Math.max(...g) - Math.min(...g)).toBeLessThan(1);
  });

  it('switched off: 0 dB at once and stays there; on again, it starts from 0 dB', () => {
    const leveller = new Leveller();
    gains(sine(997, -30, 5), leveller);
    expect(leveller.gainDb).toBeGreaterThan(8);
    leveller.setEnabled(false);
    expect(gains(sine(997, -30, 2), leveller).every((g) => g === 0)).toBe(true);
    leveller.setEnabled(true);
    const again = gains(sine(997, -30, 1), leveller);
    expect(again[0]).toBeLessThan(1);
  });
});
