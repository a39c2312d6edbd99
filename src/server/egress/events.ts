import 'server-only';
import type { WebhookEvent } from 'livekit-server-sdk';
import { parseChannelRoom } from '@/types/room';
import { leaseHeld, TASKS, wake } from '../loop';
import { hasEnded } from './hls-egress';
import { egressEnded, syncChannelEgress } from './service';

/** Room events that can change whether a channel is on air. */
const LIVE_EVENTS = new Set(['track_published', 'track_unpublished', 'participant_left', 'room_finished', 'room_started']);

/**
 * Reacts to a verified, newly applied webhook (live state already written): a
 * channel that went on or off air gets its egress started or stopped, and an
 * egress that ended on its own is restarted. Everything here is idempotent, so
 * duplicate or out-of-order events only cause no-op syncs.
 */
export async function reactToWebhook(event: WebhookEvent): Promise<void> {
  // Egress is the lease holder's (its supervision serializes each channel in its own process): a
  // replica without the lease hands the event over; the holder's pass finds the ended egress itself.
  if (!leaseHeld()) {
    if (event.event === 'egress_ended' || LIVE_EVENTS.has(event.event)) wake(TASKS.egress);
    return;
  }
  if (event.event === 'egress_ended' && event.egressInfo) {
    const info = event.egressInfo;
    if (hasEnded(info.status)) await egressEnded(info.egressId, info.error);
    return;
  }
  if (!LIVE_EVENTS.has(event.event)) return;
  const channelId = event.room?.name ? parseChannelRoom(event.room.name) : null;
  if (channelId) await syncChannelEgress(channelId);
}
