import { describe, it, expect } from 'vitest';
import { formatClock, formatDuration, formatOnAirFor } from './format-duration';

describe('formatDuration', () => {
  it('rounds down to whole minutes', () => {
    expect(formatDuration(59_999)).toBe('less than a minute');
    expect(formatDuration(12 * 60_000 + 59_000)).toBe('12 min');
    expect(formatDuration(2 * 3_600_000)).toBe('2 h');
    expect(formatDuration(2 * 3_600_000 + 5 * 60_000)).toBe('2 h 5 min');
  });
  it('never goes negative (clock skew)', () => {
    expect(formatDuration(-5_000)).toBe('less than a minute');
  });
});

describe('formatOnAirFor', () => {
  const now = Date.parse('2026-01-01T12:00:00Z');
  it('formats the time since the set started', () => {
    expect(formatOnAirFor('2026-01-01T11:48:00Z', now)).toBe('on air for 12 min');
  });
  it('is null without a usable time', () => {
    expect(formatOnAirFor(null, now)).toBeNull();
    expect(formatOnAirFor('not a date', now)).toBeNull();
  });
});

describe('formatClock', () => {
  it('formats minutes and hours', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(245_000)).toBe('4:05');
    expect(formatClock(3_723_000)).toBe('1:02:03');
  });
});
