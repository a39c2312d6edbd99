/** Synthetic test signals for the tempo core (deterministic: seeded noise). */

export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return ((s >>> 0) / 0xffffffff) * 2 - 1;
  };
}

export type Hit = { time: number; kind: 'kick' | 'snare' | 'hat' | 'click'; gain?: number };

/** Render hits into a mono buffer: kick = 55 Hz decaying sine, snare = noise burst, hat/click = short noise. */
export function render(hits: Hit[], seconds: number, sampleRate: number, seed = 1): Float32Array {
  const out = new Float32Array(Math.round(seconds * sampleRate));
  const noise = rng(seed);
  for (const hit of hits) {
    const start = Math.round(hit.time * sampleRate);
    const g = hit.gain ?? 1;
    const len = Math.round((hit.kind === 'kick' ? 0.25 : hit.kind === 'snare' ? 0.15 : 0.03) * sampleRate);
    let prev = 0;
    for (let i = 0; i < len && start + i < out.length; i++) {
      const t = i / sampleRate;
      let v: number;
      if (hit.kind === 'kick') v = Math.sin(2 * Math.PI * (50 + 80 * Math.exp(-t * 30)) * t) * Math.exp(-t * 12);
      else if (hit.kind === 'snare') v = noise() * Math.exp(-t * 25) * 0.7;
      else {
        const n = noise();
        v = (n - prev) * Math.exp(-t * 120) * 0.5;
        prev = n;
      }
      out[start + i] = (out[start + i] ?? 0) + v * g * 0.5;
    }
  }
  return out;
}

/** Beat times of a steady tempo from `from` to `to` seconds. */
export function beats(bpm: number, from: number, to: number): number[] {
  const times: number[] = [];
  for (let t = from; t < to; t += 60 / bpm) times.push(t);
  return times;
}

/** Four-on-the-floor: kick every beat, snare on 2 and 4, hats on the off-beats. */
export function fourOnFloor(bpm: number, from: number, to: number): Hit[] {
  const hits: Hit[] = [];
  beats(bpm, from, to).forEach((t, i) => {
    hits.push({ time: t, kind: 'kick' });
    if (i % 2 === 1) hits.push({ time: t, kind: 'snare', gain: 0.6 });
    hits.push({ time: t + 30 / bpm, kind: 'hat', gain: 0.5 });
  });
  return hits;
}

export function whiteNoise(seconds: number, sampleRate: number, gain: number, seed = 7): Float32Array {
  const r = rng(seed);
  const out = new Float32Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < out.length; i++) out[i] = r() * gain;
  return out;
}
