// Pure decisions of Follow (Web Push): which endpoints we POST to, which notifications are due
// (a channel going live, a slot starting within REMINDER_LEAD_MS), their keys (so none goes out
// twice) and texts, and what a push service's answer means. The I/O is in notify.ts and send.ts.
import { channelPath } from '@/lib/share/links';
import type { PushPayload } from '@/types/push';

/** Reminders go out this long before a slot starts. */
export const REMINDER_LEAD_MS = 10 * 60_000;
/** A channel on air for longer than this when first seen (the app was down) gets no go-live notice. */
export const GO_LIVE_FRESH_MS = 2 * 60_000;
/** A DJ's reconnect, or a handover, this soon after a go-live notice is not news. */
export const GO_LIVE_COOLDOWN_MS = 30 * 60_000;
/** Sent keys are kept this long (longer than any window above), then pruned. */
export const SENT_KEEP_MS = 2 * 86_400_000;

/**
 * Whether the app may POST to an endpoint an anonymous browser handed it: https only, and only to
 * a push service's host (or a subdomain), so a subscription cannot point the server at anything else.
 */
export function endpointAllowed(endpoint: string, hosts: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  return hosts.some((h) => host === h.toLowerCase() || host.endsWith(`.${h.toLowerCase()}`));
}

export type LiveChannel = { id: string; slug: string; name: string; liveName: string | null; liveSince: Date };

/** A notification due: `key` persisted so it goes out once; `ttlSeconds` how long a push service may hold it. */
export type Notice = { key: string; channelId: string; payload: PushPayload; ttlSeconds: number };

/** A go-live notice is news for a while; a reminder only until its slot starts. */
const GO_LIVE_TTL_SECONDS = 15 * 60;

export const goLiveKey = (channelId: string, since: Date) => `live:${channelId}:${since.toISOString()}`;

/**
 * Go-live notices due: a channel that went on air within GO_LIVE_FRESH_MS, not already notified for
 * this on-air start, and not notified within GO_LIVE_COOLDOWN_MS (`lastLiveSent`: per channel id).
 */
export function planGoLive(
  channels: LiveChannel[],
  sent: ReadonlySet<string>,
  lastLiveSent: ReadonlyMap<string, Date>,
  now: Date,
): Notice[] {
  const out: Notice[] = [];
  for (const c of channels) {
    const age = now.getTime() - c.liveSince.getTime();
    if (age > GO_LIVE_FRESH_MS) continue;
    const key = goLiveKey(c.id, c.liveSince);
    if (sent.has(key)) continue;
    const last = lastLiveSent.get(c.id);
    if (last && c.liveSince.getTime() - last.getTime() < GO_LIVE_COOLDOWN_MS) continue;
    out.push({ key, channelId: c.id, payload: goLivePayload(c), ttlSeconds: GO_LIVE_TTL_SECONDS });
  }
  return out;
}

export function goLivePayload(c: { slug: string; name: string; liveName: string | null }): PushPayload {
  return {
    kind: 'live',
    title: `${c.name} is live`,
    body: c.liveName ? `${c.liveName} is on air now. Tap to listen.` : 'On air now. Tap to listen.',
    url: channelPath(c.slug),
    channel: c.slug,
    tag: `live:${c.slug}`,
  };
}

export type UpcomingSlot = {
  channelId: string;
  slug: string;
  name: string;
  slotId: string;
  /** The occurrence's original local start: stable across moves, so a moved slot is one reminder. */
  occurrence: string;
  title: string;
  hosts: string[];
  start: Date;
};

export const reminderKey = (slotId: string, occurrence: string) => `reminder:${slotId}:${occurrence}`;

/** Reminders due: a slot starting within REMINDER_LEAD_MS (and not started), not reminded yet. */
export function planReminders(slots: UpcomingSlot[], sent: ReadonlySet<string>, now: Date): Notice[] {
  return slots
    .filter((s) => {
      const ahead = s.start.getTime() - now.getTime();
      return ahead > 0 && ahead <= REMINDER_LEAD_MS && !sent.has(reminderKey(s.slotId, s.occurrence));
    })
    .map((s) => ({
      key: reminderKey(s.slotId, s.occurrence),
      channelId: s.channelId,
      payload: reminderPayload(s, now),
      ttlSeconds: Math.max(60, Math.round((s.start.getTime() - now.getTime()) / 1000)),
    }));
}

/** When the next reminder falls due after `now` (for the loop's next pass), or null. */
export function nextReminderAt(slots: UpcomingSlot[], now: Date): Date | null {
  const due = slots.map((s) => s.start.getTime() - REMINDER_LEAD_MS).filter((t) => t > now.getTime());
  return due.length > 0 ? new Date(Math.min(...due)) : null;
}

export function reminderPayload(s: UpcomingSlot, now: Date): PushPayload {
  // No clock time: the server does not know the listener's zone, and "in 10 minutes" needs none.
  const minutes = Math.max(1, Math.round((s.start.getTime() - now.getTime()) / 60_000));
  const show = s.title || 'The next show';
  const withHosts = s.hosts.length > 0 ? ` with ${s.hosts.join(' & ')}` : '';
  return {
    kind: 'reminder',
    title: `${s.name}: starting in ${minutes} min`,
    body: `${show}${withHosts} starts in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    url: channelPath(s.slug),
    channel: s.slug,
    tag: `reminder:${s.slotId}:${s.occurrence}`,
  };
}

/** What a push service's answer means for the subscription: 404 and 410 say it is gone for good. */
export function sendOutcome(status: number): 'sent' | 'gone' | 'failed' {
  if (status >= 200 && status < 300) return 'sent';
  return status === 404 || status === 410 ? 'gone' : 'failed';
}
