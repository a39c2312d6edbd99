/** Minimal RIFF/WAVE decoder: PCM 8/16/24/32-bit, IEEE float 32/64, WAVE_FORMAT_EXTENSIBLE; any rate and channel count. */

export type DecodedWav = {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  format: 'pcm' | 'float';
  /** Mono mix (mean of the channels), full scale = 1. */
  mono: Float32Array;
};

export class WavError extends Error {
  override name = 'WavError';
}

const PCM = 1;
const FLOAT = 3;
const EXTENSIBLE = 0xfffe;

function tag(view: DataView, at: number): string {
  return String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));
}

export function decodeWav(bytes: Uint8Array): DecodedWav {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12 || tag(view, 0) !== 'RIFF' || tag(view, 8) !== 'WAVE') {
    throw new WavError('not a WAV file (no RIFF/WAVE header)');
  }
  let fmt: { code: number; channels: number; rate: number; bits: number; align: number } | null = null;
  let data: { at: number; size: number } | null = null;
  for (let at = 12; at + 8 <= bytes.byteLength;) {
    const id = tag(view, at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + 16 > bytes.byteLength) throw new WavError('truncated fmt chunk');
      let code = view.getUint16(body, true);
      if (code === EXTENSIBLE && size >= 40) code = view.getUint16(body + 24, true);
      fmt = {
        code,
        channels: view.getUint16(body + 2, true),
        rate: view.getUint32(body + 4, true),
        align: view.getUint16(body + 12, true),
        bits: view.getUint16(body + 14, true),
      };
    } else if (id === 'data') {
      // Streams written before their length was known carry 0 or 0xffffffff: take what is there.
      const available = bytes.byteLength - body;
      data = { at: body, size: size === 0 || size > available ? available : size };
      if (fmt) break;
    }
    at = body + size + (size & 1);
  }
  if (!fmt) throw new WavError('no fmt chunk');
  if (!data) throw new WavError('no data chunk');
  const { code, channels, rate, bits } = fmt;
  if (channels < 1) throw new WavError('zero channels');
  if (!(rate >= 4000 && rate <= 768000)) throw new WavError(`unsupported sample rate ${rate} Hz`);
  const isFloat = code === FLOAT && (bits === 32 || bits === 64);
  const isPcm = code === PCM && [8, 16, 24, 32].includes(bits);
  if (!isFloat && !isPcm) throw new WavError(`unsupported encoding (format ${code}, ${bits}-bit)`);
  const bytesPer = bits / 8;
  const frameBytes = bytesPer * channels;
  const frames = Math.floor(data.size / frameBytes);
  if (frames === 0) throw new WavError('no audio samples');
  const read = sampleReader(view, isFloat, bits);
  const mono = new Float32Array(frames);
  for (let f = 0; f < frames; f++) {
    let sum = 0;
    const base = data.at + f * frameBytes;
    for (let c = 0; c < channels; c++) sum += read(base + c * bytesPer);
    mono[f] = sum / channels;
  }
  return { sampleRate: rate, channels, bitsPerSample: bits, format: isFloat ? 'float' : 'pcm', mono };
}

function sampleReader(view: DataView, isFloat: boolean, bits: number): (at: number) => number {
  if (isFloat) return bits === 32 ? (at) => view.getFloat32(at, true) : (at) => view.getFloat64(at, true);
  switch (bits) {
    case 8:
      return (at) => (view.getUint8(at) - 128) / 128;
    case 16:
      return (at) => view.getInt16(at, true) / 32768;
    case 24:
      return (at) => {
        const v = view.getUint8(at) | (view.getUint8(at + 1) << 8) | (view.getInt8(at + 2) << 16);
        return v / 8388608;
      };
    default:
      return (at) => view.getInt32(at, true) / 2147483648;
  }
}

/** Encode interleaved channels as a WAV (tests and the benchmark's generator). */
export function encodeWav(channels: Float32Array[], sampleRate: number, bits: 16 | 24 | 32, float = false): Uint8Array {
  const n = channels[0]?.length ?? 0;
  const ch = channels.length;
  const bytesPer = bits / 8;
  const dataSize = n * ch * bytesPer;
  const out = new Uint8Array(44 + dataSize);
  const v = new DataView(out.buffer);
  const str = (at: number, s: string) => [...s].forEach((c, i) => v.setUint8(at + i, c.charCodeAt(0)));
  str(0, 'RIFF');
  v.setUint32(4, 36 + dataSize, true);
  str(8, 'WAVE');
  str(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, float ? FLOAT : PCM, true);
  v.setUint16(22, ch, true);
  v.setUint32(24, sampleRate, true);
  v.setUint32(28, sampleRate * ch * bytesPer, true);
  v.setUint16(32, ch * bytesPer, true);
  v.setUint16(34, bits, true);
  str(36, 'data');
  v.setUint32(40, dataSize, true);
  let at = 44;
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < ch; c++) {
      const x = Math.max(-1, Math.min(1, channels[c]?.[i] ?? 0));
      if (float) v.setFloat32(at, x, true);
      else if (bits === 16) v.setInt16(at, Math.round(x * 32767), true);
      else if (bits === 24) {
        const s = Math.round(x * 8388607);
        v.setUint8(at, s & 0xff);
        v.setUint8(at + 1, (s >> 8) & 0xff);
        v.setUint8(at + 2, (s >> 16) & 0xff);
      } else v.setInt32(at, Math.round(x * 2147483647), true);
      at += bytesPer;
    }
  }
  return out;
}
