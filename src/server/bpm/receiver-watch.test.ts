import { describe, expect, it } from 'vitest';
import type { ReceiverAudioStats } from '../livekit';
import { isDistorted, ReceiverWatch, receiverShares } from './receiver-watch';

const stats = (samplesReceived: number, inserted: number, removed: number, concealed = 0): ReceiverAudioStats => ({
  samplesReceived,
  concealedSamples: concealed,
  insertedForDeceleration: inserted,
  removedForAcceleration: removed,
});

describe('receiverShares', () => {
  it('gives the shares of the samples between two readings that the jitter buffer changed or made up', () => {
    const shares = receiverShares(stats(48_000, 0, 0, 100), stats(144_000, 2_400, 4_800, 9_700));
    expect(shares.altered).toBeCloseTo(0.075);
    expect(shares.concealed).toBeCloseTo(0.1);
    expect(isDistorted(shares)).toBe(true);
  });

  it('is unknown without both readings or without new samples, and unknown is not distorted', () => {
    const unknown = { altered: null, concealed: null };
    expect(receiverShares(null, stats(1, 0, 0))).toEqual(unknown);
    expect(receiverShares(stats(10, 0, 0), null)).toEqual(unknown);
    expect(receiverShares(stats(10, 0, 0), stats(10, 0, 0))).toEqual(unknown);
    expect(isDistorted(unknown)).toBe(false);
  });

  it('lets a window through at 3% or less', () => {
    expect(isDistorted(receiverShares(stats(0, 0, 0), stats(100_000, 2_000, 0, 1_000)))).toBe(false);
    expect(isDistorted(receiverShares(stats(0, 0, 0), stats(100_000, 2_000, 0, 1_100)))).toBe(true);
  });
});

describe('ReceiverWatch', () => {
  it('judges the current window from its first frame, and notes each window for the log', async () => {
    const queue = [stats(0, 0, 0), stats(48_000, 0, 0), stats(144_000, 0, 7_680), stats(240_000, 0, 7_680)];
    const watch = new ReceiverWatch(async () => queue.shift() ?? null);
    await watch.sample();
    watch.frame(1_000);
    await watch.sample(); // 48,000 samples, none reshaped
    expect(watch.windowDistorted()).toBe(false);
    await watch.sample(); // 96,000 more, 7,680 removed: squeezed
    expect(watch.windowDistorted()).toBe(true);
    expect(watch.close(2, 3_000)).toEqual([{ pace: 1, altered: expect.closeTo(7_680 / 144_000, 6), concealed: 0 }]);
    watch.frame(3_000);
    watch.frame(3_500); // later frames do not move the window's start
    await watch.sample(); // the next window: 96,000 whole samples
    expect(watch.windowDistorted()).toBe(false);
    // The last few seconds still hold the squeeze.
    expect(watch.recentlyDistorted()).toBe(true);
    expect(watch.close(1.5, 5_000).at(-1)).toEqual({ pace: 0.75, altered: 0, concealed: 0 });
  });

  it('judges nothing when the counters cannot be read', async () => {
    const watch = new ReceiverWatch(async () => null);
    await watch.sample();
    watch.frame(0);
    expect(watch.windowDistorted()).toBe(false);
    expect(watch.recentlyDistorted()).toBe(false);
    expect(watch.close(1, 1_000)).toEqual([{ pace: 1, altered: null, concealed: null }]);
  });

  it('takes no reading while the last one is still out, so a late answer never lands after a newer one', async () => {
    let answer: (s: ReceiverAudioStats) => void = () => undefined;
    let reads = 0;
    const watch = new ReceiverWatch(() => {
      reads += 1;
      return new Promise((resolve) => (answer = resolve));
    });
    const first = watch.sample();
    await watch.sample(); // skipped: the first is still out
    expect(reads).toBe(1);
    answer(stats(0, 0, 0));
    await first;
    const second = watch.sample();
    expect(reads).toBe(2);
    answer(stats(48_000, 0, 0));
    await second;
  });
});
