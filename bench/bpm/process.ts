/** Post-processing of rendered pieces: level changes, a broadcast-style compressor, noise. */
import type { Rng } from './compose';
import { uniform } from './compose';

export type Processing = { levelChangesDb: number[]; compress: boolean; snrDb: number | null };

export function planProcessing(rng: Rng): Processing {
  const changes = Array.from({ length: 4 }, () => Math.round(uniform(rng, -18, 0)));
  return { levelChangesDb: changes, compress: rng() < 0.6, snrDb: rng() < 0.7 ? Math.round(uniform(rng, 15, 40)) : null };
}

const db = (x: number) => 10 ** (x / 20);

export function applyProcessing(x: Float32Array, sampleRate: number, p: Processing, rng: Rng): Float32Array {
  const out = new Float32Array(x);
  let peak = 0;
  for (const v of out) peak = Math.max(peak, Math.abs(v));
  const norm = peak > 0 ? db(-1) / peak : 1;
  // Level: piecewise gain, 1 s ramps between the steps.
  const steps = p.levelChangesDb.length;
  const seg = out.length / steps;
  const ramp = sampleRate;
  for (let i = 0; i < out.length; i++) {
    const k = Math.min(steps - 1, Math.floor(i / seg));
    const into = i - k * seg;
    const cur = db(p.levelChangesDb[k] ?? 0);
    const prev = db(p.levelChangesDb[Math.max(0, k - 1)] ?? 0);
    const g = k > 0 && into < ramp ? prev + ((cur - prev) * into) / ramp : cur;
    out[i] = (out[i] ?? 0) * norm * g;
  }
  if (p.compress) {
    // Feed-forward peak compressor: -24 dBFS threshold, 4:1, 5 ms attack, 150 ms release, +9 dB makeup.
    const att = Math.exp(-1 / (0.005 * sampleRate));
    const rel = Math.exp(-1 / (0.15 * sampleRate));
    let env = 0;
    for (let i = 0; i < out.length; i++) {
      const a = Math.abs(out[i] ?? 0);
      env = a > env ? att * env + (1 - att) * a : rel * env + (1 - rel) * a;
      const level = 20 * Math.log10(env + 1e-9);
      const over = level - -24;
      const gain = over > 0 ? -over * (1 - 1 / 4) : 0;
      out[i] = Math.max(-1, Math.min(1, (out[i] ?? 0) * db(gain + 9)));
    }
  }
  if (p.snrDb !== null) {
    let energy = 0;
    for (const v of out) energy += v * v;
    const rms = Math.sqrt(energy / out.length);
    const noiseRms = rms / db(p.snrDb);
    // Pinkish noise: white through a one-pole low-pass mixed with white.
    let lp = 0;
    for (let i = 0; i < out.length; i++) {
      const w = (rng() * 2 - 1) * Math.sqrt(3);
      lp = 0.97 * lp + 0.03 * w;
      out[i] = Math.max(-1, Math.min(1, (out[i] ?? 0) + noiseRms * (0.5 * w + 3 * lp)));
    }
  }
  return out;
}
