import { describe, expect, it } from 'vitest';
import { slotCountdown } from './slot-countdown';

const slot = { start: 100_000, end: 400_000, title: 'Night' };

describe('slotCountdown', () => {
  it('counts down to the start in the green room', () => {
    expect(slotCountdown('waiting', slot, 100_000 - 42_000)).toEqual({ text: 'You go on air in 0:42', warning: false });
    expect(slotCountdown('waiting', slot, 100_000 - 41_500)?.text).toBe('You go on air in 0:42');
  });

  it('counts down to the end on air and warns in the last minute', () => {
    expect(slotCountdown('live', slot, 100_000)).toEqual({ text: 'Your slot ends in 5:00', warning: false });
    expect(slotCountdown('live', slot, 400_000 - 60_001)?.warning).toBe(false);
    expect(slotCountdown('live', slot, 400_000 - 60_000)).toEqual({
      text: 'Last minute: your slot ends in 1:00. The next DJ takes over then.',
      warning: true,
    });
    expect(slotCountdown('reconnecting', slot, 399_000)?.warning).toBe(true);
  });

  it('shows nothing without a slot, a clock, or a session', () => {
    expect(slotCountdown('live', null, 1)).toBeNull();
    expect(slotCountdown('waiting', slot, null)).toBeNull();
    expect(slotCountdown('idle', slot, 1)).toBeNull();
  });
});
