import 'server-only';
import type { ParticipantInfo } from 'livekit-server-sdk';
import { getRoomService, setTracksMuted } from '../livekit';
import { TASKS, wake } from '../loop';
import { setTrackAudible } from './live-state';

/**
 * Unmutes (or mutes) an OBS input's audio tracks from the server and records the live state,
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
  const trackSid = trackSids[0];
  const record = async (on: boolean) => {
    const p =
      typeof participant === 'string'
        ? await getRoomService()
            .getParticipant(room, identity)
            .catch(() => null)
        : participant;
    if (p && trackSid) await setTrackAudible(channelId, { sid: p.sid, identity: p.identity, name: p.name }, trackSid, on);
  };
  // The live state is written while LiveKit (un)mutes, not after: pages show the change with the
  // audio, not a database round trip or two behind it (seconds on a loaded node). If LiveKit
  // refused, the state is put back and the caller hears of it.
  const [changed, recorded] = await Promise.allSettled([setTracksMuted(room, identity, trackSids, !audible), record(audible)]);
  if (changed.status === 'rejected') {
    if (recorded.status === 'fulfilled') await record(!audible).catch(() => undefined);
    throw changed.reason;
  }
  if (recorded.status === 'rejected') throw recorded.reason;
  wake(TASKS.streams);
  wake(TASKS.egress);
  wake(TASKS.obsTempo);
  wake(TASKS.autodj); // an OBS set on air takes over from a replay now
}
