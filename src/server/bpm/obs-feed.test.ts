import { describe, expect, it } from 'vitest';
import { analyzeSignal } from '@/lib/bpm';
import { fourOnFloor, render } from '@/lib/bpm/synth.test-support';
import { FrameFeeder } from './obs-feed';

const RATE = 48_000;
const FRAME = 480; // rtc-node delivers 10 ms frames

/** A mono signal as rtc-node would deliver it: interleaved stereo 16-bit frames of 10 ms. */
function* frames(mono: Float32Array, channels = 2) {
  for (let start = 0; start + FRAME <= mono.length; start += FRAME) {
    const data = new Int16Array(FRAME * channels);
    for (let i = 0; i < FRAME; i++) {
      const v = Math.max(-32768, Math.min(32767, Math.round((mono[start + i] ?? 0) * 32767)));
      for (let c = 0; c < channels; c++) data[i * channels + c] = v;
    }
    yield { data, channels, samplesPerChannel: FRAME, endSeconds: (start + FRAME) / RATE };
  }
}

describe('FrameFeeder (OBS frames into the worklet block flow)', () => {
  const seconds = 12;
  const drums = render(fourOnFloor(128, 0, seconds), seconds, RATE);

  it('finds 128 BPM from 10 ms stereo frames, as the worklet flow does on the same signal', () => {
    const feeder = new FrameFeeder(RATE);
    const t0 = 1_700_000_000_000;
    const readings = [];
    for (const f of frames(drums)) {
      const r = feeder.push(f, t0 + f.endSeconds * 1000);
      if (r) readings.push(r);
    }
    expect(feeder.seconds).toBeCloseTo(seconds, 2);
    // About five estimates a second, like the worklet.
    expect(readings.length).toBeGreaterThan(seconds * 4);
    const last = readings.at(-1);
    expect(last?.bpm).not.toBeNull();
    expect(Math.abs((last?.bpm ?? 0) - 128)).toBeLessThanOrEqual(0.5);
    // The same samples through the offline (worklet-exact) run agree to a hundredth of a BPM.
    const reference = analyzeSignal(drums, RATE);
    expect(Math.abs((last?.bpm ?? 0) - (reference.bpm ?? 0))).toBeLessThan(0.05);
    // Beats land on the beat grid of the signal, in wall-clock time.
    const period = 60_000 / 128;
    const phase = ((((last?.lastBeat ?? 0) - t0) % period) + period) % period;
    expect(Math.min(phase, period - phase)).toBeLessThan(25);
    expect(last?.lastBeat ?? Infinity).toBeLessThanOrEqual(last?.at ?? 0);
  });

  it('can drop the first audio after subscribing and still times beats on the wall clock', () => {
    const feeder = new FrameFeeder(RATE, 1);
    let last = null;
    for (const f of frames(drums)) last = feeder.push(f, f.endSeconds * 1000) ?? last;
    expect(feeder.seconds).toBeCloseTo(seconds, 2);
    expect(feeder.analyzer.estimate.time).toBeLessThanOrEqual(seconds - 1 + 0.01);
    expect(Math.abs((last?.bpm ?? 0) - 128)).toBeLessThanOrEqual(0.5);
    const period = 60_000 / 128;
    const phase = (((last?.lastBeat ?? 0) % period) + period) % period;
    expect(Math.min(phase, period - phase)).toBeLessThan(25);
  });

  it('reports "no beat" for silence', () => {
    const feeder = new FrameFeeder(RATE);
    let last = null;
    for (const f of frames(new Float32Array(RATE * 4), 1)) last = feeder.push(f, f.endSeconds * 1000) ?? last;
    expect(last).toMatchObject({ bpm: null, lastBeat: null });
  });
});
