import 'server-only';
import type { ScheduleResponse } from '@/types/schedule';

/**
 * RFC 5545 text escaping. Line breaks (CRLF, LF or a bare CR) become "\\n"; every other control
 * character, which TEXT cannot carry, becomes a space, so no admin-set name can end a line early.
 */
const esc = (s: string) =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u001f\u007f]/g, ' ');
const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** Lines longer than 75 octets are folded (continuation lines start with a space). */
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  while (start < bytes.length) {
    let end = Math.min(bytes.length, start + (start === 0 ? 75 : 74));
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--; // never split a UTF-8 sequence
    parts.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
  }
  return parts.join('\r\n ');
}

/**
 * An iCalendar feed of a channel's coming occurrences (each one a VEVENT in UTC,
 * so every calendar app shows it at the right local time, moves and cancellations included).
 */
export function toIcs(schedule: ScheduleResponse, appUrl: string, now = new Date()): string {
  const { channel } = schedule;
  const url = `${appUrl.replace(/\/$/, '')}/c/${channel.slug}`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//livekit-radio//schedule//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${esc(channel.name)}`,
    `X-WR-TIMEZONE:${channel.timeZone}`,
  ];
  for (const o of schedule.occurrences) {
    const hosts = o.hosts.map((h) => h.name).join(', ');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${o.slotId}-${o.occurrence.replace(/[-:]/g, '')}@${channel.slug}`,
      `DTSTAMP:${stamp(now.toISOString())}`,
      `DTSTART:${stamp(o.start)}`,
      `DTEND:${stamp(o.end)}`,
      `SUMMARY:${esc(o.title ? `${o.title} · ${hosts}` : hosts)}`,
      `DESCRIPTION:${esc(`Live on ${channel.name}: ${url}`)}`,
      `URL:${url}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
