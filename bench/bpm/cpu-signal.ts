/**
 * A synthetic stretch of a DJ set for the CPU benchmark (no fluidsynth needed): drums at several
 * tempos, a swung stretch, a beatless stretch, over a bass drone and noise, in stereo. What the
 * analyser spends depends little on the music, but every path (beat phase, no beat) is exercised.
 */
import { beats, fourOnFloor, render, rng, type Hit } from '../../src/lib/bpm/synth.test-support';

export type Stereo = { left: Float32Array; right: Float32Array; sampleRate: number };

function breakbeat(bpm: number, from: number, to: number): Hit[] {
  const hits: Hit[] = [];
  beats(bpm, from, to).forEach((t, i) => {
    if (i % 4 === 0 || i % 8 === 5) hits.push({ time: t, kind: 'kick' });
    if (i % 2 === 1) hits.push({ time: t, kind: 'snare' });
    hits.push({ time: t, kind: 'hat', gain: 0.4 }, { time: t + 30 / bpm, kind: 'hat', gain: 0.3 });
  });
  return hits;
}

function swung(bpm: number, from: number, to: number): Hit[] {
  const hits: Hit[] = [];
  beats(bpm, from, to).forEach((t, i) => {
    hits.push({ time: t, kind: i % 2 === 0 ? 'kick' : 'snare', gain: i % 2 === 0 ? 1 : 0.7 });
    hits.push({ time: t + (2 / 3) * (60 / bpm), kind: 'hat', gain: 0.4 });
  });
  return hits;
}

/** `seconds` of audio (a 60 s pattern repeated): 126 BPM house, 174 BPM breakbeat, 90 BPM swing, 10 s without a beat. */
export function syntheticSet(seconds: number, sampleRate = 48_000): Stereo {
  const pattern = 60;
  const hits = [...fourOnFloor(126, 0, 20), ...breakbeat(174, 20, 40), ...swung(90, 40, 50)];
  const drums = render(hits, pattern, sampleRate);
  const left = new Float32Array(Math.round(seconds * sampleRate));
  const right = new Float32Array(left.length);
  const noise = rng(3);
  let lp = 0;
  for (let i = 0; i < left.length; i++) {
    const t = i / sampleRate;
    const d = drums[i % drums.length] ?? 0;
    const drone = 0.08 * Math.sin(2 * Math.PI * 55 * t) + 0.04 * Math.sin(2 * Math.PI * 220.5 * t + Math.sin(t));
    lp = 0.98 * lp + 0.02 * noise();
    const n = 0.01 * noise() + 0.1 * lp;
    left[i] = 0.8 * d + drone + n;
    right[i] = 0.7 * d + drone - n;
  }
  return { left, right, sampleRate };
}
