import { describe, expect, it } from 'vitest';
import { parseTempoAttributes } from '@/types/bpm';
import { shouldPublish, steadyReading, tempoAttributes, type BpmReading } from './publish';

const reading = (at: number, bpm: number | null, lastBeat: number | null = null): BpmReading => ({ at, bpm, confidence: 0.8, lastBeat });

describe('publishing to participant attributes', () => {
  it('publishes the first reading, then only real changes, at most once a second', () => {
    expect(shouldPublish(null, reading(0, 128))).toBe(true);
    const published = { at: 0, bpm: 128 };
    expect(shouldPublish(published, reading(5000, 128.1))).toBe(false);
    expect(shouldPublish(published, reading(500, 135))).toBe(false);
    expect(shouldPublish(published, reading(1000, 128.2))).toBe(true);
    expect(shouldPublish(published, reading(1000, null))).toBe(true);
    expect(shouldPublish({ at: 0, bpm: null }, reading(2000, null))).toBe(false);
  });

  it('round-trips through the shared attribute schema', () => {
    const attrs = tempoAttributes(reading(0, 127.96, 1_700_000_000_123.4));
    expect(attrs).toEqual({ bpm: '128.0', bpm_beat_at: '1700000000123', bpm_confidence: '0.80' });
    expect(parseTempoAttributes(attrs)).toEqual({ bpm: 128, beatAt: 1_700_000_000_123, confidence: 0.8 });
    expect(parseTempoAttributes(tempoAttributes(reading(0, null)))).toEqual({ bpm: null, beatAt: null, confidence: null });
    // What a listener holds after LiveKit applied "no beat" (attributes set to "" are deleted).
    expect(parseTempoAttributes({ bpm: 'none' })).toEqual({ bpm: null, beatAt: null, confidence: null });
  });

  it('ignores participants without a tempo and malformed values', () => {
    expect(parseTempoAttributes({})).toBeNull();
    expect(parseTempoAttributes({ bpm: 'fast' })).toBeNull();
    expect(parseTempoAttributes({ bpm: '128.0', bpm_beat_at: 'x' })).toBeNull();
  });
});

describe('steady readings (OBS analyser)', () => {
  it('publishes a tempo only once it has held within 2 % for a second', () => {
    let state = steadyReading(null, reading(0, 116));
    expect(state.steady).toBe(false);
    state = steadyReading(state.candidate, reading(400, 127.9)); // a jump starts over
    expect(state).toEqual({ candidate: { bpm: 127.9, since: 400 }, steady: false });
    state = steadyReading(state.candidate, reading(1000, 128.3));
    expect(state.steady).toBe(false);
    state = steadyReading(state.candidate, reading(1400, 128.1));
    expect(state).toEqual({ candidate: { bpm: 127.9, since: 400 }, steady: true });
  });

  it('lets "no beat" through at once and forgets the candidate', () => {
    expect(steadyReading({ bpm: 128, since: 0 }, reading(100, null))).toEqual({ candidate: null, steady: true });
  });
});
