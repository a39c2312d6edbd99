import { describe, expect, it } from 'vitest';
import { hlsDelayMs, streamTempo } from './stream-tempo';

describe('streamTempo', () => {
  it('shifts the beat anchor of the stream tempo by the delay', () => {
    const tempo = { bpm: 128, beatAt: 1_000_000, confidence: 0.9 };
    expect(streamTempo(tempo, null)).toEqual({ bpm: 128, beatAt: 1_000_000, confidence: 0.9 });
    expect(streamTempo(tempo, 3_550)).toEqual({ bpm: 128, beatAt: 1_003_550, confidence: 0.9 });
  });

  // What is not a tempo never gets here: the stream's schema reads it as none (src/types/live.test.ts).
  it('keeps "no beat" and no tempo', () => {
    expect(streamTempo({ bpm: null, beatAt: null, confidence: null }, 3_000)).toEqual({ bpm: null, beatAt: null, confidence: null });
    expect(streamTempo(null, null)).toBeNull();
  });
});

describe('hlsDelayMs', () => {
  const now = 1_700_000_000_000;
  it('prefers the programme date time', () => {
    expect(hlsDelayMs({ playingDate: new Date(now - 4_100), latency: 3 }, now)).toBe(4_100);
  });
  it('falls back to the latency plus the egress delay', () => {
    expect(hlsDelayMs({ playingDate: null, latency: 3.2 }, now)).toBe(3_550);
    expect(hlsDelayMs({ playingDate: new Date(now + 5_000), latency: 3.2 }, now)).toBe(3_550);
  });
  it('gives up without a sane figure', () => {
    expect(hlsDelayMs({ playingDate: null, latency: 0 }, now)).toBeNull();
    expect(hlsDelayMs({ playingDate: new Date(now - 3_600_000), latency: Number.NaN }, now)).toBeNull();
  });
});
