// Pure helpers of the set page (unit tested): the ?t=1h02m start time of a share link, and the
// mapping between a tempo point's clock time and a position in the recording.
import type { TimelinePart } from '@/types/archive';

/** Seconds from `1h02m05s`, `62m`, `95s`, `1:02:05`, `3725`; null when it is none of these. */
export function parseStartTime(raw: string | null | undefined): number | null {
  const t = (raw ?? '').trim().toLowerCase();
  if (!t || t.length > 16) return null;
  if (/^\d+$/.test(t)) return Number(t);
  const colon = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(t);
  if (colon) return Number(colon[1] ?? 0) * 3600 + Number(colon[2]) * 60 + Number(colon[3]);
  const units = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(t);
  if (!units || !(units[1] || units[2] || units[3])) return null;
  return Number(units[1] ?? 0) * 3600 + Number(units[2] ?? 0) * 60 + Number(units[3] ?? 0);
}

/** `1h02m05s`, `2m00s`, `45s`: what a share link carries (whole seconds). */
export function formatStartTime(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (h) return `${h}h${pad(m)}m${sec ? `${pad(sec)}s` : ''}`;
  if (m) return `${m}m${sec ? `${pad(sec)}s` : ''}`;
  return `${sec}s`;
}

/**
 * Position in the recording (s) of a clock time (epoch ms): inside the attempt that covers it;
 * between attempts (the egress was restarting) at the next one's start. Parts without a known
 * clock start are placed after the previous part, or at the set's start.
 */
export function offsetAt(timeline: readonly TimelinePart[], at: number, setStart: number): number {
  let prevEnd = setStart;
  for (const part of timeline) {
    const start = part.at ?? prevEnd;
    if (at < start) return part.offset;
    if (at <= start + part.seconds * 1000) return part.offset + (at - start) / 1000;
    prevEnd = start + part.seconds * 1000;
  }
  const last = timeline.at(-1);
  return last ? last.offset + last.seconds : 0;
}

/** Clock time (epoch ms) of a position in the recording, the inverse of offsetAt inside a part. */
export function clockAt(timeline: readonly TimelinePart[], offset: number, setStart: number): number {
  let prevEnd = setStart;
  for (const part of timeline) {
    const start = part.at ?? prevEnd;
    if (offset <= part.offset + part.seconds) return start + Math.max(0, offset - part.offset) * 1000;
    prevEnd = start + part.seconds * 1000;
  }
  return prevEnd;
}

/** Arrow keys move 10 s; Page keys a tenth of the set (at least a minute); Home and End go to the ends. */
const ARROW_S = 10;

/** Where a key moves the tempo curve's playhead (s, inside the recording); null for keys it leaves to the page. */
export function seekByKey(key: string, position: number, length: number): number | null {
  const page = Math.max(60, length / 10);
  const step: Record<string, number> = {
    ArrowRight: ARROW_S,
    ArrowUp: ARROW_S,
    ArrowLeft: -ARROW_S,
    ArrowDown: -ARROW_S,
    PageUp: page,
    PageDown: -page,
  };
  if (key === 'Home') return 0;
  if (key === 'End') return Math.max(0, length);
  const by = step[key];
  return by === undefined ? null : Math.min(Math.max(0, position + by), Math.max(0, length));
}

/** The tempo heard at a clock time: the last point at or before it, if at most `gapMs` old; null inside a gap. */
export function tempoNear(points: readonly { at: number; bpm: number | null }[], at: number, gapMs: number): number | null {
  let found: { at: number; bpm: number | null } | undefined;
  for (const p of points) {
    if (p.at > at) break;
    found = p;
  }
  return found && at - found.at <= gapMs ? found.bpm : null;
}
