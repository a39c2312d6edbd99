import { describe, expect, it } from 'vitest';
import { LoudnessMeter } from './loudness-meter';
import { concat, RATE, silence, sine } from './signals.test-support';

function measure(left: Float32Array, right: Float32Array = left, rate = RATE): LoudnessMeter {
  const m = new LoudnessMeter(rate);
  for (let i = 0; i < left.length; i++) m.push(left[i]!, right[i]!);
  return m;
}

describe('LoudnessMeter (BS.1770-4)', { timeout: 30_000 }, () => {
  it('reads a 997 Hz sine at -20 dBFS in both channels as -20.0 LUFS (momentary, short-term, integrated)', () => {
    const m = measure(sine(997, -20, 10));
    expect(Math.abs(m.momentary + 20)).toBeLessThan(0.1);
    expect(Math.abs(m.shortTerm + 20)).toBeLessThan(0.1);
    expect(Math.abs(m.integrated + 20)).toBeLessThan(0.1);
  });

  it('sums channel powers: the same sine in one channel only reads 3 LU lower; 44.1 kHz agrees', () => {
    const m = measure(sine(997, -20, 5), silence(5));
    expect(Math.abs(m.integrated + 23.01)).toBeLessThan(0.1);
    const n = measure(sine(997, -20, 5, 44_100), undefined, 44_100);
    expect(Math.abs(n.integrated + 20)).toBeLessThan(0.1);
  });

  it('reads EBU Tech 3341 case 1: 1 kHz at -23 dBFS stereo = -23.0 LUFS', () => {
    expect(Math.abs(measure(sine(1000, -23, 20)).integrated + 23)).toBeLessThan(0.1);
  });

  it('gates: silence is left out (absolute gate), and a part 20 LU down is left out (relative gate)', () => {
    expect(Math.abs(measure(concat(sine(997, -20, 10), silence(10))).integrated + 20)).toBeLessThan(0.1);
    // EBU Tech 3341 case 3-like: -36 / -23 / -36 dBFS; the quiet parts fall under the relative gate.
    const mixed = concat(sine(1000, -36, 10), sine(1000, -23, 60), sine(1000, -36, 10));
    expect(Math.abs(measure(mixed).integrated + 23)).toBeLessThan(0.1);
  });

  it('follows a level change: momentary within 0.4 s, short-term within 3 s; resets the integrated value', () => {
    const m = measure(concat(sine(997, -30, 5), sine(997, -10, 3.05)));
    expect(Math.abs(m.momentary + 10)).toBeLessThan(0.1);
    expect(Math.abs(m.shortTerm + 10)).toBeLessThan(0.1);
    m.resetIntegrated();
    expect(m.integrated).toBe(-Infinity);
  });
});
