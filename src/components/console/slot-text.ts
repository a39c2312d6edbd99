import { DateTime } from 'luxon';
import type { Problem } from '@/lib/client/publishing/problems';
import type { DjSlot, Follow } from './next-slot-plan';

const MINUTE = 60_000;

/** "2 h 14 min", "14 min", "1 d 3 h", "less than a minute" (rounded up, so it never says 0 min early). */
export function formatIn(ms: number): string {
  if (ms < MINUTE) return 'less than a minute';
  const minutes = Math.ceil(ms / MINUTE);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return rest > 0 ? `${hours} h ${rest} min` : `${hours} h`;
  return `${minutes} min`;
}

const clock = (ms: number, zone: string) => {
  const d = DateTime.fromMillis(ms, { zone });
  return d.toFormat(d.second ? 'HH:mm:ss' : 'HH:mm');
};

/** "Thu 3 Dec, 09:00–10:00" in `zone`. */
export function slotWhen(slot: Pick<DjSlot, 'start' | 'end'>, zone: string): string {
  return `${DateTime.fromMillis(slot.start, { zone }).toFormat('ccc d LLL')}, ${clock(slot.start, zone)}–${clock(slot.end, zone)}`;
}

/**
 * A slot in the DJ's zone, and in the channel's zone when that tells the DJ something else:
 * "Thu 3 Dec, 09:00–10:00 your time (America/Los_Angeles) · 18:00–19:00 Europe/Berlin, the channel's zone".
 */
export function slotInZones(slot: Pick<DjSlot, 'start' | 'end'>, viewerZone: string, channelZone: string): string {
  const mine = `${slotWhen(slot, viewerZone)} your time (${viewerZone})`;
  const sameClock =
    DateTime.fromMillis(slot.start, { zone: viewerZone }).offset === DateTime.fromMillis(slot.start, { zone: channelZone }).offset;
  if (sameClock) return `${mine}, the channel's zone is ${channelZone}`;
  return `${mine} · ${slotWhen(slot, channelZone)} ${channelZone}, the channel's zone`;
}

/** "Your next slot starts in 2 h 14 min", or that it is running. */
export function nextSlotCountdown(next: DjSlot, now: number): string {
  if (now >= next.start) return `Your slot is on now, until it ends in ${formatIn(next.end - now)}`;
  return `Your next slot starts in ${formatIn(next.start - now)}`;
}

/** What the DJ hears about the end of their slot in its last minute. */
export function followText(follow: Follow): string {
  switch (follow.kind) {
    case 'other':
      return `The next DJ (${follow.names.join(' & ')}) takes over then.`;
    case 'self':
      return 'Your next slot follows straight on, so you stay on air.';
    case 'none':
      return 'Nobody follows, so the channel goes off air then.';
  }
}

/** After a slot ended: the thanks, and when the DJ's next slot on this channel starts. */
export function slotEndedText(next: DjSlot | null, now: number, viewerZone: string | null): string {
  const thanks = 'Your slot has ended, so you are off air. Thanks for the set!';
  if (!next) return `${thanks} You have no further slot on this channel in the next two weeks.`;
  const when = viewerZone ? ` (${slotWhen(next, viewerZone)} your time)` : '';
  return `${thanks} Your next slot on this channel starts in ${formatIn(next.start - now)}${when}.`;
}

/** The console's error, with a slot end's message naming the next slot (once the clock runs on the client). */
export function withNextSlot(error: Problem | null, next: DjSlot | null, now: number | null, viewerZone: string | null): Problem | null {
  if (error?.kind !== 'slot-ended' || now === null) return error;
  return { ...error, message: slotEndedText(next, now, viewerZone) };
}
