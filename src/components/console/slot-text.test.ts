import { describe, expect, it } from 'vitest';
import { problem } from '@/lib/client/publishing/problems';
import { followText, formatIn, nextSlotCountdown, slotEndedText, slotInZones, withNextSlot } from './slot-text';

const MIN = 60_000;
// Thu 3 Dec 2026, 18:00–19:00 UTC: 19:00 in Berlin, 10:00 in Los Angeles.
const slot = { key: 'a@1', title: 'Night', start: Date.parse('2026-12-03T18:00:00Z'), end: Date.parse('2026-12-03T19:00:00Z') };

describe('formatIn', () => {
  it('rounds up to whole minutes, in hours and days when long', () => {
    expect(formatIn(30_000)).toBe('less than a minute');
    expect(formatIn(MIN)).toBe('1 min');
    expect(formatIn(14 * MIN + 1)).toBe('15 min');
    expect(formatIn(134 * MIN)).toBe('2 h 14 min');
    expect(formatIn(120 * MIN)).toBe('2 h');
    expect(formatIn(27 * 60 * MIN)).toBe('1 d 3 h');
    expect(formatIn(48 * 60 * MIN)).toBe('2 d');
  });
});

describe('slotInZones', () => {
  it('shows the DJ’s zone first and names the channel’s zone with its own clock', () => {
    expect(slotInZones(slot, 'America/Los_Angeles', 'Europe/Berlin')).toBe(
      "Thu 3 Dec, 10:00–11:00 your time (America/Los_Angeles) · Thu 3 Dec, 19:00–20:00 Europe/Berlin, the channel's zone",
    );
  });

  it('names the channel’s zone once when the clocks agree', () => {
    expect(slotInZones(slot, 'Europe/Paris', 'Europe/Berlin')).toBe(
      "Thu 3 Dec, 19:00–20:00 your time (Europe/Paris), the channel's zone is Europe/Berlin",
    );
  });

  it('shows seconds only when a slot has them', () => {
    expect(slotInZones({ start: slot.start + 5_000, end: slot.end }, 'UTC', 'UTC')).toContain('18:00:05–19:00');
  });
});

describe('nextSlotCountdown', () => {
  it('counts down to the start, then to the end of a running slot', () => {
    expect(nextSlotCountdown(slot, slot.start - 134 * MIN)).toBe('Your next slot starts in 2 h 14 min');
    expect(nextSlotCountdown(slot, slot.start + 30 * MIN)).toBe('Your slot is on now, until it ends in 30 min');
  });
});

describe('followText', () => {
  it('says who takes over, that the DJ stays on, or that the channel goes silent', () => {
    expect(followText({ kind: 'other', names: ['Ana', 'Bo'] })).toBe('The next DJ (Ana & Bo) takes over then.');
    expect(followText({ kind: 'self' })).toContain('stay on air');
    expect(followText({ kind: 'none' })).toBe('Nobody follows, so the channel goes off air then.');
  });
});

describe('slotEndedText and withNextSlot', () => {
  it('names the next slot after the thanks, in the DJ’s zone when known', () => {
    expect(slotEndedText(slot, slot.start - 20 * MIN, 'America/Los_Angeles')).toBe(
      'Your slot has ended, so you are off air. Thanks for the set! Your next slot on this channel starts in 20 min (Thu 3 Dec, 10:00–11:00 your time).',
    );
    expect(slotEndedText(slot, slot.start - 20 * MIN, null)).toMatch(/starts in 20 min\.$/);
    expect(slotEndedText(null, 0, 'UTC')).toContain('no further slot on this channel');
  });

  it('rewrites only a slot end, and only once the clock runs', () => {
    const ended = problem('slot-ended');
    expect(withNextSlot(ended, slot, slot.start - MIN, 'UTC')?.message).toContain('starts in 1 min');
    expect(withNextSlot(ended, slot, null, 'UTC')).toBe(ended);
    const kicked = problem('kicked');
    expect(withNextSlot(kicked, slot, 0, 'UTC')).toBe(kicked);
    expect(withNextSlot(null, slot, 0, 'UTC')).toBeNull();
  });
});
