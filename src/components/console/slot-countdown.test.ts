import { describe, expect, it } from 'vitest';
import type { Follow } from './next-slot-plan';
import { slotCountdown } from './slot-countdown';

const slot = { start: 100_000, end: 400_000, title: 'Night' };
const none: Follow = { kind: 'none' };
const other: Follow = { kind: 'other', names: ['DJ Two'] };

describe('slotCountdown', () => {
  it('counts down to the start in the green room', () => {
    expect(slotCountdown('waiting', slot, 100_000 - 42_000, none)).toEqual({ text: 'You go on air in 0:42', warning: false });
    expect(slotCountdown('waiting', slot, 100_000 - 41_500, none)?.text).toBe('You go on air in 0:42');
  });

  it('counts down to the end on air and warns in the last minute, naming the next DJ only when one follows', () => {
    expect(slotCountdown('live', slot, 100_000, other)).toEqual({ text: 'Your slot ends in 5:00', warning: false });
    expect(slotCountdown('live', slot, 400_000 - 60_001, other)?.warning).toBe(false);
    expect(slotCountdown('live', slot, 400_000 - 60_000, other)).toEqual({
      text: 'Last minute: your slot ends in 1:00. The next DJ (DJ Two) takes over then.',
      warning: true,
    });
    expect(slotCountdown('reconnecting', slot, 399_000, none)).toEqual({
      text: 'Last minute: your slot ends in 0:01. Nobody follows, so the channel goes off air then.',
      warning: true,
    });
  });

  it('does not warn when the DJ’s own next slot follows straight on', () => {
    expect(slotCountdown('live', slot, 370_000, { kind: 'self' })).toEqual({
      text: 'Your slot ends in 0:30. Your next slot follows straight on, so you stay on air.',
      warning: false,
    });
  });

  it('shows nothing without a slot, a clock, or a session', () => {
    expect(slotCountdown('live', null, 1, none)).toBeNull();
    expect(slotCountdown('waiting', slot, null, none)).toBeNull();
    expect(slotCountdown('idle', slot, 1, none)).toBeNull();
  });
});
