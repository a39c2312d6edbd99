import 'server-only';
import { getRoomService } from '../livekit/clients';

/**
 * The OBS green room. An input is enabled from the green-room time, so OBS connects early and
 * its track is published, but muted by the server: LiveKit forwards nothing of a muted track
 * to listeners or the egress. At the slot start the enforcement loop unmutes it: audio flows
 * on the same ingress session, no reconnect. Neither alternative keeps the session: revoking
 * `canPublish` unpublishes an ingress's track, and `updateIngress` restarts an active ingress.
 * Unmuting from the server needs `room.enable_remote_unmute: true` (deploy/livekit.yaml).
 */
export async function setTracksMuted(room: string, identity: string, trackSids: readonly string[], muted: boolean): Promise<void> {
  await Promise.all(trackSids.map((sid) => getRoomService().mutePublishedTrack(room, identity, sid, muted)));
}
