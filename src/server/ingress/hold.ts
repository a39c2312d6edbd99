import 'server-only';
import { TrackType } from 'livekit-server-sdk';
import { getRoomService, setTracksMuted } from '../livekit';

/*
 * The OBS green room. An input is enabled from the green-room time, so OBS connects early and
 * its track is published, but muted by the server: LiveKit forwards nothing of a muted track
 * to listeners or the egress. At the slot start the enforcement loop unmutes it: audio flows
 * on the same ingress session, no reconnect. Neither alternative keeps the session: revoking
 * `canPublish` unpublishes an ingress's track, and `updateIngress` restarts an active ingress.
 * Unmuting from the server needs `room.enable_remote_unmute: true` (deploy/livekit.yaml).
 */

/** How often a joined green-room input is checked for its first track, and for how long. */
const WATCH_EVERY_MS = 20;
const WATCH_FOR_MS = 15_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Mutes a green-room input's audio the moment LiveKit has it. Ingress publishes its track
 * ~100 ms after joining and subscribers hear it ~250 ms later, while LiveKit's track_published
 * webhook can arrive a second late: so after the join webhook the track is watched for.
 * Ends once the audio is muted, the participant is gone, after WATCH_FOR_MS or at `until`
 * (the slot start). The hold task (./green-room.ts) covers the rest of the green room.
 */
export async function holdWhenPublished(room: string, identity: string, until: Date): Promise<void> {
  // Never past the slot start: from then on the enforcement loop unmutes it.
  const deadline = Math.min(Date.now() + WATCH_FOR_MS, until.getTime());
  while (Date.now() < deadline) {
    const p = await getRoomService()
      .getParticipant(room, identity)
      .catch(() => null);
    if (!p) return;
    const audio = p.tracks.filter((t) => t.type === TrackType.AUDIO);
    const audible = audio.filter((t) => !t.muted).map((t) => t.sid);
    if (audible.length > 0) return setTracksMuted(room, identity, audible, true);
    if (audio.length > 0) return;
    await sleep(WATCH_EVERY_MS);
  }
}
