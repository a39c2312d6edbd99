import { describe, expect, it } from 'vitest';
import { fourOnFloor, render } from '@/lib/bpm/synth.test-support';
import { ProgramBus } from './bus';
import { LoudnessMeter } from './loudness-meter';
import { dbOf, truePeakOf } from './true-peak';
import { RATE, run, scaled, sine } from './signals.test-support';

const mix = (a: Float32Array, b: Float32Array) => a.map((v, i) => v + (b[i] ?? 0));

function play(bus: ProgramBus, x: Float32Array) {
  return run((a, b, c, d, n) => bus.process(a, b, c, d, n), x);
}

/** Short-term loudness of the last 3 s of a stereo output. */
function lastShortTerm(out: { left: Float32Array; right: Float32Array }): number {
  const m = new LoudnessMeter(RATE);
  for (let i = 0; i < out.left.length; i++) m.push(out.left[i]!, out.right[i]!);
  return m.shortTerm;
}

describe('ProgramBus: trim, leveller, limiter, meters', { timeout: 30_000 }, () => {
  it.each([
    ['a quiet tone (-24 LUFS)', sine(997, -24, 12)],
    ['a loud tone (-4 LUFS)', sine(997, -4, 12)],
    ['a drum loop over a held note (-12 LUFS)', mix(scaled(render(fourOnFloor(128, 0, 12), 12, RATE), -3), sine(440, -12, 12))],
  ])('brings %s to -14 LUFS within 1 LU, never above -1 dBTP', (_name, x) => {
    const bus = new ProgramBus(RATE);
    const out = play(bus, x);
    expect(Math.abs(lastShortTerm(out) + 14)).toBeLessThan(1);
    expect(dbOf(truePeakOf(out.left, out.right))).toBeLessThanOrEqual(-1);
  });

  it('leaves very dynamic material below the target by what the limiter takes off, rather than squashing it', () => {
    // Peaks 16 dB over the loudness: -14 LUFS would need peaks at +2 dBTP, 3 dB over the ceiling.
    const bus = new ProgramBus(RATE);
    const out = play(bus, scaled(render(fourOnFloor(128, 0, 12), 12, RATE), 3));
    const r = bus.takeReport();
    expect(lastShortTerm(out)).toBeGreaterThan(-17.5);
    expect(lastShortTerm(out)).toBeLessThan(-14);
    expect(r.limiterDb).toBeLessThan(-2);
    expect(dbOf(truePeakOf(out.left, out.right))).toBeLessThanOrEqual(-1);
  });

  it('reports what it did: trim in the input peak, clipping, loudness, leveller and limiter', () => {
    const bus = new ProgramBus(RATE);
    bus.setLeveller(false);
    bus.setTrimDb(-12);
    play(bus, sine(997, -6, 1));
    let r = bus.takeReport();
    expect(r.inputPeakDb[0]).toBeCloseTo(-6, 0); // the trim glides in from 0 dB
    play(bus, sine(997, -6, 1));
    r = bus.takeReport();
    expect(r.inputPeakDb[0]).toBeCloseTo(-18, 1);
    expect(r.outputPeakDb[1]).toBeCloseTo(-18, 1);
    expect(r.shortTerm).toBeCloseTo(-18, 0);
    expect(r.clipped).toBe(false);
    expect(r.levellerOn).toBe(false);
    expect(r.limiterDb).toBeCloseTo(0, 2);

    bus.setTrimDb(12);
    play(bus, sine(997, -6, 1));
    r = bus.takeReport();
    expect(r.clipped).toBe(true);
    expect(r.truePeakDb).toBeLessThanOrEqual(-1);
    expect(r.limiterDb).toBeLessThan(-6);
    expect(bus.takeReport().clipped).toBe(false); // each report starts afresh; the console holds the light
  });
});
