import { describe, expect, it } from 'vitest';
import { toIcs } from './ics';

describe('toIcs', () => {
  const schedule = {
    channel: { id: 'c1', slug: 'deep', name: 'Deep; Radio, 24/7', timeZone: 'Europe/Berlin' },
    from: '2026-11-22T00:00:00.000Z',
    to: '2026-11-29T00:00:00.000Z',
    now: null,
    next: null,
    occurrences: [
      {
        slotId: 's1',
        occurrence: '2026-11-23T22:00:00',
        title: 'Night Shift — a very long title that certainly needs folding beyond seventy-five octets',
        start: '2026-11-23T21:00:00.000Z',
        end: '2026-11-23T23:00:00.000Z',
        hosts: [{ id: 'u1', name: 'DJ Ä' }],
        recurring: true,
        moved: false,
      },
    ],
  };
  const text = toIcs(schedule, 'https://radio.example/', new Date('2026-11-22T10:00:00Z'));

  it('writes one UTC event per occurrence with CRLF lines', () => {
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text).toContain('DTSTART:20261123T210000Z\r\n');
    expect(text).toContain('DTEND:20261123T230000Z\r\n');
    expect(text).toContain('UID:s1-20261123T220000@deep\r\n');
    expect(text).toContain('X-WR-CALNAME:Deep\\; Radio\\, 24/7\r\n');
    expect(text).toContain('URL:https://radio.example/c/deep\r\n');
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('folds long lines at 75 octets without splitting characters', () => {
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain('SUMMARY:Night Shift — a very long title that certainly needs folding beyond seventy-five octets · DJ Ä');
  });

  it('escapes or drops every control character of admin-set text: no bare CR, LF or other control byte', () => {
    const nasty = {
      ...schedule,
      channel: { ...schedule.channel, name: 'Night\rShift\u0007\u000b\u001bRadio\u007f' },
      occurrences: [{ ...schedule.occurrences[0]!, title: 'Deep\r\nHouse\nMix\rNow\u0000', hosts: [{ id: 'u1', name: 'DJ\tTab' }] }],
    };
    const out = toIcs(nasty, 'https://radio.example/', new Date('2026-11-22T10:00:00Z'));
    const lines = out.slice(0, -2).split('\r\n');
    expect(lines.filter((l) => /[\u0000-\u0008\u000a-\u001f\u007f]/.test(l))).toEqual([]);
    const unfolded = out.replace(/\r\n /g, '');
    expect(unfolded).toContain('X-WR-CALNAME:Night\\nShift   Radio \r\n');
    expect(unfolded).toContain('SUMMARY:Deep\\nHouse\\nMix\\nNow  · DJ Tab\r\n');
  });
});
