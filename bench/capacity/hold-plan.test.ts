import { describe, expect, it } from 'vitest';
import { type ChannelWindow, MAX_SEGMENT_GAP_S, segmentWaits, stepFailures } from './hold-plan';

const clean: ChannelWindow = {
  channel: 'a',
  dropouts: { frames: 3000, silent: 2, longestSilentMs: 20, maxGapMs: 30 },
  segmentGapS: 2.4,
  newSegments: 15,
};

describe('stepFailures', () => {
  it('holds when every probe heard its tone and every playlist kept gaining segments', () => {
    expect(stepFailures([clean, { ...clean, channel: 'b' }])).toEqual([]);
  });

  it('names a channel whose probe lost the tone for over 200 ms, or waited that long for a frame', () => {
    expect(stepFailures([clean, { ...clean, channel: 'b', dropouts: { ...clean.dropouts, longestSilentMs: 250 } }])).toEqual([
      expect.stringMatching(/^b: its probe missed the tone/),
    ]);
    expect(stepFailures([{ ...clean, dropouts: { ...clean.dropouts, maxGapMs: 400 } }])).toHaveLength(1);
  });

  it('names a channel whose probe missed over 1 % of its frames in short runs, or heard nothing', () => {
    expect(stepFailures([{ ...clean, dropouts: { frames: 3000, silent: 31, longestSilentMs: 10, maxGapMs: 10 } }])).toHaveLength(1);
    expect(stepFailures([{ ...clean, dropouts: { frames: 0, silent: 0, longestSilentMs: 0, maxGapMs: 0 } }])).toEqual([
      'a: its probe received no audio',
    ]);
  });

  it('names a channel whose live playlist stalled or never moved', () => {
    expect(stepFailures([{ ...clean, segmentGapS: MAX_SEGMENT_GAP_S + 0.5 }])).toEqual([
      expect.stringMatching(/5\.5 s without a new segment/),
    ]);
    expect(stepFailures([{ ...clean, newSegments: 0 }])).toHaveLength(1);
  });
});

describe('segmentWaits', () => {
  const reads = (...lasts: string[]) => lasts.map((last, i) => ({ t: 1_000 * (i + 1), last }));

  it('counts the segments added after the first read and the longest wait for one, to the end of the window', () => {
    // s1 is the baseline; s2 at 2 s (2 s after the window start), s3 at 4 s, then nothing until 10 s.
    expect(segmentWaits(reads('s1', 's2', 's2', 's3'), 0, 10_000)).toEqual({ newSegments: 2, segmentGapS: 6 });
    expect(segmentWaits(reads('s1', 's2', 's3', 's4'), 0, 5_000)).toEqual({ newSegments: 3, segmentGapS: 2 });
  });

  it('takes an unreadable read for a wait, and a playlist that never moved for a stall', () => {
    expect(segmentWaits(reads('s1', '', '', '', 's2'), 0, 5_000)).toEqual({ newSegments: 1, segmentGapS: 5 });
    expect(segmentWaits(reads('', '', ''), 0, 3_000)).toEqual({ newSegments: 0, segmentGapS: 3 });
  });
});
