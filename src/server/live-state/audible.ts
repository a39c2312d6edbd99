import 'server-only';
import type { ParticipantInfo } from 'livekit-server-sdk';
import { getRoomService, setTracksMuted } from '../livekit';
import { TASKS, wake } from '../loop';
import { setTrackAudible } from './live-state';

/**
 * Unmutes (or mutes) an OBS input's audio tracks from the server, then records the live state,
 * which LiveKit sends no webhook for, and wakes what a track_published webhook would have
 * started: pushed pages, the HLS egress, the tempo analyser. Used for an input on air at its join
 * (src/server/ingress/guard.ts) and at a slot start or a green-room hold by the enforcement loop
 * (src/server/schedule/enforce.ts). OBS inputs publish muted: src/server/ingress/hold.ts.
 */
export async function setInputAudible(
  channelId: string,
  room: string,
  participant: string | Pick<ParticipantInfo, 'sid' | 'identity' | 'name'>,
  trackSids: readonly string[],
  audible: boolean,
): Promise<void> {
  const identity = typeof participant === 'string' ? participant : participant.identity;
  await setTracksMuted(room, identity, trackSids, !audible);
  const p =
    typeof participant === 'string'
      ? await getRoomService()
          .getParticipant(room, identity)
          .catch(() => null)
      : participant;
  const trackSid = trackSids[0];
  if (p && trackSid) await setTrackAudible(channelId, { sid: p.sid, identity: p.identity, name: p.name }, trackSid, audible);
  wake(TASKS.streams);
  wake(TASKS.egress);
  wake(TASKS.obsTempo);
  wake(TASKS.autodj); // an OBS set on air takes over from a replay now
}
