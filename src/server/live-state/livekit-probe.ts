import 'server-only';
import { getRoomService, isRoomNotHosted } from '../livekit';

/**
 * An empty room this app keeps open on LiveKit. deploy/livekit.yaml makes LiveKit answer
 * participant lists from the node that hosts a room (enable_psrpc_for_get_list_participants),
 * not from Redis, so asking this room is a cheap question with three answers: LiveKit is
 * up; it cannot be reached; or it is up but no longer hosts the room, which means the node
 * restarted (or died in a cluster) and every room it had is gone, even though Redis still
 * lists their participants.
 */
const SENTINEL_ROOM = 'radio-liveness';
/** Long, but if LiveKit ever closes it the probe reads that as a restart and reopens it. */
const SENTINEL_EMPTY_TIMEOUT_SECONDS = 7 * 24 * 3600;

export type Probe = 'up' | 'unreachable' | 'restarted';

export async function probeLivekit(): Promise<Probe> {
  try {
    await getRoomService().listParticipants(SENTINEL_ROOM);
    return 'up';
  } catch (err) {
    return isRoomNotHosted(err) ? 'restarted' : 'unreachable';
  }
}

/** Creates (or re-hosts, after a restart) the sentinel room; idempotent. */
export async function hostSentinel(): Promise<void> {
  await getRoomService().createRoom({ name: SENTINEL_ROOM, emptyTimeout: SENTINEL_EMPTY_TIMEOUT_SECONDS });
}
