import { describe, expect, it } from 'vitest';
import { channelClock, clockIn, dayIn, dayTimeIn, timeView, zoneLabel } from './listener-times';

const berlin = 'Europe/Berlin';
const ny = 'America/New_York';
// 2026-12-04 21:00 UTC: 22:00 in Berlin, 16:00 in New York.
const evening = '2026-12-04T21:00:00.000Z';
const now = Date.parse('2026-12-03T12:00:00Z');

describe('timeView and zoneLabel', () => {
  it("shows the channel's zone until the browser's is known, and says so", () => {
    const view = timeView(null, berlin);
    expect(view).toEqual({ zone: berlin, channelZone: berlin, yours: false });
    expect(zoneLabel(view)).toBe("Times in the channel's zone, Europe/Berlin.");
  });

  it("shows the listener's zone, naming the channel's when it differs", () => {
    expect(zoneLabel(timeView(ny, berlin))).toBe('Times in your zone, America/New_York. The channel keeps Europe/Berlin time.');
    expect(zoneLabel(timeView(berlin, berlin))).toBe("Times in your zone, Europe/Berlin (the channel's too).");
  });
});

describe('times in the shown zone', () => {
  it('formats one instant in the listener zone, not the channel zone', () => {
    expect(clockIn(evening, timeView(ny, berlin))).toBe('16:00');
    expect(clockIn(evening, timeView(null, berlin))).toBe('22:00');
    expect(dayTimeIn(evening, timeView(ny, berlin), now)).toBe('Fri 4 Dec, 16:00');
    expect(dayIn('2026-12-05T03:00:00Z', timeView(ny, berlin))).toBe('Fri 4 Dec');
  });

  it('adds the year only for another year, and never before the clock is known', () => {
    const far = '2027-02-10T19:00:00Z';
    expect(dayTimeIn(far, timeView(ny, berlin), now)).toBe('Wed 10 Feb 2027, 14:00');
    expect(dayTimeIn(far, timeView(ny, berlin), null)).toBe('Wed 10 Feb, 14:00');
  });

  it("gives the channel's clock beside, with its weekday when the day differs", () => {
    expect(channelClock(evening, timeView(ny, berlin))).toBe('22:00 in Europe/Berlin');
    // 2026-12-05 03:00 UTC: Fri 22:00 in New York, Sat 04:00 in Berlin.
    expect(channelClock('2026-12-05T03:00:00Z', timeView(ny, berlin))).toBe('Sat 04:00 in Europe/Berlin');
    expect(channelClock(evening, timeView(berlin, berlin))).toBeNull();
    expect(channelClock(evening, timeView(null, berlin))).toBeNull();
  });
});
