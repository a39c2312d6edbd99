import { describe, expect, it } from 'vitest';
import type { BpmReading } from '@/lib/bpm/publish';
import { DRIFT_HOLD_MS, type LockAction, lockStep, type ObsLock, UNLOCKED } from './obs-lock-plan';

const reading = (at: number, bpm: number | null): BpmReading => ({ bpm, confidence: 0.5, lastBeat: bpm === null ? null : at, at });

/** Feeds readings every 200 ms from `from` and returns the actions taken, and the last state. */
function run(lock: ObsLock, from: number, bpms: (number | null)[], distorted = false): { lock: ObsLock; actions: LockAction[] } {
  const actions: LockAction[] = [];
  bpms.forEach((bpm, i) => {
    const step = lockStep(lock, reading(from + i * 200, bpm), distorted);
    lock = step.lock;
    actions.push(step.action);
  });
  return { lock, actions };
}

describe('lockStep (OBS analyser: two disjoint windows must agree)', () => {
  it('publishes nothing from the first window, however steady, and starts a fresh one', () => {
    const first = run(UNLOCKED, 0, [128, 128.1, 127.9, 128, 128.1, 128]);
    expect(first.actions).toEqual(['wait', 'wait', 'wait', 'wait', 'wait', 'restart']);
    expect(first.lock).toMatchObject({ locked: false, reference: 128, older: null, candidate: null, windows: [128] });
  });

  it('locks when the fresh window holds the same tempo within 0.4%, and publishes from then on', () => {
    const first = run(UNLOCKED, 0, [128, 128, 128, 128, 128, 128]);
    const second = run(first.lock, 1_200, [127.4, 127.8, 128, 128, 128.1, 128.2]);
    expect(second.actions).toEqual(['wait', 'wait', 'wait', 'wait', 'wait', 'publish']);
    expect(second.lock).toMatchObject({ locked: true, reference: 128.1, windows: [128, 128.2] });
    expect(run(second.lock, 2_400, [128.1]).actions).toEqual(['publish']);
  });

  it('publishes what the two windows say together at the lock, not the last one alone', () => {
    const first = run(UNLOCKED, 0, Array(6).fill(127.9));
    const step = lockStep(run(first.lock, 1_200, Array(5).fill(128.3)).lock, reading(2_200, 128.3));
    expect(step.action).toBe('publish');
    expect(step.reading.bpm).toBe(128.1);
    expect(step.lock.reference).toBe(128.1);
  });

  it('does not lock on 127.9 and 128.7 (fresh-clone run C, a 128 BPM push), and locks on the next whole window', () => {
    // Run C's windows: three the receiver reshaped, then 127.9 and 128.7 whole. 1% let the last two lock on 128.7.
    let lock = UNLOCKED;
    for (const [i, bpm] of [115.2, 120.4, 132.2].entries()) lock = run(lock, i * 1_200, Array(6).fill(bpm), true).lock;
    lock = run(lock, 3_600, Array(6).fill(127.9)).lock;
    const odd = run(lock, 4_800, Array(6).fill(128.7));
    expect(odd.actions).not.toContain('publish');
    expect(odd.lock).toMatchObject({ locked: false, reference: 128.7, older: 127.9 });
    // The next window agrees with the one before the odd one: one window later, not two.
    const whole = lockStep(run(odd.lock, 6_000, Array(5).fill(128)).lock, reading(7_000, 128));
    expect(whole.action).toBe('publish');
    expect(Math.abs((whole.reading.bpm ?? 0) - 128)).toBeLessThanOrEqual(0.1);
  });

  it('keeps a distorted start from going out: 122.5 steady, then 128 steady, then 128 again', () => {
    const distorted = run(UNLOCKED, 0, [122.5, 122.4, 122.1, 121.9, 121.7, 121.7]);
    expect(distorted.actions.at(-1)).toBe('restart');
    const clean = run(distorted.lock, 1_200, [128, 128, 128, 128, 128, 128]);
    // 128 disagrees with 121.7 by 5%: still no tempo, a third window.
    expect(clean.actions).toEqual(['wait', 'wait', 'wait', 'wait', 'wait', 'restart']);
    const again = run(clean.lock, 2_400, [128.1, 128, 128, 128, 128, 128]);
    expect(again.actions.at(-1)).toBe('publish');
    expect(again.lock).toMatchObject({ locked: true, windows: [121.7, 128, 128] });
  });

  it('does not lock on two windows 2% apart', () => {
    const first = run(UNLOCKED, 0, Array(6).fill(128));
    const second = run(first.lock, 1_200, Array(6).fill(125.4));
    expect(second.actions).not.toContain('publish');
    expect(second.lock.locked).toBe(false);
  });

  it('lets "no beat" out at once, before and after the lock, keeping the reference', () => {
    const first = run(UNLOCKED, 0, [null, 128, 128, 128, 128, 128, 128]);
    expect(first.actions[0]).toBe('publish');
    expect(first.lock.reference).toBe(128);
    const breakdown = run(first.lock, 1_400, [null, null]);
    expect(breakdown.actions).toEqual(['publish', 'publish']);
    expect(breakdown.lock.reference).toBe(128);
    expect(run(breakdown.lock, 1_800, Array(6).fill(128)).lock.locked).toBe(true);
  });

  it('after the lock, a reading within 0.4% of it is the same tempo: the lock goes out, not the reading', () => {
    const locked = run(run(UNLOCKED, 0, Array(6).fill(127.9)).lock, 1_200, Array(6).fill(128.2)).lock;
    expect(locked).toMatchObject({ locked: true, reference: 128.05, older: null });
    // The second window's analyser goes on reading 128.5: listeners keep 128.05.
    const same = lockStep(locked, reading(2_400, 128.5));
    expect(same.action).toBe('publish');
    expect(same.reading.bpm).toBe(128.05);
    // A DJ pitching up 0.7%: that goes out as read once it has held DRIFT_HOLD_MS; the lock until then.
    const pitched = lockStep(locked, reading(2_600, 128.95));
    expect(pitched.reading.bpm).toBe(128.05);
    const held = run(pitched.lock, 2_800, Array(DRIFT_HOLD_MS / 200 - 1).fill(128.95)).lock;
    expect(lockStep(held, reading(2_600 + DRIFT_HOLD_MS, 128.95)).reading.bpm).toBe(128.95);
  });

  it('after the lock, a drift for less than DRIFT_HOLD_MS never goes out (stress-ng run S2: 129.0 from a 128 BPM push)', () => {
    const locked = run(run(UNLOCKED, 0, Array(6).fill(128.1)).lock, 1_200, Array(6).fill(128.2)).lock;
    expect(locked).toMatchObject({ locked: true, reference: 128.15 });
    // Readings every 200 ms for 5 s: 129.0 (0.7% off), back to 128.1, 129.0 again: each time the lock goes out.
    let lock = locked;
    const out: (number | null)[] = [];
    [...Array(25).fill(129), ...Array(3).fill(128.1), ...Array(25).fill(129)].forEach((bpm, i) => {
      const step = lockStep(lock, reading(2_400 + i * 200, bpm));
      lock = step.lock;
      out.push(step.reading.bpm);
    });
    expect(new Set(out)).toEqual(new Set([128.15]));
  });

  it('after the lock, a drift starts over after a gap in the steady readings (distorted or "no beat" in between)', () => {
    const locked = run(run(UNLOCKED, 0, Array(6).fill(128.1)).lock, 1_200, Array(6).fill(128.2)).lock;
    // 129.0 for 1 s, then 5 s of reshaped audio (the lock holds), then 129.0 again: still the lock.
    let lock = run(locked, 2_400, Array(6).fill(129)).lock;
    lock = run(lock, 3_600, Array(25).fill(129), true).lock;
    const after = lockStep(lock, reading(8_800, 129));
    expect(after.reading.bpm).toBe(128.15);
    expect(after.lock.drift).toMatchObject({ bpm: 129, since: 8_800 });
  });

  it('keeps both references through a reshaped window and "no beat"', () => {
    const two = run(run(UNLOCKED, 0, Array(6).fill(127.9)).lock, 1_200, Array(6).fill(129)).lock;
    expect(two).toMatchObject({ locked: false, reference: 129, older: 127.9 });
    const reshaped = run(two, 2_400, Array(6).fill(110.2), true).lock;
    expect(reshaped).toMatchObject({ reference: 129, older: 127.9 });
    expect(run(reshaped, 3_600, [null, null]).lock).toMatchObject({ reference: 129, older: 127.9 });
  });

  it('after the lock, drift within 1% goes out; a change beyond it waits for a fresh window to agree', () => {
    const locked = run(run(UNLOCKED, 0, Array(6).fill(128)).lock, 1_200, Array(6).fill(128)).lock;
    const drift = Array((DRIFT_HOLD_MS + 2_000) / 200).fill(128.9);
    expect(run(locked, 2_400, drift).actions.at(-1)).toBe('publish');
    expect(lockStep(run(locked, 2_400, drift).lock, reading(2_400 + DRIFT_HOLD_MS + 2_000, 128.9)).reading.bpm).toBe(128.9);
    // 139.2 held for a second (a squeezed stream, or a new track): nothing goes out, a fresh window starts.
    const change = run(locked, 2_400, Array(6).fill(139.2));
    expect(change.actions).toEqual(['wait', 'wait', 'wait', 'wait', 'wait', 'restart']);
    expect(change.lock).toMatchObject({ locked: false, reference: 139.2, older: 128 });
    // A squeeze passes: the fresh window reads 128 again, agrees with the old lock, and locks back on it.
    const back = run(change.lock, 3_600, Array(6).fill(128.1));
    expect(back.actions.at(-1)).toBe('publish');
    expect(back.lock).toMatchObject({ locked: true, reference: 128.05 });
    // A new track: the fresh window holds the new tempo too, and it goes out.
    const track = run(change.lock, 3_600, Array(6).fill(139.4));
    expect(track.actions.at(-1)).toBe('publish');
    expect(track.lock).toMatchObject({ locked: true, reference: 139.3 });
  });

  it('drops a window the receiver reshaped, however steady, and keeps the reference for the next whole one', () => {
    const first = run(UNLOCKED, 0, [128, 128, 128, 128, 128, 128]);
    // Squeezed by the jitter buffer: steady at 138.3, as run O's analyser saw, and not taken.
    const squeezed = run(first.lock, 1_200, [138.3, 138.3, 138.2, 138.3, 138.3, 138.3], true);
    expect(squeezed.actions).toEqual(['wait', 'wait', 'wait', 'wait', 'wait', 'restart']);
    expect(squeezed.lock).toMatchObject({ locked: false, reference: 128, windows: [128, 138.3] });
    // A second squeezed window agreeing with the first would have locked on 138.3: it cannot.
    expect(run(squeezed.lock, 2_400, [138.3, 138.3, 138.3, 138.3, 138.3, 138.3], true).lock.locked).toBe(false);
    const whole = run(squeezed.lock, 2_400, [128, 128, 128.1, 128, 128, 128]);
    expect(whole.actions.at(-1)).toBe('publish');
    expect(whole.lock).toMatchObject({ locked: true, reference: 128 });
  });

  it('once locked, holds the published tempo while the audio is reshaped, and goes on after', () => {
    const locked = run(run(UNLOCKED, 0, Array(6).fill(128)).lock, 1_200, Array(6).fill(128)).lock;
    const stretched = run(locked, 2_400, [110.7, 110.2, 110.5], true);
    expect(stretched.actions).toEqual(['wait', 'wait', 'wait']);
    expect(stretched.lock).toMatchObject({ locked: true, reference: 128 });
    // Whole again: the tempo holds steady for its second, as at any change, and goes out.
    expect(run(stretched.lock, 3_000, Array(6).fill(128.1)).actions.at(-1)).toBe('publish');
  });
});
