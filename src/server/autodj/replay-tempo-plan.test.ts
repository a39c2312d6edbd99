import { describe, expect, it } from 'vitest';
import { replayReading, type StoredCurve } from './replay-tempo-plan';

const START = Date.UTC(2026, 11, 4, 20);
/** A set whose egress started 5 s in and was restarted at 60 s of recording, resuming 10 s later on the clock. */
const curve: StoredCurve = {
  setStart: START,
  timeline: [
    { offset: 0, at: START + 5_000, seconds: 60 },
    { offset: 60, at: START + 75_000, seconds: 60 },
  ],
  points: [
    { at: START + 5_000, bpm: 120, confidence: 0.9 },
    { at: START + 10_000, bpm: 121, confidence: 0.8 },
    { at: START + 40_000, bpm: null, confidence: null },
    { at: START + 75_000, bpm: 126, confidence: null },
  ],
};

describe('replayReading', () => {
  it('reads the stored point at the recording position, through the timeline', () => {
    expect(replayReading(curve, 0, 1)).toEqual({ bpm: 120, confidence: 0.9, lastBeat: null, at: 1 });
    expect(replayReading(curve, 7, 2)).toEqual({ bpm: 121, confidence: 0.8, lastBeat: null, at: 2 });
    // 62 s into the recording is 2 s into the second attempt: 77 s on the set's clock.
    expect(replayReading(curve, 62, 3)).toEqual({ bpm: 126, confidence: 1, lastBeat: null, at: 3 });
  });

  it('runs recording and clock together for a set without a timeline', () => {
    expect(replayReading({ ...curve, timeline: [] }, 76, 7).bpm).toBe(126);
    expect(replayReading({ ...curve, timeline: [] }, 6, 8).bpm).toBe(120);
  });

  it('says no beat where the set had none, inside a gap and without a curve', () => {
    expect(replayReading(curve, 36, 4).bpm).toBeNull(); // the "no beat" point at 40 s on the clock
    expect(replayReading(curve, 30, 5).bpm).toBeNull(); // 35 s: 25 s after the last point, a gap
    expect(replayReading({ setStart: START, timeline: [], points: [] }, 10, 6)).toEqual({
      bpm: null,
      confidence: 0,
      lastBeat: null,
      at: 6,
    });
  });
});
