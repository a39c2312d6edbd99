import { DateTime } from 'luxon';

/**
 * How the listener page shows times: in the listener's zone once the browser has told it, in the
 * channel's before that (server render, hydration), always saying which.
 */
export type TimeView = { zone: string; channelZone: string; yours: boolean };

export function timeView(viewerZone: string | null, channelZone: string): TimeView {
  return { zone: viewerZone ?? channelZone, channelZone, yours: viewerZone !== null };
}

/** The schedule's label: whose zone the times are in, and the channel's where it differs. */
export function zoneLabel(view: TimeView): string {
  if (!view.yours) return `Times in the channel's zone, ${view.channelZone}.`;
  if (view.zone === view.channelZone) return `Times in your zone, ${view.zone} (the channel's too).`;
  return `Times in your zone, ${view.zone}. The channel keeps ${view.channelZone} time.`;
}

const at = (iso: string, zone: string) => DateTime.fromISO(iso, { zone });

/** "16:00" in the shown zone. */
export const clockIn = (iso: string, view: TimeView) => at(iso, view.zone).toFormat('HH:mm');

/**
 * "Fri 15 Jan, 16:00" in the shown zone, with the year when it is not this year's (`nowMs`; null
 * through hydration, when the clock may not be read).
 */
export function dayTimeIn(iso: string, view: TimeView, nowMs: number | null): string {
  const t = at(iso, view.zone);
  const otherYear = nowMs !== null && t.year !== DateTime.fromMillis(nowMs, { zone: view.zone }).year;
  return t.toFormat(otherYear ? 'ccc d LLL yyyy, HH:mm' : 'ccc d LLL, HH:mm');
}

/** "Sat 22:00 in Europe/Berlin": the same instant on the channel's clock, or null when it reads the same. */
export function channelClock(iso: string, view: TimeView): string | null {
  if (view.zone === view.channelZone) return null;
  const theirs = at(iso, view.channelZone);
  const mine = at(iso, view.zone);
  const day = theirs.toISODate() === mine.toISODate() ? '' : `${theirs.toFormat('ccc')} `;
  return `${day}${theirs.toFormat('HH:mm')} in ${view.channelZone}`;
}

/** "Fri 15 Jan" in the shown zone. */
export const dayIn = (iso: string, view: TimeView) => at(iso, view.zone).toFormat('ccc d LLL');
