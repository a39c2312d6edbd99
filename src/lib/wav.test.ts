import { describe, expect, it } from 'vitest';
import { decodeWav, encodeWav, WavError } from './wav';

const ramp = Float32Array.from({ length: 64 }, (_, i) => (i - 32) / 40);

describe('decodeWav', () => {
  it.each([
    [16, false, 2 / 32767],
    [24, false, 2 / 8388607],
    [32, false, 1e-6],
    [32, true, 1e-7],
  ] as const)('reads %d-bit (float: %s) samples', (bits, float, tolerance) => {
    const wav = decodeWav(encodeWav([ramp], 22_050, bits, float));
    expect(wav).toMatchObject({ sampleRate: 22_050, channels: 1, bitsPerSample: bits, format: float ? 'float' : 'pcm' });
    ramp.forEach((x, i) => expect(Math.abs((wav.mono[i] ?? 0) - x)).toBeLessThanOrEqual(tolerance * 1.01));
  });

  it('mixes stereo to mono', () => {
    const left = new Float32Array([0.5, 0.5]);
    const right = new Float32Array([-0.5, 0.25]);
    const wav = decodeWav(encodeWav([left, right], 48_000, 16));
    expect(wav.channels).toBe(2);
    expect(wav.mono[0]).toBeCloseTo(0, 4);
    expect(wav.mono[1]).toBeCloseTo(0.375, 4);
  });

  it('reads WAVE_FORMAT_EXTENSIBLE and skips unknown chunks', () => {
    const plain = encodeWav([ramp], 8_000, 16);
    // Rebuild with a 40-byte extensible fmt chunk and a LIST chunk before data.
    const data = plain.slice(36);
    const fmt = new Uint8Array(48);
    const v = new DataView(fmt.buffer);
    fmt.set([...'fmt '].map((c) => c.charCodeAt(0)));
    v.setUint32(4, 40, true);
    v.setUint16(8, 0xfffe, true);
    v.setUint16(10, 1, true);
    v.setUint32(12, 8_000, true);
    v.setUint32(16, 16_000, true);
    v.setUint16(20, 2, true);
    v.setUint16(22, 16, true);
    v.setUint16(32, 1, true); // sub-format GUID starts with the PCM code
    const list = new Uint8Array([...'LIST'].map((c) => c.charCodeAt(0)).concat([3, 0, 0, 0, 1, 2, 3, 0]));
    const body = new Uint8Array(12 + fmt.length + list.length + data.length);
    body.set(plain.slice(0, 12));
    body.set(fmt, 12);
    body.set(list, 12 + fmt.length);
    body.set(data, 12 + fmt.length + list.length);
    const wav = decodeWav(body);
    expect(wav.sampleRate).toBe(8_000);
    expect(wav.mono.length).toBe(ramp.length);
  });

  it.each([
    ['not a WAV', new TextEncoder().encode('hello, this is text and not audio'), /RIFF/],
    ['empty', new Uint8Array(0), /RIFF/],
    ['no data', encodeWav([ramp], 8_000, 16).slice(0, 36), /data/],
    ['no samples', encodeWav([new Float32Array(0)], 8_000, 16), /no audio/],
  ])('rejects %s with a clear error', (_name, bytes, message) => {
    expect(() => decodeWav(bytes)).toThrow(WavError);
    expect(() => decodeWav(bytes)).toThrow(message);
  });

  it('rejects unsupported encodings', () => {
    const bytes = encodeWav([ramp], 8_000, 16);
    new DataView(bytes.buffer).setUint16(20, 2, true); // ADPCM
    expect(() => decodeWav(bytes)).toThrow(/unsupported encoding/);
  });
});
