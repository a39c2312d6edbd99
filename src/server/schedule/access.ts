import 'server-only';
import { getEnv } from '../env';
import { HttpError } from '../http';
import { describeTime } from './conflicts';
import { djAccess, type DjAccess, publishRights } from './on-air';
import { nextOccurrenceFor, rightsInput } from './store';

export type PublishDecision = { mode: 'publish' | 'green_room'; start: Date; end: Date; title: string } | { mode: 'override' };

/** 403 wording for a DJ outside their slot: why, and when their next slot is. */
export function refusalMessage(access: Exclude<DjAccess, { kind: 'publish' | 'green_room' }>, zone: string): string {
  if (access.kind === 'blocked') {
    const after = `You can go live here again after ${describeTime(access.until, access.until, zone).replace(/–.*? \(/, ' (')}.`;
    if (access.cause === 'not_audio') {
      return `Your broadcast sent a video track as its microphone, and a channel carries audio only, so the server took you off air. ${after}`;
    }
    return `An admin took you off air on this channel. ${after}`;
  }
  if (!access.next) return 'You have no upcoming slot on this channel, so you cannot go live here now.';
  const { start, end, title } = access.next;
  return `It is not your slot yet. Your next slot${title ? ` “${title}”` : ''} on this channel is ${describeTime(start, end, zone)}.`;
}

/**
 * Whether a DJ may connect to a channel now and with what: publish inside their
 * slot, connect unheard in the green room, or a 403 naming their next slot.
 */
export async function decideDjAccess(
  userId: string,
  channel: { id: string; timeZone: string },
  now = new Date(),
): Promise<PublishDecision> {
  const input = await rightsInput(channel.id, now, getEnv().SLOT_GREEN_ROOM_SECONDS * 1000);
  let access = djAccess(userId, input);
  if (access.kind === 'denied' && !access.next && input.eligible.has(userId)) {
    access = { kind: 'denied', next: await nextOccurrenceFor(channel.id, userId, now) };
  }
  if (access.kind === 'publish' || access.kind === 'green_room') {
    const { start, end, title } = access.occurrence;
    return { mode: access.kind, start, end, title };
  }
  throw new HttpError(403, 'outside_slot', refusalMessage(access, channel.timeZone));
}

/**
 * Whether a DJ may publish on a channel this instant (inside their slot, not blocked).
 */
export async function mayPublishNow(channelId: string, userId: string, now = new Date()): Promise<boolean> {
  return publishRights(await rightsInput(channelId, now, 0)).publishers.has(userId);
}

/**
 * What one DJ may do on a channel now: the rule for OBS inputs, which connect from the green
 * room on (heard from the slot start). `findNext` looks up a refused DJ's next slot however far ahead.
 */
export async function djAccessNow(channelId: string, userId: string, opts: { findNext?: boolean; now?: Date } = {}): Promise<DjAccess> {
  const now = opts.now ?? new Date();
  const input = await rightsInput(channelId, now, getEnv().SLOT_GREEN_ROOM_SECONDS * 1000);
  const access = djAccess(userId, input);
  if (opts.findNext && access.kind === 'denied' && !access.next && input.eligible.has(userId)) {
    return { kind: 'denied', next: await nextOccurrenceFor(channelId, userId, now) };
  }
  return access;
}
