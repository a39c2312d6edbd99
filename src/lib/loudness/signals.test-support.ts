/** Test signals for the loudness modules. */
export const RATE = 48_000;

export function sine(hz: number, peakDb: number, seconds: number, rate = RATE, phase = 0): Float32Array {
  const a = 10 ** (peakDb / 20);
  const out = new Float32Array(Math.round(seconds * rate));
  for (let i = 0; i < out.length; i++) out[i] = a * Math.sin((2 * Math.PI * hz * i) / rate + phase);
  return out;
}

export function concat(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export const silence = (seconds: number, rate = RATE) => new Float32Array(Math.round(seconds * rate));

export function scaled(x: Float32Array, db: number): Float32Array {
  const g = 10 ** (db / 20);
  return x.map((v) => v * g);
}

/** Feed stereo audio through a block processor in 128-frame quanta; returns the output. */
export function run(
  process: (inL: Float32Array, inR: Float32Array, outL: Float32Array, outR: Float32Array, n: number) => void,
  left: Float32Array,
  right = left,
  onBlock?: (endFrame: number) => void,
): { left: Float32Array; right: Float32Array } {
  const outL = new Float32Array(left.length);
  const outR = new Float32Array(left.length);
  for (let i = 0; i + 128 <= left.length; i += 128) {
    process(left.subarray(i, i + 128), right.subarray(i, i + 128), outL.subarray(i, i + 128), outR.subarray(i, i + 128), 128);
    onBlock?.(i + 128);
  }
  return { left: outL, right: outR };
}
