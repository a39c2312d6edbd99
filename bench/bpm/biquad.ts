/**
 * Web Audio's BiquadFilterNode "lowpass" (Audio EQ Cookbook, Q in dB as the Web Audio spec
 * defines it), so peers whose browser front end low-passes the signal get the same input here.
 */
export function lowpass(x: Float32Array, sampleRate: number, frequency: number, qDb: number): Float32Array {
  const w0 = (2 * Math.PI * frequency) / sampleRate;
  const q = 10 ** (qDb / 20);
  const alpha = Math.sin(w0) / (2 * q);
  const cos = Math.cos(w0);
  const a0 = 1 + alpha;
  const b0 = (1 - cos) / 2 / a0;
  const b1 = (1 - cos) / a0;
  const b2 = b0;
  const a1 = (-2 * cos) / a0;
  const a2 = (1 - alpha) / a0;
  const y = new Float32Array(x.length);
  let x1 = 0;
  let x2 = 0;
  let y1 = 0;
  let y2 = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] ?? 0;
    const yi = b0 * xi + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
    y[i] = yi;
    x2 = x1;
    x1 = xi;
    y2 = y1;
    y1 = yi;
  }
  return y;
}
